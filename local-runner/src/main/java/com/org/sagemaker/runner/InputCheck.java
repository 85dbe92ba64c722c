package com.org.sagemaker.runner;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.org.sagemaker.common.HandlerFailure;
import com.org.sagemaker.studiodomain.DomainRules;
import com.org.sagemaker.studiouserprofile.ProfileRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.json.JSONObject;
import software.amazon.cloudformation.resource.Serializer;
import software.amazon.cloudformation.resource.Validator;
import software.amazon.cloudformation.resource.exceptions.ValidationException;

/**
 * The checks a handler makes on its input before any call, made offline: the wrapper's schema
 * validation (the runtime's own {@link Serializer} and {@link Validator} on the type's schema, with
 * the messages the runtime 2.2.5's AbstractWrapper builds from them) and the rules the schema
 * cannot express ({@link DomainRules}, {@link ProfileRules}). The same input gets the same message
 * here as from the handler.
 */
final class InputCheck {

  /** One schema violation: where ({@code #/DomainName}) and what. */
  record Violation(String pointer, String message) {}

  /** A refused input: the handler's error code and message, and the violations in it. */
  record Failure(String errorCode, String message, List<Violation> violations) {}

  private static final Serializer SERIALIZER = new Serializer();
  private static final Validator VALIDATOR = new Validator();
  private static final Map<String, JSONObject> SCHEMAS = new ConcurrentHashMap<>();

  private static final Map<String, TypeReference<?>> MODELS =
      Map.of(
          ResourceTypes.DOMAIN,
          new TypeReference<com.org.sagemaker.studiodomain.ResourceModel>() {},
          ResourceTypes.USER_PROFILE,
          new TypeReference<com.org.sagemaker.studiouserprofile.ResourceModel>() {});

  private InputCheck() {}

  /**
   * The wrapper's validation of a model for CREATE or UPDATE; null when it passes. Violations at or
   * under {@code ignored} pointers (values not known yet) do not count.
   */
  static Failure schema(final String type, final JsonNode properties, final List<String> ignored) {
    final String raw = properties.toString();
    final TypeReference<?> model = MODELS.get(type);
    try {
      SERIALIZER.deserialize(raw, model);
    } catch (final MismatchedInputException e) {
      // The wrapper's request did not deserialize: it validates the raw model and reports the
      // violations in one message, or a generic one if the schema finds none.
      try {
        VALIDATOR.validateObject(new JSONObject(raw), schema(type));
      } catch (final ValidationException v) {
        return failure(
            "Model validation failed (" + ValidationException.buildFullExceptionMessage(v) + ")",
            v,
            ignored);
      }
      return new Failure(
          "InvalidRequest",
          "Resource properties validation failed with invalid configuration",
          List.of());
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
    final Object deserialized;
    try {
      deserialized = SERIALIZER.deserializeStrict(raw, model);
    } catch (final UnrecognizedPropertyException e) {
      final ValidationException extraneous =
          new ValidationException(
              String.format("#: extraneous key [%s] is not permitted", e.getPropertyName()),
              "additionalProperties",
              "#");
      return failure(validationMessage(extraneous), extraneous, ignored);
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      VALIDATOR.validateObject(new JSONObject(SERIALIZER.serialize(deserialized)), schema(type));
    } catch (final ValidationException e) {
      return failure(validationMessage(e), e, ignored);
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
    return null;
  }

  /**
   * The type's own input rules; {@code previous} (the properties last deployed, or null) selects
   * the update rules. Null when they pass.
   */
  static Failure rules(final String type, final JsonNode properties, final JsonNode previous) {
    try {
      if (ResourceTypes.DOMAIN.equals(type)) {
        final com.org.sagemaker.studiodomain.ResourceModel desired = model(type, properties);
        if (previous == null) {
          DomainRules.validate(desired);
        } else {
          DomainRules.validateUpdate(desired, model(type, previous));
        }
      } else {
        ProfileRules.validate(model(type, properties));
      }
      return null;
    } catch (final HandlerFailure e) {
      return new Failure(e.getErrorCode().name(), e.getMessage(), List.of());
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T model(final String type, final JsonNode properties) {
    try {
      return (T) SERIALIZER.deserialize(properties.toString(), MODELS.get(type));
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The runtime's message for a failed validation of the incoming model. */
  private static String validationMessage(final ValidationException e) {
    final StringBuilder message = new StringBuilder();
    if (e.getMessage() == null || e.getMessage().isEmpty()) {
      message.append("Model validation failed with unknown cause.");
    } else {
      message.append(String.format("Model validation failed (%s)", e.getMessage()));
    }
    for (final ValidationException cause : e.getCausingExceptions()) {
      message.append(String.format("%n%s (%s)", cause.getMessage(), cause.getSchemaPointer()));
    }
    return message.toString();
  }

  private static Failure failure(
      final String message, final ValidationException e, final List<String> ignored) {
    final List<ValidationException> causes =
        e.getCausingExceptions().isEmpty() ? List.of(e) : e.getCausingExceptions();
    final List<Violation> violations = new ArrayList<>();
    for (final ValidationException cause : causes) {
      final String text = String.valueOf(cause.getMessage());
      final String pointer = text.startsWith("#") ? text.split(":", 2)[0] : "#";
      if (ignored.stream().noneMatch(p -> pointer.equals(p) || pointer.startsWith(p + "/"))) {
        violations.add(new Violation(pointer, text));
      }
    }
    if (violations.isEmpty()) {
      return null;
    }
    return new Failure(
        "InvalidRequest",
        violations.size() == causes.size()
            ? message
            : "Model validation failed ("
                + String.join(", ", violations.stream().map(Violation::message).toList())
                + ")",
        violations);
  }

  private static JSONObject schema(final String type) {
    return SCHEMAS.computeIfAbsent(type, t -> new JSONObject(ResourceTypes.schema(t).toString()));
  }
}
