package com.org.sagemaker.studiodomain;

import com.org.sagemaker.common.DomainContents;
import com.org.sagemaker.common.HandlerFailure;
import com.org.sagemaker.common.Stabilization;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.AppDetails;
import software.amazon.awssdk.services.sagemaker.model.UpdateDomainRequest;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;

/**
 * SageMaker refuses some domain changes while the domain has apps (UpdateDomainRequest member
 * documentation; terraform-provider-aws#31912): this step names those apps before UpdateDomain is
 * called, so the update fails with what to do instead of half-way.
 */
final class BlockingApps {

  private BlockingApps() {}

  /** Fails with ResourceConflict naming the apps in the way of {@code update}. */
  static ProgressEvent<ResourceModel, CallbackContext> check(
      final ProxyClient<SageMakerClient> client,
      final ProgressEvent<ResourceModel, CallbackContext> progress,
      final ResourceModel previous,
      final UpdateDomainRequest update) {
    final Set<String> blocking = statusesBlocking(update, previous);
    if (blocking.isEmpty()) {
      return progress;
    }
    final ResourceModel model = progress.getResourceModel();
    final List<String> apps =
        DomainContents.apps(client, model.getDomainId(), UnaryOperator.identity()).stream()
            .filter(app -> blocking.contains(app.statusAsString()))
            .map(BlockingApps::describe)
            .toList();
    if (!apps.isEmpty()) {
      throw new HandlerFailure(
          HandlerErrorCode.ResourceConflict,
          String.format(
              "Domain %s has %d app(s) that SageMaker does not allow while %s changes: %s. Delete"
                  + " them (users can save their work and shut them down in Studio), then update"
                  + " the stack again.",
              model.getDomainId(),
              apps.size(),
              String.join(" and ", changes(update, previous)),
              Dependents.describeFirst(apps)));
    }
    return progress;
  }

  /**
   * The app statuses that block {@code update}: InService, Pending or Deleting for a change of
   * AppNetworkAccessType or removed subnets (UpdateDomainRequest.AppNetworkAccessType and
   * .SubnetIds), InService or Pending for ExecutionRoleIdentityConfig (DomainSettingsForUpdate),
   * InService for RStudio settings and AppSecurityGroupManagement (terraform-provider-aws#31912).
   */
  private static Set<String> statusesBlocking(
      final UpdateDomainRequest update, final ResourceModel previous) {
    final Set<String> statuses = new HashSet<>();
    final List<String> changes = changes(update, previous);
    if (changes.contains("AppNetworkAccessType") || changes.contains("SubnetIds")) {
      statuses.addAll(
          List.of(Stabilization.IN_SERVICE, Stabilization.PENDING, Stabilization.DELETING));
    }
    if (changes.contains("ExecutionRoleIdentityConfig")) {
      statuses.addAll(List.of(Stabilization.IN_SERVICE, Stabilization.PENDING));
    }
    if (changes.contains("RStudio settings") || changes.contains("AppSecurityGroupManagement")) {
      statuses.add(Stabilization.IN_SERVICE);
    }
    return statuses;
  }

  /** What {@code update} changes that apps can block; it carries only changed settings. */
  private static List<String> changes(
      final UpdateDomainRequest update, final ResourceModel previous) {
    final List<String> changes = new java.util.ArrayList<>();
    if (update.appNetworkAccessType() != null) {
      changes.add("AppNetworkAccessType");
    }
    if (update.hasSubnetIds()
        && previous != null
        && previous.getSubnetIds() != null
        && !update.subnetIds().containsAll(previous.getSubnetIds())) {
      changes.add("SubnetIds");
    }
    if (update.domainSettingsForUpdate() != null) {
      if (update.domainSettingsForUpdate().executionRoleIdentityConfig() != null) {
        changes.add("ExecutionRoleIdentityConfig");
      }
      if (update.domainSettingsForUpdate().rStudioServerProDomainSettingsForUpdate() != null) {
        changes.add("RStudio settings");
      }
    }
    if (update.appSecurityGroupManagement() != null) {
      changes.add("AppSecurityGroupManagement");
    }
    return changes;
  }

  private static String describe(final AppDetails app) {
    return String.format(
        "%s app %s %s (%s)",
        app.appTypeAsString(),
        app.appName(),
        app.spaceName() == null ? "of " + app.userProfileName() : "in space " + app.spaceName(),
        app.statusAsString());
  }
}
