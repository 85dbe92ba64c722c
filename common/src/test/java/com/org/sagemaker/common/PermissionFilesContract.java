package com.org.sagemaker.common;

import com.org.sagemaker.common.HandlerPermissions.Reason;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What each type's PermissionsTest checks: a handler's list against its calls (the test runs the
 * handler and asks), and the files that follow from the lists: least-privilege-role.yaml grants
 * each action only on its resources, every action named is a real IAM action, and
 * docs/permissions.md shows every action with its reason.
 */
public interface PermissionFilesContract {

  /**
   * A type's permission lists; by handler, the actions it lists but does not call, with their
   * reasons; and its own resources, e.g. "domain/*", where its tagging actions apply.
   */
  record Type(
      HandlerPermissions permissions,
      Map<String, Map<String, Reason>> declared,
      String ownResource) {}

  Type type();

  /** The handler's list is exactly the calls made on {@code sageMaker} plus its declarations. */
  default void assertCalledOrDeclared(final String handler, final Object sageMaker) {
    type()
        .permissions()
        .assertCalledOrDeclared(
            handler, sageMaker, type().declared().getOrDefault(handler, Map.of()));
  }

  @Test
  default void theLeastPrivilegeRoleGrantsEachActionOnlyOnItsResources() {
    LeastPrivilegeRole.assertScoped(
        Path.of("least-privilege-role.yaml"),
        Path.of("resource-role.yaml"),
        type().permissions().named(),
        type().ownResource());
  }

  @Test
  default void everyActionNamedIsARealIamAction() {
    type()
        .permissions()
        .assertEveryActionIsReal(
            Path.of("resource-role.yaml"), Path.of("least-privilege-role.yaml"));
  }

  @Test
  default void docsShowEachActionWithItsReason() {
    type()
        .permissions()
        .assertDocumented(Path.of("..", "docs", "permissions.md"), type().declared());
  }
}
