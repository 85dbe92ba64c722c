package com.org.sagemaker.common;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.json.JSONObject;
import org.mockito.Mockito;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ListTagsResponse;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Credentials;
import software.amazon.cloudformation.proxy.DelayFactory;
import software.amazon.cloudformation.proxy.LoggerProxy;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.WaitStrategy;
import software.amazon.cloudformation.resource.Serializer;

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

  /** The context as the next invocation gets it: through the wrapper's own JSON serializer. */
  public static <C> C restore(final C context, final Class<C> type) {
    final Serializer serializer = new Serializer();
    try {
      return serializer.deserialize(
          serializer.serialize(context),
          new TypeReference<C>() {
            @Override
            public Type getType() {
              return type;
            }
          });
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** No call on the mock client beyond those verified (the proxy itself asks its name). */
  public static void verifyNoOtherCalls(final SageMakerClient client) {
    Mockito.verify(client, Mockito.atLeast(0)).serviceName();
    Mockito.verifyNoMoreInteractions(client);
  }

  /**
   * Invokes a type's HandlerWrapper as Lambda does, with java.io.tmpdir pointed at {@code scratch}
   * for the call (the wrapper empties it), and returns the response JSON.
   */
  public static JSONObject invokeWrapper(
      final RequestStreamHandler wrapper, final JSONObject payload, final Path scratch) {
    final Context context = Mockito.mock(Context.class);
    Mockito.when(context.getLogger()).thenReturn(Mockito.mock(LambdaLogger.class));
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final String tmpdir = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", scratch.toString());
    try {
      wrapper.handleRequest(
          new ByteArrayInputStream(payload.toString().getBytes(StandardCharsets.UTF_8)),
          out,
          context);
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      System.setProperty("java.io.tmpdir", tmpdir);
    }
    return new JSONObject(out.toString(StandardCharsets.UTF_8));
  }

  /** A CloudFormation HandlerRequest payload for a first invocation of {@code action}. */
  public static JSONObject handlerRequest(
      final String action,
      final String typeName,
      final String logicalId,
      final JSONObject properties) {
    return new JSONObject()
        .put("action", action)
        .put("awsAccountId", "123456789012")
        .put("bearerToken", "token")
        .put("region", "us-east-1")
        .put("resourceType", typeName)
        .put("stackId", "arn:aws:cloudformation:us-east-1:123456789012:stack/s/1")
        .put(
            "requestData",
            new JSONObject()
                .put("logicalResourceId", logicalId)
                .put("resourceProperties", properties));
  }

  /** A ListTags answer carrying {@code tags}. */
  public static ListTagsResponse listTagsResponse(final Map<String, String> tags) {
    return ListTagsResponse.builder().tags(Tagging.toSdk(new java.util.TreeMap<>(tags))).build();
  }

  public static AwsServiceException serviceError(
      final int status, final String code, final String message) {
    return AwsServiceException.builder()
        .statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
        .message(message)
        .build();
  }

  /**
   * The failure a handler answered (the last event, when given every event of an operation) as the
   * exception it stands for, so its code and message can be asserted on; fails unless it is FAILED.
   */
  public static HandlerFailure failure(final Object eventOrEvents) {
    final ProgressEvent<?, ?> event =
        eventOrEvents instanceof List<?> events
            ? (ProgressEvent<?, ?>) events.get(events.size() - 1)
            : (ProgressEvent<?, ?>) eventOrEvents;
    if (event.getStatus() != OperationStatus.FAILED) {
      throw new AssertionError("expected FAILED, got " + event.getStatus());
    }
    return new HandlerFailure(event.getErrorCode(), event.getMessage());
  }
}
