package com.org.sagemaker.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.org.sagemaker.emulator.VirtualClock;
import com.org.sagemaker.runner.EmulatedAws;
import com.org.sagemaker.runner.template.Template;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Handlers invoked from several threads at once, each emptying java.io.tmpdir as the wrapper does:
 * they only ever see the runner's scratch folder, and the real temporary folder keeps its files.
 */
class HandlerTmpdirTest {

  @Test
  void concurrentHandlersNeverScrubTheRealTmpdir() throws IOException {
    final String real = System.getProperty("java.io.tmpdir");
    final Path marker = Files.createTempFile(Path.of(real), "keep-me", ".txt");
    final List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    final RequestStreamHandler scrubbing =
        (in, out, context) -> {
          final String tmpdir = System.getProperty("java.io.tmpdir");
          seen.add(tmpdir);
          final File[] files = new File(tmpdir).listFiles();
          if (files != null) {
            for (final File file : files) {
              if (!file.isDirectory()) {
                Files.deleteIfExists(file.toPath());
              }
            }
          }
          Files.writeString(Path.of(tmpdir, "scratch-" + Thread.currentThread().getId()), "x");
          out.write("{\"status\": \"SUCCESS\"}".getBytes(StandardCharsets.UTF_8));
        };
    final VirtualClock clock = VirtualClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
    final HandlerInvoker invoker =
        new HandlerInvoker(
            new HandlerInvoker.Stack(
                "s",
                "id",
                "us-east-1",
                "123456789012",
                new HandlerInvoker.Credentials("a", "b", "c")),
            clock::advance,
            new EmulatedAws.CapturingLogger(new ArrayList<>()),
            5,
            type -> scrubbing);
    try (Scheduler scheduler = new Scheduler(Timeline.virtual(clock, clock::advance), 8)) {
      for (int i = 0; i < 64; i++) {
        final HandlerInvoker.Operation operation =
            invoker.begin(
                HandlerInvoker.Request.of("CREATE", "Any::Type::Here", "R" + i, Template.object()));
        scheduler.submit(
            new Scheduler.Task() {
              @Override
              public void work() {
                operation.invokeOnce();
              }

              @Override
              public Duration settle() {
                return null;
              }
            });
      }
      scheduler.run();
    } finally {
      try {
        assertThat(marker).exists();
      } finally {
        Files.deleteIfExists(marker);
      }
    }
    assertThat(seen).hasSize(64).containsOnly(HandlerTmpdir.scratch().toString());
    assertThat(System.getProperty("java.io.tmpdir")).isEqualTo(real);
    if (!Files.exists(HandlerTmpdir.scratch())) {
      throw new UncheckedIOException(new IOException("scratch folder vanished"));
    }
  }
}
