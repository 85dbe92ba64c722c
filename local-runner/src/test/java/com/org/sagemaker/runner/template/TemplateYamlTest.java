package com.org.sagemaker.runner.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Reading a template as CloudFormation does, for deploy, validate and migrate alike. */
class TemplateYamlTest {

  private static JsonNode read(final String text) {
    return TemplateYaml.read(text, "t.yaml");
  }

  @Test
  void jsonIsReadAsJsonWithTabsAndEscapesThatYamlRefuses() {
    final JsonNode template =
        read("{\n\t\"Resources\": {\"R\": {\"Type\": \"T\", \"Properties\": {\"P\": \"a\\/b\"}}}}");
    assertThat(template.at("/Resources/R/Type").asText()).isEqualTo("T");
    assertThat(template.at("/Resources/R/Properties/P").asText()).isEqualTo("a/b");
  }

  @Test
  void aKeyGivenTwiceKeepsItsLastValueAsCloudFormationDoes() {
    assertThat(read("Resources:\n  R: {Type: First}\n  R: {Type: Last}\n").at("/Resources/R/Type"))
        .hasToString("\"Last\"");
    assertThat(
            read("{\"Resources\": {\"R\": {\"Type\": \"First\"}, \"R\": {\"Type\": \"Last\"}}}")
                .at("/Resources/R/Type"))
        .hasToString("\"Last\"");
  }

  @Test
  void mistakesAreNamedWithTheirLine() {
    assertThatThrownBy(() -> read("{\"Resources\": "))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("t.yaml line 1: not valid YAML or JSON");
    assertThatThrownBy(() -> read("a: [b"))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("t.yaml line 1: not valid YAML or JSON");
    assertThatThrownBy(() -> read("- a"))
        .hasMessage("t.yaml: a template is a mapping with Resources");
    assertThatThrownBy(() -> read("[1]"))
        .hasMessage("t.yaml: a template is a mapping with Resources");
  }
}
