package com.org.sagemaker.runner.engine;

import static com.org.sagemaker.runner.StackOnEmulator.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.org.sagemaker.emulator.Faults;
import com.org.sagemaker.emulator.Timings;
import com.org.sagemaker.runner.EmulatedAws;
import com.org.sagemaker.runner.StackOnEmulator;
import com.org.sagemaker.runner.state.StackState;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CloudFormation's rollbacks through the real handlers and the emulator: a failed update is updated
 * back everywhere it changed things, a failed create cancels and deletes what it began, and a
 * failed create of a profile whose name is taken never hands the rollback the live profile.
 */
@ExtendWith(EmulatedAws.Extension.class)
class RollbackEndToEndTest {

  private static final String DOMAIN_AND_PROFILE =
      """
      Parameters:
        Propagation: {Type: String, Default: DISABLED}
        ProfileRole: {Type: String, Default: "arn:aws:iam::123456789012:role/Studio"}
      Resources:
        Domain:
          Type: Org::SageMaker::StudioDomain
          Properties:
            DomainName: %s
            AuthMode: IAM
            VpcId: vpc-1
            SubnetIds: [subnet-1]
            TagPropagation: !Ref Propagation
            DefaultUserSettings:
              ExecutionRole: arn:aws:iam::123456789012:role/Studio
        Profile:
          Type: Org::SageMaker::StudioUserProfile
          Properties:
            DomainId: !GetAtt Domain.DomainId
            UserProfileName: analyst
            UserSettings:
              ExecutionRole: !Ref ProfileRole
      """;

  private static JsonNode describeDomain(final EmulatedAws aws, final StackState state) {
    return aws.emulator.call(
        "DescribeDomain",
        EmulatedAws.json(
            "{\"DomainId\": \"%s\"}".formatted(state.resources().get("Domain").physicalId())));
  }

  @Test
  void aFailedUpdateIsUpdatedBackOnEveryResourceItChanged(final EmulatedAws aws) {
    final StackOnEmulator stack = new StackOnEmulator(aws, "update-back", 1);
    final String template = DOMAIN_AND_PROFILE.formatted("update-back");
    assertThat(stack.deploy(template, Map.of()).stackStatus()).isEqualTo("CREATE_COMPLETE");
    stack.output();

    // The domain's update succeeds; the profile's is refused by its handler before any call.
    final Deployer.Outcome outcome =
        stack.deploy(template, Map.of("Propagation", "ENABLED", "ProfileRole", "not-a-role"));

    final String output = stack.output();
    assertThat(outcome.stackStatus()).as(output).isEqualTo("UPDATE_ROLLBACK_COMPLETE");
    assertThat(line(output, "Profile ", "UPDATE_FAILED"))
        .contains("Resource handler returned message: \"Model validation failed");
    assertThat(output).contains("HandlerErrorCode: InvalidRequest)");
    assertThat(line(output, "UPDATE_ROLLBACK_IN_PROGRESS"))
        .endsWith("The following resource(s) failed to update: [Profile].");
    assertThat(output.lines().filter(l -> l.contains("Domain ") && l.contains("UPDATE_COMPLETE")))
        .hasSize(2);
    assertThat(output.lines().filter(l -> l.contains("Profile ") && l.contains("UPDATE_COMPLETE")))
        .hasSize(1);
    assertThat(describeDomain(aws, stack.state).get("TagPropagation").asText())
        .isEqualTo("DISABLED");
    assertThat(stack.deploy(template, Map.of("Propagation", "ENABLED")).stackStatus())
        .isEqualTo("UPDATE_COMPLETE");
    assertThat(stack.delete().stackStatus()).isEqualTo("DELETE_COMPLETE");
  }

  @Test
  void aFailedCreateCancelsItsSiblingAndDeletesWhatItBegan(final EmulatedAws aws) {
    final StackOnEmulator stack = new StackOnEmulator(aws, "create-back", 1);
    final String template =
        ParallelDeployTest.template("create-back", 2)
            .replace(
                "      UserProfileName: user-1\n",
                "      UserProfileName: user-1\n      SingleSignOnUserIdentifier: UserName\n      SingleSignOnUserValue: sso\n");
    final int profilesBefore = aws.emulator.counts().get("userProfiles");

    final Deployer.Outcome outcome = stack.deploy(template, Map.of());

    final String output = stack.output();
    assertThat(outcome.stackStatus()).as(output).isEqualTo("ROLLBACK_COMPLETE");
    assertThat(line(output, "User1 ", "CREATE_FAILED")).contains("only for SSO domains");
    assertThat(line(output, "User2 ", "CREATE_FAILED")).endsWith("Resource creation cancelled");
    assertThat(line(output, "User2 ", "DELETE_COMPLETE")).isNotEmpty();
    assertThat(line(output, "Domain ", "DELETE_COMPLETE")).isNotEmpty();
    aws.clock.advance(Timings.REALISTIC.domainDelete());
    assertThat(aws.emulator.counts().get("userProfiles")).isEqualTo(profilesBefore);
  }

  @Test
  void anUpdateEndingUpdateFailedRollsBackToTheOldSettings(final EmulatedAws aws) {
    final StackOnEmulator stack = new StackOnEmulator(aws, "update-failed", 1);
    final String template = DOMAIN_AND_PROFILE.formatted("update-failed");
    assertThat(stack.deploy(template, Map.of()).stackStatus()).isEqualTo("CREATE_COMPLETE");
    aws.emulator
        .faults()
        .transition("Domain.Update", Faults.Outcome.FAIL, "Security group not found");

    final Deployer.Outcome outcome = stack.deploy(template, Map.of("Propagation", "ENABLED"));

    final String output = stack.output();
    assertThat(outcome.stackStatus()).as(output).isEqualTo("UPDATE_ROLLBACK_COMPLETE");
    assertThat(line(output, "Domain ", "UPDATE_FAILED")).contains("Security group not found");
    final JsonNode domain = describeDomain(aws, stack.state);
    assertThat(domain.get("Status").asText()).isEqualTo("InService");
    assertThat(domain.get("TagPropagation").asText()).isEqualTo("DISABLED");
    assertThat(stack.deploy(template, Map.of("Propagation", "ENABLED")).stackStatus())
        .isEqualTo("UPDATE_COMPLETE");
    assertThat(stack.delete().stackStatus()).isEqualTo("DELETE_COMPLETE");
  }

  private static final String SSO_ANALYST =
      """
      Parameters:
        Person: {Type: String, Default: alice}
        Portal: {Type: String, Default: ENABLED}
      Resources:
        Domain:
          Type: Org::SageMaker::StudioDomain
          Properties:
            DomainName: %s
            AuthMode: SSO
            VpcId: vpc-1
            SubnetIds: [subnet-1]
            DefaultUserSettings:
              ExecutionRole: arn:aws:iam::123456789012:role/Studio
        Analyst:
          Type: Org::SageMaker::StudioUserProfile
          Properties:
            DomainId: !GetAtt Domain.DomainId
            UserProfileName: analyst
            SingleSignOnUserIdentifier: UserName
            SingleSignOnUserValue: !Ref Person
            UserSettings:
              StudioWebPortal: !Ref Portal
              DefaultLandingUri: "studio::"
      """;

  /** The stack deployed, and the analyst given an app and a private space out of band. */
  private static String analystWithAnAppAndASpace(
      final EmulatedAws aws, final StackOnEmulator stack, final String template) {
    assertThat(stack.deploy(template, Map.of()).stackStatus()).isEqualTo("CREATE_COMPLETE");
    final String domainId = stack.state.resources().get("Domain").physicalId();
    aws.emulator.call(
        "CreateApp",
        EmulatedAws.json(
            """
            {"DomainId": "%s", "UserProfileName": "analyst", "AppType": "JupyterServer", "AppName": "default"}
            """
                .formatted(domainId)));
    aws.emulator.call(
        "CreateSpace",
        EmulatedAws.json(
            """
            {"DomainId": "%s", "SpaceName": "analyst-private", "OwnershipSettings": {"OwnerUserProfileName": "analyst"},
             "SpaceSharingSettings": {"SharingType": "Private"}, "SpaceSettings": {"AppType": "JupyterLab"}}
            """
                .formatted(domainId)));
    aws.clock.advance(Timings.REALISTIC.appCreate().plus(Timings.REALISTIC.spaceCreate()));
    stack.output();
    return domainId;
  }

  /** The analyst as created (alice), InService, with its app and its private space. */
  private static void assertAnalystUntouched(final EmulatedAws aws, final String domainId) {
    aws.clock.advance(Timings.REALISTIC.profileDelete());
    final JsonNode profile =
        aws.emulator.call(
            "DescribeUserProfile",
            EmulatedAws.json(
                "{\"DomainId\": \"%s\", \"UserProfileName\": \"analyst\"}".formatted(domainId)));
    assertThat(profile.get("Status").asText()).isEqualTo("InService");
    assertThat(profile.get("SingleSignOnUserValue").asText()).isEqualTo("alice");
    assertThat(
            aws.emulator
                .call(
                    "ListApps",
                    EmulatedAws.json("{\"DomainIdEquals\": \"%s\"}".formatted(domainId)))
                .get("Apps"))
        .singleElement()
        .satisfies(app -> assertThat(app.get("Status").asText()).isEqualTo("InService"));
    final JsonNode spaces =
        aws.emulator
            .call(
                "ListSpaces", EmulatedAws.json("{\"DomainIdEquals\": \"%s\"}".formatted(domainId)))
            .get("Spaces");
    assertThat(spaces).hasSize(1);
    assertThat(spaces.get(0).get("SpaceName").asText()).isEqualTo("analyst-private");
    assertThat(spaces.get(0).get("Status").asText()).isEqualTo("InService");
  }

  @Test
  void aSameNameReplacementFailsAlreadyExistsAndLeavesTheProfileWithItsAppsAndSpaces(
      final EmulatedAws aws) {
    final StackOnEmulator stack = new StackOnEmulator(aws, "same-name", 1);
    final String template = SSO_ANALYST.formatted("same-name");
    final String domainId = analystWithAnAppAndASpace(aws, stack, template);

    final Deployer.Outcome outcome = stack.deploy(template, Map.of("Person", "bob"));

    final String output = stack.output();
    assertThat(outcome.stackStatus()).as(output).isEqualTo("UPDATE_ROLLBACK_COMPLETE");
    assertThat(line(output, "Analyst ", "UPDATE_FAILED"))
        .contains("HandlerErrorCode: AlreadyExists)");
    assertAnalystUntouched(aws, domainId);
  }

  /**
   * Issue 18: the replacement's Create was refused by an input rule before its name check, and
   * answered with the model, which holds the live profile's identifier; the rollback deleted it.
   */
  @Test
  void aSameNameReplacementWithInvalidSettingsLeavesTheProfileWithItsAppsAndSpaces(
      final EmulatedAws aws) {
    final StackOnEmulator stack = new StackOnEmulator(aws, "same-name-invalid", 1);
    final String template = SSO_ANALYST.formatted("same-name-invalid");
    final String domainId = analystWithAnAppAndASpace(aws, stack, template);

    final Deployer.Outcome outcome =
        stack.deploy(template, Map.of("Person", "bob", "Portal", "DISABLED"));

    final String output = stack.output();
    assertThat(outcome.stackStatus()).as(output).isEqualTo("UPDATE_ROLLBACK_COMPLETE");
    assertThat(line(output, "Analyst ", "UPDATE_FAILED"))
        .contains("StudioWebPortal DISABLED")
        .contains("HandlerErrorCode: InvalidRequest)");
    assertThat(output).doesNotContain("Analyst  DELETE");
    assertAnalystUntouched(aws, domainId);
  }

  /**
   * Issue 18: another stack's create of a taken name, refused for its tags, deleted the profile.
   */
  @Test
  void anotherStacksCreateOfATakenNameWithAReservedTagLeavesTheProfile(final EmulatedAws aws) {
    final StackOnEmulator owner = new StackOnEmulator(aws, "tag-owner", 1);
    final String domainId =
        analystWithAnAppAndASpace(aws, owner, SSO_ANALYST.formatted("tag-owner"));
    final StackOnEmulator other = new StackOnEmulator(aws, "tag-other", 1);

    final Deployer.Outcome outcome =
        other.deploy(
            """
            Resources:
              Clash:
                Type: Org::SageMaker::StudioUserProfile
                Properties:
                  DomainId: %s
                  UserProfileName: analyst
                  SingleSignOnUserIdentifier: UserName
                  SingleSignOnUserValue: alice
                  Tags:
                    - {Key: "aws:owner", Value: me}
            """
                .formatted(domainId),
            Map.of());

    final String output = other.output();
    assertThat(outcome.stackStatus()).as(output).isEqualTo("ROLLBACK_COMPLETE");
    assertThat(line(output, "Clash ", "CREATE_FAILED")).contains("reserved for AWS");
    assertAnalystUntouched(aws, domainId);
  }

  /**
   * Issue 18: SageMaker cannot unset DefaultUserSettings.SecurityGroups, so the rollback's Update
   * back was refused and the stack stuck in UPDATE_ROLLBACK_FAILED. A rollback keeps the value.
   */
  @Test
  void aRollbackKeepsASettingSageMakerCannotUnsetAndTheStackDeploysAgain(final EmulatedAws aws) {
    final StackOnEmulator stack = new StackOnEmulator(aws, "keep-on-rollback", 1);
    final String template = DOMAIN_AND_PROFILE.formatted("keep-on-rollback");
    assertThat(stack.deploy(template, Map.of()).stackStatus()).isEqualTo("CREATE_COMPLETE");
    final String withGroups =
        template.replace(
            "        ExecutionRole: arn:aws:iam::123456789012:role/Studio\n",
            "        ExecutionRole: arn:aws:iam::123456789012:role/Studio\n"
                + "        SecurityGroups: [sg-0123456789abcdef0]\n");
    assertThat(withGroups).isNotEqualTo(template);
    stack.output();

    final Deployer.Outcome outcome = stack.deploy(withGroups, Map.of("ProfileRole", "not-a-role"));

    final String output = stack.output();
    assertThat(outcome.stackStatus()).as(output).isEqualTo("UPDATE_ROLLBACK_COMPLETE");
    assertThat(output.lines().filter(l -> l.contains("Domain ") && l.contains("UPDATE_COMPLETE")))
        .hasSize(2);
    assertThat(
            describeDomain(aws, stack.state)
                .at("/DefaultUserSettings/SecurityGroups")
                .get(0)
                .asText())
        .as("kept: SageMaker has no value that unsets it")
        .isEqualTo("sg-0123456789abcdef0");
    assertThat(stack.deploy(template, Map.of("Propagation", "ENABLED")).stackStatus())
        .isEqualTo("UPDATE_COMPLETE");
    assertThat(stack.delete().stackStatus()).isEqualTo("DELETE_COMPLETE");
  }

  @Test
  void aCreateOfAProfileNameAlreadyTakenLeavesTheExistingProfile(final EmulatedAws aws) {
    final StackOnEmulator owner = new StackOnEmulator(aws, "owner", 1);
    assertThat(owner.deploy(ParallelDeployTest.template("owner", 1), Map.of()).stackStatus())
        .isEqualTo("CREATE_COMPLETE");
    final String domainId = owner.state.resources().get("Domain").physicalId();
    final StackOnEmulator other = new StackOnEmulator(aws, "other", 1);

    final Deployer.Outcome outcome =
        other.deploy(
            """
            Resources:
              Clash:
                Type: Org::SageMaker::StudioUserProfile
                Properties:
                  DomainId: %s
                  UserProfileName: user-1
            """
                .formatted(domainId),
            Map.of());

    final String output = other.output();
    assertThat(outcome.stackStatus()).as(output).isEqualTo("ROLLBACK_COMPLETE");
    assertThat(line(output, "Clash ", "CREATE_FAILED"))
        .contains("HandlerErrorCode: AlreadyExists)");
    aws.clock.advance(Timings.REALISTIC.profileDelete());
    assertThat(
            aws.emulator
                .call(
                    "DescribeUserProfile",
                    EmulatedAws.json(
                        "{\"DomainId\": \"%s\", \"UserProfileName\": \"user-1\"}"
                            .formatted(domainId)))
                .get("Status")
                .asText())
        .isEqualTo("InService");
    assertThat(owner.delete().stackStatus()).isEqualTo("DELETE_COMPLETE");
  }
}
