package com.org.sagemaker.runner.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack operation under way, kept in the stack's state file and written before every call that
 * depends on it, so that a run killed at any point leaves enough for the next one to continue: what
 * was asked (the template and inputs of a deploy), the stack as it was before, each resource the
 * operation began or finished and how its rollback went, the old copies of replaced resources still
 * to delete, and every handler operation in flight with its client request token, last callback
 * context and model. CloudFormation itself never loses these (its operations run on in the service
 * after the call that started them returns); the runner is both client and service, so it keeps
 * them on disk.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Journal {

  /** The stack operation: its phase is the stack's status. */
  public enum Kind {
    CREATE,
    UPDATE,
    DELETE
  }

  /** Where one resource operation stands. */
  public enum Outcome {
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED
  }

  /** How a step was undone by a rollback. */
  public enum Undo {
    /** Updated back, or deleted. */
    DONE,
    /** Its Update back failed (the resource is UPDATE_FAILED during the rollback). */
    FAILED,
    /** Skipped by continue-rollback --resources-to-skip: recorded as before, not updated back. */
    SKIPPED,
    /** Handed to the stack's leftovers, which the next stack operation deletes. */
    LEFT_OVER
  }

  /** What a deploy was given: enough to evaluate its template again when it is continued. */
  public record Source(
      String template,
      String templateName,
      Map<String, String> parameters,
      Map<String, String> imports,
      Map<String, String> stackTags,
      TargetId where) {}

  /** What the operation did, or began, to one resource. */
  @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Step {
    /** Create a resource, update one in place, or create the replacement of one. */
    public enum Kind {
      CREATE,
      UPDATE,
      REPLACE
    }

    private String logicalId;
    private Kind kind;
    private ResourceState before;
    private ResourceState after;
    private Outcome outcome = Outcome.RUNNING;
    private Undo undo;

    Step() {}

    /**
     * @param before the resource before (null for a create)
     * @param after the resource as the step makes it
     */
    public Step(
        final String logicalId,
        final Kind kind,
        final ResourceState before,
        final ResourceState after) {
      this.logicalId = logicalId;
      this.kind = kind;
      this.before = before;
      this.after = after;
    }

    public String logicalId() {
      return logicalId;
    }

    public Kind kind() {
      return kind;
    }

    public ResourceState before() {
      return before;
    }

    /** The resource as the step made it, or left it when it failed or was cancelled. */
    public ResourceState after() {
      return after;
    }

    public void after(final ResourceState made) {
      after = made;
    }

    public Outcome outcome() {
      return outcome;
    }

    public void outcome(final Outcome ended) {
      outcome = ended;
    }

    /** How a rollback undid it; null while it has not. */
    public Undo undo() {
      return undo;
    }

    public void undo(final Undo undone) {
      undo = undone;
    }
  }

  /**
   * A handler operation in flight: the request (as the engine wrote it), its client request token,
   * and the last callback context and model the handler answered, with how many invocations that
   * took. Continued with the same token and context, as CloudFormation re-invokes a handler.
   */
  @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Call {
    private String key;
    private JsonNode request;
    private String token;
    private String startedAt;
    private JsonNode callbackContext;
    private JsonNode model;
    private int invocations;

    Call() {}

    public Call(
        final String key, final JsonNode request, final String token, final String startedAt) {
      this.key = key;
      this.request = request;
      this.token = token;
      this.startedAt = startedAt;
    }

    public String key() {
      return key;
    }

    public JsonNode request() {
      return request;
    }

    public String token() {
      return token;
    }

    /** When the operation began, on the stack operation's clock. */
    public String startedAt() {
      return startedAt;
    }

    /** The last callback context; null when the handler has not answered IN_PROGRESS yet. */
    public JsonNode callbackContext() {
      return present(callbackContext);
    }

    /** The last model the handler answered with; null when it gave none yet. */
    public JsonNode model() {
      return present(model);
    }

    /** A JSON null read back from the file is no value. */
    private static JsonNode present(final JsonNode node) {
      return node == null || node.isNull() ? null : node;
    }

    public int invocations() {
      return invocations;
    }

    /** The handler's last IN_PROGRESS answer: what the next invocation continues from. */
    public void answered(final JsonNode context, final JsonNode lastModel, final int count) {
      callbackContext = context;
      model = lastModel;
      invocations = count;
    }
  }

  private Kind kind;
  private String startedBy;
  private Source source;
  private Map<String, String> stackTags = new LinkedHashMap<>();
  private boolean rollback = true;
  private StackState before;
  private List<Step> steps = new ArrayList<>();
  private Map<String, ResourceState> replaced = new LinkedHashMap<>();
  private List<Call> calls = new ArrayList<>();

  Journal() {}

  /**
   * A new operation's journal.
   *
   * @param startedBy who began it (pid, command, when), to name it if it is interrupted
   * @param source what a deploy was given, to continue it (null for a delete, or a deploy given
   *     only a plan, which cannot be continued)
   * @param stackTags the stack tags the operation sends
   * @param rollback false when a failure is to be left as it is (--no-rollback)
   * @param before the stack as it was before (an update's rollback returns to it)
   */
  public static Journal begin(
      final Kind kind,
      final String startedBy,
      final Source source,
      final Map<String, String> stackTags,
      final boolean rollback,
      final StackState before) {
    final Journal journal = new Journal();
    journal.kind = kind;
    journal.startedBy = startedBy;
    journal.source = source;
    journal.stackTags = new LinkedHashMap<>(stackTags);
    journal.rollback = rollback;
    journal.before = before;
    return journal;
  }

  public Kind kind() {
    return kind;
  }

  public String startedBy() {
    return startedBy;
  }

  public Source source() {
    return source;
  }

  /** The stack tags the operation sends to handlers. */
  public Map<String, String> stackTags() {
    return stackTags;
  }

  public boolean rollback() {
    return rollback;
  }

  public StackState before() {
    return before;
  }

  /** Every step, in the order they began; changed in place. */
  public List<Step> steps() {
    return steps;
  }

  /** The step of {@code logicalId} still running, e.g. one an interrupted run had begun. */
  public Optional<Step> running(final String logicalId) {
    return steps.stream()
        .filter(s -> s.logicalId.equals(logicalId) && s.outcome == Outcome.RUNNING)
        .findFirst();
  }

  /** Old copies of replaced resources, by logical id, still to delete in cleanup. */
  public Map<String, ResourceState> replaced() {
    return replaced;
  }

  /** The handler operations in flight. */
  public List<Call> calls() {
    return calls;
  }

  public Optional<Call> call(final String key) {
    return calls.stream().filter(c -> c.key.equals(key)).findFirst();
  }
}
