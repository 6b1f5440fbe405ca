/** Account-level settings. */
import type { AccessAnalyzer, AccountPublicAccessBlock, PasswordPolicy } from "../../model/aws/account.js";
import type { AdaptContext } from "./context.js";

export function adaptAccount(ctx: AdaptContext): {
  publicAccessBlocks: AccountPublicAccessBlock[];
  passwordPolicies: PasswordPolicy[];
  accessAnalyzers: AccessAnalyzer[];
} {
  const r = ctx.read;
  const publicAccessBlocks: AccountPublicAccessBlock[] = [];
  const passwordPolicies: PasswordPolicy[] = [];
  const accessAnalyzers: AccessAnalyzer[] = [];
  for (const instance of ctx.instances("aws_s3_account_public_access_block")) {
    ctx.guard(instance, () => {
      const b = instance.body;
      publicAccessBlocks.push(
        ctx.register({
          ...ctx.base(instance),
          accountId: r.string(b, "account_id"),
          blockPublicAcls: r.bool(b, "block_public_acls", false),
          blockPublicPolicy: r.bool(b, "block_public_policy", false),
          ignorePublicAcls: r.bool(b, "ignore_public_acls", false),
          restrictPublicBuckets: r.bool(b, "restrict_public_buckets", false),
        }),
      );
    });
  }
  for (const instance of ctx.instances("aws_iam_account_password_policy")) {
    ctx.guard(instance, () => {
      const b = instance.body;
      passwordPolicies.push(
        ctx.register({
          ...ctx.base(instance),
          minimumPasswordLength: r.number(b, "minimum_password_length", 6),
          passwordReusePrevention: r.number(b, "password_reuse_prevention"),
          maxPasswordAge: r.number(b, "max_password_age"),
          requireSymbols: r.bool(b, "require_symbols", false),
          requireNumbers: r.bool(b, "require_numbers", false),
          requireUppercaseCharacters: r.bool(b, "require_uppercase_characters", false),
          requireLowercaseCharacters: r.bool(b, "require_lowercase_characters", false),
          allowUsersToChangePassword: r.bool(b, "allow_users_to_change_password", true),
          hardExpiry: r.bool(b, "hard_expiry", false),
        }),
      );
    });
  }
  for (const instance of ctx.instances("aws_accessanalyzer_analyzer")) {
    ctx.guard(instance, () => {
      accessAnalyzers.push(
        ctx.register({
          ...ctx.base(instance),
          name: r.string(instance.body, "analyzer_name"),
          analyzerType: r.string(instance.body, "type", "ACCOUNT"),
        }),
      );
    });
  }
  return { publicAccessBlocks, passwordPolicies, accessAnalyzers };
}
