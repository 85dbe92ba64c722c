package com.org.sagemaker.runner.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One run of studio-local in this process: its exit code and everything it printed. */
record CliRun(int exitCode, String output) {

  /** Runs the command {@code args} with {@code common} (e.g. the state folder) after them. */
  static CliRun of(final String[] args, final String... common) {
    final List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(common));
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final int code =
        StudioLocal.execute(
            all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8));
    return new CliRun(code, out.toString(StandardCharsets.UTF_8));
  }
}
