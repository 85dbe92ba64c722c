package com.org.sagemaker.runner;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.emulator.VirtualClock;
import com.org.sagemaker.runner.studio.StudioTypes;
import com.org.sagemaker.runner.template.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Handlers of the two types that speak the handler protocol but keep their resources in memory, on
 * a virtual clock: each operation takes a set time (answering IN_PROGRESS every 10 seconds until
 * then) and can be made to fail. They let a test see exactly which calls the runner makes, with
 * which properties and flags, whatever the real handlers do.
 */
public final class FakeHandlers implements Function<String, RequestStreamHandler> {

  public static final Duration POLL = Duration.ofSeconds(10);

  /** One operation the runner started (its first invocation). */
  public record Call(
      String action,
      String logicalId,
      JsonNode properties,
      JsonNode previous,
      boolean rollback,
      boolean snapshotRequested,
      Instant at) {}

  private record Failure(String errorCode, String message, boolean atOnce) {}

  public final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  public final Map<String, JsonNode> live = new ConcurrentHashMap<>();

  /** Each resource a create made, in order: a create retried with its token makes none. */
  public final List<String> created = Collections.synchronizedList(new ArrayList<>());

  /** What each create made, by its client request token, as our handlers recognise their own. */
  private final Map<String, JsonNode> byToken = new HashMap<>();

  private final VirtualClock clock;
  private final Map<String, Duration> durations = new HashMap<>();
  private final Map<String, List<Failure>> failures = new HashMap<>();
  private final Map<String, String> adopt = new HashMap<>();
  private int domains;

  public FakeHandlers(final VirtualClock clock) {
    this.clock = clock;
  }

  /** {@code action} of {@code logicalId} takes that long. */
  public FakeHandlers takes(final String action, final String logicalId, final Duration duration) {
    durations.put(action + ":" + logicalId, duration);
    return this;
  }

  /** The next {@code action} of {@code logicalId} fails at its end, with its model. */
  public FakeHandlers failsAtEnd(
      final String action, final String logicalId, final String message) {
    return fail(action, logicalId, new Failure("NotStabilized", message, false));
  }

  /** The next {@code action} of {@code logicalId} fails at once, with no model. */
  public FakeHandlers failsAtOnce(
      final String action, final String logicalId, final String message) {
    return fail(action, logicalId, new Failure("InvalidRequest", message, true));
  }

  /** The next create of {@code logicalId} answers with the resource it finds (same identifier). */
  public FakeHandlers adoptsOnCreate(final String logicalId) {
    adopt.put(logicalId, logicalId);
    return this;
  }

  private synchronized FakeHandlers fail(
      final String action, final String logicalId, final Failure failure) {
    failures.computeIfAbsent(action + ":" + logicalId, k -> new ArrayList<>()).add(failure);
    return this;
  }

  public List<Call> calls(final String action, final String logicalId) {
    synchronized (calls) {
      return calls.stream()
          .filter(c -> c.action().equals(action) && c.logicalId().equals(logicalId))
          .toList();
    }
  }

  @Override
  public RequestStreamHandler apply(final String type) {
    return (in, out, context) -> {
      try {
        final JsonNode request = Template.JSON.readTree(in);
        out.write(Template.JSON.writeValueAsBytes(handle(type, request)));
      } catch (final IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  private synchronized ObjectNode handle(final String type, final JsonNode request) {
    final String action = request.path("action").asText();
    final JsonNode data = request.path("requestData");
    final String logicalId = data.path("logicalResourceId").asText();
    final ObjectNode properties = (ObjectNode) data.path("resourceProperties").deepCopy();
    final String key = action + ":" + logicalId;
    if ("READ".equals(action)) {
      final JsonNode found = live.get(identifier(type, properties));
      return found == null ? failed("NotFound", "not found", null) : success(found);
    }
    JsonNode callback = request.get("callbackContext");
    final String token = request.path("bearerToken").asText();
    if (callback == null && "CREATE".equals(action) && byToken.containsKey(token)) {
      // The same operation invoked again from its start (its answer was lost): it carries on with
      // what it made, as the handler contract requires ("A create handler MUST NOT create
      // multiple resources given the same idempotency token").
      callback = byToken.get(token);
    }
    if (callback == null) {
      calls.add(
          new Call(
              action,
              logicalId,
              properties,
              data.get("previousResourceProperties"),
              request.path("rollback").asBoolean(false),
              request.path("snapshotRequested").asBoolean(false),
              clock.instant()));
      if ("UPDATE".equals(action) && !live.containsKey(identifier(type, properties))) {
        return failed("NotFound", identifier(type, properties) + " not found", null);
      }
      final List<Failure> pending = failures.get(key);
      if (pending != null && !pending.isEmpty() && pending.get(0).atOnce()) {
        final Failure failure = pending.remove(0);
        return failed(failure.errorCode(), failure.message(), null);
      }
      if ("CREATE".equals(action) && StudioTypes.DOMAIN.equals(type)) {
        properties.put("DomainId", "d-fake" + ++domains);
      }
      if ("CREATE".equals(action)
          && adopt.remove(logicalId) == null
          && live.containsKey(identifier(type, properties))) {
        return failed("AlreadyExists", identifier(type, properties) + " already exists", null);
      }
      callback =
          Template.object().put("startedAt", clock.instant().toString()).set("model", properties);
      if ("CREATE".equals(action)) {
        byToken.put(token, callback);
        created.add(identifier(type, properties));
      }
    }
    final ObjectNode model = (ObjectNode) callback.get("model");
    final Duration duration = durations.getOrDefault(key, POLL);
    if (clock
        .instant()
        .isBefore(Instant.parse(callback.get("startedAt").asText()).plus(duration))) {
      final ObjectNode progress = Template.object().put("status", "IN_PROGRESS");
      progress.set("resourceModel", model);
      progress.set("callbackContext", callback);
      progress.put("callbackDelaySeconds", POLL.toSeconds());
      return progress;
    }
    final List<Failure> pending = failures.get(key);
    if (pending != null && !pending.isEmpty()) {
      final Failure failure = pending.remove(0);
      return failed(failure.errorCode(), failure.message(), model);
    }
    final String id = identifier(type, model);
    if ("DELETE".equals(action)) {
      return live.remove(id) == null ? failed("NotFound", id + " not found", null) : success(null);
    }
    live.put(id, model);
    return success(model);
  }

  public static String identifier(final String type, final JsonNode model) {
    return StudioTypes.DOMAIN.equals(type)
        ? model.path("DomainId").asText()
        : model.path("DomainId").asText() + "|" + model.path("UserProfileName").asText();
  }

  private static ObjectNode success(final JsonNode model) {
    final ObjectNode event = Template.object().put("status", "SUCCESS");
    if (model != null) {
      event.set("resourceModel", model);
    }
    return event;
  }

  private static ObjectNode failed(final String code, final String message, final JsonNode model) {
    final ObjectNode event =
        Template.object().put("status", "FAILED").put("errorCode", code).put("message", message);
    if (model != null) {
      event.set("resourceModel", model);
    }
    return event;
  }
}
