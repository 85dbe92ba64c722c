package com.org.sagemaker.runner;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.emulator.SageMakerEmulator;
import com.org.sagemaker.emulator.Timings;
import com.org.sagemaker.emulator.VirtualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Where the handlers' SageMaker calls go: the embedded emulator (the default; its state is saved
 * next to the stack state so separate commands see the same account) or real AWS.
 */
final class Target implements AutoCloseable {

  static final String EMULATOR_STATE = "emulator.json";

  private final SageMakerEmulator emulator;
  private final VirtualClock clock;
  private final Path stateDirectory;
  private final String region;
  private final String accountId;
  private final HandlerInvoker.Credentials credentials;
  private final HandlerInvoker.Waiter waiter;

  private Target(
      final SageMakerEmulator emulator,
      final VirtualClock clock,
      final Path stateDirectory,
      final String region,
      final String accountId,
      final HandlerInvoker.Credentials credentials,
      final HandlerInvoker.Waiter waiter) {
    this.emulator = emulator;
    this.clock = clock;
    this.stateDirectory = stateDirectory;
    this.region = region;
    this.accountId = accountId;
    this.credentials = credentials;
    this.waiter = waiter;
  }

  /**
   * The emulator, SageMaker's minutes passing {@code timeScale} times faster; with {@code noWait}
   * its clock moves only by the callback delays the handlers ask for, with no real waiting.
   */
  static Target emulator(
      final Path stateDirectory, final double timeScale, final int port, final boolean noWait)
      throws IOException {
    final Path saved = stateDirectory.resolve(EMULATOR_STATE);
    final JsonNode snapshot = Files.exists(saved) ? Template.JSON.readTree(saved.toFile()) : null;
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
    System.setProperty("aws.region", "us-east-1");
    final HandlerInvoker.Waiter waiter =
        noWait
            ? clock::advance
            : delay -> sleep(Duration.ofMillis((long) (delay.toMillis() / timeScale)));
    return new Target(
        emulator,
        clock,
        stateDirectory,
        "us-east-1",
        "123456789012",
        new HandlerInvoker.Credentials(
            "AKIDLOCALEMULATOR", "local-emulator-secret", "local-emulator-token"),
        waiter);
  }

  /** Real SageMaker with the default credential chain and region. */
  static Target aws(final String accountId) {
    final AwsCredentials resolved =
        DefaultCredentialsProvider.builder().build().resolveCredentials();
    final String token =
        resolved instanceof AwsSessionCredentials session ? session.sessionToken() : null;
    return new Target(
        null,
        null,
        null,
        new DefaultAwsRegionProviderChain().getRegion().id(),
        accountId,
        new HandlerInvoker.Credentials(resolved.accessKeyId(), resolved.secretAccessKey(), token),
        Target::sleep);
  }

  HandlerInvoker.Stack stack(final StackState state) {
    return new HandlerInvoker.Stack(state.stackName, state.stackId, region, accountId, credentials);
  }

  HandlerInvoker invoker(final StackState state, final Path logFile) {
    return new HandlerInvoker(stack(state), waiter, new FileLogger(logFile), 2000);
  }

  boolean isEmulator() {
    return emulator != null;
  }

  @Override
  public void close() {
    if (emulator != null) {
      final ObjectNode saved = Template.object().put("clock", clock.instant().toString());
      saved.set("account", emulator.snapshot());
      StackState.writeAtomically(stateDirectory.resolve(EMULATOR_STATE), saved);
      emulator.close();
    }
  }

  private static void sleep(final Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a callback", e);
    }
  }

  /** Handler log lines, appended to a file next to the state. */
  private record FileLogger(Path file) implements LambdaLogger {
    @Override
    public void log(final String message) {
      log(message.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void log(final byte[] message) {
      try {
        Files.createDirectories(StackState.directoryOf(file));
        Files.write(file, message, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (final IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
