package com.org.sagemaker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** A handler jar's size and what fills it, by package, in compressed bytes. */
record JarSize(Path jar, long bytes, List<Map.Entry<String, Long>> largest) {

  static JarSize of(final Path jar, final int parts) throws IOException {
    final Map<String, Long> byPackage = new TreeMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream()
          .filter(entry -> !entry.isDirectory())
          .forEach(
              entry -> byPackage.merge(packageOf(entry), entry.getCompressedSize(), Long::sum));
    }
    return new JarSize(
        jar,
        Files.size(jar),
        byPackage.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
            .limit(parts)
            .toList());
  }

  /** The first three folders, four under the SDK's services (one per service client). */
  private static String packageOf(final ZipEntry entry) {
    final String[] folders = entry.getName().split("/");
    final int depth = entry.getName().startsWith("software/amazon/awssdk/services/") ? 5 : 3;
    final int kept = Math.min(depth, folders.length - 1);
    return kept == 0 ? "(jar root)" : String.join(".", java.util.Arrays.copyOf(folders, kept));
  }
}
