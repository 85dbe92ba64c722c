package com.org.sagemaker.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What cloudformation-cli's {@code JsonSchemaFlattener} (src/rpdk/core/jsonutils/flattener.py)
 * makes of a resource schema before {@code cfn generate} writes the docs: every object that has
 * {@code properties} becomes an entry of its own, keyed by its path in the schema, and is replaced
 * where it was by {@code {"$ref": [path...]}}; a {@code $ref} to anything else is replaced by a
 * copy of its target. Either way, what stood beside a {@code $ref} (its description) is dropped.
 *
 * <p>Combiners (oneOf, anyOf, allOf) and lists of types are refused rather than approximated: these
 * schemas use none, and the docs would differ from the CLI's if they were guessed at.
 */
final class SchemaFlattener {

  static final String REF = "$ref";
  private static final String PROPERTIES = "properties";
  private static final String PATTERN_PROPERTIES = "patternProperties";

  private final JsonNode schema;

  /** The CLI's {@code _schema_map}; a null value is its placeholder for a path being walked. */
  private final Map<List<String>, ObjectNode> flattened = new LinkedHashMap<>();

  private SchemaFlattener(final JsonNode schema) {
    this.schema = schema;
  }

  /** The flattened objects by path; the schema itself is at the empty path. */
  static Map<List<String>, ObjectNode> flatten(final JsonNode schema) {
    final SchemaFlattener flattener = new SchemaFlattener(schema);
    flattener.walk(schema, List.of());
    return flattener.flattened;
  }

  /** The path a flattened {@code $ref} names. */
  static List<String> refPath(final JsonNode reference) {
    final List<String> path = new ArrayList<>();
    reference.get(REF).forEach(part -> path.add(part.asText()));
    return path;
  }

  private JsonNode walk(final JsonNode subSchema, final List<String> path) {
    if (flattened.containsKey(path)) {
      return ref(path);
    }
    flattened.put(path, null);
    if (!subSchema.isObject()) {
      throw new IllegalArgumentException("not a schema object at " + path);
    }
    ObjectNode copy = ((ObjectNode) subSchema).deepCopy();
    JsonNode result = copy;
    if (copy.has(REF)) {
      result = walkRef(copy.get(REF).asText());
    } else {
      refuseUnported(copy, path);
      final String type = copy.path("type").asText("object");
      if ("array".equals(type)) {
        flattenArray(copy, path);
      } else if ("object".equals(type)) {
        result = flattenObject(copy, path);
      }
    }
    if (flattened.get(path) == null) {
      flattened.remove(path);
    }
    return result;
  }

  private static void refuseUnported(final ObjectNode subSchema, final List<String> path) {
    for (final String combiner : List.of("oneOf", "anyOf", "allOf")) {
      if (subSchema.has(combiner)) {
        throw new IllegalArgumentException(
            combiner + " at " + path + ": the CLI merges combiners; this port does not");
      }
    }
    if (subSchema.path("type").isArray()) {
      throw new IllegalArgumentException("a list of types at " + path + " is not ported");
    }
  }

  private JsonNode walkRef(final String reference) {
    if (!reference.startsWith("#/") || reference.contains("%")) {
      throw new IllegalArgumentException("only local, unescaped $refs are ported: " + reference);
    }
    final List<String> parts = new ArrayList<>();
    for (final String part : reference.substring(2).split("/", -1)) {
      parts.add(part.replace("~1", "/").replace("~0", "~"));
    }
    final JsonNode target = schema.at(reference.substring(1));
    if (target.isMissingNode()) {
      throw new IllegalArgumentException("Invalid ref: " + reference);
    }
    return walk(target, List.copyOf(parts));
  }

  private void flattenArray(final ObjectNode array, final List<String> path) {
    if (Python.truthy(array.get("additionalItems"))) {
      throw new IllegalArgumentException("Object at " + path + " has 'additionalItems'");
    }
    if (array.has("items")) {
      array.set("items", walk(array.get("items"), append(path, "items")));
    }
  }

  private JsonNode flattenObject(final ObjectNode object, final List<String> path) {
    if (Python.truthy(object.get("additionalProperties"))) {
      throw new IllegalArgumentException("Object at " + path + " has 'additionalProperties'");
    }
    if (object.has(PROPERTIES) && object.has(PATTERN_PROPERTIES)) {
      throw new IllegalArgumentException(
          "Object at " + path + " has mutually exclusive 'properties' and 'patternProperties'");
    }
    if (object.has(PROPERTIES)) {
      object.set(PROPERTIES, walkMembers(object.get(PROPERTIES), path, PROPERTIES));
      flattened.put(path, object);
      return ref(path);
    }
    if (object.has(PATTERN_PROPERTIES)) {
      object.set(
          PATTERN_PROPERTIES,
          walkMembers(object.get(PATTERN_PROPERTIES), path, PATTERN_PROPERTIES));
    }
    return object;
  }

  private ObjectNode walkMembers(
      final JsonNode members, final List<String> path, final String keyword) {
    final ObjectNode walked = JsonNodeFactory.instance.objectNode();
    members
        .properties()
        .forEach(
            member ->
                walked.set(
                    member.getKey(),
                    walk(member.getValue(), append(append(path, keyword), member.getKey()))));
    return walked;
  }

  private static ObjectNode ref(final List<String> path) {
    final ObjectNode ref = JsonNodeFactory.instance.objectNode();
    final ArrayNode parts = ref.putArray(REF);
    path.forEach(parts::add);
    return ref;
  }

  private static List<String> append(final List<String> path, final String part) {
    final List<String> longer = new ArrayList<>(path);
    longer.add(part);
    return List.copyOf(longer);
  }
}
