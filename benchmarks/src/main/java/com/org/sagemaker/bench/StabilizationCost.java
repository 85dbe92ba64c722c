package com.org.sagemaker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.common.Backoff;
import com.org.sagemaker.common.ErrorRules;
import com.org.sagemaker.emulator.Timings;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import com.org.sagemaker.runner.studio.StudioTypes;
import com.org.sagemaker.studiodomain.DomainTimings;
import com.org.sagemaker.studiouserprofile.ProfileTimings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * What waiting for SageMaker costs, per operation, on the emulator's simulated clock with each
 * transition taking a realistic duration: our handlers driven through CloudFormation's callback
 * loop, against the old custom resource's fixed 5-second describe loop held in one process.
 */
final class StabilizationCost {

  /** The custom resource's poll interval, and the most one Lambda run can hold. */
  static final Duration BASELINE_POLL = Duration.ofSeconds(5);

  static final Duration LAMBDA_LIMIT = Duration.ofMinutes(15);

  /** How many durations each operation is measured at. */
  static final int SWEEP_SIZE = 15;

  /**
   * The durations swept: entry i sets how long every transition takes, spread evenly but
   * irregularly (a golden-ratio sequence, whole seconds) over what users report: domains 3–10
   * minutes to create, 1–5 to update, 3–8 to delete; user profiles 8–60 seconds. Off any round
   * number, so that neither side's polling lines up with the end of a transition by construction.
   */
  static final List<Timings> SWEEP =
      java.util.stream.IntStream.rangeClosed(1, SWEEP_SIZE)
          .mapToObj(
              i -> {
                final double spread = (i * 0.6180339887498949) % 1;
                final Timings usual = Timings.REALISTIC;
                return new Timings(
                    between(180, 600, spread),
                    between(60, 300, spread),
                    between(180, 480, spread),
                    between(8, 60, spread),
                    between(8, 50, spread),
                    between(10, 45, spread),
                    usual.appCreate(),
                    usual.appDelete(),
                    usual.spaceCreate(),
                    usual.spaceDelete());
              })
          .toList();

  /** An operation under test: its type, action and how long its transition takes. */
  enum Operation {
    DOMAIN_CREATE(
        StudioTypes.DOMAIN,
        "CREATE",
        Timings::domainCreate,
        DomainTimings.DEFAULT.create(),
        Duration.ofSeconds(150)),
    DOMAIN_UPDATE(
        StudioTypes.DOMAIN,
        "UPDATE",
        Timings::domainUpdate,
        DomainTimings.DEFAULT.update(),
        Duration.ofSeconds(45)),
    DOMAIN_DELETE(
        StudioTypes.DOMAIN,
        "DELETE",
        Timings::domainDelete,
        DomainTimings.DEFAULT.delete(),
        Duration.ofSeconds(150)),
    PROFILE_CREATE(
        StudioTypes.USER_PROFILE,
        "CREATE",
        Timings::profileCreate,
        ProfileTimings.DEFAULT.create(),
        Duration.ofSeconds(5)),
    PROFILE_UPDATE(
        StudioTypes.USER_PROFILE,
        "UPDATE",
        Timings::profileUpdate,
        ProfileTimings.DEFAULT.update(),
        Duration.ofSeconds(5)),
    PROFILE_DELETE(
        StudioTypes.USER_PROFILE,
        "DELETE",
        Timings::profileDelete,
        ProfileTimings.DEFAULT.delete(),
        Duration.ofSeconds(5));

    final String typeName;
    final String action;
    final Function<Timings, Duration> transition;

    /** How the handler waits for this transition. */
    final Backoff backoff;

    /** About the soonest users see this transition end: a first look for other backoffs. */
    final Duration earliestEnd;

    Operation(
        final String typeName,
        final String action,
        final Function<Timings, Duration> transition,
        final Backoff backoff,
        final Duration earliestEnd) {
      this.typeName = typeName;
      this.action = action;
      this.transition = transition;
      this.backoff = backoff;
      this.earliestEnd = earliestEnd;
    }

    boolean isDomain() {
      return typeName.equals(StudioTypes.DOMAIN);
    }

    String label() {
      return (isDomain() ? "domain " : "user profile ") + action.toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One measured operation. */
  record Sample(
      Duration transition,
      int invocations,
      int apiCalls,
      double computeMillis,
      Duration overshoot) {}

  /** Everything measured for one operation over its sweep of durations. */
  record Result(Operation operation, List<Sample> ours, List<Sample> baseline) {}

  private final BenchAccount account;
  private int names;

  StabilizationCost(final BenchAccount account) {
    this.account = account;
  }

  List<Result> measure() {
    // One untimed pass first: the handlers' classes load and compile as in a warm Lambda.
    account.emulator.setTimings(SWEEP.get(0));
    for (final Operation operation : Operation.values()) {
      ours(operation, operation.transition.apply(SWEEP.get(0)));
    }
    final List<Result> results = new ArrayList<>();
    try (SageMakerClient client = baselineClient()) {
      for (final Operation operation : Operation.values()) {
        final List<Sample> ours = new ArrayList<>();
        final List<Sample> baseline = new ArrayList<>();
        for (final Timings timings : SWEEP) {
          account.emulator.setTimings(timings);
          ours.add(ours(operation, operation.transition.apply(timings)));
          baseline.add(baseline(client, operation, operation.transition.apply(timings)));
        }
        results.add(new Result(operation, ours, baseline));
      }
    }
    account.emulator.setTimings(Timings.REALISTIC);
    return results;
  }

  /** The operation through our handler and CloudFormation's callback loop. */
  private Sample ours(final Operation operation, final Duration duration) {
    final ObjectNode model = prepare(operation);
    final HandlerInvoker.Request request =
        switch (operation.action) {
          case "UPDATE" ->
              new HandlerInvoker.Request(
                  "UPDATE",
                  operation.typeName,
                  "Resource",
                  changed(model),
                  model,
                  Map.of(),
                  Map.of(),
                  null);
          default ->
              HandlerInvoker.Request.of(operation.action, operation.typeName, "Resource", model);
        };
    final int callsBefore = account.emulator.totalCalls();
    final Instant start = account.clock.instant();
    final long begin = System.nanoTime();
    final HandlerInvoker.Result result = account.invoker.invoke(request, (r, event) -> {});
    final double computeMillis = (System.nanoTime() - begin) / 1e6;
    if (!result.succeeded()) {
      throw new IllegalStateException(operation + " failed: " + result.message());
    }
    return sample(
        duration,
        result.invocations(),
        account.emulator.totalCalls() - callsBefore,
        computeMillis,
        Duration.between(start, account.clock.instant()));
  }

  /** The same operation as the custom resource does it: call, then describe every 5 seconds. */
  private Sample baseline(
      final SageMakerClient client, final Operation operation, final Duration duration) {
    final ObjectNode model = prepare(operation);
    final String profile = model.path("UserProfileName").asText();
    final int callsBefore = account.emulator.totalCalls();
    final Instant start = account.clock.instant();
    final long begin = System.nanoTime();
    final String domainId =
        operation == Operation.DOMAIN_CREATE
            ? client
                .createDomain(
                    r ->
                        r.domainName(model.get("DomainName").asText())
                            .authMode("IAM")
                            .vpcId("vpc-1")
                            .subnetIds("subnet-1")
                            .defaultUserSettings(u -> u.executionRole(BenchAccount.ROLE)))
                .domainId()
            : model.get("DomainId").asText();
    switch (operation) {
      case DOMAIN_CREATE -> {}
      case DOMAIN_UPDATE ->
          client.updateDomain(
              r -> r.domainId(domainId).defaultUserSettings(u -> u.securityGroups("sg-1")));
      case DOMAIN_DELETE -> client.deleteDomain(r -> r.domainId(domainId));
      case PROFILE_CREATE ->
          client.createUserProfile(r -> r.domainId(domainId).userProfileName(profile));
      case PROFILE_UPDATE ->
          client.updateUserProfile(
              r ->
                  r.domainId(domainId)
                      .userProfileName(profile)
                      .userSettings(u -> u.securityGroups("sg-1")));
      case PROFILE_DELETE ->
          client.deleteUserProfile(r -> r.domainId(domainId).userProfileName(profile));
    }
    final Supplier<String> status =
        operation.isDomain()
            ? () -> client.describeDomain(r -> r.domainId(domainId)).statusAsString()
            : () ->
                client
                    .describeUserProfile(r -> r.domainId(domainId).userProfileName(profile))
                    .statusAsString();
    final boolean deleting = "DELETE".equals(operation.action);
    while (!done(status, deleting)) {
      if (Duration.between(start, account.clock.instant()).compareTo(LAMBDA_LIMIT) >= 0) {
        throw new IllegalStateException(
            "the baseline's " + operation.label() + " was not done within " + LAMBDA_LIMIT);
      }
      account.clock.advance(BASELINE_POLL);
    }
    final double computeMillis = (System.nanoTime() - begin) / 1e6;
    final Duration held = Duration.between(start, account.clock.instant());
    // The whole wait is held in one Lambda run: that is its compute time.
    return sample(
        duration,
        1,
        account.emulator.totalCalls() - callsBefore,
        Math.max(computeMillis, held.toMillis()),
        held);
  }

  private static boolean done(final Supplier<String> status, final boolean deleting) {
    try {
      final String current = status.get();
      return !deleting && "InService".equals(current);
    } catch (final AwsServiceException e) {
      if (ErrorRules.isNotFound(e)) {
        return deleting;
      }
      throw e;
    }
  }

  private static Sample sample(
      final Duration transition,
      final int invocations,
      final int calls,
      final double computeMillis,
      final Duration elapsed) {
    final Duration overshoot = elapsed.minus(transition);
    if (overshoot.isNegative()) {
      throw new IllegalStateException(
          "reported done " + overshoot.negated() + " before SageMaker finished");
    }
    return new Sample(transition, invocations, calls, computeMillis, overshoot);
  }

  /**
   * What the operation starts from, set up directly in the emulator: nothing for a create, an
   * InService resource otherwise. Returns the model CloudFormation would pass.
   */
  private ObjectNode prepare(final Operation operation) {
    final String domainName = "bench-" + ++names;
    if (operation.isDomain() && "CREATE".equals(operation.action)) {
      return BenchAccount.domain(domainName);
    }
    final String domainId = account.domainInService(domainName);
    if (operation.isDomain()) {
      return BenchAccount.domain(domainName).put("DomainId", domainId);
    }
    if ("CREATE".equals(operation.action)) {
      return BenchAccount.profile(domainId, "user");
    }
    account.profileInService(domainId, "user");
    return BenchAccount.profile(domainId, "user");
  }

  /** The model with a setting changed that the Update API takes in place. */
  private static JsonNode changed(final ObjectNode model) {
    final ObjectNode desired = model.deepCopy();
    final String settings =
        desired.has("DefaultUserSettings") ? "DefaultUserSettings" : "UserSettings";
    ((ObjectNode) desired.get(settings)).putArray("SecurityGroups").add("sg-1");
    return desired;
  }

  private SageMakerClient baselineClient() {
    return SageMakerClient.builder()
        .endpointOverride(account.emulator.endpoint())
        .region(Region.of(BenchAccount.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "secret")))
        .build();
  }

  private static Duration between(final int fromSeconds, final int toSeconds, final double at) {
    return Duration.ofSeconds(Math.round(fromSeconds + (toSeconds - fromSeconds) * at));
  }
}
