package com.org.sagemaker.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResolverTest {

  private static final Resolver.Scope SCOPE =
      new Resolver.Scope() {
        @Override
        public JsonNode ref(final String name, final String location) {
          return Map.<String, JsonNode>of(
                  "Team", TextNode.valueOf("ml"),
                  "AWS::Region", TextNode.valueOf("us-east-1"),
                  "List", Template.array().add("a").add("b"))
              .get(name);
        }

        @Override
        public JsonNode attribute(
            final String logicalId, final String attribute, final String location) {
          return TextNode.valueOf(logicalId + "." + attribute);
        }
      };

  private static JsonNode resolve(final String json) {
    return Resolver.resolve(EmulatedAws.json("{\"v\": " + json + "}"), SCOPE, "here").get("v");
  }

  @Test
  void resolvesRefGetAttAndBothFormsOfSub() {
    assertThat(resolve("{\"Ref\": \"Team\"}").asText()).isEqualTo("ml");
    assertThat(resolve("{\"Fn::GetAtt\": [\"Domain\", \"Url\"]}").asText()).isEqualTo("Domain.Url");
    assertThat(
            resolve("{\"Fn::Sub\": \"${Team}-${AWS::Region}-${Domain.DomainId}-${!Literal}\"}")
                .asText())
        .isEqualTo("ml-us-east-1-Domain.DomainId-${Literal}");
    assertThat(
            resolve("{\"Fn::Sub\": [\"${Name}/${Team}\", {\"Name\": {\"Ref\": \"Team\"}}]}")
                .asText())
        .isEqualTo("ml/ml");
    assertThat(resolve("[{\"Ref\": \"Team\"}, \"x\"]").toString()).isEqualTo("[\"ml\",\"x\"]");
  }

  @Test
  void collectsWhatANodeRefersTo() {
    assertThat(
            Resolver.references(
                EmulatedAws.json(
                    "{\"a\": {\"Ref\": \"P\"}, \"b\": [{\"Fn::GetAtt\": [\"R\", \"X\"]}],"
                        + " \"c\": {\"Fn::Sub\": [\"${V}${S.Y}${AWS::Region}\", {\"V\": {\"Ref\": \"Q\"}}]},"
                        + " \"d\": {\"Ref\": \"AWS::StackName\"}}"),
                "here"))
        .containsExactlyInAnyOrder("P", "R", "S", "Q");
  }

  @Test
  void rejectsWhatItCannotResolve() {
    assertThatThrownBy(() -> resolve("{\"Fn::Sub\": \"${List}\"}"))
        .hasMessageContaining("${List} is not a string");
    assertThatThrownBy(() -> resolve("{\"Fn::GetAtt\": \"Domain\"}"))
        .hasMessageContaining("[LogicalId, Attribute]");
    assertThatThrownBy(() -> resolve("{\"Fn::Join\": [\"\", []]}"))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "here.v: the intrinsic Fn::Join is not supported here; supported: Ref, Fn::GetAtt, Fn::Sub");
  }
}
