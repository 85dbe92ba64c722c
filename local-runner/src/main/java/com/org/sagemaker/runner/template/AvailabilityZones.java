package com.org.sagemaker.runner.template;

import java.util.List;
import java.util.Map;

/**
 * What Fn::GetAZs returns, offline. The lists are cfn-lint's (src/cfnlint/helpers.py
 * AVAILABILITY_ZONES), which resolves Fn::GetAZs the same way; a real account may see fewer (only
 * zones with a default subnet, user guide). Other regions get zones a to c: an assumption, not a
 * fact about them.
 */
final class AvailabilityZones {

  private static final Map<String, String> LETTERS =
      Map.of(
          "us-east-1", "abcdef",
          "us-east-2", "abc",
          "us-west-1", "ac",
          "us-west-2", "abcd",
          "eu-west-2", "abc",
          "eu-west-3", "abc");

  private AvailabilityZones() {}

  static List<String> of(final String region) {
    return LETTERS.getOrDefault(region, "abc").chars().mapToObj(c -> region + (char) c).toList();
  }
}
