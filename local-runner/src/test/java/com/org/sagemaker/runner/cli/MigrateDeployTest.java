package com.org.sagemaker.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.org.sagemaker.runner.migrate.MigratorTest;
import com.org.sagemaker.runner.studio.StudioTypes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code migrate} writes for the blog's template deploys, shows no drift and deletes, on the
 * emulator, as docs/migration.md tells a user to try it: with a VPC and subnets as parameters. The
 * template keeps the blog's SageMaker execution role (AWS::IAM::Role), which the runner stands in
 * for rather than deploys.
 */
class MigrateDeployTest {

  private static final int PORT = freePort();

  @TempDir Path state;

  private String run(final int expectedExitCode, final String... args) {
    final List<String> all = new ArrayList<>(List.of(args));
    if (!"migrate".equals(args[0])) {
      all.addAll(
          List.of(
              "--state-dir",
              state.toString(),
              "--emulator-port",
              String.valueOf(PORT),
              "--no-wait"));
    }
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final int code =
        StudioLocal.execute(
            all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8));
    final String output = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(output).isEqualTo(expectedExitCode);
    return output;
  }

  @Test
  void theMigratedBlogTemplateDeploysDriftsCleanAndDeletes() throws IOException {
    final Path migrated = state.resolve("migrated-blog.yaml");
    run(0, "migrate", MigratorTest.BLOG.toString(), "--out", migrated.toString());

    final String deployed =
        run(
            0,
            "deploy",
            migrated.toString(),
            "--param",
            "VPCId=vpc-0aaa1111bbbb22223",
            "--param",
            "SubnetIds=subnet-0aaa1111bbbb22223,subnet-0ccc3333dddd44445");
    assertThat(deployed)
        .contains("SageMakerExecutionRole", "AWS::IAM::Role")
        .contains("StudioDomain", StudioTypes.DOMAIN)
        .contains("UserProfile", StudioTypes.USER_PROFILE)
        .contains("CREATE_COMPLETE")
        .doesNotContain("FAILED");
    assertThat(savedState())
        .contains("\"SubnetIds\":[\"subnet-0aaa1111bbbb22223\",\"subnet-0ccc3333dddd44445\"]")
        .contains("\"VpcId\":\"vpc-0aaa1111bbbb22223\"");

    final String drift = run(0, "drift", migrated.toString());
    assertThat(drift).contains("StudioDomain", "UserProfile", "IN_SYNC").doesNotContain("MODIFIED");

    final String deleted = run(0, "delete", migrated.toString());
    assertThat(deleted).contains("StudioDomain", "UserProfile", "DELETE_COMPLETE");
    assertThat(run(0, "status", migrated.toString())).contains("does not exist");
  }

  /** Everything the runner keeps under its state folder, as one text. */
  private String savedState() throws IOException {
    final StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(state)) {
      for (final Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        text.append(Files.readString(file).replaceAll("\\s", ""));
      }
    }
    return text.toString();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
