package com.org.sagemaker.runner.types;

import java.util.List;

/**
 * An input a handler would refuse before any call: its error code and message, and the schema
 * violations in it (none for a rule the schema cannot express).
 */
public record InputFailure(String errorCode, String message, List<Violation> violations) {

  /** One schema violation: where ({@code #/DomainName}) and what. */
  public record Violation(String pointer, String message) {}
}
