package com.org.sagemaker.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.json.JSONObject;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;

/**
 * What a property means when the template does not set it, read from the schema's {@code default}
 * keywords: the value SageMaker gives a resource created without it (the sources are listed in
 * docs/removed-properties.md). A default may hold only under a condition on its siblings (a
 * domain's landing page is Studio only while Studio is enabled): see {@link #onlyWhen}.
 *
 * <p>CloudFormation's meaning of a property removed from a template is "back to the default", but
 * SageMaker's Update calls keep whatever they are not given (terraform-provider-aws#43127, #35503).
 * So a removed setting is sent as its default where the schema has one; where it has none,
 * SageMaker offers no way back: a user's update fails before any call, naming the property, and
 * CloudFormation's rollback keeps the value (a rollback must go through).
 */
public final class SchemaDefaults {

  private static final String PROPERTIES = "properties";
  private static final String DEFAULT = "default";

  private final JsonNode schema;
  private final Set<String> writeOnly;
  private final Map<String, Predicate<JsonNode>> conditions;

  public SchemaDefaults(final JSONObject schema) {
    this(SdkJson.MODEL_MAPPER.valueToTree(schema.toMap()), Map.of());
  }

  private SchemaDefaults(final JsonNode schema, final Map<String, Predicate<JsonNode>> conditions) {
    this.schema = schema;
    this.conditions = conditions;
    final Set<String> pointers = new HashSet<>();
    schema
        .path("writeOnlyProperties")
        .forEach(p -> pointers.add(p.asText().replaceFirst("^/properties/", "")));
    this.writeOnly = Set.copyOf(pointers);
  }

  /**
   * These defaults, with the one of the property at {@code path} (e.g. {@code
   * DefaultUserSettings.DefaultLandingUri}) holding only when {@code condition} accepts its parent
   * object as the template gives it (an absent sibling meaning its own default).
   */
  public SchemaDefaults onlyWhen(final String path, final Predicate<JsonNode> condition) {
    final Map<String, Predicate<JsonNode>> more = new java.util.HashMap<>(conditions);
    more.put(path, condition);
    return new SchemaDefaults(schema, Map.copyOf(more));
  }

  /**
   * Sets every absent property that has a default, creating parent objects as needed: "The model
   * MUST contain all properties that have values, including any properties that have default
   * values" (CloudFormation's resource type handler contract, for Read). Write-only properties are
   * left out: Read never returns them.
   */
  public void fill(final ObjectNode model) {
    final ObjectNode filled = model.deepCopy();
    fill(filled, schema, "");
    filled
        .properties()
        .forEach(
            e -> {
              if (!writeOnly.contains(e.getKey())) {
                model.set(e.getKey(), e.getValue());
              }
            });
  }

  private void fill(final ObjectNode model, final JsonNode type, final String path) {
    final ObjectNode given = model.deepCopy();
    for (final Map.Entry<String, JsonNode> property : type.path(PROPERTIES).properties()) {
      final String name = property.getKey();
      final JsonNode declared = resolve(property.getValue());
      final JsonNode present = model.get(name);
      if (declared.has(DEFAULT)) {
        final JsonNode value = defaultOf(path + name, declared, given);
        if (present == null && value != null) {
          model.set(name, value);
        }
      } else if (declared.has(PROPERTIES)) {
        if (present == null) {
          final ObjectNode child = JsonNodeFactory.instance.objectNode();
          fill(child, declared, path + name + ".");
          if (!child.isEmpty()) {
            model.set(name, child);
          }
        } else if (present instanceof ObjectNode object) {
          fill(object, declared, path + name + ".");
        }
      }
    }
  }

  /** The default of the property at {@code path}, if it holds for its {@code parent}; or null. */
  private JsonNode defaultOf(final String path, final JsonNode declared, final JsonNode parent) {
    final Predicate<JsonNode> condition = conditions.get(path);
    return declared.has(DEFAULT) && (condition == null || condition.test(parent))
        ? declared.get(DEFAULT).deepCopy()
        : null;
  }

  /**
   * The desired model's JSON with each setting the template removed (present in {@code previous},
   * absent from {@code desired}) set to its default: a value SageMaker filled in by itself (its
   * default, which Read reports) is no removal, whatever the previous state says, and resetting it
   * changes nothing. Only the {@code settings} members are looked at: what an Update call takes. A
   * removed setting without a default is kept at its previous value in a {@code rollback}, with a
   * line in the log: SageMaker keeps it anyway, and CloudFormation's rollback must go through.
   *
   * @throws HandlerFailure InvalidRequest naming every removed setting that has no default, unless
   *     {@code rollback}
   */
  public ObjectNode resetRemoved(
      final JsonNode previous,
      final ObjectNode desired,
      final Collection<String> settings,
      final boolean rollback,
      final Logger logger) {
    final ObjectNode reset = desired.deepCopy();
    final List<String> stuck = new ArrayList<>();
    for (final String member : settings) {
      if (previous.hasNonNull(member)) {
        reset(
            member,
            previous.get(member),
            reset,
            schema.path(PROPERTIES).path(member),
            "",
            rollback,
            stuck);
      }
    }
    if (rollback && !stuck.isEmpty()) {
      logger.log(
          "Rollback: keeping "
              + String.join(", ", stuck)
              + " as they are: SageMaker has no value that unsets them.");
    } else if (!stuck.isEmpty()) {
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
      final boolean rollback,
      final List<String> stuck) {
    final JsonNode declared = resolve(declaredNode);
    final String where = path + name;
    final JsonNode after = parent.get(name);
    if (after != null && !after.isNull()) {
      if (before.isObject() && after.isObject()) {
        resetMembers(before, (ObjectNode) after, declared, where, rollback, stuck);
      }
      return;
    }
    final JsonNode value = defaultOf(where, declared, parent);
    if (value != null) {
      parent.set(name, value);
    } else if (before.isObject() && declared.has(PROPERTIES)) {
      resetMembers(before, parent.putObject(name), declared, where, rollback, stuck);
    } else if (!before.isNull()) {
      stuck.add(where);
      if (rollback) {
        parent.set(name, before.deepCopy());
      }
    }
  }

  private void resetMembers(
      final JsonNode before,
      final ObjectNode after,
      final JsonNode declared,
      final String where,
      final boolean rollback,
      final List<String> stuck) {
    before
        .properties()
        .forEach(
            e ->
                reset(
                    e.getKey(),
                    e.getValue(),
                    after,
                    declared.path(PROPERTIES).path(e.getKey()),
                    where + ".",
                    rollback,
                    stuck));
  }

  private JsonNode resolve(final JsonNode node) {
    final JsonNode ref = node.get("$ref");
    return ref == null ? node : schema.at(ref.asText().substring(1));
  }
}
