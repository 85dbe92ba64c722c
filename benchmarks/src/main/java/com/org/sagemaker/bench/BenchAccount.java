package com.org.sagemaker.bench;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.emulator.SageMakerEmulator;
import com.org.sagemaker.emulator.Timings;
import com.org.sagemaker.emulator.VirtualClock;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The emulated SageMaker account every benchmark runs against: on 127.0.0.1, SageMaker's realistic
 * durations on a clock that moves only when a handler asks to be called back, so minutes of
 * stabilization take milliseconds and are counted exactly. The handlers in this process find it
 * through the SDK's endpoint setting, as the end-to-end tests do.
 */
final class BenchAccount implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String REGION = "us-east-1";
  static final String ROLE = "arn:aws:iam::123456789012:role/StudioExecution";

  final VirtualClock clock = VirtualClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
  final SageMakerEmulator emulator;

  /**
   * Drives the handlers in this process, the clock moving by each callback delay: one for the whole
   * run, as one warm Lambda container would serve it.
   */
  final HandlerInvoker invoker;

  private final JsonNode empty;

  BenchAccount(final Timings timings) throws IOException {
    emulator =
        SageMakerEmulator.start(
            SageMakerEmulator.Options.defaults()
                .withClock(clock)
                .withTimings(timings)
                .withDomainLimit(100_000));
    empty = emulator.snapshot();
    invoker =
        new HandlerInvoker(
            new HandlerInvoker.Stack(
                "bench",
                "arn:aws:cloudformation:us-east-1:123456789012:stack/bench/1",
                REGION,
                "123456789012",
                new HandlerInvoker.Credentials("AKIDBENCH", "bench-secret", "bench-token")),
            clock::advance,
            Silent.LOGGER,
            10_000);
    System.setProperty("aws.endpointUrlSageMaker", emulator.endpoint().toString());
    System.setProperty("aws.region", REGION);
  }

  /** Empties the account. */
  void reset() {
    emulator.restore(empty);
  }

  /** Creates a domain directly in the emulator and lets it become InService; returns its id. */
  String domainInService(final String name) {
    final String domainId = emulator.call("CreateDomain", domain(name)).get("DomainId").asText();
    clock.advance(Duration.ofHours(1));
    return domainId;
  }

  /** Creates a user profile directly in the emulator and lets it become InService. */
  void profileInService(final String domainId, final String name) {
    emulator.call("CreateUserProfile", profile(domainId, name));
    clock.advance(Duration.ofHours(1));
  }

  static ObjectNode domain(final String name) {
    final ObjectNode domain =
        JSON.createObjectNode()
            .put("DomainName", name)
            .put("AuthMode", "IAM")
            .put("VpcId", "vpc-1");
    domain.putArray("SubnetIds").add("subnet-1");
    domain.putObject("DefaultUserSettings").put("ExecutionRole", ROLE);
    return domain;
  }

  static ObjectNode profile(final String domainId, final String name) {
    final ObjectNode profile =
        JSON.createObjectNode().put("DomainId", domainId).put("UserProfileName", name);
    profile.putObject("UserSettings").put("ExecutionRole", ROLE);
    return profile;
  }

  @Override
  public void close() {
    emulator.close();
  }

  /** Handler log lines are not part of any measurement. */
  enum Silent implements LambdaLogger {
    LOGGER;

    @Override
    public void log(final String message) {}

    @Override
    public void log(final byte[] message) {}
  }
}
