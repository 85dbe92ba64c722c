package com.org.sagemaker.runner.changeset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.runner.state.ResourceState;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.TargetId;
import com.org.sagemaker.runner.template.StackContext;
import com.org.sagemaker.runner.template.Template;
import com.org.sagemaker.runner.template.TemplateException;
import com.org.sagemaker.runner.template.Unknown;
import com.org.sagemaker.runner.types.HandledType;
import com.org.sagemaker.runner.types.InputFailure;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code studio-local validate}: a template checked offline, as far as it can be without deploying.
 * The template's structure, parameters, conditions, references (to missing resources, parameters
 * and attributes) and dependency cycles, as CloudFormation checks them before it starts; then each
 * resource of a handled type as its handler would check it before any SageMaker call ({@link
 * HandledType}). Values known only once resources exist (e.g. a DomainId) are not checked.
 */
public final class Validation {

  /**
   * One problem: the resource (or null), where in the template, the JSON pointer of a schema
   * violation (or null), what, and for a handler's check the whole message it would answer.
   */
  public record Finding(
      String logicalId, String location, String pointer, String message, String handlerMessage) {}

  private Validation() {}

  /** Every problem found; none when the template is valid. */
  public static List<Finding> check(
      final String text,
      final String name,
      final Plan.Inputs inputs,
      final StackState state,
      final TargetId where) {
    final List<Finding> findings = new ArrayList<>();
    final StackContext context;
    try {
      final Template template = Template.parse(text, name);
      final String unrecognized = Plan.unrecognizedTypes(template);
      if (unrecognized != null) {
        findings.add(finding("Resources", unrecognized));
      }
      context = inputs.context(template, state, where);
    } catch (final TemplateException e) {
      e.problems().forEach(p -> findings.add(finding(p.location(), p.message())));
      return findings;
    }
    final PlannedValues values = new PlannedValues(context);
    for (final String logicalId : context.order()) {
      final String type = context.resources().get(logicalId).type();
      final JsonNode properties;
      try {
        properties = context.properties(logicalId, values);
      } catch (final TemplateException e) {
        e.problems().forEach(p -> findings.add(finding(p.location(), p.message())));
        continue;
      }
      values.resolved(logicalId, properties, null, null);
      if (ResourceTypes.isStandIn(type)) {
        continue;
      }
      final String location = "Resources." + logicalId + ".Properties";
      final JsonNode concrete = Unknown.placeholders(properties);
      final HandledType handled = ResourceTypes.handled(type);
      final InputFailure schema = handled.checkSchema(concrete, unknownPointers(properties, "#"));
      if (schema != null) {
        schema
            .violations()
            .forEach(
                v ->
                    findings.add(
                        new Finding(
                            logicalId, location, v.pointer(), v.message(), schema.message())));
        continue;
      }
      final ResourceState previous = state.resources().get(logicalId);
      final InputFailure rules =
          handled.checkRules(
              concrete,
              previous == null || !previous.type().equals(type) ? null : previous.properties(),
              inputs.stackTags());
      if (rules != null) {
        findings.add(new Finding(logicalId, location, null, rules.message(), rules.message()));
      }
    }
    try {
      context.outputs(values);
    } catch (final TemplateException e) {
      e.problems().forEach(p -> findings.add(finding(p.location(), p.message())));
    }
    final String exportTaken = Plan.exportTaken(context, inputs);
    if (exportTaken != null) {
      findings.add(finding("Outputs", exportTaken));
    }
    return findings;
  }

  /** The findings as text, one problem (or one handler message) per line. */
  public static List<String> text(final String name, final List<Finding> findings) {
    final List<String> lines = new ArrayList<>();
    String lastHandlerMessage = null;
    for (final Finding finding : findings) {
      if (finding.handlerMessage() != null) {
        if (!finding.handlerMessage().equals(lastHandlerMessage)) {
          lines.add(finding.location() + ": " + finding.handlerMessage());
        }
        lastHandlerMessage = finding.handlerMessage();
      } else {
        lines.add(finding.location() + ": " + finding.message());
        lastHandlerMessage = null;
      }
    }
    lines.add(
        name
            + (findings.isEmpty()
                ? ": valid"
                : ": " + findings.size() + " problem" + (findings.size() == 1 ? "" : "s")));
    return lines;
  }

  /** The findings as JSON, for CI pipelines. */
  public static ObjectNode json(final String name, final List<Finding> findings) {
    final ObjectNode report =
        Template.object().put("template", name).put("valid", findings.isEmpty());
    final ArrayNode problems = report.putArray("problems");
    for (final Finding finding : findings) {
      final ObjectNode problem = problems.addObject();
      problem.put("location", finding.location());
      if (finding.logicalId() != null) {
        problem.put("logicalId", finding.logicalId());
      }
      if (finding.pointer() != null) {
        problem.put("pointer", finding.pointer());
      }
      problem.put("message", finding.message());
      if (finding.handlerMessage() != null) {
        problem.put("handlerMessage", finding.handlerMessage());
      }
    }
    return report;
  }

  private static Finding finding(final String location, final String message) {
    final String logicalId =
        location.startsWith("Resources.") ? location.substring(10).split("\\.", 2)[0] : null;
    return new Finding(logicalId, location, null, message, null);
  }

  /** JSON pointers (#/A/0/B) of the values not known offline. */
  private static List<String> unknownPointers(final JsonNode node, final String pointer) {
    final List<String> pointers = new ArrayList<>();
    if (Unknown.is(node)) {
      pointers.add(pointer);
    } else if (node.isObject()) {
      node.properties()
          .forEach(e -> pointers.addAll(unknownPointers(e.getValue(), pointer + "/" + e.getKey())));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        pointers.addAll(unknownPointers(node.get(i), pointer + "/" + i));
      }
    }
    return pointers;
  }
}
