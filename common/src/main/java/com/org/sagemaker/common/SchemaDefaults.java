package com.org.sagemaker.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import software.amazon.cloudformation.proxy.HandlerErrorCode;

/**
 * What a property means when the template does not set it, read from the schema's {@code default}
 * keywords: the value SageMaker gives a resource created without it, each with its source in the
 * property's description.
 *
 * <p>CloudFormation's meaning of a property removed from a template is "back to the default", but
 * SageMaker's Update calls keep whatever they are not given (terraform-provider-aws#43127, #35503).
 * So a removed setting is sent as its default where the schema has one; where it has none,
 * SageMaker offers no way back and the update fails before any call, naming the property.
 */
public final class SchemaDefaults {

  private static final String PROPERTIES = "properties";
  private static final String DEFAULT = "default";

  private final JsonNode schema;

  public SchemaDefaults(final JSONObject schema) {
    this.schema = SdkJson.MODEL_MAPPER.valueToTree(schema.toMap());
  }

  /**
   * Sets every absent property that has a default, creating parent objects as needed: "The model
   * MUST contain all properties that have values, including any properties that have default
   * values" (CloudFormation's resource type handler contract, for Read).
   */
  public void fill(final ObjectNode model) {
    fill(model, schema);
  }

  private void fill(final ObjectNode model, final JsonNode type) {
    for (final Map.Entry<String, JsonNode> property : type.path(PROPERTIES).properties()) {
      final String name = property.getKey();
      final JsonNode declared = resolve(property.getValue());
      final JsonNode present = model.get(name);
      if (declared.has(DEFAULT)) {
        if (present == null) {
          model.set(name, declared.get(DEFAULT).deepCopy());
        }
      } else if (declared.has(PROPERTIES)) {
        if (present == null) {
          final ObjectNode child = JsonNodeFactory.instance.objectNode();
          fill(child, declared);
          if (!child.isEmpty()) {
            model.set(name, child);
          }
        } else if (present instanceof ObjectNode object) {
          fill(object, declared);
        }
      }
    }
  }

  /**
   * The desired model's JSON with each setting the template removed (present in {@code previous},
   * absent from {@code desired}) set to its default. Only the {@code settings} members are looked
   * at: what an Update call takes.
   *
   * @throws HandlerFailure InvalidRequest naming every removed setting that has no default
   */
  public ObjectNode resetRemoved(
      final JsonNode previous, final ObjectNode desired, final Collection<String> settings) {
    final ObjectNode reset = desired.deepCopy();
    final List<String> stuck = new ArrayList<>();
    for (final String member : settings) {
      if (previous.hasNonNull(member)) {
        reset(member, previous.get(member), reset, schema.path(PROPERTIES).path(member), "", stuck);
      }
    }
    if (!stuck.isEmpty()) {
      throw new HandlerFailure(
          HandlerErrorCode.InvalidRequest,
          String.format(
              "%s removed from the template, but SageMaker keeps a setting an update leaves out"
                  + " and has no value that restores %s. Set %s to the value you want instead of"
                  + " removing %s (see the property's documentation).",
              String.join(", ", stuck),
              stuck.size() == 1 ? "it" : "them",
              stuck.size() == 1 ? "it" : "each",
              stuck.size() == 1 ? "it" : "them"));
    }
    return reset;
  }

  private void reset(
      final String name,
      final JsonNode before,
      final ObjectNode parent,
      final JsonNode declaredNode,
      final String path,
      final List<String> stuck) {
    final JsonNode declared = resolve(declaredNode);
    final String where = path + name;
    final JsonNode after = parent.get(name);
    if (after != null && !after.isNull()) {
      if (before.isObject() && after.isObject()) {
        before
            .properties()
            .forEach(
                e ->
                    reset(
                        e.getKey(),
                        e.getValue(),
                        (ObjectNode) after,
                        declared.path(PROPERTIES).path(e.getKey()),
                        where + ".",
                        stuck));
      }
      return;
    }
    if (declared.has(DEFAULT)) {
      parent.set(name, declared.get(DEFAULT).deepCopy());
    } else if (before.isObject() && declared.has(PROPERTIES)) {
      final ObjectNode child = parent.putObject(name);
      before
          .properties()
          .forEach(
              e ->
                  reset(
                      e.getKey(),
                      e.getValue(),
                      child,
                      declared.path(PROPERTIES).path(e.getKey()),
                      where + ".",
                      stuck));
    } else if (!before.isNull()) {
      stuck.add(where);
    }
  }

  private JsonNode resolve(final JsonNode node) {
    final JsonNode ref = node.get("$ref");
    return ref == null ? node : schema.at(ref.asText().substring(1));
  }
}
