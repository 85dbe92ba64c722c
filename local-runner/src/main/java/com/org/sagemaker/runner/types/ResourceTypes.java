package com.org.sagemaker.runner.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.org.sagemaker.runner.standins.KnownTypes;
import com.org.sagemaker.runner.standins.StandIns;
import com.org.sagemaker.runner.template.TemplateException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one registry of resource types: the types driven through their handlers, as registered by
 * each {@link TypeProvider} on the class path, and stand-ins ({@link StandIns}) for every other
 * type. What the planner, the execution and the state ask of a type: its schema's property lists,
 * what Ref and Fn::GetAtt give, its handlers' timeouts, a new handler.
 */
public final class ResourceTypes {

  private static final Map<String, HandledType> HANDLED = load();

  /** Each schema, parsed once: the runner consults them for every resource and drift check. */
  private static final Map<String, JsonNode> SCHEMAS = new ConcurrentHashMap<>();

  private ResourceTypes() {}

  private static Map<String, HandledType> load() {
    final Map<String, HandledType> types = new LinkedHashMap<>();
    for (final TypeProvider provider : ServiceLoader.load(TypeProvider.class)) {
      provider.types().forEach(type -> types.put(type.typeName(), type));
    }
    if (types.isEmpty()) {
      // Without them every resource would be a stand-in, and a deploy would deploy nothing.
      throw new IllegalStateException(
          "no resource types registered: META-INF/services/"
              + TypeProvider.class.getName()
              + " is missing from the class path");
    }
    return Collections.unmodifiableMap(types);
  }

  /** The type as its handler drives it; an error naming the supported types for any other. */
  public static HandledType handled(final String typeName) {
    final HandledType type = HANDLED.get(typeName);
    if (type == null) {
      throw new IllegalArgumentException(
          "Unsupported resource type " + typeName + "; supported: " + names());
    }
    return type;
  }

  /** The type's schema, as its handler jar carries it. */
  public static JsonNode schema(final String typeName) {
    final HandledType type = handled(typeName);
    return SCHEMAS.computeIfAbsent(typeName, name -> type.schema());
  }

  /** A property list of the schema, e.g. createOnlyProperties, as property paths. */
  public static List<String> pointers(final String typeName, final String list) {
    final List<String> paths = new ArrayList<>();
    schema(typeName)
        .path(list)
        .forEach(p -> paths.add(p.asText().replaceFirst("^/properties", "")));
    return paths;
  }

  /**
   * What Ref returns: for a handled type the primary identifier, its parts joined by "|" (the join
   * of a composite identifier is not established from AWS documentation); for a stand-in the Ref it
   * was given.
   */
  public static String ref(final String typeName, final JsonNode model) {
    if (isStandIn(typeName)) {
      return model.path(StandIns.REF).asText();
    }
    final List<String> parts = new ArrayList<>();
    for (final String path : pointers(typeName, "primaryIdentifier")) {
      parts.add(model.at(path).asText());
    }
    return String.join("|", parts);
  }

  /**
   * CloudFormation's refusal of a template naming types it does not know, or null when it knows
   * them all: "Template format error: Unrecognized resource types: [A, B]" (users' logs of
   * CreateStack and ValidateTemplate, aws/aws-cli#2684 and
   * aws-cloudformation/cloudformation-cli#366), with the closest known name of each. Known: the
   * registered types, the published AWS types and custom resources ({@link KnownTypes}); a private
   * type registered in an account is not known here.
   */
  public static String unrecognized(final Collection<String> types) {
    final List<String> unknown =
        types.stream()
            .distinct()
            .filter(type -> !HANDLED.containsKey(type) && !KnownTypes.exists(type))
            .toList();
    if (unknown.isEmpty()) {
      return null;
    }
    return "Template format error: Unrecognized resource types: "
        + unknown
        + "; the closest known: "
        + String.join(", ", unknown.stream().map(t -> KnownTypes.closest(t, names())).toList());
  }

  /**
   * The type's createOnlyProperties as property paths (e.g. /RoleName): from its schema for a
   * handled type, from the published schemas for a stand-in; null for a type with no schema here (a
   * custom resource, whose provider decides what replaces it).
   */
  public static List<String> createOnly(final String typeName) {
    if (!isStandIn(typeName)) {
      return pointers(typeName, "createOnlyProperties");
    }
    return KnownTypes.createOnly(typeName);
  }

  /** True unless a provider registered the type: those are deployed, the rest stand in. */
  public static boolean isStandIn(final String typeName) {
    return !HANDLED.containsKey(typeName);
  }

  /**
   * Why Fn::GetAtt {@code attribute} cannot be asked of the resource, or null when it can. A
   * registry type's attributes are its readOnlyProperties (cfn-lint's model, and the generated
   * docs' "Fn::GetAtt" section), nested ones written with dots.
   */
  public static String attributeProblem(
      final String typeName, final String logicalId, final String attribute) {
    if (isStandIn(typeName)) {
      return StandIns.attributeProblem(typeName, logicalId, attribute);
    }
    final List<String> attributes =
        pointers(typeName, "readOnlyProperties").stream()
            .map(path -> path.substring(1).replace('/', '.'))
            .toList();
    // The text CloudFormation gives (docs/sources/templates.md §3).
    return attributes.contains(attribute)
        ? null
        : "Template error: resource "
            + logicalId
            + " does not support attribute type "
            + attribute
            + " in Fn::GetAtt ("
            + typeName
            + " has: "
            + String.join(", ", attributes)
            + ")";
  }

  /**
   * The value of Fn::GetAtt {@code logicalId.attribute}, from what the resource's handler or
   * stand-in gave.
   */
  public static JsonNode attribute(
      final String typeName,
      final String logicalId,
      final JsonNode model,
      final JsonNode properties,
      final String attribute,
      final String location) {
    if (isStandIn(typeName)) {
      return StandIns.attribute(typeName, logicalId, model, properties, attribute, location);
    }
    final String problem = attributeProblem(typeName, logicalId, attribute);
    if (problem != null) {
      throw new TemplateException(location, problem);
    }
    final JsonNode value = model.at("/" + attribute.replace('.', '/'));
    if (value.isMissingNode() || value.isNull()) {
      throw new TemplateException(
          location,
          "Fn::GetAtt " + logicalId + "." + attribute + ": the handler returned no " + attribute);
    }
    return value;
  }

  /**
   * The schema's timeoutInMinutes for an action; the provider meta-schema's default is 120 ("the
   * invoker of the handler" stops listening after it).
   */
  public static int timeoutMinutes(final String typeName, final String action) {
    return schema(typeName)
        .path("handlers")
        .path(action.toLowerCase(Locale.ROOT))
        .path("timeoutInMinutes")
        .asInt(120);
  }

  /** The types driven through their handlers, in the order their providers give them. */
  public static Set<String> names() {
    return HANDLED.keySet();
  }
}
