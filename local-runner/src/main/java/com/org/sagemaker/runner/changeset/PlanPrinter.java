package com.org.sagemaker.runner.changeset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.runner.standins.StandIns;
import com.org.sagemaker.runner.template.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Plan} for people (a table of changes with what causes each) and for tools (the JSON of
 * {@code aws cloudformation describe-change-set}: Changes[].ResourceChange with Action,
 * LogicalResourceId, PhysicalResourceId, ResourceType, Replacement, Scope, Details; AWS CLI's
 * describe-change-set example). Resources that do not change appear only in the table.
 */
public final class PlanPrinter {

  private PlanPrinter() {}

  public static List<String> text(final Plan plan, final String target) {
    final List<String> lines = new ArrayList<>();
    lines.add(
        "Change set for stack "
            + plan.state().stackName()
            + " on "
            + target
            + (plan.creating() ? " (a new stack)" : " (" + plan.state().status() + ")")
            + ", from the template and the saved state; nothing was touched:");
    lines.add(
        String.format(
            "  %-9s  %-11s  %-22s  %-34s  %s",
            "Action", "Replacement", "Logical id", "Type", "Physical id"));
    for (final Plan.Change change : plan.changes()) {
      lines.add(
          String.format(
                  "  %-9s  %-11s  %-22s  %-34s  %s",
                  change.action().label,
                  change.replacement() == null ? "-" : change.replacement(),
                  change.logicalId(),
                  change.type(),
                  change.physicalId() == null ? "-" : change.physicalId())
              .stripTrailing());
      if (change.standIn()) {
        lines.add("      " + StandIns.NOT_DEPLOYED);
      }
      for (final Plan.Detail detail : change.details()) {
        lines.add("      " + detail(detail));
      }
      if (change.policyAction() != null && change.action() != Plan.Action.ADD) {
        lines.add("      PolicyAction: " + change.policyAction());
      }
      if (change.note() != null) {
        lines.add("      note: " + change.note());
      }
    }
    final long changes =
        plan.changes().stream().filter(c -> c.action() != Plan.Action.NONE).count();
    lines.add(changes == 0 ? "No changes." : changes + " change" + (changes == 1 ? "" : "s") + ".");
    return lines;
  }

  private static String detail(final Plan.Detail detail) {
    final StringBuilder text = new StringBuilder(detail.attribute());
    if (detail.name() != null) {
      text.append('.').append(detail.name());
    }
    if (detail.requiresRecreation() != null) {
      text.append("  RequiresRecreation: ").append(detail.requiresRecreation());
    }
    text.append("  ").append(detail.evaluation()).append("  ").append(detail.changeSource());
    if (detail.causingEntity() != null) {
      text.append(" (").append(detail.causingEntity()).append(')');
    }
    return text.toString();
  }

  /** The shape of DescribeChangeSet's answer (API ResourceChange and friends). */
  public static ObjectNode json(final Plan plan) {
    final ObjectNode root = Template.object();
    final ArrayNode changes = root.putArray("Changes");
    for (final Plan.Change change : plan.changes()) {
      if (change.action() == Plan.Action.NONE) {
        continue;
      }
      final ObjectNode resourceChange =
          changes.addObject().put("Type", "Resource").putObject("ResourceChange");
      resourceChange.put("Action", change.action().label);
      resourceChange.put("LogicalResourceId", change.logicalId());
      if (change.physicalId() != null) {
        resourceChange.put("PhysicalResourceId", change.physicalId());
      }
      resourceChange.put("ResourceType", change.type());
      if (change.replacement() != null) {
        resourceChange.put("Replacement", change.replacement());
      }
      if (change.policyAction() != null && change.action() != Plan.Action.ADD) {
        resourceChange.put("PolicyAction", change.policyAction());
      }
      final ArrayNode scope = resourceChange.putArray("Scope");
      change.scope().forEach(scope::add);
      final ArrayNode details = resourceChange.putArray("Details");
      for (final Plan.Detail detail : change.details()) {
        final ObjectNode item = details.addObject();
        final ObjectNode target = item.putObject("Target").put("Attribute", detail.attribute());
        if (detail.name() != null) {
          target.put("Name", detail.name());
        }
        if (detail.requiresRecreation() != null) {
          target.put("RequiresRecreation", detail.requiresRecreation());
        }
        item.put("Evaluation", detail.evaluation());
        item.put("ChangeSource", detail.changeSource());
        if (detail.causingEntity() != null) {
          item.put("CausingEntity", detail.causingEntity());
        }
      }
      if (change.standIn()) {
        resourceChange.put("StandIn", StandIns.NOT_DEPLOYED);
      }
    }
    root.put("StackName", plan.state().stackName());
    root.put("StackId", plan.state().stackId());
    root.put("ExecutionStatus", "AVAILABLE");
    root.put("Status", "CREATE_COMPLETE");
    return root;
  }
}
