package com.org.sagemaker.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypeFilesTest {

  @Test
  void rewritesDocsAndRoleFromTheTypesSchemaAsCommitted(@TempDir final Path copy)
      throws IOException {
    final Path type = Path.of("..", "studio-userprofile");
    Files.copy(
        type.resolve("org-sagemaker-studiouserprofile.json"),
        copy.resolve("org-sagemaker-studiouserprofile.json"));
    Files.createDirectories(copy.resolve("docs"));
    Files.writeString(copy.resolve("docs").resolve("stale.md"), "gone after the rewrite");

    TypeFiles.main(new String[] {copy.toString()});

    assertThat(copy.resolve("docs").resolve("stale.md")).doesNotExist();
    assertThat(copy.resolve("docs").resolve("README.md"))
        .hasSameTextualContentAs(type.resolve("docs").resolve("README.md"));
    assertThat(copy.resolve("resource-role.yaml"))
        .hasSameTextualContentAs(type.resolve("resource-role.yaml"));
  }

  @Test
  void aDirectoryWithoutExactlyOneSchemaIsRefused(@TempDir final Path empty) {
    assertThatThrownBy(() -> TypeFiles.main(new String[] {empty.toString()}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must hold one org-*.json schema");
  }
}
