package com.org.sagemaker.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.org.sagemaker.runner.migrate.Migrator;
import com.org.sagemaker.runner.migrate.MigratorTest;
import com.org.sagemaker.runner.template.Template;
import com.org.sagemaker.runner.template.TemplateYaml;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code studio-local migrate} as a user runs it: files written, stdout, stderr, exit code. */
class MigrateCommandTest {

  static final Path EXAMPLE = Path.of("..", "examples", "migrated-blog-template.yaml");

  @TempDir Path folder;

  record Run(int exitCode, String out, String err) {}

  static Run run(final String... args) {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final PrintStream systemErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      final int code =
          StudioLocal.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8));
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(systemErr);
    }
  }

  @Test
  void writesTheMigratedTemplateAndNamesWhatItCouldNotMap() throws IOException {
    final Path out = folder.resolve("new.yaml");
    final Run run = run("migrate", MigratorTest.BLOG.toString(), "--out", out.toString());

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out())
        .contains("Wrote " + out + ": the migrated template.")
        .contains("1 thing(s) need your attention: on stderr, and as comments in the templates.")
        .doesNotContain("resources-to-import");
    assertThat(run.err())
        .startsWith(
            "migrate: Resources.StudioDomain.Properties.RetentionPolicy: the sample's function");
    final String written = Files.readString(out);
    assertThat(written)
        .startsWith("# Migrated by studio-local migrate from blog-custom-resource.yaml.\n")
        .contains("# StudioDomain: Custom::StudioDomain -> Org::SageMaker::StudioDomain\n")
        .contains(
            "# Removed, as only the custom resources used them: [StudioDomainFunction,"
                + " UserProfileFunction,\n#   LambdaExecutionRole, LambdaExecutionPolicy, CfnResponseLayer]")
        .contains("# Parameters removed with them: [S3Bucket]")
        .containsPattern(
            "  # Resources.StudioDomain.Properties.RetentionPolicy: [^\n]*\n(  #   [^\n]*\n)*  StudioDomain:\n");
    assertThat(TemplateYaml.read(written, "new.yaml"))
        .isEqualTo(
            Migrator.migrate(MigratorTest.load(MigratorTest.BLOG), List.of(), List.of())
                .template());
    try (var files = Files.list(folder)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("new.yaml");
    }
  }

  @Test
  void withTheLiveIdsItWritesTheImportFileAndTheStepsNextToTheTemplate() throws IOException {
    final Path out = folder.resolve("team.template");
    final Run run =
        run(
            "migrate",
            MigratorTest.TWO_PROFILES.toString(),
            "--out",
            out.toString(),
            "--domain-id",
            "d-0123456789ab",
            "--profile",
            "alice",
            "--profile",
            "Bob=bob");

    assertThat(run.exitCode()).as(run.out()).isZero();
    final Path json = folder.resolve("team.resources-to-import.json");
    assertThat(run.out())
        .contains("Wrote " + folder.resolve("team.step1-retain.yaml") + ": step 1.")
        .contains("Wrote " + folder.resolve("team.step2-detach.yaml") + ": step 2.")
        .contains("Wrote " + folder.resolve("team.step3-import.yaml") + ": step 3.")
        .contains("Wrote " + json + ": --resources-to-import for step 3.")
        .contains("Then update the stack with " + out + " (step 4).");
    final JsonNode imports = Template.JSON.readTree(json.toFile());
    assertThat(imports).hasSize(3);
    assertThat(imports.get(2).toString())
        .isEqualTo(
            "{\"ResourceType\":\"Org::SageMaker::StudioUserProfile\",\"LogicalResourceId\":\"Bob\","
                + "\"ResourceIdentifier\":{\"DomainId\":\"d-0123456789ab\",\"UserProfileName\":\"bob\"}}");
    assertThat(Files.readString(folder.resolve("team.step3-import.yaml")))
        .startsWith("# Step 3 of 4: step 2 plus the new resources")
        .contains("\n#   Outputs.EfsSecurityGroup: left out until the final template\n")
        .doesNotContain("\n  EfsSecurityGroup:");
    assertThat(run.err())
        .contains("migrate: Outputs.EfsSecurityGroup: left out until the final template");

    final Path elsewhere = folder.resolve("imports").resolve("ids.json");
    final Run again =
        run(
            "migrate",
            MigratorTest.TWO_PROFILES.toString(),
            "--out",
            out.toString(),
            "--domain-id",
            "d-0123456789ab",
            "--profile",
            "alice",
            "--resources-to-import-out",
            elsewhere.toString());
    assertThat(again.exitCode()).isZero();
    assertThat(Template.JSON.readTree(elsewhere.toFile())).hasSize(2);
  }

  @Test
  void theMigrationExampleIsWhatMigrateWritesForTheBlogTemplate() throws IOException {
    final Path out = folder.resolve(EXAMPLE.getFileName());
    assertThat(run("migrate", MigratorTest.BLOG.toString(), "--out", out.toString()).exitCode())
        .isZero();
    assertThat(Files.readString(EXAMPLE))
        .as("regenerate it: ./studio-local migrate %s --out %s", MigratorTest.BLOG, EXAMPLE)
        .isEqualTo(Files.readString(out));
  }

  @Test
  void aJsonTemplateBecomesYaml() throws IOException {
    final Path old = folder.resolve("old.json");
    Files.writeString(old, Template.JSON.writeValueAsString(MigratorTest.load(MigratorTest.BLOG)));
    final Path out = folder.resolve("new.yaml");
    assertThat(run("migrate", old.toString(), "--out", out.toString()).exitCode()).isZero();
    assertThat(Files.readString(out)).contains("SubnetIds: !Split [',', !Ref SubnetIds]");
  }

  @Test
  void problemsAreErrorsThatWriteNothing() throws IOException {
    final Path out = folder.resolve("new.yaml");
    assertThat(run("migrate", folder.resolve("missing.yaml").toString(), "--out", out.toString()))
        .satisfies(r -> assertThat(r.exitCode()).isEqualTo(1))
        .satisfies(
            r ->
                assertThat(r.out())
                    .startsWith("error: " + folder.resolve("missing.yaml") + ": cannot read it"));
    final Path plain = folder.resolve("plain.yaml");
    Files.writeString(plain, "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n");
    assertThat(run("migrate", plain.toString(), "--out", out.toString()).out())
        .startsWith("error: Resources: nothing to migrate");
    assertThat(
            run(
                    "migrate",
                    MigratorTest.BLOG.toString(),
                    "--out",
                    out.toString(),
                    "--domain-id",
                    "domain-1")
                .out())
        .startsWith("error: --domain-id domain-1: not a DomainId");
    assertThat(run("migrate", MigratorTest.BLOG.toString()).exitCode()).isEqualTo(2);
    assertThat(Files.exists(out)).isFalse();
  }
}
