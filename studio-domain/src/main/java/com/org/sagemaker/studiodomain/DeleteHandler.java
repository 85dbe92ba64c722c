package com.org.sagemaker.studiodomain;

import com.org.sagemaker.common.DomainContents;
import com.org.sagemaker.common.ErrorRules;
import com.org.sagemaker.common.HandlerFailure;
import com.org.sagemaker.common.Stabilization;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainResponse;
import software.amazon.awssdk.services.sagemaker.model.SpaceDetails;
import software.amazon.awssdk.services.sagemaker.model.UserProfileDetails;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * Deletes the domain with its RetentionPolicy (Retain unless the template says Delete) and waits
 * until it is gone. A domain never deletes user profiles or spaces it does not own: if any remain,
 * the delete fails at once and names them; while they are being deleted, it waits.
 */
public class DeleteHandler extends BaseHandlerStd {

  static final String DELETE_DOMAIN = "Org-SageMaker-StudioDomain::DeleteDomain";
  static final String AWAIT_SETTLED = "Org-SageMaker-StudioDomain::AwaitReadyForDelete";
  static final String AWAIT_DEPENDENTS = "Org-SageMaker-StudioDomain::AwaitDependentsDeleted";
  static final int DEPENDENTS_SHOWN = 10;

  public DeleteHandler() {}

  DeleteHandler(final DomainTimings timings, final Supplier<SageMakerClient> client) {
    super(timings, client);
  }

  @Override
  protected ProgressEvent<ResourceModel, CallbackContext> handleRequest(
      final AmazonWebServicesClientProxy proxy,
      final ResourceHandlerRequest<ResourceModel> request,
      final CallbackContext callbackContext,
      final ProxyClient<SageMakerClient> proxyClient,
      final Logger logger) {
    final ResourceModel model = request.getDesiredResourceState();
    requireDomainId(model);
    return ProgressEvent.progress(model, callbackContext)
        .then(
            progress ->
                proxy
                    .initiate(AWAIT_SETTLED, proxyClient, model, progress.getCallbackContext())
                    .translateToServiceRequest(Translator::toDescribeRequest)
                    .backoffDelay(timings.delete())
                    // Nothing to call: a create or update under way (e.g. one CloudFormation's
                    // rollback cancelled) ends first. Each check describes the domain.
                    .makeServiceCall((describeRequest, client) -> (DescribeDomainResponse) null)
                    .stabilize(
                        (describeRequest, response, client, m, context) ->
                            Stabilization.readyForDelete(
                                "Domain " + m.getDomainId(),
                                look(client, m, new AtomicReference<>(), logger).statusAsString(),
                                timings.delete(),
                                context,
                                AWAIT_SETTLED))
                    .handleError(
                        (describeRequest, e, client, m, context) ->
                            ErrorRules.handle(Action.DELETE, e, m, context))
                    .progress())
        .then(progress -> checkNoDependents(proxyClient, progress, logger))
        .then(
            progress ->
                proxy
                    .initiate(DELETE_DOMAIN, proxyClient, model, progress.getCallbackContext())
                    .translateToServiceRequest(Translator::toDeleteRequest)
                    .backoffDelay(timings.delete())
                    .makeServiceCall(
                        (deleteRequest, client) -> {
                          logger.log(
                              String.format(
                                  "Deleting domain %s (home EFS: %s)",
                                  deleteRequest.domainId(),
                                  deleteRequest.retentionPolicy().homeEfsFileSystemAsString()));
                          return client.injectCredentialsAndInvokeV2(
                              deleteRequest, client.client()::deleteDomain);
                        })
                    .stabilize(
                        (deleteRequest, response, client, m, context) ->
                            !Stabilization.justCalled(context, DELETE_DOMAIN)
                                && isGone(client, m, context, logger))
                    .handleError(
                        (deleteRequest, e, client, m, context) ->
                            ErrorRules.handle(Action.DELETE, e, m, context))
                    .done(response -> ProgressEvent.defaultSuccessHandler(null)));
  }

  /**
   * Fails naming the user profiles and spaces still in the domain, or waits while they are all
   * being deleted (e.g. by the same stack). Checked once, before DeleteDomain.
   */
  private ProgressEvent<ResourceModel, CallbackContext> checkNoDependents(
      final ProxyClient<SageMakerClient> client,
      final ProgressEvent<ResourceModel, CallbackContext> progress,
      final Logger logger) {
    final CallbackContext context = progress.getCallbackContext();
    if (context.isDependentsChecked()) {
      return progress;
    }
    final ResourceModel model = progress.getResourceModel();
    final List<String> remaining = new ArrayList<>();
    final List<String> deleting = new ArrayList<>();
    try {
      for (final UserProfileDetails profile :
          DomainContents.userProfiles(client, model.getDomainId())) {
        (isDeleting(profile.statusAsString()) ? deleting : remaining)
            .add("user profile " + profile.userProfileName());
      }
      for (final SpaceDetails space : DomainContents.spaces(client, model.getDomainId())) {
        (isDeleting(space.statusAsString()) ? deleting : remaining)
            .add("space " + space.spaceName());
      }
    } catch (final RuntimeException e) {
      return ErrorRules.handle(Action.DELETE, e, model, context);
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
              timings.delete(),
              context,
              AWAIT_DEPENDENTS),
          model);
    }
    context.setDependentsChecked(true);
    return progress;
  }

  private static boolean isDeleting(final String status) {
    return Stabilization.DELETING.equals(status);
  }

  /** The first {@link #DEPENDENTS_SHOWN} names, and how many more there are. */
  static String describeFirst(final List<String> names) {
    return names.size() <= DEPENDENTS_SHOWN
        ? String.join(", ", names)
        : String.join(", ", names.subList(0, DEPENDENTS_SHOWN))
            + " and "
            + (names.size() - DEPENDENTS_SHOWN)
            + " more";
  }

  private boolean isGone(
      final ProxyClient<SageMakerClient> client,
      final ResourceModel model,
      final CallbackContext context,
      final Logger logger) {
    final DescribeDomainResponse domain;
    try {
      domain = describe(client, model);
    } catch (final RuntimeException e) {
      if (ErrorRules.isNotFound(e)) {
        logger.log("Domain " + model.getDomainId() + " is deleted");
        return true;
      }
      throw e;
    }
    logger.log(String.format("Domain %s is %s", model.getDomainId(), domain.statusAsString()));
    return Stabilization.gone(
        "Domain " + model.getDomainId(),
        domain.statusAsString(),
        domain.failureReason(),
        timings.delete(),
        context,
        DELETE_DOMAIN);
  }
}
