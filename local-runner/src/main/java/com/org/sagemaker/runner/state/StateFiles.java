package com.org.sagemaker.runner.state;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.org.sagemaker.runner.template.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The runner's files in a state folder (stack states, the emulated account): written whole or not
 * at all, and read with a message that names the file and says what to do when it cannot be.
 */
public final class StateFiles {

  private StateFiles() {}

  /**
   * Writes {@code value} as JSON to a temporary file in the same folder, forces it to the disk and
   * moves it into place, so that a kill or a power cut leaves the old file or the new one, never
   * half of one.
   */
  public static void write(final Path file, final Object value) {
    final Path directory = directoryOf(file);
    try {
      Files.createDirectories(directory);
      final byte[] bytes = Template.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
      final Path temporary =
          Files.createTempFile(directory, String.valueOf(file.getFileName()), ".tmp");
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        final ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Reads a file {@link #write} wrote; {@code what} says what it holds, for the message. */
  public static <T> T read(final Path file, final Class<T> type, final String what) {
    try {
      return Template.JSON.readValue(file.toFile(), type);
    } catch (final JacksonException e) {
      throw unreadable(file, what, e);
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** As {@link #read}, as a tree. */
  public static JsonNode readTree(final Path file, final String what) {
    final JsonNode tree = read(file, JsonNode.class, what);
    if (tree == null || !tree.isObject()) {
      throw new StateFileException(file, what, "it holds no JSON object");
    }
    return tree;
  }

  public static Path directoryOf(final Path file) {
    final Path directory = file.toAbsolutePath().getParent();
    if (directory == null) {
      throw new IllegalArgumentException(file + " is not in a directory");
    }
    return directory;
  }

  private static StateFileException unreadable(
      final Path file, final String what, final JacksonException e) {
    final JsonLocation location = e.getLocation();
    return new StateFileException(
        file,
        what,
        location == null || location.getLineNr() < 1
            ? "it is not JSON the runner wrote"
            : "it is not JSON the runner wrote, at line "
                + location.getLineNr()
                + ", column "
                + location.getColumnNr());
  }

  /** A state file the runner cannot read: what it is, why, and what to do. */
  public static final class StateFileException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public StateFileException(final Path file, final String what, final String why) {
      super(
          file
              + " cannot be read as "
              + what
              + ": "
              + why
              + ". The runner writes it whole or not at all, so it was changed by something"
              + " else. Restore it from a copy, or move it away to start without it (what it"
              + " recorded is then no longer tracked: check the target for resources left behind"
              + " and delete them yourself).");
    }
  }
}
