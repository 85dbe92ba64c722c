package com.org.sagemaker.runner.state;

/**
 * Where a stack lives, the embedded emulator or an AWS account and region: its state is kept, and
 * looked up, per target.
 */
public record TargetId(String key, String label, String region, String accountId) {

  /** The embedded emulator's account and region. */
  public static TargetId emulator() {
    return new TargetId("emulator", "emulator (local)", "us-east-1", "123456789012");
  }

  public static TargetId aws(final String accountId, final String region) {
    return new TargetId(
        "aws-" + accountId + "-" + region,
        "AWS account " + accountId + ", " + region,
        region,
        accountId);
  }
}
