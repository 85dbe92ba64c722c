package com.org.sagemaker.studiouserprofile;

import com.org.sagemaker.common.Backoff;
import com.org.sagemaker.common.DomainContents;
import com.org.sagemaker.common.ErrorRules;
import com.org.sagemaker.common.HandlerFailure;
import com.org.sagemaker.common.Stabilization;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.AppDetails;
import software.amazon.awssdk.services.sagemaker.model.DeleteAppRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteSpaceRequest;
import software.amazon.awssdk.services.sagemaker.model.SpaceDetails;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;

/**
 * SageMaker refuses to delete a user profile that still has apps (other than Failed or Deleted
 * ones) or owns spaces ("All apps launched by a user profile and all spaces owned by the user
 * profile must be deleted", developer guide, domain-user-profile-remove.html). This step deletes
 * the profile's apps and the apps in its private spaces, waits until they are gone, then deletes
 * those spaces and waits again; each invocation looks afresh, so it resumes after any interruption.
 * Shared spaces are never touched: other users work in them, so a profile that owns one fails at
 * once, before anything is deleted. With DeleteAppsOnDelete false it only fails, naming what is in
 * the way.
 */
final class AppCleanup {

  private static final String DELETED = "Deleted";
  private static final String PRIVATE = "Private";
  private static final Set<String> NOT_IN_THE_WAY = Set.of(DELETED, Stabilization.FAILED);

  private AppCleanup() {}

  static ProgressEvent<ResourceModel, CallbackContext> run(
      final ProxyClient<SageMakerClient> client,
      final ProgressEvent<ResourceModel, CallbackContext> progress,
      final Backoff backoff,
      final String callGraph,
      final Logger logger) {
    final CallbackContext context = progress.getCallbackContext();
    final ResourceModel model = progress.getResourceModel();
    final List<SpaceDetails> owned = ownedSpaces(client, model);
    final List<String> shared =
        owned.stream().filter(space -> !isPrivate(space)).map(SpaceDetails::spaceName).toList();
    if (!shared.isEmpty()) {
      throw new HandlerFailure(
          HandlerErrorCode.ResourceConflict,
          String.format(
              "%s owns shared space(s) %s, and SageMaker deletes a profile only once the spaces"
                  + " it owns are gone. Shared spaces hold other users' work, so they are never"
                  + " deleted for you: delete them (or give them to another owner) first.",
              ProfileType.labelOf(model), String.join(", ", shared)));
    }
    final List<SpaceDetails> spaces = owned.stream().filter(AppCleanup::isPrivate).toList();
    final List<AppDetails> apps = apps(client, model, null);
    for (final SpaceDetails space : spaces) {
      apps.addAll(apps(client, model, space.spaceName()));
    }
    if (Boolean.FALSE.equals(model.getDeleteAppsOnDelete())
        && !(apps.isEmpty() && spaces.isEmpty())) {
      final List<String> names = new ArrayList<>(apps.stream().map(AppCleanup::describe).toList());
      spaces.forEach(space -> names.add("private space " + space.spaceName()));
      throw new HandlerFailure(
          HandlerErrorCode.ResourceConflict,
          String.format(
              "%s still has %s, and DeleteAppsOnDelete is false: delete them first.",
              ProfileType.labelOf(model), String.join(", ", names)));
    }
    if (!apps.isEmpty()) {
      deleteApps(client, model, apps, logger);
      return waitFor(
          model,
          context,
          backoff,
          callGraph,
          "apps " + apps.stream().map(AppCleanup::describe).toList());
    }
    if (!spaces.isEmpty()) {
      deleteSpaces(client, model, spaces, logger);
      return waitFor(
          model,
          context,
          backoff,
          callGraph,
          "private spaces " + spaces.stream().map(SpaceDetails::spaceName).toList());
    }
    return progress;
  }

  private static ProgressEvent<ResourceModel, CallbackContext> waitFor(
      final ResourceModel model,
      final CallbackContext context,
      final Backoff backoff,
      final String callGraph,
      final String what) {
    return ProgressEvent.defaultInProgressHandler(
        context,
        Stabilization.nextWaitSeconds(
            ProfileType.labelOf(model) + "'s " + what,
            "present",
            "deletion",
            backoff,
            context,
            callGraph),
        model);
  }

  /**
   * The profile's apps (or those of one of its spaces) that block its deletion: not Deleted, and
   * not Failed ("An app whose status is Failed doesn't need to be deleted", developer guide,
   * gs-studio-delete-domain.html; SageMaker also refuses to delete one).
   */
  private static List<AppDetails> apps(
      final ProxyClient<SageMakerClient> client,
      final ResourceModel model,
      final String spaceName) {
    return new ArrayList<>(
        DomainContents.apps(
                client,
                model.getDomainId(),
                request ->
                    request
                        .userProfileNameEquals(
                            spaceName == null ? model.getUserProfileName() : null)
                        .spaceNameEquals(spaceName))
            .stream()
            .filter(app -> !NOT_IN_THE_WAY.contains(app.statusAsString()))
            .toList());
  }

  /** Spaces of the domain that this profile owns, private or shared. */
  private static List<SpaceDetails> ownedSpaces(
      final ProxyClient<SageMakerClient> client, final ResourceModel model) {
    return DomainContents.spaces(client, model.getDomainId()).stream()
        .filter(
            space ->
                space.ownershipSettingsSummary() != null
                    && model
                        .getUserProfileName()
                        .equalsIgnoreCase(space.ownershipSettingsSummary().ownerUserProfileName()))
        .toList();
  }

  private static boolean isPrivate(final SpaceDetails space) {
    return space.spaceSharingSettingsSummary() != null
        && PRIVATE.equals(space.spaceSharingSettingsSummary().sharingTypeAsString());
  }

  /**
   * Asks SageMaker to delete each app that can be deleted now: InService ones ("You can only delete
   * an app whose status is InService"), not one already Deleting, nor one still Pending (it can be
   * deleted once InService).
   */
  private static void deleteApps(
      final ProxyClient<SageMakerClient> client,
      final ResourceModel model,
      final List<AppDetails> apps,
      final Logger logger) {
    for (final AppDetails app : apps) {
      final String status = app.statusAsString();
      if (Stabilization.DELETING.equals(status) || Stabilization.PENDING.equals(status)) {
        continue;
      }
      logger.log("Deleting " + describe(app));
      ignoringNotFound(
          () ->
              client.injectCredentialsAndInvokeV2(
                  DeleteAppRequest.builder()
                      .domainId(model.getDomainId())
                      .appType(app.appType())
                      .appName(app.appName())
                      // Space apps are deleted by SpaceName, not by UserProfileName.
                      .spaceName(app.spaceName())
                      .userProfileName(app.spaceName() == null ? app.userProfileName() : null)
                      .build(),
                  client.client()::deleteApp));
    }
  }

  private static void deleteSpaces(
      final ProxyClient<SageMakerClient> client,
      final ResourceModel model,
      final List<SpaceDetails> spaces,
      final Logger logger) {
    for (final SpaceDetails space : spaces) {
      if (Stabilization.DELETE_FAILED.equals(space.statusAsString())) {
        throw new HandlerFailure(
            HandlerErrorCode.NotStabilized,
            String.format(
                "%s: SageMaker failed to delete private space %s (Delete_Failed).",
                ProfileType.labelOf(model), space.spaceName()));
      }
      if (!Stabilization.DELETING.equals(space.statusAsString())) {
        logger.log("Deleting private space " + space.spaceName());
        ignoringNotFound(
            () ->
                client.injectCredentialsAndInvokeV2(
                    DeleteSpaceRequest.builder()
                        .domainId(model.getDomainId())
                        .spaceName(space.spaceName())
                        .build(),
                    client.client()::deleteSpace));
      }
    }
  }

  /** Something already gone needs no deleting. */
  private static void ignoringNotFound(final Runnable delete) {
    try {
      delete.run();
    } catch (final AwsServiceException e) {
      if (!ErrorRules.isNotFound(e)) {
        throw e;
      }
    }
  }

  private static String describe(final AppDetails app) {
    return String.format(
        "%s app %s %s",
        app.appTypeAsString(),
        app.appName(),
        app.spaceName() == null ? "of " + app.userProfileName() : "in space " + app.spaceName());
  }
}
