import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const commentLine = /^\s*(#|\/\/)/;
const annotation = /#\s*phiform:\s*violates\s+([a-z0-9-]+)/;

export interface Annotation {
  readonly rule: string;
  readonly file: string;
  /** The construct's line: the annotation's own line for a trailing comment, else the first code line below the run
   * of comment lines it stands in (so several annotations can stack above one block). */
  readonly line: number;
}

/** The `# phiform: violates <rule-id>` annotations of the .tf files of one example directory. */
export function violationAnnotations(dir: string): Annotation[] {
  const out: Annotation[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".tf"))
    .sort()) {
    const lines = readFileSync(join(dir, file), "utf8").split("\n");
    lines.forEach((text, index) => {
      const rule = annotation.exec(text)?.[1];
      if (!rule) return;
      let target = index;
      if (commentLine.test(text)) {
        while (target < lines.length && commentLine.test(lines[target] ?? "")) target++;
      }
      out.push({ rule, file, line: target + 1 });
    });
  }
  return out;
}
