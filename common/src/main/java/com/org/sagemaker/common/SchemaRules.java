package com.org.sagemaker.common;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.json.JSONArray;
import org.json.JSONObject;
import software.amazon.cloudformation.proxy.HandlerErrorCode;

/** Rules read from a type's schema, so the schema stays the single source of truth. */
public final class SchemaRules {

  private final List<String> createOnlyPointers = new ArrayList<>();

  public SchemaRules(final JSONObject schema) {
    final JSONArray createOnly = schema.optJSONArray("createOnlyProperties");
    if (createOnly != null) {
      createOnly.forEach(pointer -> createOnlyPointers.add(pointer.toString()));
    }
  }

  /**
   * Fails with NotUpdatable, naming every create-only property whose value differs between the
   * previous and the desired model (CloudFormation replaces the resource instead).
   */
  public void requireCreateOnlyUnchanged(final Object previousModel, final Object desiredModel) {
    final List<String> changed = changedCreateOnly(previousModel, desiredModel);
    if (!changed.isEmpty()) {
      throw new HandlerFailure(
          HandlerErrorCode.NotUpdatable,
          "Create-only properties cannot be updated in place: "
              + String.join(", ", changed)
              + ". Changing them requires replacing the resource.");
    }
  }

  /** The create-only properties whose value differs; none when there is no previous model. */
  public List<String> changedCreateOnly(final Object previousModel, final Object desiredModel) {
    final List<String> changed = new ArrayList<>();
    if (previousModel == null) {
      return changed;
    }
    final JsonNode before = SdkJson.modelToJson(previousModel);
    final JsonNode after = SdkJson.modelToJson(desiredModel);
    for (final String pointer : createOnlyPointers) {
      final JsonPointer path = JsonPointer.compile(pointer.replaceFirst("^/properties", ""));
      if (!Objects.equals(present(before.at(path)), present(after.at(path)))) {
        changed.add(pointer.replaceFirst("^/properties/", ""));
      }
    }
    return changed;
  }

  private static JsonNode present(final JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node;
  }
}
