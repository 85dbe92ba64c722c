package com.org.sagemaker.runner.changeset;

import com.fasterxml.jackson.databind.JsonNode;
import com.org.sagemaker.runner.state.ResourceState;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.template.Intrinsics;
import com.org.sagemaker.runner.template.References;
import com.org.sagemaker.runner.template.StackContext;
import com.org.sagemaker.runner.template.Template;
import com.org.sagemaker.runner.template.TemplateException;
import com.org.sagemaker.runner.template.Unknown;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Computes a {@link Plan} from a template evaluated for a stack and the stack's saved state, and
 * decides one resource's change from its properties as resolved at that moment: the execution asks
 * the same question again once the values a plan could only call "Dynamic" are known.
 *
 * <p>CloudFormation's rules followed here (docs/sources/cloudformation.md §1, §8): a change of a
 * createOnly property replaces the resource ("Always"), one whose new value is not known yet makes
 * the replacement "Conditional"; adding or removing such a property replaces too; a stack tag
 * change updates every resource; a changed Type is refused before anything runs.
 */
public final class Planner {

  private final StackContext context;
  private final StackState state;
  private final Map<String, String> stackTags;

  public Planner(
      final StackContext context, final StackState state, final Map<String, String> stackTags) {
    this.context = context;
    this.state = state;
    this.stackTags = Map.copyOf(stackTags);
  }

  public Plan plan() {
    final List<String> retyped = new ArrayList<>();
    context
        .resources()
        .forEach(
            (logicalId, resource) -> {
              final ResourceState current = state.resources().get(logicalId);
              if (current != null && !current.type().equals(resource.type())) {
                retyped.add(logicalId);
              }
            });
    if (!retyped.isEmpty()) {
      // The text CloudFormation gives (CDK users' logs of CreateChangeSet's ValidationError).
      throw new TemplateException(
          "Resources",
          "Update of resource type is not permitted. The new template modifies resource type of"
              + " the following resources: "
              + retyped);
    }
    final PlannedValues values = new PlannedValues(context);
    final Set<String> changing = new LinkedHashSet<>();
    final List<Plan.Change> changes = new ArrayList<>();
    for (final String logicalId : context.order()) {
      final JsonNode desired = context.properties(logicalId, values);
      final Plan.Change change = change(logicalId, desired, changing);
      final ResourceState current = state.resources().get(logicalId);
      values.resolved(
          logicalId,
          desired,
          current == null || change.replaces() ? null : current.model(),
          change.replaces() ? current.physicalId() : null);
      if (change.action() != Plan.Action.NONE) {
        changing.add(logicalId);
      }
      changes.add(change);
    }
    state
        .resources()
        .forEach(
            (logicalId, current) -> {
              if (!context.resources().containsKey(logicalId)) {
                changes.add(removal(logicalId, current));
              }
            });
    return new Plan(context, state, List.copyOf(changes), stackTags);
  }

  /**
   * The change {@code logicalId} needs to reach {@code desired}. {@code changing} names the
   * resources already known to change, to tell a property changed through a reference from one
   * changed in the template.
   */
  public Plan.Change change(
      final String logicalId, final JsonNode desired, final Set<String> changing) {
    final Template.Resource resource = context.resources().get(logicalId);
    final ResourceState current = state.resources().get(logicalId);
    if (current == null) {
      return new Plan.Change(
          logicalId,
          resource.type(),
          Plan.Action.ADD,
          null,
          null,
          List.of(),
          List.of(),
          null,
          null);
    }
    final List<Plan.Detail> details = new ArrayList<>();
    final Set<String> names = new LinkedHashSet<>();
    desired.fieldNames().forEachRemaining(names::add);
    current.properties().fieldNames().forEachRemaining(names::add);
    for (final String name : names) {
      final JsonNode before = current.properties().get(name);
      final JsonNode after = desired.get(name);
      final boolean dynamic = after != null && Unknown.within(after);
      if (!dynamic && Objects.equals(before, after)) {
        continue;
      }
      final String[] cause = cause(name, resource, current, changing, dynamic ? after : null);
      details.add(
          new Plan.Detail(
              "Properties",
              name,
              recreation(resource.type(), name, before, after, dynamic),
              dynamic ? "Dynamic" : "Static",
              cause[0],
              cause[1]));
    }
    final boolean standIn = ResourceTypes.isStandIn(resource.type());
    if (!standIn && !stackTags.equals(state.stackTags())) {
      // A stack tag change reaches every resource as an update (user guide's change-set samples).
      details.add(new Plan.Detail("Tags", null, "Never", "Dynamic", "DirectModification", null));
    }
    policyChange(details, "DeletionPolicy", current.deletionPolicy(), resource.deletionPolicy());
    policyChange(
        details,
        "UpdateReplacePolicy",
        current.updateReplacePolicy(),
        resource.updateReplacePolicy());
    if (details.isEmpty()) {
      return new Plan.Change(
          logicalId,
          resource.type(),
          Plan.Action.NONE,
          null,
          current.physicalId(),
          List.of(),
          List.of(),
          null,
          null);
    }
    final String replacement =
        ResourceTypes.createOnly(resource.type()) == null ? null : replacement(details);
    final List<String> scope = details.stream().map(Plan.Detail::attribute).distinct().toList();
    return new Plan.Change(
        logicalId,
        resource.type(),
        Plan.Action.MODIFY,
        replacement,
        current.physicalId(),
        scope,
        List.copyOf(details),
        "True".equals(replacement) || "Conditional".equals(replacement)
            ? "ReplaceAnd" + policy(resource.updateReplacePolicy())
            : null,
        sameIdentifierNote(resource, desired, current, replacement));
  }

  private static Plan.Change removal(final String logicalId, final ResourceState current) {
    return new Plan.Change(
        logicalId,
        current.type(),
        Plan.Action.REMOVE,
        null,
        current.physicalId(),
        List.of(),
        List.of(),
        policy(current.deletionPolicy()),
        null);
  }

  /** API ResourceChange.PolicyAction: RetainExceptOnCreate retains outside a create's rollback. */
  private static String policy(final String policy) {
    if (policy == null) {
      return "Delete";
    }
    return "RetainExceptOnCreate".equals(policy) ? "Retain" : policy;
  }

  private static void policyChange(
      final List<Plan.Detail> details,
      final String attribute,
      final String before,
      final String after) {
    if (!Objects.equals(before, after)) {
      details.add(new Plan.Detail(attribute, null, "Never", "Static", "DirectModification", null));
    }
  }

  /**
   * Always when a createOnly property (or one under it) differs or appears or disappears (user
   * guide: adding or removing a property that requires replacement replaces), Never otherwise; null
   * for a type with no schema here (a custom resource). A stand-in's createOnly properties are its
   * published schema's ({@link ResourceTypes#createOnly}); a path through a list ({@code /*}) is
   * compared at the property it starts from.
   */
  private static String recreation(
      final String type,
      final String name,
      final JsonNode before,
      final JsonNode after,
      final boolean dynamic) {
    final List<String> createOnly = ResourceTypes.createOnly(type);
    if (createOnly == null) {
      return null;
    }
    for (final String path : createOnly) {
      final String top = path.substring(1).split("/", 2)[0];
      if (!top.equals(name)) {
        continue;
      }
      final String below = path.contains("/*") ? "" : path.substring(1 + top.length());
      final JsonNode was = before == null ? null : present(before.at(below));
      final JsonNode will = after == null ? null : present(after.at(below));
      if (dynamic || !Objects.equals(was, will)) {
        return "Always";
      }
    }
    return "Never";
  }

  private static JsonNode present(final JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node;
  }

  /** API docs: Always+Static is True, Always+Dynamic is Conditional, anything else False. */
  private static String replacement(final List<Plan.Detail> details) {
    String replacement = "False";
    for (final Plan.Detail detail : details) {
      if ("Always".equals(detail.requiresRecreation())) {
        if ("Static".equals(detail.evaluation())) {
          return "True";
        }
        replacement = "Conditional";
      }
    }
    return replacement;
  }

  /**
   * ChangeSource and CausingEntity: a property written differently in the template is a
   * DirectModification; one written the same whose value moved is caused by the parameter or the
   * resource it refers to.
   */
  private String[] cause(
      final String name,
      final Template.Resource resource,
      final ResourceState current,
      final Set<String> changing,
      final JsonNode unknown) {
    final JsonNode written = resource.properties().get(name);
    final JsonNode wasWritten = current.template() == null ? null : current.template().get(name);
    if (unknown == null && !Objects.equals(written, wasWritten)) {
      return new String[] {"DirectModification", null};
    }
    final Intrinsics.Referenced references =
        context.intrinsics(refusing()).references(written == null ? Template.object() : written);
    for (final Map.Entry<String, String> attribute : references.attributes()) {
      if (changing.contains(attribute.getKey())) {
        return new String[] {"ResourceAttribute", attribute.getKey() + "." + attribute.getValue()};
      }
    }
    for (final String referenced : references.resources()) {
      if (changing.contains(referenced)) {
        return new String[] {"ResourceReference", referenced};
      }
    }
    for (final String parameter : parameters(written)) {
      if (!Objects.equals(state.parameters().get(parameter), context.parameters().get(parameter))) {
        return new String[] {"ParameterReference", parameter};
      }
    }
    return new String[] {"DirectModification", null};
  }

  /**
   * The parameters a property's value depends on, in the order written: by Ref, in Fn::Sub, or
   * through the conditions of Fn::If.
   */
  private Set<String> parameters(final JsonNode written) {
    final Set<String> parameters = new LinkedHashSet<>();
    if (written == null) {
      return parameters;
    }
    final Set<String> conditionsSeen = new LinkedHashSet<>();
    final References.Visitor visitor =
        new References.Visitor() {
          @Override
          public JsonNode reference(
              final String name, final String attribute, final String location) {
            if (attribute == null && context.parameters().containsKey(name)) {
              parameters.add(name);
            }
            return null;
          }

          @Override
          public References.Branch branch(final String condition) {
            final JsonNode definition = context.template().conditions().get(condition);
            if (definition != null && conditionsSeen.add(condition)) {
              References.rewrite(definition, this, "");
            }
            return References.Branch.BOTH;
          }
        };
    References.rewrite(written, visitor, "");
    return parameters;
  }

  /**
   * A replacement whose new resource has the identifier of the one it replaces (a name given in the
   * template that did not change): its Create cannot succeed. Evidence is mixed on whether
   * CloudFormation refuses such an update before calling the handler ("CloudFormation cannot update
   * a stack when a custom-named resource requires replacing", seen for a registry type with a
   * writable identifier) or lets the Create answer AlreadyExists (docs/sources/cloudformation.md
   * §1c); the runner calls Create and says so in the plan.
   */
  private static String sameIdentifierNote(
      final Template.Resource resource,
      final JsonNode desired,
      final ResourceState current,
      final String replacement) {
    if (!"True".equals(replacement) || ResourceTypes.isStandIn(resource.type())) {
      return null;
    }
    final List<String> parts = new ArrayList<>();
    for (final String path : ResourceTypes.pointers(resource.type(), "primaryIdentifier")) {
      final JsonNode value = desired.at(path);
      if (!value.isValueNode() || Unknown.within(value)) {
        return null;
      }
      parts.add(value.asText());
    }
    final String identifier = String.join("|", parts);
    return identifier.equals(current.physicalId())
        ? "the replacement keeps the identifier "
            + identifier
            + ": its Create will fail with AlreadyExists (CloudFormation may refuse earlier:"
            + " \"CloudFormation cannot update a stack when a custom-named resource requires"
            + " replacing. Rename "
            + identifier
            + " and update the stack again.\")"
        : null;
  }

  /** For collecting references only: resolving a resource through it is a bug. */
  private static StackContext.ResourceValues refusing() {
    return new StackContext.ResourceValues() {
      @Override
      public JsonNode ref(final String logicalId, final String location) {
        throw new IllegalStateException("not resolving " + logicalId);
      }

      @Override
      public JsonNode attribute(
          final String logicalId, final String attribute, final String location) {
        throw new IllegalStateException("not resolving " + logicalId);
      }
    };
  }
}
