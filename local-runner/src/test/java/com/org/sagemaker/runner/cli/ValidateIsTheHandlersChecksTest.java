package com.org.sagemaker.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 19, item 6: {@code validate} runs every check the create handlers make before their first
 * SageMaker call, from the same code. For each refusal a create handler gives before any call (the
 * type's input rules, then the tags it would be given), {@code validate} refuses the template with
 * the message the handler answers when the same template is deployed.
 */
class ValidateIsTheHandlersChecksTest {

  private static final int PORT = CliRun.freePort();

  private static final String DOMAIN =
      """
      Resources:
        Domain:
          Type: Org::SageMaker::StudioDomain
          Properties:
            DomainName: studio
            AuthMode: IAM
            DefaultUserSettings:
              ExecutionRole: arn:aws:iam::123456789012:role/x
      %s
      """;

  private static final String NETWORK =
      """
            VpcId: vpc-0a1b2c3d4e5f67890
            SubnetIds: [subnet-0a1b2c3d4e5f67890]
      """;

  private static final String PROFILE =
      """
      Resources:
        Profile:
          Type: Org::SageMaker::StudioUserProfile
          Properties:
            DomainId: d-abcdefghijkl
            UserProfileName: alice
      %s
      """;

  @TempDir Path state;

  static Stream<Arguments> refusals() {
    final String manyTags =
        IntStream.range(0, 50)
            .mapToObj(i -> "        - {Key: k" + i + ", Value: v}")
            .collect(Collectors.joining("\n", "      Tags:\n", "\n"));
    return Stream.of(
        Arguments.of(
            "domain without a network", DOMAIN.formatted(""), "VpcId and SubnetIds are required"),
        Arguments.of(
            "domain VpcOnly without subnets",
            DOMAIN.formatted(
                "      AppNetworkAccessType: VpcOnly\n      VpcId: vpc-0a1b2c3d4e5f67890\n"),
            "AppNetworkAccessType VpcOnly needs VpcId and SubnetIds."),
        Arguments.of(
            "domain landing on Studio with the portal disabled",
            DOMAIN.formatted(
                "        StudioWebPortal: DISABLED\n"
                    + "        DefaultLandingUri: 'studio::'\n"
                    + NETWORK),
            "DefaultUserSettings.StudioWebPortal DISABLED needs a DefaultLandingUri"),
        Arguments.of(
            "domain with a reserved tag",
            DOMAIN.formatted(NETWORK + "      Tags: [{Key: AWS:owner, Value: me}]\n"),
            "Tag keys beginning with aws: are reserved"),
        Arguments.of(
            "domain with the creation-token tag",
            DOMAIN.formatted(
                NETWORK
                    + "      Tags: [{Key: org-sagemaker-studio:creation-token, Value: mine}]\n"),
            "Tag key org-sagemaker-studio:creation-token is this type's own"),
        Arguments.of(
            "domain with 50 tags",
            DOMAIN.formatted(NETWORK + manyTags),
            "50 tags (the resource's Tags and the stack's tags together) are too many"),
        Arguments.of(
            "profile with half an SSO identity",
            PROFILE.formatted("      SingleSignOnUserIdentifier: UserName\n"),
            "SingleSignOnUserIdentifier and SingleSignOnUserValue must be set together."),
        Arguments.of(
            "profile landing on Studio with the portal disabled",
            PROFILE.formatted(
                "      UserSettings:\n"
                    + "        StudioWebPortal: DISABLED\n"
                    + "        DefaultLandingUri: 'studio::'\n"),
            "UserSettings.StudioWebPortal DISABLED needs a DefaultLandingUri"),
        Arguments.of(
            "profile with a reserved tag",
            PROFILE.formatted("      Tags: [{Key: aws:cost, Value: x}]\n"),
            "Tag keys beginning with aws: are reserved"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void validateRefusesWithTheCreateHandlersMessage(
      final String name, final String template, final String message) throws IOException {
    final Path file = state.resolve("refused.yaml");
    Files.writeString(file, template);

    final CliRun deployed = run("deploy", file.toString());
    final String reason =
        deployed
            .output()
            .lines()
            .filter(line -> line.contains("CREATE_FAILED") && line.contains(message))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no handler refusal in:\n" + deployed.output()));
    // The event's reason quotes the handler's message, then names the request and the error code.
    final String handlerMessage =
        reason.substring(reason.indexOf(message), reason.lastIndexOf("\" (RequestToken: "));

    final CliRun validated = run("validate", file.toString());
    assertThat(validated.exitCode()).as(validated.output()).isEqualTo(1);
    assertThat(validated.output()).contains(handlerMessage);
  }

  /**
   * For a resource the stack already holds, validate checks what the handler will be asked to do:
   * an update in place gets the update rules, a replacement (a create-only property changed) the
   * create rules. Turning StudioWebPortal off without a landing page is refused as an update
   * (SageMaker keeps studio::) and allowed on a new domain.
   */
  @Test
  void validateChecksAReplacementAsACreate() throws IOException {
    final Path file = state.resolve("domain.yaml");
    Files.writeString(file, DOMAIN.formatted(NETWORK));
    assertThat(run("deploy", file.toString()).exitCode()).isZero();
    final String portalOff = DOMAIN.formatted("        StudioWebPortal: DISABLED\n" + NETWORK);

    Files.writeString(file, portalOff);
    final CliRun inPlace = run("validate", file.toString());
    Files.writeString(file, portalOff.replace("DomainName: studio", "DomainName: studio-new"));
    final CliRun replaced = run("validate", file.toString());

    assertThat(inPlace.exitCode()).as(inPlace.output()).isEqualTo(1);
    assertThat(inPlace.output()).contains("DefaultUserSettings.StudioWebPortal DISABLED needs");
    assertThat(replaced.exitCode()).as(replaced.output()).isZero();
  }

  private CliRun run(final String... args) {
    return CliRun.onEmulator(state, PORT, args);
  }
}
