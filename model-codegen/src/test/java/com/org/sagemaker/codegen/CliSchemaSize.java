package com.org.sagemaker.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * A resource schema's size as cloudformation-cli measures it before validate, generate, test and
 * submit (src/rpdk/core/data_loaders.py, {@code load_resource_spec}, in every release since
 * 0.2.39):
 *
 * <pre>
 * MAX_CONFIGURATION_SCHEMA_LENGTH = 60 * 1024  # 60 KiB
 * ...
 *     resource_spec = json.load(resource_spec_file)
 *     ...
 *     # check TypeConfiguration schema size
 *     if len(json.dumps(resource_spec).encode("utf-8")) &gt; MAX_CONFIGURATION_SCHEMA_LENGTH:
 *         raise SpecValidationError(
 *             "TypeConfiguration schema exceeds maximum length of 60 KiB"
 *         )
 * </pre>
 *
 * That is the file as loaded, before any other processing ($refs are inlined only later),
 * re-serialized by {@code json.dumps} with its defaults: separators {@code ", "} and {@code ": "},
 * keys in file order (a repeated key keeps its first place and its last value, as in Jackson's
 * tree), {@code ensure_ascii}: every character outside space..~ as a lowercase {@code \}{@code
 * uXXXX} escape (UTF-16 units, so a character beyond the BMP is two), except the short escapes for
 * quote, backslash, newline, carriage return, tab, backspace and form feed. The output is then
 * ASCII, so its UTF-8 length is its length in characters.
 */
final class CliSchemaSize {

  /** The CLI's MAX_CONFIGURATION_SCHEMA_LENGTH. */
  static final int CLI_LIMIT = 60 * 1024;

  private static final Map<Character, String> SHORT_ESCAPES =
      Map.of(
          '"', "\\\"", '\\', "\\\\", '\n', "\\n", '\r', "\\r", '\t', "\\t", '\b', "\\b", '\f',
          "\\f");

  private CliSchemaSize() {}

  /** {@code len(json.dumps(json.load(file)).encode("utf-8"))}. */
  static int of(final Path schema) throws IOException {
    return dumps(new ObjectMapper().readTree(schema.toFile()))
        .getBytes(StandardCharsets.UTF_8)
        .length;
  }

  /** Python's {@code json.dumps(value)} with default arguments. */
  static String dumps(final JsonNode value) {
    final StringBuilder out = new StringBuilder();
    dump(value, out);
    return out.toString();
  }

  private static void dump(final JsonNode value, final StringBuilder out) {
    if (value.isObject()) {
      out.append('{');
      String separator = "";
      for (final Map.Entry<String, JsonNode> member : value.properties()) {
        out.append(separator);
        string(member.getKey(), out);
        out.append(": ");
        dump(member.getValue(), out);
        separator = ", ";
      }
      out.append('}');
    } else if (value.isArray()) {
      out.append('[');
      String separator = "";
      for (final JsonNode element : value) {
        out.append(separator);
        dump(element, out);
        separator = ", ";
      }
      out.append(']');
    } else if (value.isTextual()) {
      string(value.textValue(), out);
    } else if (value.isIntegralNumber()) {
      out.append(value.bigIntegerValue());
    } else if (value.isBoolean() || value.isNull()) {
      out.append(value.asText());
    } else {
      // A float would need Python's shortest repr; no schema here has one, so refuse, not guess.
      throw new IllegalArgumentException("json.dumps of " + value + " is not ported");
    }
  }

  private static void string(final String text, final StringBuilder out) {
    out.append('"');
    for (final char c : text.toCharArray()) {
      if (SHORT_ESCAPES.containsKey(c)) {
        out.append(SHORT_ESCAPES.get(c));
      } else if (c < ' ' || c > '~') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
