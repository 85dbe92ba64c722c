package com.org.sagemaker.runner.studio;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.org.sagemaker.common.HandlerFailure;
import com.org.sagemaker.common.Tagging;
import com.org.sagemaker.runner.template.Template;
import com.org.sagemaker.runner.types.HandledType;
import com.org.sagemaker.runner.types.InputFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One of this project's types as the runner drives it: its handler jar's HandlerWrapper and schema
 * file, its model class, and the checks its handlers make before any call that the schema cannot
 * express, run by the handlers' own code (the type's {@code checkBeforeCreate} / {@code
 * checkBeforeUpdate} in common, a {@link HandlerFailure} when they fail, as from the handler).
 *
 * @param <M> the type's generated ResourceModel
 */
final class StudioType<M> implements HandledType {

  private final String typeName;
  private final String schemaFile;
  private final Supplier<RequestStreamHandler> handler;
  private final TypeReference<M> model;
  private final com.org.sagemaker.common.lifecycle.StudioType<M, ?, ?, ?> checks;

  /**
   * @param schemaFile the schema's file name at the root of the handler jar
   * @param checks the handlers' own type descriptor, for their checks before any call
   */
  StudioType(
      final String typeName,
      final String schemaFile,
      final Supplier<RequestStreamHandler> handler,
      final TypeReference<M> model,
      final com.org.sagemaker.common.lifecycle.StudioType<M, ?, ?, ?> checks) {
    this.typeName = typeName;
    this.schemaFile = schemaFile;
    this.handler = handler;
    this.model = model;
    this.checks = checks;
  }

  @Override
  public String typeName() {
    return typeName;
  }

  @Override
  public JsonNode schema() {
    try (InputStream in = StudioType.class.getClassLoader().getResourceAsStream(schemaFile)) {
      return Template.JSON.readTree(in);
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public RequestStreamHandler newHandler() {
    return handler.get();
  }

  @Override
  public InputFailure checkSchema(final JsonNode properties, final List<String> unknownPointers) {
    return InputCheck.schema(typeName, model, properties, unknownPointers);
  }

  @Override
  public InputFailure checkRules(
      final JsonNode properties, final JsonNode previous, final Map<String, String> stackTags) {
    try {
      final M desired = InputCheck.model(model, properties);
      final M last = previous == null ? null : InputCheck.model(model, previous);
      final Map<String, String> tags = desiredResourceTags(stackTags, desired);
      // A changed create-only property makes the stack replace the resource: a create.
      if (last == null || checks.replacedBy(last, desired)) {
        checks.checkBeforeCreate(desired, tags);
      } else {
        checks.checkBeforeUpdate(desired, last, tags);
      }
      return null;
    } catch (final HandlerFailure e) {
      return new InputFailure(e.getErrorCode().name(), e.getMessage(), List.of());
    }
  }

  /**
   * The handler's desiredResourceTags: the runtime's AbstractWrapper.getDesiredResourceTags puts
   * the stack tags, then overlays the model's own (each type's Configuration.resourceDefinedTags,
   * which is {@link Tagging#resourceTags}).
   */
  private static Map<String, String> desiredResourceTags(
      final Map<String, String> stackTags, final Object model) {
    final Map<String, String> tags = new HashMap<>(stackTags);
    final Map<String, String> own = Tagging.resourceTags(model);
    if (own != null) {
      tags.putAll(own);
    }
    return tags;
  }
}
