package com.org.sagemaker.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.org.sagemaker.runner.engine.HandlerInvoker;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.TargetId;
import java.io.IOException;
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

  @Test
  void aCommandReadsTheAwsRegionOnceAndStartsItsTargetThere() throws IOException {
    final StudioLocal.StackOptions options = new StudioLocal.StackOptions();
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
      try (Target target = options.target()) {
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
