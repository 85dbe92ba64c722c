package com.org.sagemaker.runner.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.org.sagemaker.emulator.VirtualClock;
import com.org.sagemaker.runner.EmulatedAws;
import com.org.sagemaker.runner.FakeHandlers;
import com.org.sagemaker.runner.TestStacks;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import com.org.sagemaker.runner.engine.StackEvents;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.TargetId;
import com.org.sagemaker.runner.template.StackContext;
import com.org.sagemaker.runner.template.Template;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import rehearsal's rules, with handlers that keep resources in memory. */
class ImporterTest {

  private static final String TEMPLATE =
      """
      Resources:
        Role:
          Type: AWS::IAM::Role
        Domain:
          Type: Org::SageMaker::StudioDomain
          DeletionPolicy: Retain
          Properties:
            DomainName: old
            AuthMode: IAM
            DefaultUserSettings: {ExecutionRole: !GetAtt Role.Arn}
        Analyst:
          Type: Org::SageMaker::StudioUserProfile
          DeletionPolicy: Retain
          Properties:
            DomainId: !Ref Domain
            UserProfileName: analyst
      """;

  @TempDir Path folder;

  private final VirtualClock clock = VirtualClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeHandlers fake = new FakeHandlers(clock);
  private final StringWriter out = new StringWriter();
  private final TargetId where = TargetId.emulator();
  private final StackState state = StackState.fresh("imported", where);

  private boolean run(final String template, final String resources) throws IOException {
    final Path file = folder.resolve("import.json");
    Files.writeString(file, resources);
    final HandlerInvoker invoker = TestStacks.invoker(state, where, clock, fake);
    final StackContext context =
        StackContext.of(
            Template.parse(template, "t.yaml"),
            state.identity(where),
            Map.of(),
            Map.of(),
            ResourceTypes::attributeProblem);
    return new Importer(invoker, new StackEvents(new PrintWriter(out, true), clock::instant))
        .run(context, state, Importer.read(file));
  }

  private static String both(final String domainId) {
    return """
        [{"ResourceType": "Org::SageMaker::StudioDomain", "LogicalResourceId": "Domain",
          "ResourceIdentifier": {"DomainId": "%s"}},
         {"ResourceType": "Org::SageMaker::StudioUserProfile", "LogicalResourceId": "Analyst",
          "ResourceIdentifier": {"DomainId": "%s", "UserProfileName": "analyst"}}]
        """
        .formatted(domainId, domainId);
  }

  /** A domain d-1 whose ExecutionRole is not the template's, and its profile analyst. */
  private void liveDomainWithOtherRoleAndAnalyst() {
    fake.live.put(
        "d-1",
        EmulatedAws.json(
            "{\"DomainId\": \"d-1\", \"DomainName\": \"old\", \"AuthMode\": \"IAM\", \"DefaultUserSettings\": {\"ExecutionRole\": \"elsewhere\"}}"));
    fake.live.put(
        "d-1|analyst",
        EmulatedAws.json("{\"DomainId\": \"d-1\", \"UserProfileName\": \"analyst\"}"));
  }

  @Test
  void existingResourcesAreAdoptedThroughReadAndStandInsTakenAsTheyAre() throws IOException {
    liveDomainWithOtherRoleAndAnalyst();

    assertThat(run(TEMPLATE, both("d-1"))).isFalse();

    assertThat(out.toString())
        .contains("IMPORT_IN_PROGRESS", "IMPORT_COMPLETE", "stand-in: not deployed locally")
        .contains(
            "DefaultUserSettings/ExecutionRole: expected \"arn:aws:iam::123456789012:role/imported-Role-");
    assertThat(state.status()).isEqualTo("IMPORT_COMPLETE");
    assertThat(state.resources().keySet()).containsExactly("Role", "Domain", "Analyst");
    assertThat(state.resources().get("Domain").physicalId()).isEqualTo("d-1");
    assertThat(fake.calls).isEmpty();
  }

  @Test
  void theImportsDriftReportHasTheDriftCommandsLinesAndLeavesStandInsOut() throws IOException {
    liveDomainWithOtherRoleAndAnalyst();

    run(TEMPLATE, both("d-1"));

    final String report = out.toString().substring(out.toString().indexOf("Drift of the imported"));
    assertThat(report.lines().skip(1).toList())
        .hasSize(3)
        .startsWith(
            String.format("%-22s  %-34s  %s", "Domain", "Org::SageMaker::StudioDomain", "MODIFIED"))
        .endsWith(
            String.format(
                "%-22s  %-34s  %s", "Analyst", "Org::SageMaker::StudioUserProfile", "IN_SYNC"));
    assertThat(report.lines().skip(2).findFirst().orElseThrow())
        .startsWith("    DefaultUserSettings/ExecutionRole: expected");
  }

  @Test
  void theImportsRulesAreCheckedBeforeAnythingIsRead() throws IOException {
    assertThatThrownBy(
            () ->
                run(
                    TEMPLATE.replace(
                        "DeletionPolicy: Retain\n    Properties:\n      DomainId",
                        "Properties:\n      DomainId"),
                    both("d-1")))
        .hasMessageContaining(
            "The following resources to import [Analyst] must have DeletionPolicy attribute specified in the template.");
    assertThatThrownBy(
            () ->
                run(
                    TEMPLATE,
                    """
                    [{"ResourceType": "Org::SageMaker::StudioUserProfile", "LogicalResourceId": "Domain",
                      "ResourceIdentifier": {"DomainId": "d-1"}},
                     {"ResourceType": "Org::SageMaker::StudioDomain", "LogicalResourceId": "Nowhere",
                      "ResourceIdentifier": {"DomainId": "d-1"}}]
                    """))
        .hasMessageContaining(
            "the template has no resource Domain of type Org::SageMaker::StudioUserProfile")
        .hasMessageContaining("the template has no resource Nowhere")
        .hasMessageContaining("not in the stack nor to import: [Analyst]");
    assertThatThrownBy(
            () ->
                run(
                    TEMPLATE,
                    """
                    [{"ResourceType": "Org::SageMaker::StudioDomain", "LogicalResourceId": "Domain",
                      "ResourceIdentifier": {"DomainName": "old"}},
                     {"ResourceType": "Org::SageMaker::StudioUserProfile", "LogicalResourceId": "Analyst",
                      "ResourceIdentifier": {"DomainId": "d-1", "UserProfileName": "analyst"}}]
                    """))
        .hasMessageContaining(
            "ResourceIdentifier of Org::SageMaker::StudioDomain is [DomainId], not [DomainName]");
    assertThatThrownBy(() -> run(TEMPLATE, "[{\"ResourceType\": 1}]"))
        .hasMessageContaining(
            "import.json[0]: needs ResourceType, LogicalResourceId and ResourceIdentifier");
    assertThatThrownBy(() -> run(TEMPLATE, "{}"))
        .hasMessageContaining("a JSON list of resources to import");
    assertThatThrownBy(() -> run(TEMPLATE, "[")).hasMessageContaining("not a JSON list");
  }

  @Test
  void anImportChangesNothingElseAndReadsOnlyWhatExists() throws IOException {
    assertThatThrownBy(() -> run(TEMPLATE, both("d-404")))
        .hasMessageContaining("the resource to import does not exist or cannot be read")
        .hasMessageContaining("HandlerErrorCode: NotFound");
    assertThat(state.exists()).isFalse();
    assertThatThrownBy(
            () -> run(TEMPLATE.replace("DomainName: old", "DomainName: not valid!"), both("d-1")))
        .hasMessageContaining("Model validation failed (#/DomainName");

    fake.live.put("d-1", EmulatedAws.json("{\"DomainId\": \"d-1\"}"));
    fake.live.put(
        "d-1|analyst",
        EmulatedAws.json("{\"DomainId\": \"d-1\", \"UserProfileName\": \"analyst\"}"));
    run(TEMPLATE, both("d-1"));
    final String withoutAnalyst = TEMPLATE.substring(0, TEMPLATE.indexOf("  Analyst:"));
    assertThatThrownBy(() -> run(withoutAnalyst + "  Other: {Type: AWS::IAM::Role}\n", "[]"))
        .hasMessageContaining("in the stack, not in the template: [Analyst]");
    assertThatThrownBy(
            () -> run(TEMPLATE.replace("UserProfileName: analyst", "UserProfileName: other"), "[]"))
        .hasMessageContaining("Analyst is in the stack with other properties");
    assertThatThrownBy(() -> run(TEMPLATE, both("d-1")))
        .hasMessageContaining("already a resource of the stack");
    assertThat(List.copyOf(fake.calls)).isEmpty();
  }
}
