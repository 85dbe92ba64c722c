package com.org.sagemaker.runner.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.runner.studio.StudioTypes;
import com.org.sagemaker.runner.template.TemplateYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

public class MigratorTest {

  public static final Path BLOG =
      Path.of("src", "test", "resources", "migrate", "blog-custom-resource.yaml");
  public static final Path TWO_PROFILES =
      Path.of("src", "test", "resources", "migrate", "two-profiles-custom-parameters.yaml");

  static JsonNode yaml(final String text) {
    return TemplateYaml.read(text, "test");
  }

  public static JsonNode load(final Path file) throws IOException {
    return TemplateYaml.read(Files.readString(file), String.valueOf(file));
  }

  private static Migrator.Migration migrate(final JsonNode template, final String... ids) {
    final List<String> domains = new ArrayList<>();
    final List<String> profiles = new ArrayList<>();
    for (final String id : ids) {
      (id.contains("d-") && !id.contains("/") ? domains : profiles).add(id);
    }
    return Migrator.migrate(template, domains, profiles);
  }

  private static List<String> names(final JsonNode node) {
    final List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> locations(final List<MigrationFinding> findings) {
    return findings.stream().map(MigrationFinding::location).toList();
  }

  @Test
  void theBlogTemplateBecomesOurTypesWithoutItsFunctions() throws IOException {
    final Migrator.Migration migration = migrate(load(BLOG));
    final JsonNode resources = migration.template().get("Resources");

    assertThat(names(resources))
        .containsExactly("SageMakerExecutionRole", "StudioDomain", "UserProfile");
    assertThat(resources.get("StudioDomain"))
        .isEqualTo(
            yaml(
                """
                Type: Org::SageMaker::StudioDomain
                Properties:
                  VpcId: !Ref VPCId
                  SubnetIds: !Split [",", !Ref SubnetIds]
                  DomainName: MyDomainName
                  AuthMode: IAM
                  DefaultUserSettings:
                    ExecutionRole: !GetAtt SageMakerExecutionRole.Arn
                """));
    assertThat(names(resources.at("/StudioDomain/Properties")))
        .containsExactly("VpcId", "SubnetIds", "DomainName", "AuthMode", "DefaultUserSettings");
    assertThat(resources.get("UserProfile"))
        .isEqualTo(
            yaml(
                """
                Type: Org::SageMaker::StudioUserProfile
                Properties:
                  DomainId: !GetAtt StudioDomain.DomainId
                  UserProfileName: !Ref UserProfileName
                  UserSettings:
                    ExecutionRole: !GetAtt SageMakerExecutionRole.Arn
                """));
    assertThat(migration.removedResources())
        .containsExactlyInAnyOrder(
            "StudioDomainFunction",
            "UserProfileFunction",
            "LambdaExecutionRole",
            "LambdaExecutionPolicy",
            "CfnResponseLayer");
    assertThat(names(migration.template().get("Parameters")))
        .containsExactly("UserProfileName", "VPCId", "SubnetIds");
    assertThat(migration.removedParameters()).containsExactly("S3Bucket");
    assertThat(locations(migration.findings()))
        .containsExactly("Resources.StudioDomain.Properties.RetentionPolicy");
    assertThat(migration.imports()).isEmpty();
    assertThat(migration.steps()).isEmpty();
    assertThat(migration.template().get("AWSTemplateFormatVersion").asText())
        .isEqualTo("2010-09-09");
  }

  @Test
  void withTheLiveIdsTheBlogTemplateGetsAnImportAndItsSteps() throws IOException {
    final JsonNode old = load(BLOG);
    final Migrator.Migration migration = migrate(old, "d-abc123def456", "DefaultUser");

    assertThat(ImportPlan.toJson(migration.imports()))
        .isEqualTo(
            yaml("""
                    List:
                      - ResourceType: Org::SageMaker::StudioDomain
                        LogicalResourceId: StudioDomain
                        ResourceIdentifier: {DomainId: d-abc123def456}
                      - ResourceType: Org::SageMaker::StudioUserProfile
                        LogicalResourceId: UserProfile
                        ResourceIdentifier: {DomainId: d-abc123def456, UserProfileName: DefaultUser}
                    """)
                .get("List"));
    final JsonNode resources = migration.template().get("Resources");
    assertThat(resources.at("/StudioDomain/DeletionPolicy").asText()).isEqualTo("Retain");
    assertThat(resources.at("/UserProfile/DeletionPolicy").asText()).isEqualTo("Retain");
    assertThat(names(resources.get("StudioDomain")))
        .containsExactly("Type", "DeletionPolicy", "Properties");

    final ObjectNode retain = migration.steps().get(ImportSteps.RETAIN);
    final ObjectNode expectedRetain = old.deepCopy();
    ((ObjectNode) expectedRetain.at("/Resources/StudioDomain")).put("DeletionPolicy", "Retain");
    ((ObjectNode) expectedRetain.at("/Resources/UserProfile")).put("DeletionPolicy", "Retain");
    assertThat(retain).isEqualTo(expectedRetain);
    assertThat(names(retain.at("/Resources/UserProfile")))
        .containsExactly("Type", "DeletionPolicy", "Properties");

    final ObjectNode detach = migration.steps().get(ImportSteps.DETACH);
    final ObjectNode expectedDetach = old.deepCopy();
    ((ObjectNode) expectedDetach.get("Resources")).remove(List.of("StudioDomain", "UserProfile"));
    assertThat(detach).isEqualTo(expectedDetach);

    final ObjectNode imported = migration.steps().get(ImportSteps.IMPORT);
    final ObjectNode expectedImport = expectedDetach.deepCopy();
    ((ObjectNode) expectedImport.get("Resources"))
        .set("StudioDomain", resources.get("StudioDomain"));
    ((ObjectNode) expectedImport.get("Resources")).set("UserProfile", resources.get("UserProfile"));
    assertThat(imported).isEqualTo(expectedImport);
    assertThat(migration.stepFindings()).isEmpty();
  }

  @Test
  void twoProfilesWithCustomParametersAndGenericCustomTypes() throws IOException {
    final Migrator.Migration migration = migrate(load(TWO_PROFILES));
    final JsonNode template = migration.template();
    final JsonNode resources = template.get("Resources");

    assertThat(names(resources))
        .containsExactly(
            "StudioRole",
            "StudioDomain",
            "Alice",
            "Bob",
            "DomainIdParameter",
            "FirstUserParameter");
    assertThat(resources.get("StudioDomain"))
        .isEqualTo(
            yaml(
                """
                Type: Org::SageMaker::StudioDomain
                Properties:
                  DomainName: !Sub ${Environment}-studio
                  AuthMode: IAM
                  VpcId: !Ref VpcId
                  SubnetIds: !Ref Subnets
                  DefaultUserSettings:
                    ExecutionRole: !GetAtt StudioRole.Arn
                    SpaceStorageSettings:
                      DefaultEbsStorageSettings:
                        DefaultEbsVolumeSizeInGb: 10
                        MaximumEbsVolumeSizeInGb: 100
                """));
    assertThat(resources.get("Bob"))
        .isEqualTo(
            yaml(
                """
                Type: Org::SageMaker::StudioUserProfile
                Condition: IsProd
                Properties:
                  DomainId: !Ref StudioDomain
                  UserProfileName: bob
                """));
    assertThat(resources.at("/Alice/Type").asText()).isEqualTo(StudioTypes.USER_PROFILE);
    // The profile's name was its Ref; the value stands in, and the order is kept by DependsOn.
    assertThat(resources.get("FirstUserParameter"))
        .isEqualTo(
            yaml(
                """
                Type: AWS::SSM::Parameter
                Properties:
                  Type: String
                  Name: !Sub /${Environment}/studio/first-user
                  Value: !Ref AliceName
                DependsOn: Alice
                """));
    assertThat(resources.at("/DomainIdParameter/Properties/Value"))
        .isEqualTo(yaml("V: !GetAtt StudioDomain.DomainId").get("V"));
    assertThat(template.get("Outputs"))
        .isEqualTo(
            yaml(
                """
                DomainId:
                  Value: !GetAtt StudioDomain.DomainId
                  Export:
                    Name: !Sub ${AWS::StackName}-DomainId
                DomainSubnets:
                  Value: !Join [",", !Ref Subnets]
                Users:
                  Value: !Sub "${AliceName} in ${StudioDomain}"
                BobName:
                  Condition: IsProd
                  Value: bob
                EfsSecurityGroup:
                  Value: !GetAtt StudioDomain.InboundEFSSecurityGroupId
                """));
    assertThat(migration.removedResources())
        .containsExactlyInAnyOrder(
            "DomainProvider",
            "DomainProviderLogs",
            "ProfileProvider",
            "ProfileProviderPermission",
            "ProviderRole",
            "ProviderPolicy");
    assertThat(names(template.get("Parameters")))
        .containsExactly("Environment", "VpcId", "Subnets", "AliceName");
    assertThat(template.get("Metadata"))
        .isEqualTo(
            yaml(
                """
                AWS::CloudFormation::Interface:
                  ParameterGroups:
                    - Label: {default: Network}
                      Parameters: [VpcId, Subnets]
                """));
    assertThat(template.get("Conditions")).isEqualTo(load(TWO_PROFILES).get("Conditions"));
    assertThat(locations(migration.findings()))
        .containsExactly(
            "Resources.StudioDomain.Properties.RetentionPolicy",
            "Resources.StudioDomain.Properties.Owner",
            "Resources.StudioDomain.Properties.DefaultUserSettings.Theme",
            "Outputs.EfsSecurityGroup.Value");
    assertThat(migration.findings().get(3).message())
        .contains("StudioDomain.InboundEFSSecurityGroupId", "no such attribute", "Url");
  }

  @Test
  void aConditionalProfileIsImportedOnlyWhenNamed() throws IOException {
    final JsonNode old = load(TWO_PROFILES);
    final Migrator.Migration unnamed = migrate(old, "d-0123456789ab", "alice");
    assertThat(unnamed.imports().keySet()).containsExactly("StudioDomain", "Alice");
    assertThat(unnamed.imports().get("Alice").profileName()).isEqualTo("alice");
    assertThat(unnamed.stepFindings())
        .extracting(MigrationFinding::toString)
        .containsExactly(
            "Resources.Bob: not imported: it has Condition \"IsProd\" and no identifier was given;"
                + " right if the condition is false in the stack, else name it with"
                + " --domain-id/--profile Bob=...",
            "Outputs.EfsSecurityGroup: left out until the final template");

    final ObjectNode detach = unnamed.steps().get(ImportSteps.DETACH);
    assertThat(names(detach.get("Resources"))).doesNotContain("StudioDomain", "Alice", "Bob");
    assertThat(detach.at("/Resources/DomainIdParameter/Properties/Value").asText())
        .isEqualTo("d-0123456789ab");
    assertThat(detach.at("/Resources/FirstUserParameter"))
        .isEqualTo(
            yaml(
                """
                Type: AWS::SSM::Parameter
                Properties:
                  Type: String
                  Name: !Sub /${Environment}/studio/first-user
                  Value: !Ref AliceName
                """));
    assertThat(detach.get("Outputs"))
        .isEqualTo(
            yaml(
                """
                DomainId:
                  Value: d-0123456789ab
                  Export:
                    Name: !Sub ${AWS::StackName}-DomainId
                DomainSubnets:
                  Value: !Join [",", !Ref Subnets]
                Users:
                  Value: !Sub "${AliceName} in d-0123456789ab"
                BobName:
                  Condition: IsProd
                  Value: bob
                """));
    final ObjectNode imported = unnamed.steps().get(ImportSteps.IMPORT);
    assertThat(imported.get("Outputs")).isEqualTo(detach.get("Outputs"));
    assertThat(names(imported.get("Resources")))
        .containsExactlyElementsOf(names(old.get("Resources")));
    assertThat(imported.at("/Resources/DomainProvider"))
        .isEqualTo(old.at("/Resources/DomainProvider"));

    final Migrator.Migration named =
        migrate(old, "StudioDomain=d-0123456789ab", "alice", "Bob=bob");
    assertThat(ImportPlan.toJson(named.imports()).toString())
        .isEqualTo(
            "[{\"ResourceType\":\"Org::SageMaker::StudioDomain\",\"LogicalResourceId\":\"StudioDomain\","
                + "\"ResourceIdentifier\":{\"DomainId\":\"d-0123456789ab\"}},"
                + "{\"ResourceType\":\"Org::SageMaker::StudioUserProfile\",\"LogicalResourceId\":\"Alice\","
                + "\"ResourceIdentifier\":{\"DomainId\":\"d-0123456789ab\",\"UserProfileName\":\"alice\"}},"
                + "{\"ResourceType\":\"Org::SageMaker::StudioUserProfile\",\"LogicalResourceId\":\"Bob\","
                + "\"ResourceIdentifier\":{\"DomainId\":\"d-0123456789ab\",\"UserProfileName\":\"bob\"}}]");
    assertThat(locations(named.stepFindings())).containsExactly("Outputs.EfsSecurityGroup");
  }
}
