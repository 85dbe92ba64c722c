package com.org.sagemaker.runner.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * A template evaluated for one stack, before any resource is touched: parameter values, pseudo
 * parameters, conditions, the resources and outputs whose conditions hold, what each resource
 * depends on and an order that respects it. Every problem found on the way is reported at once.
 */
public final class StackContext {

  /** What resources' Ref and Fn::GetAtt give, at the moment of resolving. */
  public interface ResourceValues {
    JsonNode ref(String logicalId, String location);

    JsonNode attribute(String logicalId, String attribute, String location);

    /** Values for a place that may name no resource: naming one fails with {@code refusal}. */
    static ResourceValues none(final BiFunction<String, String, TemplateException> refusal) {
      return new ResourceValues() {
        @Override
        public JsonNode ref(final String logicalId, final String location) {
          throw refusal.apply(logicalId, location);
        }

        @Override
        public JsonNode attribute(
            final String logicalId, final String attribute, final String location) {
          throw refusal.apply(logicalId, location);
        }
      };
    }
  }

  /**
   * Why Fn::GetAtt cannot ask a resource of {@code type} for {@code attribute}, or null when it
   * can: what the registry of resource types knows, asked while the template is evaluated.
   */
  @FunctionalInterface
  public interface AttributeCheck {
    String problem(String type, String logicalId, String attribute);
  }

  private final Template template;
  private final StackIdentity stack;
  private final Map<String, JsonNode> parameters;
  final Map<String, Boolean> conditions;
  final Map<String, String> imports;

  /** The resources whose condition holds, in template order. */
  private final Map<String, Template.Resource> resources;

  /** For each resource, the resources it must come after (references and DependsOn). */
  private final Map<String, Set<String>> dependencies;

  /** The resources with each after all it depends on; otherwise in template order. */
  private final List<String> order;

  final List<Template.Output> outputs;

  /**
   * The Mappings section as one node, what Fn::FindInMap reads; copied from the template once per
   * evaluation rather than for every resolution.
   */
  private final JsonNode mappings;

  private StackContext(
      final Template template,
      final StackIdentity stack,
      final Map<String, JsonNode> parameters,
      final Map<String, Boolean> conditions,
      final Map<String, String> imports,
      final Map<String, Template.Resource> resources,
      final Map<String, Set<String>> dependencies,
      final List<String> order,
      final List<Template.Output> outputs,
      final JsonNode mappings) {
    this.template = template;
    this.stack = stack;
    this.parameters = parameters;
    this.conditions = conditions;
    this.imports = imports;
    this.resources = resources;
    this.dependencies = dependencies;
    this.order = order;
    this.outputs = outputs;
    this.mappings = mappings;
  }

  /**
   * Evaluates {@code template} for the stack with the given parameter values and imports ({@code
   * --import Name=Value}, what Fn::ImportValue reads); {@code attributes} says which Fn::GetAtt
   * attributes each resource type has.
   */
  public static StackContext of(
      final Template template,
      final StackIdentity stack,
      final Map<String, String> parameterValues,
      final Map<String, String> imports,
      final AttributeCheck attributes) {
    final Map<String, JsonNode> parameters = Parameters.resolve(template, parameterValues);
    final StackContext partial =
        new StackContext(
            template,
            stack,
            parameters,
            Map.of(),
            Map.copyOf(imports),
            Map.of(),
            Map.of(),
            List.of(),
            List.of(),
            Template.JSON.valueToTree(template.mappings()));
    final Map<String, Boolean> conditions =
        Conditions.evaluate(template, partial.scope(partial.noResources("Conditions")));
    final StackContext withConditions =
        new StackContext(
            template,
            stack,
            parameters,
            conditions,
            Map.copyOf(imports),
            Map.of(),
            Map.of(),
            List.of(),
            List.of(),
            partial.mappings);
    final StackContext context = withConditions.withResources(attributes);
    context.exportNames();
    return context;
  }

  private StackContext withResources(final AttributeCheck attributes) {
    final TemplateException.Collector problems = new TemplateException.Collector();
    final Map<String, Template.Resource> included = new LinkedHashMap<>();
    template
        .resources()
        .values()
        .forEach(
            r -> {
              if (holds(r.condition(), "Resources." + r.logicalId() + ".Condition", problems)) {
                included.put(r.logicalId(), r);
              }
            });
    final List<Template.Output> includedOutputs = new ArrayList<>();
    template
        .outputs()
        .values()
        .forEach(
            o -> {
              if (holds(o.condition(), "Outputs." + o.name() + ".Condition", problems)) {
                includedOutputs.add(o);
              }
            });
    final Intrinsics intrinsics = new Intrinsics(scope(noResources("Resources")));
    final Map<String, Set<String>> dependencies = new LinkedHashMap<>();
    for (final Template.Resource resource : included.values()) {
      final String location = "Resources." + resource.logicalId();
      problems.check(
          () -> {
            final Intrinsics.Referenced references = intrinsics.references(resource.properties());
            final Set<String> needs = new LinkedHashSet<>(resource.dependsOn());
            needs.addAll(references.resources());
            dependencies.put(resource.logicalId(), needs);
            unresolved(needs, included, location, "Resources", problems);
            checkAttributes(references, included, location, attributes, problems);
          });
    }
    for (final Template.Output output : includedOutputs) {
      problems.check(
          () -> {
            final Intrinsics.Referenced references = intrinsics.references(output.value());
            final String location = "Outputs." + output.name();
            unresolved(references.resources(), included, location, "Outputs", problems);
            checkAttributes(references, included, location, attributes, problems);
          });
    }
    problems.throwIfAny();
    final List<String> order = order(included, dependencies);
    return new StackContext(
        template,
        stack,
        parameters,
        conditions,
        imports,
        included,
        dependencies,
        order,
        includedOutputs,
        mappings);
  }

  private boolean holds(
      final String condition, final String location, final TemplateException.Collector problems) {
    if (condition == null) {
      return true;
    }
    final Boolean value = conditions.get(condition);
    if (value == null) {
      // CloudFormation's wording for this case is not established.
      problems.add(location, "Condition " + condition + " is not defined in Conditions");
      return false;
    }
    return value;
  }

  private static void unresolved(
      final Set<String> names,
      final Map<String, Template.Resource> included,
      final String location,
      final String block,
      final TemplateException.Collector problems) {
    final Set<String> missing = new TreeSet<>(names);
    missing.removeAll(included.keySet());
    if (!missing.isEmpty()) {
      // The text CloudFormation gives, also for a resource whose Condition is false
      // (docs/sources/templates.md §3).
      problems.add(
          location,
          "Template format error: Unresolved resource dependencies "
              + missing
              + " in the "
              + block
              + " block of the template");
    }
  }

  private static void checkAttributes(
      final Intrinsics.Referenced references,
      final Map<String, Template.Resource> included,
      final String location,
      final AttributeCheck attributes,
      final TemplateException.Collector problems) {
    for (final Map.Entry<String, String> attribute : references.attributes()) {
      final Template.Resource target = included.get(attribute.getKey());
      if (target != null && target.type() != null) {
        final String problem =
            attributes.problem(target.type(), target.logicalId(), attribute.getValue());
        if (problem != null) {
          problems.add(location, problem);
        }
      }
    }
  }

  /** Dependencies first; otherwise the template's order. A cycle is reported with its members. */
  private static List<String> order(
      final Map<String, Template.Resource> resources, final Map<String, Set<String>> dependencies) {
    final List<String> order = new ArrayList<>();
    final Set<String> visiting = new LinkedHashSet<>();
    for (final String logicalId : resources.keySet()) {
      visit(logicalId, dependencies, order, visiting);
    }
    return List.copyOf(order);
  }

  private static void visit(
      final String logicalId,
      final Map<String, Set<String>> dependencies,
      final List<String> order,
      final Set<String> visiting) {
    if (order.contains(logicalId) || !dependencies.containsKey(logicalId)) {
      return;
    }
    if (!visiting.add(logicalId)) {
      final List<String> cycle = new ArrayList<>(visiting);
      cycle.subList(0, cycle.indexOf(logicalId)).clear();
      // The text CloudFormation gives (aws/serverless-application-model#1044 and others).
      throw new TemplateException("Resources", "Circular dependency between resources: " + cycle);
    }
    for (final String dependency : dependencies.get(logicalId)) {
      visit(dependency, dependencies, order, visiting);
    }
    visiting.remove(logicalId);
    order.add(logicalId);
  }

  public Template template() {
    return template;
  }

  public StackIdentity stack() {
    return stack;
  }

  /** The parameters' values, given or defaulted, typed. */
  public Map<String, JsonNode> parameters() {
    return parameters;
  }

  /** The resources whose condition holds, in template order. */
  public Map<String, Template.Resource> resources() {
    return resources;
  }

  /** For each resource, the resources it must come after (references and DependsOn). */
  public Map<String, Set<String>> dependencies() {
    return dependencies;
  }

  /** The resources with each after all it depends on; otherwise in template order. */
  public List<String> order() {
    return order;
  }

  /** The resources that depend on {@code logicalId}. */
  Set<String> dependents(final String logicalId) {
    final Set<String> dependents = new LinkedHashSet<>();
    dependencies.forEach(
        (resource, needs) -> {
          if (needs.contains(logicalId)) {
            dependents.add(resource);
          }
        });
    return dependents;
  }

  /** Intrinsics that resolve resources through {@code values}. */
  public Intrinsics intrinsics(final ResourceValues values) {
    return new Intrinsics(scope(values));
  }

  /** A resource's properties, resolved; AWS::NoValue for all of them gives none. */
  public JsonNode properties(final String logicalId, final ResourceValues values) {
    final JsonNode resolved =
        intrinsics(values)
            .resolve(
                resources.get(logicalId).properties(), "Resources." + logicalId + ".Properties");
    if (resolved.isMissingNode()) {
      return Template.object();
    }
    if (!resolved.isObject()) {
      throw new TemplateException(
          "Resources." + logicalId + ".Properties", "Properties resolve to a mapping");
    }
    return resolved;
  }

  /** The outputs' values; lists and objects as JSON text. */
  public Map<String, String> outputs(final ResourceValues values) {
    final Map<String, String> resolved = new LinkedHashMap<>();
    final Intrinsics intrinsics = intrinsics(values);
    for (final Template.Output output : outputs) {
      final JsonNode value =
          intrinsics.resolve(output.value(), "Outputs." + output.name() + ".Value");
      resolved.put(output.name(), value.isValueNode() ? value.asText() : value.toString());
    }
    return resolved;
  }

  /** The exports (Export.Name to value) of the outputs that have one, given their values. */
  public Map<String, String> exports(final Map<String, String> outputValues) {
    final Map<String, String> exports = new LinkedHashMap<>();
    exportNames().forEach((output, name) -> exports.put(name, outputValues.get(output)));
    return exports;
  }

  /**
   * Each Export name by output name, known from the template and parameters alone; a {@link
   * TemplateException} for a name CloudFormation refuses, or two outputs exporting one name.
   */
  public Map<String, String> exportNames() {
    return ExportNames.of(this);
  }

  /** The pseudo parameters (user guide, pseudo-parameter-reference.md). */
  JsonNode pseudo(final String name) {
    return switch (name) {
      case "AWS::AccountId" -> TextNode.valueOf(stack.accountId());
      case "AWS::Region" -> TextNode.valueOf(stack.region());
      case "AWS::StackName" -> TextNode.valueOf(stack.name());
      case "AWS::StackId" -> TextNode.valueOf(stack.id());
      case "AWS::Partition" -> TextNode.valueOf(partition(stack.region()));
      case "AWS::URLSuffix" ->
          TextNode.valueOf(stack.region().startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com");
      // The runner sends no notifications: the list is empty.
      case "AWS::NotificationARNs" -> Template.array();
      default -> null;
    };
  }

  /** aws, or aws-cn / aws-us-gov for the China and GovCloud regions (user guide). */
  public static String partition(final String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }

  /** Resolution fails on any resource name: for Conditions, and for collecting references. */
  private ResourceValues noResources(final String block) {
    return ResourceValues.none(
        (logicalId, location) ->
            "Conditions".equals(block) && template.resources().containsKey(logicalId)
                // The text CloudFormation gives (quoted by a cfn-lint maintainer, cfn-lint#99).
                ? new TemplateException(
                    location,
                    "Template format error: Unresolved dependencies ["
                        + logicalId
                        + "]. Cannot reference resources in the Conditions block of the template")
                : new TemplateException(
                    location,
                    "Template format error: Unresolved resource dependencies ["
                        + logicalId
                        + "] in the "
                        + block
                        + " block of the template"));
  }

  private Intrinsics.Scope scope(final ResourceValues values) {
    return new Intrinsics.Scope() {
      @Override
      public JsonNode parameter(final String name) {
        final JsonNode value = parameters.get(name);
        return value != null ? value : pseudo(name);
      }

      @Override
      public JsonNode ref(final String logicalId, final String location) {
        return values.ref(logicalId, location);
      }

      @Override
      public JsonNode attribute(
          final String logicalId, final String attribute, final String location) {
        return values.attribute(logicalId, attribute, location);
      }

      @Override
      public boolean condition(final String name, final String location) {
        final Boolean value = conditions.get(name);
        if (value == null) {
          // The text CloudFormation gives (a code comment quoting a real deploy error).
          throw new TemplateException(
              location, "Template error: unresolved condition dependency " + name + " in Fn::If");
        }
        return value;
      }

      @Override
      public JsonNode mappings() {
        return mappings;
      }

      @Override
      public JsonNode importValue(final String name, final String location) {
        final String value = imports.get(name);
        if (value == null) {
          // The text CloudFormation gives (third-party troubleshooting notes).
          throw new TemplateException(
              location, "No export named " + name + " found (pass --import " + name + "=...)");
        }
        return TextNode.valueOf(value);
      }

      @Override
      public String region() {
        return stack.region();
      }
    };
  }
}
