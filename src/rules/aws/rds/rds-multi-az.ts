import type { DbCluster } from "../../../model/aws/rds.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { countUnknown, databases, inScope, judge, show } from "../../support.js";

/**
 * Aurora: a writer and at least one reader (a failover target in another AZ) — `availability_zones` only places the
 * cluster volume, which Aurora replicates across three AZs anyway. Multi-AZ DB clusters (non-Aurora engines) always
 * run three instances in three AZs; Aurora Serverless v1 fails over to another AZ by itself.
 */
function judgeCluster(context: RuleContext, cluster: DbCluster): void {
  const engine = cluster.engine;
  const data = { db: cluster.address, engine: show(engine), instances: cluster.instances.length };
  if (engine.origin === "unknown") {
    context.unknown(cluster, "engineUnknown", data, engine.range);
    return;
  }
  // The provider's default engine is "aurora".
  const aurora = engine.value === undefined || engine.value.startsWith("aurora");
  if (!aurora) {
    context.pass(cluster, "multiAzDbCluster", data, engine.range);
    return;
  }
  const mode = cluster.engineMode;
  if (mode.origin === "unknown") {
    context.unknown(cluster, "engineModeUnknown", data, mode.range);
    return;
  }
  if (mode.value === "serverless") {
    context.pass(cluster, "serverlessFailover", data, mode.range);
    return;
  }
  if (cluster.instances.length >= 2) context.pass(cluster, "auroraReplica", data);
  else if (cluster.instances.some(countUnknown)) {
    context.unknown(cluster, "instanceCountUnknown", data);
  } else context.fail(cluster, "singleInstanceCluster", data);
}

export default defineRule({
  id: "rds-multi-az",
  meta: {
    title: "PHI databases survive the loss of an Availability Zone",
    severity: "high",
    service: "rds",
    scope: "phi",
    messages: {
      multiAz: "Database instance {{db}} is Multi-AZ: a standby in another Availability Zone takes over on failure.",
      singleAz:
        "PHI database instance {{db}} runs in one Availability Zone (multi_az is {{multiAz}}): an AZ outage makes PHI unavailable (164.308(a)(7)).",
      multiAzUnknown: "Whether PHI database instance {{db}} is Multi-AZ is known only after apply.",
      auroraReplica:
        "Aurora cluster {{db}} has {{instances}} instances in this configuration: a reader can take over from the writer.",
      singleInstanceCluster:
        "PHI Aurora cluster {{db}} has {{instances}} instance(s) in this configuration: with no reader to fail over to, an AZ outage stops it until a new instance is created.",
      multiAzDbCluster:
        "Cluster {{db}} ({{engine}}) is a Multi-AZ DB cluster: a writer and two readers in three Availability Zones.",
      serverlessFailover: "Aurora Serverless cluster {{db}} fails over to another Availability Zone by itself.",
      instanceCountUnknown:
        "The number of instances of PHI Aurora cluster {{db}} is known only after apply, so whether a reader can take over cannot be told.",
      engineUnknown: "The engine of PHI cluster {{db}} is known only after apply.",
      engineModeUnknown: "The engine mode of PHI Aurora cluster {{db}} is known only after apply.",
    },
    remediation: {
      text: "Set multi_az = true on DB instances; give Aurora clusters at least two instances (a writer and a reader, placed in different AZs).",
      hcl: `resource "aws_db_instance" "this" {
  # ...
  multi_az = true
}

resource "aws_rds_cluster_instance" "this" {
  count              = 2
  cluster_identifier = aws_rds_cluster.this.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.this.engine
}`,
    },
    docs: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html",
    defaultOptions: {},
  },
  check(context) {
    for (const db of inScope("phi", databases(context.model))) {
      if ("instances" in db) {
        judgeCluster(context, db);
        continue;
      }
      const leaf = db.multiAz;
      const status = judge(leaf, (value) => value === true);
      const messageId = status === "pass" ? "multiAz" : status === "fail" ? "singleAz" : "multiAzUnknown";
      context.report(status, db, messageId, { db: db.address, multiAz: show(leaf) }, leaf.range);
    }
  },
});
