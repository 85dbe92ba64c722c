package com.org.sagemaker.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Moves data between resource models and SageMaker SDK objects through JSON. The schema mirrors the
 * API's member names, so a model's JSON ({@code @JsonProperty} names) is the API's JSON and nested
 * settings need no hand-written field-by-field mapping. Conversions are strict: a JSON member the
 * SDK type does not have is an error, never silently dropped.
 */
public final class SdkJson {

  /** Serializes resource models as CloudFormation sees them: absent values omitted. */
  public static final ObjectMapper MODEL_MAPPER =
      new ObjectMapper()
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private SdkJson() {}

  public static ObjectNode modelToJson(final Object model) {
    return MODEL_MAPPER.valueToTree(model);
  }

  public static <T> T jsonToModel(final JsonNode json, final Class<T> type) {
    try {
      return MODEL_MAPPER.treeToValue(json, type);
    } catch (final JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /** The API member names of an SDK type, e.g. of {@code CreateDomainRequest.builder()}. */
  public static Set<String> memberNames(final SdkPojo pojo) {
    return pojo.sdkFields().stream()
        .map(SdkField::memberName)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The JSON property names of a resource model class. */
  public static Set<String> modelProperties(final Class<?> modelType) {
    return MODEL_MAPPER
        .getSerializationConfig()
        .introspect(MODEL_MAPPER.constructType(modelType))
        .findProperties()
        .stream()
        .map(BeanPropertyDefinition::getName)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** A copy of {@code json} with only the members named in {@code names}. */
  public static ObjectNode retain(final JsonNode json, final Collection<String> names) {
    final ObjectNode kept = JsonNodeFactory.instance.objectNode();
    json.properties()
        .forEach(
            member -> {
              if (names.contains(member.getKey())) {
                kept.set(member.getKey(), member.getValue());
              }
            });
    return kept;
  }

  /** The SDK object's members that are set, by API member name; unset lists and maps omitted. */
  public static ObjectNode toJson(final SdkPojo pojo) {
    final ObjectNode json = JsonNodeFactory.instance.objectNode();
    for (final SdkField<?> field : pojo.sdkFields()) {
      final JsonNode value = valueToJson(field.getValueOrDefault(pojo));
      if (value != null) {
        json.set(field.memberName(), value);
      }
    }
    return json;
  }

  /**
   * Builds an SDK object from {@code json}, whose members must all be members of the SDK type.
   *
   * @param builder a fresh builder of the target type, e.g. {@code CreateDomainRequest.builder()}
   */
  @SuppressWarnings("unchecked")
  public static <T> T build(final SdkBuilder<?, T> builder, final JsonNode json) {
    fill((SdkPojo) builder, json, builder.getClass().getSimpleName());
    return builder.build();
  }

  private static void fill(final SdkPojo builder, final JsonNode json, final String where) {
    final Map<String, SdkField<?>> fields = new LinkedHashMap<>();
    builder.sdkFields().forEach(field -> fields.put(field.memberName(), field));
    for (final Map.Entry<String, JsonNode> member : json.properties()) {
      final SdkField<?> field = fields.get(member.getKey());
      if (field == null) {
        throw new IllegalArgumentException(where + " has no member " + member.getKey());
      }
      if (!member.getValue().isNull()) {
        field.set(builder, jsonToValue(field, member.getValue(), where + "." + member.getKey()));
      }
    }
  }

  private static Object jsonToValue(
      final SdkField<?> field, final JsonNode json, final String where) {
    return switch (field.marshallingType().toString()) {
      case "String" -> json.asText();
      case "Integer" -> json.intValue();
      case "Long" -> json.longValue();
      case "Double" -> json.doubleValue();
      case "Float" -> json.floatValue();
      case "Boolean" -> json.booleanValue();
      case "Instant" -> Instant.parse(json.asText());
      case "SdkPojo" -> {
        final Supplier<SdkPojo> constructor = field.constructor();
        final SdkPojo nested = constructor.get();
        fill(nested, json, where);
        yield ((SdkBuilder<?, ?>) nested).build();
      }
      case "List" -> {
        final SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        final List<Object> list = new ArrayList<>();
        json.forEach(element -> list.add(jsonToValue(member, element, where + "[]")));
        yield list;
      }
      case "Map" -> {
        final SdkField<?> value = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
        final Map<String, Object> map = new LinkedHashMap<>();
        json.properties()
            .forEach(
                e ->
                    map.put(
                        e.getKey(), jsonToValue(value, e.getValue(), where + "." + e.getKey())));
        yield map;
      }
      default ->
          throw new IllegalArgumentException(
              where + ": unsupported member type " + field.marshallingType());
    };
  }

  private static JsonNode valueToJson(final Object value) {
    if (value == null
        || value instanceof SdkAutoConstructList<?>
        || value instanceof SdkAutoConstructMap<?, ?>) {
      return null;
    }
    if (value instanceof SdkPojo pojo) {
      return toJson(pojo);
    }
    if (value instanceof Collection<?> collection) {
      final ArrayNode array = JsonNodeFactory.instance.arrayNode();
      collection.forEach(element -> array.add(valueToJson(element)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      final ObjectNode object = JsonNodeFactory.instance.objectNode();
      map.forEach((k, v) -> object.set(String.valueOf(k), valueToJson(v)));
      return object;
    }
    if (value instanceof Instant instant) {
      return JsonNodeFactory.instance.textNode(instant.toString());
    }
    return MODEL_MAPPER.valueToTree(value);
  }
}
