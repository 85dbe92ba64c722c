package com.org.sagemaker.runner.state;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where a stack operation makes its state durable, at each point it reaches: the stack's status,
 * the intent to invoke a handler, each answer, each end (see {@link Journal}). Each point has a
 * name, e.g. "stack UPDATE_IN_PROGRESS", "intent CREATE Domain", "answered CREATE Domain 1" (the
 * handler answered; not yet recorded), "recorded CREATE Domain 1", "ended CREATE Domain", which a
 * test can stop the run at.
 */
public interface StateStore {

  /** Makes {@code state} durable; {@code point} names what was just recorded. */
  void save(StackState state, String point);

  /** A point reached with nothing new to record yet. */
  default void reached(final String point) {}

  /** Keeps nothing: for programmatic runs whose state lives in memory only. */
  StateStore IN_MEMORY = (state, point) -> {};

  /**
   * The stack's state file in {@code directory} for {@code where}, written atomically at every
   * point; {@code points} sees each point after it is on disk.
   */
  static StateStore files(
      final Path directory, final TargetId where, final Consumer<String> points) {
    return new StateStore() {
      @Override
      public void save(final StackState state, final String point) {
        state.save(directory, where);
        points.accept(point);
      }

      @Override
      public void reached(final String point) {
        points.accept(point);
      }
    };
  }
}
