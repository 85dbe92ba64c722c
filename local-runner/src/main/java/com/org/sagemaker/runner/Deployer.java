package com.org.sagemaker.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Deploys, deletes and drift-checks a stack of this project's types the way CloudFormation does,
 * through {@link HandlerInvoker}: resources in dependency order; an unchanged resource is left
 * alone, a changed one updated, one whose create-only properties changed replaced (the old one
 * deleted once the rest succeeded); resources gone from the template are deleted; a failed deploy
 * rolls back what it did unless told not to.
 */
public final class Deployer {

  private static final String STACK_TYPE = "AWS::CloudFormation::Stack";

  private final HandlerInvoker invoker;
  private final HandlerInvoker.Stack stack;
  private final StackEvents events;

  /** Stack-level tags to send, and those the resources had; CloudFormation passes both. */
  private Map<String, String> tags = Map.of();

  private Map<String, String> previousTags = Map.of();

  public Deployer(
      final HandlerInvoker invoker, final HandlerInvoker.Stack stack, final StackEvents events) {
    this.invoker = invoker;
    this.stack = stack;
    this.events = events;
  }

  /** A resource operation that ended FAILED. */
  private static final class OperationFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OperationFailed(final String message) {
      super(message);
    }
  }

  /** Returns true when the stack reached the template; the state is updated either way. */
  public boolean deploy(
      final Template template,
      final Map<String, String> parameterValues,
      final Map<String, String> stackTags,
      final StackState state,
      final boolean rollback) {
    final Map<String, JsonNode> parameters = parameters(template, parameterValues);
    previousTags = Map.copyOf(state.stackTags);
    tags = Map.copyOf(stackTags);
    final boolean creating = state.resources.isEmpty();
    final String verb = creating ? "CREATE" : "UPDATE";
    events.event(state.stackName, STACK_TYPE, verb + "_IN_PROGRESS", "User Initiated");
    final Deque<Runnable> undo = new ArrayDeque<>();
    final Map<String, StackState.ResourceState> replaced = new LinkedHashMap<>();
    try {
      for (final String logicalId : template.creationOrder()) {
        final Template.Resource resource = template.resources().get(logicalId);
        final JsonNode desired =
            Resolver.resolve(
                resource.properties(),
                scope(parameters, state),
                "Resources." + logicalId + ".Properties");
        final StackState.ResourceState current = state.resources.get(logicalId);
        if (current == null) {
          state.resources.put(logicalId, create(logicalId, resource.type(), desired));
          undo.push(() -> delete(logicalId, state.resources.remove(logicalId)));
        } else if (!current.type.equals(resource.type())
            || createOnlyChanged(resource.type(), current.properties, desired)) {
          events.event(
              logicalId,
              resource.type(),
              "UPDATE_IN_PROGRESS",
              "Requested update requires the creation of a new physical resource");
          state.resources.put(logicalId, create(logicalId, resource.type(), desired));
          replaced.put(logicalId, current);
          undo.push(
              () -> {
                delete(logicalId, state.resources.get(logicalId));
                state.resources.put(logicalId, replaced.remove(logicalId));
              });
        } else if (!current.properties.equals(desired) || !tags.equals(previousTags)) {
          state.resources.put(logicalId, update(logicalId, current, desired));
          undo.push(
              () ->
                  state.resources.put(
                      logicalId,
                      update(logicalId, state.resources.get(logicalId), current.properties)));
        }
      }
      state.outputs = outputs(template, parameters, state);
    } catch (final OperationFailed | TemplateException e) {
      events.event(state.stackName, STACK_TYPE, verb + "_FAILED", e.getMessage());
      if (rollback) {
        events.event(
            state.stackName,
            STACK_TYPE,
            "ROLLBACK_IN_PROGRESS",
            "Rolling back what this deploy did");
        undo.forEach(this::bestEffort);
        events.event(state.stackName, STACK_TYPE, "ROLLBACK_COMPLETE", null);
      }
      return false;
    }
    state.stackTags = new LinkedHashMap<>(tags);
    events.event(state.stackName, STACK_TYPE, verb + "_COMPLETE_CLEANUP_IN_PROGRESS", null);
    final List<String> removed = new ArrayList<>(state.resources.keySet());
    removed.removeAll(template.resources().keySet());
    boolean cleanedUp = true;
    for (final String logicalId : reversed(removed)) {
      cleanedUp &=
          bestEffort(() -> delete(logicalId, state.resources.get(logicalId)))
              && state.resources.remove(logicalId) != null;
    }
    for (final Map.Entry<String, StackState.ResourceState> old : replaced.entrySet()) {
      cleanedUp &= bestEffort(() -> delete(old.getKey(), old.getValue()));
    }
    events.event(
        state.stackName,
        STACK_TYPE,
        verb + "_COMPLETE",
        cleanedUp ? null : "Some old resources could not be deleted");
    return true;
  }

  /** Deletes every resource of the stack, dependents first; true when all are gone. */
  public boolean delete(final StackState state) {
    tags = Map.copyOf(state.stackTags);
    events.event(state.stackName, STACK_TYPE, "DELETE_IN_PROGRESS", "User Initiated");
    for (final String logicalId : reversed(new ArrayList<>(state.resources.keySet()))) {
      try {
        delete(logicalId, state.resources.get(logicalId));
        state.resources.remove(logicalId);
      } catch (final OperationFailed e) {
        events.event(state.stackName, STACK_TYPE, "DELETE_FAILED", e.getMessage());
        return false;
      }
    }
    state.outputs.clear();
    events.event(state.stackName, STACK_TYPE, "DELETE_COMPLETE", null);
    return true;
  }

  /** Reads each resource and reports where it differs from what the template set; true if none. */
  public boolean drift(final StackState state) {
    boolean inSync = true;
    for (final Map.Entry<String, StackState.ResourceState> entry : state.resources.entrySet()) {
      final StackState.ResourceState resource = entry.getValue();
      final HandlerInvoker.Result read =
          invoke("READ", entry.getKey(), resource.type, identifier(resource), null);
      if ("NotFound".equals(read.errorCode())) {
        events.line(String.format("%-22s  %-34s  DELETED", entry.getKey(), resource.type));
        inSync = false;
        continue;
      }
      if (!read.succeeded()) {
        throw new OperationFailed(entry.getKey() + ": " + read.message());
      }
      final List<String> differences = new ArrayList<>();
      final JsonNode expected = withoutWriteOnly(resource.type, resource.properties);
      compare(resource.type, "", expected, read.model(), differences);
      events.line(
          String.format(
              "%-22s  %-34s  %s",
              entry.getKey(), resource.type, differences.isEmpty() ? "IN_SYNC" : "MODIFIED"));
      differences.forEach(d -> events.line("    " + d));
      inSync &= differences.isEmpty();
    }
    return inSync;
  }

  private StackState.ResourceState create(
      final String logicalId, final String type, final JsonNode desired) {
    final HandlerInvoker.Result result = run("CREATE", logicalId, type, desired, null);
    return new StackState.ResourceState(type, desired, result.model());
  }

  private StackState.ResourceState update(
      final String logicalId, final StackState.ResourceState current, final JsonNode desired) {
    final HandlerInvoker.Result result =
        run(
            "UPDATE",
            logicalId,
            current.type,
            withIdentifier(desired, current),
            withIdentifier(current.properties, current));
    return new StackState.ResourceState(current.type, desired, result.model());
  }

  private void delete(final String logicalId, final StackState.ResourceState resource) {
    run("DELETE", logicalId, resource.type, withIdentifier(resource.properties, resource), null);
  }

  /** One operation with its events; a failure ends with its error code and message. */
  private HandlerInvoker.Result run(
      final String action,
      final String logicalId,
      final String type,
      final JsonNode properties,
      final JsonNode previous) {
    events.event(logicalId, type, action + "_IN_PROGRESS", null);
    final HandlerInvoker.Result result = invoke(action, logicalId, type, properties, previous);
    final boolean goneAlready = "DELETE".equals(action) && "NotFound".equals(result.errorCode());
    if (!result.succeeded() && !goneAlready) {
      final String reason = result.errorCode() + ": " + result.message();
      events.event(logicalId, type, action + "_FAILED", reason);
      throw new OperationFailed(logicalId + " " + action + "_FAILED: " + reason);
    }
    events.event(logicalId, type, action + "_COMPLETE", goneAlready ? "Already gone" : null);
    return result;
  }

  private HandlerInvoker.Result invoke(
      final String action,
      final String logicalId,
      final String type,
      final JsonNode properties,
      final JsonNode previous) {
    final int[] checks = {0};
    return invoker.invoke(
        new HandlerInvoker.Request(
            action, type, logicalId, properties, previous, tags, previousTags, null),
        (request, event) -> {
          if ("IN_PROGRESS".equals(event.path("status").asText())) {
            events.waiting(logicalId, ++checks[0], event.path("callbackDelaySeconds").asLong());
          }
        });
  }

  private boolean bestEffort(final Runnable step) {
    try {
      step.run();
      return true;
    } catch (final OperationFailed e) {
      return false;
    }
  }

  private Resolver.Scope scope(final Map<String, JsonNode> parameters, final StackState state) {
    final Map<String, String> pseudo = Resolver.pseudoParameters(stack);
    return new Resolver.Scope() {
      @Override
      public JsonNode ref(final String name, final String location) {
        if (parameters.containsKey(name)) {
          return parameters.get(name);
        }
        if (pseudo.containsKey(name)) {
          return TextNode.valueOf(pseudo.get(name));
        }
        final StackState.ResourceState resource = state.resources.get(name);
        if (resource == null) {
          throw new TemplateException(location, "Ref " + name + ": no such parameter or resource");
        }
        return TextNode.valueOf(ResourceTypes.ref(resource.type, resource.model));
      }

      @Override
      public JsonNode attribute(
          final String logicalId, final String attribute, final String location) {
        final StackState.ResourceState resource = state.resources.get(logicalId);
        final JsonNode value =
            resource == null ? null : resource.model.at("/" + attribute.replace('.', '/'));
        if (value == null || value.isMissingNode()) {
          throw new TemplateException(
              location, "Fn::GetAtt " + logicalId + "." + attribute + ": no such attribute");
        }
        return value;
      }
    };
  }

  private static Map<String, JsonNode> parameters(
      final Template template, final Map<String, String> values) {
    for (final String name : values.keySet()) {
      if (!template.parameters().containsKey(name)) {
        throw new TemplateException("--param " + name, "the template has no such parameter");
      }
    }
    final Map<String, JsonNode> resolved = new TreeMap<>();
    template
        .parameters()
        .forEach(
            (name, declaration) -> {
              final JsonNode fallback = declaration.get("Default");
              final String value =
                  values.containsKey(name)
                      ? values.get(name)
                      : fallback == null ? null : fallback.asText();
              if (value == null) {
                throw new TemplateException(
                    "Parameters." + name, "no value: pass --param " + name + "=...");
              }
              final String type = declaration.path("Type").asText("String");
              if (type.startsWith("List<") || type.equals("CommaDelimitedList")) {
                final ArrayNode list = Template.array();
                for (final String item : value.split(",")) {
                  list.add(item.trim());
                }
                resolved.put(name, list);
              } else {
                resolved.put(name, TextNode.valueOf(value));
              }
            });
    return resolved;
  }

  private Map<String, String> outputs(
      final Template template, final Map<String, JsonNode> parameters, final StackState state) {
    final Map<String, String> outputs = new LinkedHashMap<>();
    template
        .outputs()
        .forEach(
            (name, output) -> {
              final JsonNode value =
                  Resolver.resolve(
                      output.path("Value"), scope(parameters, state), "Outputs." + name + ".Value");
              outputs.put(name, value.isValueNode() ? value.asText() : value.toString());
            });
    return outputs;
  }

  private static boolean createOnlyChanged(
      final String type, final JsonNode before, final JsonNode after) {
    return ResourceTypes.pointers(type, "createOnlyProperties").stream()
        .anyMatch(path -> !Objects.equals(present(before.at(path)), present(after.at(path))));
  }

  private static JsonNode present(final JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node;
  }

  /** The properties with the resource's primary identifier, as CloudFormation passes them. */
  private static JsonNode withIdentifier(
      final JsonNode properties, final StackState.ResourceState resource) {
    final ObjectNode merged = properties.deepCopy();
    for (final String path : ResourceTypes.pointers(resource.type, "primaryIdentifier")) {
      merged.set(path.substring(1), resource.model.at(path));
    }
    return merged;
  }

  private static JsonNode identifier(final StackState.ResourceState resource) {
    return withIdentifier(Template.object(), resource);
  }

  private static JsonNode withoutWriteOnly(final String type, final JsonNode properties) {
    final ObjectNode copy = properties.deepCopy();
    ResourceTypes.pointers(type, "writeOnlyProperties")
        .forEach(path -> copy.remove(path.substring(1)));
    return copy;
  }

  /**
   * Differences in what the template set (CloudFormation ignores properties it did not set); arrays
   * the schema marks insertionOrder false compare as sets.
   */
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

  private static List<String> reversed(final List<String> list) {
    final List<String> copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }
}
