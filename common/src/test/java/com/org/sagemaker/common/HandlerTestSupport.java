package com.org.sagemaker.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Credentials;
import software.amazon.cloudformation.proxy.DelayFactory;
import software.amazon.cloudformation.proxy.LoggerProxy;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.WaitStrategy;

/** What handler tests of both types need: a proxy that behaves like the deployed wrapper's. */
public final class HandlerTestSupport {

  public static final Credentials CREDENTIALS = new Credentials("AKIDEXAMPLE", "secret", "token");

  private HandlerTestSupport() {}

  /** Like the wrapper's proxy: a wait returns IN_PROGRESS with a callback delay, never sleeps. */
  public static AmazonWebServicesClientProxy callbackProxy() {
    return new AmazonWebServicesClientProxy(
        new LoggerProxy(),
        CREDENTIALS,
        DelayFactory.CONSTANT_DEFAULT_DELAY_FACTORY,
        WaitStrategy.scheduleForCallbackStrategy());
  }

  /** A proxy client whose calls go to {@code client} (usually a Mockito mock). */
  public static <C> ProxyClient<C> proxyClient(
      final AmazonWebServicesClientProxy proxy, final C client) {
    return new ProxyClient<>() {
      @Override
      public <RequestT extends AwsRequest, ResponseT extends AwsResponse>
          ResponseT injectCredentialsAndInvokeV2(
              final RequestT request, final Function<RequestT, ResponseT> requestFunction) {
        return proxy.injectCredentialsAndInvokeV2(request, requestFunction);
      }

      @Override
      public C client() {
        return client;
      }
    };
  }

  /**
   * Re-invokes a handler with the callback context it returned, as CloudFormation does, until it
   * stops answering IN_PROGRESS; returns every event. Fails after {@code maxInvocations}.
   */
  public static <M, C> List<ProgressEvent<M, C>> untilDone(
      final C firstContext,
      final Function<C, ProgressEvent<M, C>> invocation,
      final int maxInvocations) {
    final List<ProgressEvent<M, C>> events = new ArrayList<>();
    C context = firstContext;
    for (int i = 0; i < maxInvocations; i++) {
      final ProgressEvent<M, C> event = invocation.apply(context);
      events.add(event);
      if (event.getStatus() != OperationStatus.IN_PROGRESS) {
        return events;
      }
      context = event.getCallbackContext();
    }
    throw new AssertionError("still IN_PROGRESS after " + maxInvocations + " invocations");
  }

  public static AwsServiceException serviceError(
      final int status, final String code, final String message) {
    return AwsServiceException.builder()
        .statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
        .message(message)
        .build();
  }
}
