package com.org.sagemaker.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EmulatorMainTest {

  @Test
  void announcesWhereItListensOnLoopback() throws Exception {
    final EmulatorMain main = new EmulatorMain();
    new CommandLine(main).parseArgs("--port", "0", "--time-scale", "60");
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    try (SageMakerEmulator emulator =
        main.start(new PrintStream(out, true, StandardCharsets.UTF_8))) {
      assertThat(out.toString(StandardCharsets.UTF_8))
          .matches("listening on http://127\\.0\\.0\\.1:\\d+\\R")
          .contains(String.valueOf(emulator.endpoint().getPort()));
    }
  }

  @Test
  void rejectsANonPositiveTimeScale() {
    final EmulatorMain main = new EmulatorMain();
    new CommandLine(main).parseArgs("--time-scale", "0");
    assertThatThrownBy(
            () ->
                main.start(
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
        .isInstanceOf(CommandLine.ParameterException.class);
  }

  @Test
  void scaledClocksRunFasterAndCanBeAdvanced() {
    final VirtualClock clock = VirtualClock.scaled(1000);
    final Instant start = clock.instant();
    clock.advance(Duration.ofHours(1));
    assertThat(Duration.between(start, clock.instant()))
        .isGreaterThanOrEqualTo(Duration.ofHours(1));
    assertThat(clock.getZone().getId()).isEqualTo("Z");
    assertThatThrownBy(() -> clock.withZone(java.time.ZoneId.of("Europe/Paris")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(Timings.REALISTIC.scaledBy(60).domainCreate()).isEqualTo(Duration.ofSeconds(5));
  }
}
