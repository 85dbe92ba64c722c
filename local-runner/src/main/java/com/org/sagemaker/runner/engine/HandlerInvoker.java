package com.org.sagemaker.runner.engine;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;

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

  /**
   * One resource operation as CloudFormation asks for it. {@code rollback} is the request's
   * rollback flag (set on the Update calls of an update rollback, which AWS's own providers read;
   * docs/sources/cloudformation.md §2a); {@code snapshotRequested} is set on a Delete whose
   * DeletionPolicy or UpdateReplacePolicy is Snapshot (§4c).
   */
  public record Request(
      String action,
      String typeName,
      String logicalId,
      JsonNode properties,
      JsonNode previousProperties,
      Map<String, String> stackTags,
      Map<String, String> previousStackTags,
      String nextToken,
      boolean rollback,
      boolean snapshotRequested) {

    public Request(
        final String action,
        final String typeName,
        final String logicalId,
        final JsonNode properties,
        final JsonNode previousProperties,
        final Map<String, String> stackTags,
        final Map<String, String> previousStackTags,
        final String nextToken) {
      this(
          action,
          typeName,
          logicalId,
          properties,
          previousProperties,
          stackTags,
          previousStackTags,
          nextToken,
          false,
          false);
    }

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

  /**
   * One operation in flight: each {@link #invokeOnce} is one handler invocation, and whoever runs
   * the operation waits the delay it answers before the next. Not thread-safe: one caller at a time
   * (different operations may be invoked from different threads).
   */
  public final class Operation {
    private final Request request;
    private final String token;
    private JsonNode callbackContext;
    private JsonNode properties;
    private JsonNode progressModel;
    private JsonNode lastEvent;
    private Result result;
    private int invocations;

    private Operation(
        final Request request,
        final String token,
        final JsonNode callbackContext,
        final JsonNode properties) {
      this.request = request;
      this.token = token;
      this.callbackContext = callbackContext;
      this.properties = properties;
    }

    private Operation(
        final Request request,
        final String token,
        final JsonNode callbackContext,
        final JsonNode model,
        final int invocations) {
      this(request, token, callbackContext, model != null ? model : request.properties());
      this.progressModel = model;
      this.invocations = invocations;
    }

    /**
     * Invokes the handler once: the callback delay it asked for while IN_PROGRESS, or null once the
     * operation ended (see {@link #result}); after too many invocations it ends NotStabilized.
     */
    public Duration invokeOnce() {
      if (result != null) {
        throw new IllegalStateException(request.logicalId() + " has already ended");
      }
      invocations++;
      final JsonNode response =
          call(request.typeName(), payload(request, token, properties, callbackContext));
      lastEvent = response;
      if (!"IN_PROGRESS".equals(response.path("status").asText())) {
        result = resultOf(response, invocations);
        return null;
      }
      callbackContext = response.get("callbackContext");
      if (response.hasNonNull("resourceModel")) {
        properties = response.get("resourceModel");
        progressModel = properties;
      }
      if (invocations >= maxInvocations) {
        result =
            new Result(
                "FAILED",
                "NotStabilized",
                request.logicalId()
                    + " was still IN_PROGRESS after "
                    + maxInvocations
                    + " invocations",
                properties,
                List.of(),
                null,
                invocations);
        return null;
      }
      return Duration.ofSeconds(Math.max(0, response.path("callbackDelaySeconds").asLong()));
    }

    public Request request() {
      return request;
    }

    /** The client request token every invocation of this operation carries. */
    public String token() {
      return token;
    }

    /** The callback context of the last IN_PROGRESS answer: what the next invocation gets. */
    public JsonNode callbackContext() {
      return callbackContext;
    }

    /** The model of the last IN_PROGRESS answer, if it gave one: what the next invocation gets. */
    public JsonNode progressModel() {
      return progressModel;
    }

    /** The last event the handler answered. */
    public JsonNode lastEvent() {
      return lastEvent;
    }

    /**
     * The model the handler last gave: the final event's, or else the last IN_PROGRESS event's;
     * null when it gave none (e.g. a create that failed at once), so that nothing is taken to
     * identify a resource the handler never named.
     */
    public JsonNode model() {
      return result != null && result.model() != null ? result.model() : progressModel;
    }

    public Result result() {
      return result;
    }

    public int invocations() {
      return invocations;
    }
  }

  private final Stack stack;
  private final Waiter waiter;
  private final LambdaLogger logs;
  private final int maxInvocations;
  private final Function<String, RequestStreamHandler> handlers;

  /** Warm handler instances per type: an instance serves one invocation at a time, as in Lambda. */
  private final Map<String, Deque<RequestStreamHandler>> warmHandlers = new ConcurrentHashMap<>();

  /**
   * @param logs where the handlers' log lines go
   * @param maxInvocations a bound on one operation's callback loop
   */
  public HandlerInvoker(
      final Stack stack, final Waiter waiter, final LambdaLogger logs, final int maxInvocations) {
    this(stack, waiter, logs, maxInvocations, type -> ResourceTypes.handled(type).newHandler());
  }

  /**
   * As above, with the handlers made by {@code handlers} (a new instance per type and per
   * concurrent invocation, as Lambda would start them).
   */
  public HandlerInvoker(
      final Stack stack,
      final Waiter waiter,
      final LambdaLogger logs,
      final int maxInvocations,
      final Function<String, RequestStreamHandler> handlers) {
    this.stack = stack;
    this.waiter = waiter;
    this.logs = logs;
    this.maxInvocations = maxInvocations;
    this.handlers = handlers;
  }

  /** Starts an operation; nothing is invoked until {@link Operation#invokeOnce}. */
  public Operation begin(final Request request) {
    return new Operation(request, UUID.randomUUID().toString(), null, request.properties());
  }

  /**
   * An operation an earlier process began, to continue where its last recorded answer left it: the
   * same client request token, callback context and model, after that many invocations (none yet:
   * the first invocation again, with the same token). CloudFormation re-invokes a handler the same
   * way when an invocation's answer is lost, and "A create handler MUST NOT create multiple
   * resources given the same idempotency token" (resource type handler contract, CLI-UG
   * resource-type-test-contract.md; the token is the request's bearerToken, as the Java plugin's
   * HandlerWrapper passes it on as clientRequestToken).
   */
  public Operation continued(
      final Request request,
      final String clientRequestToken,
      final JsonNode lastCallbackContext,
      final JsonNode lastModel,
      final int invocations) {
    return new Operation(request, clientRequestToken, lastCallbackContext, lastModel, invocations);
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
    final Operation operation =
        new Operation(request, clientRequestToken, lastCallbackContext, lastModel);
    while (true) {
      final Duration delay = operation.invokeOnce();
      listener.onEvent(request, operation.lastEvent());
      if (delay == null) {
        return operation.result();
      }
      waiter.await(delay);
    }
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
    if (request.rollback()) {
      payload.put("rollback", true);
    }
    if (request.snapshotRequested()) {
      payload.put("snapshotRequested", true);
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

  /**
   * One invocation of a type's handler (the payload's resourceType) with a HandlerRequest as
   * another caller built it, e.g. AWS's contract suite; the response as the wrapper wrote it.
   */
  public JsonNode handle(final ObjectNode payload) {
    return call(payload.path("resourceType").asText(), payload);
  }

  private JsonNode call(final String typeName, final ObjectNode payload) {
    final Deque<RequestStreamHandler> warm =
        warmHandlers.computeIfAbsent(typeName, t -> new ConcurrentLinkedDeque<>());
    final RequestStreamHandler pooled = warm.pollFirst();
    final RequestStreamHandler handler = pooled != null ? pooled : handlers.apply(typeName);
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    HandlerTmpdir.enter();
    try {
      handler.handleRequest(
          new ByteArrayInputStream(JSON.writeValueAsBytes(payload)),
          out,
          new LocalLambdaContext(typeName, logs));
      return JSON.readTree(out.toByteArray());
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      HandlerTmpdir.exit();
      warm.addFirst(handler);
    }
  }

  private static Result resultOf(final JsonNode response, final int invocations) {
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
