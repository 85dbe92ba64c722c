package com.org.sagemaker.runner.migrate;

/**
 * Something {@code migrate} could not carry over as it was, and where: {@code location} is a dotted
 * path such as {@code Resources.StudioDomain.Properties.Tags}.
 */
record MigrationFinding(String location, String message) {

  /** The template section the location is in (Resources, Outputs, ...). */
  String section() {
    return location.split("\\.", 3)[0];
  }

  /** The logical id or output name the location is under, if any. */
  String key() {
    final String[] parts = location.split("\\.", 3);
    return parts.length > 1 ? parts[1] : "";
  }

  @Override
  public String toString() {
    return location + ": " + message;
  }
}
