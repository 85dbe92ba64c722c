package com.org.sagemaker.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Names a checkout by its commit, for the report. */
final class Git {

  private Git() {}

  static String describe(final Path checkout) {
    try {
      final Process git =
          new ProcessBuilder("git", "-C", checkout.toString(), "describe", "--always", "--dirty")
              .redirectErrorStream(true)
              .start();
      final String commit = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return git.waitFor() == 0 ? commit.trim() : checkout.toString();
    } catch (final IOException e) {
      return checkout.toString();
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      return checkout.toString();
    }
  }
}
