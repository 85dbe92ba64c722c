package com.org.sagemaker.runner.migrate;

import static com.org.sagemaker.runner.migrate.MigratorTest.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.org.sagemaker.runner.studio.StudioTypes;
import com.org.sagemaker.runner.template.TemplateException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of {@code migrate}, one at a time, on small templates. */
class MigrationRulesTest {

  private static final String FUNCTION =
      """
        Fn:
          Type: AWS::Lambda::Function
          Properties:
            Handler: domain_function.lambda_handler
            Role: arn:aws:iam::123456789012:role/r
      """;

  private static Migrator.Migration migrate(final String text) {
    return Migrator.migrate(yaml(text), List.of(), List.of());
  }

  /** A domain custom resource with these properties (indented for Properties). */
  private static Migrator.Migration domain(final String parameters, final String properties) {
    return migrate(
        "Parameters:\n"
            + parameters
            + "\nResources:\n"
            + FUNCTION
            + "  Domain:\n    Type: Custom::StudioDomain\n    Properties:\n"
            + "      ServiceToken: !GetAtt Fn.Arn\n"
            + properties);
  }

  private static JsonNode domainProperties(final String parameters, final String properties) {
    return domain(parameters, properties).template().at("/Resources/Domain/Properties");
  }

  private static JsonNode value(final String yamlValue) {
    return yaml("V: " + yamlValue).get("V");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'subnet-1, subnet-2'              | [subnet-1, subnet-2]",
        "[subnet-1]                        | [subnet-1]",
        "!Ref Listed                       | !Ref Listed",
        "!Ref Commas                       | !Ref Commas",
        "!Ref Text                         | !Split [',', !Ref Text]",
        "!Ref AWS::Region                  | !Split [',', !Ref AWS::Region]",
        "!Join [',', [a, !Ref Text]]       | [a, !Ref Text]",
        "!Join [';', [a, b]]               | !Split [',', !Join [';', [a, b]]]",
        "!Split [',', !Ref Text]           | !Split [',', !Ref Text]",
        "!ImportValue net-subnets          | !Split [',', !ImportValue net-subnets]",
        "!If [C, !Ref Text, !Ref AWS::NoValue] | !If [C, !Split [',', !Ref Text], !Ref AWS::NoValue]",
        "!If [C, 'a,b', !Ref Listed]       | !If [C, [a, b], !Ref Listed]",
      })
  void subnetIdsBecomeAList(final String old, final String migrated) {
    final String parameters =
        """
          Listed: {Type: List<AWS::EC2::Subnet::Id>}
          Commas: {Type: CommaDelimitedList}
          Text: {Type: String}
        """;
    assertThat(domainProperties(parameters, "      SubnetIds: " + old + "\n").get("SubnetIds"))
        .isEqualTo(value(migrated));
  }

  @Test
  void authModeIsWrittenOutAndAWrittenOneIsKeptButQuestioned() {
    final Migrator.Migration none = domain("  P: {Type: String}", "      DomainName: d\n");
    assertThat(none.template().at("/Resources/Domain/Properties/AuthMode").asText())
        .isEqualTo("IAM");
    assertThat(none.findings())
        .extracting(MigrationFinding::location)
        .containsExactly(
            "Resources.Domain.Properties.RetentionPolicy",
            "Resources.Domain.Properties.DefaultUserSettings");
    assertThat(none.findings().get(1).message())
        .isEqualTo("required by " + StudioTypes.DOMAIN + " but missing; add it");

    final Migrator.Migration sso =
        domain(
            "  P: {Type: String}",
            "      AuthMode: SSO\n      DomainName: d\n      DefaultUserSettings: {}\n"
                + "      RetentionPolicy: {HomeEfsFileSystem: Delete}\n");
    assertThat(sso.template().at("/Resources/Domain/Properties/AuthMode").asText())
        .isEqualTo("SSO");
    assertThat(sso.findings()).hasSize(1);
    assertThat(sso.findings().get(0).toString())
        .isEqualTo(
            "Resources.Domain.Properties.AuthMode: the sample's function ignored AuthMode and created"
                + " IAM domains; kept \"SSO\" as written: check it with aws sagemaker describe-domain");

    final Migrator.Migration iam =
        domain(
            "  P: {Type: String}",
            "      DefaultUserSettings: {}\n      AuthMode: IAM\n"
                + "      RetentionPolicy: {HomeEfsFileSystem: Retain}\n");
    assertThat(iam.findings())
        .extracting(MigrationFinding::location)
        .containsExactly("Resources.Domain.Properties.DomainName");
    assertThat(iam.template().at("/Resources/Domain/Properties/AuthMode").asText())
        .isEqualTo("IAM");
  }

  @Test
  void whatOurSchemaHasNoPlaceForIsDroppedAndNamedAndQuotedScalarsGetTheirTypes() {
    final Migrator.Migration migration =
        migrate(
            "Resources:\n"
                + FUNCTION.replace("domain_function", "UserProfile_function")
                + """
                  Profile:
                    Type: Custom::UserProfile
                    Properties:
                      ServiceToken: !GetAtt Fn.Arn
                      DomainId: d-abc
                      UserProfileName: alice
                      UserProfileArn: arn:aws:sagemaker:us-east-1:123456789012:user-profile/d-abc/alice
                      DeleteAppsOnDelete: "false"
                      UserSettings:
                        JupyterServerAppSettings: !If [C, {}, !Ref AWS::NoValue]
                        SecurityGroups: [sg-1]
                        SpaceStorageSettings:
                          DefaultEbsStorageSettings:
                            DefaultEbsVolumeSizeInGb: "ten"
                """);
    assertThat(migration.template().at("/Resources/Profile/Properties"))
        .isEqualTo(
            yaml(
                """
                DomainId: d-abc
                UserProfileName: alice
                DeleteAppsOnDelete: false
                UserSettings:
                  JupyterServerAppSettings: !If [C, {}, !Ref AWS::NoValue]
                  SecurityGroups: [sg-1]
                  SpaceStorageSettings:
                    DefaultEbsStorageSettings:
                      DefaultEbsVolumeSizeInGb: ten
                """));
    assertThat(migration.findings())
        .extracting(MigrationFinding::toString)
        .containsExactly(
            "Resources.Profile.Properties.UserProfileArn: read-only in "
                + StudioTypes.USER_PROFILE
                + " (it returns it as an attribute); dropped");
  }

  @Test
  void customResourcesAreRecognisedByTheirFunctionWhateverTheirTypeName() {
    final Migrator.Migration migration =
        migrate(
            """
            Resources:
              ByHandler:
                Type: AWS::Serverless::Function
                Properties: {Handler: UserProfile_function.handler}
              ByKey:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: index.handler
                  Code: {S3Bucket: b, S3Key: releases/v2/Domain_Function.zip}
              ByUse:
                Type: AWS::Lambda::Function
                Properties: {Handler: index.handler}
              Other:
                Type: AWS::Lambda::Function
                Properties: {Handler: index.handler}
              Sample:
                Type: Custom::UserProfile
                Properties: {ServiceToken: !GetAtt ByUse.Arn, DomainId: d-a, UserProfileName: a}
              Generic:
                Type: AWS::CloudFormation::CustomResource
                Properties: {ServiceToken: !GetAtt ByHandler.Arn, DomainId: d-a, UserProfileName: b}
              Named:
                Type: Custom::Team
                Properties:
                  ServiceToken: !Sub arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${ByKey}
                  DomainName: team
                  DefaultUserSettings: {}
              SameFunction:
                Type: Custom::Second
                Properties: {ServiceToken: !GetAtt ByUse.Arn, DomainId: d-a, UserProfileName: c}
              Unrelated:
                Type: Custom::Other
                Properties: {ServiceToken: !GetAtt Other.Arn}
              External:
                Type: Custom::Other
                Properties: {ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:x}
            """);
    assertThat(migration.migrated().values())
        .extracting(found -> found.logicalId() + " " + found.kind() + " " + found.provider())
        .containsExactly(
            "Sample PROFILE ByUse",
            "Generic PROFILE ByHandler",
            "Named DOMAIN ByKey",
            "SameFunction PROFILE ByUse");
    assertThat(migration.removedResources())
        .containsExactlyInAnyOrder("ByHandler", "ByKey", "ByUse");
    assertThat(migration.template().at("/Resources/Unrelated/Type").asText())
        .isEqualTo("Custom::Other");
    assertThat(migration.template().at("/Resources/Other").isMissingNode()).isFalse();
  }

  @Test
  void aTemplateWithoutThePatternIsRefused() {
    assertThatThrownBy(() -> migrate("Resources:\n" + FUNCTION))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("Resources: nothing to migrate");
    assertThatThrownBy(() -> migrate("Resources:\n  Odd: [1]\n"))
        .hasMessage("Resources.Odd: a resource is a mapping with a Type");
    assertThatThrownBy(() -> migrate("Parameters: {}")).hasMessage("Resources: missing or empty");
    assertThatThrownBy(() -> Migrator.migrate(yaml("{\"L\": [1]}").get("L"), List.of(), List.of()))
        .hasMessage("template: a template is a mapping with Resources");
  }

  @Test
  void whatStillUsesTheFunctionOrItsRoleIsKept() {
    final Migrator.Migration migration =
        migrate(
            """
            Parameters:
              Bucket: {Type: String}
              OnlyKept: {Type: String}
              Unused: {Type: String}
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties: {AssumeRolePolicyDocument: {}}
              Shared:
                Type: AWS::IAM::Role
                Properties: {AssumeRolePolicyDocument: {}}
              BothRoles:
                Type: AWS::IAM::ManagedPolicy
                Properties: {Roles: [!Ref Role, !Ref Shared], PolicyDocument: {}}
              ByName:
                Type: AWS::IAM::Policy
                Properties: {Roles: [some-role-name], PolicyName: p, PolicyDocument: {}}
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: domain_function.lambda_handler
                  Role: !GetAtt Role.Arn
                  Code: {S3Bucket: !Ref Bucket, S3Key: k}
              Layer:
                Type: AWS::Lambda::LayerVersion
                Properties: {Content: {S3Bucket: !Ref OnlyKept, S3Key: k}}
              Watcher:
                Type: AWS::Events::Rule
                DependsOn: Layer
                Properties: {Targets: [{Arn: !GetAtt Fn.Arn, Id: t}]}
              Domain:
                Type: Custom::StudioDomain
                DependsOn: [Fn, Role]
                Properties:
                  ServiceToken: !GetAtt Fn.Arn
                  DomainName: d
                  DefaultUserSettings: {ExecutionRole: !GetAtt Shared.Arn}
            Outputs:
              Function:
                Value: !Ref Fn
            """);
    assertThat(migration.removedResources()).isEmpty();
    assertThat(migration.removedParameters()).isEmpty();
    assertThat(migration.findings())
        .extracting(MigrationFinding::toString)
        .contains(
            "Resources.Fn: kept: the custom resources' function, still used by [Watcher,"
                + " Outputs.Function]");
    assertThat(migration.template().at("/Resources/Domain/DependsOn"))
        .isEqualTo(value("[Fn, Role]"));
  }

  @Test
  void rolesAndPoliciesGoTogetherWhenOnlyTheFunctionUsedThem() {
    final Migrator.Migration migration =
        migrate(
            """
            Parameters:
              Bucket: {Type: String}
              Retention: {Type: Number}
            Conditions:
              Long: !Equals [!Ref Retention, "30"]
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties: {AssumeRolePolicyDocument: {}}
              Inline:
                Type: AWS::IAM::Policy
                Properties: {Roles: [!Ref Role], PolicyName: p, PolicyDocument: {}}
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: domain_function.lambda_handler
                  Role: !GetAtt Role.Arn
                  Code: {S3Bucket: !Ref Bucket, S3Key: k}
              Logs:
                Type: AWS::Logs::LogGroup
                Condition: Long
                Properties: {LogGroupName: !Sub "/aws/lambda/${Fn}", RetentionInDays: !Ref Retention}
              Alias:
                Type: AWS::Lambda::Alias
                Properties: {FunctionName: !Ref Fn, FunctionVersion: $LATEST, Name: live}
              Domain:
                Type: Custom::StudioDomain
                DependsOn: Inline
                Properties:
                  ServiceToken: !GetAtt Fn.Arn
                  DomainName: d
                  DefaultUserSettings: {ExecutionRole: arn:aws:iam::123456789012:role/x}
            """);
    assertThat(migration.removedResources())
        .containsExactlyInAnyOrder("Role", "Inline", "Fn", "Logs", "Alias");
    // Retention is still used by the condition, which stays.
    assertThat(migration.removedParameters()).containsExactly("Bucket");
    assertThat(migration.template().at("/Resources/Domain").has("DependsOn")).isFalse();
  }

  @Test
  void referencesInSubsStayReadable() {
    final Migrator.Migration migration =
        migrate(
            """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties: {Handler: UserProfile_function.lambda_handler}
              Domain:
                Type: Custom::StudioDomain
                Properties:
                  ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:domain
                  DomainName: team
                  SubnetIds: a,b
                  DefaultUserSettings: {}
              Literal:
                Type: Custom::UserProfile
                Properties: {ServiceToken: !GetAtt Fn.Arn, DomainId: !Ref Domain, UserProfileName: ann}
              Joined:
                Type: Custom::UserProfile
                Properties:
                  ServiceToken: !GetAtt Fn.Arn
                  DomainId: !Ref Domain
                  UserProfileName: !Join ["-", [team, !Ref AWS::Region]]
            Outputs:
              Text:
                Value: !Sub "${Literal}/${Joined}/${Domain.DomainName}/${Domain.SubnetIds}/${Domain.Url}/${!Literal}"
              WithMap:
                Value: !Sub ["${Joined}:${X}", {X: !GetAtt Literal.UserProfileName}]
            """);
    assertThat(migration.template().get("Outputs"))
        .isEqualTo(
            yaml(
                """
                Text:
                  Value: !Sub
                    - "ann/${Joined}/team/${DomainSubnetIds}/${Domain.Url}/${!Literal}"
                    - Joined: !Join ["-", [team, !Ref AWS::Region]]
                      DomainSubnetIds: !Join [",", [a, b]]
                WithMap:
                  Value: !Sub
                    - "${Joined}:${X}"
                    - X: ann
                      Joined: !Join ["-", [team, !Ref AWS::Region]]
                """));
  }

  @Test
  void aProfileWithoutANameCannotStandInForItsRef() {
    final Migrator.Migration migration =
        migrate(
            """
            Resources:
              Profile:
                Type: Custom::UserProfile
                Properties: {ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:p, DomainId: d-a}
            Outputs:
              Name: {Value: !Ref Profile}
              Arn: {Value: !GetAtt Profile.UserProfileArn}
            """);
    assertThat(migration.findings())
        .extracting(MigrationFinding::toString)
        .containsExactly(
            "Resources.Profile.Properties.UserProfileName: required by "
                + StudioTypes.USER_PROFILE
                + " but missing; add it",
            "Outputs.Name.Value: Profile has no UserProfileName to stand in for it; left as is");
    assertThat(migration.template().at("/Outputs/Arn/Value"))
        .isEqualTo(value("!GetAtt Profile.UserProfileArn"));
  }

  @Test
  void anExistingDeletionPolicyIsKeptWithoutAnImportAndRetainedForOne() {
    final String template =
        """
        Resources:
          Domain:
            Type: Custom::StudioDomain
            DeletionPolicy: Delete
            Properties:
              ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:d
              DomainName: d
              DefaultUserSettings: {}
        """;
    assertThat(migrate(template).template().at("/Resources/Domain/DeletionPolicy").asText())
        .isEqualTo("Delete");
    final Migrator.Migration imported =
        Migrator.migrate(yaml(template), List.of("d-abc"), List.of());
    assertThat(imported.template().at("/Resources/Domain/DeletionPolicy").asText())
        .isEqualTo("Retain");
    assertThat(imported.findings())
        .extracting(MigrationFinding::location)
        .contains("Resources.Domain.DeletionPolicy");
    assertThat(
            imported
                .steps()
                .get(ImportSteps.RETAIN)
                .at("/Resources/Domain/DeletionPolicy")
                .asText())
        .isEqualTo("Retain");
  }

  @Test
  void unusualReferenceFormsAreReadOrLeftAlone() {
    final Migrator.Migration migration =
        migrate(
            """
            Resources:
              Profile:
                Type: Custom::UserProfile
                Properties:
                  ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:p
                  DomainId: d-a
                  UserProfileName: !Join ["", [a, b]]
            Outputs:
              DottedLongForm: {Value: {"Fn::GetAtt": "Profile.UserProfileName"}}
              Malformed: {Value: {"Fn::GetAtt": ["Profile"]}}
              RefOfAFunction: {Value: {"Ref": {"Fn::Sub": "Profile"}}}
              Taken: {Value: !Sub ["${Profile}${ProfileValue}", {ProfileValue: x, Profile: y}]}
              Clash: {Value: !Sub ["${Profile.UserProfileName}", {ProfileUserProfileName: x}]}
            """);
    assertThat(migration.template().get("Outputs"))
        .isEqualTo(
            yaml(
                """
                DottedLongForm: {Value: !Join ["", [a, b]]}
                Malformed: {Value: {"Fn::GetAtt": ["Profile"]}}
                RefOfAFunction: {Value: {"Ref": {"Fn::Sub": "Profile"}}}
                Taken: {Value: !Sub ["${Profile}${ProfileValue}", {ProfileValue: x, Profile: y}]}
                Clash:
                  Value: !Sub
                    - "${ProfileUserProfileNameValue}"
                    - ProfileUserProfileName: x
                      ProfileUserProfileNameValue: !Join ["", [a, b]]
                """));
  }

  @Test
  void whatIsNotKnownBeforeTheImportIsLeftOutOfTheStepsOrNamed() {
    final Migrator.Migration migration =
        Migrator.migrate(
            yaml(
                """
                Resources:
                  Domain:
                    Type: Custom::StudioDomain
                    Properties:
                      ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:d
                      DomainName: d
                      DefaultUserSettings: {}
                  Link:
                    Type: AWS::SSM::Parameter
                    Properties: {Type: String, Value: !GetAtt Domain.Url}
                Outputs:
                  Url: {Value: !GetAtt Domain.Url}
                  Name: {Value: !GetAtt Domain.DomainName}
                """),
            List.of("d-abc"),
            List.of());
    final JsonNode detach = migration.steps().get(ImportSteps.DETACH);
    assertThat(detach.get("Outputs")).isEqualTo(yaml("Name: {Value: d}"));
    assertThat(detach.at("/Resources/Link/Properties/Value"))
        .isEqualTo(value("!GetAtt Domain.Url"));
    assertThat(migration.stepFindings())
        .extracting(MigrationFinding::toString)
        .containsExactly(
            "Resources.Link.Properties.Value: Domain.Url is not known until the resource is"
                + " imported; left as is",
            "Outputs.Url.Value: Domain.Url is not known until the resource is imported; left as is",
            "Outputs.Url: left out until the final template");
  }
}
