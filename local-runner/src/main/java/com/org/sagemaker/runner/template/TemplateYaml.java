package com.org.sagemaker.runner.template;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a template, YAML or JSON, into a JSON tree with every short-form intrinsic ({@code !Ref},
 * {@code !GetAtt a.b}, {@code !Join}, ...) in its long form ({@code {"Ref": ...}}, {@code
 * {"Fn::GetAtt": [a, b]}}, {@code {"Fn::Join": ...}}), as CloudFormation reads them.
 */
public final class TemplateYaml {

  /**
   * The YAML short forms CloudFormation defines, each with its long-form key (intrinsic function
   * reference, CloudFormation User Guide).
   */
  static final Map<String, String> SHORT_FORMS =
      Map.ofEntries(
          Map.entry("!Ref", "Ref"),
          Map.entry("!Condition", "Condition"),
          Map.entry("!GetAtt", "Fn::GetAtt"),
          Map.entry("!Sub", "Fn::Sub"),
          Map.entry("!Join", "Fn::Join"),
          Map.entry("!Select", "Fn::Select"),
          Map.entry("!Split", "Fn::Split"),
          Map.entry("!If", "Fn::If"),
          Map.entry("!Equals", "Fn::Equals"),
          Map.entry("!Not", "Fn::Not"),
          Map.entry("!And", "Fn::And"),
          Map.entry("!Or", "Fn::Or"),
          Map.entry("!FindInMap", "Fn::FindInMap"),
          Map.entry("!GetAZs", "Fn::GetAZs"),
          Map.entry("!ImportValue", "Fn::ImportValue"),
          Map.entry("!Base64", "Fn::Base64"),
          Map.entry("!Cidr", "Fn::Cidr"),
          Map.entry("!Transform", "Fn::Transform"));

  private TemplateYaml() {}

  /**
   * A key given twice keeps its last value, as CloudFormation does: it accepts such templates, JSON
   * and YAML alike (aws-cloudformation/cfn-language-discussion#96, aws/aws-cli#2404).
   */
  public static JsonNode read(final String text, final String name) {
    final JsonNode document =
        text.stripLeading().startsWith("{")
            ? json(text, name)
            : Template.JSON.valueToTree(yaml(text, name));
    if (document == null || !document.isObject()) {
      throw new TemplateException(name, "a template is a mapping with Resources");
    }
    return document;
  }

  /** JSON as a JSON parser reads it: tabs and escapes such as \/ that YAML refuses are fine. */
  private static JsonNode json(final String text, final String name) {
    try {
      return Template.JSON.readTree(text);
    } catch (final JsonProcessingException e) {
      final JsonLocation where = e.getLocation();
      throw new TemplateException(
          where == null ? name : name + " line " + where.getLineNr(),
          "not valid YAML or JSON: " + e.getOriginalMessage());
    }
  }

  private static Object yaml(final String text, final String name) {
    try {
      return new Yaml(new ShortFormConstructor()).load(text);
    } catch (final MarkedYAMLException e) {
      throw new TemplateException(
          name + " line " + (e.getProblemMark().getLine() + 1),
          "not valid YAML or JSON: " + e.getProblem());
    } catch (final YAMLException e) {
      throw new TemplateException(name, "not valid YAML or JSON: " + e.getMessage());
    }
  }

  private static final class ShortFormConstructor extends SafeConstructor {
    ShortFormConstructor() {
      super(new LoaderOptions());
      SHORT_FORMS.forEach(
          (tag, function) -> yamlConstructors.put(new Tag(tag), new Intrinsic(function)));
      // An unquoted 2010-09-09 stays the string CloudFormation reads, not a date.
      yamlConstructors.put(Tag.TIMESTAMP, new Text());
    }

    private final class Text extends AbstractConstruct {
      @Override
      public Object construct(final Node node) {
        return constructScalar((ScalarNode) node);
      }
    }

    /** A short form as its long form; {@code !GetAtt a.b.c} splits at the first dot. */
    private final class Intrinsic extends AbstractConstruct {
      private final String function;

      Intrinsic(final String function) {
        this.function = function;
      }

      @Override
      public Object construct(final Node node) {
        final Object value;
        if (node instanceof ScalarNode scalar) {
          final String text = constructScalar(scalar);
          value = "Fn::GetAtt".equals(function) ? List.of(text.split("\\.", 2)) : text;
        } else if (node instanceof SequenceNode sequence) {
          value = constructSequence(sequence);
        } else {
          value = constructMapping((MappingNode) node);
        }
        return Map.of(function, value);
      }
    }
  }
}
