package com.org.sagemaker.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.function.Consumer;

/** A domain, user profile, app or space: what it was created with, plus its lifecycle. */
final class Resource {
  final String arn;
  final ObjectNode attributes;
  final Instant created;
  Instant modified;
  String status;
  String failureReason;
  Instant transitionAt;
  String nextStatus;
  String failedStatus;

  Resource(final String arn, final ObjectNode attributes, final Instant now) {
    this.arn = arn;
    this.attributes = attributes;
    this.created = now;
    this.modified = now;
  }

  /**
   * Merges an Update's {@code changes} into the attributes ({@link Json#merge}) once {@code check}
   * accepts the result; a refusal changes nothing.
   */
  void patch(final JsonNode changes, final Consumer<ObjectNode> check) {
    final ObjectNode after = attributes.deepCopy();
    Json.merge(after, changes);
    check.accept(after);
    attributes.setAll(after);
  }

  String text(final String member) {
    return Json.text(attributes, member);
  }

  boolean is(final String wanted) {
    return wanted.equals(status);
  }
}
