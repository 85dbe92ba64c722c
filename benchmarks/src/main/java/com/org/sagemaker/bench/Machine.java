package com.org.sagemaker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the numbers were measured on. */
final class Machine {

  private Machine() {}

  static String describe() {
    return String.format(
        "%s %s, %d CPUs (%s), %s memory, Java %s",
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(),
        procValue("/proc/cpuinfo", "model name"),
        procValue("/proc/meminfo", "MemTotal"),
        System.getProperty("java.runtime.version"));
  }

  /**
   * The 1-minute load average: other work on the machine while the bench ran, which the interleaved
   * cases share but absolute times do not; "unknown" where /proc is missing.
   */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (final IOException e) {
      return "unknown";
    }
  }

  /** The first value of {@code key} in a /proc file; "unknown" elsewhere. */
  private static String procValue(final String file, final String key) {
    try {
      final List<String> lines = Files.readAllLines(Path.of(file));
      for (final String line : lines) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (final IOException e) {
      return "unknown";
    }
    return "unknown";
  }
}
