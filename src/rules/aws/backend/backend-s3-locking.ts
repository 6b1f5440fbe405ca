import { defineRule } from "../../rule.js";
import { show } from "../../support.js";

export default defineRule({
  id: "backend-s3-locking",
  meta: {
    title: "Terraform state in S3 is locked during runs",
    severity: "medium",
    service: "backend",
    scope: "all",
    messages: {
      lockfile: "The S3 backend locks the state with an S3 lock file (use_lockfile = true).",
      dynamodbDeprecated:
        "The S3 backend locks the state with DynamoDB table {{table}}; DynamoDB locking is deprecated since Terraform 1.11, use use_lockfile = true.",
      noLocking:
        "The S3 backend sets neither use_lockfile = true nor dynamodb_table: concurrent runs can overwrite each other's state.",
      partial:
        "The S3 backend block names no bucket: its settings come from -backend-config at init, so its locking cannot be checked here.",
      unknown: "Whether the S3 backend locks the state is known only after apply.",
    },
    remediation: {
      text: "Set use_lockfile = true (Terraform ≥ 1.10) in the backend block; drop dynamodb_table once every user runs Terraform ≥ 1.10.",
      hcl: `terraform {
  backend "s3" {
    bucket       = "acme-terraform-state"
    key          = "prod/terraform.tfstate"
    region       = "us-east-1"
    encrypt      = true
    kms_key_id   = "arn:aws:kms:us-east-1:111122223333:key/0b6c2f41-7d3e-4c55-9a61-2f5d8e9c1a70"
    use_lockfile = true
  }
}`,
    },
    docs: "https://developer.hashicorp.com/terraform/language/backend/s3#state-locking",
    defaultOptions: {},
  },
  check(context) {
    const backend = context.model.backend;
    if (!backend) return;
    const { useLockfile, dynamodbTableName } = backend;
    if (backend.bucketName.origin === "default") {
      context.unknown(backend, "partial");
    } else if (useLockfile.origin !== "unknown" && useLockfile.value === true) {
      context.pass(backend, "lockfile", {}, useLockfile.range);
    } else if (dynamodbTableName.origin !== "default") {
      // Deprecated, still a lock: a pass with its own message id, so reports can list it for migration.
      context.pass(backend, "dynamodbDeprecated", { table: show(dynamodbTableName) }, dynamodbTableName.range);
    } else if (useLockfile.origin === "unknown") {
      context.unknown(backend, "unknown", {}, useLockfile.range);
    } else {
      context.fail(backend, "noLocking", {}, useLockfile.range);
    }
  },
});
