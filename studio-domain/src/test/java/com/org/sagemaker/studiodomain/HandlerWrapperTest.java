package com.org.sagemaker.studiodomain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated entry point CloudFormation invokes: schema validation before any handler. */
class HandlerWrapperTest {

  @Test
  void rejectsAnInvalidModelNamingThePropertyBeforeAnyCall(@TempDir final Path scratch)
      throws Exception {
    final JSONObject payload =
        new JSONObject()
            .put("action", "CREATE")
            .put("awsAccountId", "123456789012")
            .put("bearerToken", "token")
            .put("region", "us-east-1")
            .put("resourceType", "Org::SageMaker::StudioDomain")
            .put("stackId", "arn:aws:cloudformation:us-east-1:123456789012:stack/s/1")
            .put(
                "requestData",
                new JSONObject()
                    .put("logicalResourceId", "Domain")
                    .put(
                        "resourceProperties",
                        new JSONObject()
                            .put("DomainName", "not a valid name!")
                            .put("AuthMode", "IAM")
                            .put("DefaultUserSettings", new JSONObject())));
    final Context context = mock(Context.class);
    when(context.getLogger()).thenReturn(mock(LambdaLogger.class));
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    // The wrapper empties java.io.tmpdir on every call: give it a scratch folder.
    final String tmpdir = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", scratch.toString());
    try {
      new HandlerWrapper()
          .handleRequest(
              new ByteArrayInputStream(payload.toString().getBytes(StandardCharsets.UTF_8)),
              out,
              context);
    } finally {
      System.setProperty("java.io.tmpdir", tmpdir);
    }

    final JSONObject response = new JSONObject(out.toString(StandardCharsets.UTF_8));
    assertThat(response.getString("status")).isEqualTo("FAILED");
    assertThat(response.getString("errorCode")).isEqualTo("InvalidRequest");
    assertThat(response.getString("message")).contains("#/DomainName");
  }
}
