package com.org.sagemaker.runner.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.runner.template.References;
import com.org.sagemaker.runner.template.TemplateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a template of the Lambda-backed {@code Custom::StudioDomain} / {@code
 * Custom::UserProfile} pattern into one of {@code Org::SageMaker::StudioDomain} / {@code
 * Org::SageMaker::StudioUserProfile}: same logical ids, properties mapped ({@link
 * StudioProperties}), references kept working ({@link StudioReferences}), the functions and what
 * served only them removed ({@link ProviderCleanup}), with the parameters only they used.
 *
 * <p>Given the live identifiers, it also plans the import ({@link ImportPlan}): the new resources
 * get {@code DeletionPolicy: Retain}, which an import requires ("Each resource to import must have
 * a DeletionPolicy attribute", resource-import.md), and {@link ImportSteps} makes the templates of
 * the steps before the final one.
 */
public final class Migrator {

  /** What a migration produced. {@code steps} is empty when no identifiers were given. */
  public record Migration(
      ObjectNode template,
      List<MigrationFinding> findings,
      Map<String, StudioCustomResources.Found> migrated,
      Set<String> removedResources,
      Set<String> removedParameters,
      Map<String, ImportPlan.Target> imports,
      Map<String, ObjectNode> steps,
      List<MigrationFinding> stepFindings) {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectNode original;
  private final ObjectNode resources;
  private final Map<String, StudioCustomResources.Found> studio;
  private final List<MigrationFinding> findings = new ArrayList<>();
  private final Map<String, ObjectNode> converted = new LinkedHashMap<>();

  private Migrator(final ObjectNode original) {
    this.original = original;
    if (!(original.get("Resources") instanceof ObjectNode declared) || declared.isEmpty()) {
      throw new TemplateException("Resources", "missing or empty");
    }
    this.resources = declared;
    declared
        .properties()
        .forEach(
            e -> {
              if (!e.getValue().path("Type").isTextual()) {
                throw new TemplateException(
                    "Resources." + e.getKey(), "a resource is a mapping with a Type");
              }
            });
    this.studio = StudioCustomResources.find(resources);
    if (studio.isEmpty()) {
      throw new TemplateException(
          "Resources",
          "nothing to migrate: no Custom::StudioDomain or Custom::UserProfile, and no custom"
              + " resource whose ServiceToken is a domain_function or UserProfile_function");
    }
  }

  public static Migration migrate(
      final JsonNode template, final List<String> domainIds, final List<String> profiles) {
    if (!(template instanceof ObjectNode object)) {
      throw new TemplateException("template", "a template is a mapping with Resources");
    }
    return new Migrator(object).run(domainIds, profiles);
  }

  private Migration run(final List<String> domainIds, final List<String> profiles) {
    final StudioProperties properties =
        new StudioProperties(section(original, "Parameters"), findings);
    studio.forEach(
        (logicalId, found) ->
            converted.put(
                logicalId,
                properties.convert(
                    found.kind(),
                    resources.get(logicalId).path("Properties"),
                    "Resources." + logicalId + ".Properties")));
    final Set<String> conditional = new LinkedHashSet<>();
    studio.keySet().stream()
        .filter(logicalId -> resources.get(logicalId).has("Condition"))
        .forEach(conditional::add);
    final Map<String, ImportPlan.Target> imports =
        ImportPlan.resolve(domainIds, profiles, studio, converted, conditional);

    final ObjectNode result = original.deepCopy();
    final ObjectNode migratedResources = rewriteResources(!imports.isEmpty());
    result.set("Resources", migratedResources);
    final StudioReferences references = new StudioReferences(studio, converted, null, findings);
    final ObjectNode outputs = NODES.objectNode();
    section(original, "Outputs")
        .properties()
        .forEach(
            e ->
                outputs.set(e.getKey(), references.rewrite(e.getValue(), "Outputs." + e.getKey())));
    if (original.has("Outputs")) {
      result.set("Outputs", outputs);
    }

    final Set<String> removed = removeProviders(migratedResources, outputs);
    final Set<String> removedParameters = removeUnusedParameters(result);
    final List<MigrationFinding> stepFindings = new ArrayList<>();
    final Map<String, ObjectNode> steps =
        imports.isEmpty()
            ? Map.of()
            : ImportSteps.templates(
                original, studio, converted, migratedResources, imports, stepFindings);
    return new Migration(
        result, findings, studio, removed, removedParameters, imports, steps, stepFindings);
  }

  /** Every resource, the custom ones as our types, with references to them rewritten. */
  private ObjectNode rewriteResources(final boolean importing) {
    final StudioReferences references = new StudioReferences(studio, converted, null, findings);
    final ObjectNode rewritten = NODES.objectNode();
    resources
        .properties()
        .forEach(
            e -> {
              final String logicalId = e.getKey();
              final JsonNode definition =
                  studio.containsKey(logicalId)
                      ? definition(studio.get(logicalId), (ObjectNode) e.getValue(), importing)
                      : e.getValue();
              final ObjectNode resource =
                  (ObjectNode) references.rewrite(definition, "Resources." + logicalId);
              references.substituted.remove(logicalId);
              for (final String dependency : references.substituted) {
                addDependsOn(resource, dependency);
              }
              rewritten.set(logicalId, resource);
            });
    return rewritten;
  }

  /** The custom resource as our type: Type, DeletionPolicy, Properties, other attributes kept. */
  private ObjectNode definition(
      final StudioCustomResources.Found found, final ObjectNode old, final boolean importing) {
    final ObjectNode resource = NODES.objectNode();
    resource.put("Type", found.kind().newType);
    final String location = "Resources." + found.logicalId();
    final String policy = old.path("DeletionPolicy").asText(null);
    if (importing) {
      resource.put("DeletionPolicy", "Retain");
      if (policy != null && !policy.equals("Retain")) {
        findings.add(
            new MigrationFinding(
                location + ".DeletionPolicy",
                "was "
                    + policy
                    + "; Retain for the import, change it afterwards if CloudFormation should"
                    + " delete the resource with the stack"));
      }
    } else if (policy != null) {
      resource.put("DeletionPolicy", policy);
    }
    old.properties()
        .forEach(
            e -> {
              if (e.getKey().equals("Properties")) {
                resource.set("Properties", converted.get(found.logicalId()));
              } else if (!resource.has(e.getKey())) {
                resource.set(e.getKey(), e.getValue());
              }
            });
    return resource;
  }

  /** Removes the providers and what served only them; names the providers something still uses. */
  private Set<String> removeProviders(final ObjectNode migratedResources, final JsonNode outputs) {
    final Set<String> functions = new LinkedHashSet<>();
    studio.values().stream()
        .map(StudioCustomResources.Found::provider)
        .filter(provider -> provider != null)
        .forEach(functions::add);
    final ProviderCleanup cleanup =
        new ProviderCleanup(migratedResources, outputs, studio.keySet());
    final Set<String> removed = cleanup.removable(functions);
    for (final String function : functions) {
      if (!removed.contains(function)) {
        findings.add(
            new MigrationFinding(
                "Resources." + function,
                "kept: the custom resources' function, still used by "
                    + cleanup.keptBy(function, removed)));
      }
    }
    removed.forEach(migratedResources::remove);
    migratedResources
        .properties()
        .forEach(e -> withoutDependsOn((ObjectNode) e.getValue(), removed));
    return removed;
  }

  /**
   * Parameters only removed things used (the functions' code bucket and keys, a ServiceToken
   * parameter): gone, also from the console's parameter groups and labels.
   */
  private Set<String> removeUnusedParameters(final ObjectNode result) {
    final Set<String> usedBefore = References.names(resources);
    final Set<String> usedAfter = new LinkedHashSet<>();
    for (final String section : List.of("Resources", "Outputs", "Conditions", "Rules")) {
      usedAfter.addAll(References.names(result.path(section)));
    }
    final Set<String> removed = new LinkedHashSet<>();
    final ObjectNode parameters = section(result, "Parameters");
    parameters
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (usedBefore.contains(name) && !usedAfter.contains(name)) {
                removed.add(name);
              }
            });
    removed.forEach(parameters::remove);
    final JsonNode ui = result.path("Metadata").path("AWS::CloudFormation::Interface");
    final JsonNode groups = ui.path("ParameterGroups");
    for (int g = groups.size() - 1; g >= 0; g--) {
      final JsonNode names = groups.get(g).path("Parameters");
      final int before = names.size();
      for (int i = names.size() - 1; i >= 0; i--) {
        if (removed.contains(names.get(i).asText())) {
          ((ArrayNode) names).remove(i);
        }
      }
      if (names.isEmpty() && before > 0) {
        ((ArrayNode) groups).remove(g);
      }
    }
    if (ui.path("ParameterLabels") instanceof ObjectNode labels) {
      removed.forEach(labels::remove);
      if (labels.isEmpty()) {
        ((ObjectNode) ui).remove("ParameterLabels");
      }
    }
    return removed;
  }

  private static void addDependsOn(final ObjectNode resource, final String logicalId) {
    final Set<String> names = ProviderCleanup.dependsOn(resource);
    if (names.add(logicalId)) {
      setDependsOn(resource, names);
    }
  }

  static void withoutDependsOn(final ObjectNode resource, final Set<String> gone) {
    final Set<String> names = ProviderCleanup.dependsOn(resource);
    if (names.removeAll(gone)) {
      setDependsOn(resource, names);
    }
  }

  private static void setDependsOn(final ObjectNode resource, final Set<String> names) {
    if (names.isEmpty()) {
      resource.remove("DependsOn");
    } else if (names.size() == 1) {
      resource.put("DependsOn", names.iterator().next());
    } else {
      final ArrayNode list = resource.putArray("DependsOn");
      names.forEach(list::add);
    }
  }

  static ObjectNode section(final JsonNode template, final String name) {
    return template.path(name) instanceof ObjectNode object ? object : NODES.objectNode();
  }
}
