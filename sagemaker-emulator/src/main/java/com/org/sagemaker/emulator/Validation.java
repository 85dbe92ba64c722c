package com.org.sagemaker.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Member validation as the service model (botocore sagemaker/2017-07-24/service-2.json) declares
 * it: required members, patterns, lengths, enums. SageMaker answers these before anything else,
 * with AWS's "1 validation error detected: Value ... at 'member' failed to satisfy constraint: ..."
 * wording (e.g. aws-samples/sagemaker-ssh-helper#70, hashicorp/terraform-provider-aws#27990).
 */
final class Validation {

  private static final String MODEL = "botocore sagemaker/2017-07-24/service-2.json";
  private static final String FORMAT =
      " (message wording: aws-samples/sagemaker-ssh-helper#70, terraform-provider-aws#27990)";

  static final Rule REQUIRED =
      Rule.documented(
          "member.required",
          "A required member (per the service model's `required` lists) is missing.",
          "ValidationException",
          "1 validation error detected: Value null at '%s' failed to satisfy constraint: Member"
              + " must not be null",
          MODEL + FORMAT);
  static final Rule PATTERN =
      Rule.quoted(
          "member.pattern",
          "A member does not match its pattern (names, role ARNs, subnet and security group ids).",
          "ValidationException",
          "1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: Member"
              + " must satisfy regular expression pattern: %s",
          MODEL + FORMAT);
  static final Rule MAX_LENGTH =
      Rule.quoted(
          "member.length",
          "A string or list member is longer than its maximum (names 63, lists as modelled).",
          "ValidationException",
          "1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: Member"
              + " must have length less than or equal to %d",
          MODEL + FORMAT);
  static final Rule MIN_LENGTH =
      Rule.quoted(
          "member.min-length",
          "A string or list member is shorter than its minimum (e.g. RoleArn 20, SubnetIds 1).",
          "ValidationException",
          "1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: Member"
              + " must have length greater than or equal to %d",
          MODEL + FORMAT);
  static final Rule ENUM =
      Rule.documented(
          "member.enum",
          "An enum member has a value outside its enum (AuthMode, AppNetworkAccessType, AppType,"
              + " SharingType, RetentionPolicy.HomeEfsFileSystem ...).",
          "ValidationException",
          "1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: Member"
              + " must satisfy enum value set: %s",
          MODEL + "; the enum wording is AWS's usual one, not seen in a SageMaker report");

  static final List<Rule> RULES = List.of(REQUIRED, PATTERN, MAX_LENGTH, MIN_LENGTH, ENUM);

  /** DomainName, UserProfileName, SpaceName, AppName: service model pattern, max 63. */
  static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$");

  private static final Pattern ROLE_ARN =
      Pattern.compile("^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$");
  private static final Pattern SUBNET_OR_GROUP = Pattern.compile("^[-0-9a-zA-Z]+$");

  private Validation() {}

  static String required(final ObjectNode request, final String member) {
    final String value = Json.text(request, member);
    REQUIRED.check(value == null, lowerFirst(member));
    return value;
  }

  static void requireObject(final ObjectNode request, final String member) {
    REQUIRED.check(!request.path(member).isObject(), lowerFirst(member));
  }

  static void requireName(final String member, final String value) {
    MAX_LENGTH.check(value.length() > 63, value, member, 63);
    PATTERN.check(!NAME.matcher(value).matches(), value, member, NAME.pattern());
  }

  static void requireOneOf(final String member, final String value, final Set<String> allowed) {
    ENUM.check(!allowed.contains(value), value, member, allowed.stream().sorted().toList());
  }

  /** ExecutionRole (RoleArn: min 20, pattern) and SecurityGroups of user or space settings. */
  static void userSettings(final String member, final JsonNode settings) {
    final String role = settings.path("ExecutionRole").asText(null);
    if (role != null) {
      MIN_LENGTH.check(role.length() < 20, role, member + ".executionRole", 20);
      PATTERN.check(
          !ROLE_ARN.matcher(role).matches(), role, member + ".executionRole", ROLE_ARN.pattern());
    }
    final JsonNode groups = settings.path("SecurityGroups");
    MAX_LENGTH.check(groups.size() > 5, groups, member + ".securityGroups", 5);
    groups.forEach(group -> requireId(member + ".securityGroups", group.asText()));
  }

  /** SubnetIds (1 to 16) and VpcId, where the request has them. */
  static void network(final ObjectNode request) {
    final JsonNode subnets = request.get("SubnetIds");
    if (subnets != null) {
      MIN_LENGTH.check(subnets.size() < 1, subnets, "subnetIds", 1);
      MAX_LENGTH.check(subnets.size() > 16, subnets, "subnetIds", 16);
      subnets.forEach(subnet -> requireId("subnetIds", subnet.asText()));
    }
    if (request.has("VpcId")) {
      requireId("vpcId", request.get("VpcId").asText());
    }
  }

  private static void requireId(final String member, final String value) {
    MAX_LENGTH.check(value.length() > 32, value, member, 32);
    PATTERN.check(
        !SUBNET_OR_GROUP.matcher(value).matches(), value, member, SUBNET_OR_GROUP.pattern());
  }

  static String lowerFirst(final String member) {
    return Character.toLowerCase(member.charAt(0)) + member.substring(1);
  }
}
