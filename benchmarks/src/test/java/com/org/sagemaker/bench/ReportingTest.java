package com.org.sagemaker.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.org.sagemaker.common.Backoff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The arithmetic and file handling the reported numbers rest on. */
class ReportingTest {

  @Test
  void medianOfOddAndEvenSeries() {
    assertThat(Stats.of(List.of(3, 1, 2))).isEqualTo(new Stats(1, 2, 3, 3));
    assertThat(Stats.of(List.of(4, 1, 2, 3)).median()).isEqualTo(2.5);
    assertThat(Stats.of(List.of(1.5, 2.5)).format(1)).isEqualTo("2.0 (1.5–2.5)");
    assertThatThrownBy(() -> Stats.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aWaitCountsTheChecksUntilOneComesAtOrAfterTheEnd() {
    final Backoff every10 = Backoff.every(Duration.ofSeconds(10), Duration.ofMinutes(5));
    assertThat(TradeOff.Wait.of(every10, Duration.ofSeconds(25)))
        .isEqualTo(new TradeOff.Wait(3, Duration.ofSeconds(5)));
    assertThat(TradeOff.Wait.of(every10, Duration.ofSeconds(30)))
        .isEqualTo(new TradeOff.Wait(3, Duration.ZERO));
    final Backoff late =
        new Backoff(
            Duration.ofSeconds(150),
            Duration.ofSeconds(12),
            Duration.ofSeconds(12),
            1.0,
            Duration.ofMinutes(55));
    assertThat(TradeOff.Wait.of(late, Duration.ofSeconds(187)))
        .isEqualTo(new TradeOff.Wait(5, Duration.ofSeconds(11)));
    assertThat(TradeOff.describe(late)).isEqualTo("first look at 150 s, then every 12 s");
  }

  @Test
  void coldStartsAreComparedWithPythonWhenItRanAndTheNativeHandlerIsNotMeasuredWithoutIt() {
    final ColdStart.Case domain =
        new ColdStart.Case(
            ColdStart.Handler.ours(
                "Org::SageMaker::StudioDomain", "this checkout: abc", Path.of("d.jar")),
            ColdStart.Jvm.LAMBDA,
            Path.of("read.json"));
    final Report withPython = new Report("./bench");
    withPython.coldStart(
        java.util.Map.of(
            domain,
            List.of(
                new ColdStart.Run(700, 77.5, List.of(10.0, 20.0)),
                new ColdStart.Run(1400, 155, List.of(30.0)))));
    withPython.python(List.of(new ColdStart.Run(350, 62, List.of())));

    assertThat(withPython.toMarkdown())
        .contains(
            "| Org::SageMaker::StudioDomain | this checkout: abc | Lambda java17 flags, 256 MB |"
                + " 1050 (700–1400) | 116 (78–155) | 20.0 (10.0–30.0) |")
        .contains("| Python + boto3 DescribeDomain | | python3 | 350 (350–350) | 62 (62–62) | |")
        .contains("| 3.0, 1.9 |")
        .contains("AWS's native handler: not measured.", ColdStartTables.NATIVE_NOT_MEASURED)
        .doesNotContain("1,400", "vs native handler (");

    final Report withoutPython = new Report("./bench");
    withoutPython.coldStart(
        java.util.Map.of(domain, List.of(new ColdStart.Run(700, 80, List.of(1.0)))));
    assertThat(withoutPython.toMarkdown())
        .contains("(python3 with boto3 not found)")
        .doesNotContain("vs Python + boto3");
  }

  @Test
  void withoutTheNativeJarItsSizeIsNotMeasured() {
    final Report report = new Report("./bench --only JAR_SIZE");
    report.jarSizes(
        List.of(new JarSize(Path.of("/build/ours.jar"), 36_000_000, List.of())),
        java.util.Optional.empty());

    assertThat(report.toMarkdown()).contains("| ours.jar | 36.0 | not measured |  |");
  }

  @Test
  void aFolderOutsideGitIsNamedByItsNameAlone(@TempDir final Path dir) {
    assertThat(Git.describe(dir))
        .isEqualTo("folder " + dir.getFileName())
        .doesNotContain(dir.getParent().toString());
  }

  @Test
  void onlyTheTextBetweenTheMarkersIsRewritten(@TempDir final Path dir) throws IOException {
    final Path doc = dir.resolve("performance.md");
    Files.writeString(
        doc, "# Title\nkept\n" + Report.BEGIN + "\nold tables\n" + Report.END + "\ntail\n");

    Report.writeBetweenMarkers(doc, "new tables");

    assertThat(Files.readString(doc))
        .isEqualTo("# Title\nkept\n" + Report.BEGIN + "\nnew tables\n" + Report.END + "\ntail\n");
  }

  @Test
  void theScaleSectionHasMarkersOfItsOwn(@TempDir final Path dir) throws IOException {
    final Path doc = dir.resolve("performance.md");
    final String others = Report.BEGIN + "\nother tables\n" + Report.END;
    Files.writeString(
        doc, others + "\n" + Report.SCALE_BEGIN + "\nold\n" + Report.SCALE_END + "\n");

    Report.writeBetweenMarkers(doc, Report.SCALE_BEGIN, Report.SCALE_END, "scale tables");

    assertThat(Files.readString(doc))
        .isEqualTo(
            others + "\n" + Report.SCALE_BEGIN + "\nscale tables\n" + Report.SCALE_END + "\n");
  }

  @Test
  void scaleRatesAreReadAndWrittenAsFamilyEqualsRateSlashBurst() {
    final List<ScaleRates.Rate> rates = ScaleRates.parse("Describe=20/100, Mutate=0.5/5");
    assertThat(rates)
        .containsExactly(
            new ScaleRates.Rate("Describe", 20, 100), new ScaleRates.Rate("Mutate", 0.5, 5));
    assertThat(rates.get(0)).hasToString("Describe=20/100");
    assertThat(rates.get(1).describe()).isEqualTo("Mutate 0.5/s, burst 5");
    assertThat(ScaleRates.parse(ScaleRates.DEFAULT)).hasSize(4);
    for (final String wrong :
        List.of("Describe", "Describe=20", "Create=1/1", "Describe=0/10", "Describe=1/0")) {
      assertThatThrownBy(() -> ScaleRates.parse(wrong))
          .as(wrong)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(wrong);
    }
  }

  @Test
  void scaleRowsSetSageMakerTimeAgainstThePhysicalLimitAndJudgeTheGoal() {
    final Scale.Settings settings =
        new Scale.Settings(
            ScaleRates.parse("Describe=20/100,Mutate=5/50"), 4, List.of(200), 2, false);
    final Report report = new Report("./bench --only SCALE");
    report.scale(
        new Scale.Measurement(
            settings,
            List.of(
                new Scale.Row(
                    "this checkout: abc",
                    200,
                    List.of(scaleRun(360, 300, 200, 0), scaleRun(370, 310, 200, 0))),
                new Scale.Row(
                    "before: def",
                    200,
                    List.of(scaleRun(386, 326, 200, 0), scaleRun(386, 326, 199, 1))))));

    assertThat(report.scaleMarkdown())
        .contains("Generated by `./bench --only SCALE`", "virtual clock")
        .contains("(4 workers)", "Describe 20/s, burst 100; Mutate 5/s, burst 50")
        .contains("create 320 s", "delete 260 s", "2 run(s) per row")
        .contains(
            "| this checkout: abc | 200 | 365 (370) | 1.14 (1.16) | 305 (310) | 1.17 (1.19) |"
                + " 200 of 200 | 0 |")
        .contains(
            "| before: def | 200 | 386 (386) | 1.21 (1.21) | 326 (326) | 1.25 (1.25) |"
                + " 199 of 200 | 1 |")
        // calls: 1200 Describe, 200 Mutate and 200 Tags over 200 profiles; delete 600 List.
        .contains(
            "| this checkout: abc | 200 | 6.0 / 0.0 / 1.0 / 1.0 | 40 | 900 |"
                + " 3.0 / 3.0 / 0.0 / 1.0 | 20 | 800 |")
        .contains("retries off", "Goal (issue 13): 200 profiles within 1.2×")
        .contains(
            "this checkout: abc: **met** (worst run: create 1.16×, delete 1.19×, nothing"
                + " failed); before: def: **not met** (worst run: create 1.21×, delete 1.25×,"
                + " not every")
        .doesNotContain("### Cold start");
  }

  /** A stack of 200 profiles that took {@code create} and {@code delete} seconds. */
  private static ScaleRun.Result scaleRun(
      final long create, final long delete, final int inService, final int failed) {
    final List<String> failures = java.util.Collections.nCopies(failed, "User1");
    return new ScaleRun.Result(
        200,
        new ScaleRun.Phase(
            failed == 0 ? "CREATE_COMPLETE" : "ROLLBACK_COMPLETE",
            create,
            320,
            201,
            900,
            java.util.Map.of("Describe", 1200, "Mutate", 200, "Tags", 200),
            java.util.Map.of("Describe", 40),
            failures),
        inService,
        new ScaleRun.Phase(
            "DELETE_COMPLETE",
            delete,
            260,
            201,
            800,
            java.util.Map.of("Describe", 600, "List", 600, "Mutate", 200),
            java.util.Map.of("List", 20),
            List.of()));
  }

  @Test
  void aFileWithoutMarkersIsLeftAlone(@TempDir final Path dir) throws IOException {
    final Path doc = dir.resolve("performance.md");
    Files.writeString(doc, "no markers\n");

    assertThatThrownBy(() -> Report.writeBetweenMarkers(doc, "tables"))
        .hasMessageContaining(Report.BEGIN);
    assertThat(Files.readString(doc)).isEqualTo("no markers\n");
  }
}
