package com.org.sagemaker.runner.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.runner.studio.StudioTypes;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which live domain and profiles the migrated resources are, from {@code --domain-id} and {@code
 * --profile}, and the {@code --resources-to-import} JSON of {@code aws cloudformation
 * create-change-set --change-set-type IMPORT}: one {ResourceType, LogicalResourceId,
 * ResourceIdentifier} per resource, the identifier keyed by the type's primaryIdentifier
 * (resource-import-existing-stack.md; API ResourceToImport).
 *
 * <p>{@code --domain-id [LogicalId=]d-…} and {@code --profile [LogicalId=][d-…/]NAME}: without a
 * logical id, a value goes to the one resource it can only mean (the profile whose literal
 * UserProfileName it is, else the only one left). A profile's domain comes from its DomainId (a
 * literal, or a migrated domain's Ref / DomainId) unless given as {@code d-…/NAME}. A profile with
 * a literal UserProfileName needs no option. An import must cover every migrated resource, as an
 * import operation cannot create resources (resource-import.md), except those with a Condition,
 * which may not exist.
 */
final class ImportPlan {

  /** One live resource to import, by identifier. */
  record Target(String logicalId, String type, String domainId, String profileName) {
    ObjectNode toJson() {
      final ObjectNode entry = JsonNodeFactory.instance.objectNode();
      entry.put("ResourceType", type).put("LogicalResourceId", logicalId);
      final ObjectNode identifier = entry.putObject("ResourceIdentifier");
      identifier.put("DomainId", domainId);
      if (profileName != null) {
        identifier.put("UserProfileName", profileName);
      }
      return entry;
    }
  }

  private final Map<String, StudioCustomResources.Found> studio;
  private final Map<String, ObjectNode> converted;
  private final Set<String> conditional;
  private final Map<String, Target> targets = new LinkedHashMap<>();

  private ImportPlan(
      final Map<String, StudioCustomResources.Found> studio,
      final Map<String, ObjectNode> converted,
      final Set<String> conditional) {
    this.studio = studio;
    this.converted = converted;
    this.conditional = conditional;
  }

  /**
   * The targets, domains first, in template order; empty when no identifier was given. A resource
   * with a Condition is imported only when named: whether it exists depends on the stack.
   */
  static Map<String, Target> resolve(
      final List<String> domainIds,
      final List<String> profiles,
      final Map<String, StudioCustomResources.Found> studio,
      final Map<String, ObjectNode> converted,
      final Set<String> conditional) {
    final ImportPlan plan = new ImportPlan(studio, converted, conditional);
    if (domainIds.isEmpty() && profiles.isEmpty()) {
      return plan.targets;
    }
    plan.assignDomains(domainIds);
    plan.assignProfiles(profiles);
    for (final StudioCustomResources.Found found : studio.values()) {
      if (!plan.targets.containsKey(found.logicalId())
          && !conditional.contains(found.logicalId())) {
        throw new IllegalArgumentException(
            found.logicalId()
                + ": an import must name every migrated resource (it cannot create one): pass "
                + (found.kind() == StudioCustomResources.Kind.DOMAIN
                    ? "--domain-id " + found.logicalId() + "=d-..."
                    : "--profile " + found.logicalId() + "=NAME"));
      }
    }
    final Map<String, Target> ordered = new LinkedHashMap<>();
    for (final StudioCustomResources.Kind kind : StudioCustomResources.Kind.values()) {
      studio.values().stream()
          .filter(found -> found.kind() == kind && plan.targets.containsKey(found.logicalId()))
          .forEach(found -> ordered.put(found.logicalId(), plan.targets.get(found.logicalId())));
    }
    return ordered;
  }

  static ArrayNode toJson(final Map<String, Target> targets) {
    final ArrayNode list = JsonNodeFactory.instance.arrayNode();
    targets.values().forEach(t -> list.add(t.toJson()));
    return list;
  }

  private void assignDomains(final List<String> values) {
    for (final String value : values) {
      final String[] parts = split(value);
      final String domainId = valid(parts[1], StudioTypes.DOMAIN, "DomainId", "--domain-id");
      final String logicalId =
          parts[0] != null ? parts[0] : onlyUnassigned(StudioCustomResources.Kind.DOMAIN, value);
      require(logicalId, StudioCustomResources.Kind.DOMAIN, "--domain-id " + value);
      targets.put(logicalId, new Target(logicalId, StudioTypes.DOMAIN, domainId, null));
    }
  }

  private void assignProfiles(final List<String> values) {
    for (final String value : values) {
      final String[] parts = split(value);
      final int slash = parts[1].indexOf('/');
      final String name =
          valid(
              parts[1].substring(slash + 1),
              StudioTypes.USER_PROFILE,
              "UserProfileName",
              "--profile");
      String logicalId = parts[0];
      if (logicalId == null) {
        logicalId = profileNamed(name);
      }
      if (logicalId == null) {
        logicalId = onlyUnassigned(StudioCustomResources.Kind.PROFILE, value);
      }
      require(logicalId, StudioCustomResources.Kind.PROFILE, "--profile " + value);
      final String domainId =
          slash >= 0
              ? valid(parts[1].substring(0, slash), StudioTypes.DOMAIN, "DomainId", "--profile")
              : domainOf(logicalId);
      final JsonNode written = converted.get(logicalId).path("UserProfileName");
      if (written.isTextual() && !written.asText().equals(name)) {
        throw new IllegalArgumentException(
            "--profile "
                + value
                + ": the template names "
                + logicalId
                + "'s profile "
                + written.asText());
      }
      targets.put(logicalId, new Target(logicalId, StudioTypes.USER_PROFILE, domainId, name));
    }
    // Literal names identify themselves.
    for (final StudioCustomResources.Found found : studio.values()) {
      final JsonNode written = converted.get(found.logicalId()).path("UserProfileName");
      if (found.kind() == StudioCustomResources.Kind.PROFILE
          && !targets.containsKey(found.logicalId())
          && !conditional.contains(found.logicalId())
          && written.isTextual()) {
        targets.put(
            found.logicalId(),
            new Target(
                found.logicalId(),
                StudioTypes.USER_PROFILE,
                domainOf(found.logicalId()),
                written.asText()));
      }
    }
  }

  /** LogicalId=value, or value alone (null logical id). */
  private static String[] split(final String value) {
    final int equals = value.indexOf('=');
    return equals < 0
        ? new String[] {null, value}
        : new String[] {value.substring(0, equals), value.substring(equals + 1)};
  }

  private static String valid(
      final String value, final String type, final String property, final String option) {
    final String pattern =
        ResourceTypes.schema(type).path("properties").path(property).path("pattern").asText();
    if (!value.matches(pattern)) {
      throw new IllegalArgumentException(
          option + " " + value + ": not a " + property + " (" + pattern + ")");
    }
    return value;
  }

  private void require(
      final String logicalId, final StudioCustomResources.Kind kind, final String option) {
    final StudioCustomResources.Found found = studio.get(logicalId);
    if (found == null || found.kind() != kind) {
      throw new IllegalArgumentException(
          option + ": " + logicalId + " is not a migrated " + kind.customType + " resource");
    }
    if (targets.containsKey(logicalId)) {
      throw new IllegalArgumentException(option + ": " + logicalId + " is named twice");
    }
  }

  private String profileNamed(final String name) {
    for (final Map.Entry<String, ObjectNode> entry : converted.entrySet()) {
      if (studio.get(entry.getKey()).kind() == StudioCustomResources.Kind.PROFILE
          && name.equals(entry.getValue().path("UserProfileName").asText(null))) {
        return entry.getKey();
      }
    }
    return null;
  }

  /** The one resource of the kind not yet named, nor identified by a literal name. */
  private String onlyUnassigned(final StudioCustomResources.Kind kind, final String value) {
    final List<String> open = new ArrayList<>();
    for (final StudioCustomResources.Found found : studio.values()) {
      if (found.kind() == kind
          && !targets.containsKey(found.logicalId())
          && !converted.get(found.logicalId()).path("UserProfileName").isTextual()) {
        open.add(found.logicalId());
      }
    }
    if (open.size() != 1) {
      throw new IllegalArgumentException(
          value + ": say which resource it is, LogicalId=" + value + " (one of " + open + ")");
    }
    return open.get(0);
  }

  /** The id of the domain a profile is in, from its DomainId property. */
  private String domainOf(final String profile) {
    final JsonNode domainId = converted.get(profile).path("DomainId");
    if (domainId.isTextual()) {
      return domainId.asText();
    }
    final String domain =
        domainId.has("Ref")
            ? domainId.get("Ref").asText()
            : "DomainId".equals(domainId.path("Fn::GetAtt").path(1).asText())
                ? domainId.path("Fn::GetAtt").path(0).asText()
                : null;
    final Target target = domain == null ? null : targets.get(domain);
    if (target == null || target.profileName() != null) {
      throw new IllegalArgumentException(
          profile
              + ": cannot tell its domain from DomainId "
              + domainId
              + ": pass --profile "
              + profile
              + "=d-.../NAME");
    }
    return target.domainId();
  }
}
