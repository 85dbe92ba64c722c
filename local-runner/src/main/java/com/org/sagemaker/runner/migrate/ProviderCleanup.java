package com.org.sagemaker.runner.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.runner.template.References;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which resources served only the custom resources' functions and go with them: the functions
 * themselves, then, repeatedly, every role, policy, layer, permission, log group, version or alias
 * that nothing but removed resources still uses. A resource any kept resource or output refers to
 * (Ref, GetAtt, Sub, DependsOn) is kept. A policy, permission or log group attached to removed
 * resources only (its Roles/Users/Groups, FunctionName, LogGroupName, LayerVersionArn name nothing
 * else) is removed with them, and does not keep them.
 */
final class ProviderCleanup {

  /** Types that exist to serve a function, and may go when it goes. */
  private static final Set<String> SUPPORT_TYPES =
      Set.of(
          "AWS::IAM::Role",
          "AWS::IAM::Policy",
          "AWS::IAM::ManagedPolicy",
          "AWS::Lambda::LayerVersion",
          "AWS::Serverless::LayerVersion");

  /** Types that attach to other resources, and the properties naming what they attach to. */
  private static final Map<String, List<String>> ATTACHMENTS =
      Map.of(
          "AWS::IAM::Policy", List.of("Roles", "Users", "Groups"),
          "AWS::IAM::ManagedPolicy", List.of("Roles", "Users", "Groups"),
          "AWS::Lambda::Permission", List.of("FunctionName"),
          "AWS::Lambda::Version", List.of("FunctionName"),
          "AWS::Lambda::Alias", List.of("FunctionName"),
          "AWS::Lambda::EventInvokeConfig", List.of("FunctionName"),
          "AWS::Lambda::LayerVersionPermission", List.of("LayerVersionArn"),
          "AWS::Logs::LogGroup", List.of("LogGroupName"));

  private final ObjectNode resources;
  private final JsonNode outputs;
  private final Set<String> migrated;

  /** Who refers to each resource: logical ids, or Outputs.Name. */
  private final Map<String, Set<String>> referrers = new LinkedHashMap<>();

  /**
   * @param migrated the custom resources, already converted: their DependsOn on removed resources
   *     does not keep them
   */
  ProviderCleanup(final ObjectNode resources, final JsonNode outputs, final Set<String> migrated) {
    this.resources = resources;
    this.outputs = outputs;
    this.migrated = migrated;
    resources
        .properties()
        .forEach(
            e -> {
              for (final String name : References.names(e.getValue())) {
                referredBy(name, e.getKey());
              }
              if (!migrated.contains(e.getKey())) {
                dependsOn(e.getValue()).forEach(name -> referredBy(name, e.getKey()));
              }
            });
    outputs
        .properties()
        .forEach(
            e ->
                References.names(e.getValue())
                    .forEach(name -> referredBy(name, "Outputs." + e.getKey())));
  }

  private void referredBy(final String name, final String referrer) {
    referrers.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(referrer);
  }

  static Set<String> dependsOn(final JsonNode resource) {
    final Set<String> names = new LinkedHashSet<>();
    final JsonNode declared = resource.path("DependsOn");
    if (declared.isTextual()) {
      names.add(declared.asText());
    }
    declared.forEach(d -> names.add(d.asText()));
    return names;
  }

  /** The resources to remove, starting from the custom resources' functions. */
  Set<String> removable(final Set<String> functions) {
    final Set<String> removed = new LinkedHashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (final String logicalId :
          resources.properties().stream().map(Map.Entry::getKey).toList()) {
        if (!removed.contains(logicalId)
            && !migrated.contains(logicalId)
            && serves(logicalId, functions, removed)
            && unusedOutside(logicalId, removed)) {
          removed.add(logicalId);
          changed = true;
        }
      }
    }
    return removed;
  }

  /** What keeps {@code logicalId}: its referrers that are not removed with it. */
  Set<String> keptBy(final String logicalId, final Set<String> removed) {
    final Set<String> keeping = new LinkedHashSet<>();
    for (final String referrer : referrers.getOrDefault(logicalId, Set.of())) {
      if (!removed.contains(referrer) && !attachesOnlyTo(referrer, removed, logicalId)) {
        keeping.add(referrer);
      }
    }
    return keeping;
  }

  private boolean serves(
      final String logicalId, final Set<String> functions, final Set<String> removed) {
    if (functions.contains(logicalId)) {
      return true;
    }
    final String type = resources.get(logicalId).path("Type").asText();
    if (SUPPORT_TYPES.contains(type)) {
      for (final String referrer : referrers.getOrDefault(logicalId, Set.of())) {
        if (removed.contains(referrer)) {
          return true;
        }
      }
    }
    return attachesOnlyTo(logicalId, removed, null);
  }

  private boolean unusedOutside(final String logicalId, final Set<String> removed) {
    return keptBy(logicalId, removed).isEmpty();
  }

  /**
   * Whether {@code logicalId} attaches to something, and each thing it attaches to is removed (or
   * is {@code candidate}, which is being decided). A literal name or a parameter is something else.
   */
  private boolean attachesOnlyTo(
      final String logicalId, final Set<String> removed, final String candidate) {
    final JsonNode resource = resources.path(logicalId);
    final List<String> properties = ATTACHMENTS.get(resource.path("Type").asText());
    if (properties == null) {
      return false;
    }
    final List<JsonNode> entries = new ArrayList<>();
    for (final String property : properties) {
      final JsonNode value = resource.path("Properties").path(property);
      if (value.isArray()) {
        value.forEach(entries::add);
      } else if (!value.isMissingNode()) {
        entries.add(value);
      }
    }
    for (final JsonNode entry : entries) {
      final Set<String> targets = References.names(entry);
      targets.removeIf(target -> !resources.has(target));
      if (targets.isEmpty()
          || !targets.stream().allMatch(t -> removed.contains(t) || t.equals(candidate))) {
        return false;
      }
    }
    return !entries.isEmpty();
  }
}
