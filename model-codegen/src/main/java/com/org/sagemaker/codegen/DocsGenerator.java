package com.org.sagemaker.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the property reference {@code cfn generate} writes into a type's {@code docs/}, byte for
 * byte: a port of cloudformation-cli 0.2.39's {@code Project.generate_docs} and {@code
 * _set_docs_properties} (src/rpdk/core/project.py), quirks included, so that the committed docs are
 * what a user running the CLI gets. Its quirks, which the port keeps:
 *
 * <ul>
 *   <li>A property that is a {@code $ref} shows its definition's description, never its own, and
 *       only where the definition is first documented.
 *   <li>The CLI remembers what it documented by bare name (a definition's, or an array property's
 *       whose items are a definition): a later property of that name shows only its type.
 *   <li>A sub-property is create-only when {@code /properties/<definition>/<name>} is listed.
 * </ul>
 *
 * Usage: {@code DocsGenerator <schema.json> <docs dir>}.
 */
public final class DocsGenerator {

  static final String JSON_TYPE = "jsontype";
  static final String YAML_TYPE = "yamltype";
  static final String LONG_FORM_TYPE = "longformtype";
  static final String CREATE_ONLY = "createonly";
  static final String CONDITIONAL_CREATE_ONLY = "conditionalCreateOnly";
  static final String READ_ONLY = "readonly";
  static final String ALLOWED_VALUES = "allowedvalues";

  private static final String PROPERTIES = "properties";
  private static final Map<String, String> BASIC_TYPES =
      Map.of("string", "String", "number", "Double", "integer", "Integer", "boolean", "Boolean");

  private final String typeName;
  private final Map<List<String>, ObjectNode> flattened;
  private final Set<String> createOnly;
  private final Set<String> conditionalCreateOnly;
  private final Set<String> readOnly;

  /** The CLI's {@code _marked_down_properties}: the three type notations by bare name. */
  private final Map<String, ObjectNode> markedDown = new HashMap<>();

  /** Sub-property pages in the order written; as the CLI's safewrite, the first write wins. */
  private final Map<String, String> pages = new LinkedHashMap<>();

  private DocsGenerator(final JsonNode schema) {
    this.typeName = schema.path("typeName").asText();
    this.flattened = SchemaFlattener.flatten(schema);
    this.createOnly = pointers(schema, "createOnlyProperties");
    this.conditionalCreateOnly = pointers(schema, "conditionalCreateOnlyProperties");
    this.readOnly = pointers(schema, "readOnlyProperties");
  }

  public static void main(final String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: DocsGenerator <schema.json> <docs dir>");
    }
    final Path docs = Path.of(args[1]);
    if (Files.isDirectory(docs)) {
      try (Stream<Path> old = Files.list(docs)) {
        for (final Path file : old.toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(docs);
    final JsonNode schema = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    for (final Map.Entry<String, String> file : generate(schema).entrySet()) {
      Files.writeString(docs.resolve(file.getKey()), file.getValue());
    }
  }

  /** File name to Markdown for every page of the type's docs. */
  public static Map<String, String> generate(final JsonNode schema) {
    if (!schema.has(PROPERTIES)) {
      throw new IllegalArgumentException("a schema without properties gets no docs from the CLI");
    }
    final DocsGenerator generator = new DocsGenerator(schema);
    final ObjectNode documented = JsonNodeFactory.instance.objectNode();
    generator
        .flattened
        .get(List.of())
        .get(PROPERTIES)
        .properties()
        .forEach(
            p ->
                documented.set(
                    p.getKey(), generator.document(p.getKey(), p.getValue(), List.of(p.getKey()))));
    final ObjectNode docsSchema = schema.deepCopy();
    docsSchema.set(PROPERTIES, documented);
    final Map<String, String> files = new LinkedHashMap<>();
    files.put("README.md", DocsPages.readme(generator.typeName, docsSchema));
    generator.pages.forEach(files::putIfAbsent);
    return files;
  }

  /** The CLI's {@code _set_docs_properties}: the property with its markdown attached. */
  private ObjectNode document(
      final String declaredName, final JsonNode declared, final List<String> declaredPath) {
    String name = declaredName;
    List<String> path = declaredPath;
    ObjectNode property = (ObjectNode) declared;
    if (property.has(SchemaFlattener.REF)) {
      final List<String> ref = SchemaFlattener.refPath(property);
      property = flattened.get(ref);
      name = ref.get(1);
      path = List.of(name);
    }
    if (markedDown.containsKey(name)) {
      return markedDown.get(name).deepCopy();
    }
    final String pointer = "/properties/" + String.join("/", escaped(path));
    if (createOnly.contains(pointer)) {
      property.put(CREATE_ONLY, true);
    }
    if (conditionalCreateOnly.contains(pointer)) {
      property.put(CONDITIONAL_CREATE_ONLY, true);
    }
    if (readOnly.contains(pointer)) {
      property.put(READ_ONLY, true);
    }
    final ObjectNode type = markdownType(property, name, path);
    for (final String notation : List.of(JSON_TYPE, YAML_TYPE, LONG_FORM_TYPE)) {
      property.put(notation, join(property.path(notation).asText(""), type.get(notation).asText()));
    }
    if (property.has("enum")) {
      property.set(ALLOWED_VALUES, property.get("enum"));
    }
    return property;
  }

  /** The CLI's {@code __set_property_type}, writing a page for an object with members. */
  private ObjectNode markdownType(
      final ObjectNode property, final String name, final List<String> path) {
    final String type = property.path("type").asText("object");
    if (BASIC_TYPES.containsKey(type)) {
      return notations(BASIC_TYPES.get(type));
    }
    if ("array".equals(type)) {
      if (!property.has("items")) {
        property.putObject("items");
      }
      final JsonNode items = property.get("items");
      if (items.has(SchemaFlattener.REF)) {
        final String target = SchemaFlattener.refPath(items).get(1);
        markedDown.put(name, list(notations(link(target.toLowerCase() + ".md", target))));
      }
      return list(document(name, items, path));
    }
    if (!"object".equals(type)) {
      return notations("Unknown");
    }
    JsonNode members = property.get(PROPERTIES);
    if (!Python.truthy(members)) {
      members = property.get("patternProperties");
    }
    if (!Python.truthy(members)) {
      return notations("Map");
    }
    final String file = String.join("-", path).toLowerCase() + ".md";
    final ObjectNode page = notations(link(file, name));
    markedDown.put(name, page);
    final ObjectNode documented = JsonNodeFactory.instance.objectNode();
    members
        .properties()
        .forEach(
            member -> {
              final List<String> memberPath = new ArrayList<>(path);
              memberPath.add(member.getKey());
              documented.set(
                  member.getKey(), document(member.getKey(), member.getValue(), memberPath));
            });
    property.set(PROPERTIES, documented);
    pages.putIfAbsent(file, DocsPages.subproperty(typeName, String.join(" ", path), property));
    return page;
  }

  private static ObjectNode notations(final String all) {
    return notations(all, all, all);
  }

  private static ObjectNode notations(final String json, final String yaml, final String longForm) {
    final ObjectNode notations = JsonNodeFactory.instance.objectNode();
    notations.put(JSON_TYPE, json).put(YAML_TYPE, yaml).put(LONG_FORM_TYPE, longForm);
    return notations;
  }

  private static ObjectNode list(final ObjectNode items) {
    return notations(
        "[ " + items.get(JSON_TYPE).asText() + ", ... ]",
        "\n      - " + items.get(YAML_TYPE).asText(),
        "List of " + items.get(LONG_FORM_TYPE).asText());
  }

  private static String link(final String file, final String name) {
    return "<a href=\"" + file + "\">" + name + "</a>";
  }

  /** The CLI's {@code __join} of a property's types. */
  private static String join(final String first, final String second) {
    return first.isEmpty() || first.equals(second) ? second : first + ", " + second;
  }

  /**
   * JSON pointer escaping; the CLI also percent-encodes, which never applies to these names (the
   * provider meta-schema allows only letters and digits in property names).
   */
  private static List<String> escaped(final List<String> path) {
    return path.stream().map(p -> p.replace("~", "~0").replace("/", "~1")).toList();
  }

  private static Set<String> pointers(final JsonNode schema, final String list) {
    final Set<String> pointers = new HashSet<>();
    schema.path(list).forEach(p -> pointers.add(p.asText()));
    return pointers;
  }
}
