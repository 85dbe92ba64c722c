package com.org.sagemaker.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypeFilesTest {

  @Test
  void rewritesDocsRoleAndRemovalPageFromTheTypesSchemaAsCommitted(@TempDir final Path dir)
      throws IOException {
    final Path type = Path.of("..", "studio-userprofile");
    final Path copy = Files.createDirectories(dir.resolve("studio-userprofile"));
    for (final String file :
        List.of("org-sagemaker-studiouserprofile.json", RemovedPropertiesPage.TABLE)) {
      Files.copy(type.resolve(file), copy.resolve(file));
    }
    Files.createDirectories(copy.resolve("docs"));
    Files.writeString(copy.resolve("docs").resolve("stale.md"), "gone after the rewrite");
    final Path page = dir.resolve("removed-properties.md");

    TypeFiles.main(new String[] {page.toString(), copy.toString()});

    assertThat(copy.resolve("docs").resolve("stale.md")).doesNotExist();
    assertThat(copy.resolve("docs").resolve("README.md"))
        .hasSameTextualContentAs(type.resolve("docs").resolve("README.md"));
    assertThat(copy.resolve("resource-role.yaml"))
        .hasSameTextualContentAs(type.resolve("resource-role.yaml"));
    assertThat(Files.readString(page))
        .isEqualTo(RemovedPropertiesPage.generate(List.of(type)))
        .contains("## Org::SageMaker::StudioUserProfile");
  }

  @Test
  void aDirectoryWithoutExactlyOneSchemaIsRefused(@TempDir final Path empty) {
    assertThatThrownBy(
            () ->
                TypeFiles.main(
                    new String[] {empty.resolve("page.md").toString(), empty.toString()}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must hold one org-*.json schema");
    assertThatThrownBy(() -> TypeFiles.main(new String[] {"page.md"}))
        .hasMessageContaining("usage");
  }
}
