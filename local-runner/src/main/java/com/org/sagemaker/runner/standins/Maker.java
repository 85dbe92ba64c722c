package com.org.sagemaker.runner.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.org.sagemaker.runner.template.StackContext;
import com.org.sagemaker.runner.template.StackIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** Makes the values of one stand-in: ids, names and ARNs seeded by stack and logical id. */
final class Maker {
  private final String logicalId;
  private final JsonNode properties;
  private final StackIdentity stack;
  private final byte[] seed;

  /** {@code replacing}: the physical id this one replaces, or null. */
  Maker(
      final String logicalId,
      final JsonNode properties,
      final StackIdentity stack,
      final String replacing) {
    this.logicalId = logicalId;
    this.properties = properties;
    this.stack = stack;
    this.seed =
        sha256(stack.id() + "/" + logicalId + (replacing == null ? "" : "/replacing " + replacing));
  }

  String property(final String name) {
    final JsonNode value = properties.path(name);
    return value.isValueNode() ? value.asText() : null;
  }

  /** Hex digits in the shape of current EC2 ids, e.g. vpc-0a1b2c3d4e5f67890 (17 digits). */
  String id(final String prefix, final int salt) {
    final StringBuilder hex = new StringBuilder(prefix).append('-');
    for (int i = 0; hex.length() < prefix.length() + 18; i++) {
      hex.append(String.format("%02x", seed[(i + salt) % seed.length]));
    }
    return hex.substring(0, prefix.length() + 18);
  }

  /** Upper-case letters and digits, as in IAM unique ids and generated names. */
  String code(final int length, final int salt) {
    final String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    final StringBuilder code = new StringBuilder();
    for (int i = 0; i < length; i++) {
      code.append(
          alphabet.charAt(Math.floorMod(seed[(i + salt) % seed.length], alphabet.length())));
    }
    return code.toString();
  }

  String uuid() {
    return UUID.nameUUIDFromBytes(seed).toString();
  }

  /**
   * CloudFormation's name for a resource the template does not name: the stack name, the logical id
   * and a random suffix (user guide, aws-properties-name.md; e.g.
   * "teststack-CreateTestDBPolicy-16M23YE3CS700"), shortened to fit.
   */
  String generatedName(final int maxLength) {
    final String suffix = code(13, 7);
    final String prefix = stack.name() + "-" + logicalId;
    final int room = Math.max(1, maxLength - suffix.length() - 1);
    return (prefix.length() > room ? prefix.substring(0, room) : prefix) + "-" + suffix;
  }

  String name(final String property, final int maxLength) {
    final String given = property(property);
    return given != null ? given : generatedName(maxLength);
  }

  String arn(final String service, final String region, final String resource) {
    return "arn:"
        + StackContext.partition(stack.region())
        + ":"
        + service
        + ":"
        + region
        + ":"
        + stack.accountId()
        + ":"
        + resource;
  }

  String regional(final String service, final String resource) {
    return arn(service, stack.region(), resource);
  }

  String global(final String service, final String resource) {
    return arn(service, "", resource);
  }

  String path() {
    final String path = property("Path");
    return path == null ? "/" : path;
  }

  String region() {
    return stack.region();
  }

  /** One byte of the seed, e.g. to pick a number. */
  byte seed(final int index) {
    return seed[index % seed.length];
  }

  private static byte[] sha256(final String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (final NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
