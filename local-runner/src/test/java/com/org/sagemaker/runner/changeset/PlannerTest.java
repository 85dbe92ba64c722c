package com.org.sagemaker.runner.changeset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.org.sagemaker.emulator.VirtualClock;
import com.org.sagemaker.runner.FakeHandlers;
import com.org.sagemaker.runner.TestStacks;
import com.org.sagemaker.runner.engine.Deployer;
import com.org.sagemaker.runner.standins.StandIns;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.TargetId;
import com.org.sagemaker.runner.template.Template;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The change set: what each resource's change is and why, from template and state alone. */
class PlannerTest {

  private static final String BASE =
      """
      Parameters:
        Role: {Type: String, Default: r1}
      Resources:
        Network:
          Type: AWS::EC2::VPC
          Properties: {CidrBlock: 10.0.0.0/16}
        Domain:
          Type: Org::SageMaker::StudioDomain
          Properties:
            DomainName: planned
            AuthMode: IAM
            VpcId: !Ref Network
            TagPropagation: ENABLED
            KmsKeyId: key-1
            DefaultUserSettings:
              ExecutionRole: !Sub arn:aws:iam::123456789012:role/${Role}
        Alice:
          Type: Org::SageMaker::StudioUserProfile
          DeletionPolicy: Retain
          Properties:
            DomainId: !GetAtt Domain.DomainId
            UserProfileName: alice
      """;

  private final VirtualClock clock = VirtualClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeHandlers fake = new FakeHandlers(clock);
  private final StringWriter out = new StringWriter();
  private final TargetId where = TargetId.emulator();
  private final StackState state = StackState.fresh("planned", where);

  private Plan plan(
      final String template, final Map<String, String> parameters, final Map<String, String> tags) {
    return Plan.of(
        Template.parse(template, "t.yaml"),
        new Plan.Inputs(parameters, Map.of(), tags),
        state,
        where);
  }

  private Deployer.Outcome deploy(final Plan plan) {
    return TestStacks.deployer(TestStacks.invoker(state, where, clock, fake), clock, out, 1)
        .deploy(plan, true);
  }

  @Test
  void aNewStackIsAllAdds() {
    final Plan plan = plan(BASE, Map.of(), Map.of());
    assertThat(plan.creating()).isTrue();
    assertThat(plan.changes()).extracting(Plan.Change::action).containsOnly(Plan.Action.ADD);
    assertThat(plan.standIns()).extracting(Plan.Change::logicalId).containsExactly("Network");
    final JsonNode json = PlanPrinter.json(plan);
    assertThat(json.at("/Changes/1/ResourceChange").has("Replacement")).isFalse();
    assertThat(json.at("/Changes/0/ResourceChange/StandIn").asText())
        .isEqualTo(StandIns.NOT_DEPLOYED);
    assertThat(PlanPrinter.text(plan, "emulator (local)")).last().isEqualTo("3 changes.");
  }

  @Test
  void removedPropertiesStackTagsPoliciesAndRemovalsAreChanges() {
    deploy(plan(BASE, Map.of(), Map.of()));
    final String changed =
        BASE.replace("      TagPropagation: ENABLED\n", "")
            .replace("      KmsKeyId: key-1\n", "")
            .replace("    DeletionPolicy: Retain\n", "    DeletionPolicy: Delete\n")
            .replace("{CidrBlock: 10.0.0.0/16}", "{CidrBlock: 10.1.0.0/16}");

    final Plan plan = plan(changed, Map.of(), Map.of("team", "ml"));

    final Plan.Change network = plan.change("Network");
    assertThat(network.action()).isEqualTo(Plan.Action.MODIFY);
    // CidrBlock is create-only in AWS::EC2::VPC's published schema: CloudFormation replaces it.
    assertThat(network.replacement()).isEqualTo("True");
    assertThat(network.details())
        .singleElement()
        .satisfies(d -> assertThat(d.requiresRecreation()).isEqualTo("Always"));
    final Plan.Change domain = plan.change("Domain");
    assertThat(domain.replacement()).isEqualTo("True");
    assertThat(domain.scope()).containsExactly("Properties", "Tags");
    assertThat(domain.details())
        .extracting(Plan.Detail::name, Plan.Detail::requiresRecreation, Plan.Detail::changeSource)
        .contains(
            org.assertj.core.groups.Tuple.tuple("TagPropagation", "Never", "DirectModification"),
            org.assertj.core.groups.Tuple.tuple("KmsKeyId", "Always", "DirectModification"));
    final Plan.Change alice = plan.change("Alice");
    assertThat(alice.replacement()).isEqualTo("Conditional");
    assertThat(alice.scope()).containsExactly("Properties", "Tags", "DeletionPolicy");
    assertThat(alice.details().get(0).causingEntity()).isEqualTo("Domain.DomainId");
    assertThat(PlanPrinter.text(plan, "here"))
        .contains(
            "      Properties.DomainId  RequiresRecreation: Always  Dynamic  ResourceAttribute (Domain.DomainId)")
        .contains("      PolicyAction: ReplaceAndDelete");
  }

  @Test
  void onlyAPolicyChangedIsRecordedWithoutAHandlerCall() {
    deploy(plan(BASE, Map.of(), Map.of()));
    fake.calls.clear();
    final Plan plan =
        plan(BASE.replace("DeletionPolicy: Retain", "DeletionPolicy: Delete"), Map.of(), Map.of());
    assertThat(plan.change("Alice").callsHandler()).isFalse();

    assertThat(deploy(plan).stackStatus()).isEqualTo("UPDATE_COMPLETE");

    assertThat(fake.calls).isEmpty();
    assertThat(state.resources().get("Alice").deletionPolicy()).isEqualTo("Delete");
  }

  @Test
  void removalsCarryTheirPolicyAndAChangedTypeIsRefused() {
    deploy(plan(BASE, Map.of(), Map.of()));
    final Plan plan =
        plan(BASE.substring(0, BASE.indexOf("  Alice:")), Map.of("Role", "r2"), Map.of());
    assertThat(plan.change("Alice").action()).isEqualTo(Plan.Action.REMOVE);
    assertThat(plan.change("Alice").policyAction()).isEqualTo("Retain");
    assertThat(plan.change("Domain").details().get(0).changeSource())
        .isEqualTo("ParameterReference");
    assertThat(plan.change("Domain").details().get(0).causingEntity()).isEqualTo("Role");
    assertThat(plan.change("Network").action()).isEqualTo(Plan.Action.NONE);
    assertThat(PlanPrinter.json(plan).at("/Changes/1/ResourceChange/PolicyAction").asText())
        .isEqualTo("Retain");

    assertThatThrownBy(
            () ->
                plan(
                    BASE.replace("Type: AWS::EC2::VPC", "Type: AWS::EC2::Subnet"),
                    Map.of(),
                    Map.of()))
        .hasMessageContaining(
            "Update of resource type is not permitted. The new template modifies resource type of"
                + " the following resources: [Network]");
  }

  @Test
  void aConditionsParameterIsTheCause() {
    final String conditional =
        BASE.replace("Resources:", "Conditions:\n  Big: !Equals [!Ref Role, big]\nResources:")
            .replace("TagPropagation: ENABLED", "TagPropagation: !If [Big, ENABLED, DISABLED]");
    deploy(plan(conditional, Map.of(), Map.of()));
    final Plan plan = plan(conditional, Map.of("Role", "big"), Map.of());
    assertThat(plan.change("Domain").details())
        .anySatisfy(
            d -> {
              assertThat(d.name()).isEqualTo("TagPropagation");
              assertThat(d.causingEntity()).isEqualTo("Role");
            });
  }
}
