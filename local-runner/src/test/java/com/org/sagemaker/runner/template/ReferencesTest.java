package com.org.sagemaker.runner.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one walk over a fragment's references: what it sees, in what order, and what it rewrites. */
class ReferencesTest {

  private static JsonNode yaml(final String text) {
    return TemplateYaml.read("Resources:\n  R:\n    Properties:\n" + text, "t.yaml")
        .at("/Resources/R/Properties");
  }

  /** Each reference seen, as name or name.attribute (attribute "" when computed). */
  private static List<String> seen(final JsonNode node, final References.Branch branch) {
    final List<String> seen = new ArrayList<>();
    References.rewrite(
        node,
        new References.Visitor() {
          @Override
          public JsonNode reference(
              final String name, final String attribute, final String location) {
            seen.add(attribute == null ? name : name + "." + attribute);
            return null;
          }

          @Override
          public References.Branch branch(final String condition) {
            seen.add("if " + condition);
            return branch;
          }
        },
        "");
    return seen;
  }

  @Test
  void referencesComeInTheOrderWrittenASubsTextBeforeItsMap() {
    final JsonNode node =
        yaml(
            """
                  A: !Sub ["${X}-${Y.Arn}-${Local}-${AWS::Region}", {Local: !Ref Z}]
                  B: !GetAtt [W, !Ref P]
                  C: {"Fn::GetAtt": "V.Id"}
                  D: !If [Cond, !Ref T, !Ref F]
            """);

    assertThat(seen(node, References.Branch.BOTH))
        .containsExactly("X", "Y.Arn", "AWS::Region", "Z", "W.", "V.Id", "if Cond", "T", "F");
    assertThat(seen(node, References.Branch.FIRST)).endsWith("if Cond", "T");
    assertThat(seen(node, References.Branch.SECOND)).endsWith("if Cond", "F");
    assertThat(References.names(node))
        .containsExactly("X", "Y", "AWS::Region", "Z", "W", "V", "T", "F");
  }

  @Test
  void aRewriteReplacesReferencesAndKeepsEverythingElse() {
    final JsonNode node =
        yaml(
            """
                  A: !Sub "${Old}/${Old.Name}/${Keep}"
                  B: !Ref Old
                  C: !Sub ["${Old.List}", {Keep: x}]
                  D: !Join [",", [!Ref Keep]]
            """);

    final JsonNode rewritten =
        References.rewrite(
            node,
            (name, attribute, location) -> {
              if (!"Old".equals(name)) {
                return null;
              }
              if (attribute == null) {
                return Template.object().put("Ref", "New");
              }
              return "Name".equals(attribute)
                  ? Template.JSON.getNodeFactory().textNode("literal-${x}")
                  : Template.array().add("a").add("b");
            },
            "Resources.R");

    assertThat(rewritten.get("A").get("Fn::Sub").asText())
        .isEqualTo("${New}/literal-${!x}/${Keep}");
    assertThat(rewritten.get("B")).isEqualTo(Template.object().put("Ref", "New"));
    assertThat(rewritten.at("/C/Fn::Sub/0").asText()).isEqualTo("${OldList}");
    assertThat(rewritten.at("/C/Fn::Sub/1/OldList")).hasSize(2);
    assertThat(rewritten.at("/C/Fn::Sub/1/Keep").asText()).isEqualTo("x");
    assertThat(rewritten.get("D")).isEqualTo(node.get("D"));
  }
}
