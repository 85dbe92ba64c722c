package com.org.sagemaker.runner;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a stack deployed: each resource's type, the properties it was given and the model its
 * handler returned, and the outputs. Kept in a JSON file, replaced atomically.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class StackState {

  /** One deployed resource. */
  @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
  static final class ResourceState {
    String type;
    JsonNode properties;
    JsonNode model;

    ResourceState() {}

    ResourceState(final String type, final JsonNode properties, final JsonNode model) {
      this.type = type;
      this.properties = properties;
      this.model = model;
    }
  }

  String stackName;
  String stackId;
  Map<String, ResourceState> resources = new LinkedHashMap<>();
  Map<String, String> outputs = new LinkedHashMap<>();
  Map<String, String> stackTags = new LinkedHashMap<>();

  static Path file(final Path directory, final String stackName) {
    return directory.resolve(stackName + ".json");
  }

  static StackState load(final Path directory, final String stackName) {
    final Path file = file(directory, stackName);
    if (!Files.exists(file)) {
      final StackState state = new StackState();
      state.stackName = stackName;
      state.stackId =
          "arn:aws:cloudformation:local:000000000000:stack/"
              + stackName
              + "/"
              + java.util.UUID.randomUUID();
      return state;
    }
    try {
      return Template.JSON.readValue(file.toFile(), StackState.class);
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  void save(final Path directory) {
    writeAtomically(file(directory, stackName), this);
  }

  /** Writes to a temporary file and moves it into place, so a crash never leaves half a file. */
  static void writeAtomically(final Path file, final Object value) {
    try {
      final Path directory = directoryOf(file);
      Files.createDirectories(directory);
      final Path temporary =
          Files.createTempFile(directory, String.valueOf(file.getFileName()), ".tmp");
      Template.JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), value);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static Path directoryOf(final Path file) {
    final Path directory = file.toAbsolutePath().getParent();
    if (directory == null) {
      throw new IllegalArgumentException(file + " is not in a directory");
    }
    return directory;
  }
}
