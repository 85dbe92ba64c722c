package com.org.sagemaker.runner.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.runner.template.StackIdentity;
import com.org.sagemaker.runner.template.Template;
import com.org.sagemaker.runner.template.TemplateException;

/**
 * Resources of any type the registry does not drive through a handler are stand-ins: never
 * deployed, but with a Ref and Fn::GetAtt values in the shape the real type returns, deterministic
 * for a stack and logical id, so that the rest of a real template can be deployed locally. The
 * table ({@link Shapes}) covers the types Studio templates commonly use; its shapes come from the
 * CloudFormation user guide's "Return values" sections and the registry schemas' readOnlyProperties
 * (docs/sources/templates.md §1). A type outside the table gets a Ref (a generated physical id) and
 * no attributes.
 */
public final class StandIns {

  /** The reason printed with a stand-in's events. */
  public static final String NOT_DEPLOYED = "stand-in: not deployed locally";

  public static final String REF = "Ref";

  private StandIns() {}

  /**
   * The Ref and attribute values of a stand-in, as kept in the stack's state; {@code replacing}
   * names the physical id of the resource it replaces (null for a first create), so that a
   * replacement gets ids of its own as CloudFormation's new physical resource would.
   */
  public static ObjectNode model(
      final String type,
      final String logicalId,
      final JsonNode properties,
      final StackIdentity stack,
      final String replacing) {
    final Maker maker = new Maker(logicalId, properties, stack, replacing);
    final ObjectNode model = Template.object();
    final Shapes.Shape shape = Shapes.of(type);
    if (shape == null) {
      model.put(REF, maker.generatedName(type.startsWith("Custom::") ? 255 : 128));
      return model;
    }
    model.put(REF, shape.ref().apply(maker));
    shape.attributes().forEach((name, value) -> model.set(name, value.apply(maker)));
    return model;
  }

  /** A stand-in's attribute, or an error naming the attribute and the resource. */
  public static JsonNode attribute(
      final String type,
      final String logicalId,
      final JsonNode model,
      final JsonNode properties,
      final String attribute,
      final String location) {
    final String problem = attributeProblem(type, logicalId, attribute);
    if (problem != null) {
      throw new TemplateException(location, problem);
    }
    final JsonNode value = model.get(attribute);
    if (value != null) {
      return value;
    }
    final JsonNode property = properties.path(attribute);
    if (property.isMissingNode()) {
      throw new TemplateException(
          location,
          "Fn::GetAtt "
              + logicalId
              + "."
              + attribute
              + ": the property "
              + attribute
              + " is not set on "
              + logicalId
              + ", so the stand-in has no value for it");
    }
    return property;
  }

  /** Why {@code type} cannot answer Fn::GetAtt {@code attribute}, or null when it can. */
  public static String attributeProblem(
      final String type, final String logicalId, final String attribute) {
    final Shapes.Shape shape = Shapes.of(type);
    if (shape == null) {
      return type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource")
          ? "Fn::GetAtt "
              + logicalId
              + "."
              + attribute
              + ": a custom resource's attributes are the Data its provider returns; the stand-in"
              + " for "
              + logicalId
              + " ("
              + type
              + ") has none"
          : "Fn::GetAtt "
              + logicalId
              + "."
              + attribute
              + ": the runner has no attribute table for "
              + type
              + ", so the stand-in for "
              + logicalId
              + " has a Ref but no "
              + attribute;
    }
    if (shape.attributes().containsKey(attribute)
        || (shape.propertiesAreAttributes() && !attribute.contains("."))) {
      return null;
    }
    // The text CloudFormation gives (docs/sources/templates.md §3), and what the table knows.
    return "Template error: resource "
        + logicalId
        + " does not support attribute type "
        + attribute
        + " in Fn::GetAtt (the stand-in for "
        + type
        + " has: "
        + String.join(", ", shape.attributes().keySet())
        + ")";
  }
}
