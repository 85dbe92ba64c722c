package com.org.sagemaker.studiouserprofile;

import com.org.sagemaker.common.Backoff;
import com.org.sagemaker.common.ErrorRules;
import com.org.sagemaker.common.Stabilization;
import com.org.sagemaker.common.Tagging;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainResponse;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;

/**
 * What only a profile's create does. A profile's name is given by the template, so a create must
 * never take over a profile another operation made: a same-name replacement would otherwise adopt
 * the live profile, and the old resource's delete would then remove it with its apps and spaces. A
 * profile that carries this operation's client request token (a create whose response was lost,
 * retried) is its own and is adopted; any other is AlreadyExists.
 */
final class ProfileCreation {

  private ProfileCreation() {}

  /**
   * Before anything else, so that the answer is the operation's first event: a profile of this name
   * that this operation did not create is AlreadyExists at once, and the failed create reports no
   * model, so CloudFormation's rollback deletes nothing (see {@link
   * com.org.sagemaker.common.lifecycle.Lifecycle}).
   */
  static ProgressEvent<ResourceModel, CallbackContext> checkNameFree(
      final ProxyClient<SageMakerClient> client,
      final ProgressEvent<ResourceModel, CallbackContext> progress,
      final String clientRequestToken) {
    final ResourceModel model = progress.getResourceModel();
    try {
      if (!isOwn(client, model, clientRequestToken)) {
        return alreadyTaken(model, progress.getCallbackContext());
      }
    } catch (final AwsServiceException e) {
      if (!ErrorRules.isNotFound(e)) {
        throw e;
      }
    }
    return progress;
  }

  /**
   * Waits while the domain is Pending or Updating (SageMaker creates profiles only in an InService
   * domain), then checks that the profile fits it.
   */
  static ProgressEvent<ResourceModel, CallbackContext> checkDomain(
      final ProxyClient<SageMakerClient> client,
      final ProgressEvent<ResourceModel, CallbackContext> progress,
      final Backoff backoff,
      final String callGraph) {
    final CallbackContext context = progress.getCallbackContext();
    final ResourceModel model = progress.getResourceModel();
    final DescribeDomainResponse domain =
        client.injectCredentialsAndInvokeV2(
            Translator.toDescribeDomainRequest(model), client.client()::describeDomain);
    final String status = domain.statusAsString();
    if (Stabilization.isBusy(status)) {
      return ProgressEvent.defaultInProgressHandler(
          context,
          Stabilization.nextWaitSeconds(
              "Domain " + model.getDomainId(),
              status,
              "InService, to create " + ProfileType.labelOf(model),
              backoff,
              context,
              callGraph),
          model);
    }
    ProfileRules.validateForDomain(model, domain);
    return progress;
  }

  /**
   * CreateUserProfile found the name taken: adopted when the profile carries this operation's
   * client request token (created by this very operation, whose response was lost; the token is the
   * same on every invocation and retry of one CloudFormation request), otherwise AlreadyExists: it
   * appeared while this operation waited for the domain.
   */
  static ProgressEvent<ResourceModel, CallbackContext> adoptOwn(
      final ProxyClient<SageMakerClient> client,
      final ResourceModel model,
      final CallbackContext context,
      final String clientRequestToken) {
    try {
      if (!isOwn(client, model, clientRequestToken)) {
        return alreadyTaken(model, context);
      }
    } catch (final AwsServiceException e) {
      return ErrorRules.handle(Action.CREATE, e, model, context);
    }
    context.setCreated(true);
    return ProgressEvent.progress(model, context);
  }

  /** Whether the existing profile carries this operation's creation token. */
  private static boolean isOwn(
      final ProxyClient<SageMakerClient> client,
      final ResourceModel model,
      final String clientRequestToken) {
    final String profileArn =
        client
            .injectCredentialsAndInvokeV2(
                Translator.toDescribeRequest(model), client.client()::describeUserProfile)
            .userProfileArn();
    final String creationToken = Tagging.listAll(client, profileArn).get(Tagging.CREATION_TOKEN);
    return clientRequestToken != null && clientRequestToken.equals(creationToken);
  }

  private static ProgressEvent<ResourceModel, CallbackContext> alreadyTaken(
      final ResourceModel model, final CallbackContext context) {
    return ProgressEvent.failed(
        null,
        context,
        HandlerErrorCode.AlreadyExists,
        String.format(
            "%s already exists and this operation did not create it. If the template changed a"
                + " property that requires a new profile (e.g. SingleSignOnUserValue), the new"
                + " profile needs a new UserProfileName: rename it and update the stack again (the"
                + " old profile is deleted once the new one exists). To keep the name, remove the"
                + " resource in one update (this deletes the profile with its apps and private"
                + " spaces) and add it back in another.",
            ProfileType.labelOf(model)));
  }
}
