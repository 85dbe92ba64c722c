package com.org.sagemaker.runner;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Invokes a type's {@code HandlerWrapper.handleRequest} the way CloudFormation does: a
 * HandlerRequest payload with caller credentials, tags and the previous state, then, while the
 * handler answers IN_PROGRESS, a re-invocation with the callback context and model it returned
 * after the delay it asked for. The end-to-end tests and the local runner both use this.
 */
public final class HandlerInvoker {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Waits out a callback delay: for real, or by moving an emulator's clock. */
  @FunctionalInterface
  public interface Waiter {
    void await(Duration delay);
  }

  /** Sees every progress event of an operation, e.g. to print stack events. */
  @FunctionalInterface
  public interface Listener {
    void onEvent(Request request, JsonNode event);
  }

  /** Credentials for the handler's calls; never printed. */
  public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    @Override
    public String toString() {
      return "Credentials[redacted]";
    }
  }

  /** Where the stack lives and what its handlers act with. */
  public record Stack(
      String name, String id, String region, String accountId, Credentials credentials) {}

  /** One resource operation as CloudFormation asks for it. */
  public record Request(
      String action,
      String typeName,
      String logicalId,
      JsonNode properties,
      JsonNode previousProperties,
      Map<String, String> stackTags,
      Map<String, String> previousStackTags,
      String nextToken) {

    public static Request of(
        final String action,
        final String typeName,
        final String logicalId,
        final JsonNode properties) {
      return new Request(action, typeName, logicalId, properties, null, Map.of(), null, null);
    }
  }

  /** How the operation ended. */
  public record Result(
      String status,
      String errorCode,
      String message,
      JsonNode model,
      List<JsonNode> models,
      String nextToken,
      int invocations) {

    public boolean succeeded() {
      return "SUCCESS".equals(status);
    }
  }

  private final Stack stack;
  private final Waiter waiter;
  private final LambdaLogger logs;
  private final Path scratch;
  private final int maxInvocations;
  private final Map<String, RequestStreamHandler> warmHandlers = new HashMap<>();

  /**
   * @param logs where the handlers' log lines go
   * @param maxInvocations a bound on one operation's callback loop
   */
  public HandlerInvoker(
      final Stack stack, final Waiter waiter, final LambdaLogger logs, final int maxInvocations) {
    this.stack = stack;
    this.waiter = waiter;
    this.logs = logs;
    this.maxInvocations = maxInvocations;
    try {
      // The wrapper empties java.io.tmpdir on every call; it gets a folder of its own.
      this.scratch = Files.createTempDirectory("handler-tmp");
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the operation to its end: SUCCESS or FAILED, or FAILED after too many callbacks. */
  public Result invoke(final Request request, final Listener listener) {
    return resume(request, UUID.randomUUID().toString(), null, request.properties(), listener);
  }

  /**
   * Continues an operation from the callback context and model of its last IN_PROGRESS event, as
   * CloudFormation does when the process that handled the previous invocation is gone.
   */
  public Result resume(
      final Request request,
      final String clientRequestToken,
      final JsonNode lastCallbackContext,
      final JsonNode lastModel,
      final Listener listener) {
    JsonNode properties = lastModel;
    JsonNode callbackContext = lastCallbackContext;
    for (int invocation = 1; invocation <= maxInvocations; invocation++) {
      final JsonNode response =
          call(
              request.typeName(),
              payload(request, clientRequestToken, properties, callbackContext));
      listener.onEvent(request, response);
      if (!"IN_PROGRESS".equals(response.path("status").asText())) {
        return result(response, invocation);
      }
      callbackContext = response.get("callbackContext");
      if (response.hasNonNull("resourceModel")) {
        properties = response.get("resourceModel");
      }
      waiter.await(Duration.ofSeconds(response.path("callbackDelaySeconds").asLong()));
    }
    return new Result(
        "FAILED",
        "NotStabilized",
        request.logicalId() + " was still IN_PROGRESS after " + maxInvocations + " invocations",
        properties,
        List.of(),
        null,
        maxInvocations);
  }

  /** The HandlerRequest CloudFormation sends to start {@code request}, e.g. for another process. */
  public ObjectNode firstPayload(final Request request) {
    return payload(request, UUID.randomUUID().toString(), request.properties(), null);
  }

  private ObjectNode payload(
      final Request request,
      final String token,
      final JsonNode properties,
      final JsonNode callbackContext) {
    final ObjectNode payload =
        JSON.createObjectNode()
            .put("action", request.action())
            .put("awsAccountId", stack.accountId())
            .put("bearerToken", token)
            .put("region", stack.region())
            .put("resourceType", request.typeName())
            .put("resourceTypeVersion", "00000001")
            .put("stackId", stack.id());
    if (request.nextToken() != null) {
      payload.put("nextToken", request.nextToken());
    }
    if (callbackContext != null) {
      payload.set("callbackContext", callbackContext);
    }
    final ObjectNode data = payload.putObject("requestData");
    final ObjectNode credentials = data.putObject("callerCredentials");
    credentials.put("accessKeyId", stack.credentials().accessKeyId());
    credentials.put("secretAccessKey", stack.credentials().secretAccessKey());
    credentials.put("sessionToken", stack.credentials().sessionToken());
    data.put("logicalResourceId", request.logicalId());
    data.set("resourceProperties", properties == null ? JSON.createObjectNode() : properties);
    if (request.previousProperties() != null) {
      data.set("previousResourceProperties", request.previousProperties());
    }
    data.set("systemTags", JSON.valueToTree(systemTags(request.logicalId())));
    data.set("stackTags", JSON.valueToTree(request.stackTags()));
    if ("UPDATE".equals(request.action())) {
      data.set("previousSystemTags", JSON.valueToTree(systemTags(request.logicalId())));
      data.set("previousStackTags", JSON.valueToTree(request.previousStackTags()));
    }
    return payload;
  }

  private Map<String, String> systemTags(final String logicalId) {
    return Map.of(
        "aws:cloudformation:stack-name", stack.name(),
        "aws:cloudformation:stack-id", stack.id(),
        "aws:cloudformation:logical-id", logicalId);
  }

  private JsonNode call(final String typeName, final ObjectNode payload) {
    final RequestStreamHandler handler =
        warmHandlers.computeIfAbsent(typeName, ResourceTypes::handler);
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final String tmpdir = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", scratch.toString());
    try {
      handler.handleRequest(
          new ByteArrayInputStream(JSON.writeValueAsBytes(payload)),
          out,
          new LocalLambdaContext(typeName, logs));
      return JSON.readTree(out.toByteArray());
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      System.setProperty("java.io.tmpdir", tmpdir);
    }
  }

  private static Result result(final JsonNode response, final int invocations) {
    final List<JsonNode> models = new ArrayList<>();
    response.path("resourceModels").forEach(models::add);
    return new Result(
        response.path("status").asText(),
        response.path("errorCode").asText(null),
        response.path("message").asText(null),
        response.get("resourceModel"),
        models,
        response.path("nextToken").asText(null),
        invocations);
  }
}
