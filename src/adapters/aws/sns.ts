/** SNS topics and their policies (`policy` on the topic or `aws_sns_topic_policy`). */
import type { Topic } from "../../model/aws/sns.js";
import type { AdaptContext, Mutable } from "./context.js";
import { arnName, JoinIndex } from "./join.js";
import { unjoined } from "./kms.js";
import { rawValue } from "./read.js";

export function adaptTopics(ctx: AdaptContext): JoinIndex<Topic> {
  const index = new JoinIndex<Topic>();
  const r = ctx.read;
  for (const instance of ctx.instances("aws_sns_topic")) {
    ctx.guard(instance, () => {
      const body = instance.body;
      const topic: Mutable<Topic> = {
        ...ctx.base(instance),
        name: r.string(body, "name"),
        kmsKey: ctx.keyReference(instance, "kms_master_key_id"),
        policy: ctx.policy(instance, "policy"),
        fifo: r.bool(body, "fifo_topic", false),
        tags: r.defaulted(instance.range),
      };
      topic.tags = ctx.tags(instance, topic);
      index.add(instance, topic);
      index.addName(topic.name.value, topic);
      ctx.register(topic);
    });
  }
  for (const instance of ctx.instances("aws_sns_topic_policy")) {
    ctx.guard(instance, () => {
      const link = index.resolve(rawValue(instance.body, "arn"), { from: instance, nameOf: arnName });
      if (link.kind !== "resolved") {
        ctx.diagnostics.push(
          unjoined(instance.body.attributes.arn?.range ?? instance.range, instance.address, "topic"),
        );
        return;
      }
      const topic = link.target as Mutable<Topic> & { sources: Topic["sources"][number][] };
      topic.policy = ctx.policy(instance, "policy") ?? topic.policy;
      ctx.join(topic, instance);
    });
  }
  return index;
}
