package com.org.sagemaker.runner.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.runner.standins.StandIns;
import com.org.sagemaker.runner.template.Template;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.util.Collection;
import java.util.List;

/**
 * One resource of a stack, as its state file keeps it.
 *
 * @param template the properties as the template wrote them, intrinsics and all
 * @param properties the properties as sent to the handler
 * @param model what the handler returned (or the stand-in's Ref and attributes)
 * @param dependsOn the resources it depended on, for deleting in reverse order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResourceState(
    String type,
    JsonNode template,
    JsonNode properties,
    JsonNode model,
    List<String> dependsOn,
    String deletionPolicy,
    String updateReplacePolicy) {

  public ResourceState {
    dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
  }

  /** A resource of the template, with the properties it was given and the model it has. */
  public static ResourceState of(
      final Template.Resource resource,
      final JsonNode properties,
      final JsonNode model,
      final Collection<String> dependsOn) {
    return new ResourceState(
        resource.type(),
        resource.properties(),
        properties,
        model,
        List.copyOf(dependsOn),
        resource.deletionPolicy(),
        resource.updateReplacePolicy());
  }

  public ResourceState withModel(final JsonNode properties, final JsonNode model) {
    return new ResourceState(
        type, template, properties, model, dependsOn, deletionPolicy, updateReplacePolicy);
  }

  public boolean standIn() {
    return ResourceTypes.isStandIn(type);
  }

  /** What Ref gives for it: the physical id. */
  public String physicalId() {
    return model == null ? null : ResourceTypes.ref(type, model);
  }

  /** True when the model names the resource, so that a Delete can find it. */
  public boolean identified() {
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
  public ObjectNode withIdentifier(final JsonNode base) {
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
