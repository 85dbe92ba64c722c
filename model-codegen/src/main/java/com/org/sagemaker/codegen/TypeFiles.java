package com.org.sagemaker.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * After a schema change, rewrites what {@code cfn generate} would for each type directory given:
 * {@code docs/} and {@code resource-role.yaml}, from the directory's {@code org-*.json} schema; and
 * the page of what removing each type's properties does ({@link RemovedPropertiesPage}), which
 * lives outside the type directories because {@code cfn generate} deletes their {@code docs/}.
 * {@code mvn -q -pl model-codegen compile exec:java@generate-type-files} runs it for both types.
 * Usage: {@code TypeFiles <removed-properties page> <type dir>...}.
 */
public final class TypeFiles {

  private TypeFiles() {}

  public static void main(final String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException(
          "usage: TypeFiles <removed-properties page> <type dir>...");
    }
    final List<Path> types = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      final Path type = Path.of(args[i]);
      types.add(type);
      final String schema = schemaOf(type).toString();
      DocsGenerator.main(new String[] {schema, type.resolve("docs").toString()});
      ResourceRoleGenerator.main(
          new String[] {schema, type.resolve("resource-role.yaml").toString()});
    }
    Files.writeString(Path.of(args[0]), RemovedPropertiesPage.generate(types));
  }

  /** The type's schema file, named after the type as cfn names it (org-*.json). */
  static Path schemaOf(final Path type) throws IOException {
    try (Stream<Path> files = Files.list(type)) {
      final List<Path> schemas =
          files.filter(f -> f.getFileName().toString().matches("org-[a-z0-9-]+\\.json")).toList();
      if (schemas.size() != 1) {
        throw new IllegalArgumentException(type + " must hold one org-*.json schema: " + schemas);
      }
      return schemas.get(0);
    }
  }
}
