package com.org.sagemaker.runner.studio;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.emulator.SageMakerEmulator;
import com.org.sagemaker.emulator.Timings;
import com.org.sagemaker.emulator.VirtualClock;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import com.org.sagemaker.runner.engine.Timeline;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.StateFiles;
import com.org.sagemaker.runner.state.TargetId;
import com.org.sagemaker.runner.template.Template;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/**
 * Where the handlers' SageMaker calls go: the embedded emulator (the default; its state is saved
 * next to the stack state so separate commands see the same account) or real AWS. Each has its own
 * stack states ({@link TargetId}). AWS credentials are resolved only when a handler is about to be
 * called.
 */
public final class Target implements AutoCloseable {

  public static final String EMULATOR_STATE = "emulator.json";

  private final TargetId id;
  private final SageMakerEmulator emulator;
  private final VirtualClock clock;
  private final Path stateDirectory;
  private final Timeline timeline;
  private final Supplier<HandlerInvoker.Credentials> credentials;
  private HandlerInvoker.Credentials resolved;

  /** The emulated account as last written, to write it again only when it changed. */
  private JsonNode savedAccount;

  private Target(
      final TargetId id,
      final SageMakerEmulator emulator,
      final VirtualClock clock,
      final Path stateDirectory,
      final Timeline timeline,
      final Supplier<HandlerInvoker.Credentials> credentials) {
    this.id = id;
    this.emulator = emulator;
    this.clock = clock;
    this.stateDirectory = stateDirectory;
    this.timeline = timeline;
    this.credentials = credentials;
  }

  /**
   * The emulator, SageMaker's minutes passing {@code timeScale} times faster; with {@code noWait}
   * its clock moves only when the runner waits, with no real waiting.
   */
  public static Target emulator(
      final Path stateDirectory, final double timeScale, final int port, final boolean noWait)
      throws IOException {
    final JsonNode snapshot = savedEmulator(stateDirectory.resolve(EMULATOR_STATE));
    final Instant start =
        snapshot == null ? Instant.now() : Instant.parse(snapshot.get("clock").asText());
    final VirtualClock clock =
        noWait ? VirtualClock.manual(start) : VirtualClock.scaled(timeScale, start);
    final SageMakerEmulator emulator =
        SageMakerEmulator.start(
            SageMakerEmulator.Options.defaults()
                .withPort(port)
                .withClock(clock)
                .withTimings(Timings.REALISTIC));
    if (snapshot != null) {
      emulator.restore(snapshot.get("account"));
    }
    // The handlers' SDK client finds SageMaker through the SDK's standard endpoint setting.
    System.setProperty("aws.endpointUrlSageMaker", emulator.endpoint().toString());
    final TargetId id = TargetId.emulator();
    System.setProperty("aws.region", id.region());
    final Target target =
        new Target(
            id,
            emulator,
            clock,
            stateDirectory,
            noWait ? Timeline.virtual(clock, clock::advance) : Timeline.scaled(clock, timeScale),
            () ->
                new HandlerInvoker.Credentials(
                    "AKIDLOCALEMULATOR", "local-emulator-secret", "local-emulator-token"));
    target.remember(snapshot == null ? null : snapshot.get("account"));
    return target;
  }

  /** The emulated account a folder holds, if any: its clock and what it contains. */
  private static JsonNode savedEmulator(final Path file) {
    if (!Files.exists(file)) {
      return null;
    }
    final String what = "the emulated SageMaker account";
    final JsonNode snapshot = StateFiles.readTree(file, what);
    try {
      Instant.parse(snapshot.path("clock").asText());
    } catch (final DateTimeParseException e) {
      throw new StateFiles.StateFileException(file, what, "its clock is not a time");
    }
    if (!snapshot.path("account").isObject()) {
      throw new StateFiles.StateFileException(file, what, "it holds no account");
    }
    return snapshot;
  }

  /**
   * Where {@link #aws} would act: the SDK's region, and {@code accountId}, or when it is null the
   * caller's account (STS GetCallerIdentity). For plans and states; nothing is changed.
   */
  public static TargetId awsId(final String accountId) {
    final String region = AwsSession.region();
    return TargetId.aws(accountId != null ? accountId : AwsSession.account(region), region);
  }

  /** Real SageMaker with the default credential chain and region. */
  static Target aws(final String accountId) {
    return aws(awsId(accountId));
  }

  /**
   * Real SageMaker where {@code id} says (see {@link #awsId}), with the default credentials as
   * session credentials ({@link AwsSession}).
   */
  public static Target aws(final TargetId id) {
    return aws(id, Timeline.real());
  }

  /**
   * As {@link #aws(TargetId)}, with callback delays waited {@code timeScale} times faster: only for
   * tests that point the SDK at a standalone emulator whose transitions are as much faster.
   */
  public static Target aws(final TargetId id, final double timeScale) {
    return aws(id, Timeline.scaled(VirtualClock.scaled(timeScale, Instant.now()), timeScale));
  }

  private static Target aws(final TargetId id, final Timeline timeline) {
    return new Target(id, null, null, null, timeline, () -> AwsSession.credentials(id.region()));
  }

  public TargetId id() {
    return id;
  }

  public Timeline timeline() {
    return timeline;
  }

  /** The stack as its handlers see it, with credentials to act. */
  HandlerInvoker.Stack stack(final StackState state) {
    if (resolved == null) {
      resolved = credentials.get();
    }
    return new HandlerInvoker.Stack(
        state.stackName(), state.stackId(), id.region(), id.accountId(), resolved);
  }

  /**
   * The handlers of the stack's types; on the emulator, each invocation is followed by saving the
   * emulated account when it changed, so that a run killed mid-operation leaves SageMaker's side as
   * it was, as AWS would.
   */
  public HandlerInvoker invoker(final StackState state, final Path logFile) {
    return new HandlerInvoker(
        stack(state),
        timeline::await,
        new FileLogger(logFile),
        2000,
        type -> {
          final RequestStreamHandler handler = ResourceTypes.handled(type).newHandler();
          return isEmulator()
              ? (in, out, context) -> {
                handler.handleRequest(in, out, context);
                saveEmulator();
              }
              : handler;
        });
  }

  boolean isEmulator() {
    return emulator != null;
  }

  /**
   * The emulated account as the folder holds it, so that it is written again only if it changes.
   */
  private synchronized void remember(final JsonNode account) {
    savedAccount = account;
  }

  /** Writes the emulated account (and its clock) when it changed since it was last written. */
  private synchronized void saveEmulator() {
    final JsonNode account = emulator.snapshot();
    if (!account.equals(savedAccount)) {
      writeEmulator(account);
    }
  }

  /** The emulated account and its clock, written atomically to the state folder. */
  private synchronized void writeEmulator(final JsonNode account) {
    final ObjectNode saved = Template.object().put("clock", clock.instant().toString());
    saved.set("account", account);
    StateFiles.write(stateDirectory.resolve(EMULATOR_STATE), saved);
    savedAccount = account;
  }

  @Override
  public void close() {
    if (emulator != null) {
      writeEmulator(emulator.snapshot());
      emulator.close();
    }
  }

  /** Handler log lines, appended to a file next to the state. */
  private record FileLogger(Path file) implements LambdaLogger {
    @Override
    public void log(final String message) {
      log(message.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void log(final byte[] message) {
      try {
        Files.createDirectories(StateFiles.directoryOf(file));
        Files.write(file, message, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (final IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
