package com.org.sagemaker.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SageMaker's control plane on 127.0.0.1, speaking the AWS JSON 1.1 protocol ({@code X-Amz-Target:
 * SageMaker.<Operation>}): the real AWS SDK reaches it through its endpoint setting with any
 * credentials. Embeddable ({@link #start}) and runnable ({@link EmulatorMain}).
 */
public final class SageMakerEmulator implements AutoCloseable {

  private static final String TARGET_PREFIX = "SageMaker.";
  private static final String NODELAY = "sun.net.httpserver.nodelay";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final SageMakerService service;
  private final Faults faults;
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();

  private SageMakerEmulator(
      final HttpServer server,
      final ExecutorService executor,
      final SageMakerService service,
      final Faults faults) {
    this.server = server;
    this.executor = executor;
    this.service = service;
    this.faults = faults;
  }

  /** How to run it: the clock transitions follow, their durations and the account's limits. */
  public record Options(
      int port, Clock clock, Timings timings, int domainLimit, Map<String, RateLimits.Rate> rates) {
    public static Options defaults() {
      return new Options(0, Clock.systemUTC(), Timings.REALISTIC, 100, Map.of());
    }

    public Options withPort(final int newPort) {
      return new Options(newPort, clock, timings, domainLimit, rates);
    }

    public Options withClock(final Clock newClock) {
      return new Options(port, newClock, timings, domainLimit, rates);
    }

    public Options withTimings(final Timings newTimings) {
      return new Options(port, clock, newTimings, domainLimit, rates);
    }

    public Options withDomainLimit(final int limit) {
      return new Options(port, clock, timings, limit, rates);
    }

    /**
     * Throttles each operation family ("Describe", "List", "Tags", "Mutate") beyond {@code
     * perSecond} calls a second on the emulator's clock, with bursts of up to {@code burst}.
     */
    public Options withRateLimit(final String family, final double perSecond, final int burst) {
      final Map<String, RateLimits.Rate> more = new java.util.HashMap<>(rates);
      more.put(family, new RateLimits.Rate(perSecond, burst));
      return new Options(port, clock, timings, domainLimit, Map.copyOf(more));
    }
  }

  public static SageMakerEmulator start(final Options options) throws IOException {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK: each call took about 40 ms instead of 1. Read once, when the first server
    // starts.
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
    final HttpServer server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
    final ExecutorService executor =
        Executors.newFixedThreadPool(
            4,
            runnable -> {
              final Thread thread = new Thread(runnable, "sagemaker-emulator");
              thread.setDaemon(true);
              return thread;
            });
    final Faults faults = new Faults();
    final SageMakerEmulator emulator =
        new SageMakerEmulator(
            server,
            executor,
            new SageMakerService(
                options.clock(), options.timings(), faults, options.domainLimit(), options.rates()),
            faults);
    server.createContext("/", emulator::handle);
    server.setExecutor(executor);
    server.start();
    return emulator;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public Faults faults() {
    return faults;
  }

  /** Sets the durations of transitions started from now on, e.g. to sweep them in a benchmark. */
  public void setTimings(final Timings timings) {
    service.setTimings(timings);
  }

  /** Calls received per operation, including those answered with an injected fault. */
  public Map<String, Integer> calls() {
    return counted(calls);
  }

  /**
   * Calls answered with ThrottlingException per operation, by a rate limit or an injected fault;
   * they are also in {@link #calls}.
   */
  public Map<String, Integer> throttled() {
    return counted(throttled);
  }

  /** The rate-limit family of an operation: "Describe", "List", "Tags" or "Mutate". */
  public static String family(final String operation) {
    return RateLimits.family(operation);
  }

  private static Map<String, Integer> counted(final Map<String, AtomicInteger> counters) {
    final Map<String, Integer> snapshot = new java.util.TreeMap<>();
    counters.forEach((operation, count) -> snapshot.put(operation, count.get()));
    return snapshot;
  }

  public int totalCalls() {
    return calls.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** Domains, user profiles, apps (not Deleted) and spaces that exist now. */
  public Map<String, Integer> counts() {
    return service.counts();
  }

  /** Home EFS volumes of domains deleted with RetentionPolicy Retain. */
  public List<String> retainedFileSystems() {
    return service.retainedFileSystems();
  }

  /** Everything the emulated account holds, e.g. to save between runs of a command-line tool. */
  public JsonNode snapshot() {
    return service.snapshot();
  }

  /** Replaces what the emulated account holds with an earlier {@link #snapshot}. */
  public void restore(final JsonNode snapshot) {
    service.restore(snapshot);
  }

  /** Calls an operation directly, as a client would (for test set-up, e.g. CreateApp). */
  public JsonNode call(final String operation, final ObjectNode request) {
    return service.call(operation, request);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(final HttpExchange exchange) throws IOException {
    final String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    final String operation =
        target != null && target.startsWith(TARGET_PREFIX)
            ? target.substring(TARGET_PREFIX.length())
            : "";
    calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
    int status = 200;
    JsonNode body;
    try (InputStream in = exchange.getRequestBody()) {
      sleep(faults.latency(operation));
      faults.beforeCall(operation);
      final JsonNode request = JSON.readTree(in.readAllBytes());
      if (request != null && !request.isObject() && !request.isMissingNode()) {
        throw new ApiException(
            400, "SerializationException", "The request body must be a JSON object.");
      }
      body =
          service.call(
              operation, request instanceof ObjectNode object ? object : JSON.createObjectNode());
      faults.afterCall(operation);
    } catch (final ApiException e) {
      if (RateLimits.THROTTLED.code().equals(e.code())) {
        throttled.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
      }
      status = e.status();
      body = JSON.createObjectNode().put("__type", e.code()).put("message", e.getMessage());
      exchange.getResponseHeaders().add("x-amzn-ErrorType", e.code());
    } catch (final com.fasterxml.jackson.core.JacksonException e) {
      status = 400;
      body =
          JSON.createObjectNode()
              .put("__type", "SerializationException")
              .put("message", "Malformed JSON.");
    }
    final byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Only for an injected latency fault, which a test asks for on purpose. */
  private static void sleep(final Duration latency) {
    if (latency.isZero()) {
      return;
    }
    try {
      Thread.sleep(latency.toMillis());
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
