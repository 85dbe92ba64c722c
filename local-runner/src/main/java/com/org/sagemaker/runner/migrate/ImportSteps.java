package com.org.sagemaker.runner.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The templates a live stack goes through before the migrated one. An import cannot change anything
 * else in the stack ("Import operations don't allow new resource creations, resource deletions, or
 * changes to property configurations", resource-import.md; outputs neither: "As part of the import
 * operation, you cannot modify or add [Outputs]", quoted in
 * awslabs/aws-security-assessment-solution#6), and the new resources keep the custom resources'
 * logical ids, so:
 *
 * <ol>
 *   <li>retain: the old template with {@code DeletionPolicy: Retain} on the custom resources, so
 *       that removing them never calls their function's Delete (aws-attribute-deletionpolicy.md);
 *   <li>detach: the custom resources removed, what referred to them given the live values, the
 *       outputs that cannot have them yet left out;
 *   <li>import: that, plus the new resources, for the IMPORT change set;
 *   <li>(the migrated template, which removes the functions and restores the outputs.)
 * </ol>
 */
final class ImportSteps {

  static final String RETAIN = "retain";
  static final String DETACH = "detach";
  static final String IMPORT = "import";

  private ImportSteps() {}

  /**
   * The three templates by step name; what they leave out or cannot say goes to {@code findings}.
   */
  static Map<String, ObjectNode> templates(
      final ObjectNode original,
      final Map<String, StudioCustomResources.Found> studio,
      final Map<String, ObjectNode> converted,
      final ObjectNode migratedResources,
      final Map<String, ImportPlan.Target> imports,
      final List<MigrationFinding> findings) {
    final JsonNode resources = original.get("Resources");
    nameUnimportedConditionals(resources, studio, imports, findings);

    final ObjectNode retain = original.deepCopy();
    studio
        .keySet()
        .forEach(logicalId -> retained((ObjectNode) retain.path("Resources").get(logicalId)));

    final ObjectNode detach = original.deepCopy();
    final StudioReferences live = new StudioReferences(studio, converted, imports, findings);
    final ObjectNode detachedResources = JsonNodeFactory.instance.objectNode();
    final ObjectNode importResources = JsonNodeFactory.instance.objectNode();
    resources
        .properties()
        .forEach(
            e -> {
              final String logicalId = e.getKey();
              if (studio.containsKey(logicalId)) {
                importResources.set(logicalId, migratedResources.get(logicalId));
                return;
              }
              final ObjectNode resource =
                  (ObjectNode) live.rewrite(e.getValue(), "Resources." + logicalId);
              Migrator.withoutDependsOn(resource, studio.keySet());
              detachedResources.set(logicalId, resource);
              importResources.set(logicalId, resource);
            });
    detach.set("Resources", detachedResources);
    final ObjectNode outputs = JsonNodeFactory.instance.objectNode();
    Migrator.section(original, "Outputs")
        .properties()
        .forEach(
            e -> {
              final JsonNode output = live.rewrite(e.getValue(), "Outputs." + e.getKey());
              if (live.unresolved) {
                findings.add(
                    new MigrationFinding(
                        "Outputs." + e.getKey(),
                        "left out until the final template"
                            + (e.getValue().has("Export")
                                ? "; stacks importing its export block this step"
                                : "")));
              } else {
                outputs.set(e.getKey(), output);
              }
            });
    if (original.has("Outputs")) {
      detach.set("Outputs", outputs);
    }
    final ObjectNode imported = detach.deepCopy();
    imported.set("Resources", importResources);

    final Map<String, ObjectNode> steps = new LinkedHashMap<>();
    steps.put(RETAIN, retain);
    steps.put(DETACH, detach);
    steps.put(IMPORT, imported);
    return steps;
  }

  /** A conditional resource is imported only when named: whether it exists depends on the stack. */
  private static void nameUnimportedConditionals(
      final JsonNode resources,
      final Map<String, StudioCustomResources.Found> studio,
      final Map<String, ImportPlan.Target> imports,
      final List<MigrationFinding> findings) {
    studio.keySet().stream()
        .filter(logicalId -> resources.get(logicalId).has("Condition"))
        .filter(logicalId -> !imports.containsKey(logicalId))
        .forEach(
            logicalId ->
                findings.add(
                    new MigrationFinding(
                        "Resources." + logicalId,
                        "not imported: it has Condition "
                            + resources.get(logicalId).get("Condition")
                            + " and no identifier was given; right if the condition is false in"
                            + " the stack, else name it with --domain-id/--profile "
                            + logicalId
                            + "=...")));
  }

  /** The resource with DeletionPolicy: Retain, right after its Type. */
  private static void retained(final ObjectNode resource) {
    final ObjectNode copy = resource.deepCopy();
    resource.removeAll();
    resource.set("Type", copy.get("Type"));
    resource.put("DeletionPolicy", "Retain");
    copy.properties().forEach(e -> resource.putIfAbsent(e.getKey(), e.getValue()));
  }
}
