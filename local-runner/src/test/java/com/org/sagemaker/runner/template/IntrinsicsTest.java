package com.org.sagemaker.runner.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.org.sagemaker.runner.EmulatedAws;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each intrinsic function, its values and CloudFormation's error texts. */
class IntrinsicsTest {

  private static final Intrinsics.Scope SCOPE =
      new Intrinsics.Scope() {
        @Override
        public JsonNode parameter(final String name) {
          return Map.<String, JsonNode>of(
                  "Team", TextNode.valueOf("ml"),
                  "AWS::Region", TextNode.valueOf("us-east-1"),
                  "Index", TextNode.valueOf("1"),
                  "List", Template.array().add("a").add("b"))
              .get(name);
        }

        @Override
        public JsonNode ref(final String logicalId, final String location) {
          if (logicalId.equals("Later")) {
            return Unknown.of(logicalId);
          }
          if (!logicalId.equals("Domain")) {
            throw new TemplateException(location, "no resource " + logicalId);
          }
          return TextNode.valueOf("d-123");
        }

        @Override
        public JsonNode attribute(
            final String logicalId, final String attribute, final String location) {
          return TextNode.valueOf(logicalId + "." + attribute);
        }

        @Override
        public boolean condition(final String name, final String location) {
          if (!name.equals("Yes") && !name.equals("No")) {
            throw new TemplateException(location, "unresolved condition " + name);
          }
          return name.equals("Yes");
        }

        @Override
        public JsonNode mappings() {
          return EmulatedAws.json("{\"Map\": {\"ml\": {\"Size\": \"large\"}}}");
        }

        @Override
        public JsonNode importValue(final String name, final String location) {
          return TextNode.valueOf("imported-" + name);
        }

        @Override
        public String region() {
          return "us-west-1";
        }
      };

  private static JsonNode resolve(final String json) {
    return new Intrinsics(SCOPE)
        .resolve(EmulatedAws.json("{\"v\": " + json + "}"), "here")
        .get("v");
  }

  @Test
  void refGetAttAndBothFormsOfSub() {
    assertThat(resolve("{\"Ref\": \"Team\"}").asText()).isEqualTo("ml");
    assertThat(resolve("{\"Ref\": \"Domain\"}").asText()).isEqualTo("d-123");
    assertThat(resolve("{\"Fn::GetAtt\": [\"Domain\", \"Url\"]}").asText()).isEqualTo("Domain.Url");
    assertThat(resolve("{\"Fn::GetAtt\": [\"Domain\", {\"Ref\": \"Team\"}]}").asText())
        .isEqualTo("Domain.ml");
    assertThat(
            resolve("{\"Fn::Sub\": \"${Team}-${AWS::Region}-${Domain.DomainId}-${!Literal}\"}")
                .asText())
        .isEqualTo("ml-us-east-1-Domain.DomainId-${Literal}");
    assertThat(
            resolve("{\"Fn::Sub\": [\"${Name}/${Team}\", {\"Name\": {\"Ref\": \"Domain\"}}]}")
                .asText())
        .isEqualTo("d-123/ml");
    assertThat(resolve("[{\"Ref\": \"Team\"}, \"x\"]").toString()).isEqualTo("[\"ml\",\"x\"]");
  }

  @Test
  void listFunctions() {
    assertThat(resolve("{\"Fn::Join\": [\"-\", [\"a\", {\"Ref\": \"Team\"}, 3]]}").asText())
        .isEqualTo("a-ml-3");
    assertThat(resolve("{\"Fn::Join\": [\",\", {\"Ref\": \"List\"}]}").asText()).isEqualTo("a,b");
    assertThat(resolve("{\"Fn::Split\": [\"|\", \"a||c|\"]}").toString())
        .isEqualTo("[\"a\",\"\",\"c\",\"\"]");
    assertThat(resolve("{\"Fn::Select\": [{\"Ref\": \"Index\"}, {\"Ref\": \"List\"}]}").asText())
        .isEqualTo("b");
    assertThat(resolve("{\"Fn::GetAZs\": \"\"}").toString())
        .isEqualTo("[\"us-west-1a\",\"us-west-1c\"]");
    assertThat(resolve("{\"Fn::GetAZs\": \"eu-north-1\"}").toString())
        .isEqualTo("[\"eu-north-1a\",\"eu-north-1b\",\"eu-north-1c\"]");
    assertThat(resolve("{\"Fn::Cidr\": [\"192.168.0.0/24\", 6, 5]}").toString())
        .isEqualTo(
            "[\"192.168.0.0/27\",\"192.168.0.32/27\",\"192.168.0.64/27\",\"192.168.0.96/27\","
                + "\"192.168.0.128/27\",\"192.168.0.160/27\"]");
  }

  @Test
  void mappingsConditionsImportsAndEncoding() {
    assertThat(resolve("{\"Fn::FindInMap\": [\"Map\", {\"Ref\": \"Team\"}, \"Size\"]}").asText())
        .isEqualTo("large");
    assertThat(resolve("{\"Fn::If\": [\"Yes\", \"a\", \"b\"]}").asText()).isEqualTo("a");
    assertThat(resolve("{\"Fn::If\": [\"No\", \"a\", {\"Ref\": \"Team\"}]}").asText())
        .isEqualTo("ml");
    assertThat(resolve("{\"Fn::ImportValue\": {\"Fn::Sub\": \"${Team}-vpc\"}}").asText())
        .isEqualTo("imported-ml-vpc");
    assertThat(resolve("{\"Fn::Base64\": \"hello\"}").asText()).isEqualTo("aGVsbG8=");
  }

  @Test
  void noValueRemovesThePropertyOrTheListElement() {
    final JsonNode resolved =
        new Intrinsics(SCOPE)
            .resolve(
                EmulatedAws.json(
                    "{\"a\": {\"Fn::If\": [\"No\", 1, {\"Ref\": \"AWS::NoValue\"}]}, \"b\":"
                        + " [\"x\", {\"Ref\": \"AWS::NoValue\"}]}"),
                "here");
    assertThat(resolved.toString()).isEqualTo("{\"b\":[\"x\"]}");
  }

  @Test
  void valuesKnownOnlyLaterStayUnknown() {
    assertThat(Unknown.is(resolve("{\"Ref\": \"Later\"}"))).isTrue();
    assertThat(Unknown.is(resolve("{\"Fn::Sub\": \"${Later}-x\"}"))).isTrue();
    assertThat(Unknown.is(resolve("{\"Fn::Join\": [\"\", [{\"Ref\": \"Later\"}]]}"))).isTrue();
    assertThat(resolve("{\"Fn::Select\": [0, [\"a\", {\"Ref\": \"Later\"}]]}").asText())
        .isEqualTo("a");
    assertThat(Unknown.is(resolve("{\"Fn::Select\": [0, {\"Ref\": \"Later\"}]}"))).isTrue();
    assertThat(Unknown.is(resolve("{\"Fn::Split\": [\",\", {\"Ref\": \"Later\"}]}"))).isTrue();
    assertThat(Unknown.is(resolve("{\"Fn::Base64\": {\"Ref\": \"Later\"}}"))).isTrue();
    assertThat(Unknown.is(resolve("{\"Fn::Cidr\": [{\"Ref\": \"Later\"}, 2, 8]}"))).isTrue();
    assertThat(Unknown.within(resolve("[\"a\", {\"Ref\": \"Later\"}]"))).isTrue();
    assertThat(Unknown.placeholders(resolve("[{\"Ref\": \"Later\"}]")).toString())
        .isEqualTo("[\"unknown-Later\"]");
  }

  @Test
  void referencesFollowTheBranchFnIfChooses() {
    final Intrinsics.Referenced references =
        new Intrinsics(SCOPE)
            .references(
                EmulatedAws.json(
                    "{\"a\": {\"Ref\": \"P\"}, \"b\": [{\"Fn::GetAtt\": [\"R\", \"X\"]}],"
                        + " \"c\": {\"Fn::Sub\": [\"${V}${S.Y}${AWS::Region}\", {\"V\": {\"Ref\": \"Q\"}}]},"
                        + " \"d\": {\"Ref\": \"Team\"}, \"e\": {\"Fn::If\": [\"No\", {\"Ref\": \"Skipped\"}, {\"Ref\": \"Taken\"}]},"
                        + " \"f\": {\"Ref\": \"AWS::NoValue\"}}"));
    assertThat(references.resources()).containsExactlyInAnyOrder("P", "R", "S", "Q", "Taken");
    assertThat(references.attributes()).containsExactly(Map.entry("R", "X"), Map.entry("S", "Y"));
  }

  @Test
  void errorsNameTheFunctionAndWhereItIs() {
    assertThatThrownBy(() -> resolve("{\"Fn::Sub\": \"${List}\"}"))
        .hasMessageContaining("${List} is not a string");
    assertThatThrownBy(() -> resolve("{\"Fn::GetAtt\": \"Domain\"}"))
        .hasMessage(
            "here.v.Fn::GetAtt: Template error: every Fn::GetAtt object requires two non-empty"
                + " parameters, the resource name and the resource attribute");
    assertThatThrownBy(() -> resolve("{\"Fn::Select\": [5, [\"a\"]]}"))
        .hasMessageEndingWith(
            "Template error: Fn::Select cannot select nonexistent value at index 5");
    assertThatThrownBy(() -> resolve("{\"Fn::FindInMap\": [\"Map\", \"data\", \"Size\"]}"))
        .hasMessageEndingWith("Template error: Unable to get mapping for Map::data::Size");
    assertThatThrownBy(() -> resolve("{\"Fn::FindInMap\": [\"Map\", \"ml\"]}"))
        .hasMessageContaining("every Fn::FindInMap object requires three parameters");
    assertThatThrownBy(() -> resolve("{\"Fn::If\": [\"Maybe\", 1, 2]}"))
        .hasMessageContaining("unresolved condition Maybe");
    assertThatThrownBy(() -> resolve("{\"Fn::Equals\": [1, 1]}"))
        .hasMessageContaining("Fn::Equals is a condition function");
    assertThatThrownBy(() -> resolve("{\"Fn::Transform\": {}}"))
        .hasMessageContaining("needs a transform");
    assertThatThrownBy(() -> resolve("{\"Fn::Nope\": 1}"))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith(
            "here.v: the intrinsic Fn::Nope is not supported here; supported: Ref, Fn::GetAtt");
    assertThatThrownBy(() -> resolve("{\"Ref\": \"Nothing\"}"))
        .hasMessageContaining("no resource Nothing");
    for (final String malformed :
        new String[] {
          "{\"Ref\": 1}",
          "{\"Fn::Sub\": 1}",
          "{\"Fn::Join\": \"x\"}",
          "{\"Fn::Join\": [\",\", \"notalist\"]}",
          "{\"Fn::Join\": [\",\", [[1]]]}",
          "{\"Fn::Split\": [1, \"a\"]}",
          "{\"Fn::Split\": [\",\", [1]]}",
          "{\"Fn::Select\": [\"x\", [1]]}",
          "{\"Fn::Select\": [0, \"notalist\"]}",
          "{\"Fn::Select\": 1}",
          "{\"Fn::FindInMap\": [\"Map\", [1], \"x\"]}",
          "{\"Fn::GetAZs\": 1}",
          "{\"Fn::Base64\": [1]}",
          "{\"Fn::ImportValue\": [1]}",
          "{\"Fn::If\": [1, 2]}",
          "{\"Fn::Cidr\": [\"::/64\", 1, 64]}",
          "{\"Fn::Cidr\": [\"10.0.0.0/24\", \"x\", 8]}",
          "{\"Fn::Cidr\": [\"10.0.0.0/24\", 4, 8]}",
          "{\"Fn::Cidr\": [\"10.0.0.0/24\", 1]}"
        }) {
      assertThatThrownBy(() -> resolve(malformed))
          .as(malformed)
          .isInstanceOf(TemplateException.class);
    }
  }
}
