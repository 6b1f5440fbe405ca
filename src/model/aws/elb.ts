/**
 * Elastic Load Balancing v2: load balancers (`aws_lb`, `aws_alb`) and listeners (`aws_lb_listener`,
 * `aws_alb_listener`). Defaults: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb_listener
 */
import type { Range } from "../../hcl/range.js";
import type { Link, ModelObject, Tags, Tracked } from "./resource.js";

export interface LoadBalancer extends ModelObject {
  readonly name: Tracked<string>;
  /** `application` (default), `network`, `gateway`. */
  readonly loadBalancerType: Tracked<string>;
  /** Default false. */
  readonly internal: Tracked<boolean>;
  /** Default false. */
  readonly dropInvalidHeaderFields: Tracked<boolean>;
  readonly listeners: readonly Listener[];
  readonly accessLogsEnabled: Tracked<boolean>;
  readonly tags: Tracked<Tags>;
}

export interface ListenerAction {
  readonly range: Range;
  /** `forward`, `redirect`, `fixed-response`, `authenticate-cognito`, `authenticate-oidc`. */
  readonly type: Tracked<string>;
  /** For `redirect`: default `#{protocol}` (unchanged). */
  readonly redirectProtocol: Tracked<string>;
  readonly redirectPort: Tracked<string>;
  readonly redirectStatusCode: Tracked<string>;
}

export interface Listener extends ModelObject {
  readonly loadBalancerArn: Tracked<string>;
  readonly loadBalancer: Link<LoadBalancer>;
  readonly port: Tracked<number>;
  /** Default `HTTP` for application load balancers, `TCP` for network load balancers (unknown when the LB is). */
  readonly protocol: Tracked<string>;
  /** For HTTPS/TLS listeners; default `ELBSecurityPolicy-2016-08` (AWS's default when none is given). */
  readonly sslPolicy: Tracked<string>;
  readonly certificateArn: Tracked<string>;
  readonly defaultActions: readonly ListenerAction[];
  readonly tags: Tracked<Tags>;
}
