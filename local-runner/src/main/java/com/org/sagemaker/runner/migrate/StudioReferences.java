package com.org.sagemaker.runner.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.runner.template.References;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites references to the migrated custom resources. The sample's domain function answered with
 * PhysicalResourceId = DomainId and Data {DomainId}; the profile function with PhysicalResourceId =
 * UserProfileName and Data {UserProfileName} (runner research notes §4.1). Our types return their
 * readOnlyProperties to Fn::GetAtt and their primary identifier to Ref (DomainId;
 * DomainId|UserProfileName). So:
 *
 * <ul>
 *   <li>Ref of a domain, and GetAtt of an attribute our type returns too (DomainId, Url, ...):
 *       kept;
 *   <li>Ref of a profile (its name), and GetAtt of what our type has as a property instead
 *       (UserProfileName, DomainName, VpcId, SubnetIds as one comma-separated string): that
 *       property's value, written where the reference was, with DependsOn on the resource so the
 *       order stays;
 *   <li>any other attribute: left as it is, and named.
 * </ul>
 *
 * <p>Detached, for a template in which the custom resources are gone but the new ones are not yet
 * imported, a domain's Ref and DomainId and a profile's name become the live values, and what
 * cannot be known before the import is named.
 */
final class StudioReferences implements References.Visitor {

  private final Map<String, StudioCustomResources.Found> studio;
  private final Map<String, ObjectNode> converted;
  private final Map<String, ImportPlan.Target> live;
  private final List<MigrationFinding> findings;

  /** The migrated resources the last rewritten fragment now depends on through a value. */
  final Set<String> substituted = new LinkedHashSet<>();

  /** Whether the last rewritten fragment still refers to something it cannot have. */
  boolean unresolved;

  /**
   * @param live null for the final template, else the live identifiers of each resource
   */
  StudioReferences(
      final Map<String, StudioCustomResources.Found> studio,
      final Map<String, ObjectNode> converted,
      final Map<String, ImportPlan.Target> live,
      final List<MigrationFinding> findings) {
    this.studio = studio;
    this.converted = converted;
    this.live = live;
    this.findings = findings;
  }

  /** {@code fragment} rewritten; {@link #substituted} and {@link #unresolved} describe it. */
  JsonNode rewrite(final JsonNode fragment, final String location) {
    substituted.clear();
    unresolved = false;
    return References.rewrite(fragment, this, location);
  }

  @Override
  public JsonNode reference(final String logicalId, final String attribute, final String location) {
    final StudioCustomResources.Found found = studio.get(logicalId);
    if (found == null) {
      return null;
    }
    final boolean domain = found.kind() == StudioCustomResources.Kind.DOMAIN;
    final String reference = logicalId + (attribute == null ? "" : "." + attribute);
    if (attribute == null && !domain) {
      return property(logicalId, "UserProfileName", location);
    }
    if (attribute == null || returnsAttribute(found, attribute)) {
      if (live == null) {
        return null;
      }
      if (domain && (attribute == null || attribute.equals("DomainId"))) {
        return JsonNodeFactory.instance.textNode(live.get(logicalId).domainId());
      }
      return unresolved(
          location, reference + " is not known until the resource is imported; left as is");
    }
    if (converted.get(logicalId).has(attribute)) {
      return property(logicalId, attribute, location);
    }
    if (live != null) {
      // Already named for the final template, where it stays as it is.
      unresolved = true;
      return null;
    }
    return unresolved(
        location,
        reference
            + ": "
            + found.kind().newType
            + " has no such attribute (it returns "
            + attributes(found)
            + "); left as is");
  }

  private JsonNode unresolved(final String location, final String message) {
    unresolved = true;
    findings.add(new MigrationFinding(location, message));
    return null;
  }

  private static boolean returnsAttribute(
      final StudioCustomResources.Found found, final String attribute) {
    return attributes(found).contains(attribute);
  }

  private static List<String> attributes(final StudioCustomResources.Found found) {
    return ResourceTypes.pointers(found.kind().newType, "readOnlyProperties").stream()
        .map(pointer -> pointer.substring(1))
        .toList();
  }

  /**
   * The property's value in place of the attribute; a list as the comma-separated string it was.
   */
  private JsonNode property(final String logicalId, final String name, final String location) {
    final JsonNode value = converted.get(logicalId).get(name);
    if (value == null) {
      return unresolved(
          location, logicalId + " has no " + name + " to stand in for it; left as is");
    }
    if (live == null) {
      substituted.add(logicalId);
    }
    final JsonNode split = value.path("Fn::Split");
    if (split.size() == 2 && ",".equals(split.get(0).asText())) {
      return split.get(1).deepCopy();
    }
    final String type = studio.get(logicalId).kind().newType;
    if (!"array".equals(ResourceTypes.schema(type).at("/properties/" + name + "/type").asText())) {
      return value.deepCopy();
    }
    final ObjectNode join = JsonNodeFactory.instance.objectNode();
    join.putArray("Fn::Join").add(",").add(value.deepCopy());
    return join;
  }
}
