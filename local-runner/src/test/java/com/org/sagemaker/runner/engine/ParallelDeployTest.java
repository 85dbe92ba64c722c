package com.org.sagemaker.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.org.sagemaker.emulator.Timings;
import com.org.sagemaker.runner.EmulatedAws;
import com.org.sagemaker.runner.StackOnEmulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A domain and ten profiles through the real handlers and the emulator's realistic durations, on
 * the virtual clock: about one domain create plus one profile create of SageMaker time, not ten
 * profile creates one after another; the delete likewise.
 */
@ExtendWith(EmulatedAws.Extension.class)
class ParallelDeployTest {

  private static final int PROFILES = 10;

  /** The handlers look at a resource every few seconds: what a wait may overrun by. */
  private static final Duration LOOKS = Duration.ofSeconds(30);

  static String template(final String domainName, final int profiles) {
    final StringBuilder template =
        new StringBuilder(
            """
            Resources:
              Domain:
                Type: Org::SageMaker::StudioDomain
                Properties:
                  DomainName: %s
                  AuthMode: IAM
                  VpcId: vpc-1
                  SubnetIds: [subnet-1]
                  DefaultUserSettings:
                    ExecutionRole: arn:aws:iam::123456789012:role/Studio
            """
                .formatted(domainName));
    for (int i = 1; i <= profiles; i++) {
      template.append(
          """
            User%d:
              Type: Org::SageMaker::StudioUserProfile
              Properties:
                DomainId: !GetAtt Domain.DomainId
                UserProfileName: user-%d
          """
              .formatted(i, i));
    }
    return template.toString();
  }

  @Test
  void profilesWaitTogetherAfterTheirDomain(final EmulatedAws aws) {
    for (final int workers : new int[] {1, 4}) {
      final StackOnEmulator stack = new StackOnEmulator(aws, "parallel" + workers, workers);
      final Deployer.Outcome created =
          stack.deploy(template("parallel-" + workers, PROFILES), Map.of());

      assertThat(created.stackStatus()).as(stack.output()).isEqualTo("CREATE_COMPLETE");
      final Duration physical =
          Timings.REALISTIC.domainCreate().plus(Timings.REALISTIC.profileCreate());
      assertThat(created.elapsed()).isBetween(physical, physical.plus(LOOKS));
      assertThat(created.operations()).isEqualTo(PROFILES + 1);
      assertThat(aws.emulator.counts().get("userProfiles")).isGreaterThanOrEqualTo(PROFILES);

      final Deployer.Outcome deleted = stack.delete();
      assertThat(deleted.stackStatus()).as(stack.output()).isEqualTo("DELETE_COMPLETE");
      final Duration physicalDelete =
          Timings.REALISTIC.profileDelete().plus(Timings.REALISTIC.domainDelete());
      assertThat(deleted.elapsed()).isBetween(physicalDelete, physicalDelete.plus(LOOKS));
    }
  }
}
