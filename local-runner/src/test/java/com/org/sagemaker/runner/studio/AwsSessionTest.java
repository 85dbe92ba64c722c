package com.org.sagemaker.runner.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.org.sagemaker.runner.FakeSts;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.TargetId;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the runner acts with on AWS: session credentials for the handlers, and the account. */
class AwsSessionTest {

  /** The SDK settings this test sets; none is left behind. */
  private static final List<String> SETTINGS =
      List.of(
          "aws.accessKeyId",
          "aws.secretAccessKey",
          "aws.sessionToken",
          "aws.region",
          "aws.sharedCredentialsFile",
          "aws.configFile",
          "aws.disableEc2Metadata");

  private FakeSts sts;

  @BeforeEach
  void startSts() {
    sts = new FakeSts();
    sts.useAsEndpoint();
    System.setProperty("aws.region", "eu-west-1");
  }

  @AfterEach
  void stopSts() {
    sts.close();
    SETTINGS.forEach(System::clearProperty);
  }

  @Test
  void longTermKeysBecomeSessionCredentialsInTheCallersAccount() {
    System.setProperty("aws.accessKeyId", "AKIDLONGTERMUSER");
    System.setProperty("aws.secretAccessKey", "long-term-secret");

    final TargetId where = Target.awsId(null);
    assertThat(where.key()).isEqualTo("aws-" + FakeSts.ACCOUNT + "-eu-west-1");
    try (Target target = Target.aws(where)) {
      final HandlerInvoker.Stack stack = target.stack(StackState.fresh("s", where));
      assertThat(stack.accountId()).isEqualTo(FakeSts.ACCOUNT);
      assertThat(stack.credentials().accessKeyId()).isEqualTo(FakeSts.SESSION_KEY_ID);
      assertThat(stack.credentials().sessionToken()).isEqualTo(FakeSts.SESSION_TOKEN);
      // Resolved once per target, however many handlers are called.
      assertThat(target.stack(StackState.fresh("t", where)).credentials())
          .isSameAs(stack.credentials());
    }
    assertThat(sts.calls)
        .containsExactly(
            new FakeSts.Call("GetCallerIdentity", "AKIDLONGTERMUSER"),
            new FakeSts.Call("GetSessionToken", "AKIDLONGTERMUSER"));
  }

  @Test
  void sessionCredentialsAndAGivenAccountNeedNoStsCall() {
    System.setProperty("aws.accessKeyId", "ASIAFROMCHAIN");
    System.setProperty("aws.secretAccessKey", "chain-secret");
    System.setProperty("aws.sessionToken", "chain-token");

    final TargetId where = Target.awsId("111122223333");
    try (Target target = Target.aws(where)) {
      final HandlerInvoker.Stack stack = target.stack(StackState.fresh("s", where));
      assertThat(stack.accountId()).isEqualTo("111122223333");
      assertThat(stack.credentials().accessKeyId()).isEqualTo("ASIAFROMCHAIN");
      assertThat(stack.credentials().sessionToken()).isEqualTo("chain-token");
    }
    assertThat(sts.calls).isEmpty();
  }

  @Test
  void noCredentialsIsOneLineSayingHowToGiveThem(@TempDir final Path home) {
    noCredentialsAnywhere(home);
    assertThatThrownBy(() -> Target.awsId(null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(AwsSession.NO_CREDENTIALS);
    final TargetId where = Target.awsId("111122223333");
    try (Target target = Target.aws(where)) {
      assertThatThrownBy(() -> target.stack(StackState.fresh("s", where)))
          .hasMessage(AwsSession.NO_CREDENTIALS);
    }
    assertThat(AwsSession.NO_CREDENTIALS).doesNotContain("\n");
    assertThat(sts.calls).isEmpty();
  }

  @Test
  void noRegionIsOneLineSayingHowToGiveIt(@TempDir final Path home) {
    noCredentialsAnywhere(home);
    System.clearProperty("aws.region");
    assertThatThrownBy(() -> Target.awsId("111122223333"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(AwsSession.NO_REGION);
  }

  /**
   * The SDK's default chain finds nothing: no keys in system properties (the environment has none
   * on the build machines), no profile files, and no instance metadata asked for.
   */
  static void noCredentialsAnywhere(final Path home) {
    System.setProperty("aws.sharedCredentialsFile", home.resolve("credentials").toString());
    System.setProperty("aws.configFile", home.resolve("config").toString());
    System.setProperty("aws.disableEc2Metadata", "true");
  }
}
