package com.org.sagemaker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * ./bench end to end, at its smallest (one cold start per case, one warm call), on the handler jars
 * this build just packaged and a stand-in for the native handler: every section is measured and
 * written between the markers. It checks what is reported, not how fast anything was.
 */
class BenchTest {

  private static final String DOMAIN_JAR =
      "../studio-domain/target/org-sagemaker-studiodomain-handler-1.0-SNAPSHOT.jar";

  @Test
  void writesEverySectionBetweenTheMarkers(@TempDir final Path dir) throws Exception {
    final Path doc = dir.resolve("performance.md");
    Files.writeString(doc, "# Performance\n" + Report.BEGIN + "\n" + Report.END + "\n");
    final Path nativeJar = standInNativeJar(dir.resolve("stand-in-native.jar"));

    final int exit =
        new CommandLine(new Bench())
            .execute(
                "--runs",
                "1",
                "--warm",
                "1",
                "--domain-jar",
                DOMAIN_JAR,
                "--profile-jar",
                "../studio-userprofile/target/"
                    + "org-sagemaker-studiouserprofile-handler-1.0-SNAPSHOT.jar",
                "--native",
                nativeJar.toString(),
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
        .contains("| AWS::SageMaker::Domain | native: stand-in-native.jar (", "--native stand-in")
        .contains("### Cold start against AWS's native handler", "| stand-in-native.jar |")
        .doesNotContain(dir.toString())
        .endsWith(Report.END + "\n");
  }

  /**
   * The stand-in wrapper of this module's tests with the Lambda interfaces it needs, copied from
   * our domain jar: a jar the child JVM can start as it would start AWS's.
   */
  private static Path standInNativeJar(final Path jar) throws IOException {
    final String wrapper = NativeJar.WRAPPER_CLASS.replace('.', '/') + ".class";
    try (ZipFile ours = new ZipFile(DOMAIN_JAR);
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        InputStream standIn = BenchTest.class.getClassLoader().getResourceAsStream(wrapper)) {
      out.putNextEntry(new ZipEntry(wrapper));
      out.write(standIn.readAllBytes());
      for (final ZipEntry entry : java.util.Collections.list(ours.entries())) {
        if (entry.getName().startsWith("com/amazonaws/services/lambda/runtime/")
            && !entry.isDirectory()) {
          out.putNextEntry(new ZipEntry(entry.getName()));
          try (InputStream in = ours.getInputStream(entry)) {
            in.transferTo(out);
          }
        }
      }
    }
    return jar;
  }
}
