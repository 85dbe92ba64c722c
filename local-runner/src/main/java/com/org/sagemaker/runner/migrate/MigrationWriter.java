package com.org.sagemaker.runner.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.org.sagemaker.runner.template.CfnYaml;
import java.util.ArrayList;
import java.util.List;

/**
 * A migrated template as YAML, with what the migration could not carry over as comments: all of it
 * at the top, and each item again above the resource or output it concerns. Output is always YAML,
 * whatever the input was: CloudFormation takes either, and only YAML has comments.
 */
final class MigrationWriter {

  private static final int WIDTH = 100;

  private MigrationWriter() {}

  static String write(
      final JsonNode template, final List<String> header, final List<MigrationFinding> findings) {
    final List<String> lines = new ArrayList<>();
    header.forEach(line -> wrap(line, "# ", lines));
    if (!findings.isEmpty()) {
      lines.add("# Needs your attention (each item is also above its resource or output):");
      findings.forEach(finding -> wrap(finding.toString(), "#   ", lines));
    }
    lines.add("");
    String section = "";
    for (final String line : CfnYaml.write(template).split("\n", -1)) {
      if (!line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#")) {
        section = line.replaceFirst(":.*", "");
      }
      if (line.startsWith("  ") && !line.startsWith("   ")) {
        final String key = line.strip().replaceFirst(":.*", "");
        for (final MigrationFinding finding : findings) {
          if (finding.section().equals(section) && finding.key().equals(key)) {
            wrap(finding.toString(), "  # ", lines);
          }
        }
      }
      lines.add(line);
    }
    return String.join("\n", lines);
  }

  /** {@code text} as comment lines of at most about {@link #WIDTH} characters. */
  private static void wrap(final String text, final String prefix, final List<String> lines) {
    StringBuilder line = new StringBuilder(prefix);
    for (final String word : text.split(" ")) {
      if (line.length() > prefix.length() && line.length() + 1 + word.length() > WIDTH) {
        lines.add(line.toString());
        line = new StringBuilder(prefix + "  ");
      }
      if (line.length() > prefix.length() && !line.toString().endsWith("  ")) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
  }
}
