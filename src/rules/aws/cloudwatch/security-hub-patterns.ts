/**
 * The CloudWatch Logs metric-filter patterns AWS Security Hub checks (controls CloudWatch.1–14, = CIS AWS Foundations
 * v1.2.0 3.x / v1.4.0 4.x). Security Hub fails any filter whose pattern is not exactly one of these strings, so the
 * alarm rules compare exactly (outer whitespace trimmed) and report near misses, including the CIS benchmark's
 * differently spaced variants, as failures.
 * Source: awsdocs/aws-security-hub-user-guide @47bfe2f, doc_source/cloudwatch-controls.md (CloudWatch.1 at line 66),
 * as transcribed in shared/reference/cloudtrail.md section 4.
 */

export interface SecurityHubPattern {
  /** The Security Hub control id, `CloudWatch.N`. */
  readonly control: string;
  /** The CIS AWS Foundations Benchmark v1.4.0 recommendation with the same event list. */
  readonly cis: string;
  /** What the filter catches, for messages: "root account usage". */
  readonly events: string;
  readonly pattern: string;
  readonly source: string;
}

const source = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html";

function entry(control: string, cis: string, events: string, pattern: string): SecurityHubPattern {
  return { control, cis, events, pattern, source: `${source}#${control.toLowerCase().replace(".", "-")}` };
}

export const securityHubPatterns = {
  rootUsage: entry(
    "CloudWatch.1",
    "CIS 4.3",
    "root account usage",
    '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}',
  ),
  unauthorizedApiCalls: entry(
    "CloudWatch.2",
    "CIS 4.1",
    "unauthorized API calls",
    '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}',
  ),
  consoleLoginNoMfa: entry(
    "CloudWatch.3",
    "CIS 4.2",
    "console sign-in without MFA",
    '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  ),
  iamPolicyChanges: entry(
    "CloudWatch.4",
    "CIS 4.4",
    "IAM policy changes",
    "{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}",
  ),
  cloudtrailChanges: entry(
    "CloudWatch.5",
    "CIS 4.5",
    "CloudTrail configuration changes",
    "{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}",
  ),
  consoleAuthFailures: entry(
    "CloudWatch.6",
    "CIS 4.6",
    "console authentication failures",
    '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}',
  ),
  kmsKeyDeletion: entry(
    "CloudWatch.7",
    "CIS 4.7",
    "customer-managed keys disabled or scheduled for deletion",
    "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}",
  ),
  s3BucketPolicyChanges: entry(
    "CloudWatch.8",
    "CIS 4.8",
    "S3 bucket policy changes",
    "{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}",
  ),
  configChanges: entry(
    "CloudWatch.9",
    "CIS 4.9",
    "AWS Config configuration changes",
    "{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}",
  ),
  securityGroupChanges: entry(
    "CloudWatch.10",
    "CIS 4.10",
    "security group changes",
    "{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}",
  ),
  naclChanges: entry(
    "CloudWatch.11",
    "CIS 4.11",
    "network ACL changes",
    "{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}",
  ),
  networkGatewayChanges: entry(
    "CloudWatch.12",
    "CIS 4.12",
    "network gateway changes",
    "{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}",
  ),
  routeTableChanges: entry(
    "CloudWatch.13",
    "CIS 4.13",
    "route table changes",
    "{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}",
  ),
  vpcChanges: entry(
    "CloudWatch.14",
    "CIS 4.14",
    "VPC changes",
    "{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}",
  ),
} as const satisfies Record<string, SecurityHubPattern>;

export const allSecurityHubPatterns: readonly SecurityHubPattern[] = Object.values(securityHubPatterns);
