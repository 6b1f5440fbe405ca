import { parseAddress } from "../../../model/aws/policy-analysis.js";
import { defineRule } from "../../rule.js";

export default defineRule({
  id: "iam-no-user-policies",
  meta: {
    title: "IAM users get permissions only through groups or roles",
    severity: "low",
    service: "iam",
    scope: "all",
    messages: {
      noDirectPolicies: "IAM user {{user}} has no policy attached directly.",
      inlinePolicy:
        "{{source}} embeds a policy in IAM user {{user}}; grant permissions through a group or role so access is reviewed per job function.",
      attachedPolicy:
        "{{source}} attaches {{policy}} directly to IAM user {{user}}; attach it to a group or role so access is reviewed per job function.",
    },
    remediation: {
      text: "Put the user in a group and attach the policy to the group (or let people assume a role).",
      hcl: `resource "aws_iam_group_policy_attachment" "analysts" {
  group      = aws_iam_group.analysts.name
  policy_arn = aws_iam_policy.read_only.arn
}

resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.analysts.name]
}`,
    },
    docs: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-groups-for-permissions",
    defaultOptions: {},
  },
  check(context) {
    const { iam } = context.model;
    for (const user of iam.users) {
      for (const inline of user.inlinePolicies) {
        const data = { user: user.address, source: inline.address };
        context.fail(user, "inlinePolicy", data, inline.range);
      }
      for (const attachment of user.attachedPolicies) {
        const link = attachment.policy;
        const policy =
          link.kind === "resolved"
            ? link.target.address
            : (attachment.policyArn.value ?? "a policy known only after apply");
        context.fail(
          user,
          "attachedPolicy",
          { user: user.address, source: attachment.address, policy },
          attachment.range,
        );
      }
      if (user.inlinePolicies.length === 0 && user.attachedPolicies.length === 0) {
        context.pass(user, "noDirectPolicies", { user: user.address });
      }
    }
    // Attachments to, and inline policies of, users defined outside this configuration.
    for (const attachment of iam.externalAttachments) {
      if (attachment.principalType !== "user") continue;
      const data = {
        user: attachment.principalName.value ?? "(known after apply)",
        source: attachment.address,
        policy: attachment.policyArn.value ?? "a policy known only after apply",
      };
      context.fail(attachment, "attachedPolicy", data, attachment.principalName.range);
    }
    for (const policy of iam.identityPolicies) {
      if (policy.attachedTo.length > 0 || parseAddress(policy.address)?.type !== "aws_iam_user_policy") continue;
      const subject = { address: policy.address, range: policy.range };
      context.fail(subject, "inlinePolicy", { user: "(defined outside this configuration)", source: policy.address });
    }
  },
});
