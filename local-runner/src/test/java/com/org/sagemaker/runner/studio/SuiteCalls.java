package com.org.sagemaker.runner.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.emulator.VirtualClock;
import com.org.sagemaker.runner.EmulatedAws;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Calls a type's HandlerWrapper as AWS's contract suite does (cloudformation-cli
 * src/rpdk/core/contract/resource_client.py, {@code make_request} and {@code call}): a new
 * HandlerRequest with a fresh token as bearerToken and logical id, no stack or system tags and a
 * null callbackContext; while IN_PROGRESS, a check that the primary identifier is there, the
 * callback delay waited (on the emulator's clock), and the same request again with the response's
 * model as resourceProperties and its callbackContext. Read and List never answer IN_PROGRESS.
 *
 * <p>{@link #allowingInProgressWithoutIdentifier} relaxes one check, for a domain whose
 * CreateDomain is throttled: its identifier is SageMaker's to give, so until the call succeeds an
 * IN_PROGRESS retry cannot carry it; the Java plugin's own call chain answers the same way (a
 * throttled call becomes a RetryableException and an IN_PROGRESS event with the model as it is:
 * AmazonWebServicesClientProxy.defaultHandler).
 */
final class SuiteCalls {

  private final VirtualClock clock;
  private final HandlerInvoker invoker;
  private final boolean identifierInProgress;

  SuiteCalls(final VirtualClock clock, final HandlerInvoker invoker) {
    this(clock, invoker, true);
  }

  private SuiteCalls(
      final VirtualClock clock, final HandlerInvoker invoker, final boolean identifierInProgress) {
    this.clock = clock;
    this.invoker = invoker;
    this.identifierInProgress = identifierInProgress;
  }

  SuiteCalls allowingInProgressWithoutIdentifier() {
    return new SuiteCalls(clock, invoker, false);
  }

  /** Every response of one operation, the last one final. */
  List<JsonNode> call(
      final String type,
      final String action,
      final JsonNode model,
      final JsonNode previous,
      final String nextToken) {
    final String token = UUID.randomUUID().toString();
    final ObjectNode request = EmulatedAws.JSON.createObjectNode();
    final ObjectNode data = request.putObject("requestData");
    data.putObject("callerCredentials")
        .put("accessKeyId", "AKIDEXAMPLE")
        .put("secretAccessKey", "secret")
        .put("sessionToken", "token");
    data.set("resourceProperties", model == null ? NullNode.instance : model.deepCopy());
    data.set("previousResourceProperties", previous == null ? NullNode.instance : previous);
    data.put("logicalResourceId", token);
    data.putNull("typeConfiguration");
    request
        .put("region", "us-east-1")
        .put("awsAccountId", "123456789012")
        .put("action", action)
        .putNull("callbackContext");
    request.put("bearerToken", token).put("resourceType", type);
    if (nextToken != null) {
      request.put("nextToken", nextToken);
    }
    final List<JsonNode> events = new ArrayList<>();
    events.add(invoker.handle(request));
    while ("IN_PROGRESS".equals(events.get(events.size() - 1).path("status").asText())) {
      final JsonNode response = events.get(events.size() - 1);
      assertThat(action).as("Read and List never answer IN_PROGRESS").isNotIn("READ", "LIST");
      if (identifierInProgress) {
        for (final String pointer : ResourceTypes.pointers(type, "primaryIdentifier")) {
          assertThat(response.path("resourceModel").at(pointer).isMissingNode())
              .as("every IN_PROGRESS event carries %s", pointer)
              .isFalse();
        }
      }
      assertThat(events).as("callbacks of one %s %s", type, action).hasSizeLessThan(500);
      clock.advance(Duration.ofSeconds(response.path("callbackDelaySeconds").asLong()));
      data.set("resourceProperties", response.get("resourceModel"));
      request.set("callbackContext", response.get("callbackContext"));
      events.add(invoker.handle(request));
    }
    return events;
  }
}
