package com.org.sagemaker.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.org.sagemaker.emulator.SageMakerEmulator;
import com.org.sagemaker.emulator.Timings;
import com.org.sagemaker.emulator.VirtualClock;
import com.org.sagemaker.runner.FakeSts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, item 7 and the no-credentials line of item 8, through the command line: {@code --aws}
 * with an IAM user's long-term keys reaches SageMaker (here a standalone emulator standing in for
 * the account) with session credentials, in the account STS names; without credentials it says in
 * one line how to give them. STS is {@link FakeSts}; both are found through the SDK's standard
 * endpoint settings, as a user would point the runner elsewhere.
 */
class AwsCredentialsCliTest {

  private static final List<String> SETTINGS =
      List.of(
          "aws.accessKeyId",
          "aws.secretAccessKey",
          "aws.region",
          "aws.endpointUrlSageMaker",
          "aws.sharedCredentialsFile",
          "aws.configFile",
          "aws.disableEc2Metadata");

  @TempDir Path state;

  private FakeSts sts;
  private SageMakerEmulator account;

  @BeforeEach
  void start() throws IOException {
    sts = new FakeSts();
    sts.useAsEndpoint();
    account =
        SageMakerEmulator.start(
            SageMakerEmulator.Options.defaults()
                .withClock(VirtualClock.manual(Instant.parse("2026-01-01T00:00:00Z")))
                .withTimings(Timings.REALISTIC));
    System.setProperty("aws.endpointUrlSageMaker", account.endpoint().toString());
    System.setProperty("aws.region", "us-east-1");
  }

  @AfterEach
  void stop() {
    account.close();
    sts.close();
    SETTINGS.forEach(System::clearProperty);
  }

  private CliRun run(final String... args) {
    return CliRun.of(args, "--state-dir", state.toString(), "--aws");
  }

  /** A profile in a domain the account does not have: its create fails at SageMaker, at once. */
  private String profileInAMissingDomain() throws IOException {
    final Path file = state.resolve("profile.yaml");
    Files.writeString(
        file,
        """
        Resources:
          Profile:
            Type: Org::SageMaker::StudioUserProfile
            Properties:
              DomainId: d-missing0000001
              UserProfileName: alice
        """);
    return file.toString();
  }

  @Test
  void longTermKeysReachSageMakerWithSessionCredentialsInTheCallersAccount() throws IOException {
    System.setProperty("aws.accessKeyId", "AKIDLONGTERMUSER");
    System.setProperty("aws.secretAccessKey", "long-term-secret");
    final String template = profileInAMissingDomain();

    final CliRun deployed = run("deploy", template);
    // Before: every handler failed "sessionToken must not be null." before its first call. Now
    // the handler ran and asked SageMaker, which does not know the domain.
    assertThat(deployed.output())
        .contains("CREATE_FAILED", "d-missing0000001")
        .doesNotContain("sessionToken", "long-term-secret", FakeSts.SESSION_TOKEN);
    assertThat(sts.calls)
        .containsExactly(
            new FakeSts.Call("GetCallerIdentity", "AKIDLONGTERMUSER"),
            new FakeSts.Call("GetSessionToken", "AKIDLONGTERMUSER"));
    // The stack lives in the caller's account, not in 000000000000.
    assertThat(state.resolve("aws-" + FakeSts.ACCOUNT + "-us-east-1").resolve("profile.json"))
        .exists();
    assertThat(run("status", template).output())
        .contains("on AWS account " + FakeSts.ACCOUNT + ", us-east-1");
  }

  @Test
  void noCredentialsIsOneLine() throws IOException {
    System.setProperty("aws.sharedCredentialsFile", state.resolve("credentials").toString());
    System.setProperty("aws.configFile", state.resolve("config").toString());
    System.setProperty("aws.disableEc2Metadata", "true");
    final String template = profileInAMissingDomain();

    for (final String command : List.of("deploy", "status", "plan")) {
      final CliRun refused = run(command, template);
      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(refused.output().lines())
          .containsExactly(
              "error: --aws: no AWS credentials found. Give them as AWS_ACCESS_KEY_ID and"
                  + " AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), or name a profile with"
                  + " AWS_PROFILE (aws configure, aws sso login).");
    }
    // With --account-id the deploy gets as far as the handlers' credentials, and stops there.
    final CliRun deployed = run("deploy", template, "--account-id", "111122223333");
    assertThat(deployed.exitCode()).isEqualTo(1);
    assertThat(deployed.output()).contains("error: --aws: no AWS credentials found.");
    assertThat(deployed.output().length()).isLessThan(600);
    assertThat(sts.calls).isEmpty();
  }
}
