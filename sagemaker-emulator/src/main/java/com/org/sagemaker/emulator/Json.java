package com.org.sagemaker.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The few JSON helpers every resource family uses. */
final class Json {

  private static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

  private Json() {}

  static ObjectNode object() {
    return FACTORY.objectNode();
  }

  /** A member's text, or null when it is absent or null. */
  static String text(final JsonNode node, final String member) {
    final JsonNode value = node.get(member);
    return value == null || value.isNull() ? null : value.asText();
  }

  /**
   * Deep-merges {@code changes} into {@code target}: objects member by member, the rest replaced.
   */
  static void merge(final ObjectNode target, final JsonNode changes) {
    changes
        .properties()
        .forEach(
            member -> {
              final JsonNode existing = target.get(member.getKey());
              if (existing instanceof ObjectNode object && member.getValue().isObject()) {
                merge(object, member.getValue());
              } else {
                target.set(member.getKey(), member.getValue().deepCopy());
              }
            });
  }
}
