package com.org.sagemaker.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.org.sagemaker.emulator.VirtualClock;
import com.org.sagemaker.runner.FakeHandlers;
import com.org.sagemaker.runner.TestStacks;
import com.org.sagemaker.runner.changeset.Plan;
import com.org.sagemaker.runner.state.Journal;
import com.org.sagemaker.runner.state.ResourceState;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.StateStore;
import com.org.sagemaker.runner.state.TargetId;
import com.org.sagemaker.runner.template.Template;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A run killed at any point it records its state at: the next run continues the operation from what
 * is on disk, and the account then holds exactly what the stack records, each resource made once.
 * Every point an operation reaches is tried, through handlers that keep their resources in memory
 * ({@link FakeHandlers}, which recognise a create retried with its client request token as our
 * handlers do); the kill is an exception thrown where the point is reached, after which only what
 * was saved survives. The same through real processes and the real handlers: {@code
 * cli.KilledRunsTest}.
 */
class InterruptedOperationsTest {

  private static final String TEMPLATE =
      """
      Parameters:
        Role:
          Type: String
          Default: first
        FirstName:
          Type: String
          Default: p1
      Resources:
        Domain:
          Type: Org::SageMaker::StudioDomain
          Properties:
            DomainName: interrupted
            AuthMode: IAM
            DefaultUserSettings:
              ExecutionRole: !Sub arn:aws:iam::123456789012:role/${Role}
        P1:
          Type: Org::SageMaker::StudioUserProfile
          Properties:
            DomainId: !GetAtt Domain.DomainId
            UserProfileName: !Ref FirstName
        P2:
          Type: Org::SageMaker::StudioUserProfile
          Properties:
            DomainId: !GetAtt Domain.DomainId
            UserProfileName: p2
            UserSettings:
              ExecutionRole: !Sub arn:aws:iam::123456789012:role/${Role}
      Outputs:
        DomainId:
          Value: !Ref Domain
      """;

  private static final TargetId WHERE = TargetId.emulator();

  /** A kill: the process ends where it is. */
  private static final class Killed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Killed(final String point) {
      super("killed at " + point);
    }
  }

  /** The stack's state file: what survives a kill. Kills the run at the k-th time of a point. */
  private static final class Disk implements StateStore {
    private final String killAt;
    private final int occurrence;
    private final List<String> points = new ArrayList<>();
    private String saved;
    private int seen;

    Disk(final String killAt, final int occurrence) {
      this.killAt = killAt;
      this.occurrence = occurrence;
    }

    @Override
    public void save(final StackState state, final String point) {
      try {
        saved = state.exists() ? Template.JSON.writeValueAsString(state) : null;
      } catch (final JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
      reached(point);
    }

    @Override
    public void reached(final String point) {
      points.add(point);
      if (point.equals(killAt) && ++seen == occurrence) {
        throw new Killed(point);
      }
    }

    StackState load() {
      try {
        return saved == null
            ? StackState.fresh("interrupted", WHERE)
            : Template.JSON.readValue(saved, StackState.class);
      } catch (final JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** One account (the fake handlers on a clock) and one stack whose state is on a {@link Disk}. */
  private static final class World {
    final VirtualClock clock = VirtualClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
    final FakeHandlers fake = new FakeHandlers(clock);
    final StringWriter out = new StringWriter();
    Disk disk = new Disk(null, 0);
    StackState state = StackState.fresh("interrupted", WHERE);

    World() {
      fake.takes("CREATE", "Domain", Duration.ofMinutes(2));
      fake.takes("DELETE", "Domain", Duration.ofMinutes(1));
    }

    Deployer deployer() {
      return new Deployer(
          TestStacks.invoker(state, WHERE, clock, fake),
          Timeline.virtual(clock, clock::advance),
          new StackEvents(new PrintWriter(out, true), clock::instant),
          1,
          disk,
          "pid 1, deploy interrupted.yaml, since then");
    }

    Deployer.Outcome deploy(final Map<String, String> parameters) {
      final Plan.Inputs inputs = new Plan.Inputs(parameters, Map.of(), Map.of());
      return deployer()
          .deploy(
              Plan.of(Template.parse(TEMPLATE, "interrupted.yaml"), inputs, state, WHERE),
              true,
              new Journal.Source(
                  TEMPLATE, "interrupted.yaml", parameters, Map.of(), Map.of(), WHERE));
    }

    /** Kills the run at {@code point} (its k-th time), then reads what is on disk, as a restart. */
    void killedAt(final String point, final int occurrence, final Runnable operation) {
      disk = new Disk(point, occurrence);
      assertThatThrownBy(operation::run).as(point).isInstanceOf(Killed.class);
      state = disk.load();
      disk = new Disk(null, 0);
    }

    /** Identifiers of what the stack records: its resources and what failures left. */
    Set<String> recorded() {
      final Set<String> ids = new TreeSet<>();
      state.resources().values().forEach(r -> add(ids, r));
      state.leftovers().forEach(l -> add(ids, l.resource()));
      if (state.operation() != null) {
        state.operation().replaced().values().forEach(r -> add(ids, r));
      }
      return ids;
    }

    private static void add(final Set<String> ids, final ResourceState resource) {
      if (!resource.standIn() && resource.identified()) {
        ids.add(FakeHandlers.identifier(resource.type(), resource.model()));
      }
    }

    /** The account holds exactly what the stack records, and no create made anything twice. */
    void consistent(final String point) {
      assertThat(new TreeSet<>(fake.live.keySet())).as(point + "\n" + out).isEqualTo(recorded());
      assertThat(new HashSet<>(fake.created)).as(point).hasSameSizeAs(fake.created);
    }
  }

  /** Every point {@code operation} reaches on a world {@code setUp} prepares, each with its k. */
  private static List<Map.Entry<String, Integer>> points(
      final Consumer<World> setUp, final Consumer<World> operation) {
    final World dry = new World();
    setUp.accept(dry);
    dry.disk = new Disk(null, 0);
    operation.accept(dry);
    final Map<String, Integer> counts = new HashMap<>();
    final List<Map.Entry<String, Integer>> points = new ArrayList<>();
    for (final String point : dry.disk.points) {
      points.add(Map.entry(point, counts.merge(point, 1, Integer::sum)));
    }
    return points;
  }

  /**
   * For each point: a fresh world, the operation killed there, the next run continuing it; then
   * {@code check} on the world.
   */
  private static int everyPoint(
      final Consumer<World> setUp, final Consumer<World> operation, final Consumer<World> check) {
    final List<Map.Entry<String, Integer>> points = points(setUp, operation);
    for (final Map.Entry<String, Integer> point : points) {
      final World world = new World();
      setUp.accept(world);
      world.killedAt(point.getKey(), point.getValue(), () -> operation.accept(world));
      if (world.state.inProgress()) {
        world.deployer().resume(world.state);
      }
      world.consistent(point.getKey() + "#" + point.getValue());
      check.accept(world);
    }
    return points.size();
  }

  @Test
  void aCreateKilledAnywhereIsFinishedByTheNextRunMakingEachResourceOnce() {
    final int points =
        everyPoint(
            world -> {},
            world -> world.deploy(Map.of()),
            world -> {
              assertThat(world.state.status())
                  .as(world.out.toString())
                  .isEqualTo("CREATE_COMPLETE");
              assertThat(world.state.operation()).isNull();
              assertThat(world.fake.live).hasSize(3);
              assertThat(world.state.outputs()).containsKey("DomainId");
              // What the state records is whole: the same template is no update.
              assertThat(world.deploy(Map.of()).stackStatus()).isEqualTo("CREATE_COMPLETE");
              assertThat(world.out.toString()).endsWith("No updates are to be performed.\n");
            });
    assertThat(points).isGreaterThan(20);
  }

  @Test
  void anUpdateWithAReplacementKilledAnywhereEndsWithTheNewCopyOnlyAndTheOldDeleted() {
    everyPoint(
        world -> world.deploy(Map.of()),
        world -> world.deploy(Map.of("FirstName", "renamed", "Role", "second")),
        world -> {
          assertThat(world.state.status()).as(world.out.toString()).isEqualTo("UPDATE_COMPLETE");
          assertThat(world.fake.live)
              .containsKey("d-fake1|renamed")
              .doesNotContainKey("d-fake1|p1")
              .hasSize(3);
          assertThat(world.fake.live.get("d-fake1|p2").toString()).contains("role/second");
        });
  }

  @Test
  void aDeleteKilledAnywhereIsFinishedByTheNextRun() {
    everyPoint(
        world -> world.deploy(Map.of()),
        world -> world.deployer().delete(world.state),
        world -> {
          if (world.state.exists()) {
            // Killed after the last resource went but before the stack's file did.
            world.deployer().delete(world.state);
          }
          assertThat(world.state.exists()).isFalse();
          assertThat(world.fake.live).isEmpty();
        });
  }

  @Test
  void aFailedUpdateKilledAnywhereInItsRollbackIsRolledBackByTheNextRun() {
    everyPoint(
        world -> {
          world.deploy(Map.of());
          world.fake.takes("UPDATE", "P2", Duration.ofSeconds(30));
          world.fake.failsAtEnd("UPDATE", "P2", "Security group not found");
        },
        world -> world.deploy(Map.of("FirstName", "renamed", "Role", "second")),
        world -> {
          // Killed as P2's failure was answered, before it was recorded: the next run asks again,
          // and the update goes through.
          final boolean retried = "UPDATE_COMPLETE".equals(world.state.status());
          if (!retried) {
            assertThat(world.state.status())
                .as(world.out.toString())
                .isEqualTo("UPDATE_ROLLBACK_COMPLETE");
          }
          assertThat(world.fake.live)
              .containsKey(retried ? "d-fake1|renamed" : "d-fake1|p1")
              .hasSize(3);
          assertThat(world.fake.live.get("d-fake1|p2").toString())
              .contains(retried ? "role/second" : "role/first");
        });
  }

  @Test
  void aFailedCreateKilledAnywhereInItsRollbackIsRolledBackByTheNextRun() {
    everyPoint(
        world -> world.fake.failsAtEnd("CREATE", "P2", "no capacity"),
        world -> world.deploy(Map.of()),
        world -> {
          // As above: a failure whose answer was lost is asked again, and this time succeeds.
          if ("CREATE_COMPLETE".equals(world.state.status())) {
            assertThat(world.fake.live).hasSize(3);
          } else {
            assertThat(world.state.status())
                .as(world.out.toString())
                .isEqualTo("ROLLBACK_COMPLETE");
            assertThat(world.fake.live).isEmpty();
          }
        });
  }

  @Test
  void aResumedRunSaysWhichRunLeftTheStackAndAStackNotInProgressHasNothingToResume() {
    final World world = new World();
    world.killedAt("recorded CREATE Domain 1", 1, () -> world.deploy(Map.of()));
    assertThat(world.state.status()).isEqualTo("CREATE_IN_PROGRESS");

    world.deployer().resume(world.state);

    assertThat(world.out.toString())
        .contains(
            "Stack interrupted is CREATE_IN_PROGRESS: a run that did not finish began it (pid 1,"
                + " deploy interrupted.yaml, since then)")
        .contains("continued after 1 recorded invocation(s) (RequestToken: ");
    assertThatThrownBy(() -> world.deployer().resume(world.state))
        .hasMessage("Stack interrupted has no operation in progress to continue.");
  }
}
