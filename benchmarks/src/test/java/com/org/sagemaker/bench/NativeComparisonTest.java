package com.org.sagemaker.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `--native JAR`: how the native handler is named, compared and reported, never by its path. */
class NativeComparisonTest {

  private static final String DOMAIN = "Org::SageMaker::StudioDomain";
  private static final NativeJar NATIVE =
      new NativeJar(Path.of("/home/someone/build/native.jar"), "native.jar", "ab".repeat(32));

  @Test
  void ourDomainHandlerIsComparedWithTheNativeOneRoundByRoundUnderTheSameJvm() {
    final ColdStart.Handler ours = ColdStart.Handler.ours(DOMAIN, "this checkout: abc", jar("d"));
    final Map<ColdStart.Case, List<ColdStart.Run>> runs = new LinkedHashMap<>();
    runs.put(lambda(ours), List.of(run(1000, 98), run(1200, 98), run(900, 98), run(1100, 100)));
    runs.put(
        lambda(NATIVE.handler()),
        List.of(run(1000, 140), run(1000, 140), run(1000, 140), run(1000, 140)));
    runs.put(
        lambda(
            ColdStart.Handler.ours("Org::SageMaker::StudioUserProfile", "this checkout", jar("p"))),
        List.of(run(1, 1)));
    runs.put(
        new ColdStart.Case(ours, ColdStart.Jvm.PLAIN, Path.of("read.json")), List.of(run(1, 1)));
    final Report report = new Report("./bench --native native.jar");
    report.nativeJar(NATIVE);
    report.coldStart(runs);

    final String markdown = report.toMarkdown();

    // Medians 1050 / 1000; rounds 1.00, 1.20, 0.90, 1.10; memory 98 / 140.
    assertThat(markdown)
        .contains(
            "| AWS::SageMaker::Domain | native: native.jar (abababababab) |"
                + " Lambda java17 flags, 256 MB | 1000 (1000–1000) | 140 (140–140) |")
        .contains(
            "| Org::SageMaker::StudioDomain | this checkout: abc | Lambda java17 flags, 256 MB |"
                + " 1050 / 1000 | 1.05 | 1.05 (0.90–1.20) | 0.70 |")
        .doesNotContain(ColdStartTables.NATIVE_NOT_MEASURED);
    final String comparison = markdown.substring(markdown.indexOf("against AWS's native"));
    assertThat(comparison.lines().filter(line -> line.startsWith("| Org::")))
        .as("only our domain handler, and only under the JVM the native one ran under")
        .hasSize(1);
  }

  @Test
  void theHeaderNamesTheNativeJarByFileNameAndDigestOnly() {
    final Report report = new Report("./bench --native native.jar");
    report.nativeJar(NATIVE);
    report.jarSizes(
        List.of(new JarSize(jar("ours"), 36_000_000, List.of())),
        Optional.of(new JarSize(NATIVE.path(), 72_000_000, List.of())));

    assertThat(report.toMarkdown())
        .contains("AWS's native handler: `native.jar`, SHA-256 `" + "ab".repeat(32) + "`.")
        .contains("| ours.jar | 36.0 | 0.50 |  |", "| native.jar | 72.0 |  |  |")
        .doesNotContain("/home/someone", "/build/");
  }

  @Test
  void theCommandLineInTheHeaderCarriesNoLocalPath(@TempDir final Path dir) throws IOException {
    final Path before = Files.createDirectories(dir.resolve("before"));
    final Bench bench = new Bench();
    new CommandLine(bench)
        .parseArgs(
            "--only",
            "COLD_START",
            "--native",
            dir.resolve("native.jar").toString(),
            "--before",
            before.toString(),
            "--runs",
            "3");

    assertThat(String.join(" ", bench.commandLine()))
        .isEqualTo(
            "./bench --only COLD_START --before <checkout of folder before>"
                + " --native native.jar --runs 3")
        .doesNotContain(dir.toString());
  }

  @Test
  void aNativeJarIsCheckedForItsWrapperAndFingerprinted(@TempDir final Path dir) throws Exception {
    final Path jar = dir.resolve("aws-sagemaker-domain-handler.jar");
    writeJar(jar, NativeJar.WRAPPER_CLASS.replace('.', '/') + ".class");

    final NativeJar nativeJar = NativeJar.of(jar);

    final String sha256 =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar)));
    assertThat(nativeJar).isEqualTo(new NativeJar(jar, jar.getFileName().toString(), sha256));
    assertThat(nativeJar.build())
        .isEqualTo("native: aws-sagemaker-domain-handler.jar (" + sha256.substring(0, 12) + ")");
    assertThat(nativeJar.handler().wrapperClass())
        .isEqualTo("software.amazon.sagemaker.domain.HandlerWrapper");
  }

  @Test
  void aJarWithoutTheNativeWrapperIsRefusedBeforeAnythingRuns(@TempDir final Path dir)
      throws IOException {
    final Path jar = dir.resolve("other.jar");
    writeJar(jar, "com/example/Other.class");

    assertThatThrownBy(() -> NativeJar.of(jar))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("other.jar has no software/amazon/sagemaker/domain/HandlerWrapper")
        .hasMessageNotContaining(dir.toString());
    final java.io.StringWriter errors = new java.io.StringWriter();
    final int exit =
        new CommandLine(new Bench())
            .setErr(new java.io.PrintWriter(errors))
            .execute("--only", "JAR_SIZE", "--native", jar.toString(), "--output", "-");
    assertThat(exit).isNotZero();
    assertThat(errors.toString()).contains("other.jar has no");
  }

  private static void writeJar(final Path jar, final String entry) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new ZipEntry(entry));
      out.write(new byte[] {1, 2, 3});
      out.closeEntry();
    }
  }

  private static ColdStart.Case lambda(final ColdStart.Handler handler) {
    return new ColdStart.Case(handler, ColdStart.Jvm.LAMBDA, Path.of("read.json"));
  }

  private static ColdStart.Run run(final double millis, final double rss) {
    return new ColdStart.Run(millis, rss, List.of(1.0));
  }

  private static Path jar(final String name) {
    return Path.of("/build/" + name + ".jar");
  }
}
