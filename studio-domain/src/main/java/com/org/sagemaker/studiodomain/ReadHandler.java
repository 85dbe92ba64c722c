package com.org.sagemaker.studiodomain;

import com.org.sagemaker.common.ErrorRules;
import com.org.sagemaker.common.HandlerFailure;
import com.org.sagemaker.common.Stabilization;
import com.org.sagemaker.common.Tagging;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainResponse;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/** DescribeDomain plus ListTags (Describe returns no tags); a deleting domain is not found. */
public class ReadHandler extends BaseHandlerStd {

  static final String DESCRIBE_DOMAIN = "Org-SageMaker-StudioDomain::DescribeDomain";

  public ReadHandler() {}

  ReadHandler(final DomainTimings timings, final Supplier<SageMakerClient> client) {
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
   * The domain as SageMaker reports it. {@code described}, when this invocation already described
   * the domain (the check that saw it InService), is used instead of describing it again. Errors
   * are classified for {@code action}: a create or update retries a throttled read. Tags with the
   * {@code stackOnlyKeys} came from stack-level tags and are not the resource's Tags.
   */
  static ProgressEvent<ResourceModel, CallbackContext> read(
      final AmazonWebServicesClientProxy proxy,
      final ProxyClient<SageMakerClient> proxyClient,
      final ResourceModel model,
      final CallbackContext callbackContext,
      final DescribeDomainResponse described,
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
        .initiate(DESCRIBE_DOMAIN, proxyClient, model, callbackContext)
        .translateToServiceRequest(Translator::toDescribeRequest)
        .makeServiceCall(
            (describeRequest, client) -> {
              final DescribeDomainResponse domain =
                  client.injectCredentialsAndInvokeV2(
                      describeRequest, client.client()::describeDomain);
              if (Stabilization.DELETING.equals(domain.statusAsString())) {
                throw new HandlerFailure(
                    HandlerErrorCode.NotFound,
                    "Domain " + domain.domainId() + " is being deleted.");
              }
              return domain;
            })
        .handleError(
            (describeRequest, e, client, m, context) -> ErrorRules.handle(action, e, m, context))
        .done(
            (describeRequest, domain, client, m, context) ->
                succeeded(client, domain, stackOnlyKeys));
  }

  /** The model of a described domain, with its tags (Describe returns none). */
  private static ProgressEvent<ResourceModel, CallbackContext> succeeded(
      final ProxyClient<SageMakerClient> client,
      final DescribeDomainResponse domain,
      final Set<String> stackOnlyKeys) {
    return ProgressEvent.defaultSuccessHandler(
        Translator.fromDescribe(
            domain, Tagging.listAll(client, domain.domainArn()), stackOnlyKeys));
  }
}
