package com.org.sagemaker.runner.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import com.org.sagemaker.runner.engine.ResourceOperation;
import com.org.sagemaker.runner.engine.StackEvents;
import com.org.sagemaker.runner.standins.StandIns;
import com.org.sagemaker.runner.state.ResourceState;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.template.StackContext;
import com.org.sagemaker.runner.template.Template;
import com.org.sagemaker.runner.template.TemplateException;
import com.org.sagemaker.runner.types.InputFailure;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code studio-local import}: a rehearsal of {@code aws cloudformation create-change-set
 * --change-set-type IMPORT --resources-to-import FILE}. Resources that already exist are adopted by
 * identifier through their Read handler alone (nothing is created or changed), then their drift is
 * shown, as the user guide recommends after an import (resource-import.md). CloudFormation's rules
 * (docs/sources/cloudformation.md §9): each resource to import needs a DeletionPolicy; an import
 * creates, deletes and changes nothing else. Stand-ins in the template, not being real, are taken
 * in as they are.
 */
public final class Importer {

  /** One entry of the resources-to-import file (API ResourceToImport). */
  public record ToImport(String resourceType, String logicalId, ObjectNode identifier) {}

  private final HandlerInvoker invoker;
  private final StackEvents events;

  public Importer(final HandlerInvoker invoker, final StackEvents events) {
    this.invoker = invoker;
    this.events = events;
  }

  /** Reads a resources-to-import file: a JSON list as the AWS CLI takes it. */
  public static List<ToImport> read(final Path file) {
    final JsonNode list;
    try {
      list = Template.JSON.readTree(Files.readString(file));
    } catch (final IOException e) {
      throw new TemplateException(String.valueOf(file), "not a JSON list: " + e.getMessage());
    }
    final TemplateException.Collector problems = new TemplateException.Collector();
    final List<ToImport> imports = new ArrayList<>();
    if (list == null || !list.isArray()) {
      throw new TemplateException(String.valueOf(file), "a JSON list of resources to import");
    }
    for (int i = 0; i < list.size(); i++) {
      final JsonNode entry = list.get(i);
      final String where = file.getFileName() + "[" + i + "]";
      if (!entry.path("ResourceType").isTextual()
          || !entry.path("LogicalResourceId").isTextual()
          || !entry.path("ResourceIdentifier").isObject()) {
        // API ResourceToImport: all three are required.
        problems.add(where, "needs ResourceType, LogicalResourceId and ResourceIdentifier");
        continue;
      }
      imports.add(
          new ToImport(
              entry.get("ResourceType").asText(),
              entry.get("LogicalResourceId").asText(),
              (ObjectNode) entry.get("ResourceIdentifier")));
    }
    problems.throwIfAny();
    return imports;
  }

  /**
   * Imports into the stack; on any problem nothing is changed (a change set that cannot be
   * created). True when the imported resources show no drift.
   */
  public boolean run(
      final StackContext context, final StackState state, final List<ToImport> imports) {
    check(context, state, imports);
    final Map<String, ToImport> byId = new LinkedHashMap<>();
    imports.forEach(i -> byId.put(i.logicalId(), i));
    final StackState adopted = state.copy();
    final TemplateException.Collector problems = new TemplateException.Collector();
    for (final String logicalId : context.order()) {
      final Template.Resource resource = context.resources().get(logicalId);
      problems.check(
          () ->
              adopt(
                  context,
                  adopted,
                  resource,
                  byId.get(logicalId),
                  state.resources().get(logicalId)));
    }
    problems.throwIfAny();
    events.stack(state.stackName(), "IMPORT_IN_PROGRESS", "User Initiated");
    for (final String logicalId : context.order()) {
      if (!state.resources().containsKey(logicalId)) {
        final String type = context.resources().get(logicalId).type();
        final String reason = ResourceTypes.isStandIn(type) ? StandIns.NOT_DEPLOYED : null;
        events.event(logicalId, type, "IMPORT_IN_PROGRESS", reason);
        events.event(logicalId, type, "IMPORT_COMPLETE", reason);
      }
    }
    state.resources(adopted.resources());
    state.outputs(context.outputs(state.liveValues()));
    state.parameters(context.parameters());
    state.status("IMPORT_COMPLETE");
    events.stack(state.stackName(), state.status(), null);
    events.line("Drift of the imported resources:");
    final Drift drift = new Drift(invoker, events);
    boolean inSync = true;
    for (final ToImport entry : imports) {
      final ResourceState resource = state.resources().get(entry.logicalId());
      if (resource.standIn()) {
        continue;
      }
      inSync &= drift.report(entry.logicalId(), resource);
    }
    return inSync;
  }

  /** The import's own rules, before anything is read. */
  private static void check(
      final StackContext context, final StackState state, final List<ToImport> imports) {
    final TemplateException.Collector problems = new TemplateException.Collector();
    final Set<String> withoutPolicy = new TreeSet<>();
    final Set<String> listed = new TreeSet<>();
    for (final ToImport entry : imports) {
      final Template.Resource resource = context.resources().get(entry.logicalId());
      listed.add(entry.logicalId());
      if (resource == null || !resource.type().equals(entry.resourceType())) {
        problems.add(
            "--resources-to-import " + entry.logicalId(),
            "the template has no resource "
                + entry.logicalId()
                + " of type "
                + entry.resourceType());
        continue;
      }
      if (state.resources().containsKey(entry.logicalId())) {
        problems.add(
            "--resources-to-import " + entry.logicalId(), "already a resource of the stack");
      }
      if (resource.deletionPolicy() == null) {
        withoutPolicy.add(entry.logicalId());
      }
      if (!ResourceTypes.isStandIn(resource.type())) {
        final Set<String> expected = new TreeSet<>();
        ResourceTypes.pointers(resource.type(), "primaryIdentifier")
            .forEach(p -> expected.add(p.substring(1)));
        final Set<String> given = new TreeSet<>();
        entry.identifier().fieldNames().forEachRemaining(given::add);
        if (!expected.equals(given)) {
          problems.add(
              "--resources-to-import " + entry.logicalId(),
              "ResourceIdentifier of " + resource.type() + " is " + expected + ", not " + given);
        }
      }
    }
    if (!withoutPolicy.isEmpty()) {
      // The text CloudFormation gives (user guide resource-import.md; users' logs).
      problems.add(
          "Resources",
          "The following resources to import "
              + withoutPolicy
              + " must have DeletionPolicy attribute specified in the template.");
    }
    final Set<String> created = new TreeSet<>();
    context
        .resources()
        .forEach(
            (logicalId, resource) -> {
              if (!state.resources().containsKey(logicalId)
                  && !listed.contains(logicalId)
                  && !ResourceTypes.isStandIn(resource.type())) {
                created.add(logicalId);
              }
            });
    final Set<String> deleted = new TreeSet<>(state.resources().keySet());
    deleted.removeAll(context.resources().keySet());
    if (!created.isEmpty() || !deleted.isEmpty()) {
      // User guide, resource-import.md.
      problems.add(
          "Resources",
          "Import operations don't allow new resource creations, resource deletions, or changes"
              + " to property configurations"
              + (created.isEmpty() ? "" : "; not in the stack nor to import: " + created)
              + (deleted.isEmpty() ? "" : "; in the stack, not in the template: " + deleted));
    }
    problems.throwIfAny();
  }

  /** One resource of the template in the adopted state: read, taken as a stand-in, or kept. */
  private void adopt(
      final StackContext context,
      final StackState adopted,
      final Template.Resource resource,
      final ToImport entry,
      final ResourceState existing) {
    final String logicalId = resource.logicalId();
    final JsonNode desired = context.properties(logicalId, adopted.liveValues());
    if (existing != null) {
      if (!Objects.equals(existing.properties(), desired)) {
        throw new TemplateException(
            "Resources." + logicalId,
            "Import operations don't allow new resource creations, resource deletions, or changes"
                + " to property configurations; "
                + logicalId
                + " is in the stack with other properties");
      }
      return;
    }
    final Set<String> dependsOn = context.dependencies().get(logicalId);
    if (ResourceTypes.isStandIn(resource.type())) {
      adopted
          .resources()
          .put(
              logicalId,
              ResourceState.of(
                  resource,
                  desired,
                  StandIns.model(resource.type(), logicalId, desired, context.stack(), null),
                  dependsOn));
      return;
    }
    // User guide: "The properties and configuration values for each resource to import adhere
    // to the resource type schema".
    final InputFailure invalid =
        ResourceTypes.handled(resource.type()).checkSchema(desired, List.of());
    if (invalid != null) {
      throw new TemplateException("Resources." + logicalId + ".Properties", invalid.message());
    }
    final HandlerInvoker.Result read =
        invoker.invoke(
            HandlerInvoker.Request.of("READ", resource.type(), logicalId, entry.identifier()),
            (request, event) -> {});
    if (!read.succeeded()) {
      throw new TemplateException(
          "--resources-to-import " + logicalId,
          "the resource to import does not exist or cannot be read: "
              + entry.identifier()
              + ": "
              + ResourceOperation.handlerMessage(read, "import"));
    }
    adopted
        .resources()
        .put(logicalId, ResourceState.of(resource, desired, read.model(), dependsOn));
  }
}
