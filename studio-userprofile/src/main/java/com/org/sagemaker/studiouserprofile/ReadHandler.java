package com.org.sagemaker.studiouserprofile;

import com.org.sagemaker.common.ErrorRules;
import com.org.sagemaker.common.HandlerFailure;
import com.org.sagemaker.common.Stabilization;
import com.org.sagemaker.common.Tagging;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeUserProfileResponse;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/** DescribeUserProfile plus ListTags (Describe returns no tags); a deleting profile is gone. */
public class ReadHandler extends BaseHandlerStd {

  static final String DESCRIBE_USER_PROFILE =
      "Org-SageMaker-StudioUserProfile::DescribeUserProfile";

  public ReadHandler() {}

  ReadHandler(final ProfileTimings timings, final Supplier<SageMakerClient> client) {
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
    return read(
        proxy,
        proxyClient,
        model,
        callbackContext,
        null,
        Action.READ,
        Tagging.stackOnlyKeys(request.getDesiredResourceTags(), model));
  }

  /**
   * The profile as SageMaker reports it. {@code described}, when this invocation already described
   * the profile (the check that saw it InService), is used instead of describing it again. Errors
   * are classified for {@code action}: a create or update retries a throttled read. Tags with the
   * {@code stackOnlyKeys} came from stack-level tags and are not the resource's Tags.
   */
  static ProgressEvent<ResourceModel, CallbackContext> read(
      final AmazonWebServicesClientProxy proxy,
      final ProxyClient<SageMakerClient> proxyClient,
      final ResourceModel model,
      final CallbackContext callbackContext,
      final DescribeUserProfileResponse described,
      final Action action,
      final Set<String> stackOnlyKeys) {
    if (described != null) {
      try {
        return succeeded(proxyClient, described, stackOnlyKeys);
      } catch (final RuntimeException e) {
        return ErrorRules.handle(action, e, model, callbackContext);
      }
    }
    return proxy
        .initiate(DESCRIBE_USER_PROFILE, proxyClient, model, callbackContext)
        .translateToServiceRequest(Translator::toDescribeRequest)
        .makeServiceCall(
            (describeRequest, client) -> {
              final DescribeUserProfileResponse profile =
                  client.injectCredentialsAndInvokeV2(
                      describeRequest, client.client()::describeUserProfile);
              if (Stabilization.DELETING.equals(profile.statusAsString())) {
                throw new HandlerFailure(
                    HandlerErrorCode.NotFound, label(model) + " is being deleted.");
              }
              return profile;
            })
        .handleError(
            (describeRequest, e, client, m, context) -> ErrorRules.handle(action, e, m, context))
        .done(
            (describeRequest, profile, client, m, context) ->
                succeeded(client, profile, stackOnlyKeys));
  }

  /** The model of a described profile, with its tags (Describe returns none). */
  private static ProgressEvent<ResourceModel, CallbackContext> succeeded(
      final ProxyClient<SageMakerClient> client,
      final DescribeUserProfileResponse profile,
      final Set<String> stackOnlyKeys) {
    return ProgressEvent.defaultSuccessHandler(
        Translator.fromDescribe(
            profile, Tagging.listAll(client, profile.userProfileArn()), stackOnlyKeys));
  }
}
