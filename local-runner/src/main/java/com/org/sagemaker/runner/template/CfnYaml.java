package com.org.sagemaker.runner.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes a template, read by {@link TemplateYaml} with every intrinsic in its long form, back as
 * YAML with the short forms. Every function is kept as it is, evaluated or not: a migration must
 * carry over what it does not understand.
 */
public final class CfnYaml {

  private CfnYaml() {}

  /** The template as YAML, with each intrinsic in its short form where YAML allows one. */
  public static String write(final JsonNode template) {
    final DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setSplitLines(false);
    options.setDereferenceAliases(true);
    return unquoted(new Yaml(new ShortFormRepresenter(options), options).dump(plain(template)));
  }

  /** A name after a tag: letters, digits, _ . / - ; in block context also AWS::Region and such. */
  private static final Pattern QUOTED_NAME =
      Pattern.compile("((?:^|: |- |\\[|, )\\s*)(![A-Za-z]+) '([A-Za-z0-9][A-Za-z0-9_./-]*)'");

  private static final Pattern QUOTED_BLOCK_NAME =
      Pattern.compile(
          "^([^\\[\\]{}'\"]*(?:: |- ))(![A-Za-z]+) '([A-Za-z0-9][A-Za-z0-9_./-]*(?:::[A-Za-z0-9_./-]+)+)'$");

  private static final Pattern BLOCK_SCALAR = Pattern.compile(".*(?:: |- )[|>][0-9+-]*$");

  /**
   * SnakeYAML quotes every scalar with an explicit tag ({@code !Ref 'VpcId'}); names are written
   * plain, as people write them. Lines inside literal blocks are text and stay as they are.
   */
  private static String unquoted(final String yaml) {
    final StringBuilder out = new StringBuilder();
    int blockIndent = -1;
    for (final String line : yaml.split("\n", -1)) {
      final int indent = line.length() - line.stripLeading().length();
      if (blockIndent >= 0 && (line.isBlank() || indent > blockIndent)) {
        out.append(line).append('\n');
        continue;
      }
      blockIndent = BLOCK_SCALAR.matcher(line).matches() ? indent : -1;
      final String names = QUOTED_NAME.matcher(line).replaceAll("$1$2 $3");
      out.append(QUOTED_BLOCK_NAME.matcher(names).replaceAll("$1$2 $3")).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  /** One intrinsic function call to be written with its short-form tag. */
  private static final class ShortForm {
    final String tag;
    final Object argument;

    ShortForm(final String tag, final Object argument) {
      this.tag = tag;
      this.argument = argument;
    }
  }

  /** A list inside a long intrinsic, written on one line. */
  private record OneLine(List<?> list) {}

  /** Plain Java values for SnakeYAML, with intrinsics that can be short as {@link ShortForm}. */
  private static Object plain(final JsonNode node) {
    if (node.isObject()) {
      if (node.size() == 1) {
        final String key = node.fieldNames().next();
        final ShortForm shortForm = shortForm(key, node.get(key));
        if (shortForm != null) {
          return shortForm;
        }
      }
      final Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      final List<Object> list = new ArrayList<>();
      node.forEach(element -> list.add(plain(element)));
      return list;
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNull() ? null : node.asText();
  }

  private static ShortForm shortForm(final String function, final JsonNode argument) {
    final String tag =
        TemplateYaml.SHORT_FORMS.entrySet().stream()
            .filter(e -> e.getValue().equals(function))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(null);
    // Ref and Condition take a name; a one-key map {"Condition": {...}} is an IAM policy's, say.
    final boolean takesName = "!Ref".equals(tag) || "!Condition".equals(tag);
    if (tag == null || (takesName && !argument.isTextual())) {
      return null;
    }
    if ("!GetAtt".equals(tag)
        && argument.size() == 2
        && argument.get(0).isTextual()
        && argument.get(1).isTextual()) {
      return new ShortForm(tag, argument.get(0).asText() + "." + argument.get(1).asText());
    }
    final Object value = plain(argument);
    // A YAML node has one tag: !Base64 !Sub ... cannot be written, so the outer one stays long.
    return value instanceof ShortForm ? null : new ShortForm(tag, value);
  }

  /** Writes {@link ShortForm}s as tagged nodes; short argument lists on one line. */
  private static final class ShortFormRepresenter extends Representer {
    ShortFormRepresenter(final DumperOptions options) {
      super(options);
      representers.put(
          ShortForm.class,
          data -> {
            final ShortForm call = (ShortForm) data;
            final Tag tag = new Tag(call.tag);
            if (call.argument instanceof List<?> list) {
              if (fitsOnOneLine(list)) {
                return representSequence(tag, list, DumperOptions.FlowStyle.FLOW);
              }
              // !Join's list of parts on a line of its own, when it fits.
              final List<Object> parts = new ArrayList<>();
              for (final Object part : list) {
                parts.add(
                    part instanceof List<?> inner && fitsOnOneLine(inner)
                        ? new OneLine(inner)
                        : part);
              }
              return representSequence(tag, parts, DumperOptions.FlowStyle.BLOCK);
            }
            if (call.argument instanceof Map<?, ?> map) {
              return representMapping(tag, map, DumperOptions.FlowStyle.BLOCK);
            }
            return representScalar(tag, String.valueOf(call.argument));
          });
      representers.put(
          OneLine.class,
          data -> representSequence(Tag.SEQ, ((OneLine) data).list, DumperOptions.FlowStyle.FLOW));
      final Represent plainString = representers.get(String.class);
      // Multi-line text (inline code, policies) reads best as a literal block.
      representers.put(
          String.class,
          data ->
              ((String) data).contains("\n")
                  ? representScalar(Tag.STR, (String) data, DumperOptions.ScalarStyle.LITERAL)
                  : plainString.representData(data));
    }

    private static boolean fitsOnOneLine(final List<?> list) {
      return length(list) <= 80;
    }

    /** About how long {@code value} is on one line; a mapping or line break never fits. */
    private static int length(final Object value) {
      if (value instanceof ShortForm call) {
        return call.tag.length() + 1 + length(call.argument);
      }
      if (value instanceof List<?> list) {
        int length = 2;
        for (final Object element : list) {
          length = Math.addExact(length, length(element) + 2);
        }
        return length;
      }
      if (value instanceof Map<?, ?> || String.valueOf(value).contains("\n")) {
        return 1_000;
      }
      return String.valueOf(value).length() + 2;
    }
  }
}
