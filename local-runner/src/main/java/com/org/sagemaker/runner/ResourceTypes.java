package com.org.sagemaker.runner;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The registry types this project provides, each by its handler entry point. */
public final class ResourceTypes {

  public static final String DOMAIN = "Org::SageMaker::StudioDomain";
  public static final String USER_PROFILE = "Org::SageMaker::StudioUserProfile";

  private static final Map<String, Supplier<RequestStreamHandler>> HANDLERS =
      Map.of(
          DOMAIN, com.org.sagemaker.studiodomain.HandlerWrapper::new,
          USER_PROFILE, com.org.sagemaker.studiouserprofile.HandlerWrapper::new);

  private static final Map<String, String> SCHEMAS =
      Map.of(
          DOMAIN, "org-sagemaker-studiodomain.json",
          USER_PROFILE, "org-sagemaker-studiouserprofile.json");

  private ResourceTypes() {}

  /** Each schema, parsed once: Deployer consults them for every resource and drift check. */
  private static final Map<String, JsonNode> PARSED = new ConcurrentHashMap<>();

  /** The type's schema, as its handler jar carries it. */
  static JsonNode schema(final String typeName) {
    requireSupported(typeName);
    return PARSED.computeIfAbsent(typeName, ResourceTypes::parse);
  }

  private static JsonNode parse(final String typeName) {
    try (InputStream in = schemaFile(typeName)) {
      return Template.JSON.readTree(in);
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema file as the type's handler jar carries it at its root. */
  static InputStream schemaFile(final String typeName) {
    requireSupported(typeName);
    return ResourceTypes.class.getClassLoader().getResourceAsStream(SCHEMAS.get(typeName));
  }

  /** A property list of the schema, e.g. createOnlyProperties, as property paths. */
  static List<String> pointers(final String typeName, final String list) {
    final List<String> paths = new ArrayList<>();
    schema(typeName)
        .path(list)
        .forEach(p -> paths.add(p.asText().replaceFirst("^/properties", "")));
    return paths;
  }

  /**
   * What Ref returns: for this project's types the primary identifier, its parts joined by "|" (the
   * join of a composite identifier is not established from AWS documentation); for a stand-in the
   * Ref it was given.
   */
  static String ref(final String typeName, final JsonNode model) {
    if (isStandIn(typeName)) {
      return model.path(StandIns.REF).asText();
    }
    final List<String> parts = new ArrayList<>();
    for (final String path : pointers(typeName, "primaryIdentifier")) {
      parts.add(model.at(path).asText());
    }
    return String.join("|", parts);
  }

  /** True unless the type is one of this project's: those are deployed, the rest stand in. */
  static boolean isStandIn(final String typeName) {
    return !HANDLERS.containsKey(typeName);
  }

  /**
   * Why Fn::GetAtt {@code attribute} cannot be asked of the resource, or null when it can. A
   * registry type's attributes are its readOnlyProperties (cfn-lint's model, and the generated
   * docs' "Fn::GetAtt" section), nested ones written with dots.
   */
  static String attributeProblem(
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
  static JsonNode attribute(
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
  static int timeoutMinutes(final String typeName, final String action) {
    return schema(typeName)
        .path("handlers")
        .path(action.toLowerCase(java.util.Locale.ROOT))
        .path("timeoutInMinutes")
        .asInt(120);
  }

  public static Set<String> names() {
    return HANDLERS.keySet();
  }

  /** A new instance of the type's HandlerWrapper, as Lambda would create it. */
  static RequestStreamHandler handler(final String typeName) {
    requireSupported(typeName);
    return HANDLERS.get(typeName).get();
  }

  private static void requireSupported(final String typeName) {
    if (!HANDLERS.containsKey(typeName)) {
      throw new IllegalArgumentException(
          "Unsupported resource type " + typeName + "; supported: " + names());
    }
  }
}
