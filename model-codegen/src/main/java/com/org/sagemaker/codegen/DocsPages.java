package com.org.sagemaker.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * cloudformation-cli 0.2.39's docs templates ({@code src/rpdk/core/templates/docs-readme.md} and
 * {@code docs-subproperty.md}) as Jinja renders them there: with {@code trim_blocks} and {@code
 * lstrip_blocks}, no escaping, and values printed as Python's {@code str()}. The properties given
 * carry the markdown {@link DocsGenerator} attached.
 */
final class DocsPages {

  private static final String UPDATE_BEHAVIORS =
      "(https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/"
          + "using-cfn-updating-stacks-update-behaviors.html";
  private static final String SYNTAX =
      "\n## Syntax\n\nTo declare this entity in your AWS CloudFormation template, use the"
          + " following syntax:\n\n### JSON\n\n<pre>\n{\n";
  private static final String PROPERTIES = "properties";

  /** The CLI's {@code MARKDOWN_RESERVED_CHARACTERS}, escaped at the start of a sub-property. */
  private static final Set<Character> MARKDOWN_RESERVED =
      Set.of('^', '*', '+', '.', '(', '[', '{', '#');

  private DocsPages() {}

  /** docs-readme.md for a resource type; {@code schema}'s properties are documented ones. */
  static String readme(final String typeName, final JsonNode schema) {
    final StringBuilder out = new StringBuilder();
    heading(out, typeName, schema);
    out.append(SYNTAX)
        .append("    \"Type\" : \"")
        .append(typeName)
        .append("\",\n    \"Properties\" : {\n");
    jsonSyntax(out, schema, "        ");
    out.append("    }\n}\n</pre>\n\n### YAML\n\n<pre>\nType: ")
        .append(typeName)
        .append("\nProperties:\n");
    yamlSyntax(out, schema, "    ");
    out.append("</pre>\n");
    properties(out, schema, false);
    returnValues(out, schema);
    return out.toString();
  }

  /** docs-subproperty.md for an object that has members. */
  static String subproperty(final String typeName, final String name, final JsonNode object) {
    final StringBuilder out = new StringBuilder();
    heading(out, typeName + " " + name, object);
    out.append(SYNTAX);
    jsonSyntax(out, object, "    ");
    out.append("}\n</pre>\n\n### YAML\n\n<pre>\n");
    yamlSyntax(out, object, "");
    out.append("</pre>\n");
    properties(out, object, true);
    return out.toString();
  }

  private static void heading(final StringBuilder out, final String title, final JsonNode schema) {
    out.append("# ").append(title).append('\n');
    description(out, schema.get("description"));
  }

  private static void description(final StringBuilder out, final JsonNode description) {
    if (Python.truthy(description)) {
      out.append('\n').append(Python.str(description)).append('\n');
    }
  }

  private static List<Map.Entry<String, JsonNode>> shown(final JsonNode schema) {
    final List<Map.Entry<String, JsonNode>> shown = new ArrayList<>();
    if (Python.truthy(schema.get(PROPERTIES))) {
      schema.get(PROPERTIES).properties().forEach(shown::add);
    }
    return shown;
  }

  /** A comma after each line but the last property's, read-only or not, as the template does. */
  private static void jsonSyntax(
      final StringBuilder out, final JsonNode schema, final String indent) {
    final List<Map.Entry<String, JsonNode>> properties = shown(schema);
    for (int i = 0; i < properties.size(); i++) {
      final Map.Entry<String, JsonNode> property = properties.get(i);
      if (!Python.truthy(property.getValue().get(DocsGenerator.READ_ONLY))) {
        out.append(indent)
            .append('"')
            .append(anchor(property.getKey()))
            .append("\" : <i>")
            .append(type(property.getValue(), DocsGenerator.JSON_TYPE))
            .append("</i>")
            .append(i == properties.size() - 1 ? "" : ",")
            .append('\n');
      }
    }
  }

  private static void yamlSyntax(
      final StringBuilder out, final JsonNode schema, final String indent) {
    for (final Map.Entry<String, JsonNode> property : shown(schema)) {
      if (!Python.truthy(property.getValue().get(DocsGenerator.READ_ONLY))) {
        out.append(indent)
            .append(anchor(property.getKey()))
            .append(": <i>")
            .append(type(property.getValue(), DocsGenerator.YAML_TYPE))
            .append("</i>\n");
      }
    }
  }

  private static void properties(
      final StringBuilder out, final JsonNode schema, final boolean escapeNames) {
    if (!Python.truthy(schema.get(PROPERTIES))) {
      return;
    }
    out.append("\n## Properties\n\n");
    for (final Map.Entry<String, JsonNode> entry : shown(schema)) {
      final JsonNode property = entry.getValue();
      if (Python.truthy(property.get(DocsGenerator.READ_ONLY))) {
        continue;
      }
      final String name = entry.getKey();
      out.append("#### ").append(escapeNames ? escapeMarkdown(name) : name).append('\n');
      description(out, property.get("description"));
      out.append("\n_Required_: ")
          .append(isRequired(schema, name) ? "Yes" : "No")
          .append("\n\n_Type_: ")
          .append(type(property, DocsGenerator.LONG_FORM_TYPE))
          .append('\n');
      if (Python.truthy(property.get(DocsGenerator.ALLOWED_VALUES))) {
        final List<String> values = new ArrayList<>();
        property
            .get(DocsGenerator.ALLOWED_VALUES)
            .forEach(v -> values.add("<code>" + Python.str(v) + "</code>"));
        out.append("\n_Allowed Values_: ").append(String.join(" | ", values)).append('\n');
      }
      constraint(out, "_Minimum Length_", property.get("minLength"));
      constraint(out, "_Maximum Length_", property.get("maxLength"));
      constraint(out, "_Pattern_", property.get("pattern"));
      out.append("\n_Update requires_: ").append(updateBehavior(property)).append("\n\n");
    }
  }

  private static boolean isRequired(final JsonNode schema, final String name) {
    for (final JsonNode required : schema.path("required")) {
      if (required.asText().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static void constraint(
      final StringBuilder out, final String label, final JsonNode value) {
    if (Python.truthy(value)) {
      out.append('\n')
          .append(label)
          .append(": <code>")
          .append(Python.str(value))
          .append("</code>\n");
    }
  }

  private static String updateBehavior(final JsonNode property) {
    if (Python.truthy(property.get(DocsGenerator.CREATE_ONLY))) {
      return "[Replacement]" + UPDATE_BEHAVIORS + "#update-replacement)";
    }
    if (Python.truthy(property.get(DocsGenerator.CONDITIONAL_CREATE_ONLY))) {
      return "[Some interruptions]" + UPDATE_BEHAVIORS + "#update-some-interrupt)";
    }
    return "[No interruption]" + UPDATE_BEHAVIORS + "#update-no-interrupt)";
  }

  private static void returnValues(final StringBuilder out, final JsonNode schema) {
    final String ref = primaryIdentifier(schema);
    final JsonNode readOnly = schema.path("readOnlyProperties");
    if (ref == null && readOnly.isEmpty()) {
      return;
    }
    out.append("## Return Values\n");
    if (ref != null) {
      out.append("\n### Ref\n\nWhen you pass the logical ID of this resource to the intrinsic")
          .append(" `Ref` function, Ref returns the ")
          .append(ref)
          .append(".\n");
    }
    if (readOnly.isEmpty()) {
      return;
    }
    out.append("\n### Fn::GetAtt\n\nThe `Fn::GetAtt` intrinsic function returns a value for a")
        .append(" specified attribute of this type. The following are the available attributes")
        .append(" and sample return values.\n\nFor more information about using the `Fn::GetAtt`")
        .append(" intrinsic function, see [Fn::GetAtt](https://docs.aws.amazon.com/")
        .append(
            "AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-getatt.html).\n\n");
    for (final JsonNode pointer : readOnly) {
      final String[] path = pointer.asText().split("/", -1);
      final String name = path[path.length - 1].replace("~1", "/").replace("~0", "~");
      final JsonNode description = schema.at(pointer.asText() + "/description");
      out.append("#### ").append(name).append('\n');
      description(
          out,
          description.isMissingNode()
              ? TextNode.valueOf("Returns the <code>" + name + "</code> value.")
              : description);
      out.append('\n');
    }
  }

  /** What Ref returns: the primary identifier when it is one top-level property. */
  private static String primaryIdentifier(final JsonNode schema) {
    final JsonNode primary = schema.path("primaryIdentifier");
    if (primary.size() != 1) {
      return null;
    }
    final String[] path = primary.get(0).asText().split("/", -1);
    return path.length == 3 && path[0].isEmpty() && !path[2].isEmpty()
        ? path[2].replace("~1", "/").replace("~0", "~")
        : null;
  }

  private static String type(final JsonNode property, final String notation) {
    return Python.str(property.get(notation));
  }

  private static String anchor(final String name) {
    return "<a href=\"#" + name.toLowerCase() + "\" title=\"" + name + "\">" + name + "</a>";
  }

  /** The CLI's {@code escape_markdown}. */
  private static String escapeMarkdown(final String name) {
    return !name.isEmpty() && MARKDOWN_RESERVED.contains(name.charAt(0)) ? "\\" + name : name;
  }
}
