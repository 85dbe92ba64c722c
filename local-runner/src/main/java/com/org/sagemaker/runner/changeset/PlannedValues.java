package com.org.sagemaker.runner.changeset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.org.sagemaker.runner.standins.StandIns;
import com.org.sagemaker.runner.template.StackContext;
import com.org.sagemaker.runner.template.TemplateException;
import com.org.sagemaker.runner.template.Unknown;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.util.HashMap;
import java.util.Map;

/**
 * What resources give before anything runs, for planning and for validation: a stand-in's values
 * from its resolved properties, the saved model of a deployed resource that stays as it is, and for
 * the rest a value known only later ({@link Unknown}, what a change set calls "Dynamic").
 */
final class PlannedValues implements StackContext.ResourceValues {

  private final StackContext context;
  private final Map<String, JsonNode> properties = new HashMap<>();

  /** Each resolved resource's model, or null while it is not known. */
  private final Map<String, JsonNode> models = new HashMap<>();

  PlannedValues(final StackContext context) {
    this.context = context;
  }

  /**
   * {@code logicalId}'s properties resolved to {@code resolved}; {@code kept} is the model it keeps
   * (a deployed resource neither new nor replaced), or null; {@code replacing} the physical id of
   * the resource it replaces, or null. A stand-in's model comes from its properties once they are
   * all known, as the execution will make it.
   */
  void resolved(
      final String logicalId,
      final JsonNode resolved,
      final JsonNode kept,
      final String replacing) {
    properties.put(logicalId, resolved);
    final String type = type(logicalId);
    if (!ResourceTypes.isStandIn(type)) {
      models.put(logicalId, kept);
    } else if (!Unknown.within(resolved)) {
      models.put(logicalId, StandIns.model(type, logicalId, resolved, context.stack(), replacing));
    }
  }

  @Override
  public JsonNode ref(final String logicalId, final String location) {
    final JsonNode model = models.get(logicalId);
    return model == null
        ? Unknown.of(logicalId)
        : TextNode.valueOf(ResourceTypes.ref(type(logicalId), model));
  }

  @Override
  public JsonNode attribute(final String logicalId, final String attribute, final String location) {
    final JsonNode model = models.get(logicalId);
    if (model == null) {
      final String problem = ResourceTypes.attributeProblem(type(logicalId), logicalId, attribute);
      if (problem != null) {
        throw new TemplateException(location, problem);
      }
      return Unknown.of(logicalId + "." + attribute);
    }
    return ResourceTypes.attribute(
        type(logicalId), logicalId, model, properties.get(logicalId), attribute, location);
  }

  private String type(final String logicalId) {
    return context.resources().get(logicalId).type();
  }
}
