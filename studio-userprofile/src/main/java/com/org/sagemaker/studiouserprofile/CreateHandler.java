package com.org.sagemaker.studiouserprofile;

import com.org.sagemaker.common.ErrorRules;
import com.org.sagemaker.common.Stabilization;
import com.org.sagemaker.common.Tagging;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeUserProfileResponse;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * Waits for the domain to be InService, creates the profile, waits for InService. A re-invocation
 * never creates a second profile: the call chain remembers the CreateUserProfile response, and a
 * profile that already exists carrying this operation's client request token (a create whose
 * response was lost, retried) is adopted. Any other profile of that name is AlreadyExists, never
 * adopted: a same-name replacement would otherwise take over the live profile, and the old
 * resource's delete would then remove it with its apps and spaces.
 */
public class CreateHandler extends BaseHandlerStd {

  static final String CREATE_USER_PROFILE = "Org-SageMaker-StudioUserProfile::CreateUserProfile";
  static final String AWAIT_CREATED = "Org-SageMaker-StudioUserProfile::AwaitCreated";
  static final String AWAIT_DOMAIN = "Org-SageMaker-StudioUserProfile::AwaitDomainInService";

  public CreateHandler() {}

  CreateHandler(final ProfileTimings timings, final Supplier<SageMakerClient> client) {
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
    requireIdentifier(model);
    ProfileRules.validate(model);
    Tagging.requireAllowed(request.getDesiredResourceTags());
    final AtomicReference<DescribeUserProfileResponse> described = new AtomicReference<>();
    return ProgressEvent.progress(model, callbackContext)
        .then(progress -> checkNameFree(proxyClient, progress, request.getClientRequestToken()))
        .then(progress -> checkDomain(proxyClient, progress))
        .then(
            progress ->
                proxy
                    .initiate(
                        CREATE_USER_PROFILE, proxyClient, model, progress.getCallbackContext())
                    .translateToServiceRequest(
                        m ->
                            Translator.toCreateRequest(
                                m,
                                Tagging.forCreate(
                                    request.getDesiredResourceTags(),
                                    request.getClientRequestToken())))
                    .makeServiceCall(
                        (createRequest, client) -> {
                          logger.log("Creating " + label(model));
                          return client.injectCredentialsAndInvokeV2(
                              createRequest, client.client()::createUserProfile);
                        })
                    .handleError(
                        (createRequest, e, client, m, context) ->
                            alreadyExists(e)
                                ? adoptOwn(client, m, context, request.getClientRequestToken())
                                : ErrorRules.handle(Action.CREATE, e, m, context))
                    .progress())
        .then(
            progress ->
                awaitTransition(
                    proxy,
                    proxyClient,
                    progress,
                    timings.create(),
                    AWAIT_CREATED,
                    Action.CREATE,
                    described,
                    logger))
        .then(
            progress ->
                ReadHandler.read(
                    proxy,
                    proxyClient,
                    model,
                    progress.getCallbackContext(),
                    described.get(),
                    Action.CREATE,
                    Tagging.stackOnlyKeys(request.getDesiredResourceTags(), model)));
  }

  /**
   * Waits while the domain is Pending or Updating (SageMaker creates profiles only in an InService
   * domain), then checks that the profile fits it.
   */
  private ProgressEvent<ResourceModel, CallbackContext> checkDomain(
      final ProxyClient<SageMakerClient> client,
      final ProgressEvent<ResourceModel, CallbackContext> progress) {
    final CallbackContext context = progress.getCallbackContext();
    if (context.isDomainChecked()) {
      return progress;
    }
    final ResourceModel model = progress.getResourceModel();
    final DescribeDomainResponse domain;
    try {
      domain =
          client.injectCredentialsAndInvokeV2(
              Translator.toDescribeDomainRequest(model), client.client()::describeDomain);
    } catch (final AwsServiceException e) {
      return ErrorRules.handle(Action.CREATE, e, model, context);
    }
    final String status = domain.statusAsString();
    if (Stabilization.isBusy(status)) {
      return ProgressEvent.defaultInProgressHandler(
          context,
          Stabilization.nextWaitSeconds(
              "Domain " + model.getDomainId(),
              status,
              "InService, to create " + label(model),
              timings.create(),
              context,
              AWAIT_DOMAIN),
          model);
    }
    ProfileRules.validateForDomain(model, domain);
    context.setDomainChecked(true);
    return progress;
  }

  private static boolean alreadyExists(final Exception error) {
    return ErrorRules.classify(Action.CREATE, error) == HandlerErrorCode.AlreadyExists;
  }

  /**
   * Before anything else, so that the answer is the operation's first event: a profile of this name
   * that this operation did not create is AlreadyExists at once. A first event FAILED without a
   * model tells CloudFormation that nothing was created ("Every model MUST include the
   * primaryIdentifier. The only exception is if the first progress event is FAILED, and the
   * resource has not yet been created", resource type handler contract); with the identifier, its
   * rollback would delete the existing profile, as it deleted a pre-existing key pair in
   * cloudformation-coverage-roadmap#1493.
   */
  private static ProgressEvent<ResourceModel, CallbackContext> checkNameFree(
      final ProxyClient<SageMakerClient> client,
      final ProgressEvent<ResourceModel, CallbackContext> progress,
      final String clientRequestToken) {
    final CallbackContext context = progress.getCallbackContext();
    if (context.isNameChecked()) {
      return progress;
    }
    final ResourceModel model = progress.getResourceModel();
    try {
      if (!isOwn(client, model, clientRequestToken)) {
        return alreadyTaken(model, context);
      }
    } catch (final AwsServiceException e) {
      if (!ErrorRules.isNotFound(e)) {
        return ErrorRules.handle(Action.CREATE, e, model, context);
      }
    }
    context.setNameChecked(true);
    return progress;
  }

  /**
   * CreateUserProfile found the name taken: adopted when the profile carries this operation's
   * client request token (created by this very operation, whose response was lost; the token is the
   * same on every invocation and retry of one CloudFormation request), otherwise AlreadyExists: it
   * appeared while this operation waited for the domain.
   */
  private static ProgressEvent<ResourceModel, CallbackContext> adoptOwn(
      final ProxyClient<SageMakerClient> client,
      final ResourceModel model,
      final CallbackContext context,
      final String clientRequestToken) {
    try {
      return isOwn(client, model, clientRequestToken)
          ? ProgressEvent.progress(model, context)
          : alreadyTaken(model, context);
    } catch (final AwsServiceException e) {
      return ErrorRules.handle(Action.CREATE, e, model, context);
    }
  }

  /** Whether the existing profile carries this operation's creation token. */
  private static boolean isOwn(
      final ProxyClient<SageMakerClient> client,
      final ResourceModel model,
      final String clientRequestToken) {
    final String creationToken =
        Tagging.listAll(client, describe(client, model).userProfileArn())
            .get(Tagging.CREATION_TOKEN);
    return clientRequestToken != null && clientRequestToken.equals(creationToken);
  }

  /** AlreadyExists, without the model: see {@link #checkNameFree}. */
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
            label(model)));
  }
}
