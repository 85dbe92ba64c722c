package com.org.sagemaker.emulator;

import java.util.Locale;

/**
 * One thing SageMaker enforces, with where we know it from. The emulator throws through its rules,
 * so every refusal it can answer is listed in {@link RuleBook} and in docs/emulator-rules.md.
 *
 * @param id a stable name, e.g. "domain.update.state"
 * @param statement what SageMaker refuses or does, in one sentence
 * @param code the error code answered, e.g. "ValidationException"; null for a behaviour
 * @param message the message, a {@link String#format} pattern over the violation's details; null
 *     for a behaviour
 * @param source where the rule (and, if quoted, the message) comes from
 * @param evidence how sure we are
 */
record Rule(
    String id, String statement, String code, String message, String source, Evidence evidence) {

  /** How well a public source establishes the rule and its error. */
  enum Evidence {
    /** The rule and its message are quoted from a source (API reference, a real error). */
    QUOTED,
    /** The rule is documented; the code or message SageMaker answers is not public. */
    DOCUMENTED,
    /**
     * Not established: no public source; the emulator refuses on the strict side and says so. A
     * handler must not depend on this message.
     */
    NOT_ESTABLISHED;

    String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  static Rule quoted(
      final String id,
      final String statement,
      final String code,
      final String message,
      final String source) {
    return new Rule(id, statement, code, message, source, Evidence.QUOTED);
  }

  static Rule documented(
      final String id,
      final String statement,
      final String code,
      final String message,
      final String source) {
    return new Rule(id, statement, code, message, source, Evidence.DOCUMENTED);
  }

  static Rule notEstablished(
      final String id,
      final String statement,
      final String code,
      final String message,
      final String source) {
    return new Rule(id, statement, code, message, source, Evidence.NOT_ESTABLISHED);
  }

  /** Something SageMaker does rather than refuses (a default, a lifecycle step): no error. */
  static Rule behaviour(
      final String id, final String statement, final String source, final Evidence evidence) {
    return new Rule(id, statement, null, null, source, evidence);
  }

  /** The error SageMaker answers when this rule is broken. */
  ApiException violated(final Object... details) {
    return new ApiException(400, code, String.format(message, details));
  }

  /** Throws {@link #violated} when {@code broken}. */
  void check(final boolean broken, final Object... details) {
    if (broken) {
      throw violated(details);
    }
  }
}
