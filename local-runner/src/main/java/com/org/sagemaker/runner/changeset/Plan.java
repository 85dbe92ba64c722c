package com.org.sagemaker.runner.changeset;

import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.StackStatuses;
import com.org.sagemaker.runner.state.TargetId;
import com.org.sagemaker.runner.template.StackContext;
import com.org.sagemaker.runner.template.Template;
import com.org.sagemaker.runner.template.TemplateException;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.util.List;
import java.util.Map;

/**
 * A change set: what deploying a template would do to a stack, computed from the template and the
 * stack's saved state alone (nothing is called). Shaped like CloudFormation's {@code
 * DescribeChangeSet} answer (API ResourceChange / ResourceChangeDetail / ResourceTargetDefinition,
 * docs/sources/cloudformation.md §8), plus the resources that do not change.
 */
public record Plan(
    StackContext context, StackState state, List<Change> changes, Map<String, String> stackTags) {

  /**
   * What a deploy is given besides the template; {@code exportedElsewhere}: the names the other
   * stacks on the target export, with the stack that exports each.
   */
  public record Inputs(
      Map<String, String> parameters,
      Map<String, String> imports,
      Map<String, String> stackTags,
      Map<String, String> exportedElsewhere) {

    public Inputs(
        final Map<String, String> parameters,
        final Map<String, String> imports,
        final Map<String, String> stackTags) {
      this(parameters, imports, stackTags, Map.of());
    }

    public static Inputs none() {
      return new Inputs(Map.of(), Map.of(), Map.of());
    }

    /** The template evaluated with these inputs for the stack where it is deployed. */
    StackContext context(final Template template, final StackState state, final TargetId where) {
      return StackContext.of(
          template, state.identity(where), parameters, imports, ResourceTypes::attributeProblem);
    }
  }

  /**
   * The change set deploying {@code template} to the stack would make; nothing is touched. The
   * programmatic entry point, e.g. for a benchmark: then the engine's {@code Deployer.deploy}.
   * Refused, as deploy refuses it, when the stack's status allows no update ({@link
   * StackStatuses#requireUpdatable}).
   */
  public static Plan of(
      final Template template, final Inputs inputs, final StackState state, final TargetId where) {
    StackStatuses.requireUpdatable(state);
    return resuming(template, inputs, state, where);
  }

  /**
   * As {@link #of}, whatever the stack's status: the plan of an operation already under way, which
   * an interrupted run began, evaluated again on the state as that run left it.
   */
  public static Plan resuming(
      final Template template, final Inputs inputs, final StackState state, final TargetId where) {
    requireKnownTypes(template);
    final StackContext context = inputs.context(template, state, where);
    final String exportTaken = exportTaken(context, inputs);
    if (exportTaken != null) {
      throw new TemplateException("Outputs", exportTaken);
    }
    return new Planner(context, state, inputs.stackTags()).plan();
  }

  /**
   * Why an export of this stack cannot be made, or null: another stack exports the name ("For each
   * AWS account, Export names must be unique within a region", user guide,
   * outputs-section-structure.md), with the text CloudFormation gives (a user's log,
   * restatedev/cdk#24). CloudFormation finds it only when it exports, once the resources exist, and
   * then rolls the stack back; the runner refuses before anything is done.
   */
  static String exportTaken(final StackContext context, final Inputs inputs) {
    for (final String name : context.exportNames().values()) {
      final String stack = inputs.exportedElsewhere().get(name);
      if (stack != null) {
        return "Export with name " + name + " is already exported by stack " + stack + ".";
      }
    }
    return null;
  }

  /** Refuses a template with a resource type CloudFormation does not know, as it does. */
  public static void requireKnownTypes(final Template template) {
    final String unrecognized = unrecognizedTypes(template);
    if (unrecognized != null) {
      throw new TemplateException("Resources", unrecognized);
    }
  }

  static String unrecognizedTypes(final Template template) {
    return ResourceTypes.unrecognized(
        template.resources().values().stream().map(Template.Resource::type).toList());
  }

  /** What happens to one resource. */
  public enum Action {
    ADD("Add"),
    MODIFY("Modify"),
    REMOVE("Remove"),
    NONE("No change");

    final String label;

    Action(final String label) {
      this.label = label;
    }
  }

  /**
   * One resource's change. {@code replacement} is True, False or Conditional for a Modify of a type
   * whose createOnly properties the runner knows (null otherwise: a custom resource).
   */
  public record Change(
      String logicalId,
      String type,
      Action action,
      String replacement,
      String physicalId,
      List<String> scope,
      List<Detail> details,
      String policyAction,
      String note) {

    public boolean standIn() {
      return ResourceTypes.isStandIn(type);
    }

    /** True when a handler is called: properties or tags changed, not only a policy attribute. */
    public boolean callsHandler() {
      return details.stream()
          .anyMatch(d -> "Properties".equals(d.attribute()) || "Tags".equals(d.attribute()));
    }

    public boolean replaces() {
      return "True".equals(replacement) || "Conditional".equals(replacement);
    }
  }

  /** What about the resource changes, and why. */
  public record Detail(
      String attribute,
      String name,
      String requiresRecreation,
      String evaluation,
      String changeSource,
      String causingEntity) {}

  /** True when the stack does not exist yet: deploying creates it. */
  public boolean creating() {
    return !state.exists();
  }

  public Change change(final String logicalId) {
    return changes.stream().filter(c -> c.logicalId().equals(logicalId)).findFirst().orElse(null);
  }

  /** The stand-ins of the template, e.g. to refuse deploying it on AWS. */
  public List<Change> standIns() {
    return changes.stream().filter(c -> c.standIn() && c.action() != Action.REMOVE).toList();
  }
}
