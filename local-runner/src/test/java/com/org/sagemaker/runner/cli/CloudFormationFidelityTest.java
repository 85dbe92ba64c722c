package com.org.sagemaker.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 as a user meets it through the command line: what CloudFormation refuses, the runner
 * refuses (unknown types, tags the handlers refuse, duplicate exports, bad stack names) with
 * CloudFormation's texts, and what it accepts, the runner accepts (functions in conditions), and a
 * stand-in whose create-only property changes is replaced.
 */
class CloudFormationFidelityTest {

  private static final int PORT = CliRun.freePort();

  private static final String DOMAIN =
      """
        Domain:
          Type: Org::SageMaker::StudioDomain
          Properties:
            DomainName: studio
            AuthMode: IAM
            VpcId: vpc-0a1b2c3d4e5f67890
            SubnetIds: [subnet-0a1b2c3d4e5f67890]
            DefaultUserSettings:
              ExecutionRole: arn:aws:iam::123456789012:role/x
      """;

  @TempDir Path state;

  private CliRun run(final String... args) {
    return CliRun.onEmulator(state, PORT, args);
  }

  private String template(final String name, final String text) throws IOException {
    final Path file = state.resolve(name + ".yaml");
    Files.writeString(file, text);
    return file.toString();
  }

  @Test
  void unknownTypesAreRefusedNamingTheClosestKnownOnes() throws IOException {
    final String typo =
        template(
            "typo",
            """
            Resources:
              Thing:
                Type: Org::SageMaker::StudioDomian
                Properties: {DomainName: x}
              Role:
                Type: AWS::IAM::Rolle
              Ping:
                Type: Custom::PingTester
                Properties: {ServiceToken: arn:aws:sns:us-east-1:123456789012:ping}
            """);
    final String refusal =
        "Template format error: Unrecognized resource types: [Org::SageMaker::StudioDomian,"
            + " AWS::IAM::Rolle]; the closest known: Org::SageMaker::StudioDomain, AWS::IAM::Role";
    final CliRun validated = run("validate", typo);
    assertThat(validated.exitCode()).isEqualTo(1);
    assertThat(validated.output()).contains("Resources: " + refusal, "typo.yaml: 1 problem");
    final CliRun deployed = run("deploy", typo);
    assertThat(deployed.exitCode()).isEqualTo(1);
    assertThat(deployed.output()).contains(refusal).doesNotContain("CREATE_COMPLETE");
    assertThat(run("plan", typo).output()).contains(refusal);
  }

  @Test
  void conditionsTakeTheFunctionsCloudFormationAccepts() throws IOException {
    final String conditions =
        template(
            "conditions",
            """
            Parameters:
              SubnetIds: {Type: CommaDelimitedList, Default: ""}
            Conditions:
              HasSubnets: !Not [!Equals [!Join ["", !Ref SubnetIds], ""]]
              FirstIsA: !Equals [!Select [0, !Ref SubnetIds], a]
              InRegion: !Equals [!Sub "${AWS::Region}", us-east-1]
            Resources:
              Role:
                Type: AWS::IAM::Role
                Condition: HasSubnets
            Outputs:
              First:
                Value: !If [FirstIsA, a-first, other-first]
              Here:
                Value: !If [InRegion, home, away]
            """);
    final CliRun validated = run("validate", conditions);
    assertThat(validated.output()).contains("conditions.yaml: valid");
    final CliRun empty = run("deploy", conditions);
    assertThat(empty.exitCode()).as(empty.output()).isZero();
    assertThat(empty.output())
        .doesNotContain("Role")
        .contains("First = other-first", "Here = home");
    final CliRun two = run("deploy", conditions, "--param", "SubnetIds=a,b");
    assertThat(two.exitCode()).as(two.output()).isZero();
    assertThat(two.output()).contains("Role", "First = a-first");
  }

  @Test
  void conditionsRefuseWhatCloudFormationRefuses() throws IOException {
    final String imported =
        template(
            "imported",
            "Conditions:\n  A: !Equals [!ImportValue shared, x]\n"
                + "Resources:\n  R: {Type: AWS::IAM::Role, Condition: A}\n");
    assertThat(run("validate", imported, "--import", "shared=x").output())
        .contains("Template error: Cannot use Fn::ImportValue in Conditions.");
    final String list =
        template(
            "list",
            "Parameters:\n  L: {Type: CommaDelimitedList, Default: 'a,b'}\n"
                + "Conditions:\n  A: !Equals [!Ref L, x]\n"
                + "Resources:\n  R: {Type: AWS::IAM::Role, Condition: A}\n");
    assertThat(run("validate", list).output())
        .contains(
            "Template error: every Fn::Equals object requires a list of 2 string parameters.");
    final String branch =
        template(
            "branch",
            "Conditions:\n  B: !Equals [a, a]\n  A: !Equals [!Join ['', [!If [B, x, y]]], x]\n"
                + "Resources:\n  R: {Type: AWS::IAM::Role, Condition: A}\n");
    assertThat(run("validate", branch).output()).contains("Fn::If cannot be used in a condition");
  }

  @Test
  void validateRefusesTheTagsTheHandlerRefusesWithItsMessage() throws IOException {
    final String reserved =
        template(
            "reserved",
            "Resources:\n" + DOMAIN + "      Tags:\n        - {Key: aws:owner, Value: me}\n");
    final CliRun validated = run("validate", reserved);
    assertThat(validated.exitCode()).isEqualTo(1);
    final String message =
        "Tag keys beginning with aws: are reserved for AWS and SageMaker refuses them: aws:owner."
            + " Rename these tags.";
    assertThat(validated.output()).contains("Resources.Domain.Properties: " + message);
    // The deploy fails with the same text, from the handler itself.
    final CliRun deployed = run("deploy", reserved);
    assertThat(deployed.output()).contains("CREATE_FAILED", message);

    final String token =
        template(
            "token",
            "Resources:\n"
                + DOMAIN
                + "      Tags:\n"
                + "        - {Key: org-sagemaker-studio:creation-token, Value: mine}\n");
    assertThat(run("validate", token).output())
        .contains("Tag key org-sagemaker-studio:creation-token is this type's own");

    // CloudFormation passes the stack's tags to the handler too.
    final String plain = template("plain", "Resources:\n" + DOMAIN);
    assertThat(run("validate", plain).output()).contains("plain.yaml: valid");
    assertThat(run("validate", plain, "--tag", "AWS:team=data").output())
        .contains("refuses them: AWS:team");
  }

  @Test
  void exportNamesAreUniqueWithinAStackAndAcrossTheTargetsStacks() throws IOException {
    final String twice =
        template(
            "twice",
            """
            Resources:
              Role: {Type: AWS::IAM::Role}
            Outputs:
              A: {Value: x, Export: {Name: shared}}
              B: {Value: y, Export: {Name: shared}}
            """);
    final String duplicate =
        "Template format error: The Outputs section contains duplicate Export names: [shared]."
            + " Specify a unique name for each export.";
    assertThat(run("validate", twice).output()).contains(duplicate);
    assertThat(run("deploy", twice).output()).contains(duplicate);

    final String byResource =
        template(
            "byresource",
            """
            Resources:
              Role: {Type: AWS::IAM::Role}
            Outputs:
              A: {Value: x, Export: {Name: !Ref Role}}
            """);
    assertThat(run("validate", byResource).output())
        .contains(
            "Template format error: Output A is malformed.  The Name field of Export must not"
                + " depend on any resources, imported values, or Fn::GetAZs.");

    final String exporting =
        """
        Resources:
          Role: {Type: AWS::IAM::Role}
        Outputs:
          A: {Value: x, Export: {Name: shared}}
        """;
    final String first = template("first", exporting);
    assertThat(run("deploy", first).exitCode()).isZero();
    // The same stack exports it again on an update.
    assertThat(run("validate", first).output()).contains("first.yaml: valid");
    final String second = template("second", exporting);
    final String taken = "Export with name shared is already exported by stack first.";
    final CliRun validated = run("validate", second);
    assertThat(validated.exitCode()).isEqualTo(1);
    assertThat(validated.output()).contains("Outputs: " + taken);
    final CliRun deployed = run("deploy", second);
    assertThat(deployed.exitCode()).isEqualTo(1);
    assertThat(deployed.output()).contains(taken).doesNotContain("CREATE_COMPLETE");
    assertThat(run("delete", first).exitCode()).isZero();
    assertThat(run("validate", second).output()).contains("second.yaml: valid");
  }

  @Test
  void stackNamesFollowCreateStacksRule() throws IOException {
    final String plain = template("plain", "Resources:\n  Role: {Type: AWS::IAM::Role}\n");
    final CliRun named = run("deploy", plain, "--stack", "bad_name!");
    assertThat(named.exitCode()).isEqualTo(1);
    assertThat(named.output())
        .contains(
            "Stack name bad_name! is not one CloudFormation takes: it can contain only"
                + " alphanumeric characters (case sensitive) and hyphens, must start with an"
                + " alphabetical character and can't be longer than 128 characters")
        .doesNotContain("CREATE");
    assertThat(run("validate", plain, "--stack", "a".repeat(129)).exitCode()).isEqualTo(1);
    assertThat(run("validate", plain, "--stack", "A-" + "a".repeat(126)).exitCode()).isZero();
    final String digit = template("1st", "Resources:\n  Role: {Type: AWS::IAM::Role}\n");
    assertThat(run("validate", digit).output()).contains("Name the stack with --stack.");
  }

  @Test
  void aStandInWhoseCreateOnlyPropertyChangesIsReplaced() throws IOException {
    final Path file = state.resolve("network.yaml");
    final String subnet =
        """
        Resources:
          Subnet:
            Type: AWS::EC2::Subnet
            Properties:
              VpcId: vpc-0a1b2c3d4e5f67890
              CidrBlock: %s
              Tags: [{Key: team, Value: %s}]
        Outputs:
          SubnetId: {Value: !Ref Subnet}
        """;
    Files.writeString(file, subnet.formatted("10.0.0.0/24", "a"));
    final CliRun created = run("deploy", file.toString());
    assertThat(created.exitCode()).as(created.output()).isZero();
    final String firstId = output(created.output(), "SubnetId");

    // Tags are not create-only: an update in place keeps the id.
    Files.writeString(file, subnet.formatted("10.0.0.0/24", "b"));
    assertThat(run("plan", file.toString()).output()).contains("Modify", "False");
    final CliRun tagged = run("deploy", file.toString());
    assertThat(output(tagged.output(), "SubnetId")).isEqualTo(firstId);

    // CidrBlock is (AWS::EC2::Subnet's published schema): CloudFormation replaces the subnet.
    Files.writeString(file, subnet.formatted("10.0.1.0/24", "b"));
    assertThat(run("plan", file.toString()).output()).contains("Modify", "True");
    final CliRun replaced = run("deploy", file.toString());
    assertThat(replaced.exitCode()).as(replaced.output()).isZero();
    assertThat(replaced.output())
        .contains(
            "Requested update requires the creation of a new physical resource; hence creating"
                + " one.",
            "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS",
            "DELETE_COMPLETE");
    final String secondId = output(replaced.output(), "SubnetId");
    assertThat(secondId).startsWith("subnet-").isNotEqualTo(firstId);
    assertThat(run("status", file.toString()).output()).contains(secondId);
  }

  private static String output(final String text, final String name) {
    return text.lines()
        .filter(line -> line.strip().startsWith(name + " = "))
        .map(line -> line.strip().substring(name.length() + 3))
        .reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("no output " + name + " in:\n" + text));
  }
}
