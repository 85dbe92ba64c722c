package com.org.sagemaker.runner.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.org.sagemaker.runner.types.ResourceTypes;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A template read, and evaluated for a stack: structure, parameters, conditions, references. */
class TemplateEvaluationTest {

  private static final StackIdentity STACK =
      new StackIdentity(
          "stack",
          "arn:aws:cloudformation:us-east-1:123456789012:stack/stack/1",
          "us-east-1",
          "123456789012");

  private static StackContext evaluate(final String template, final Map<String, String> values) {
    return StackContext.of(
        Template.parse(template, "t.yaml"),
        STACK,
        values,
        Map.of("Shared", "v-1"),
        ResourceTypes::attributeProblem);
  }

  private static String problems(final String template, final Map<String, String> values) {
    try {
      evaluate(template, values);
    } catch (final TemplateException e) {
      return e.getMessage();
    }
    throw new AssertionError("no problem found in " + template);
  }

  @Test
  void everyStructuralProblemIsReportedAtOnce() {
    final String message =
        problems(
            """
            Transform: AWS::Serverless-2016-10-31
            Rules: {}
            Nonsense: 1
            Parameters:
              P: {Default: x}
            Mappings:
              M: 1
            Resources:
              bad-name:
                Type: AWS::IAM::Role
              NoType:
                Properties: {}
              Odd:
                Type: Org::SageMaker::StudioDomain
                Extra: 1
                Properties: []
                DependsOn: {a: 1}
                Condition: [x]
                DeletionPolicy: Keep
                UpdateReplacePolicy: Retain
              List:
                Type: AWS::IAM::Role
                DependsOn: [1]
            Outputs:
              NoValue: {Description: x}
              BadExport: {Value: 1, Export: {}}
            """,
            Map.of());
    assertThat(message)
        .contains(
            "Nonsense: not a template section",
            "Transform: not supported by the runner",
            "Rules: not supported by the runner",
            "Parameters.P: Type is missing",
            "Mappings.M: a mapping is a map",
            "Resources.bad-name: a logical name is alphanumeric",
            "Resources.NoType: Type is missing",
            "Resources.Odd.Extra: not a resource attribute",
            "Resources.Odd.Properties: Properties is a mapping",
            "Resources.Odd.DependsOn: DependsOn is a logical id or a list of them",
            "Resources.Odd.Condition: Every Condition member must be a string",
            "Resources.Odd.DeletionPolicy: Keep is not one of",
            "Resources.List.DependsOn: DependsOn names logical ids: 1",
            "Outputs.NoValue: an output has a Value",
            "Outputs.BadExport.Export: Export has a Name");
    assertThat(problems("Resources: {}\n", Map.of()))
        .isEqualTo("Resources: At least one Resources member must be defined");
    assertThat(problems("Resources:\n  A: 1\n", Map.of()))
        .contains("a resource is a mapping with Type");
    assertThat(problems("Resources: [1]\n", Map.of())).contains("Resources is a mapping");
    assertThat(problems("a: [\n", Map.of())).contains("t.yaml line", "not valid YAML or JSON");
  }

  @Test
  void parametersAreTypedAndCheckedWithCloudFormationsTexts() {
    final String template =
        """
        Parameters:
          Name: {Type: String, MinLength: 2, MaxLength: 4, AllowedPattern: "[a-z]+"}
          Stage: {Type: String, AllowedValues: [dev, prod], Default: dev}
          Count: {Type: Number, MinValue: 1, MaxValue: 3, Default: 2}
          Ports: {Type: List<Number>, Default: "80, 443"}
          Subnets: {Type: List<AWS::EC2::Subnet::Id>, Default: "subnet-1, subnet-2"}
          Zones: {Type: CommaDelimitedList, Default: [a, b]}
          Cidr: {Type: String, AllowedPattern: "x", ConstraintDescription: must be x, Default: x}
        Resources:
          Role: {Type: AWS::IAM::Role}
        """;
    final StackContext context = evaluate(template, Map.of("Name", "abc"));
    assertThat(context.parameters().get("Count").asText()).isEqualTo("2");
    assertThat(context.parameters().get("Ports").toString()).isEqualTo("[\"80\",\"443\"]");
    assertThat(context.parameters().get("Subnets").toString())
        .isEqualTo("[\"subnet-1\",\"subnet-2\"]");
    assertThat(context.parameters().get("Zones").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(problems(template, Map.of("Name", "a")))
        .contains("Parameter 'Name' must contain at least 2 characters");
    assertThat(problems(template, Map.of("Name", "abcde")))
        .contains("Parameter 'Name' must contain at most 4 characters");
    assertThat(problems(template, Map.of("Name", "AB")))
        .contains("Parameter 'Name' must match pattern [a-z]+");
    assertThat(problems(template, Map.of("Name", "ab", "Stage", "test")))
        .contains("Parameters.Stage: Parameter 'Stage' must be one of AllowedValues");
    assertThat(problems(template, Map.of("Name", "ab", "Count", "5")))
        .contains("Parameter 'Count' must be a number not greater than 3");
    assertThat(problems(template, Map.of("Name", "ab", "Count", "0")))
        .contains("Parameter 'Count' must be a number not less than 1");
    assertThat(problems(template, Map.of("Name", "ab", "Count", "many")))
        .contains("Parameter 'Count' must be a number");
    assertThat(problems(template, Map.of("Name", "ab", "Ports", "80,x")))
        .contains("Parameter 'Ports' must be a number");
    assertThat(problems(template, Map.of("Name", "ab", "Cidr", "y")))
        .contains("Parameter Cidr failed to satisfy constraint: must be x");
    assertThat(problems(template, Map.of()))
        .contains("--param: Parameters: [Name] must have values");
    assertThat(problems(template, Map.of("Name", "ab", "Other", "1", "More", "2")))
        .contains("--param: Parameters: [More, Other] do not exist in the template");
    assertThat(
            problems(
                "Parameters:\n  A: {Type: 'AWS::SSM::Parameter::Value<String>', Default: x}\n  B: {Type: Text, Default: x}\n  C: {Type: Number, Default: 1, MinValue: z}\n  D: {Type: String, Default: x, AllowedPattern: '['}\nResources:\n  R: {Type: AWS::IAM::Role}\n",
                Map.of()))
        .contains("reads Systems Manager, which the runner does not")
        .contains("Parameters.B.Type: Unrecognized parameter type: Text")
        .contains("Parameters.C.MinValue: not a number")
        .contains("Parameters.D.AllowedPattern: not a valid pattern");
  }

  @Test
  void conditionsDecideWhichResourcesAndOutputsExist() {
    final StackContext context =
        evaluate(
            """
            Parameters:
              Env: {Type: String, Default: prod}
            Mappings:
              Sizes: {prod: {Big: "yes"}}
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
              IsBig: !Equals [!FindInMap [Sizes, !Ref Env, Big], "yes"]
              Both: !And [!Condition IsProd, !Condition IsBig]
              Either: !Or [!Not [!Condition IsProd], !Equals [!Join [",", [a, b]], "a,b"]]
              InRegion: !Equals [!Ref AWS::Region, us-east-1]
              IsNotProd: !Not [!Condition IsProd]
            Resources:
              Kept: {Type: AWS::IAM::Role, Condition: Both}
              Dropped: {Type: AWS::IAM::Role, Condition: IsNotProd}
            Outputs:
              Shown: {Value: !Ref Kept, Condition: Either}
              Hidden: {Value: !Ref Kept, Condition: IsNotProd}
            """,
            Map.of());
    assertThat(context.conditions)
        .containsEntry("IsProd", true)
        .containsEntry("IsBig", true)
        .containsEntry("Both", true)
        .containsEntry("Either", true)
        .containsEntry("InRegion", true)
        .containsEntry("IsNotProd", false);
    assertThat(context.resources().keySet()).containsExactly("Kept");
    assertThat(context.outputs).extracting(Template.Output::name).containsExactly("Shown");
  }

  @Test
  void conditionProblemsUseCloudFormationsTexts() {
    final String resources = "Resources:\n  R: {Type: AWS::IAM::Role}\n";
    assertThat(problems("Conditions:\n  A: !Equals [!Ref R, x]\n" + resources, Map.of()))
        .contains(
            "Template format error: Unresolved dependencies [R]. Cannot reference resources in the"
                + " Conditions block of the template");
    assertThat(
            problems("Conditions:\n  A: !Condition B\n  B: !Condition A\n" + resources, Map.of()))
        .contains("circular condition: A -> B -> A");
    assertThat(problems("Conditions:\n  A: !And [!Condition A]\n" + resources, Map.of()))
        .contains("Fn::And takes 2 to 10 values in a list");
    assertThat(problems("Conditions:\n  A: !Equals [!GetAZs '', x]\n" + resources, Map.of()))
        .contains("Fn::GetAZs cannot be used in a condition");
    assertThat(problems("Conditions:\n  A: yes\n" + resources, Map.of()))
        .contains("a condition is Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition");
    assertThat(problems("Conditions:\n  A: !Condition Nope\n" + resources, Map.of()))
        .contains("Condition Nope is not defined in Conditions");
    assertThat(problems("Conditions:\n  A: {Condition: 1}\n" + resources, Map.of()))
        .contains("Condition names a condition");
    assertThat(problems("Conditions:\n  A: !Equals [!Ref AWS::NoValue, x]\n" + resources, Map.of()))
        .contains("not AWS::NoValue");
    assertThat(problems("Resources:\n  R: {Type: AWS::IAM::Role, Condition: Nope}\n", Map.of()))
        .contains("Resources.R.Condition: Condition Nope is not defined in Conditions");
    assertThat(
            problems(
                "Resources:\n  R: {Type: AWS::IAM::Role, Properties: {A: !If [Nope, 1, 2]}}\n",
                Map.of()))
        .contains("Template error: unresolved condition dependency Nope in Fn::If");
  }

  @Test
  void referencesToWhatTheStackDoesNotHaveAreNamed() {
    final String message =
        problems(
            """
            Conditions:
              Disabled: !Equals [a, b]
            Resources:
              Gone: {Type: AWS::IAM::Role, Condition: Disabled}
              Needs:
                Type: AWS::IAM::Role
                DependsOn: Missing
                Properties:
                  A: !Ref Gone
                  B: !GetAtt Nowhere.Arn
                  C: !Sub ${Elsewhere.Id}
                  D: !GetAtt Role.Nope
              Role: {Type: AWS::IAM::Role}
            Outputs:
              O: {Value: !Ref Absent}
            """,
            Map.of());
    assertThat(message)
        .contains(
            "Resources.Needs: Template format error: Unresolved resource dependencies [Elsewhere,"
                + " Gone, Missing, Nowhere] in the Resources block of the template")
        .contains(
            "Template error: resource Role does not support attribute type Nope in Fn::GetAtt")
        .contains(
            "Outputs.O: Template format error: Unresolved resource dependencies [Absent] in the"
                + " Outputs block of the template");
  }

  @Test
  void orderPutsDependenciesFirstAndOutputsAndExportsResolve() {
    final StackContext context =
        evaluate(
            """
            Resources:
              Domain:
                Type: AWS::IAM::Role
                Properties: {RoleName: !Join ["-", [!Ref Network, !Ref AWS::StackName]]}
              Network: {Type: AWS::EC2::VPC}
              Alone: {Type: AWS::IAM::Role, DependsOn: [Domain]}
            Outputs:
              Id: {Value: !ImportValue Shared, Export: {Name: !Sub "${AWS::StackName}-id"}}
              Tags: {Value: [a, b]}
            """,
            Map.of());
    assertThat(context.order()).containsExactly("Network", "Domain", "Alone");
    assertThat(context.dependents("Network")).containsExactly("Domain");
    final StackContext.ResourceValues none =
        new StackContext.ResourceValues() {
          @Override
          public com.fasterxml.jackson.databind.JsonNode ref(
              final String logicalId, final String location) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf("id-" + logicalId);
          }

          @Override
          public com.fasterxml.jackson.databind.JsonNode attribute(
              final String logicalId, final String attribute, final String location) {
            return ref(logicalId, location);
          }
        };
    assertThat(context.properties("Domain", none).toString())
        .isEqualTo("{\"RoleName\":\"id-Network-stack\"}");
    final Map<String, String> outputs = context.outputs(none);
    assertThat(outputs).containsEntry("Id", "v-1").containsEntry("Tags", "[\"a\",\"b\"]");
    assertThat(context.exports(outputs)).containsEntry("stack-id", "v-1");
    assertThat(context.pseudo("AWS::Partition").asText()).isEqualTo("aws");
    assertThat(context.pseudo("AWS::URLSuffix").asText()).isEqualTo("amazonaws.com");
    assertThat(context.pseudo("AWS::NotificationARNs").size()).isZero();
    assertThat(context.pseudo("AWS::Nothing")).isNull();
    assertThat(StackContext.partition("cn-north-1")).isEqualTo("aws-cn");
    assertThat(StackContext.partition("us-gov-west-1")).isEqualTo("aws-us-gov");
    assertThatThrownBy(
            () ->
                evaluate(
                        "Resources:\n  R: {Type: AWS::IAM::Role, Properties: {A: !ImportValue Other}}\n",
                        Map.of())
                    .properties("R", none))
        .hasMessageContaining("No export named Other found (pass --import Other=...)");
    assertThat(
            evaluate(
                    "Resources:\n  R: {Type: AWS::IAM::Role, Properties: !Ref AWS::NoValue}\n",
                    Map.of())
                .properties("R", none)
                .toString())
        .isEqualTo("{}");
    assertThatThrownBy(
            () ->
                evaluate(
                        "Parameters:\n  P: {Type: String, Default: x}\nResources:\n  R: {Type: AWS::IAM::Role, Properties: !Ref P}\n",
                        Map.of())
                    .properties("R", none))
        .hasMessageContaining("Properties resolve to a mapping");
  }
}
