package com.org.sagemaker.runner.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outputs' Export names, known before anything is deployed, as CloudFormation checks them when
 * it reads the template: a name that depends on a resource, an import or Fn::GetAZs is malformed
 * (user guide, outputs-section-structure.md: "the value of the Name property of an Export can't use
 * Ref or GetAtt functions that depend on a resource"), and two outputs of one stack cannot export
 * the same name ("For each AWS account, Export names must be unique within a region", same page).
 * Texts as CloudFormation gives them: docs/sources/templates.md §3.
 */
final class ExportNames {

  private ExportNames() {}

  /** Export name by output name, for the outputs that have an Export. */
  static Map<String, String> of(final StackContext context) {
    final TemplateException.Collector problems = new TemplateException.Collector();
    final Map<String, String> names = new LinkedHashMap<>();
    for (final Template.Output output : context.outputs) {
      if (output.exportName() != null) {
        problems.check(() -> names.put(output.name(), resolve(context, output)));
      }
    }
    problems.throwIfAny();
    final List<String> duplicates = new ArrayList<>();
    final List<String> seen = new ArrayList<>();
    names
        .values()
        .forEach(
            name -> {
              if (seen.contains(name) && !duplicates.contains(name)) {
                duplicates.add(name);
              }
              seen.add(name);
            });
    if (!duplicates.isEmpty()) {
      // A user's log of CloudFormation's ValidationError (compose-x/ecs_composex#444).
      throw new TemplateException(
          "Outputs",
          "Template format error: The Outputs section contains duplicate Export names: "
              + duplicates
              + ". Specify a unique name for each export.");
    }
    return names;
  }

  private static String resolve(final StackContext context, final Template.Output output) {
    final String location = "Outputs." + output.name() + ".Export.Name";
    if (mentions(output.exportName(), "Fn::ImportValue")
        || mentions(output.exportName(), "Fn::GetAZs")) {
      throw malformed(output, location);
    }
    final JsonNode name =
        context
            .intrinsics(
                StackContext.ResourceValues.none((logicalId, where) -> malformed(output, location)))
            .resolve(output.exportName(), location);
    if (!name.isValueNode()) {
      throw new TemplateException(location, "an Export Name is a string");
    }
    return name.asText();
  }

  private static boolean mentions(final JsonNode node, final String function) {
    if (function.equals(Intrinsics.function(node))) {
      return true;
    }
    for (final JsonNode child : node) {
      if (mentions(child, function)) {
        return true;
      }
    }
    return false;
  }

  /** A user's log of CloudFormation's ValidationError, two spaces and all (cfn-lint#1632). */
  private static TemplateException malformed(final Template.Output output, final String location) {
    return new TemplateException(
        location,
        "Template format error: Output "
            + output.name()
            + " is malformed.  The Name field of Export must not depend on any resources,"
            + " imported values, or Fn::GetAZs.");
  }
}
