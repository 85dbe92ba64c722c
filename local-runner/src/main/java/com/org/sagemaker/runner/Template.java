package com.org.sagemaker.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A CloudFormation template (YAML with the short-form tags, or JSON) with resources of this
 * project's types: Parameters, Resources with DependsOn, Outputs. Intrinsics stay in their long
 * form ({"Ref": ...}, {"Fn::GetAtt": [...]}, {"Fn::Sub": ...}) until {@link Resolver}.
 */
public record Template(
    Map<String, JsonNode> parameters,
    Map<String, Resource> resources,
    Map<String, JsonNode> outputs) {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A resource of the template, with the resources it must come after. */
  public record Resource(
      String logicalId, String type, JsonNode properties, Set<String> dependsOn) {}

  public static Template load(final Path file) {
    final String text;
    try {
      text = Files.readString(file);
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return parse(text, String.valueOf(file.getFileName()));
  }

  static Template parse(final String text, final String name) {
    final Object document;
    try {
      document = new Yaml(new ShortFormConstructor()).load(text);
    } catch (final TemplateException e) {
      throw e;
    } catch (final RuntimeException e) {
      if (e.getCause() instanceof TemplateException templateProblem) {
        throw templateProblem;
      }
      throw new TemplateException(name, "not valid YAML or JSON: " + e.getMessage());
    }
    if (!(document instanceof Map<?, ?>)) {
      throw new TemplateException(name, "a template is a mapping with Resources");
    }
    final JsonNode root = JSON.valueToTree(document);
    final Map<String, JsonNode> parameters = members(root.path("Parameters"));
    final Map<String, Resource> resources = new LinkedHashMap<>();
    for (final Map.Entry<String, JsonNode> entry : members(root.path("Resources")).entrySet()) {
      resources.put(entry.getKey(), resource(entry.getKey(), entry.getValue()));
    }
    if (resources.isEmpty()) {
      throw new TemplateException(name, "Resources is missing or empty");
    }
    final Template template = new Template(parameters, resources, members(root.path("Outputs")));
    template.checkReferences();
    return template;
  }

  private static Resource resource(final String logicalId, final JsonNode node) {
    final String location = "Resources." + logicalId;
    final String type = node.path("Type").asText(null);
    if (type == null) {
      throw new TemplateException(location, "Type is missing");
    }
    if (!ResourceTypes.names().contains(type)) {
      throw new TemplateException(
          location + ".Type",
          "resource type " + type + " is not supported here; supported: " + ResourceTypes.names());
    }
    final Set<String> dependsOn = new LinkedHashSet<>();
    final JsonNode declared = node.path("DependsOn");
    if (declared.isTextual()) {
      dependsOn.add(declared.asText());
    } else {
      declared.forEach(d -> dependsOn.add(d.asText()));
    }
    final JsonNode properties =
        node.has("Properties") ? node.get("Properties") : JSON.createObjectNode();
    dependsOn.addAll(Resolver.references(properties, location + ".Properties"));
    return new Resource(logicalId, type, properties, dependsOn);
  }

  /** Every reference names a parameter, a resource or a pseudo parameter; no cycles. */
  private void checkReferences() {
    for (final Resource resource : resources.values()) {
      for (final String dependency : resource.dependsOn()) {
        if (!resources.containsKey(dependency)
            && !parameters.containsKey(dependency)
            && !Resolver.isPseudo(dependency)) {
          throw new TemplateException(
              "Resources." + resource.logicalId(),
              "refers to " + dependency + ", which is neither a parameter nor a resource");
        }
      }
    }
    creationOrder();
    outputs.forEach((name, output) -> Resolver.references(output, "Outputs." + name));
  }

  /** Resources in an order where each comes after what it depends on. */
  public List<String> creationOrder() {
    final List<String> order = new ArrayList<>();
    final Set<String> visiting = new LinkedHashSet<>();
    for (final String logicalId : resources.keySet()) {
      visit(logicalId, order, visiting);
    }
    return order;
  }

  private void visit(final String logicalId, final List<String> order, final Set<String> visiting) {
    if (order.contains(logicalId) || !resources.containsKey(logicalId)) {
      return;
    }
    if (!visiting.add(logicalId)) {
      throw new TemplateException(
          "Resources." + logicalId,
          "circular dependency: " + String.join(" -> ", visiting) + " -> " + logicalId);
    }
    for (final String dependency : resources.get(logicalId).dependsOn()) {
      visit(dependency, order, visiting);
    }
    visiting.remove(logicalId);
    order.add(logicalId);
  }

  private static Map<String, JsonNode> members(final JsonNode node) {
    final Map<String, JsonNode> members = new LinkedHashMap<>();
    node.properties().forEach(e -> members.put(e.getKey(), e.getValue()));
    return members;
  }

  /** Reads !Ref, !GetAtt and !Sub as their long forms; any other tag is an error naming it. */
  private static final class ShortFormConstructor extends SafeConstructor {
    ShortFormConstructor() {
      super(new LoaderOptions());
      yamlConstructors.put(new Tag("!Ref"), new Function("Ref"));
      yamlConstructors.put(new Tag("!GetAtt"), new Function("Fn::GetAtt"));
      yamlConstructors.put(new Tag("!Sub"), new Function("Fn::Sub"));
      for (final String unsupported :
          List.of(
              "!Join",
              "!Select",
              "!Split",
              "!If",
              "!Equals",
              "!Not",
              "!And",
              "!Or",
              "!FindInMap",
              "!GetAZs",
              "!ImportValue",
              "!Base64",
              "!Cidr",
              "!Condition",
              "!Transform")) {
        yamlConstructors.put(new Tag(unsupported), new Unsupported(unsupported));
      }
    }

    private final class Function extends AbstractConstruct {
      private final String name;

      Function(final String name) {
        this.name = name;
      }

      @Override
      public Object construct(final Node node) {
        final Object value;
        if (node instanceof ScalarNode scalar) {
          final String text = constructScalar(scalar);
          value = "Fn::GetAtt".equals(name) ? List.of(text.split("\\.", 2)) : text;
        } else if (node instanceof SequenceNode sequence) {
          value = constructSequence(sequence);
        } else {
          value = constructMapping((org.yaml.snakeyaml.nodes.MappingNode) node);
        }
        return Map.of(name, value);
      }
    }

    private static final class Unsupported extends AbstractConstruct {
      private final String tag;

      Unsupported(final String tag) {
        this.tag = tag;
      }

      @Override
      public Object construct(final Node node) {
        throw new TemplateException(
            "line " + (node.getStartMark().getLine() + 1),
            "the intrinsic " + tag + " is not supported here; supported: !Ref, !GetAtt, !Sub");
      }
    }
  }

  static ArrayNode array() {
    return JSON.createArrayNode();
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }
}
