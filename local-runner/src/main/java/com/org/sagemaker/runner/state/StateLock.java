package com.org.sagemaker.runner.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One run at a time per state folder: a run that changes what the folder records (a stack's state,
 * the emulated account) holds an operating-system lock on {@value #FILE} in it, and writes there
 * who holds it. A second run is refused with that holder named. The system releases the lock when
 * its process ends, however it ends (kill -9 included), so a dead run never blocks the next.
 */
public final class StateLock implements AutoCloseable {

  public static final String FILE = "studio-local.lock";

  private final FileChannel channel;
  private final FileLock lock;
  private final String holder;

  private StateLock(final FileChannel channel, final FileLock lock, final String holder) {
    this.channel = channel;
    this.lock = lock;
    this.holder = holder;
  }

  /** How this lock's holder is named: pid, command, since when. */
  public String holder() {
    return holder;
  }

  /**
   * Takes the folder's lock for this process, recording {@code command} (e.g. "deploy x.yaml"), or
   * fails naming the run that holds it.
   */
  public static StateLock acquire(final Path directory, final String command) {
    final Path file = directory.resolve(FILE);
    try {
      Files.createDirectories(directory);
      final FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      final FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        throw new IllegalStateException(
            directory
                + " is in use by another run of studio-local ("
                + holder(file)
                + "). One run at a time may change a state folder: wait for that run to end, or"
                + " give this one another --state-dir.");
      }
      final String holder = describe(ProcessHandle.current().pid(), command, Instant.now());
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(true);
      return new StateLock(channel, lock, holder);
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot lock " + file, e);
    }
  }

  /** How the holder is named: pid, command, since when. */
  static String describe(final long pid, final String command, final Instant since) {
    return "pid " + pid + ", " + command + ", since " + since;
  }

  private static FileLock tryLock(final FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (final OverlappingFileLockException e) {
      // Held by this very process (another command run in the same JVM).
      return null;
    }
  }

  private static String holder(final Path file) throws IOException {
    final String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    // The holder writes its name right after it locks: a moment in which there is none yet.
    return text.isEmpty() ? "which has not yet written its name" : text;
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot release " + FILE, e);
    }
  }
}
