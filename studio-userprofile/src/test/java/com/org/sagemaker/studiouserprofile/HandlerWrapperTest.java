package com.org.sagemaker.studiouserprofile;

import static org.assertj.core.api.Assertions.assertThat;

import com.org.sagemaker.common.HandlerTestSupport;
import com.org.sagemaker.common.SchemaConformance;
import com.org.sagemaker.common.SdkJson;
import java.nio.file.Path;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated entry point CloudFormation invokes: schema validation before any handler. */
class HandlerWrapperTest {

  @Test
  void finalResponsesLeaveOutWriteOnlyPropertiesAsTheRuntimeWould() {
    new SchemaConformance(SchemaConformance.load(Path.of("org-sagemaker-studiouserprofile.json")))
        .assertStripsWriteOnlyLikeTheRuntime(
            SchemaConformance.load(Path.of("inputs/inputs_1_create.json"))
                .put("DeleteAppsOnDelete", false),
            json ->
                SdkJson.modelToJson(
                    new HandlerWrapper()
                        .sanitizeModel(SdkJson.jsonToModel(json, ResourceModel.class))));
  }

  @Test
  void rejectsAnInvalidModelNamingThePropertyBeforeAnyCall(@TempDir final Path scratch) {
    final JSONObject response =
        HandlerTestSupport.invokeWrapper(
            new HandlerWrapper(),
            HandlerTestSupport.handlerRequest(
                "CREATE",
                "Org::SageMaker::StudioUserProfile",
                "Alice",
                new JSONObject()
                    .put("DomainId", "d-abc123")
                    .put("UserProfileName", "not a valid name!")),
            scratch);

    assertThat(response.getString("status")).isEqualTo("FAILED");
    assertThat(response.getString("errorCode")).isEqualTo("InvalidRequest");
    assertThat(response.getString("message")).contains("#/UserProfileName");
  }
}
