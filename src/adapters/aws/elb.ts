/** Load balancers and their listeners. */
import type { Listener, ListenerAction, LoadBalancer } from "../../model/aws/elb.js";
import type { AdaptContext, Mutable } from "./context.js";
import { JoinIndex } from "./join.js";
import { block, blocks, rawValue } from "./read.js";

export function adaptLoadBalancers(ctx: AdaptContext): { loadBalancers: LoadBalancer[]; listeners: Listener[] } {
  const r = ctx.read;
  const balancers = new JoinIndex<LoadBalancer>();
  for (const type of ["aws_lb", "aws_alb"]) {
    for (const instance of ctx.instances(type)) {
      ctx.guard(instance, () => {
        const body = instance.body;
        const logs = block(body, "access_logs");
        const lb: Mutable<LoadBalancer> = {
          ...ctx.base(instance),
          name: r.string(body, "name"),
          loadBalancerType: r.string(body, "load_balancer_type", "application"),
          internal: r.bool(body, "internal", false),
          dropInvalidHeaderFields: r.bool(body, "drop_invalid_header_fields", false),
          listeners: [],
          accessLogsEnabled: logs ? r.bool(logs, "enabled", true) : r.defaulted(instance.range, false),
          tags: r.defaulted(instance.range),
        };
        lb.tags = ctx.tags(instance, lb);
        balancers.add(instance, lb);
        ctx.register(lb);
      });
    }
  }
  const listeners: Listener[] = [];
  for (const type of ["aws_lb_listener", "aws_alb_listener"]) {
    for (const instance of ctx.instances(type)) {
      ctx.guard(instance, () => {
        const body = instance.body;
        const loadBalancer = balancers.resolve(rawValue(body, "load_balancer_arn"), { from: instance });
        const lbType = loadBalancer.kind === "resolved" ? loadBalancer.target.loadBalancerType.value : undefined;
        const defaultProtocol = lbType === "network" ? "TCP" : lbType === "application" ? "HTTP" : undefined;
        const protocol = r.string(body, "protocol", defaultProtocol);
        const secure = protocol.value === "HTTPS" || protocol.value === "TLS";
        const defaultActions: ListenerAction[] = blocks(body, "default_action").map((action) => {
          const redirect = block(action, "redirect") ?? {
            range: action.range,
            attributes: Object.create(null),
            blocks: Object.create(null),
          };
          return {
            range: action.range,
            type: r.string(action, "type"),
            redirectProtocol: r.string(redirect, "protocol", "#{protocol}"),
            redirectPort: r.string(redirect, "port", "#{port}"),
            redirectStatusCode: r.string(redirect, "status_code"),
          };
        });
        const listener: Mutable<Listener> = {
          ...ctx.base(instance),
          loadBalancerArn: r.string(body, "load_balancer_arn"),
          loadBalancer,
          port: r.number(body, "port"),
          protocol,
          sslPolicy: r.string(body, "ssl_policy", secure ? "ELBSecurityPolicy-2016-08" : undefined),
          certificateArn: r.string(body, "certificate_arn"),
          defaultActions,
          tags: r.defaulted(instance.range),
        };
        listener.tags = ctx.tags(instance, listener);
        if (loadBalancer.kind === "resolved") (loadBalancer.target.listeners as Listener[]).push(listener);
        listeners.push(listener);
        ctx.register(listener);
      });
    }
  }
  return { loadBalancers: balancers.items, listeners };
}
