package com.org.sagemaker.runner.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.org.sagemaker.runner.template.StackContext;
import com.org.sagemaker.runner.template.StackIdentity;
import com.org.sagemaker.runner.template.Template;
import com.org.sagemaker.runner.template.TemplateException;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a stack deployed, on one target (the emulator, or an AWS account and region): its status,
 * each resource's type, template properties, resolved properties and the model its handler (or
 * stand-in) gave, the parameter values and tags it was deployed with, and the outputs. Kept in a
 * JSON file per target and stack, replaced atomically.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class StackState {

  private String stackName;
  private String stackId;
  private String target;
  private String status;
  private Map<String, ResourceState> resources = new LinkedHashMap<>();

  /** The parameter values last deployed (change sets name a changed one as the cause). */
  private Map<String, JsonNode> parameters = new LinkedHashMap<>();

  private Map<String, String> outputs = new LinkedHashMap<>();
  private Map<String, String> exports = new LinkedHashMap<>();
  private Map<String, String> stackTags = new LinkedHashMap<>();

  /**
   * Physical resources that failed without a last stable state (a failed create kept by
   * --no-rollback): deleted by the next stack operation, as CloudFormation does
   * (stack-failure-options.md).
   */
  private List<Leftover> leftovers = new ArrayList<>();

  /** A physical resource the stack must delete, under the logical id it had. */
  public record Leftover(String logicalId, ResourceState resource) {}

  /** The operation under way, or one a failed rollback left for continue-rollback; else null. */
  private Journal operation;

  public String stackName() {
    return stackName;
  }

  public String stackId() {
    return stackId;
  }

  /** The label of the target it lives on. */
  public String target() {
    return target;
  }

  /** The stack status, e.g. UPDATE_COMPLETE; null while the stack does not exist. */
  public String status() {
    return status;
  }

  public void status(final String newStatus) {
    status = newStatus;
  }

  /** The resources by logical id, in the order they were deployed; changed in place. */
  public Map<String, ResourceState> resources() {
    return resources;
  }

  public void resources(final Map<String, ResourceState> newResources) {
    resources = new LinkedHashMap<>(newResources);
  }

  public Map<String, JsonNode> parameters() {
    return parameters;
  }

  public void parameters(final Map<String, JsonNode> newParameters) {
    parameters = new LinkedHashMap<>(newParameters);
  }

  public Map<String, String> outputs() {
    return outputs;
  }

  public void outputs(final Map<String, String> newOutputs) {
    outputs = new LinkedHashMap<>(newOutputs);
  }

  /** Export name to value, for other stacks' Fn::ImportValue. */
  public Map<String, String> exports() {
    return exports;
  }

  public void exports(final Map<String, String> newExports) {
    exports = new LinkedHashMap<>(newExports);
  }

  public Map<String, String> stackTags() {
    return stackTags;
  }

  public void stackTags(final Map<String, String> newTags) {
    stackTags = new LinkedHashMap<>(newTags);
  }

  /** What failures left for the next operation to delete; changed in place. */
  public List<Leftover> leftovers() {
    return leftovers;
  }

  /** The operation under way (see {@link Journal}); null when none is. */
  public Journal operation() {
    return operation;
  }

  public void operation(final Journal journal) {
    operation = journal;
  }

  /**
   * True when the state records an operation still in progress: read from disk, one that a run
   * began and never finished (it was killed), which the next deploy or delete continues.
   */
  public boolean inProgress() {
    return status != null && status.endsWith("_IN_PROGRESS");
  }

  /** True once the stack exists on its target (it has been deployed and not deleted). */
  public boolean exists() {
    return status != null;
  }

  /** The stack's name and where it lives, as a handler request carries them. */
  public StackIdentity identity(final TargetId where) {
    return new StackIdentity(stackName, stackId, where.region(), where.accountId());
  }

  /** What the resources give now (Ref, Fn::GetAtt): their values as this state holds them. */
  public StackContext.ResourceValues liveValues() {
    return new StackContext.ResourceValues() {
      @Override
      public JsonNode ref(final String logicalId, final String location) {
        final ResourceState resource = present(logicalId, location);
        return TextNode.valueOf(ResourceTypes.ref(resource.type(), resource.model()));
      }

      @Override
      public JsonNode attribute(
          final String logicalId, final String attribute, final String location) {
        final ResourceState resource = present(logicalId, location);
        return ResourceTypes.attribute(
            resource.type(),
            logicalId,
            resource.model(),
            resource.properties(),
            attribute,
            location);
      }

      private ResourceState present(final String logicalId, final String location) {
        final ResourceState resource = resources.get(logicalId);
        if (resource == null || resource.model() == null) {
          throw new TemplateException(location, logicalId + " has no value yet");
        }
        return resource;
      }
    };
  }

  static Path file(final Path directory, final TargetId where, final String stackName) {
    return directory.resolve(where.key()).resolve(stackName + ".json");
  }

  /** The stack's state on that target; a stack that does not exist there yet has none. */
  public static StackState load(
      final Path directory, final TargetId where, final String stackName) {
    final Path file = file(directory, where, stackName);
    if (!Files.exists(file)) {
      return fresh(stackName, where);
    }
    return StateFiles.read(file, StackState.class, "the state of stack " + stackName);
  }

  /** A stack not yet created, with the id CloudFormation would give it. */
  public static StackState fresh(final String stackName, final TargetId where) {
    final StackState state = new StackState();
    state.stackName = stackName;
    state.target = where.label();
    state.stackId =
        "arn:"
            + StackContext.partition(where.region())
            + ":cloudformation:"
            + where.region()
            + ":"
            + where.accountId()
            + ":stack/"
            + stackName
            + "/"
            + UUID.randomUUID();
    return state;
  }

  public void save(final Path directory, final TargetId where) {
    final Path file = file(directory, where, stackName);
    if (!exists()) {
      try {
        Files.deleteIfExists(file);
      } catch (final IOException e) {
        throw new UncheckedIOException("cannot remove " + file, e);
      }
      return;
    }
    StateFiles.write(file, this);
  }

  /** A deep copy, e.g. to return to when an update rolls back. */
  public StackState copy() {
    return Template.JSON.convertValue(Template.JSON.valueToTree(this), StackState.class);
  }
}
