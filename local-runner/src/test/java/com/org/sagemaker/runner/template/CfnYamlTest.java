package com.org.sagemaker.runner.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CfnYamlTest {

  private static JsonNode read(final String text) {
    return TemplateYaml.read(text, "t.yaml");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "!Ref P                                | {\"Ref\":\"P\"}",
        "!GetAtt R.A.B                         | {\"Fn::GetAtt\":[\"R\",\"A.B\"]}",
        "!GetAtt [R, !Ref P]                   | {\"Fn::GetAtt\":[\"R\",{\"Ref\":\"P\"}]}",
        "!Sub '${AWS::Region}-x'               | {\"Fn::Sub\":\"${AWS::Region}-x\"}",
        "!Join ['', [a, b]]                    | {\"Fn::Join\":[\"\",[\"a\",\"b\"]]}",
        "!If [C, a, !Ref AWS::NoValue]         | {\"Fn::If\":[\"C\",\"a\",{\"Ref\":\"AWS::NoValue\"}]}",
        "!Select [0, !Split [',', a]]          | {\"Fn::Select\":[0,{\"Fn::Split\":[\",\",\"a\"]}]}",
        "!FindInMap [M, K, V]                  | {\"Fn::FindInMap\":[\"M\",\"K\",\"V\"]}",
        "!ImportValue shared                   | {\"Fn::ImportValue\":\"shared\"}",
        "!GetAZs ''                            | {\"Fn::GetAZs\":\"\"}",
        "!Base64 text                          | {\"Fn::Base64\":\"text\"}",
        "!Cidr [10.0.0.0/16, 4, 8]             | {\"Fn::Cidr\":[\"10.0.0.0/16\",4,8]}",
        "!Equals [a, b]                        | {\"Fn::Equals\":[\"a\",\"b\"]}",
        "!And [!Condition A, !Condition B]     | {\"Fn::And\":[{\"Condition\":\"A\"},{\"Condition\":\"B\"}]}",
        "!Or [!Condition A, !Not [!Condition B]] | {\"Fn::Or\":[{\"Condition\":\"A\"},{\"Fn::Not\":[{\"Condition\":\"B\"}]}]}",
        "!Transform {Name: AWS::Include}       | {\"Fn::Transform\":{\"Name\":\"AWS::Include\"}}",
      })
  void everyShortFormReadsAsItsLongFormAndIsWrittenBackShort(final String yaml, final String json)
      throws Exception {
    final JsonNode read = read("V: " + yaml);
    assertThat(read.get("V")).isEqualTo(Template.JSON.readTree(json));
    assertThat(read(CfnYaml.write(read))).isEqualTo(read);
    assertThat(CfnYaml.write(read)).contains("V: !" + yaml.substring(1, yaml.indexOf(' ')));
  }

  @Test
  void namesAreWrittenPlainAndEverythingElseAsYamlNeedsIt() {
    final JsonNode template =
        read(
            """
            AWSTemplateFormatVersion: 2010-09-09
            Resources:
              R:
                Properties:
                  Region: !Ref AWS::Region
                  Role: !GetAtt Role.Arn
                  Names: [!Ref A, !Ref AWS::Region]
                  Flow: !Join ['-', [!Ref AWS::Region, !Ref A]]
                  Text: !Sub 'a ${B}'
                  Encoded: {"Fn::Base64": !Sub "${B}"}
                  Statement: {Condition: {Bool: {x: "true"}}}
                  Code: "line !Ref 'x'\\nline 2\\n"
                  Number: 5
                  Quoted: "5"
                  Long: !Join [",", [aaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb]]
                  Longer: !Join [",", [aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb]]
                  Nested: !If [C, {A: 1}, !Ref AWS::NoValue]
                  Empty: null
            """);
    final String written = CfnYaml.write(template);
    assertThat(written)
        .contains("AWSTemplateFormatVersion: '2010-09-09'")
        .contains("Region: !Ref AWS::Region\n")
        .contains("Role: !GetAtt Role.Arn\n")
        .contains("Names:\n        - !Ref A\n        - !Ref AWS::Region\n")
        .contains("Flow: !Join ['-', [!Ref 'AWS::Region', !Ref A]]")
        .contains("Text: !Sub 'a ${B}'")
        .contains("Encoded:\n        Fn::Base64: !Sub '${B}'")
        .contains("Statement:\n        Condition:\n")
        .contains("Code: |\n        line !Ref 'x'\n        line 2\n")
        .contains("Number: 5\n")
        .contains("Quoted: '5'\n")
        .contains("Long: !Join\n        - ','\n        - [aaaa")
        .contains("Longer: !Join\n        - ','\n        -   - aaaa")
        .contains("Nested: !If\n        - C\n        - A: 1\n        - !Ref AWS::NoValue")
        .contains("Empty: null");
    assertThat(read(written)).isEqualTo(template);
  }
}
