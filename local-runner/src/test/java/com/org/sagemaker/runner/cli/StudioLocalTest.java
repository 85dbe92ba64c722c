package com.org.sagemaker.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.runner.state.TargetId;
import com.org.sagemaker.runner.studio.Target;
import com.org.sagemaker.runner.template.Template;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runner as a user runs it: separate commands, sharing only the state directory (stack state
 * and the emulated account). Each command here runs in this JVM against an emulator on the same
 * port, because the handlers keep one SageMaker client per process.
 */
class StudioLocalTest {

  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final int PORT = CliRun.freePort();

  @TempDir Path state;

  private CliRun run(final String... args) {
    return CliRun.onEmulator(state, PORT, args);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "studio-domain-with-user.yaml",
        "studio-in-new-vpc.yaml",
        "vpc-only-domain.yaml",
        "kms-encrypted-domain.yaml",
        "tagged-stack.json"
      })
  void everyExampleValidatesDeploysAndDeletes(final String example) {
    final String template = EXAMPLES.resolve(example).toString();
    final CliRun validated = run("validate", template);
    assertThat(validated.exitCode()).as(validated.output()).isZero();
    assertThat(validated.output()).contains(example + ": valid");
    final CliRun deployed = run("deploy", template);
    assertThat(deployed.exitCode()).as(deployed.output()).isZero();
    assertThat(deployed.output()).contains("CREATE_COMPLETE").doesNotContain("FAILED");
    final CliRun deleted = run("delete", template);
    assertThat(deleted.exitCode()).as(deleted.output()).isZero();
    assertThat(deleted.output()).contains("DELETE_COMPLETE");
  }

  @Test
  void theRegistrationTemplatesValidateOffline() {
    // docs/registration.md: registration.yaml is all stand-ins (the registry's own types), and
    // test-domain.yaml creates a domain through our type.
    final CliRun registration =
        run(
            "validate",
            Path.of("..", "registration", "registration.yaml").toString(),
            "--param",
            "PackageBucket=studio-types",
            "--param",
            "DomainPackageKey=studio/1.0.0/org-sagemaker-studiodomain.zip",
            "--param",
            "UserProfilePackageKey=studio/1.0.0/org-sagemaker-studiouserprofile.zip",
            "--param",
            "PassableRoleArns=arn:aws:iam::123456789012:role/studio-*");
    assertThat(registration.exitCode()).as(registration.output()).isZero();
    assertThat(registration.output()).contains("registration.yaml: valid");
    final CliRun testDomain =
        run(
            "validate",
            Path.of("..", "registration", "test-domain.yaml").toString(),
            "--param",
            "VpcId=vpc-0123456789abcdef0",
            "--param",
            "SubnetId=subnet-0123456789abcdef0",
            "--param",
            "ExecutionRoleArn=arn:aws:iam::123456789012:role/studio-tests");
    assertThat(testDomain.exitCode()).as(testDomain.output()).isZero();
  }

  @Test
  void deployStatusDriftUpdateReplaceAndDeleteAsSeparateCommands() throws IOException {
    final String template = EXAMPLES.resolve("studio-domain-with-user.yaml").toString();

    final CliRun deployed = run("deploy", template);
    assertThat(deployed.exitCode()).as(deployed.output()).isZero();
    assertThat(deployed.output())
        .contains("Domain", "Org::SageMaker::StudioDomain", "CREATE_IN_PROGRESS", "CREATE_COMPLETE")
        .contains("UserProfile", "Org::SageMaker::StudioUserProfile")
        .contains("still in progress")
        .contains("Outputs:", "StudioUrl = https://d-", "UserProfileArn = arn:aws:sagemaker:")
        .contains(
            "ExecutionRoleArn = arn:aws:iam::123456789012:role/studio-domain-with-user-ExecutionRole-");
    assertThat(line(deployed, "ExecutionRole ", "AWS::IAM::Role"))
        .contains("CREATE_COMPLETE", "stand-in: not deployed locally");
    assertThat(deployed.output().indexOf("UserProfile  "))
        .isGreaterThan(deployed.output().indexOf("Domain  "));

    final CliRun status = run("status", template);
    assertThat(status.output())
        .contains("on emulator (local): CREATE_COMPLETE", "Domain", "d-", "UserProfile")
        .contains("|data-scientist", "(stand-in: not deployed locally)");
    assertThat(run("outputs", template).output()).contains("DomainId = d-");
    final CliRun inSync = run("drift", template);
    assertThat(inSync.exitCode()).as(inSync.output()).isZero();
    assertThat(inSync.output()).contains("IN_SYNC", "NOT_CHECKED").doesNotContain("MODIFIED");

    final CliRun unchanged = run("deploy", template);
    assertThat(unchanged.output()).contains("No updates are to be performed.");

    final CliRun tagged = run("deploy", template, "--tag", "cost-center=ml");
    assertThat(tagged.exitCode()).as(tagged.output()).isZero();
    assertThat(tagged.output()).contains("UserProfile", "UPDATE_COMPLETE");
    assertThat(emulatedTags()).contains("cost-center");

    final CliRun updated =
        run("deploy", template, "--param", "ExecutionRoleArn=arn:aws:iam::123456789012:role/Other");
    assertThat(updated.exitCode()).as(updated.output()).isZero();
    assertThat(updated.output()).contains("UPDATE_IN_PROGRESS", "UPDATE_COMPLETE");
    assertThat(line(updated, "ExecutionRole ", "DELETE_COMPLETE")).contains("stand-in");

    final CliRun replaced =
        run(
            "deploy",
            template,
            "--param",
            "UserName=analyst",
            "--param",
            "ExecutionRoleArn=arn:aws:iam::123456789012:role/Other");
    assertThat(replaced.exitCode()).as(replaced.output()).isZero();
    assertThat(replaced.output())
        .contains(
            "Requested update requires the creation of a new physical resource; hence creating one.",
            "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS",
            "DELETE_COMPLETE");
    assertThat(run("status", template).output())
        .contains("|analyst")
        .doesNotContain("|data-scientist");

    removeFromEmulatedAccount("userProfiles");
    final CliRun drifted = run("drift", template);
    assertThat(drifted.exitCode()).isEqualTo(1);
    assertThat(drifted.output()).contains("UserProfile", "DELETED");

    final CliRun deleted = run("delete", template);
    assertThat(deleted.exitCode()).as(deleted.output()).isZero();
    assertThat(deleted.output()).contains("Already gone", "DELETE_COMPLETE");
    assertThat(run("status", template).output()).contains("does not exist");
    assertThat(run("delete", template).output()).contains("does not exist");
  }

  @Test
  void planShowsTheChangeSetAndTouchesNothing() throws IOException {
    final String template = EXAMPLES.resolve("studio-domain-with-user.yaml").toString();
    final CliRun created = run("plan", template);
    assertThat(created.exitCode()).isZero();
    assertThat(created.output()).contains("(a new stack)", "Add", "ExecutionRole", "3 changes.");
    assertThat(run("deploy", template).exitCode()).isZero();
    final String emulatorBefore = Files.readString(state.resolve(Target.EMULATOR_STATE));
    final Path stackFile = state.resolve("emulator").resolve("studio-domain-with-user.json");
    final String stackBefore = Files.readString(stackFile);

    final CliRun plan = run("plan", template, "--param", "UserName=analyst");

    assertThat(plan.exitCode()).as(plan.output()).isZero();
    assertThat(line(plan, "Modify", "UserProfile")).contains("True", "|data-scientist");
    assertThat(plan.output())
        .contains(
            "Properties.UserProfileName  RequiresRecreation: Always  Static  ParameterReference"
                + " (UserName)",
            "PolicyAction: ReplaceAndDelete",
            "1 change.");
    assertThat(line(plan, "No change", "Domain")).isNotEmpty();
    final CliRun json = run("plan", template, "--param", "UserName=analyst", "--format", "json");
    final JsonNode changeSet = Template.JSON.readTree(json.output());
    assertThat(changeSet.at("/Changes/0/ResourceChange/Replacement").asText()).isEqualTo("True");
    assertThat(changeSet.at("/Changes/0/ResourceChange/Details/0/Target/Name").asText())
        .isEqualTo("UserProfileName");
    assertThat(changeSet.at("/Changes/0/ResourceChange/Details/0/CausingEntity").asText())
        .isEqualTo("UserName");
    // Nothing touched: neither the emulated account nor the stack's state.
    assertThat(Files.readString(state.resolve(Target.EMULATOR_STATE))).isEqualTo(emulatorBefore);
    assertThat(Files.readString(stackFile)).isEqualTo(stackBefore);
    assertThat(run("delete", template).exitCode()).isZero();
  }

  @Test
  void stateBelongsToOneTargetInBothDirections() throws IOException {
    final String template = EXAMPLES.resolve("studio-domain-with-user.yaml").toString();
    assertThat(run("deploy", template).exitCode()).isZero();

    // The emulator's stack is not AWS's: on AWS the stack does not exist, and a deploy there
    // would create everything; with stand-ins it stops before touching AWS, naming them.
    final CliRun awsStatus = run("status", template, "--aws", "--account-id", "111122223333");
    assertThat(awsStatus.output())
        .contains("on AWS account 111122223333, us-east-1: does not exist");
    final CliRun awsPlan = run("plan", template, "--aws", "--account-id", "111122223333");
    assertThat(awsPlan.output()).contains("(a new stack)", "3 changes.");
    final CliRun refused = run("deploy", template, "--aws", "--account-id", "111122223333");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.output())
        .contains("error: --aws:", "ExecutionRole (AWS::IAM::Role)", "Nothing was done.")
        .doesNotContain("CREATE_IN_PROGRESS");

    // And the other way: a stack on AWS is not the emulator's.
    final Path awsState = state.resolve("aws-111122223333-us-east-1").resolve("on-aws.json");
    Files.createDirectories(awsState.getParent());
    Files.copy(state.resolve("emulator").resolve("studio-domain-with-user.json"), awsState);
    assertThat(run("status", template, "--stack", "on-aws").output())
        .contains("Stack on-aws on emulator (local): does not exist");
    assertThat(
            run("status", template, "--stack", "on-aws", "--aws", "--account-id", "111122223333")
                .output())
        .contains(
            "Stack studio-domain-with-user on AWS account 111122223333, us-east-1: CREATE_COMPLETE");
    assertThat(run("delete", template).exitCode()).isZero();
    assertThat(awsState).exists();
  }

  @Test
  void aFailedDeployRollsBackWhatItCreatedUnlessToldNotTo() throws IOException {
    final Path template = state.resolve("failing.yaml");
    Files.writeString(
        template,
        """
        Resources:
          Domain:
            Type: Org::SageMaker::StudioDomain
            Properties:
              DomainName: rollback
              AuthMode: IAM
              VpcId: vpc-1
              SubnetIds: [subnet-1]
              DefaultUserSettings:
                ExecutionRole: arn:aws:iam::123456789012:role/R
          Profile:
            Type: Org::SageMaker::StudioUserProfile
            Properties:
              DomainId: !Ref Domain
              UserProfileName: sso-user
              SingleSignOnUserIdentifier: UserName
              SingleSignOnUserValue: someone
        """);

    final CliRun failed = run("deploy", template.toString());
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(line(failed, "Profile ", "CREATE_FAILED"))
        .contains(
            "Resource handler returned message: \"",
            "only for SSO domains",
            "HandlerErrorCode: InvalidRequest)");
    assertThat(line(failed, "ROLLBACK_IN_PROGRESS"))
        .endsWith(
            "The following resource(s) failed to create: [Profile]. Rollback requested by user.");
    assertThat(failed.output()).contains("ROLLBACK_COMPLETE");
    assertThat(run("status", template.toString()).output()).contains(": ROLLBACK_COMPLETE");
    assertThat(run("deploy", template.toString()).output())
        .contains("is in ROLLBACK_COMPLETE state and can not be updated.");
    assertThat(run("delete", template.toString()).exitCode()).isZero();

    final CliRun kept = run("deploy", template.toString(), "--no-rollback");
    assertThat(kept.exitCode()).isEqualTo(1);
    assertThat(kept.output()).doesNotContain("ROLLBACK").contains("CREATE_FAILED");
    assertThat(run("status", template.toString()).output())
        .contains(": CREATE_FAILED", "Domain", "d-");
    assertThat(run("delete", template.toString()).exitCode()).isZero();
  }

  @Test
  void templateProblemsAreNamedWithTheirLocation() throws IOException {
    assertThat(deployText("Resources:\n  Bucket:\n    Type: Bucket\n").output())
        .contains("error: Resources.Bucket.Type: Unrecognized resource types: [Bucket]");
    assertThat(
            deployText(
                    "Resources:\n  D:\n    Type: Org::SageMaker::StudioDomain\n    Properties:\n      DomainName: !Foo [a]\n")
                .output())
        .contains("error: ", "line 5", "!Foo");
    assertThat(
            deployText(
                    "Resources:\n  D:\n    Type: Org::SageMaker::StudioDomain\n    Properties:\n      DomainName: {\"Fn::Length\": [a]}\n")
                .output())
        .contains("Resources.D.Properties.DomainName: the intrinsic Fn::Length needs a transform");
    assertThat(
            deployText(
                    "Resources:\n  D:\n    Type: Org::SageMaker::StudioDomain\n    Properties:\n      DomainName: !Ref Missing\n")
                .output())
        .contains(
            "Resources.D: Template format error: Unresolved resource dependencies [Missing] in the"
                + " Resources block of the template");
    assertThat(
            deployText(
                    "Parameters:\n  Name:\n    Type: String\nResources:\n  D:\n    Type: Org::SageMaker::StudioDomain\n    Properties:\n      DomainName: !Ref Name\n")
                .output())
        .contains("--param: Parameters: [Name] must have values");
    assertThat(
            deployText(
                    "Resources:\n  A:\n    Type: Org::SageMaker::StudioDomain\n    DependsOn: B\n  B:\n    Type: Org::SageMaker::StudioDomain\n    DependsOn: A\n")
                .output())
        .contains("Circular dependency between resources: [A, B]");
    assertThat(
            deployText(
                    "Resources:\n  Role:\n    Type: AWS::IAM::Role\n  D:\n    Type: Org::SageMaker::StudioDomain\n    Properties:\n      DomainName: !GetAtt Role.Nope\n")
                .output())
        .contains(
            "Template error: resource Role does not support attribute type Nope in Fn::GetAtt");
    assertThat(
            deployText(
                    "Resources:\n  Thing:\n    Type: AWS::SNS::Topic\n  D:\n    Type: Org::SageMaker::StudioDomain\n    Properties:\n      DomainName: !GetAtt Thing.Arn\n")
                .output())
        .contains("the runner has no attribute table for AWS::SNS::Topic", "has a Ref but no Arn");
    assertThat(deployText("[not, a, template]").output()).contains("a template is a mapping");
  }

  @Test
  void validateReportsEveryProblemOfferingJsonForPipelines() throws IOException {
    final Path template = state.resolve("bad.yaml");
    Files.writeString(
        template,
        """
        Parameters:
          Size:
            Type: Number
            MinValue: 2
            Default: 1
        Resources:
          Role:
            Type: AWS::IAM::Role
          Domain:
            Type: Org::SageMaker::StudioDomain
            Properties:
              DomainName: not valid!
              AuthMode: IAM
              VpcId: vpc-1
              SubnetIds: [subnet-1]
              DefaultUserSettings:
                ExecutionRole: !GetAtt Role.Arn
          Profile:
            Type: Org::SageMaker::StudioUserProfile
            Properties:
              DomainId: !GetAtt Domain.DomainId
              UserProfileName: p
              SingleSignOnUserIdentifier: UserName
        """);
    final CliRun text = run("validate", template.toString(), "--param", "Size=3");
    assertThat(text.exitCode()).isEqualTo(1);
    assertThat(text.output())
        .contains("Resources.Domain.Properties: Model validation failed (#/DomainName: ")
        .contains(
            "Resources.Profile.Properties: SingleSignOnUserIdentifier and SingleSignOnUserValue"
                + " must be set together.")
        .contains("bad.yaml: 2 problems");
    final CliRun json = run("validate", template.toString(), "--format", "json");
    assertThat(json.exitCode()).isEqualTo(1);
    final JsonNode report = Template.JSON.readTree(json.output());
    assertThat(report.get("valid").asBoolean()).isFalse();
    assertThat(report.at("/problems/0/message").asText())
        .isEqualTo("Parameter 'Size' must be a number not less than 2");
    assertThat(report.toString()).doesNotContain("#/DomainId");
  }

  @Test
  void aDeletionPolicyRetainsAndAnImportAdoptsWhatIsLeftThenShowsItsDrift() throws IOException {
    final Path retained = state.resolve("retained.yaml");
    Files.writeString(
        retained,
        """
        Resources:
          Domain:
            Type: Org::SageMaker::StudioDomain
            DeletionPolicy: Retain
            Properties:
              DomainName: kept
              AuthMode: IAM
              VpcId: vpc-1
              SubnetIds: [subnet-1]
              DefaultUserSettings:
                ExecutionRole: arn:aws:iam::123456789012:role/R
          Analyst:
            Type: Org::SageMaker::StudioUserProfile
            DeletionPolicy: Retain
            Properties:
              DomainId: !GetAtt Domain.DomainId
              UserProfileName: analyst
        Outputs:
          DomainId:
            Value: !Ref Domain
        """);
    assertThat(run("deploy", retained.toString()).exitCode()).isZero();
    final String domainId =
        run("outputs", retained.toString())
            .output()
            .replaceAll("(?s).*DomainId = (d-\\w+).*", "$1")
            .strip();
    final CliRun deleted = run("delete", retained.toString());
    assertThat(deleted.exitCode()).as(deleted.output()).isZero();
    assertThat(line(deleted, "Domain ", "DELETE_SKIPPED")).isNotEmpty();
    assertThat(line(deleted, "Analyst ", "DELETE_SKIPPED")).isNotEmpty();

    final Path adopted = state.resolve("adopted.yaml");
    Files.writeString(
        adopted,
        """
        Parameters:
          DomainName:
            Type: String
        Resources:
          Domain:
            Type: Org::SageMaker::StudioDomain
            DeletionPolicy: Retain
            Properties:
              DomainName: !Ref DomainName
              AuthMode: IAM
              VpcId: vpc-1
              SubnetIds: [subnet-1]
              DefaultUserSettings:
                ExecutionRole: arn:aws:iam::123456789012:role/R
          Analyst:
            Type: Org::SageMaker::StudioUserProfile
            %s
            Properties:
              DomainId: !Ref Domain
              UserProfileName: analyst
        """
            .formatted(""));
    final Path toImport = state.resolve("import.json");
    Files.writeString(
        toImport,
        """
        [{"ResourceType": "Org::SageMaker::StudioDomain", "LogicalResourceId": "Domain",
          "ResourceIdentifier": {"DomainId": "%s"}},
         {"ResourceType": "Org::SageMaker::StudioUserProfile", "LogicalResourceId": "Analyst",
          "ResourceIdentifier": {"DomainId": "%s", "UserProfileName": "analyst"}}]
        """
            .formatted(domainId, domainId));

    final CliRun noPolicy =
        run(
            "import",
            adopted.toString(),
            "--resources-to-import",
            toImport.toString(),
            "--param",
            "DomainName=kept");
    assertThat(noPolicy.exitCode()).isEqualTo(1);
    assertThat(noPolicy.output())
        .contains(
            "The following resources to import [Analyst] must have DeletionPolicy attribute"
                + " specified in the template.");

    Files.writeString(
        adopted,
        Files.readString(adopted)
            .replace(
                "    \n    Properties:\n      DomainId",
                "    DeletionPolicy: Delete\n    Properties:\n      DomainId"));
    final CliRun drifting =
        run(
            "import",
            adopted.toString(),
            "--resources-to-import",
            toImport.toString(),
            "--param",
            "DomainName=renamed");
    assertThat(drifting.exitCode()).as(drifting.output()).isEqualTo(1);
    assertThat(drifting.output())
        .contains("IMPORT_COMPLETE", "Drift of the imported resources:")
        .contains("DomainName: expected \"renamed\", actual \"kept\"");
    assertThat(run("status", adopted.toString()).output())
        .contains(": IMPORT_COMPLETE", domainId + "|analyst");
    assertThat(run("delete", adopted.toString()).exitCode()).isZero();

    final CliRun gone =
        run(
            "import",
            adopted.toString(),
            "--resources-to-import",
            toImport.toString(),
            "--param",
            "DomainName=kept",
            "--stack",
            "again");
    assertThat(gone.exitCode()).isEqualTo(1);
    assertThat(gone.output()).contains("the resource to import does not exist or cannot be read");
  }

  @Test
  void resourcesRemovedFromTheTemplateAreDeletedAndDriftShowsChangedProperties()
      throws IOException {
    final Path template = state.resolve("two.yaml");
    Files.writeString(
        template,
        """
        Parameters:
          Groups:
            Type: CommaDelimitedList
            Default: sg-1,sg-2
        Resources:
          Domain:
            Type: Org::SageMaker::StudioDomain
            Properties:
              DomainName: two
              AuthMode: IAM
              VpcId: vpc-1
              SubnetIds: [subnet-1]
              DefaultUserSettings:
                ExecutionRole: arn:aws:iam::123456789012:role/R
                SecurityGroups: !Ref Groups
          Alice:
            Type: Org::SageMaker::StudioUserProfile
            Properties:
              DomainId: !Ref Domain
              UserProfileName: alice
        Outputs:
          Groups:
            Value: !Ref Groups
        """);
    assertThat(run("deploy", template.toString(), "--stack", "two").exitCode()).isZero();
    assertThat(run("outputs", template.toString(), "--stack", "two").output())
        .contains("Groups = [\"sg-1\",\"sg-2\"]");

    final JsonNode saved = Template.JSON.readTree(state.resolve(Target.EMULATOR_STATE).toFile());
    final ObjectNode settings =
        (ObjectNode)
            saved.at("/account/domains").elements().next().at("/attributes/DefaultUserSettings");
    settings.putArray("SecurityGroups").add("sg-2").add("sg-1");
    settings.put("ExecutionRole", "arn:aws:iam::123456789012:role/Changed");
    Files.writeString(state.resolve(Target.EMULATOR_STATE), saved.toString());
    final CliRun drifted = run("drift", template.toString(), "--stack", "two");
    assertThat(drifted.exitCode()).isEqualTo(1);
    assertThat(drifted.output())
        .contains(
            "Domain",
            "MODIFIED",
            "DefaultUserSettings/ExecutionRole: expected \"arn:aws:iam::123456789012:role/R\"")
        .doesNotContain("SecurityGroups");

    Files.writeString(
        template, Files.readString(template).replaceAll("(?s)  Alice:.*?alice\n", ""));
    final CliRun removed = run("deploy", template.toString(), "--stack", "two");
    assertThat(removed.exitCode()).as(removed.output()).isZero();
    assertThat(line(removed, "Alice ", "DELETE_COMPLETE")).isNotEmpty();
    assertThat(run("status", template.toString(), "--stack", "two").output())
        .doesNotContain("Alice");
    assertThat(run("delete", template.toString(), "--stack", "two").exitCode()).isZero();
  }

  @Test
  void optionMistakesAreReported() {
    final String template = EXAMPLES.resolve("kms-encrypted-domain.yaml").toString();
    assertThat(run("deploy", template, "--param", "Nope=1").output())
        .contains("--param: Parameters: [Nope] do not exist in the template");
    assertThat(run("deploy", template, "--time-scale", "0").output())
        .contains("--time-scale must be positive");
    assertThat(run("deploy", template, "--parallel", "0").output())
        .contains("--parallel must be at least 1");
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(
            StudioLocal.execute(new String[0], new PrintStream(out, true, StandardCharsets.UTF_8)))
        .isEqualTo(2);
  }

  /** The first line of the run's output with all of {@code parts}, stripped. */
  private static String line(final CliRun run, final String... parts) {
    return run.output()
        .lines()
        .filter(l -> List.of(parts).stream().allMatch(l::contains))
        .map(String::strip)
        .findFirst()
        .orElse("");
  }

  private CliRun deployText(final String text) throws IOException {
    final Path template = Files.createTempFile(state, "template", ".yaml");
    Files.writeString(template, text);
    final CliRun result = run("deploy", template.toString());
    assertThat(result.exitCode()).isEqualTo(1);
    return result;
  }

  private String emulatedTags() throws IOException {
    return Template.JSON
        .readTree(state.resolve(Target.EMULATOR_STATE).toFile())
        .at("/account/tags")
        .toString();
  }

  /** An out-of-band change: the resources of one kind vanish from the emulated account. */
  private void removeFromEmulatedAccount(final String kind) throws IOException {
    final Path file = state.resolve(Target.EMULATOR_STATE);
    final JsonNode saved = Template.JSON.readTree(file.toFile());
    ((ObjectNode) saved.get("account")).putObject(kind);
    Files.writeString(file, saved.toString());
  }

  @Test
  void aCommandReadsTheAwsRegionOnceAndStartsItsTargetThere() throws IOException {
    final StackCommand.StackOptions options = new StackCommand.StackOptions();
    options.aws = true;
    options.accountId = "111122223333";
    options.timeScale = 300;
    final String before = System.getProperty("aws.region");
    try {
      System.setProperty("aws.region", "eu-west-1");
      final TargetId where = options.where();
      System.setProperty("aws.region", "eu-central-1");
      assertThat(options.where()).isSameAs(where);
      assertThat(where.key()).isEqualTo("aws-111122223333-eu-west-1");
      try (Target target = options.target(new TestHooks(java.util.Map.of()))) {
        assertThat(target.id()).isSameAs(where);
      }
    } finally {
      if (before == null) {
        System.clearProperty("aws.region");
      } else {
        System.setProperty("aws.region", before);
      }
    }
  }
}
