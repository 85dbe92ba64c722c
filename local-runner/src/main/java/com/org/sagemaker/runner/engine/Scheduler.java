package com.org.sagemaker.runner.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * A discrete-event loop: tasks wait for their wake-up time on one {@link Timeline}; the loop waits
 * until the earliest, runs the work of every task due then (on a bounded pool of worker threads, or
 * in turn), and settles them one by one in the order they were scheduled. CloudFormation runs the
 * operations whose dependencies are met in parallel (user guide, aws-attribute-dependson.md); here
 * their waits overlap on one clock, so a domain and N profiles take about a domain create and a
 * profile create of SageMaker time. Settling in a fixed order keeps output and decisions
 * deterministic whatever the threads do.
 */
final class Scheduler implements AutoCloseable {

  /** One operation: work that may run on a worker thread, then settling on the loop's thread. */
  interface Task {
    /** The part that may run in parallel with other tasks' work: e.g. one handler invocation. */
    void work();

    /** On the loop's thread, in schedule order: how long until the next work, or null if done. */
    Duration settle();
  }

  private record Entry(Instant wake, long sequence, Task task) {}

  private final Timeline timeline;
  private final ExecutorService workers;
  private final PriorityQueue<Entry> queue =
      new PriorityQueue<>(Comparator.comparing(Entry::wake).thenComparingLong(Entry::sequence));
  private long sequence;

  /** {@code workers} threads run due work in parallel; 1 runs it in turn on the loop's thread. */
  Scheduler(final Timeline timeline, final int workers) {
    this.timeline = timeline;
    this.workers =
        workers > 1
            ? Executors.newFixedThreadPool(
                workers,
                runnable -> {
                  final Thread thread = new Thread(runnable, "studio-local-worker");
                  thread.setDaemon(true);
                  return thread;
                })
            : null;
  }

  /** Schedules {@code task} to work now. */
  void submit(final Task task) {
    queue.add(new Entry(timeline.now(), sequence++, task));
  }

  /**
   * Removes every task waiting for its next work that {@code which} accepts, in schedule order,
   * e.g. to cancel them.
   */
  List<Task> drain(final Predicate<Task> which) {
    final List<Entry> entries = new ArrayList<>(queue);
    entries.sort(queue.comparator());
    final List<Task> drained = new ArrayList<>();
    for (final Entry entry : entries) {
      if (which.test(entry.task())) {
        queue.remove(entry);
        drained.add(entry.task());
      }
    }
    return drained;
  }

  /** Runs until no task is left. */
  void run() {
    while (!queue.isEmpty()) {
      timeline.waitUntil(queue.peek().wake());
      final Instant now = timeline.now();
      final List<Entry> due = new ArrayList<>();
      while (!queue.isEmpty() && !queue.peek().wake().isAfter(now)) {
        due.add(queue.poll());
      }
      if (due.isEmpty()) {
        due.add(queue.poll());
      }
      work(due);
      for (final Entry entry : due) {
        final Duration next = entry.task().settle();
        if (next != null) {
          queue.add(new Entry(timeline.now().plus(next), sequence++, entry.task()));
        }
      }
    }
  }

  private void work(final List<Entry> due) {
    if (workers == null || due.size() == 1) {
      due.forEach(entry -> entry.task().work());
      return;
    }
    final List<Future<?>> running = new ArrayList<>();
    due.forEach(entry -> running.add(workers.submit(entry.task()::work)));
    RuntimeException failure = null;
    for (final Future<?> future : running) {
      try {
        future.get();
      } catch (final ExecutionException e) {
        if (failure == null) {
          failure =
              e.getCause() instanceof RuntimeException runtime
                  ? runtime
                  : new IllegalStateException(e.getCause());
        }
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while running operations", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void close() {
    if (workers != null) {
      workers.shutdownNow();
    }
  }
}
