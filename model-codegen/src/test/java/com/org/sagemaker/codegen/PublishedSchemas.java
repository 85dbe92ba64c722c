package com.org.sagemaker.codegen;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What AWS's published resource schemas say about the resource types the registration templates
 * use: property names (nested objects too), which are required, which are read-only (the attributes
 * Fn::GetAtt can name), what Ref returns (the primary identifier), and the values a property allows
 * where the templates pass a parameter to it. Only the properties this project may set are listed;
 * each published schema has more.
 *
 * <p>Source: the schemas CloudFormation publishes for each type (DescribeType), as cfn-lint ships
 * them: aws-cloudformation/cfn-lint, {@code
 * src/cfnlint/data/schemas/providers/us_east_1/aws-cloudformation-resourceversion.json} at commit
 * 4e0f2bf5, and {@code src/cfnlint/data/schemas/resources/<hash>.json} at commit 602229535a
 * (2026-06-15): 2361c0807cd582aa (ResourceVersion), f614137749ff39d3 (ResourceDefaultVersion),
 * 8fd4f6d8c7d399a9 (AWS::IAM::Role), c0ece63f58ef831f (AWS::Logs::LogGroup). docs/registration.md
 * lists the same facts.
 */
final class PublishedSchemas {

  /** One resource type's facts. {@code required} lists alternatives (a schema's oneOf). */
  record Type(
      Set<String> writable,
      List<Set<String>> required,
      Set<String> readOnly,
      String refReturns,
      Map<String, Set<String>> objectProperties,
      Map<String, List<Integer>> allowedValues) {}

  /** AWS::Logs::LogGroup RetentionInDays, the schema's enum. */
  static final List<Integer> LOG_RETENTION_DAYS =
      List.of(
          1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557,
          2922, 3288, 3653);

  static final Map<String, Type> TYPES =
      Map.of(
          "AWS::CloudFormation::ResourceVersion",
          new Type(
              Set.of("TypeName", "SchemaHandlerPackage", "ExecutionRoleArn", "LoggingConfig"),
              List.of(Set.of("TypeName", "SchemaHandlerPackage")),
              Set.of(
                  "Arn",
                  "TypeArn",
                  "VersionId",
                  "IsDefaultVersion",
                  "ProvisioningType",
                  "Visibility"),
              "Arn",
              Map.of("LoggingConfig", Set.of("LogGroupName", "LogRoleArn")),
              Map.of()),
          "AWS::CloudFormation::ResourceDefaultVersion",
          new Type(
              Set.of("TypeVersionArn", "TypeName", "VersionId"),
              List.of(Set.of("TypeVersionArn"), Set.of("TypeName", "VersionId")),
              Set.of("Arn"),
              "Arn",
              Map.of(),
              Map.of()),
          "AWS::IAM::Role",
          new Type(
              Set.of(
                  "AssumeRolePolicyDocument",
                  "ManagedPolicyArns",
                  "MaxSessionDuration",
                  "Path",
                  "Policies",
                  "RoleName"),
              List.of(Set.of("AssumeRolePolicyDocument")),
              Set.of("Arn", "RoleId"),
              "RoleName",
              Map.of("Policies", Set.of("PolicyName", "PolicyDocument")),
              Map.of()),
          "AWS::Logs::LogGroup",
          new Type(
              Set.of("LogGroupName", "RetentionInDays"),
              List.of(Set.of()),
              Set.of("Arn"),
              "LogGroupName",
              Map.of(),
              Map.of("RetentionInDays", LOG_RETENTION_DAYS)));

  /** ResourceVersion and ResourceDefaultVersion TypeName: the schemas' pattern. */
  static final String TYPE_NAME_PATTERN =
      "^[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}$";

  /** AWS::IAM::Role MaxSessionDuration: minimum and maximum. */
  static final int MIN_SESSION_SECONDS = 3600;

  static final int MAX_SESSION_SECONDS = 43200;

  private PublishedSchemas() {}
}
