package com.org.sagemaker.runner.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The handler wrapper empties {@code java.io.tmpdir} on every call (the runtime's {@code
 * scrubFiles}, which reads the system property each time). In-process, the property points at a
 * scratch folder of the runner's while any handler runs, and is restored once none does: a count of
 * the calls in flight, not a save and restore per call, so that concurrent calls never see (and
 * never scrub) the real temporary folder.
 */
final class HandlerTmpdir {

  private static final String PROPERTY = "java.io.tmpdir";

  private static int active;
  private static String saved;
  private static Path scratch;

  private HandlerTmpdir() {}

  static synchronized void enter() {
    if (active == 0) {
      saved = System.getProperty(PROPERTY);
      if (scratch == null) {
        scratch = create();
      }
      System.setProperty(PROPERTY, scratch.toString());
    }
    active++;
  }

  static synchronized void exit() {
    active--;
    if (active == 0) {
      System.setProperty(PROPERTY, saved);
    }
  }

  /** The scratch folder handlers see as their tmpdir. */
  static synchronized Path scratch() {
    if (scratch == null) {
      scratch = create();
    }
    return scratch;
  }

  private static Path create() {
    try {
      return Files.createTempDirectory("handler-tmp");
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
