package com.org.sagemaker.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.org.sagemaker.runner.state.TargetId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, 8b: a stack state file the runner cannot read is named, in one line, with no parser.
 */
class CorruptStateFileTest {

  @TempDir Path folder;

  @Test
  void aCorruptStackStateIsNamedInOneLineSayingWhatToDo() throws IOException {
    final Path file = folder.resolve(TargetId.emulator().key()).resolve("broken.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"stackName\": \"broken\",\n \"status\": CREATE_COMPLETE}");
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    final int code =
        StudioLocal.execute(
            new String[] {
              "status",
              Path.of("..", "examples", "studio-domain-with-user.yaml").toString(),
              "--stack",
              "broken",
              "--state-dir",
              folder.toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8));

    final String output = out.toString(StandardCharsets.UTF_8).strip();
    assertThat(code).isEqualTo(1);
    assertThat(output)
        .startsWith(
            "error: "
                + file
                + " cannot be read as the state of stack broken: it is not JSON the runner wrote,"
                + " at line 2, column")
        .contains("Restore it from a copy, or move it away")
        .doesNotContain("\n")
        .doesNotContain("com.fasterxml")
        .doesNotContain("Unrecognized token");
  }
}
