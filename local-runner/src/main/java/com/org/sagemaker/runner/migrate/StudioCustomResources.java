package com.org.sagemaker.runner.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.runner.studio.StudioTypes;
import com.org.sagemaker.runner.template.References;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the custom resources of the aws-samples/cloudformation-studio-domain pattern in a template,
 * and the Lambda functions behind them. A custom resource is the sample's domain (profile) when
 *
 * <ol>
 *   <li>its type is {@code Custom::StudioDomain} ({@code Custom::UserProfile}), the sample's names;
 *       or
 *   <li>it is any other custom resource ({@code Custom::*} or {@code
 *       AWS::CloudFormation::CustomResource}) whose ServiceToken refers to a function of the
 *       template that is recognisably the sample's: its {@code Handler} module or its code's S3 key
 *       is {@code domain_function} ({@code UserProfile_function}), as in the sample's template
 *       ({@code Handler: domain_function.lambda_handler}, {@code S3Key: domain_function.zip}), or
 *       it is the ServiceToken of a resource recognised by rule 1.
 * </ol>
 */
final class StudioCustomResources {

  /** The two kinds of custom resource the sample has, and the type each becomes. */
  enum Kind {
    DOMAIN(StudioTypes.DOMAIN, "Custom::StudioDomain", "domain_function"),
    PROFILE(StudioTypes.USER_PROFILE, "Custom::UserProfile", "UserProfile_function");

    final String newType;
    final String customType;
    final String functionModule;

    Kind(final String newType, final String customType, final String functionModule) {
      this.newType = newType;
      this.customType = customType;
      this.functionModule = functionModule;
    }
  }

  /** A custom resource to migrate, and its provider function in the template if it has one. */
  record Found(String logicalId, Kind kind, String provider) {}

  static final Set<String> FUNCTION_TYPES =
      Set.of("AWS::Lambda::Function", "AWS::Serverless::Function");

  private StudioCustomResources() {}

  static Map<String, Found> find(final ObjectNode resources) {
    final Map<String, Kind> providers = new HashMap<>();
    resources
        .properties()
        .forEach(
            e -> {
              final Kind kind = byCode(e.getValue());
              if (kind != null) {
                providers.put(e.getKey(), kind);
              }
            });
    resources
        .properties()
        .forEach(
            e -> {
              final Kind kind = byTypeName(e.getValue());
              final String provider = provider(e.getValue(), resources);
              if (kind != null && provider != null) {
                providers.putIfAbsent(provider, kind);
              }
            });
    final Map<String, Found> found = new LinkedHashMap<>();
    resources
        .properties()
        .forEach(
            e -> {
              if (isCustomResource(e.getValue())) {
                final String provider = provider(e.getValue(), resources);
                final Kind byName = byTypeName(e.getValue());
                final Kind kind = byName != null ? byName : providers.get(provider);
                if (kind != null) {
                  found.put(e.getKey(), new Found(e.getKey(), kind, provider));
                }
              }
            });
    return found;
  }

  static boolean isCustomResource(final JsonNode resource) {
    final String type = resource.path("Type").asText();
    return type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource");
  }

  private static Kind byTypeName(final JsonNode resource) {
    final String type = resource.path("Type").asText();
    for (final Kind kind : Kind.values()) {
      if (kind.customType.equals(type)) {
        return kind;
      }
    }
    return null;
  }

  /** The function of the template that the ServiceToken names, if exactly one. */
  private static String provider(final JsonNode resource, final ObjectNode resources) {
    if (!isCustomResource(resource)) {
      return null;
    }
    final Set<String> functions = new LinkedHashSet<>();
    for (final String name : References.names(resource.path("Properties").path("ServiceToken"))) {
      if (FUNCTION_TYPES.contains(resources.path(name).path("Type").asText())) {
        functions.add(name);
      }
    }
    return functions.size() == 1 ? functions.iterator().next() : null;
  }

  private static Kind byCode(final JsonNode resource) {
    if (!FUNCTION_TYPES.contains(resource.path("Type").asText())) {
      return null;
    }
    final JsonNode properties = resource.path("Properties");
    final String handler = properties.path("Handler").asText("");
    final String module =
        handler.contains(".") ? handler.substring(0, handler.lastIndexOf('.')) : "";
    final String key = properties.path("Code").path("S3Key").asText("");
    final String zip = key.substring(key.lastIndexOf('/') + 1).replaceFirst("\\.zip$", "");
    for (final Kind kind : Kind.values()) {
      final String wanted = kind.functionModule.toLowerCase(Locale.ROOT);
      if (module.toLowerCase(Locale.ROOT).equals(wanted)
          || zip.toLowerCase(Locale.ROOT).equals(wanted)) {
        return kind;
      }
    }
    return null;
  }
}
