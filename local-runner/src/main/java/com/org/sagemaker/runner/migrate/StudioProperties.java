package com.org.sagemaker.runner.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.util.List;

/**
 * A custom resource's properties as the properties of our type. The sample's functions read {@code
 * VPC}, {@code SubnetIds} (a comma-separated string they split), {@code DomainName} and {@code
 * DefaultUserSettings} for a domain, always with {@code AuthMode='IAM'}; and {@code DomainId},
 * {@code UserProfileName} and {@code UserSettings} for a profile (domain_function.py,
 * UserProfile_function.py of aws-samples/cloudformation-studio-domain, commit bc46bf9). Everything
 * is then fitted to our schema: what it has no place for is dropped and named.
 */
final class StudioProperties {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectNode parameters;
  private final List<MigrationFinding> findings;

  StudioProperties(final ObjectNode parameters, final List<MigrationFinding> findings) {
    this.parameters = parameters;
    this.findings = findings;
  }

  ObjectNode convert(
      final StudioCustomResources.Kind kind, final JsonNode old, final String location) {
    final boolean domain = kind == StudioCustomResources.Kind.DOMAIN;
    final ObjectNode renamed = NODES.objectNode();
    old.properties()
        .forEach(
            e -> {
              final String key = e.getKey();
              if (key.equals("ServiceToken") || (domain && key.equals("AuthMode"))) {
                return;
              }
              if (domain && key.equals("VPC")) {
                renamed.set("VpcId", e.getValue());
              } else if (domain && key.equals("SubnetIds")) {
                renamed.set("SubnetIds", subnetList(e.getValue()));
              } else {
                renamed.set(key, e.getValue());
              }
              if (domain && key.equals("DomainName")) {
                authMode(old, renamed, location);
              }
            });
    if (domain) {
      if (!renamed.has("AuthMode")) {
        authMode(old, renamed, location);
      }
      if (!old.has("RetentionPolicy")) {
        findings.add(
            new MigrationFinding(
                location + ".RetentionPolicy",
                "the sample's function deleted the home EFS volume with the domain"
                    + " (HomeEfsFileSystem: Delete, hard-coded); "
                    + kind.newType
                    + " keeps it unless told otherwise. Add RetentionPolicy:"
                    + " {HomeEfsFileSystem: Delete} for the old behaviour."));
      }
    }
    final JsonNode schema = ResourceTypes.schema(kind.newType);
    final ObjectNode fitted = fitTopLevel(renamed, schema, location);
    for (final JsonNode required : schema.path("required")) {
      if (!fitted.has(required.asText())) {
        findings.add(
            new MigrationFinding(
                location + "." + required.asText(),
                "required by " + kind.newType + " but missing; add it"));
      }
    }
    return fitted;
  }

  /**
   * The sample's function always created IAM domains, whatever the template said: written out,
   * right after DomainName. A template's own AuthMode is kept, but it was ignored before.
   */
  private void authMode(final JsonNode old, final ObjectNode renamed, final String location) {
    final JsonNode written = old.get("AuthMode");
    if (written == null) {
      renamed.put("AuthMode", "IAM");
      return;
    }
    renamed.set("AuthMode", written);
    if (!"IAM".equals(written.asText())) {
      findings.add(
          new MigrationFinding(
              location + ".AuthMode",
              "the sample's function ignored AuthMode and created IAM domains; kept "
                  + written
                  + " as written: check it with aws sagemaker describe-domain"));
    }
  }

  /**
   * The sample passed SubnetIds as one comma-separated string and split it in the function; our
   * type takes a list. A literal is split here; a value known only at deploy time gets Fn::Split,
   * unless it is already a list (a list parameter, a Join on commas, a Split).
   */
  JsonNode subnetList(final JsonNode value) {
    if (value.isTextual()) {
      final ArrayNode list = NODES.arrayNode();
      for (final String part : value.asText().split(",")) {
        if (!part.isBlank()) {
          list.add(part.strip());
        }
      }
      return list;
    }
    if (value.isArray() || value.has("Fn::Split")) {
      return value;
    }
    if (value.has("Ref") && isListParameter(value.get("Ref").asText())) {
      return value;
    }
    final JsonNode join = value.path("Fn::Join");
    if (join.size() == 2 && ",".equals(join.get(0).asText())) {
      return join.get(1);
    }
    final JsonNode condition = value.path("Fn::If");
    if (value.size() == 1 && condition.size() == 3) {
      final ArrayNode branches = NODES.arrayNode().add(condition.get(0));
      branches.add(noValueOr(condition.get(1))).add(noValueOr(condition.get(2)));
      final ObjectNode result = NODES.objectNode();
      result.set("Fn::If", branches);
      return result;
    }
    final ObjectNode split = NODES.objectNode();
    split.putArray("Fn::Split").add(",").add(value);
    return split;
  }

  private JsonNode noValueOr(final JsonNode branch) {
    return "AWS::NoValue".equals(branch.path("Ref").asText()) ? branch : subnetList(branch);
  }

  /**
   * CommaDelimitedList, List<...> and their SSM forms give a list to Ref
   * (parameters-section-structure.md).
   */
  private boolean isListParameter(final String name) {
    final String type = parameters.path(name).path("Type").asText("");
    return type.contains("CommaDelimitedList") || type.contains("List<");
  }

  /** Only what the schema has, never its read-only properties. */
  private ObjectNode fitTopLevel(
      final ObjectNode value, final JsonNode schema, final String location) {
    final List<String> readOnly =
        ResourceTypes.pointers(schema.path("typeName").asText(), "readOnlyProperties");
    final ObjectNode writable = NODES.objectNode();
    value
        .properties()
        .forEach(
            e -> {
              if (readOnly.contains("/" + e.getKey())) {
                findings.add(
                    new MigrationFinding(
                        location + "." + e.getKey(),
                        "read-only in "
                            + schema.path("typeName").asText()
                            + " (it returns it as an attribute); dropped"));
              } else {
                writable.set(e.getKey(), e.getValue());
              }
            });
    return (ObjectNode) fit(writable, schema, schema, location);
  }

  /**
   * {@code value} with the keys the schema does not allow dropped (named), and strings turned into
   * the integers and booleans the schema wants: a custom resource receives every value as a string
   * (crpg-ref-requests.md), so old templates often quote them.
   */
  private JsonNode fit(
      final JsonNode value,
      final JsonNode schemaNode,
      final JsonNode schema,
      final String location) {
    final JsonNode definition = resolve(schemaNode, schema);
    if (isIntrinsic(value)) {
      return value;
    }
    final String type = definition.path("type").asText("");
    if (value instanceof ObjectNode object && definition.has("properties")) {
      final ObjectNode fitted = NODES.objectNode();
      object
          .properties()
          .forEach(
              e -> {
                final JsonNode property = definition.path("properties").get(e.getKey());
                if (property == null) {
                  findings.add(
                      new MigrationFinding(
                          location + "." + e.getKey(),
                          "not a property of "
                              + schema.path("typeName").asText()
                              + "; dropped (it was "
                              + e.getValue()
                              + ")"));
                } else {
                  fitted.set(
                      e.getKey(), fit(e.getValue(), property, schema, location + "." + e.getKey()));
                }
              });
      return fitted;
    }
    if (value instanceof ArrayNode array && definition.has("items")) {
      final ArrayNode fitted = NODES.arrayNode();
      for (int i = 0; i < array.size(); i++) {
        fitted.add(fit(array.get(i), definition.get("items"), schema, location + "[" + i + "]"));
      }
      return fitted;
    }
    if (value.isTextual()) {
      return scalar((TextNode) value, type);
    }
    return value;
  }

  private static JsonNode scalar(final TextNode value, final String type) {
    final String text = value.asText();
    if (type.equals("boolean") && (text.equals("true") || text.equals("false"))) {
      return BooleanNode.valueOf(Boolean.parseBoolean(text));
    }
    // Nine digits always fit an int, and the schema's integers are far smaller.
    if (type.equals("integer") && text.matches("-?[0-9]{1,9}")) {
      return IntNode.valueOf(Integer.parseInt(text));
    }
    return value;
  }

  private static JsonNode resolve(final JsonNode node, final JsonNode schema) {
    final String ref = node.path("$ref").asText(null);
    return ref == null ? node : resolve(schema.at(ref.substring(1)), schema);
  }

  static boolean isIntrinsic(final JsonNode value) {
    if (!(value instanceof ObjectNode object) || object.size() != 1) {
      return false;
    }
    final String key = object.fieldNames().next();
    return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
  }
}
