import fc from "fast-check";

// Property tests run with a fixed seed so that CI is reproducible; set FC_SEED to a number to try another seed,
// or to "random" to explore (fast-check prints the seed of any counterexample it finds).
const seed = process.env.FC_SEED;
if (seed !== "random") fc.configureGlobal({ seed: seed === undefined ? 20261123 : Number(seed) });
