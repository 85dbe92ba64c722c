package com.org.sagemaker.runner;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

  /** Where a stack lives: its state is kept, and looked up, per target. */
  public record TargetId(String key, String label, String region, String accountId) {

    /** The embedded emulator's account and region. */
    public static TargetId emulator() {
      return new TargetId("emulator", "emulator (local)", "us-east-1", "123456789012");
    }

    public static TargetId aws(final String accountId, final String region) {
      return new TargetId(
          "aws-" + accountId + "-" + region,
          "AWS account " + accountId + ", " + region,
          region,
          accountId);
    }
  }

  /** One resource of the stack. */
  @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class ResourceState {
    String type;

    /** The properties as the template wrote them, intrinsics and all. */
    JsonNode template;

    /** The properties as sent to the handler. */
    JsonNode properties;

    /** What the handler returned (or the stand-in's Ref and attributes). */
    JsonNode model;

    /** The resources it depended on, for deleting in reverse order. */
    List<String> dependsOn = List.of();

    String deletionPolicy;
    String updateReplacePolicy;

    ResourceState() {}

    ResourceState(
        final String type,
        final JsonNode template,
        final JsonNode properties,
        final JsonNode model,
        final List<String> dependsOn,
        final String deletionPolicy,
        final String updateReplacePolicy) {
      this.type = type;
      this.template = template;
      this.properties = properties;
      this.model = model;
      this.dependsOn = List.copyOf(dependsOn);
      this.deletionPolicy = deletionPolicy;
      this.updateReplacePolicy = updateReplacePolicy;
    }

    /** A resource of the template, with the properties it was given and the model it has. */
    static ResourceState of(
        final Template.Resource resource,
        final JsonNode properties,
        final JsonNode model,
        final java.util.Collection<String> dependsOn) {
      return new ResourceState(
          resource.type(),
          resource.properties(),
          properties,
          model,
          List.copyOf(dependsOn),
          resource.deletionPolicy(),
          resource.updateReplacePolicy());
    }

    ResourceState withModel(final JsonNode properties, final JsonNode model) {
      return new ResourceState(
          type, template, properties, model, dependsOn, deletionPolicy, updateReplacePolicy);
    }

    boolean standIn() {
      return ResourceTypes.isStandIn(type);
    }

    /** What Ref gives for it: the physical id. */
    String physicalId() {
      return model == null ? null : ResourceTypes.ref(type, model);
    }

    /** True when the model names the resource, so that a Delete can find it. */
    boolean identified() {
      if (model == null) {
        return false;
      }
      if (standIn()) {
        return model.hasNonNull(StandIns.REF);
      }
      return ResourceTypes.pointers(type, "primaryIdentifier").stream()
          .allMatch(path -> model.at(path).isValueNode() && !model.at(path).isNull());
    }

    /** The properties with the primary identifier, as CloudFormation passes them. */
    ObjectNode withIdentifier(final JsonNode base) {
      final ObjectNode merged = base == null ? Template.object() : base.deepCopy();
      if (!standIn()) {
        for (final String path : ResourceTypes.pointers(type, "primaryIdentifier")) {
          if (!model.at(path).isMissingNode()) {
            merged.set(path.substring(1), model.at(path));
          }
        }
      }
      return merged;
    }
  }

  String stackName;
  String stackId;
  String target;
  String status;
  Map<String, ResourceState> resources = new LinkedHashMap<>();

  /** The parameter values last deployed (change sets name a changed one as the cause). */
  Map<String, JsonNode> parameters = new LinkedHashMap<>();

  Map<String, String> outputs = new LinkedHashMap<>();
  Map<String, String> exports = new LinkedHashMap<>();
  Map<String, String> stackTags = new LinkedHashMap<>();

  /**
   * Physical resources that failed without a last stable state (a failed create kept by
   * --no-rollback): deleted by the next stack operation, as CloudFormation does
   * (stack-failure-options.md).
   */
  List<Leftover> leftovers = new ArrayList<>();

  /** A physical resource the stack must delete, under the logical id it had. */
  record Leftover(String logicalId, ResourceState resource) {}

  /** True once the stack exists on its target (it has been deployed and not deleted). */
  boolean exists() {
    return status != null;
  }

  /** The stack's name and where it lives, as a handler request carries them. */
  StackIdentity identity(final TargetId where) {
    return new StackIdentity(stackName, stackId, where.region(), where.accountId());
  }

  /** What the resources give now (Ref, Fn::GetAtt): their values as this state holds them. */
  StackContext.ResourceValues liveValues() {
    return new StackContext.ResourceValues() {
      @Override
      public JsonNode ref(final String logicalId, final String location) {
        final ResourceState resource = present(logicalId, location);
        return TextNode.valueOf(ResourceTypes.ref(resource.type, resource.model));
      }

      @Override
      public JsonNode attribute(
          final String logicalId, final String attribute, final String location) {
        final ResourceState resource = present(logicalId, location);
        return ResourceTypes.attribute(
            resource.type, logicalId, resource.model, resource.properties, attribute, location);
      }

      private ResourceState present(final String logicalId, final String location) {
        final ResourceState resource = resources.get(logicalId);
        if (resource == null || resource.model == null) {
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
    try {
      return Template.JSON.readValue(file.toFile(), StackState.class);
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
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

  void save(final Path directory, final TargetId where) {
    final Path file = file(directory, where, stackName);
    if (!exists()) {
      try {
        Files.deleteIfExists(file);
      } catch (final IOException e) {
        throw new UncheckedIOException("cannot remove " + file, e);
      }
      return;
    }
    writeAtomically(file, this);
  }

  /** Writes to a temporary file and moves it into place, so a crash never leaves half a file. */
  static void writeAtomically(final Path file, final Object value) {
    try {
      final Path directory = directoryOf(file);
      Files.createDirectories(directory);
      final Path temporary =
          Files.createTempFile(directory, String.valueOf(file.getFileName()), ".tmp");
      Template.JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), value);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static Path directoryOf(final Path file) {
    final Path directory = file.toAbsolutePath().getParent();
    if (directory == null) {
      throw new IllegalArgumentException(file + " is not in a directory");
    }
    return directory;
  }

  /** A deep copy, e.g. to return to when an update rolls back. */
  StackState copy() {
    return Template.JSON.convertValue(Template.JSON.valueToTree(this), StackState.class);
  }
}
