package com.org.sagemaker.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeastPrivilegeRoleTest {

  private static final Set<String> ACTIONS =
      Set.of(
          "sagemaker:CreateDomain",
          "sagemaker:AddTags",
          "sagemaker:ListDomains",
          "iam:PassRole",
          "iam:CreateServiceLinkedRole",
          "kms:Decrypt");

  private static final String DOMAINS =
      """
      - Sid: Domains
        Effect: Allow
        Action: ["sagemaker:CreateDomain", "sagemaker:AddTags"]
        Resource:
          Fn::Sub: arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:domain/*
      """;

  private static final String LISTS =
      """
      - Sid: Lists
        Effect: Allow
        Action: "sagemaker:ListDomains"
        Resource: "*"
      """;

  private static final String ROLES =
      """
      - Sid: Roles
        Effect: Allow
        Action: iam:PassRole
        Resource: {Ref: PassableRoleArns}
        Condition: {StringEquals: {iam:PassedToService: sagemaker.amazonaws.com}}
      - Sid: ServiceLinkedRole
        Effect: Allow
        Action: iam:CreateServiceLinkedRole
        Resource:
          Fn::Sub: arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/\
      sagemaker.amazonaws.com/AWSServiceRoleForAmazonSageMakerNotebooks
        Condition: {StringEquals: {iam:AWSServiceName: sagemaker.amazonaws.com}}
      """;

  private static final String KEYS =
      """
      - Sid: Keys
        Effect: Allow
        Action: kms:Decrypt
        Resource:
          Fn::Sub: arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/*
      """;

  @TempDir Path dir;

  private Path role(final String name, final String trustedService, final String statements)
      throws IOException {
    final String template =
        """
        Resources:
          ExecutionRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - {Effect: Allow, Principal: {Service: %s}, Action: sts:AssumeRole}
              Policies:
                - PolicyName: ResourceTypePolicy
                  PolicyDocument:
                    Statement:
        """
                .formatted(trustedService)
            + statements.indent(14);
    return Files.writeString(dir.resolve(name), template);
  }

  private void assertScoped(final String statements) throws IOException {
    LeastPrivilegeRole.assertScoped(
        role("least.yaml", "resources.cloudformation.amazonaws.com", statements),
        role("resource.yaml", "resources.cloudformation.amazonaws.com", "[]"),
        ACTIONS,
        "domain/*");
  }

  @Test
  void acceptsEachActionOnExactlyItsResource() throws IOException {
    assertThatCode(() -> assertScoped(DOMAINS + LISTS + ROLES + KEYS)).doesNotThrowAnyException();
    assertThat(LeastPrivilegeRole.actions(dir.resolve("least.yaml"))).isEqualTo(ACTIONS);
  }

  @Test
  void failsWhenAStatementWidens() {
    assertThatThrownBy(() -> assertScoped(DOMAINS.replace("domain/*", "*") + LISTS + ROLES + KEYS))
        .hasMessageContaining("sagemaker:AddTags's resource");
    assertThatThrownBy(
            () -> assertScoped(DOMAINS + LISTS + ROLES + KEYS.replace("${AWS::AccountId}", "*")))
        .hasMessageContaining("kms:Decrypt's resource");
    assertThatThrownBy(
            () -> assertScoped(DOMAINS + LISTS.replace("ListDomains", "List*") + ROLES + KEYS))
        .hasMessageContaining("a wildcard action");
    assertThatThrownBy(
            () ->
                assertScoped(DOMAINS + LISTS + ROLES.replace("{iam:PassedToService", "{x") + KEYS))
        .hasMessageContaining("iam:PassRole's condition");
    assertThatThrownBy(() -> assertScoped(DOMAINS + LISTS + ROLES + KEYS.replace("Allow", "Deny")))
        .hasMessageContaining("Deny");
  }

  @Test
  void acceptsResourceStarOnlyForActionsWithoutAResourceType() {
    final String everywhere =
        DOMAINS.replace(
            "Resource:\n    Fn::Sub: arn:${AWS::Partition}:sagemaker:${AWS::Region}:"
                + "${AWS::AccountId}:domain/*",
            "Resource: \"*\"");
    assertThat(everywhere).contains("Resource: \"*\"");
    assertThatThrownBy(() -> assertScoped(everywhere + LISTS + ROLES + KEYS))
        .hasMessageContaining("beyond the allowlist")
        .hasMessageContaining("sagemaker:CreateDomain");
    assertThat(LeastPrivilegeRole.ANY_RESOURCE)
        .contains("sagemaker:ListDomains")
        .doesNotContain("sagemaker:ListTags", "sagemaker:CreateDomain");
  }

  @Test
  void failsOnAMissingOrRepeatedAction() {
    assertThatThrownBy(() -> assertScoped(DOMAINS + ROLES + KEYS))
        .hasMessageContaining("actions granted");
    assertThatThrownBy(() -> assertScoped(DOMAINS + LISTS + LISTS + ROLES + KEYS))
        .hasMessageContaining("sagemaker:ListDomains in more than one statement");
  }

  @Test
  void keepsTheTrustOfTheGeneratedRole() throws IOException {
    final Path least =
        role(
            "least.yaml", "resources.cloudformation.amazonaws.com", DOMAINS + LISTS + ROLES + KEYS);
    final Path other = role("other.yaml", "lambda.amazonaws.com", "[]");
    assertThatThrownBy(() -> LeastPrivilegeRole.assertScoped(least, other, ACTIONS, "domain/*"))
        .hasMessageContaining("trust policy");
  }
}
