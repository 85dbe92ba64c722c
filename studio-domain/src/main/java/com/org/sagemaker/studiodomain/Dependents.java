package com.org.sagemaker.studiodomain;

import com.org.sagemaker.common.Backoff;
import com.org.sagemaker.common.DomainContents;
import com.org.sagemaker.common.HandlerFailure;
import com.org.sagemaker.common.Stabilization;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.SpaceDetails;
import software.amazon.awssdk.services.sagemaker.model.UserProfileDetails;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;

/**
 * A domain never deletes user profiles or spaces it does not own: SageMaker refuses DeleteDomain
 * while any remain, so the delete fails at once and names them; while they are all being deleted
 * (e.g. by the same stack), it waits. Checked once, before DeleteDomain.
 */
final class Dependents {

  static final int SHOWN = 10;

  private Dependents() {}

  static ProgressEvent<ResourceModel, CallbackContext> check(
      final ProxyClient<SageMakerClient> client,
      final ProgressEvent<ResourceModel, CallbackContext> progress,
      final Backoff backoff,
      final String callGraph,
      final Logger logger) {
    final CallbackContext context = progress.getCallbackContext();
    final ResourceModel model = progress.getResourceModel();
    final List<String> remaining = new ArrayList<>();
    final List<String> deleting = new ArrayList<>();
    for (final UserProfileDetails profile :
        DomainContents.userProfiles(client, model.getDomainId())) {
      (isDeleting(profile.statusAsString()) ? deleting : remaining)
          .add("user profile " + profile.userProfileName());
    }
    for (final SpaceDetails space : DomainContents.spaces(client, model.getDomainId())) {
      (isDeleting(space.statusAsString()) ? deleting : remaining).add("space " + space.spaceName());
    }
    if (!remaining.isEmpty()) {
      throw new HandlerFailure(
          HandlerErrorCode.ResourceConflict,
          String.format(
              "Domain %s still has %d user profile(s)/space(s) that this resource does not own: %s."
                  + " Delete them (and their apps) first.",
              model.getDomainId(), remaining.size(), describeFirst(remaining)));
    }
    if (!deleting.isEmpty()) {
      logger.log("Waiting for " + deleting.size() + " user profile(s)/space(s) being deleted");
      return ProgressEvent.defaultInProgressHandler(
          context,
          Stabilization.nextWaitSeconds(
              "Domain " + model.getDomainId() + "'s " + describeFirst(deleting),
              Stabilization.DELETING,
              "deletion",
              backoff,
              context,
              callGraph),
          model);
    }
    return progress;
  }

  private static boolean isDeleting(final String status) {
    return Stabilization.DELETING.equals(status);
  }

  /** The first {@link #SHOWN} names, and how many more there are. */
  static String describeFirst(final List<String> names) {
    return names.size() <= SHOWN
        ? String.join(", ", names)
        : String.join(", ", names.subList(0, SHOWN)) + " and " + (names.size() - SHOWN) + " more";
  }
}
