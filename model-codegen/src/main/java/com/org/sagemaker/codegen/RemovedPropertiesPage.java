package com.org.sagemaker.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes docs/removed-properties.md: for each type, every setting an update may change and what
 * removing it from the template does, as the handlers decide it from the schema alone (common's
 * SchemaDefaults): a setting with a schema {@code default} is sent as that default; one without is
 * refused. Where each default comes from is kept beside the schema, in the type's {@value #TABLE},
 * keyed by the JSON pointer of the schema node that holds the {@code default}: the schema's
 * descriptions stay short (the CLI refuses a schema over 60 KiB), and the table and the schema must
 * agree, default for default.
 */
public final class RemovedPropertiesPage {

  /** Each type's sources of its schema defaults: {pointer: {"default": ..., "source": "..."}}. */
  public static final String TABLE = "default-sources.json";

  private static final String DEFAULT = "default";
  private static final String PROPERTIES = "properties";
  private static final String REF = "$ref";
  private static final Set<String> NAME_MAPS =
      Set.of(PROPERTIES, "patternProperties", "definitions");

  /** One setting: its path as the handlers name it, where it is documented, what removal does. */
  record Setting(String path, String page, String anchor, JsonNode reset, String source) {}

  private RemovedPropertiesPage() {}

  /** The page for the given type directories, each holding its org-*.json schema and table. */
  public static String generate(final List<Path> typeDirectories) throws IOException {
    final ObjectMapper json = new ObjectMapper();
    final StringBuilder out = new StringBuilder(RemovedPropertiesText.INTRODUCTION);
    for (final Path type : typeDirectories) {
      final JsonNode schema = json.readTree(TypeFiles.schemaOf(type).toFile());
      final JsonNode table = json.readTree(type.resolve(TABLE).toFile());
      RemovedPropertiesText.section(out, directoryName(type), schema, settings(schema, table));
    }
    return out.toString();
  }

  /** The type directory's name: links go from the root docs/ to its sibling type directories. */
  private static String directoryName(final Path type) {
    final Path name = type.toAbsolutePath().normalize().getFileName();
    if (name == null) {
      throw new IllegalArgumentException("not a type directory: " + type);
    }
    return name.toString();
  }

  /**
   * The settings an update may change: the top-level properties that are not create-only,
   * read-only, write-only or the tag property, and each member of theirs that has members in turn.
   *
   * @throws IllegalArgumentException when the table and the schema's defaults disagree
   */
  static List<Setting> settings(final JsonNode schema, final JsonNode table) {
    checkAgreement(schema, table);
    final Set<String> notSettings = new HashSet<>();
    for (final String list :
        List.of("createOnlyProperties", "readOnlyProperties", "writeOnlyProperties")) {
      schema.path(list).forEach(p -> notSettings.add(p.asText()));
    }
    notSettings.add(schema.path("tagging").path("tagProperty").asText());
    final List<Setting> settings = new ArrayList<>();
    for (final Map.Entry<String, JsonNode> property : schema.path(PROPERTIES).properties()) {
      final String pointer = "/properties/" + property.getKey();
      if (!notSettings.contains(pointer)) {
        walk(
            schema,
            table,
            property.getKey(),
            property.getValue(),
            pointer,
            "README.md",
            new HashSet<>(),
            settings);
      }
    }
    return settings;
  }

  private static void walk(
      final JsonNode schema,
      final JsonNode table,
      final String path,
      final JsonNode declared,
      final String declaredAt,
      final String page,
      final Set<String> definitionsOnPath,
      final List<Setting> settings) {
    JsonNode node = declared;
    String pointer = declaredAt;
    if (declared.has(REF)) {
      pointer = declared.get(REF).asText().substring(1);
      node = schema.at(pointer);
    }
    final String name = path.substring(path.lastIndexOf('.') + 1);
    if (node.has(DEFAULT)) {
      settings.add(
          new Setting(
              path,
              page,
              name.toLowerCase(),
              node.get(DEFAULT),
              table.get(pointer).get("source").asText()));
    } else if (!node.has(PROPERTIES)) {
      settings.add(new Setting(path, page, name.toLowerCase(), null, null));
    } else if (definitionsOnPath.add(pointer)) {
      // The CLI documents a definition's members on a page named after the definition.
      final String members =
          declared.has(REF)
              ? pointer.substring(pointer.lastIndexOf('/') + 1).toLowerCase() + ".md"
              : null;
      for (final Map.Entry<String, JsonNode> member : node.get(PROPERTIES).properties()) {
        walk(
            schema,
            table,
            path + "." + member.getKey(),
            member.getValue(),
            pointer + "/properties/" + member.getKey(),
            members,
            new HashSet<>(definitionsOnPath),
            settings);
      }
    }
  }

  /** Every schema {@code default} has a row with the same value, and every row a default. */
  static void checkAgreement(final JsonNode schema, final JsonNode table) {
    final Set<String> defaults = new TreeSet<>();
    collectDefaults(schema, "", false, defaults);
    final List<String> problems = new ArrayList<>();
    for (final String pointer : defaults) {
      final JsonNode row = table.get(pointer);
      if (row == null) {
        problems.add(pointer + ": a default without a row in " + TABLE);
      } else if (!row.path(DEFAULT).equals(schema.at(pointer).get(DEFAULT))) {
        problems.add(pointer + ": the schema's default is not the row's " + row.path(DEFAULT));
      } else if (row.path("source").asText().isBlank()) {
        problems.add(pointer + ": a row without a source");
      }
    }
    table
        .fieldNames()
        .forEachRemaining(
            pointer -> {
              if (!defaults.contains(pointer)) {
                problems.add(pointer + ": a row in " + TABLE + " for no default in the schema");
              }
            });
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          schema.path("typeName").asText() + ": " + String.join("; ", problems));
    }
  }

  private static void collectDefaults(
      final JsonNode node, final String pointer, final boolean names, final Set<String> found) {
    if (!names && node.has(DEFAULT)) {
      found.add(pointer);
    }
    node.properties()
        .forEach(
            child ->
                collectDefaults(
                    child.getValue(),
                    pointer + "/" + child.getKey().replace("~", "~0").replace("/", "~1"),
                    !names && NAME_MAPS.contains(child.getKey()),
                    found));
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectDefaults(node.get(i), pointer + "/" + i, false, found);
      }
    }
  }
}
