package com.org.sagemaker.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Names a checkout by its commit, for the report; outside git by its folder's name alone, since the
 * report never carries a local path.
 */
final class Git {

  private Git() {}

  static String describe(final Path checkout) {
    try {
      final Process git =
          new ProcessBuilder("git", "-C", checkout.toString(), "describe", "--always", "--dirty")
              .redirectErrorStream(true)
              .start();
      final String commit = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return git.waitFor() == 0 ? commit.trim() : folderName(checkout);
    } catch (final IOException e) {
      return folderName(checkout);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      return folderName(checkout);
    }
  }

  private static String folderName(final Path checkout) {
    return "folder " + checkout.toAbsolutePath().normalize().getFileName();
  }
}
