package com.org.sagemaker.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.org.sagemaker.emulator.VirtualClock;
import com.org.sagemaker.runner.FakeHandlers;
import com.org.sagemaker.runner.TestStacks;
import com.org.sagemaker.runner.changeset.Plan;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.TargetId;
import com.org.sagemaker.runner.template.Template;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the runner does as CloudFormation, proved with handlers that keep their resources in memory
 * ({@link FakeHandlers}): parallel waits on one clock, the calls of an update rollback and of a
 * create rollback, cancellation of siblings, cleanup, policies, timeouts. The end-to-end tests show
 * the same through the real handlers and the emulator.
 */
class ExecutionSemanticsTest {

  private static final String TEMPLATE =
      """
      Parameters:
        Role:
          Type: String
          Default: first
        FirstName:
          Type: String
          Default: p1
        Users:
          Type: CommaDelimitedList
          Default: p1,p2
      Conditions:
        HasThird: !Equals [!Ref Role, third]
      Resources:
        Domain:
          Type: Org::SageMaker::StudioDomain
          %s
          Properties:
            DomainName: semantics
            AuthMode: IAM
            DefaultUserSettings:
              ExecutionRole: !Sub arn:aws:iam::123456789012:role/${Role}
        P1:
          Type: Org::SageMaker::StudioUserProfile
          %s
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
        P3:
          Type: Org::SageMaker::StudioUserProfile
          Condition: HasThird
          Properties:
            DomainId: !GetAtt Domain.DomainId
            UserProfileName: p3
      Outputs:
        DomainId:
          Value: !Ref Domain
      """;

  private final VirtualClock clock = VirtualClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeHandlers fake = new FakeHandlers(clock);
  private final StringWriter out = new StringWriter();
  private final TargetId where = TargetId.emulator();
  private final StackState state = StackState.fresh("semantics", where);

  private Deployer deployer(final int workers) {
    return TestStacks.deployer(TestStacks.invoker(state, where, clock, fake), clock, out, workers);
  }

  private Deployer.Outcome deploy(
      final String template, final Map<String, String> parameters, final boolean rollback) {
    return deployer(1).deploy(plan(template, parameters), rollback);
  }

  private Plan plan(final String template, final Map<String, String> parameters) {
    return Plan.of(
        Template.parse(template, "t.yaml"),
        new Plan.Inputs(parameters, Map.of(), Map.of()),
        state,
        where);
  }

  private static String template() {
    return TEMPLATE.formatted("", "");
  }

  private String output() {
    return out.toString();
  }

  private List<String> lines(final String containing) {
    return output().lines().filter(l -> l.contains(containing)).toList();
  }

  /** The first line with all of {@code parts}, stripped; empty when none has. */
  private String line(final String... parts) {
    return output()
        .lines()
        .filter(l -> List.of(parts).stream().allMatch(l::contains))
        .map(String::strip)
        .findFirst()
        .orElse("");
  }

  private int position(final String... parts) {
    final List<String> all = output().lines().toList();
    for (int i = 0; i < all.size(); i++) {
      final String candidate = all.get(i);
      if (List.of(parts).stream().allMatch(candidate::contains)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void independentResourcesWaitInParallelOnOneClock() {
    final String manyProfiles =
        template()
            .replace(
                "Outputs:",
                """
                  P4:
                    Type: Org::SageMaker::StudioUserProfile
                    Properties: {DomainId: !GetAtt Domain.DomainId, UserProfileName: p4}
                  P5:
                    Type: Org::SageMaker::StudioUserProfile
                    Properties: {DomainId: !GetAtt Domain.DomainId, UserProfileName: p5}
                Outputs:""");
    fake.takes("CREATE", "Domain", Duration.ofMinutes(5));
    for (final String profile : List.of("P1", "P2", "P4", "P5")) {
      fake.takes("CREATE", profile, Duration.ofSeconds(20));
    }

    final Deployer.Outcome outcome = deploy(manyProfiles, Map.of(), true);

    assertThat(outcome.stackStatus()).as(output()).isEqualTo("CREATE_COMPLETE");
    // One domain create and one profile create, not four profile creates one after another.
    assertThat(outcome.elapsed()).isEqualTo(Duration.ofMinutes(5).plusSeconds(20));
    assertThat(outcome.operations()).isEqualTo(5);
    assertThat(fake.calls("CREATE", "P1").get(0).at())
        .isEqualTo(fake.calls("CREATE", "P5").get(0).at());
    // Each resource's events in order; the whole output the same on every run.
    assertThat(lines("P4  ").stream().map(l -> l.replaceAll(".*P4 +\\S+ +", "")).toList())
        .containsExactly(
            "CREATE_IN_PROGRESS",
            "CREATE_IN_PROGRESS      Resource creation Initiated",
            "still in progress, check 1, next in 10s (SageMaker time)",
            "still in progress, check 2, next in 10s (SageMaker time)",
            "CREATE_COMPLETE");
  }

  @Test
  void workersInvokeInParallelWithTheSameOutcomeAsOneAtATime() {
    fake.takes("CREATE", "Domain", Duration.ofMinutes(5));
    final Deployer.Outcome outcome = deployer(4).deploy(plan(template(), Map.of()), true);
    assertThat(outcome.stackStatus()).as(output()).isEqualTo("CREATE_COMPLETE");
    assertThat(outcome.elapsed()).isEqualTo(Duration.ofMinutes(5).plus(FakeHandlers.POLL));
    assertThat(state.resources()).containsKeys("Domain", "P1", "P2");
  }

  @Test
  void aFailedUpdateUpdatesBackEveryResourceItChangedAndDeletesWhatItCreated() {
    deploy(template(), Map.of(), true);
    fake.calls.clear();
    final StackState before = state.copy();
    // The domain updates in place; P1 is replaced (a new name), P3 is created; P2's update
    // fails once P1's replacement is done.
    fake.takes("CREATE", "P1", Duration.ofSeconds(10));
    fake.takes("UPDATE", "P2", Duration.ofSeconds(30));
    fake.failsAtEnd("UPDATE", "P2", "Security group not found");
    out.getBuffer().setLength(0);

    final Deployer.Outcome outcome =
        deploy(template(), Map.of("Role", "third", "FirstName", "renamed"), true);

    assertThat(outcome.stackStatus()).as(output()).isEqualTo("UPDATE_ROLLBACK_COMPLETE");
    assertThat(outcome.failedResources()).containsExactly("P2");
    assertThat(line("P2 ", "UPDATE_FAILED"))
        .contains("Resource handler returned message: \"Security group not found\"")
        .contains("HandlerErrorCode: NotStabilized)");
    assertThat(line("UPDATE_ROLLBACK_IN_PROGRESS"))
        .contains("The following resource(s) failed to update: [P2].");
    // Update back, with the previous properties and the rollback flag: every resource the update
    // changed in place, the one that failed included.
    for (final String logicalId : List.of("Domain", "P2")) {
      final List<FakeHandlers.Call> updates = fake.calls("UPDATE", logicalId);
      assertThat(updates).as(logicalId).hasSize(2);
      assertThat(updates.get(0).rollback()).isFalse();
      final FakeHandlers.Call back = updates.get(1);
      assertThat(back.rollback()).isTrue();
      assertThat(back.properties().toString()).contains("role/first").doesNotContain("third");
      assertThat(back.previous().toString()).contains("role/third");
    }
    // The new copy of the replaced P1 and the new P3 are deleted after the updates back; the old
    // P1 stays.
    assertThat(fake.calls("DELETE", "P1"))
        .singleElement()
        .satisfies(
            d -> assertThat(d.properties().get("UserProfileName").asText()).isEqualTo("renamed"));
    assertThat(fake.calls("DELETE", "P3")).hasSize(1);
    assertThat(position("UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS"))
        .isLessThan(position("P1 ", "DELETE_IN_PROGRESS"))
        .isGreaterThan(position("P2 ", "UPDATE_COMPLETE"));
    assertThat(fake.live).containsKey("d-fake1|p1").doesNotContainKey("d-fake1|renamed");
    assertThat(state.resources().keySet()).containsExactly("Domain", "P1", "P2");
    assertThat(state.resources().get("P1").properties())
        .isEqualTo(before.resources().get("P1").properties());
    assertThat(state.resources().get("P2").properties())
        .isEqualTo(before.resources().get("P2").properties());

    // Fixed, the same update goes through.
    final Deployer.Outcome again =
        deploy(template(), Map.of("Role", "third", "FirstName", "renamed"), true);
    assertThat(again.stackStatus()).as(output()).isEqualTo("UPDATE_COMPLETE");
  }

  @Test
  void anUpdateRollbackUpdatesEachResourceBackOnlyAfterWhatItDependsOnIsBack() {
    deploy(template(), Map.of(), true);
    fake.calls.clear();
    fake.takes("UPDATE", "Domain", Duration.ofMinutes(2));
    fake.failsAtEnd("UPDATE", "P2", "Security group not found");

    final Deployer.Outcome outcome = deploy(template(), Map.of("Role", "second"), true);

    assertThat(outcome.stackStatus()).as(output()).isEqualTo("UPDATE_ROLLBACK_COMPLETE");
    final FakeHandlers.Call domainBack = fake.calls("UPDATE", "Domain").get(1);
    final FakeHandlers.Call profileBack = fake.calls("UPDATE", "P2").get(1);
    assertThat(domainBack.rollback()).isTrue();
    assertThat(profileBack.rollback()).isTrue();
    // P2 uses Domain.DomainId: its Update back starts once the domain's has ended, two minutes on.
    assertThat(profileBack.at()).isEqualTo(domainBack.at().plus(Duration.ofMinutes(2)));
  }

  @Test
  void anUpdateBackThatFailsLeavesTheStackUpdateRollbackFailed() {
    deploy(template(), Map.of(), true);
    fake.failsAtEnd("UPDATE", "P2", "Security group not found");
    fake.failsAtEnd("UPDATE", "P2", "still broken");

    final Deployer.Outcome outcome = deploy(template(), Map.of("Role", "second"), true);

    assertThat(outcome.stackStatus()).as(output()).isEqualTo("UPDATE_ROLLBACK_FAILED");
    assertThat(output()).contains("still broken");
    assertThatThrownBy(() -> deploy(template(), Map.of(), true))
        .hasMessageContaining("is in UPDATE_ROLLBACK_FAILED state and can not be updated.");
  }

  @Test
  void continueRollbackTriesAgainWhatFailedToRollBackAndSkipsOnlyWhatDid() {
    deploy(template(), Map.of(), true);
    final StackState before = state.copy();
    // P2 is deleted outside the stack; an update then touches it and adds P3.
    fake.live.remove("d-fake1|p2");

    final Deployer.Outcome failed = deploy(template(), Map.of("Role", "third"), true);

    assertThat(failed.stackStatus()).as(output()).isEqualTo("UPDATE_ROLLBACK_FAILED");
    assertThat(state.leftovers()).extracting(StackState.Leftover::logicalId).containsExactly("P3");
    // deploy and plan refuse it alike, and say what to do.
    final String refusal =
        "is in UPDATE_ROLLBACK_FAILED state and can not be updated. (Continue its rollback:"
            + " studio-local continue-rollback, with --resources-to-skip";
    assertThatThrownBy(() -> deploy(template(), Map.of(), true)).hasMessageContaining(refusal);
    assertThatThrownBy(() -> plan(template(), Map.of())).hasMessageContaining(refusal);
    // Only a resource whose rollback failed may be skipped; nothing is done otherwise.
    assertThatThrownBy(() -> deployer(1).continueRollback(state, List.of("Domain", "Nope")))
        .hasMessage(
            "--resources-to-skip [Domain, Nope]: only resources that failed to update during the"
                + " rollback (UPDATE_FAILED because a rollback failed) can be skipped; here: [P2]."
                + " Nothing was done.");

    out.getBuffer().setLength(0);
    final Deployer.Outcome again = deployer(1).continueRollback(state, List.of());
    assertThat(again.stackStatus()).as(output()).isEqualTo("UPDATE_ROLLBACK_FAILED");
    assertThat(line("P2 ", "UPDATE_FAILED")).contains("HandlerErrorCode: NotFound");
    assertThat(fake.calls("UPDATE", "Domain")).hasSize(2);

    out.getBuffer().setLength(0);
    final Deployer.Outcome skipped = deployer(1).continueRollback(state, List.of("P2"));

    assertThat(skipped.stackStatus()).as(output()).isEqualTo("UPDATE_ROLLBACK_COMPLETE");
    assertThat(line("semantics ", "UPDATE_ROLLBACK_IN_PROGRESS")).endsWith("User Initiated");
    assertThat(line("P2 ", "UPDATE_COMPLETE")).contains("Skipped by continue-rollback");
    assertThat(fake.calls("UPDATE", "P2")).hasSize(3);
    // What the failed update created is deleted; the stack records P2 as before the update.
    assertThat(line("P3 ", "DELETE_COMPLETE")).isNotEmpty();
    assertThat(state.leftovers()).isEmpty();
    assertThat(state.operation()).isNull();
    assertThat(state.resources().get("P2")).isEqualTo(before.resources().get("P2"));
    assertThat(state.resources().keySet()).containsExactly("Domain", "P1", "P2");
    assertThatThrownBy(() -> deployer(1).continueRollback(state, List.of()))
        .hasMessage(
            "Stack semantics is in UPDATE_ROLLBACK_COMPLETE state: only a stack in"
                + " UPDATE_ROLLBACK_FAILED state can continue its rollback.");
  }

  @Test
  void aFailedCreateCancelsWhatIsInFlightAndDeletesWhatItBegan() {
    fake.takes("CREATE", "P2", Duration.ofSeconds(60));
    fake.failsAtOnce("CREATE", "P1", "SingleSignOnUserIdentifier is only for SSO domains");

    final Deployer.Outcome outcome = deploy(template(), Map.of(), true);

    assertThat(outcome.stackStatus()).as(output()).isEqualTo("ROLLBACK_COMPLETE");
    assertThat(line("P2 ", "CREATE_FAILED")).endsWith("Resource creation cancelled");
    assertThat(line("ROLLBACK_IN_PROGRESS"))
        .endsWith("The following resource(s) failed to create: [P1]. Rollback requested by user.");
    // P2 had begun (its model names it): deleted. P1 never had an identifier: no call.
    assertThat(fake.calls("DELETE", "P2")).hasSize(1);
    assertThat(fake.calls("DELETE", "Domain")).hasSize(1);
    assertThat(fake.calls("DELETE", "P1")).isEmpty();
    assertThat(lines("P1  ")).last().asString().contains("DELETE_COMPLETE");
    assertThat(fake.live).isEmpty();
    assertThat(state.resources()).isEmpty();
    assertThatThrownBy(() -> deploy(template(), Map.of(), true))
        .hasMessageContaining("is in ROLLBACK_COMPLETE state and can not be updated.");
    assertThat(deployer(1).delete(state).stackStatus()).isEqualTo("DELETE_COMPLETE");
    assertThat(state.exists()).isFalse();
  }

  @Test
  void withoutRollbackWhatFailedIsLeftForTheNextOperationToDelete() {
    fake.failsAtEnd("CREATE", "P1", "Failed: no capacity");

    final Deployer.Outcome failed = deploy(template(), Map.of(), false);

    assertThat(failed.stackStatus()).as(output()).isEqualTo("CREATE_FAILED");
    assertThat(output())
        .doesNotContain("ROLLBACK")
        .contains("The following resource(s) failed to create: [P1].");
    assertThat(state.resources()).containsKeys("Domain", "P2").doesNotContainKey("P1");
    assertThat(state.leftovers()).hasSize(1);

    final Deployer.Outcome retried = deploy(template(), Map.of(), true);

    assertThat(retried.stackStatus()).as(output()).isEqualTo("UPDATE_COMPLETE");
    assertThat(fake.calls("DELETE", "P1")).hasSize(1);
    assertThat(state.leftovers()).isEmpty();
    assertThat(fake.live).containsKey("d-fake1|p1");
  }

  @Test
  void deletionAndUpdateReplacePoliciesDecideWhatIsKept() {
    final String retained =
        TEMPLATE.formatted(
            "DeletionPolicy: Snapshot", "UpdateReplacePolicy: Retain\n    DeletionPolicy: Retain");
    deploy(retained, Map.of(), true);

    // P1 replaced: its old copy is kept (UpdateReplacePolicy Retain), not deleted.
    deploy(retained, Map.of("FirstName", "renamed"), true);
    assertThat(line("P1 ", "DELETE_SKIPPED")).isNotEmpty();
    assertThat(fake.calls("DELETE", "P1")).isEmpty();
    assertThat(fake.live).containsKeys("d-fake1|p1", "d-fake1|renamed");

    // Stack delete: P1 kept (DeletionPolicy Retain), the domain deleted with a snapshot asked.
    out.getBuffer().setLength(0);
    fake.live.remove("d-fake1|p1");
    final Deployer.Outcome deleted = deployer(1).delete(state);
    assertThat(deleted.stackStatus()).as(output()).isEqualTo("DELETE_COMPLETE");
    assertThat(lines("P1  ")).singleElement().asString().contains("DELETE_SKIPPED");
    assertThat(fake.calls("DELETE", "Domain"))
        .singleElement()
        .satisfies(d -> assertThat(d.snapshotRequested()).isTrue());
    assertThat(fake.live).containsKey("d-fake1|renamed");
  }

  @Test
  void aResourceCreatedWithRetainIsKeptByTheRollbackUnlessRetainExceptOnCreate() {
    fake.takes("CREATE", "P2", Duration.ofSeconds(60));
    fake.failsAtEnd("CREATE", "P2", "no capacity");
    deploy(
        TEMPLATE.formatted("DeletionPolicy: RetainExceptOnCreate", "DeletionPolicy: Retain"),
        Map.of(),
        true);

    assertThat(lines("P1  ")).last().asString().contains("DELETE_SKIPPED");
    assertThat(fake.calls("DELETE", "P1")).isEmpty();
    assertThat(fake.calls("DELETE", "Domain")).hasSize(1);
  }

  @Test
  void whatCleanupCannotDeleteDoesNotFailTheUpdate() {
    deploy(template(), Map.of("Role", "third"), true);
    fake.failsAtEnd("DELETE", "P3", "Delete_Failed: EFS mount targets in use");

    final Deployer.Outcome outcome = deploy(template(), Map.of("Role", "third-no-more"), true);

    assertThat(outcome.stackStatus()).as(output()).isEqualTo("UPDATE_COMPLETE");
    assertThat(line("P3 ", "DELETE_FAILED")).contains("Delete_Failed: EFS mount targets in use");
    assertThat(line("semantics ", "UPDATE_COMPLETE "))
        .endsWith("Update successful. One or more resources could not be deleted.");
    assertThat(state.resources()).doesNotContainKey("P3");
  }

  @Test
  void anOperationLongerThanItsSchemasTimeoutFails() {
    fake.takes("CREATE", "Domain", Duration.ofHours(3));

    final Deployer.Outcome outcome = deploy(template(), Map.of(), true);

    assertThat(outcome.stackStatus()).isEqualTo("ROLLBACK_COMPLETE");
    assertThat(line("Domain ", "CREATE_FAILED"))
        .contains("Resource timed out waiting for completion (RequestToken: ");
    // The domain schema's create timeout is 60 minutes.
    assertThat(fake.calls("DELETE", "Domain").get(0).at())
        .isEqualTo(Instant.parse("2026-01-01T01:00:00Z"));
  }

  @Test
  void aStackDeleteThatFailsKeepsWhatItCouldNotDelete() {
    deploy(template(), Map.of(), true);
    fake.failsAtEnd("DELETE", "Domain", "Delete_Failed");

    final Deployer.Outcome outcome = deployer(1).delete(state);

    assertThat(outcome.stackStatus()).isEqualTo("DELETE_FAILED");
    assertThat(line("semantics ", "DELETE_FAILED"))
        .endsWith("The following resource(s) failed to delete: [Domain].");
    assertThat(state.resources().keySet()).containsExactly("Domain");
    assertThat(fake.calls("DELETE", "P1")).hasSize(1);
  }

  @Test
  void aReplacementThatComesBackWithTheOldIdentifierIsDeletedInCleanupAsCloudFormationWould() {
    // The runner does not guard the stack's live resource here, as CloudFormation does not: a
    // Create that adopts what it was to replace loses it in cleanup. The handlers must not.
    final String sso =
        template()
            .replace(
                "      UserProfileName: !Ref FirstName\n",
                "      UserProfileName: !Ref FirstName\n"
                    + "      SingleSignOnUserIdentifier: UserName\n"
                    + "      SingleSignOnUserValue: !Ref Role\n");
    deploy(sso, Map.of(), true);
    final Plan plan = plan(sso, Map.of("Role", "bob"));
    assertThat(plan.change("P1").replacement()).isEqualTo("True");
    assertThat(plan.change("P1").note())
        .contains("keeps the identifier d-fake1|p1", "AlreadyExists");
    fake.adoptsOnCreate("P1");

    final Deployer.Outcome outcome = deployer(1).deploy(plan, true);

    assertThat(outcome.stackStatus()).as(output()).isEqualTo("UPDATE_COMPLETE");
    assertThat(line("P1 ", "DELETE_COMPLETE")).isNotEmpty();
    assertThat(fake.calls("DELETE", "P1")).hasSize(1);
    assertThat(fake.live).doesNotContainKey("d-fake1|p1");
  }

  @Test
  void anUnchangedTemplateIsNoUpdate() {
    deploy(template(), Map.of(), true);
    out.getBuffer().setLength(0);
    final Deployer.Outcome outcome = deploy(template(), Map.of(), true);
    assertThat(outcome.stackStatus()).isEqualTo("CREATE_COMPLETE");
    assertThat(output()).isEqualTo("No updates are to be performed." + System.lineSeparator());
  }
}
