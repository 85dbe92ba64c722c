package com.org.sagemaker.runner.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import com.org.sagemaker.runner.engine.ResourceOperation;
import com.org.sagemaker.runner.engine.StackEvents;
import com.org.sagemaker.runner.standins.StandIns;
import com.org.sagemaker.runner.state.ResourceState;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drift detection as CloudFormation does it: each resource's Read compared with the property values
 * the template set, and only those (user guide, using-cfn-stack-drift.md; CLI guide,
 * resource-type-model-false-drift.md). A stand-in is NOT_CHECKED: nothing was deployed to read.
 */
public final class Drift {

  private final HandlerInvoker invoker;
  private final StackEvents events;

  public Drift(final HandlerInvoker invoker, final StackEvents events) {
    this.invoker = invoker;
    this.events = events;
  }

  /** Prints each resource's drift status and differences; true when none drifted. */
  public boolean check(final StackState state) {
    boolean inSync = true;
    for (final Map.Entry<String, ResourceState> entry : state.resources().entrySet()) {
      final ResourceState resource = entry.getValue();
      if (resource.standIn()) {
        line(entry.getKey(), resource.type(), "NOT_CHECKED  (" + StandIns.NOT_DEPLOYED + ")");
        continue;
      }
      inSync &= report(entry.getKey(), resource);
    }
    return inSync;
  }

  /**
   * Prints one deployed resource's drift status (DELETED, IN_SYNC or MODIFIED) and its differences;
   * true when it is in sync.
   */
  boolean report(final String logicalId, final ResourceState resource) {
    final List<String> differences = differences(logicalId, resource);
    if (differences == null) {
      line(logicalId, resource.type(), "DELETED");
      return false;
    }
    line(logicalId, resource.type(), differences.isEmpty() ? "IN_SYNC" : "MODIFIED");
    differences.forEach(d -> events.line("    " + d));
    return differences.isEmpty();
  }

  /** The differences of one resource from what the template set; null when it is gone. */
  private List<String> differences(final String logicalId, final ResourceState resource) {
    final HandlerInvoker.Result read =
        invoker.invoke(
            HandlerInvoker.Request.of(
                "READ", resource.type(), logicalId, resource.withIdentifier(null)),
            (request, event) -> {});
    if ("NotFound".equals(read.errorCode())) {
      return null;
    }
    if (!read.succeeded()) {
      throw new IllegalStateException(
          logicalId + ": " + ResourceOperation.handlerMessage(read, "drift"));
    }
    final List<String> differences = new ArrayList<>();
    compare(
        resource.type(),
        "",
        withoutWriteOnly(resource.type(), resource.properties()),
        read.model(),
        differences);
    return differences;
  }

  private void line(final String logicalId, final String type, final String status) {
    events.line(String.format("%-22s  %-34s  %s", logicalId, type, status));
  }

  private static JsonNode withoutWriteOnly(final String type, final JsonNode properties) {
    final ObjectNode copy = properties.deepCopy();
    ResourceTypes.pointers(type, "writeOnlyProperties")
        .forEach(path -> copy.remove(path.substring(1)));
    return copy;
  }

  /** Arrays the schema marks insertionOrder false compare as sets. */
  private static void compare(
      final String type,
      final String path,
      final JsonNode expected,
      final JsonNode actual,
      final List<String> differences) {
    if (expected.isObject() && actual != null && actual.isObject()) {
      expected
          .properties()
          .forEach(
              e ->
                  compare(
                      type,
                      path + "/" + e.getKey(),
                      e.getValue(),
                      actual.get(e.getKey()),
                      differences));
      return;
    }
    final boolean same =
        actual != null
            && (expected.equals(actual)
                || (expected.isArray()
                    && actual.isArray()
                    && unordered(type, path)
                    && sameElements(expected, actual)));
    if (!same) {
      differences.add(
          path.substring(1)
              + ": expected "
              + expected
              + ", actual "
              + (actual == null ? "(not set)" : actual));
    }
  }

  private static boolean unordered(final String type, final String path) {
    final JsonNode schema = ResourceTypes.schema(type);
    JsonNode node = schema;
    for (final String part : path.substring(1).split("/")) {
      node = resolve(schema, node).path("properties").path(part);
    }
    return !resolve(schema, node).path("insertionOrder").asBoolean(true);
  }

  private static JsonNode resolve(final JsonNode schema, final JsonNode node) {
    return node.has("$ref") ? schema.at(node.get("$ref").asText().substring(1)) : node;
  }

  private static boolean sameElements(final JsonNode expected, final JsonNode actual) {
    final List<String> left = new ArrayList<>();
    final List<String> right = new ArrayList<>();
    expected.forEach(e -> left.add(e.toString()));
    actual.forEach(a -> right.add(a.toString()));
    left.sort(null);
    right.sort(null);
    return left.equals(right);
  }
}
