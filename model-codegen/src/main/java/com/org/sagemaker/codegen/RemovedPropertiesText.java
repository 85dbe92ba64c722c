package com.org.sagemaker.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The wording of docs/removed-properties.md; {@link RemovedPropertiesPage} decides its rows. */
final class RemovedPropertiesText {

  static final String INTRODUCTION =
      """
      # What removing a property from the template does

      <!-- Generated from each type's schema and default-sources.json by model-codegen:
           mvn -q -pl model-codegen compile exec:java@generate-type-files -->

      CloudFormation reads a property removed from a template as "back to its default", but
      SageMaker's UpdateDomain and UpdateUserProfile keep whatever a call leaves out. So the
      handlers decide what a removal does from the type's schema alone:

      - A setting with a schema `default` is sent as that default: what SageMaker gives a resource
        created without it. Where each default comes from is listed with it, and kept in the type's
        `default-sources.json` (a test fails when that table and the schema's defaults disagree).
      - A setting without one cannot be unset in SageMaker. An update of the template that removes
        it fails with `InvalidRequest` before any SageMaker call, naming it: set the value you want
        instead. In CloudFormation's rollback of a failed update, which updates the resource back to
        a template that lacks the setting, it is not refused: the resource keeps its value.

      A setting is named as the handlers name it, by its path of property names; nested settings
      count one by one, so removing a whole object removes each of its members.
      """;

  private RemovedPropertiesText() {}

  static void section(
      final StringBuilder out,
      final String directory,
      final JsonNode schema,
      final List<RemovedPropertiesPage.Setting> settings) {
    out.append("\n## ").append(schema.path("typeName").asText()).append("\n\n");
    final List<String> notListed = new ArrayList<>();
    notListed.add(
        "create-only properties, whose change or removal replaces the resource: "
            + names(schema.path("createOnlyProperties")));
    notListed.add("read-only properties: " + names(schema.path("readOnlyProperties")));
    if (schema.path("tagging").has("tagProperty")) {
      notListed.add(
          names(schema.path("tagging").path("tagProperty"))
              + ", whose tags a template removes are deleted from the resource");
    }
    if (schema.has("writeOnlyProperties")) {
      notListed.add(
          "write-only options, which the handlers read when the resource is deleted (an absent"
              + " one means its default then): "
              + names(schema.path("writeOnlyProperties")));
    }
    out.append("Not settings, so not listed:\n\n");
    notListed.forEach(line -> out.append("- ").append(line).append('\n'));
    out.append('\n');
    out.append("| setting | removing it from the template |\n|---|---|\n");
    for (final RemovedPropertiesPage.Setting setting : settings) {
      out.append("| ").append(link(directory, setting)).append(" | ").append(effect(setting));
      out.append(" |\n");
    }
  }

  private static String link(final String directory, final RemovedPropertiesPage.Setting setting) {
    final String name = "`" + setting.path() + "`";
    return setting.page() == null
        ? name
        : "["
            + name
            + "](../"
            + directory
            + "/docs/"
            + setting.page()
            + "#"
            + setting.anchor()
            + ")";
  }

  private static String effect(final RemovedPropertiesPage.Setting setting) {
    if (setting.reset() == null) {
      return "refused, naming it; kept as it is in a rollback";
    }
    final String value =
        setting.reset().isTextual() ? setting.reset().asText() : setting.reset().toString();
    return "reset to `" + value + "` (" + setting.source().replace("|", "\\|") + ")";
  }

  /** Property names of a pointer, or of a list of them, for the prose. */
  private static String names(final JsonNode pointers) {
    final List<String> names = new ArrayList<>();
    if (pointers.isArray()) {
      pointers.forEach(p -> names.add("`" + p.asText().replaceFirst("^/properties/", "") + "`"));
    } else {
      names.add("`" + pointers.asText().replaceFirst("^/properties/", "") + "`");
    }
    return String.join(", ", names);
  }
}
