package com.org.sagemaker.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.org.sagemaker.common.HandlerPermissions.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainRequest;

class HandlerPermissionsTest {

  private static final Reason ROLES = new Reason("SageMaker checks roles", "[passing][passrole]");

  private final HandlerPermissions permissions =
      new HandlerPermissions(
          new JSONObject(
              """
              {"typeName": "Org::Test::Thing",
               "tagging": {"taggable": true, "permissions": ["sagemaker:AddTags"]},
               "handlers": {
                 "read": {"permissions": ["sagemaker:DescribeDomain", "iam:PassRole"]},
                 "list": {"permissions": ["sagemaker:ListDomains"]}}}
              """));

  private final SageMakerClient sageMaker = Mockito.mock(SageMakerClient.class);

  private void describe() {
    sageMaker.describeDomain(DescribeDomainRequest.builder().build());
    sageMaker.serviceName();
  }

  @Test
  void namesEveryHandlersAndTheTaggingPermissions() {
    assertThat(permissions.named())
        .containsExactly(
            "iam:PassRole",
            "sagemaker:AddTags",
            "sagemaker:DescribeDomain",
            "sagemaker:ListDomains");
  }

  @Test
  void passesWhenTheListIsTheCallsPlusTheDeclaredActions() {
    describe();
    assertThat(HandlerPermissions.sageMakerActionsCalled(sageMaker))
        .containsExactly("sagemaker:DescribeDomain");
    assertThatCode(
            () ->
                permissions.assertCalledOrDeclared(
                    "read", sageMaker, Map.of("iam:PassRole", ROLES)))
        .doesNotThrowAnyException();
  }

  @Test
  void failsOnACallNotListed() {
    describe();
    assertThatThrownBy(() -> permissions.assertCalledOrDeclared("list", sageMaker, Map.of()))
        .hasMessageContaining("called but not listed")
        .hasMessageContaining("sagemaker:DescribeDomain");
  }

  @Test
  void failsOnAnActionListedWithoutACallOrAReason() {
    describe();
    assertThatThrownBy(() -> permissions.assertCalledOrDeclared("read", sageMaker, Map.of()))
        .hasMessageContaining("listed without a call or a declared reason")
        .hasMessageContaining("iam:PassRole");
  }

  @Test
  void failsOnADeclarationTheListLacksOrTheHandlerNowCalls() {
    describe();
    assertThatThrownBy(
            () ->
                permissions.assertCalledOrDeclared(
                    "read", sageMaker, Map.of("iam:PassRole", ROLES, "sagemaker:CreateApp", ROLES)))
        .hasMessageContaining("declared but not listed")
        .hasMessageContaining("sagemaker:CreateApp");
    assertThatThrownBy(
            () ->
                permissions.assertCalledOrDeclared(
                    "read",
                    sageMaker,
                    Map.of("iam:PassRole", ROLES, "sagemaker:DescribeDomain", ROLES)))
        .hasMessageContaining("drop the declaration")
        .hasMessageContaining("sagemaker:DescribeDomain");
  }

  @Test
  void rendersOurCallsFirstThenTheDeclaredOnes() {
    assertThat(permissions.markdown(Map.of("read", Map.of("iam:PassRole", ROLES))))
        .isEqualTo(
            """
            ### Org::Test::Thing

            #### read

            | action | why | source |
            |---|---|---|
            | `sagemaker:DescribeDomain` | our call | PermissionsTest sees the call |
            | `iam:PassRole` | SageMaker checks roles | [passing][passrole] |

            #### list

            | action | why | source |
            |---|---|---|
            | `sagemaker:ListDomains` | our call | PermissionsTest sees the call |
            """);
  }

  @Test
  void theDocumentMustShowTheTablesAndDefineTheirLinks(@TempDir final Path dir) throws IOException {
    final Map<String, Map<String, Reason>> declared = Map.of("read", Map.of("iam:PassRole", ROLES));
    final Path document = dir.resolve("permissions.md");
    final String tables = permissions.markdown(declared);
    Files.writeString(document, "# Permissions\n\n" + tables);
    assertThatThrownBy(() -> permissions.assertDocumented(document, declared))
        .hasMessageContaining("[passrole]: ");
    Files.writeString(document, "# Permissions\n\n" + tables + "\n[passrole]: https://example\n");
    assertThatCode(() -> permissions.assertDocumented(document, declared))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> permissions.assertDocumented(document, Map.of()))
        .hasMessageContaining("must show");
  }
}
