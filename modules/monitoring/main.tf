data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.region

  topic_name = coalesce(var.topic_name, "${var.name_prefix}-security-alarms")

  # Security Hub (CloudWatch.1-14) fails anything but these exact filter strings; do not reformat them.
  security_hub_alarms = {
    "root-usage" = {
      control     = "CloudWatch.1"
      metric_name = "RootAccountUsage"
      description = "Root account usage (CIS 4.3, Security Hub CloudWatch.1)"
      pattern     = "{$.userIdentity.type=\"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !=\"AwsServiceEvent\"}"
    }
    "unauthorized-api-calls" = {
      control     = "CloudWatch.2"
      metric_name = "UnauthorizedAPICalls"
      description = "Unauthorized API calls (CIS 4.1, Security Hub CloudWatch.2)"
      pattern     = "{($.errorCode=\"*UnauthorizedOperation\") || ($.errorCode=\"AccessDenied*\")}"
    }
    "console-login-no-mfa" = {
      control     = "CloudWatch.3"
      metric_name = "ConsoleSignInWithoutMfa"
      description = "Management console sign-in without MFA (CIS 4.2, Security Hub CloudWatch.3)"
      pattern     = "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") && ($.userIdentity.type = \"IAMUser\") && ($.responseElements.ConsoleLogin = \"Success\") }"
    }
    "iam-policy-changes" = {
      control     = "CloudWatch.4"
      metric_name = "IAMPolicyChanges"
      description = "IAM policy changes (CIS 4.4, Security Hub CloudWatch.4)"
      pattern     = "{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}"
    }
    "cloudtrail-changes" = {
      control     = "CloudWatch.5"
      metric_name = "CloudTrailConfigChanges"
      description = "CloudTrail configuration changes (CIS 4.5, Security Hub CloudWatch.5)"
      pattern     = "{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}"
    }
    "console-auth-failures" = {
      control     = "CloudWatch.6"
      metric_name = "ConsoleSignInFailures"
      description = "Console authentication failures (CIS 4.6, Security Hub CloudWatch.6)"
      pattern     = "{($.eventName=ConsoleLogin) && ($.errorMessage=\"Failed authentication\")}"
    }
    "kms-key-deletion" = {
      control     = "CloudWatch.7"
      metric_name = "DisableOrDeleteCMK"
      description = "Customer-managed keys disabled or scheduled for deletion (CIS 4.7, Security Hub CloudWatch.7)"
      pattern     = "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}"
    }
    "s3-bucket-policy-changes" = {
      control     = "CloudWatch.8"
      metric_name = "S3BucketPolicyChanges"
      description = "S3 bucket policy changes (CIS 4.8, Security Hub CloudWatch.8)"
      pattern     = "{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}"
    }
    "config-changes" = {
      control     = "CloudWatch.9"
      metric_name = "AWSConfigChanges"
      description = "AWS Config configuration changes (CIS 4.9, Security Hub CloudWatch.9)"
      pattern     = "{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}"
    }
    "security-group-changes" = {
      control     = "CloudWatch.10"
      metric_name = "SecurityGroupChanges"
      description = "Security group changes (CIS 4.10, Security Hub CloudWatch.10)"
      pattern     = "{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}"
    }
    "nacl-changes" = {
      control     = "CloudWatch.11"
      metric_name = "NACLChanges"
      description = "Network ACL changes (CIS 4.11, Security Hub CloudWatch.11)"
      pattern     = "{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}"
    }
    "network-gateway-changes" = {
      control     = "CloudWatch.12"
      metric_name = "NetworkGatewayChanges"
      description = "Network gateway changes (CIS 4.12, Security Hub CloudWatch.12)"
      pattern     = "{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}"
    }
    "route-table-changes" = {
      control     = "CloudWatch.13"
      metric_name = "RouteTableChanges"
      description = "Route table changes (CIS 4.13, Security Hub CloudWatch.13)"
      pattern     = "{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}"
    }
    "vpc-changes" = {
      control     = "CloudWatch.14"
      metric_name = "VPCChanges"
      description = "VPC changes (CIS 4.14, Security Hub CloudWatch.14)"
      pattern     = "{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}"
    }
  }

  organizations_alarm = {
    "organizations-changes" = {
      control     = "CIS 4.15"
      metric_name = "OrganizationsChanges"
      description = "AWS Organizations changes (CIS 4.15, with Prowler's CancelHandshake, CreateOrganization, EnableAllFeatures)"
      pattern     = "{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = \"AcceptHandshake\") || ($.eventName = \"AttachPolicy\") || ($.eventName = \"CancelHandshake\") || ($.eventName = \"CreateAccount\") || ($.eventName = \"CreateOrganization\") || ($.eventName = \"CreateOrganizationalUnit\") || ($.eventName = \"CreatePolicy\") || ($.eventName = \"DeclineHandshake\") || ($.eventName = \"DeleteOrganization\") || ($.eventName = \"DeleteOrganizationalUnit\") || ($.eventName = \"DeletePolicy\") || ($.eventName = \"DetachPolicy\") || ($.eventName = \"DisablePolicyType\") || ($.eventName = \"EnableAllFeatures\") || ($.eventName = \"EnablePolicyType\") || ($.eventName = \"InviteAccountToOrganization\") || ($.eventName = \"LeaveOrganization\") || ($.eventName = \"MoveAccount\") || ($.eventName = \"RemoveAccountFromOrganization\") || ($.eventName = \"UpdateOrganizationalUnit\") || ($.eventName = \"UpdatePolicy\")) }"
    }
  }

  alarms = merge(local.security_hub_alarms, var.organizations_changes_alarm ? local.organizations_alarm : {})
}

################################################################################
# Alarm topic: encrypted with a customer-managed key whose policy grants
# cloudwatch.amazonaws.com (alias/aws/sns cannot), publishing limited to this account's alarms.
################################################################################

resource "aws_sns_topic" "this" {
  name              = local.topic_name
  kms_master_key_id = var.kms_key_arn

  tags = var.tags
}

data "aws_iam_policy_document" "topic" {
  statement {
    sid       = "AllowCloudWatchAlarmsToPublish"
    effect    = "Allow"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.this.arn]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${local.partition}:cloudwatch:${local.region}:${local.account_id}:alarm:*"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_sns_topic_policy" "this" {
  arn    = aws_sns_topic.this.arn
  policy = data.aws_iam_policy_document.topic.json
}

resource "aws_sns_topic_subscription" "this" {
  for_each = var.subscriptions

  topic_arn = aws_sns_topic.this.arn
  protocol  = each.value.protocol
  endpoint  = each.value.endpoint
}

################################################################################
# One metric filter and one alarm per high-risk event class: Sum over 300 s >= 1.
################################################################################

resource "aws_cloudwatch_log_metric_filter" "this" {
  for_each = local.alarms

  name           = "${var.name_prefix}-${each.key}"
  log_group_name = var.cloudtrail_log_group_name
  pattern        = each.value.pattern

  metric_transformation {
    name      = each.value.metric_name
    namespace = var.metric_namespace
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "this" {
  for_each = local.alarms

  alarm_name          = "${var.name_prefix}-${each.key}"
  alarm_description   = "${each.value.description}. Metric filter ${aws_cloudwatch_log_metric_filter.this[each.key].name} on ${var.cloudtrail_log_group_name}."
  namespace           = var.metric_namespace
  metric_name         = each.value.metric_name
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  datapoints_to_alarm = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = [aws_sns_topic.this.arn]

  tags = merge(var.tags, { control = each.value.control })
}
