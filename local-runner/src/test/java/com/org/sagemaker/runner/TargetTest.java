package com.org.sagemaker.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetTest {

  @Test
  void awsUsesTheDefaultCredentialChainAndRegion() {
    System.setProperty("aws.accessKeyId", "AKIDFROMCHAIN");
    System.setProperty("aws.secretAccessKey", "chain-secret");
    System.setProperty("aws.sessionToken", "chain-token");
    System.setProperty("aws.region", "eu-west-1");
    try (Target target = Target.aws("111122223333")) {
      final StackState state = StackState.load(java.nio.file.Path.of("unused"), "s");
      final HandlerInvoker.Stack stack = target.stack(state);
      assertThat(stack.region()).isEqualTo("eu-west-1");
      assertThat(stack.accountId()).isEqualTo("111122223333");
      assertThat(stack.credentials().accessKeyId()).isEqualTo("AKIDFROMCHAIN");
      assertThat(stack.credentials().sessionToken()).isEqualTo("chain-token");
      assertThat(target.isEmulator()).isFalse();
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
