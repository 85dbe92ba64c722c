package com.org.sagemaker.runner.changeset;

import static org.assertj.core.api.Assertions.assertThat;

import com.org.sagemaker.runner.EmulatedAws;
import com.org.sagemaker.runner.state.ResourceState;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.TargetId;
import com.org.sagemaker.runner.studio.StudioTypes;
import com.org.sagemaker.runner.template.Template;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** validate, offline: the handlers' own checks on each resource, values not yet known skipped. */
class ValidationTest {

  private final TargetId where = TargetId.emulator();

  private List<Validation.Finding> check(final String template, final StackState state) {
    return Validation.check(template, "t.yaml", Plan.Inputs.none(), state, where);
  }

  private List<Validation.Finding> check(final String template) {
    return check(template, StackState.fresh("v", where));
  }

  @Test
  void aValidTemplateHasNoFindings() {
    assertThat(
            check(
                """
                Resources:
                  Role: {Type: AWS::IAM::Role}
                  Domain:
                    Type: Org::SageMaker::StudioDomain
                    Properties:
                      DomainName: fine
                      AuthMode: IAM
                      VpcId: vpc-1
                      SubnetIds: [subnet-1]
                      DefaultUserSettings: {ExecutionRole: !GetAtt Role.Arn}
                  Profile:
                    Type: Org::SageMaker::StudioUserProfile
                    Properties: {DomainId: !Ref Domain, UserProfileName: p}
                Outputs:
                  Url: {Value: !GetAtt Domain.Url}
                """))
        .isEmpty();
    assertThat(Validation.text("t.yaml", List.of())).containsExactly("t.yaml: valid");
    assertThat(Validation.json("t.yaml", List.of()).get("valid").asBoolean()).isTrue();
  }

  @Test
  void everyViolationHasItsPointerAndTheHandlersWholeMessage() {
    final List<Validation.Finding> findings =
        check(
            """
            Resources:
              Domain:
                Type: Org::SageMaker::StudioDomain
                Properties:
                  DomainName: not valid!
                  AuthMode: Password
                  DefaultUserSettings: {ExecutionRole: role}
            """);
    assertThat(findings)
        .extracting(Validation.Finding::pointer)
        .contains("#/DomainName", "#/AuthMode");
    assertThat(findings).allSatisfy(f -> assertThat(f.logicalId()).isEqualTo("Domain"));
    assertThat(findings.get(0).handlerMessage()).startsWith("Model validation failed (");
    final List<String> text = Validation.text("t.yaml", findings);
    assertThat(text.get(0)).startsWith("Resources.Domain.Properties: Model validation failed (");
    assertThat(text).last().asString().matches("t.yaml: \\d+ problems");
    assertThat(Validation.json("t.yaml", findings).at("/problems/0/pointer").asText())
        .startsWith("#/");
  }

  @Test
  void valuesOnlyADeployKnowsAreNotChecked() {
    assertThat(
            check(
                """
                Resources:
                  Domain:
                    Type: Org::SageMaker::StudioDomain
                    Properties:
                      DomainName: d
                      AuthMode: IAM
                      VpcId: vpc-1
                      SubnetIds: [subnet-1]
                      DefaultUserSettings: {ExecutionRole: arn:aws:iam::123456789012:role/r}
                  Profile:
                    Type: Org::SageMaker::StudioUserProfile
                    Properties:
                      DomainId: !GetAtt Domain.DomainId
                      UserProfileName: !Sub "${Domain}-user"
                """))
        .isEmpty();
  }

  @Test
  void rulesTheSchemaCannotSayAndTheUpdateRulesWithTheDeployedState() {
    final String template =
        """
        Resources:
          Domain:
            Type: Org::SageMaker::StudioDomain
            Properties:
              DomainName: d
              AuthMode: IAM
              AppNetworkAccessType: %s
              AppSecurityGroupManagement: Service
              DefaultUserSettings: {ExecutionRole: arn:aws:iam::123456789012:role/r}
        """;
    assertThat(check(template.formatted("VpcOnly")))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.message())
                  .isEqualTo("AppNetworkAccessType VpcOnly needs VpcId and SubnetIds.");
              assertThat(f.pointer()).isNull();
            });
    final String publicWithVpc =
        "PublicInternetOnly\n      VpcId: vpc-1\n      SubnetIds: [subnet-1]";
    assertThat(check(template.formatted(publicWithVpc))).isEmpty();
    final StackState deployed = StackState.fresh("v", where);
    deployed
        .resources()
        .put(
            "Domain",
            new ResourceState(
                StudioTypes.DOMAIN,
                Template.object(),
                // The same create-only properties: an update in place, so the update rules apply.
                EmulatedAws.json(
                    "{\"DomainName\": \"d\", \"AuthMode\": \"IAM\", \"VpcId\": \"vpc-1\"}"),
                EmulatedAws.json("{\"DomainId\": \"d-1\"}"),
                List.of(),
                null,
                null));
    assertThat(check(template.formatted(publicWithVpc), deployed))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message()).contains("AppSecurityGroupManagement can only be changed"));
  }

  @Test
  void templateProblemsAndResolutionProblemsAreFindingsToo() {
    assertThat(check("Resources: {}"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message()).isEqualTo("At least one Resources member must be defined"));
    final List<Validation.Finding> findings =
        check(
            """
            Resources:
              Role: {Type: AWS::IAM::Role}
              Domain:
                Type: Org::SageMaker::StudioDomain
                Properties:
                  DomainName: !Select [3, [a]]
            Outputs:
              Bad: {Value: !Select [9, [a]]}
            """);
    assertThat(findings)
        .extracting(Validation.Finding::location)
        .containsExactly(
            "Resources.Domain.Properties.DomainName.Fn::Select", "Outputs.Bad.Value.Fn::Select");
    assertThat(findings.get(0).logicalId()).isEqualTo("Domain");
    assertThat(Validation.text("t.yaml", findings)).hasSize(3);
    assertThat(
            ResourceTypes.handled(StudioTypes.DOMAIN)
                .checkSchema(
                    EmulatedAws.json(
                        "{\"DomainName\": [\"array\"], \"AuthMode\": \"IAM\", \"DefaultUserSettings\": {}}"),
                    List.of()))
        .satisfies(f -> assertThat(f.message()).startsWith("Model validation failed ("));
    assertThat(
            ResourceTypes.handled(StudioTypes.DOMAIN)
                .checkSchema(
                    EmulatedAws.json(
                        "{\"DomainName\": [\"array\"], \"AuthMode\": \"IAM\", \"DefaultUserSettings\": {}}"),
                    List.of("#/DomainName")))
        .isNull();
  }
}
