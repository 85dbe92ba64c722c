package com.org.sagemaker.runner.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;

/**
 * A value known only once the stack operation runs (e.g. the DomainId of a domain still to be
 * created), as CloudFormation's change sets mark such values "Dynamic". Carried in a resolved
 * template as a {@link POJONode}, so whatever uses it can tell it apart from a real value.
 */
public record Unknown(String what) {

  public static JsonNode of(final String what) {
    return new POJONode(new Unknown(what));
  }

  public static boolean is(final JsonNode node) {
    return node instanceof POJONode pojo && pojo.getPojo() instanceof Unknown;
  }

  /** True when {@code node} is unknown or holds an unknown value anywhere inside. */
  public static boolean within(final JsonNode node) {
    if (is(node)) {
      return true;
    }
    for (final JsonNode child : node) {
      if (within(child)) {
        return true;
      }
    }
    return false;
  }

  /** A copy of {@code node} with each unknown value as text, e.g. for rules that need a value. */
  public static JsonNode placeholders(final JsonNode node) {
    if (is(node)) {
      return Template.JSON
          .getNodeFactory()
          .textNode("unknown-" + ((Unknown) ((POJONode) node).getPojo()).what());
    }
    if (node.isObject()) {
      final var copy = Template.object();
      node.properties().forEach(e -> copy.set(e.getKey(), placeholders(e.getValue())));
      return copy;
    }
    if (node.isArray()) {
      final var copy = Template.array();
      node.forEach(element -> copy.add(placeholders(element)));
      return copy;
    }
    return node;
  }
}
