package com.org.sagemaker.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.emulator.SageMakerEmulator;
import com.org.sagemaker.emulator.Timings;
import com.org.sagemaker.emulator.VirtualClock;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One SageMaker emulator for the whole test run, on a clock that moves only when a handler asks to
 * be called back: the handlers' SageMaker client is built once per process (as in Lambda) and finds
 * it through the SDK's standard endpoint setting. Closed when the run ends.
 */
public final class EmulatedAws implements AutoCloseable {

  public static final ObjectMapper JSON = new ObjectMapper();
  public static final String ROLE = "arn:aws:iam::123456789012:role/StudioExecution";

  public final VirtualClock clock = VirtualClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
  public final SageMakerEmulator emulator;
  public final List<String> handlerLogs = new CopyOnWriteArrayList<>();
  public final HandlerInvoker.Stack stack =
      new HandlerInvoker.Stack(
          "e2e",
          "arn:aws:cloudformation:us-east-1:123456789012:stack/e2e/1",
          "us-east-1",
          "123456789012",
          new HandlerInvoker.Credentials(
              "AKIDEXAMPLE", "wJalrXUtnFEMI-secret", "session-token-e2e"));
  public final HandlerInvoker invoker;

  private EmulatedAws() {
    try {
      emulator =
          SageMakerEmulator.start(
              SageMakerEmulator.Options.defaults().withClock(clock).withTimings(Timings.REALISTIC));
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
    // The SDK property is named after the service id "SageMaker" (env: AWS_ENDPOINT_URL_SAGEMAKER).
    System.setProperty("aws.endpointUrlSageMaker", emulator.endpoint().toString());
    System.setProperty("aws.region", "us-east-1");
    invoker = new HandlerInvoker(stack, clock::advance, new CapturingLogger(handlerLogs), 500);
  }

  @Override
  public void close() {
    emulator.close();
  }

  public HandlerInvoker.Result run(
      final String action, final String type, final String logicalId, final JsonNode properties) {
    return invoker.invoke(
        HandlerInvoker.Request.of(action, type, logicalId, properties), (request, event) -> {});
  }

  public HandlerInvoker.Result update(
      final String type, final String logicalId, final JsonNode previous, final JsonNode desired) {
    return invoker.invoke(
        new HandlerInvoker.Request(
            "UPDATE",
            type,
            logicalId,
            desired,
            previous,
            java.util.Map.of(),
            java.util.Map.of(),
            null),
        (request, event) -> {});
  }

  public static ObjectNode json(final String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Hands tests the shared instance. */
  public static final class Extension implements ParameterResolver {
    @Override
    public boolean supportsParameter(
        final ParameterContext parameter, final ExtensionContext context) {
      return parameter.getParameter().getType() == EmulatedAws.class;
    }

    @Override
    public Object resolveParameter(
        final ParameterContext parameter, final ExtensionContext context) {
      return context
          .getRoot()
          .getStore(ExtensionContext.Namespace.GLOBAL)
          .getOrComputeIfAbsent(EmulatedAws.class, key -> new EmulatedAws(), EmulatedAws.class);
    }
  }

  public record CapturingLogger(List<String> lines)
      implements com.amazonaws.services.lambda.runtime.LambdaLogger {
    @Override
    public void log(final String message) {
      lines.add(message);
    }

    @Override
    public void log(final byte[] message) {
      lines.add(new String(message, java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
