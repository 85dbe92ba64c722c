package com.org.sagemaker.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * Whether a {@code prefix:Action} is a real IAM action: its prefix is the signing name ({@code
 * SERVICE_NAME}) of one of these AWS SDK clients and its name one of that client's operations, or
 * it is a permission with no API operation. The IAM prefix is the signing name, not the SDK's
 * module name: EFS signs as {@code elasticfilesystem} (AWS's own AWS::SageMaker::Domain schema
 * lists {@code efs:CreateFileSystem}, which IAM does not know: awsdocs/amazon-sagemaker-developer-
 * guide PR #107). Names must match the operation's case exactly, stricter than IAM's
 * case-insensitive matching, so that a misspelling such as AWS's {@code
 * kms:GenerateDataKeyWithoutPlainText} is caught.
 */
public final class IamActions {

  /** The clients of every service whose actions the types' permissions may name. */
  private static final List<Class<? extends SdkClient>> CLIENTS =
      List.of(SageMakerClient.class, IamClient.class, KmsClient.class, EfsClient.class);

  /** Real IAM actions that no API operation carries, each with its source. */
  static final Map<String, String> PERMISSION_ONLY =
      Map.of(
          "iam:PassRole",
          "IAM User Guide, 'Granting a user permissions to pass a role to an AWS service'"
              + " (id_roles_use_passrole): \"PassRole is not an API call. PassRole is a"
              + " permission\"");

  private IamActions() {}

  /** Fails naming every action that is not a real IAM action, and why. */
  public static void assertReal(final Collection<String> actions) {
    assertThat(problems(actions)).as("actions IAM does not know").isEmpty();
  }

  /** What is wrong with each action that is not a real IAM action. */
  static List<String> problems(final Collection<String> actions) {
    final Map<String, Class<? extends SdkClient>> clients = clientsByPrefix();
    final List<String> problems = new ArrayList<>();
    for (final String action : new TreeSet<>(actions)) {
      if (PERMISSION_ONLY.containsKey(action)) {
        continue;
      }
      final int colon = action.indexOf(':');
      final String prefix = colon < 0 ? "" : action.substring(0, colon);
      final Class<? extends SdkClient> client = clients.get(prefix);
      if (client == null) {
        problems.add(
            action + ": no SDK client signs as '" + prefix + "' (known: " + clients.keySet() + ")");
      } else if (!operations(client).contains(action.substring(colon + 1))) {
        problems.add(action + ": " + client.getSimpleName() + " has no such operation");
      }
    }
    return problems;
  }

  /** Each client by its signing name, the prefix IAM uses for the service's actions. */
  static Map<String, Class<? extends SdkClient>> clientsByPrefix() {
    final Map<String, Class<? extends SdkClient>> byPrefix = new TreeMap<>();
    for (final Class<? extends SdkClient> client : CLIENTS) {
      try {
        byPrefix.put((String) client.getField("SERVICE_NAME").get(null), client);
      } catch (final ReflectiveOperationException e) {
        throw new IllegalStateException(client + " has no SERVICE_NAME", e);
      }
    }
    return byPrefix;
  }

  /**
   * The operations of a sync client interface, PascalCase: its methods that take the operation's
   * request and return its response. That leaves out what is not an operation: serviceName, close,
   * waiter, the *Paginator variants (they return iterables) and the Consumer overloads.
   */
  static Set<String> operations(final Class<? extends SdkClient> client) {
    return Arrays.stream(client.getMethods())
        .filter(method -> !Modifier.isStatic(method.getModifiers()))
        .filter(IamActions::takesARequestAndReturnsItsResponse)
        .map(method -> pascalCase(method.getName()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static boolean takesARequestAndReturnsItsResponse(final Method method) {
    return method.getParameterCount() == 1
        && SdkRequest.class.isAssignableFrom(method.getParameterTypes()[0])
        && SdkResponse.class.isAssignableFrom(method.getReturnType());
  }

  private static String pascalCase(final String methodName) {
    return methodName.substring(0, 1).toUpperCase(Locale.ROOT) + methodName.substring(1);
  }
}
