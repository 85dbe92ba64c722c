package com.org.sagemaker.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A type's least-privilege-role.yaml: the actions of all its handlers, each on exactly the
 * resources it needs, which are fixed here from the Service Authorization Reference's resource
 * types per action (docs/permissions.md has the sources). A statement that widens fails.
 */
public final class LeastPrivilegeRole {

  private static final String SAGEMAKER_ARN =
      "arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:";

  /**
   * Actions whose Service Authorization Reference row has no resource type, so a policy must say
   * "*": SageMaker's List* except ListTags (the developer guide: "Except for the ListTags API,
   * resource-level restrictions are not available on List- calls"), and EFS CreateFileSystem.
   */
  static final Set<String> ANY_RESOURCE =
      Set.of(
          "sagemaker:ListDomains",
          "sagemaker:ListUserProfiles",
          "sagemaker:ListApps",
          "sagemaker:ListSpaces",
          "elasticfilesystem:CreateFileSystem");

  private static final Map<String, Object> SAGEMAKER_SCOPES = sageMakerScopes();

  private static final Object STUDIO_SERVICE_LINKED_ROLE =
      sub(
          "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/"
              + "sagemaker.amazonaws.com/AWSServiceRoleForAmazonSageMakerNotebooks");

  private static final Object KEYS_OF_THE_ACCOUNT_AND_REGION =
      sub("arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/*");

  /** Conditions, by action; every other action has none. */
  private static final Map<String, Object> CONDITIONS =
      Map.of(
          "iam:PassRole",
          Map.of("StringEquals", Map.of("iam:PassedToService", "sagemaker.amazonaws.com")),
          "iam:CreateServiceLinkedRole",
          Map.of("StringEquals", Map.of("iam:AWSServiceName", "sagemaker.amazonaws.com")));

  private LeastPrivilegeRole() {}

  /**
   * Each SageMaker action's resource type (Service Authorization Reference, list_amazonsagemaker).
   */
  private static Map<String, Object> sageMakerScopes() {
    final Map<String, Object> scopes = new HashMap<>();
    for (final String action :
        List.of("CreateDomain", "DescribeDomain", "UpdateDomain", "DeleteDomain")) {
      scopes.put("sagemaker:" + action, sub(SAGEMAKER_ARN + "domain/*"));
    }
    for (final String action :
        List.of(
            "CreateUserProfile", "DescribeUserProfile", "UpdateUserProfile", "DeleteUserProfile")) {
      scopes.put("sagemaker:" + action, sub(SAGEMAKER_ARN + "user-profile/*"));
    }
    scopes.put("sagemaker:CreateApp", sub(SAGEMAKER_ARN + "app/*"));
    scopes.put("sagemaker:DeleteApp", sub(SAGEMAKER_ARN + "app/*"));
    scopes.put("sagemaker:DeleteSpace", sub(SAGEMAKER_ARN + "space/*"));
    scopes.put("sagemaker:DescribeImage", sub(SAGEMAKER_ARN + "image/*"));
    scopes.put("sagemaker:DescribeImageVersion", sub(SAGEMAKER_ARN + "image-version/*"));
    return scopes;
  }

  /**
   * Fails unless {@code template} grants exactly {@code actions}, each in one Allow statement on
   * exactly its expected resource and condition: SageMaker actions on their resource type's ARNs of
   * the account and region (tagging actions on {@code ownResource}, e.g. "domain/*", the type's own
   * resources), iam:PassRole only on the PassableRoleArns parameter and only to SageMaker, the
   * Studio service-linked role only, KMS keys of the account and region, and "*" only for {@link
   * #ANY_RESOURCE}. The trust policy is resource-role.yaml's.
   */
  public static void assertScoped(
      final Path template,
      final Path resourceRole,
      final Set<String> actions,
      final String ownResource) {
    final Map<String, Object> role = roleProperties(template);
    assertThat(role.get("AssumeRolePolicyDocument"))
        .as("trust policy")
        .isEqualTo(roleProperties(resourceRole).get("AssumeRolePolicyDocument"));
    final Map<String, Map<String, Object>> granted = new TreeMap<>();
    for (final Map<String, Object> statement : statements(role)) {
      assertThat(statement.keySet())
          .as("statement %s", statement.get("Sid"))
          .contains("Sid", "Effect", "Action", "Resource")
          .isSubsetOf("Sid", "Effect", "Action", "Resource", "Condition");
      assertThat(statement).containsEntry("Effect", "Allow");
      for (final String action : list(statement.get("Action"))) {
        assertThat(action).as("a wildcard action in %s", statement.get("Sid")).doesNotContain("*");
        assertThat(granted.put(action, statement))
            .as("%s in more than one statement", action)
            .isNull();
      }
    }
    assertThat(granted.keySet()).as("actions granted").isEqualTo(new TreeSet<>(actions));
    final Set<String> anywhere = new TreeSet<>();
    granted.forEach(
        (action, statement) -> {
          if ("*".equals(statement.get("Resource"))) {
            anywhere.add(action);
          }
        });
    assertThat(anywhere)
        .as("actions on Resource \"*\" beyond the allowlist")
        .isSubsetOf(ANY_RESOURCE);
    granted.forEach(
        (action, statement) -> {
          assertThat(statement.get("Resource"))
              .as("%s's resource", action)
              .isEqualTo(expectedResource(action, ownResource));
          assertThat(statement.get("Condition"))
              .as("%s's condition", action)
              .isEqualTo(CONDITIONS.get(action));
        });
  }

  private static Object expectedResource(final String action, final String ownResource) {
    if (ANY_RESOURCE.contains(action)) {
      return "*";
    }
    if (Set.of("sagemaker:AddTags", "sagemaker:DeleteTags", "sagemaker:ListTags")
        .contains(action)) {
      return sub(SAGEMAKER_ARN + ownResource);
    }
    if (action.startsWith("kms:")) {
      return KEYS_OF_THE_ACCOUNT_AND_REGION;
    }
    return switch (action) {
      case "iam:PassRole" -> Map.of("Ref", "PassableRoleArns");
      case "iam:CreateServiceLinkedRole" -> STUDIO_SERVICE_LINKED_ROLE;
      default -> SAGEMAKER_SCOPES.getOrDefault(action, "no scope known for " + action);
    };
  }

  /** Every action any statement of the template's role names. */
  public static Set<String> actions(final Path template) {
    final Set<String> actions = new TreeSet<>();
    statements(roleProperties(template)).forEach(s -> actions.addAll(list(s.get("Action"))));
    return actions;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> statements(final Map<String, Object> role) {
    final List<Map<String, Object>> statements = new ArrayList<>();
    for (final Map<String, Object> policy : (List<Map<String, Object>>) role.get("Policies")) {
      statements.addAll(
          (List<Map<String, Object>>)
              ((Map<String, Object>) policy.get("PolicyDocument")).get("Statement"));
    }
    return statements;
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(final Object stringOrList) {
    return stringOrList instanceof List<?> l ? (List<String>) l : List.of((String) stringOrList);
  }

  private static Map<String, String> sub(final String arn) {
    return Map.of("Fn::Sub", arn);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> roleProperties(final Path template) {
    try {
      final Map<String, Object> parsed =
          new org.yaml.snakeyaml.Yaml().load(Files.readString(template));
      return (Map<String, Object>)
          ((Map<String, Object>)
                  ((Map<String, Object>) parsed.get("Resources")).get("ExecutionRole"))
              .get("Properties");
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
