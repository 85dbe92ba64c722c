package com.org.sagemaker.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda runtime a type declares: {@code runtime} in {@code .rpdk-config} and each function's
 * {@code Runtime} in {@code template.yml} (where the CloudFormation CLI user guide's "Updating
 * Lambda runtimes for resource types and hooks" says to change it). The build names it once, as
 * {@code lambda.runtime}; this rewrites both files to it in place, keeping everything else as is.
 * Usage: {@code LambdaRuntime <runtime> <type dir>...}.
 */
public final class LambdaRuntime {

  private static final Pattern SETTINGS = Pattern.compile("(\"runtime\":\\s*\")([^\"]*)(\")");
  private static final Pattern TEMPLATE = Pattern.compile("(?m)^(\\s*Runtime:\\s*)(\\S+)()");

  private LambdaRuntime() {}

  public static void main(final String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: LambdaRuntime <runtime> <type dir>...");
    }
    for (int i = 1; i < args.length; i++) {
      final Path typeDir = Path.of(args[i]);
      rewrite(typeDir.resolve(".rpdk-config"), SETTINGS, args[0]);
      rewrite(typeDir.resolve("template.yml"), TEMPLATE, args[0]);
    }
  }

  /** Every runtime the type's files name, as "file: runtime", in file order. */
  public static List<String> declared(final Path typeDir) throws IOException {
    final List<String> runtimes = new ArrayList<>();
    collect(typeDir.resolve(".rpdk-config"), SETTINGS, runtimes);
    collect(typeDir.resolve("template.yml"), TEMPLATE, runtimes);
    return runtimes;
  }

  private static void collect(final Path file, final Pattern pattern, final List<String> runtimes)
      throws IOException {
    final Matcher matcher = pattern.matcher(Files.readString(file));
    while (matcher.find()) {
      runtimes.add(file.getFileName() + ": " + matcher.group(2));
    }
  }

  private static void rewrite(final Path file, final Pattern pattern, final String runtime)
      throws IOException {
    final String text = Files.readString(file);
    final String rewritten =
        pattern
            .matcher(text)
            .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + runtime + m.group(3)));
    if (!rewritten.equals(text)) {
      Files.writeString(file, rewritten);
    }
  }
}
