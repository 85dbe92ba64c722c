package com.org.sagemaker.studiodomain;

import com.org.sagemaker.common.Backoff;
import com.org.sagemaker.common.HandlerFailure;
import com.org.sagemaker.common.OperationTimer;
import com.org.sagemaker.common.SageMakerClients;
import com.org.sagemaker.common.Stabilization;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainResponse;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/** What every domain handler shares: the client, the timings and a domain's status checks. */
public abstract class BaseHandlerStd extends BaseHandler<CallbackContext> {

  protected final DomainTimings timings;
  private final Supplier<SageMakerClient> client;

  protected BaseHandlerStd() {
    this(DomainTimings.DEFAULT, SageMakerClients::shared);
  }

  protected BaseHandlerStd(final DomainTimings timings, final Supplier<SageMakerClient> client) {
    this.timings = timings;
    this.client = client;
  }

  @Override
  public final ProgressEvent<ResourceModel, CallbackContext> handleRequest(
      final AmazonWebServicesClientProxy proxy,
      final ResourceHandlerRequest<ResourceModel> request,
      final CallbackContext callbackContext,
      final Logger logger) {
    final CallbackContext context =
        callbackContext == null ? new CallbackContext() : callbackContext;
    OperationTimer.onInvocation(context, timings.clock());
    try {
      return handleRequest(proxy, request, context, proxy.newProxy(client), logger);
    } catch (final HandlerFailure e) {
      // Thrown mid-chain (e.g. a transition ended Failed): answer with the model, which carries the
      // identifier by now, so CloudFormation's rollback can delete what was created. The
      // wrapper's own handling would answer without it, leaving a Failed resource behind.
      return ProgressEvent.failed(
          request.getDesiredResourceState(), context, e.getErrorCode(), e.getMessage());
    }
  }

  protected abstract ProgressEvent<ResourceModel, CallbackContext> handleRequest(
      AmazonWebServicesClientProxy proxy,
      ResourceHandlerRequest<ResourceModel> request,
      CallbackContext callbackContext,
      ProxyClient<SageMakerClient> proxyClient,
      Logger logger);

  static DescribeDomainResponse describe(
      final ProxyClient<SageMakerClient> client, final ResourceModel model) {
    return client.injectCredentialsAndInvokeV2(
        Translator.toDescribeRequest(model), client.client()::describeDomain);
  }

  /**
   * Describes the domain and tells whether it is InService; see {@link Stabilization}. Keeps the
   * description in {@code described}, so the final read of this invocation need not repeat it.
   */
  static boolean isInService(
      final ProxyClient<SageMakerClient> client,
      final ResourceModel model,
      final CallbackContext context,
      final Backoff backoff,
      final String callGraph,
      final AtomicReference<DescribeDomainResponse> described,
      final Logger logger) {
    final DescribeDomainResponse domain = look(client, model, described, logger);
    return Stabilization.reached(
        "Domain " + model.getDomainId(),
        domain.statusAsString(),
        domain.failureReason(),
        Stabilization.IN_SERVICE,
        backoff,
        context,
        callGraph);
  }

  /**
   * One check of a wait: describes the domain, keeps the description in {@code described} (the
   * final read of this invocation reuses it) and logs its status.
   */
  static DescribeDomainResponse look(
      final ProxyClient<SageMakerClient> client,
      final ResourceModel model,
      final AtomicReference<DescribeDomainResponse> described,
      final Logger logger) {
    final DescribeDomainResponse domain = describe(client, model);
    described.set(domain);
    model.setDomainArn(domain.domainArn());
    logger.log(String.format("Domain %s is %s", model.getDomainId(), domain.statusAsString()));
    return domain;
  }

  /** Every handler but Create needs the identifier; without it nothing can be looked up. */
  static void requireDomainId(final ResourceModel model) {
    if (model == null || model.getDomainId() == null || model.getDomainId().isBlank()) {
      throw new HandlerFailure(
          HandlerErrorCode.InvalidRequest, "DomainId is required to find the domain.");
    }
  }
}
