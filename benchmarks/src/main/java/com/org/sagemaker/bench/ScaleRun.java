package com.org.sagemaker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.org.sagemaker.emulator.SageMakerEmulator;
import com.org.sagemaker.emulator.Timings;
import com.org.sagemaker.emulator.VirtualClock;
import com.org.sagemaker.runner.changeset.Plan;
import com.org.sagemaker.runner.engine.Deployer;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import com.org.sagemaker.runner.engine.StackEvents;
import com.org.sagemaker.runner.engine.Timeline;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.TargetId;
import com.org.sagemaker.runner.template.Template;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stack of a domain and N user profiles, deployed and then deleted through the runner's
 * parallel execution ({@link Deployer}) and the real handlers, on an emulator that throttles each
 * operation family beyond its rate. Everything runs on the emulator's virtual clock, which moves
 * only when every operation in flight waits: the SageMaker time it reports does not depend on how
 * fast this machine is (it varies between runs only with the handlers' random retry delay after
 * throttling and the order of parallel calls).
 */
final class ScaleRun implements AutoCloseable {

  /** The slowest single chain of transitions of a create: the domain, then one profile. */
  static final Duration CREATE_LIMIT =
      Timings.REALISTIC.domainCreate().plus(Timings.REALISTIC.profileCreate());

  /** Likewise for a delete: one profile, then the domain. */
  static final Duration DELETE_LIMIT =
      Timings.REALISTIC.profileDelete().plus(Timings.REALISTIC.domainDelete());

  /** A stack operation: what it took against its physical limit, and what it cost. */
  record Phase(
      String stackStatus,
      long seconds,
      long limitSeconds,
      int operations,
      int invocations,
      Map<String, Integer> calls,
      Map<String, Integer> throttled,
      List<String> failed) {

    /** SageMaker time over the physical limit. */
    double ratio() {
      return (double) seconds / limitSeconds;
    }

    int totalCalls() {
      return calls.values().stream().mapToInt(Integer::intValue).sum();
    }

    int totalThrottled() {
      return throttled.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** The create and the delete of one stack, and how many profiles were InService in between. */
  record Result(int profiles, Phase create, int inService, Phase delete) {

    /** Every profile InService after the create, and nothing failed in either. */
    boolean clean() {
      return inService == profiles
          && create.failed().isEmpty()
          && delete.failed().isEmpty()
          && "CREATE_COMPLETE".equals(create.stackStatus())
          && "DELETE_COMPLETE".equals(delete.stackStatus());
    }
  }

  private final VirtualClock clock = VirtualClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
  private final SageMakerEmulator emulator;
  private final int workers;
  private int stacks;

  /**
   * Starts the rate-limited emulator. The handlers of this process reach it through the SDK's
   * settings, read once, when their shared client is built: one per process, before any handler has
   * run in it. Unless {@code sdkRetries}, the SDK's own retries are off (aws.maxAttempts=1): they
   * wait in real time, during which the emulator's clock stands still, so they meet the same empty
   * token bucket every time (docs/performance.md).
   */
  ScaleRun(final List<ScaleRates.Rate> rates, final int workers, final boolean sdkRetries)
      throws IOException {
    SageMakerEmulator.Options options =
        SageMakerEmulator.Options.defaults().withClock(clock).withTimings(Timings.REALISTIC);
    for (final ScaleRates.Rate rate : rates) {
      options = options.withRateLimit(rate.family(), rate.perSecond(), rate.burst());
    }
    this.emulator = SageMakerEmulator.start(options);
    this.workers = workers;
    System.setProperty("aws.endpointUrlSageMaker", emulator.endpoint().toString());
    System.setProperty("aws.region", BenchAccount.REGION);
    if (sdkRetries) {
      System.clearProperty("aws.maxAttempts");
    } else {
      System.setProperty("aws.maxAttempts", "1");
    }
  }

  /** Deploys a domain with {@code profiles} user profiles, then deletes the stack. */
  Result run(final int profiles) {
    // An account idle for an hour: every bucket full, nothing left of an earlier run.
    clock.advance(Duration.ofHours(1));
    final String name = "scale-" + profiles + "-" + ++stacks;
    final TargetId where = TargetId.emulator();
    final StackState state = StackState.fresh(name, where);
    final Timeline timeline = Timeline.virtual(clock, clock::advance);
    final HandlerInvoker invoker =
        new HandlerInvoker(
            new HandlerInvoker.Stack(
                name,
                "arn:aws:cloudformation:us-east-1:123456789012:stack/" + name + "/1",
                where.region(),
                where.accountId(),
                new HandlerInvoker.Credentials("AKIDBENCH", "bench-secret", "bench-token")),
            timeline::await,
            BenchAccount.Silent.LOGGER,
            10_000);
    final Deployer deployer =
        new Deployer(
            invoker,
            timeline,
            new StackEvents(new PrintWriter(Writer.nullWriter()), clock::instant),
            workers);
    final Counts beforeCreate = counts();
    final Deployer.Outcome created =
        deployer.deploy(
            Plan.of(
                Template.parse(template(name, profiles), name + ".yaml"),
                Plan.Inputs.none(),
                state,
                where),
            true);
    final Counts afterCreate = counts();
    final int inService = profilesInService();
    final Deployer.Outcome deleted = deployer.delete(state);
    return new Result(
        profiles,
        phase(created, CREATE_LIMIT, beforeCreate, afterCreate),
        inService,
        phase(deleted, DELETE_LIMIT, afterCreate, counts()));
  }

  /** The stack: a domain and {@code profiles} user profiles in it. */
  static String template(final String domainName, final int profiles) {
    final StringBuilder template =
        new StringBuilder(
            String.format(
                "Resources:%n"
                    + "  Domain:%n"
                    + "    Type: Org::SageMaker::StudioDomain%n"
                    + "    Properties:%n"
                    + "      DomainName: %s%n"
                    + "      AuthMode: IAM%n"
                    + "      VpcId: vpc-1%n"
                    + "      SubnetIds: [subnet-1]%n"
                    + "      DefaultUserSettings:%n"
                    + "        ExecutionRole: %s%n",
                domainName, BenchAccount.ROLE));
    for (int i = 1; i <= profiles; i++) {
      template.append(
          String.format(
              "  User%d:%n"
                  + "    Type: Org::SageMaker::StudioUserProfile%n"
                  + "    Properties:%n"
                  + "      DomainId: !GetAtt Domain.DomainId%n"
                  + "      UserProfileName: user-%d%n",
              i, i));
    }
    return template.toString();
  }

  /** API calls and throttled calls so far, per operation. */
  private record Counts(Map<String, Integer> calls, Map<String, Integer> throttled) {}

  private Counts counts() {
    return new Counts(emulator.calls(), emulator.throttled());
  }

  private static Phase phase(
      final Deployer.Outcome outcome,
      final Duration limit,
      final Counts before,
      final Counts after) {
    return new Phase(
        outcome.stackStatus(),
        outcome.elapsed().toSeconds(),
        limit.toSeconds(),
        outcome.operations(),
        outcome.invocations(),
        byFamily(before.calls(), after.calls()),
        byFamily(before.throttled(), after.throttled()),
        outcome.failedResources());
  }

  /** What {@code after} counts beyond {@code before}, summed per rate-limit family. */
  private static Map<String, Integer> byFamily(
      final Map<String, Integer> before, final Map<String, Integer> after) {
    final Map<String, Integer> families = new TreeMap<>();
    after.forEach(
        (operation, count) -> {
          final int made = count - before.getOrDefault(operation, 0);
          if (made > 0) {
            families.merge(SageMakerEmulator.family(operation), made, Integer::sum);
          }
        });
    return families;
  }

  /** The account's user profiles that are InService now, as the emulator holds them. */
  private int profilesInService() {
    int inService = 0;
    for (final JsonNode profile : emulator.snapshot().path("userProfiles")) {
      if ("InService".equals(profile.path("status").asText())) {
        inService++;
      }
    }
    return inService;
  }

  @Override
  public void close() {
    emulator.close();
  }
}
