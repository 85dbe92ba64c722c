package com.org.sagemaker.studiouserprofile;

import com.org.sagemaker.common.ErrorRules;
import com.org.sagemaker.common.Tagging;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeUserProfileResponse;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * Checks the domain, creates the profile, waits for InService. A re-invocation never creates a
 * second profile: the call chain remembers the CreateUserProfile response, and a profile that
 * already exists with this stack's and logical resource's system tags (a create whose response was
 * lost) is adopted; any other existing profile of that name is AlreadyExists.
 */
public class CreateHandler extends BaseHandlerStd {

  static final String CREATE_USER_PROFILE = "Org-SageMaker-StudioUserProfile::CreateUserProfile";
  static final String AWAIT_CREATED = "Org-SageMaker-StudioUserProfile::AwaitCreated";

  /** System tags that identify the CloudFormation resource a profile was created for. */
  private static final String[] OWNER_TAGS = {
    "aws:cloudformation:stack-id", "aws:cloudformation:logical-id"
  };

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
    final AtomicReference<DescribeUserProfileResponse> described = new AtomicReference<>();
    return ProgressEvent.progress(model, callbackContext)
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
                                Tagging.merge(
                                    request.getDesiredResourceTags(), request.getSystemTags())))
                    .makeServiceCall(
                        (createRequest, client) -> {
                          logger.log("Creating " + label(model));
                          return client.injectCredentialsAndInvokeV2(
                              createRequest, client.client()::createUserProfile);
                        })
                    .handleError(
                        (createRequest, e, client, m, context) ->
                            isOwnProfile(e, client, m, request.getSystemTags())
                                ? ProgressEvent.progress(m, context)
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
                    Action.CREATE));
  }

  private ProgressEvent<ResourceModel, CallbackContext> checkDomain(
      final ProxyClient<SageMakerClient> client,
      final ProgressEvent<ResourceModel, CallbackContext> progress) {
    final CallbackContext context = progress.getCallbackContext();
    if (context.isDomainChecked()) {
      return progress;
    }
    final ResourceModel model = progress.getResourceModel();
    try {
      ProfileRules.validateForDomain(
          model,
          client.injectCredentialsAndInvokeV2(
              Translator.toDescribeDomainRequest(model), client.client()::describeDomain));
    } catch (final AwsServiceException e) {
      return ErrorRules.handle(Action.CREATE, e, model, context);
    }
    context.setDomainChecked(true);
    return progress;
  }

  /** A profile of this name exists: is it the one this resource created (a lost response)? */
  private static boolean isOwnProfile(
      final Exception error,
      final ProxyClient<SageMakerClient> client,
      final ResourceModel model,
      final Map<String, String> systemTags) {
    if (ErrorRules.classify(Action.CREATE, error)
            != software.amazon.cloudformation.proxy.HandlerErrorCode.AlreadyExists
        || systemTags == null) {
      return false;
    }
    final Map<String, String> tags =
        Tagging.listAll(client, describe(client, model).userProfileArn());
    for (final String key : OWNER_TAGS) {
      if (systemTags.get(key) == null || !Objects.equals(systemTags.get(key), tags.get(key))) {
        return false;
      }
    }
    return true;
  }
}
