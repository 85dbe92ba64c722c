package com.org.sagemaker.codegen;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How Python and Jinja see the JSON values cloudformation-cli loads with {@code json.load}: what is
 * truthy in an {@code {% if %}}, and what {@code {{ value }}} prints ({@code str()}).
 */
final class Python {

  private Python() {}

  /** False for a missing value, null, false, 0, "", [] and {}, as in Python. */
  static boolean truthy(final JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return false;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isNumber()) {
      return value.doubleValue() != 0;
    }
    if (value.isTextual()) {
      return !value.textValue().isEmpty();
    }
    return !value.isEmpty();
  }

  /**
   * {@code str(value)}. Only what a docs template prints of these schemas is ported: text, integers
   * and booleans; a float would need Python's repr and is refused.
   */
  static String str(final JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue().toString();
    }
    if (value.isBoolean()) {
      return value.booleanValue() ? "True" : "False";
    }
    throw new IllegalArgumentException("str() of " + value.getNodeType() + " is not ported");
  }
}
