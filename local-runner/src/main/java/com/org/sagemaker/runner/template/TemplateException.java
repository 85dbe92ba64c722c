package com.org.sagemaker.runner.template;

import java.util.ArrayList;
import java.util.List;

/**
 * A template the runner cannot deploy, with where in it each problem is. The runner's own error
 * type: whatever a template holds, nothing else escapes from reading, planning or validating it.
 */
public final class TemplateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** One problem: where (e.g. "Resources.Domain.Properties.DomainName") and what. */
  public record Problem(String location, String message) {
    @Override
    public String toString() {
      return location + ": " + message;
    }
  }

  private final List<Problem> problems;

  public TemplateException(final String location, final String message) {
    this(List.of(new Problem(location, message)));
  }

  public TemplateException(final List<Problem> problems) {
    super(String.join("\n", problems.stream().map(Problem::toString).toList()));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  /** Collects problems so that a check can report all of them, not just the first. */
  public static final class Collector {
    private final List<Problem> found = new ArrayList<>();

    public void add(final String location, final String message) {
      found.add(new Problem(location, message));
    }

    void add(final TemplateException e) {
      found.addAll(e.problems());
    }

    /** Runs a check, keeping its problems instead of stopping at them. */
    public void check(final Runnable check) {
      try {
        check.run();
      } catch (final TemplateException e) {
        add(e);
      }
    }

    boolean isEmpty() {
      return found.isEmpty();
    }

    List<Problem> problems() {
      return List.copyOf(found);
    }

    public void throwIfAny() {
      if (!found.isEmpty()) {
        throw new TemplateException(found);
      }
    }
  }
}
