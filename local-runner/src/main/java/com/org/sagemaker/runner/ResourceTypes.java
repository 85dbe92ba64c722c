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
    try (InputStream in =
        ResourceTypes.class.getClassLoader().getResourceAsStream(SCHEMAS.get(typeName))) {
      return Template.JSON.readTree(in);
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A property list of the schema, e.g. createOnlyProperties, as property paths. */
  static List<String> pointers(final String typeName, final String list) {
    final List<String> paths = new ArrayList<>();
    schema(typeName)
        .path(list)
        .forEach(p -> paths.add(p.asText().replaceFirst("^/properties", "")));
    return paths;
  }

  /** What Ref returns: the primary identifier, its parts joined by "|". */
  static String ref(final String typeName, final JsonNode model) {
    final List<String> parts = new ArrayList<>();
    for (final String path : pointers(typeName, "primaryIdentifier")) {
      parts.add(model.at(path).asText());
    }
    return String.join("|", parts);
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
