package com.org.sagemaker.runner.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.org.sagemaker.runner.engine.HandlerInvoker;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.TargetId;
import org.junit.jupiter.api.Test;

class TargetTest {

  @Test
  void awsUsesTheDefaultCredentialChainAndRegion() {
    System.setProperty("aws.accessKeyId", "AKIDFROMCHAIN");
    System.setProperty("aws.secretAccessKey", "chain-secret");
    System.setProperty("aws.sessionToken", "chain-token");
    System.setProperty("aws.region", "eu-west-1");
    try (Target target = Target.aws("111122223333")) {
      final StackState state = StackState.fresh("s", TargetId.aws("111122223333", "eu-west-1"));
      final HandlerInvoker.Stack stack = target.stack(state);
      assertThat(stack.region()).isEqualTo("eu-west-1");
      assertThat(stack.accountId()).isEqualTo("111122223333");
      assertThat(stack.credentials().accessKeyId()).isEqualTo("AKIDFROMCHAIN");
      assertThat(stack.credentials().sessionToken()).isEqualTo("chain-token");
      assertThat(target.isEmulator()).isFalse();
      assertThat(target.id().key()).isEqualTo("aws-111122223333-eu-west-1");
      assertThat(state.stackId())
          .startsWith("arn:aws:cloudformation:eu-west-1:111122223333:stack/s/");
    } finally {
      for (final String property :
          new String[] {
            "aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken", "aws.region"
          }) {
        System.clearProperty(property);
      }
    }
  }
}
