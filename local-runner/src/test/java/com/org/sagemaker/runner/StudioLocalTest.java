package com.org.sagemaker.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
  private static final int PORT = freePort();

  @TempDir Path state;

  private record Run(int exitCode, String output) {}

  private Run run(final String... args) {
    final List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--state-dir", state.toString(), "--emulator-port", String.valueOf(PORT), "--no-wait"));
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final int code =
        StudioLocal.execute(
            all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "studio-domain-with-user.yaml",
        "vpc-only-domain.yaml",
        "kms-encrypted-domain.yaml",
        "tagged-stack.json"
      })
  void everyExampleDeploysAndDeletes(final String example) {
    final Run deployed = run("deploy", EXAMPLES.resolve(example).toString());
    assertThat(deployed.exitCode()).as(deployed.output()).isZero();
    assertThat(deployed.output()).contains("CREATE_COMPLETE").doesNotContain("FAILED");
    final Run deleted = run("delete", EXAMPLES.resolve(example).toString());
    assertThat(deleted.exitCode()).as(deleted.output()).isZero();
    assertThat(deleted.output()).contains("DELETE_COMPLETE");
  }

  @Test
  void deployStatusDriftUpdateReplaceAndDeleteAsSeparateCommands() throws IOException {
    final String template = EXAMPLES.resolve("studio-domain-with-user.yaml").toString();

    final Run deployed = run("deploy", template);
    assertThat(deployed.exitCode()).as(deployed.output()).isZero();
    assertThat(deployed.output())
        .contains("Domain", "Org::SageMaker::StudioDomain", "CREATE_IN_PROGRESS", "CREATE_COMPLETE")
        .contains("UserProfile", "Org::SageMaker::StudioUserProfile")
        .contains("still in progress")
        .contains("Outputs:", "StudioUrl = https://d-", "UserProfileArn = arn:aws:sagemaker:");
    assertThat(deployed.output().indexOf("UserProfile  "))
        .isGreaterThan(deployed.output().indexOf("Domain  "));

    final Run status = run("status", template);
    assertThat(status.output()).contains("Domain", "d-", "UserProfile", "|data-scientist");
    assertThat(run("outputs", template).output()).contains("DomainId = d-");
    final Run inSync = run("drift", template);
    assertThat(inSync.exitCode()).as(inSync.output()).isZero();
    assertThat(inSync.output()).contains("IN_SYNC").doesNotContain("MODIFIED");

    final Run unchanged = run("deploy", template);
    assertThat(unchanged.output()).contains("UPDATE_COMPLETE").doesNotContain("UserProfile  ");

    final Run tagged = run("deploy", template, "--tag", "cost-center=ml");
    assertThat(tagged.exitCode()).as(tagged.output()).isZero();
    assertThat(tagged.output()).contains("UserProfile", "UPDATE_COMPLETE");
    assertThat(emulatedTags()).contains("cost-center");

    final Run updated =
        run("deploy", template, "--param", "ExecutionRoleArn=arn:aws:iam::123456789012:role/Other");
    assertThat(updated.exitCode()).as(updated.output()).isZero();
    assertThat(updated.output()).contains("UPDATE_IN_PROGRESS", "UPDATE_COMPLETE");

    final Run replaced =
        run(
            "deploy",
            template,
            "--param",
            "UserName=analyst",
            "--param",
            "ExecutionRoleArn=arn:aws:iam::123456789012:role/Other");
    assertThat(replaced.exitCode()).as(replaced.output()).isZero();
    assertThat(replaced.output())
        .contains("requires the creation of a new physical resource", "DELETE_COMPLETE");
    assertThat(run("status", template).output())
        .contains("|analyst")
        .doesNotContain("|data-scientist");

    removeFromEmulatedAccount("userProfiles");
    final Run drifted = run("drift", template);
    assertThat(drifted.exitCode()).isEqualTo(1);
    assertThat(drifted.output()).contains("UserProfile", "DELETED");

    final Run deleted = run("delete", template);
    assertThat(deleted.exitCode()).as(deleted.output()).isZero();
    assertThat(deleted.output()).contains("Already gone", "DELETE_COMPLETE");
    assertThat(run("status", template).output()).contains("no resources");
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

    final Run failed = run("deploy", template.toString());
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.output())
        .contains("Profile", "CREATE_FAILED", "only for SSO domains", "ROLLBACK_COMPLETE");
    assertThat(run("status", template.toString()).output()).contains("no resources");

    final Run kept = run("deploy", template.toString(), "--no-rollback");
    assertThat(kept.exitCode()).isEqualTo(1);
    assertThat(kept.output()).doesNotContain("ROLLBACK");
    assertThat(run("status", template.toString()).output()).contains("Domain", "d-");
    assertThat(run("delete", template.toString()).exitCode()).isZero();
  }

  @Test
  void templateProblemsAreNamedWithTheirLocation() throws IOException {
    assertThat(deployText("Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n").output())
        .contains("error: Resources.Bucket.Type: resource type AWS::S3::Bucket is not supported");
    assertThat(
            deployText(
                    "Resources:\n  D:\n    Type: Org::SageMaker::StudioDomain\n    Properties:\n      DomainName: !Join ['', [a, b]]\n")
                .output())
        .contains("error: line 5: the intrinsic !Join is not supported");
    assertThat(
            deployText(
                    "Resources:\n  D:\n    Type: Org::SageMaker::StudioDomain\n    Properties:\n      DomainName: {\"Fn::Select\": [0, [a]]}\n")
                .output())
        .contains("Resources.D.Properties.DomainName: the intrinsic Fn::Select is not supported");
    assertThat(
            deployText(
                    "Resources:\n  D:\n    Type: Org::SageMaker::StudioDomain\n    Properties:\n      DomainName: !Ref Missing\n")
                .output())
        .contains("refers to Missing, which is neither a parameter nor a resource");
    assertThat(
            deployText(
                    "Parameters:\n  Name:\n    Type: String\nResources:\n  D:\n    Type: Org::SageMaker::StudioDomain\n    Properties:\n      DomainName: !Ref Name\n")
                .output())
        .contains("Parameters.Name: no value: pass --param Name=...");
    assertThat(
            deployText(
                    "Resources:\n  A:\n    Type: Org::SageMaker::StudioDomain\n    DependsOn: B\n  B:\n    Type: Org::SageMaker::StudioDomain\n    DependsOn: A\n")
                .output())
        .contains("circular dependency");
    assertThat(deployText("[not, a, template]").output()).contains("a template is a mapping");
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
    final Run drifted = run("drift", template.toString(), "--stack", "two");
    assertThat(drifted.exitCode()).isEqualTo(1);
    assertThat(drifted.output())
        .contains(
            "Domain",
            "MODIFIED",
            "DefaultUserSettings/ExecutionRole: expected \"arn:aws:iam::123456789012:role/R\"")
        .doesNotContain("SecurityGroups");

    Files.writeString(
        template, Files.readString(template).replaceAll("(?s)  Alice:.*?alice\n", ""));
    final Run removed = run("deploy", template.toString(), "--stack", "two");
    assertThat(removed.exitCode()).as(removed.output()).isZero();
    assertThat(removed.output()).contains("Alice", "DELETE_COMPLETE");
    assertThat(run("status", template.toString(), "--stack", "two").output())
        .doesNotContain("Alice");
    assertThat(run("delete", template.toString(), "--stack", "two").exitCode()).isZero();
  }

  @Test
  void optionMistakesAreReported() {
    final String template = EXAMPLES.resolve("kms-encrypted-domain.yaml").toString();
    assertThat(run("deploy", template, "--param", "Nope=1").output())
        .contains("--param Nope: the template has no such parameter");
    assertThat(run("deploy", template, "--time-scale", "0").output())
        .contains("--time-scale must be positive");
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(
            StudioLocal.execute(new String[0], new PrintStream(out, true, StandardCharsets.UTF_8)))
        .isEqualTo(2);
  }

  private Run deployText(final String text) throws IOException {
    final Path template = Files.createTempFile(state, "template", ".yaml");
    Files.writeString(template, text);
    final Run result = run("deploy", template.toString());
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

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (final IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
