package com.org.sagemaker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * ./bench end to end, at its smallest (one cold start per case, one warm call), on the handler jars
 * this build just packaged: every section is measured and written between the markers. It checks
 * what is reported, not how fast anything was.
 */
class BenchTest {

  @Test
  void writesEverySectionBetweenTheMarkers(@TempDir final Path dir) throws Exception {
    final Path doc = dir.resolve("performance.md");
    Files.writeString(doc, "# Performance\n" + Report.BEGIN + "\n" + Report.END + "\n");

    final int exit =
        new CommandLine(new Bench())
            .execute(
                "--runs",
                "1",
                "--warm",
                "1",
                "--domain-jar",
                "../studio-domain/target/org-sagemaker-studiodomain-handler-1.0-SNAPSHOT.jar",
                "--profile-jar",
                "../studio-userprofile/target/"
                    + "org-sagemaker-studiouserprofile-handler-1.0-SNAPSHOT.jar",
                "--output",
                doc.toString());

    assertThat(exit).isZero();
    assertThat(Files.readString(doc))
        .startsWith("# Performance\n" + Report.BEGIN)
        .contains("### Cold start", "Lambda java17 flags, 256 MB", "plain JVM, default flags")
        .contains("| Org::SageMaker::StudioDomain |", "| Org::SageMaker::StudioUserProfile |")
        .contains("### Handler jar size", "org-sagemaker-studiodomain-handler-1.0-SNAPSHOT.jar")
        .contains("### Stabilization cost", "| domain create |", "| user profile delete |")
        .contains("**default**")
        .contains("### List scaling", "| 10,000 | 100 |")
        .endsWith(Report.END + "\n");
  }
}
