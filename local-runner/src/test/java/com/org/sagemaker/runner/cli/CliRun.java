package com.org.sagemaker.runner.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One run of studio-local in this process: its exit code and everything it printed. */
record CliRun(int exitCode, String output) {

  /** The command {@code args} on the embedded emulator at {@code port}, state in {@code state}. */
  static CliRun onEmulator(final Path state, final int port, final String... args) {
    return of(
        args,
        "--state-dir",
        state.toString(),
        "--emulator-port",
        String.valueOf(port),
        "--no-wait");
  }

  /** A port free now, for an embedded emulator that every run of a test class shares. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

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
