/**
 * The Regions a configuration manages: one per AWS provider configuration its resources use. Regional settings
 * (EBS encryption by default and the default EBS key) are joined to the provider configuration they are created with.
 */
import type { Range } from "../../hcl/range.js";
import type { EbsDefaultKmsKey, EbsEncryptionByDefault } from "./ec2.js";
import type { Tracked } from "./resource.js";

export interface Region {
  /** The provider configuration address: `provider["registry.terraform.io/hashicorp/aws"].east`. */
  readonly address: string;
  /**
   * The `provider "aws"` block; for a provider used without a block (Region from the environment), the first
   * resource using it — or, when that resource is in a child module, the root module's `module` block leading to it.
   */
  readonly range: Range;
  /** The provider's `region` attribute; default: from the environment (undefined). */
  readonly region: Tracked<string>;
  readonly ebsEncryptionByDefault: readonly EbsEncryptionByDefault[];
  readonly ebsDefaultKmsKeys: readonly EbsDefaultKmsKey[];
}
