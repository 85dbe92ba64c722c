package com.org.sagemaker.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.json.JSONObject;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.cloudformation.resource.ResourceTypeSchema;
import software.amazon.cloudformation.resource.Validator;

/**
 * Checks that a type's schema, its model classes, the SageMaker SDK and its handlers agree: the
 * schema is the source of truth, and these checks fail on any drift from it.
 */
public final class SchemaConformance {

  private static final String SDK_MODEL_PACKAGE =
      "software.amazon.awssdk.services.sagemaker.model.";

  private final JSONObject schema;
  private final Set<String> visitedModels = new HashSet<>();
  private final Set<String> visitedSdk = new HashSet<>();

  public SchemaConformance(final JSONObject schema) {
    this.schema = schema;
  }

  public static JSONObject load(final Path file) {
    try {
      return new JSONObject(Files.readString(file));
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code sanitize} (a type's generated HandlerWrapper.sanitizeModel, on model JSON) leaves out
   * exactly what the runtime's own schema-based removal of writeOnlyProperties leaves out.
   */
  public void assertStripsWriteOnlyLikeTheRuntime(
      final JSONObject model, final java.util.function.UnaryOperator<JsonNode> sanitize) {
    final JSONObject expected = new JSONObject(model.toString());
    ResourceTypeSchema.load(schema).removeWriteOnlyProperties(expected);
    try {
      final JsonNode sanitized = sanitize.apply(SdkJson.MODEL_MAPPER.readTree(model.toString()));
      assertThat(sanitized).isEqualTo(SdkJson.MODEL_MAPPER.readTree(expected.toString()));
      assertThat(pointers("writeOnlyProperties"))
          .isNotEmpty()
          .allSatisfy(
              pointer ->
                  assertThat(sanitized.at(pointer.replaceFirst("^/properties", "")).isMissingNode())
                      .as(pointer)
                      .isTrue());
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Passes the provider meta-schema, as `cfn validate` and registration check it, and every object
   * of the model, nested ones too, refuses properties it does not declare. (The meta-schema itself
   * forbids additionalProperties in a List handler's handlerSchema.)
   */
  public void assertValidResourceSchema() {
    new Validator().loadResourceDefinitionSchema(schema);
    final List<String> open = new ArrayList<>();
    collectOpenObjects(schema.getJSONObject("properties"), "#/properties", open);
    collectOpenObjects(schema.optJSONObject("definitions"), "#/definitions", open);
    if (!Boolean.FALSE.equals(schema.opt("additionalProperties"))) {
      open.add("#");
    }
    assertThat(open).as("objects without additionalProperties: false").isEmpty();
  }

  private static void collectOpenObjects(
      final Object node, final String path, final List<String> open) {
    if (node instanceof JSONObject object) {
      if (object.has("properties") && !Boolean.FALSE.equals(object.opt("additionalProperties"))) {
        open.add(path);
      }
      object.keySet().forEach(key -> collectOpenObjects(object.get(key), path + "/" + key, open));
    } else if (node instanceof org.json.JSONArray array) {
      for (int i = 0; i < array.length(); i++) {
        collectOpenObjects(array.get(i), path + "/" + i, open);
      }
    }
  }

  /** Differences between the schema and the model classes (names, nesting, Java types). */
  public List<String> modelMismatches(final Class<?> resourceModel) {
    final List<String> problems = new ArrayList<>();
    compareObject(schema, resourceModel, "ResourceModel", problems);
    return problems;
  }

  private void compareObject(
      final JSONObject objectSchema,
      final Class<?> type,
      final String path,
      final List<String> problems) {
    if (!visitedModels.add(type.getName())) {
      return;
    }
    final JSONObject properties = objectSchema.optJSONObject("properties", new JSONObject());
    final Map<String, Field> fields = jsonFields(type);
    if (!fields.keySet().equals(properties.keySet())) {
      problems.add(
          path
              + ": schema properties "
              + new TreeSet<>(properties.keySet())
              + " but "
              + type.getSimpleName()
              + " has "
              + new TreeSet<>(fields.keySet()));
      return;
    }
    for (final String name : properties.keySet()) {
      compareType(
          properties.getJSONObject(name),
          fields.get(name).getGenericType(),
          type.getPackageName(),
          path + "." + name,
          problems);
    }
  }

  private void compareType(
      final JSONObject node,
      final Type javaType,
      final String modelPackage,
      final String path,
      final List<String> problems) {
    final JSONObject resolved = resolve(node);
    final String schemaType = resolved.optString("type", "object");
    switch (schemaType) {
      case "string" -> expect(javaType == String.class, path, "String", javaType, problems);
      case "integer" -> expect(javaType == Integer.class, path, "Integer", javaType, problems);
      case "number" -> expect(javaType == Double.class, path, "Double", javaType, problems);
      case "boolean" -> expect(javaType == Boolean.class, path, "Boolean", javaType, problems);
      case "array" -> {
        if (javaType instanceof ParameterizedType list && list.getRawType() == List.class) {
          compareType(
              resolved.getJSONObject("items"),
              list.getActualTypeArguments()[0],
              modelPackage,
              path + "[]",
              problems);
        } else {
          problems.add(path + ": array but Java type " + javaType.getTypeName());
        }
      }
      default -> {
        if (resolved.has("properties")) {
          final String expected = node.has("$ref") ? refName(node) : null;
          if (!(javaType instanceof Class<?> cls)
              || (expected != null && !cls.getSimpleName().equals(expected))) {
            problems.add(
                path + ": object " + expected + " but Java type " + javaType.getTypeName());
          } else {
            compareObject(resolved, cls, path, problems);
          }
        } else if (!(javaType instanceof ParameterizedType map && map.getRawType() == Map.class)) {
          problems.add(path + ": map but Java type " + javaType.getTypeName());
        }
      }
    }
  }

  private static void expect(
      final boolean ok,
      final String path,
      final String expected,
      final Type actual,
      final List<String> problems) {
    if (!ok) {
      problems.add(path + ": expected " + expected + " but Java type " + actual.getTypeName());
    }
  }

  private static Map<String, Field> jsonFields(final Class<?> type) {
    final Map<String, Field> fields = new java.util.LinkedHashMap<>();
    for (final Field field : type.getDeclaredFields()) {
      final com.fasterxml.jackson.annotation.JsonProperty json =
          field.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
      if (json != null) {
        fields.put(json.value(), field);
      }
    }
    return fields;
  }

  /**
   * Differences between schema properties and SDK members, names and types, down through every
   * nested settings type: {@code fields} are the SDK members the properties must mirror.
   */
  public List<String> sdkMismatches(final Map<String, SdkField<?>> fields) {
    final List<String> problems = new ArrayList<>();
    final JSONObject properties = schema.getJSONObject("properties");
    for (final Map.Entry<String, SdkField<?>> field : fields.entrySet()) {
      if (!properties.has(field.getKey())) {
        problems.add("missing property " + field.getKey());
      } else {
        compareSdk(
            properties.getJSONObject(field.getKey()), field.getValue(), field.getKey(), problems);
      }
    }
    return problems;
  }

  /** Every member of the given SDK types, by name (first type wins for shared names). */
  public static Map<String, SdkField<?>> members(final SdkPojo... types) {
    final Map<String, SdkField<?>> members = new java.util.LinkedHashMap<>();
    for (final SdkPojo type : types) {
      type.sdkFields().forEach(field -> members.putIfAbsent(field.memberName(), field));
    }
    return members;
  }

  private void compareSdk(
      final JSONObject node,
      final SdkField<?> field,
      final String path,
      final List<String> problems) {
    final JSONObject resolved = resolve(node);
    final String schemaType = resolved.optString("type", "object");
    final String sdkType = field.marshallingType().toString();
    switch (sdkType) {
      case "String" -> expectType(schemaType, "string", path, problems);
      case "Integer", "Long" -> expectType(schemaType, "integer", path, problems);
      case "Double", "Float" -> expectType(schemaType, "number", path, problems);
      case "Boolean" -> expectType(schemaType, "boolean", path, problems);
      case "List" -> {
        if (expectType(schemaType, "array", path, problems)) {
          compareSdk(
              resolved.getJSONObject("items"),
              field.getRequiredTrait(ListTrait.class).memberFieldInfo(),
              path + "[]",
              problems);
        }
      }
      case "Map" -> {
        if (expectType(schemaType, "object", path, problems)) {
          final JSONObject patterns = resolved.getJSONObject("patternProperties");
          compareSdk(
              patterns.getJSONObject(patterns.keys().next()),
              field.getRequiredTrait(MapTrait.class).valueFieldInfo(),
              path + "{}",
              problems);
        }
      }
      case "SdkPojo" -> {
        final SdkPojo nested = field.constructor().get();
        final String sdkName = nested.getClass().getEnclosingClass().getSimpleName();
        if (!node.has("$ref") || !refName(node).equals(sdkName)) {
          problems.add(path + ": expected $ref to definitions/" + sdkName);
        } else if (visitedSdk.add(sdkName)) {
          compareDefinition(sdkName, nested, problems);
        }
      }
      default -> problems.add(path + ": unsupported SDK type " + sdkType);
    }
  }

  private void compareDefinition(
      final String name, final SdkPojo sdk, final List<String> problems) {
    final JSONObject properties =
        schema.getJSONObject("definitions").getJSONObject(name).getJSONObject("properties");
    final Set<String> sdkNames =
        sdk.sdkFields().stream()
            .map(SdkField::memberName)
            .collect(Collectors.toCollection(TreeSet::new));
    if (!sdkNames.equals(new TreeSet<>(properties.keySet()))) {
      problems.add(
          "definitions/"
              + name
              + ": schema "
              + new TreeSet<>(properties.keySet())
              + " but SDK "
              + sdkNames);
    }
    for (final SdkField<?> field : sdk.sdkFields()) {
      if (properties.has(field.memberName())) {
        compareSdk(
            properties.getJSONObject(field.memberName()),
            field,
            name + "." + field.memberName(),
            problems);
      }
    }
  }

  private static boolean expectType(
      final String actual, final String expected, final String path, final List<String> problems) {
    if (!actual.equals(expected)) {
      problems.add(path + ": schema type " + actual + " but SDK needs " + expected);
      return false;
    }
    return true;
  }

  private JSONObject resolve(final JSONObject node) {
    return node.has("$ref")
        ? schema.getJSONObject("definitions").getJSONObject(refName(node))
        : node;
  }

  private static String refName(final JSONObject node) {
    final String ref = node.getString("$ref");
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  /** An SDK model class by its simple name, for definitions named after API shapes. */
  public static SdkPojo sdkShape(final String name) {
    try {
      return (SdkPojo) Class.forName(SDK_MODEL_PACKAGE + name).getMethod("builder").invoke(null);
    } catch (final ReflectiveOperationException e) {
      throw new IllegalArgumentException("no SDK shape " + name, e);
    }
  }

  /** The pointers of one of the schema's property lists, e.g. readOnlyProperties. */
  public Set<String> pointers(final String list) {
    final Set<String> pointers = new TreeSet<>();
    schema.optJSONArray(list, new org.json.JSONArray()).forEach(p -> pointers.add(p.toString()));
    return pointers;
  }

  /** The committed docs/ and resource-role.yaml are what the schema generates. */
  public static void assertGeneratedFilesCommitted(final Path schemaFile) {
    try {
      final com.fasterxml.jackson.databind.JsonNode json =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(schemaFile.toFile());
      final Map<String, String> committed = new java.util.TreeMap<>();
      try (java.util.stream.Stream<Path> files = Files.list(Path.of("docs"))) {
        for (final Path file : files.toList()) {
          committed.put(file.getFileName().toString(), Files.readString(file));
        }
      }
      final String regenerate =
          " (regenerate: mvn -q -pl model-codegen compile exec:java@generate-type-files)";
      assertThat(committed)
          .as("docs/" + regenerate)
          .isEqualTo(
              new java.util.TreeMap<>(com.org.sagemaker.codegen.DocsGenerator.generate(json)));
      assertThat(Files.readString(Path.of("resource-role.yaml")))
          .as("resource-role.yaml" + regenerate)
          .isEqualTo(com.org.sagemaker.codegen.ResourceRoleGenerator.generate(json));
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Property names of schema pointers, e.g. "/properties/DomainId" -> "DomainId". */
  public static Set<String> names(final Set<String> pointers) {
    return pointers.stream()
        .map(p -> p.replaceFirst("^/properties/", ""))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * Validates a contract-test input file against the schema; throws the validator's error if
   * invalid. As in {@code cfn test}, its {@code {{Export}}} placeholders are resolved first, here
   * with {@link ContractTestInputs#EXAMPLE_EXPORTS}.
   */
  public void validateInput(final Path file) {
    try {
      final String resolved =
          ContractTestInputs.render(Files.readString(file), ContractTestInputs.EXAMPLE_EXPORTS);
      new Validator().validateObject(new JSONObject(resolved), schema);
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void assertNoProblems(final List<String> problems) {
    assertThat(problems).as("schema conformance problems").isEmpty();
  }
}
