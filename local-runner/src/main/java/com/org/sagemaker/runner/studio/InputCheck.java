package com.org.sagemaker.runner.studio;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.org.sagemaker.runner.types.InputFailure;
import com.org.sagemaker.runner.types.ResourceTypes;
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
 * The wrapper's schema validation of a handler's input, made offline: the runtime's own {@link
 * Serializer} and {@link Validator} on the type's schema and model class, with the messages the
 * runtime 2.2.5's AbstractWrapper builds from them. The same input gets the same message here as
 * from the handler.
 */
final class InputCheck {

  private static final Serializer SERIALIZER = new Serializer();
  private static final Validator VALIDATOR = new Validator();
  private static final Map<String, JSONObject> SCHEMAS = new ConcurrentHashMap<>();

  private InputCheck() {}

  /**
   * The wrapper's validation of a model of {@code type} (deserialized as {@code model}) for CREATE
   * or UPDATE; null when it passes. Violations at or under {@code ignored} pointers (values not
   * known yet) do not count.
   */
  static InputFailure schema(
      final String type,
      final TypeReference<?> model,
      final JsonNode properties,
      final List<String> ignored) {
    final String raw = properties.toString();
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
      return new InputFailure(
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

  /** The properties as the handler's model class, as the wrapper deserializes its request. */
  static <M> M model(final TypeReference<M> model, final JsonNode properties) {
    try {
      return SERIALIZER.deserialize(properties.toString(), model);
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

  private static InputFailure failure(
      final String message, final ValidationException e, final List<String> ignored) {
    final List<ValidationException> causes =
        e.getCausingExceptions().isEmpty() ? List.of(e) : e.getCausingExceptions();
    final List<InputFailure.Violation> violations = new ArrayList<>();
    for (final ValidationException cause : causes) {
      final String text = String.valueOf(cause.getMessage());
      final String pointer = text.startsWith("#") ? text.split(":", 2)[0] : "#";
      if (ignored.stream().noneMatch(p -> pointer.equals(p) || pointer.startsWith(p + "/"))) {
        violations.add(new InputFailure.Violation(pointer, text));
      }
    }
    if (violations.isEmpty()) {
      return null;
    }
    return new InputFailure(
        "InvalidRequest",
        violations.size() == causes.size()
            ? message
            : "Model validation failed ("
                + String.join(
                    ", ", violations.stream().map(InputFailure.Violation::message).toList())
                + ")",
        violations);
  }

  private static JSONObject schema(final String type) {
    return SCHEMAS.computeIfAbsent(type, t -> new JSONObject(ResourceTypes.schema(t).toString()));
  }
}
