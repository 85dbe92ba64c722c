package com.org.sagemaker.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Writes the property reference {@code cfn generate} writes into a type's {@code docs/}: {@code
 * README.md} for the type and one page per object definition, in the same layout, so the committed
 * docs are what a user running the CLI would get. Usage: {@code DocsGenerator <schema.json> <docs
 * dir>}.
 */
public final class DocsGenerator {

  private static final String REPLACEMENT =
      "[Replacement](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/"
          + "using-cfn-updating-stacks-update-behaviors.html#update-replacement)";
  private static final String NO_INTERRUPTION =
      "[No interruption](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/"
          + "using-cfn-updating-stacks-update-behaviors.html#update-no-interrupt)";
  private static final Map<String, String> BASIC_TYPES =
      Map.of("string", "String", "integer", "Integer", "number", "Double", "boolean", "Boolean");

  private final JsonNode schema;
  private final String typeName;
  private final Set<String> createOnly = new HashSet<>();
  private final Set<String> readOnly = new HashSet<>();
  private final Map<String, String> files = new LinkedHashMap<>();

  /** Markdown of object types already documented, keyed as the CLI keys them. */
  private final Map<String, Markdown> documented = new HashMap<>();

  private record Markdown(String json, String yaml, String longForm) {
    static Markdown same(final String text) {
      return new Markdown(text, text, text);
    }
  }

  private DocsGenerator(final JsonNode schema) {
    this.schema = schema;
    this.typeName = schema.path("typeName").asText();
    schema.path("createOnlyProperties").forEach(p -> createOnly.add(p.asText()));
    schema.path("readOnlyProperties").forEach(p -> readOnly.add(p.asText()));
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
    final DocsGenerator generator = new DocsGenerator(schema);
    final String readme = generator.readme();
    final Map<String, String> files = new LinkedHashMap<>();
    files.put("README.md", readme);
    files.putAll(generator.files);
    return files;
  }

  private String readme() {
    final Map<String, Markdown> types = new LinkedHashMap<>();
    for (final Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      types.put(
          property.getKey(), markdown(property.getKey(), property.getValue(), property.getKey()));
    }
    final StringBuilder out = new StringBuilder("# ").append(typeName).append('\n');
    description(out, schema);
    out.append("\n## Syntax\n\nTo declare this entity in your AWS CloudFormation template, use the")
        .append(" following syntax:\n\n### JSON\n\n<pre>\n{\n    \"Type\" : \"")
        .append(typeName)
        .append("\",\n    \"Properties\" : {\n");
    final List<String> names = new ArrayList<>(types.keySet());
    for (int i = 0; i < names.size(); i++) {
      if (!isReadOnly(names.get(i))) {
        out.append("        ")
            .append(jsonLine(names.get(i), types.get(names.get(i)), i == names.size() - 1));
      }
    }
    out.append("    }\n}\n</pre>\n\n### YAML\n\n<pre>\nType: ")
        .append(typeName)
        .append("\nProperties:\n");
    types.forEach(
        (name, type) -> {
          if (!isReadOnly(name)) {
            out.append("    ").append(yamlLine(name, type));
          }
        });
    out.append("</pre>\n\n## Properties\n\n");
    types.forEach(
        (name, type) -> {
          if (!isReadOnly(name)) {
            propertySection(
                out,
                name,
                schema.path("properties").path(name),
                type,
                schema,
                "\n\n",
                "_Minimum Length_",
                "_Maximum Length_",
                "/properties/" + name);
          }
        });
    returnValues(out);
    return out.toString();
  }

  private void returnValues(final StringBuilder out) {
    final JsonNode primary = schema.path("primaryIdentifier");
    final String ref =
        primary.size() == 1 && primary.get(0).asText().split("/").length == 3
            ? primary.get(0).asText().split("/")[2]
            : null;
    if (ref == null && readOnly.isEmpty()) {
      return;
    }
    out.append("## Return Values\n");
    if (ref != null) {
      out.append(
              "\n### Ref\n\nWhen you pass the logical ID of this resource to the intrinsic `Ref`")
          .append(" function, Ref returns the ")
          .append(ref)
          .append(".\n");
    }
    if (!readOnly.isEmpty()) {
      out.append("\n### Fn::GetAtt\n\nThe `Fn::GetAtt` intrinsic function returns a value for a")
          .append(" specified attribute of this type. The following are the available attributes")
          .append(" and sample return values.\n\nFor more information about using the `Fn::GetAtt`")
          .append(" intrinsic function, see [Fn::GetAtt](https://docs.aws.amazon.com/")
          .append(
              "AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-getatt.html).\n\n");
      for (final JsonNode pointer : schema.path("readOnlyProperties")) {
        final String[] path = pointer.asText().split("/");
        final String name = path[path.length - 1];
        final JsonNode description = schema.at(pointer.asText()).path("description");
        out.append("#### ").append(name).append('\n');
        out.append("\n")
            .append(
                description.isMissingNode()
                    ? "Returns the <code>" + name + "</code> value."
                    : description.asText())
            .append("\n\n");
      }
    }
  }

  private boolean isReadOnly(final String topLevelProperty) {
    return readOnly.contains("/properties/" + topLevelProperty);
  }

  private static String jsonLine(final String name, final Markdown type, final boolean last) {
    return "\"" + anchor(name) + "\" : <i>" + type.json() + "</i>" + (last ? "" : ",") + "\n";
  }

  private static String yamlLine(final String name, final Markdown type) {
    return anchor(name) + ": <i>" + type.yaml() + "</i>\n";
  }

  private static String anchor(final String name) {
    return "<a href=\"#" + name.toLowerCase() + "\" title=\"" + name + "\">" + name + "</a>";
  }

  private static void description(final StringBuilder out, final JsonNode node) {
    if (node.hasNonNull("description") && !node.get("description").asText().isEmpty()) {
      out.append('\n').append(node.get("description").asText()).append('\n');
    }
  }

  /** One property's section; README and sub-property pages differ in spacing and labels. */
  private void propertySection(
      final StringBuilder out,
      final String name,
      final JsonNode declared,
      final Markdown type,
      final JsonNode owner,
      final String afterRequired,
      final String minimumLabel,
      final String maximumLabel,
      final String pointer) {
    final JsonNode property = resolve(declared);
    out.append("#### ").append(name).append('\n');
    description(out, property.has("description") ? property : declared);
    out.append("\n_Required_: ")
        .append(contains(owner.path("required"), name) ? "Yes" : "No")
        .append(afterRequired)
        .append("_Type_: ")
        .append(type.longForm())
        .append('\n');
    if (property.has("enum")) {
      final List<String> values = new ArrayList<>();
      property.get("enum").forEach(v -> values.add("<code>" + v.asText() + "</code>"));
      out.append("\n_Allowed Values_: ").append(String.join(" | ", values)).append('\n');
    }
    if (property.path("minLength").asInt() > 0) {
      out.append('\n')
          .append(minimumLabel)
          .append(": <code>")
          .append(property.get("minLength").asInt())
          .append("</code>\n");
    }
    if (property.path("maxLength").asInt() > 0) {
      out.append('\n')
          .append(maximumLabel)
          .append(": <code>")
          .append(property.get("maxLength").asInt())
          .append("</code>\n");
    }
    if (property.hasNonNull("pattern")) {
      out.append("\n_Pattern_: <code>")
          .append(property.get("pattern").asText())
          .append("</code>\n");
    }
    out.append("\n_Update requires_: ")
        .append(createOnly.contains(pointer) ? REPLACEMENT : NO_INTERRUPTION)
        .append("\n\n");
  }

  private JsonNode resolve(final JsonNode node) {
    return node.has("$ref") ? schema.at(node.get("$ref").asText().substring(1)) : node;
  }

  private static boolean contains(final JsonNode array, final String value) {
    for (final JsonNode element : array) {
      if (element.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  /** The type's markdown in the three notations, writing a page for each new object type. */
  private Markdown markdown(final String propertyName, final JsonNode declared, final String path) {
    String name = propertyName;
    String pagePath = path;
    JsonNode property = declared;
    if (declared.has("$ref")) {
      final String ref = declared.get("$ref").asText();
      name = ref.substring(ref.lastIndexOf('/') + 1);
      pagePath = name;
      property = resolve(declared);
    }
    if (documented.containsKey(name)) {
      return documented.get(name);
    }
    final String type = property.path("type").asText("object");
    if (BASIC_TYPES.containsKey(type)) {
      return Markdown.same(BASIC_TYPES.get(type));
    }
    if ("array".equals(type)) {
      final Markdown items = markdown(name, property.path("items"), pagePath);
      return new Markdown(
          "[ " + items.json() + ", ... ]",
          "\n      - " + items.yaml(),
          "List of " + items.longForm());
    }
    if (!"object".equals(type)) {
      throw new IllegalArgumentException("unsupported type " + type + " at " + path);
    }
    if (!property.has("properties")) {
      return Markdown.same("Map");
    }
    final String file = pagePath.toLowerCase() + ".md";
    final Markdown link = Markdown.same("<a href=\"" + file + "\">" + name + "</a>");
    documented.put(name, link);
    files.put(file, subpropertyPage(pagePath, property));
    return link;
  }

  private String subpropertyPage(final String pagePath, final JsonNode object) {
    final Map<String, Markdown> types = new LinkedHashMap<>();
    for (final Map.Entry<String, JsonNode> property : object.path("properties").properties()) {
      types.put(
          property.getKey(),
          markdown(property.getKey(), property.getValue(), pagePath + "/" + property.getKey()));
    }
    final StringBuilder out =
        new StringBuilder("# ").append(typeName).append(' ').append(pagePath).append('\n');
    description(out, object);
    out.append("\n## Syntax\n\nTo declare this entity in your AWS CloudFormation template, use the")
        .append(" following syntax:\n\n### JSON\n\n<pre>\n{\n");
    final List<String> names = new ArrayList<>(types.keySet());
    for (int i = 0; i < names.size(); i++) {
      out.append("    ")
          .append(jsonLine(names.get(i), types.get(names.get(i)), i == names.size() - 1));
    }
    out.append("}\n</pre>\n\n### YAML\n\n<pre>\n");
    types.forEach((name, type) -> out.append(yamlLine(name, type)));
    out.append("</pre>\n\n## Properties\n\n");
    types.forEach(
        (name, type) ->
            propertySection(
                out,
                name,
                object.path("properties").path(name),
                type,
                object,
                "\n",
                "_Minimum_",
                "_Maximum_",
                "/properties/" + pagePath + "/" + name));
    return out.toString();
  }
}
