package com.org.sagemaker.runner.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.TargetId;
import com.org.sagemaker.runner.template.Template;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulated account's file in a state folder: on disk after every handler invocation that
 * changed the account, not only when the run ends (issue 19: a killed run must leave SageMaker's
 * side as AWS would), and a file that cannot be read is named in one line.
 */
class EmulatorStateFileTest {

  @TempDir Path folder;

  @Test
  void aDomainIsInTheFileAsSoonAsTheHandlerThatCreatedItReturns() throws IOException {
    final Path file = folder.resolve(Target.EMULATOR_STATE);
    try (Target target = Target.emulator(folder, 1, freePort(), true)) {
      final StackState state = StackState.fresh("file", TargetId.emulator());
      final HandlerInvoker invoker = target.invoker(state, folder.resolve("handlers.log"));
      final HandlerInvoker.Result created =
          invoker.invoke(
              HandlerInvoker.Request.of(
                  "CREATE",
                  "Org::SageMaker::StudioDomain",
                  "Domain",
                  Template.JSON.readTree(
                      """
                      {"DomainName": "saved", "AuthMode": "IAM", "VpcId": "vpc-1",
                       "SubnetIds": ["subnet-1"],
                       "DefaultUserSettings":
                         {"ExecutionRole": "arn:aws:iam::123456789012:role/Studio"}}
                      """)),
              (request, event) -> {});
      final String domainId = created.model().path("DomainId").asText();
      assertThat(domainId).startsWith("d-");

      // Still running: the file already holds the domain.
      final JsonNode saved = Template.JSON.readTree(file.toFile());
      assertThat(saved.path("account").path("domains").has(domainId)).as(saved.toString()).isTrue();
      assertThat(folder.toFile().list((dir, name) -> name.endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void aCorruptAccountFileIsNamedInOneLine() throws IOException {
    final Path file = folder.resolve(Target.EMULATOR_STATE);
    Files.writeString(file, "{\"clock\": \"2026-01-01T00:00:00Z\", \"account\": ");
    assertThatThrownBy(() -> Target.emulator(folder, 1, freePort(), true))
        .hasMessageStartingWith(file + " cannot be read as the emulated SageMaker account: it is")
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining("com.fasterxml");
    Files.writeString(file, "{\"clock\": \"yesterday\", \"account\": {}}");
    assertThatThrownBy(() -> Target.emulator(folder, 1, freePort(), true))
        .hasMessageStartingWith(
            file + " cannot be read as the emulated SageMaker account: its clock is not a time.");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
