package com.org.sagemaker.runner.engine;

import static com.org.sagemaker.runner.EmulatedAws.ROLE;
import static com.org.sagemaker.runner.EmulatedAws.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.org.sagemaker.runner.EmulatedAws;
import com.org.sagemaker.runner.studio.StudioTypes;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmulatedAws.Extension.class)
class HandlerInvokerTest {

  private static final HandlerInvoker.Stack STACK =
      new HandlerInvoker.Stack(
          "bounded",
          "arn:aws:cloudformation:us-east-1:123456789012:stack/bounded/1",
          "us-east-1",
          "123456789012",
          new HandlerInvoker.Credentials("AKIDEXAMPLE", "secret-value", "token-value"));

  @Test
  void aLoopThatDoesNotEndIsCutOffWithNotStabilized(final EmulatedAws aws) {
    final List<Duration> waits = new ArrayList<>();
    final List<JsonNode> events = new ArrayList<>();
    final HandlerInvoker bounded =
        new HandlerInvoker(
            STACK, waits::add, new EmulatedAws.CapturingLogger(new ArrayList<>()), 2);

    final HandlerInvoker.Result result =
        bounded.invoke(
            HandlerInvoker.Request.of(
                "CREATE",
                StudioTypes.DOMAIN,
                "Slow",
                json(
                    "{\"DomainName\": \"slow\", \"AuthMode\": \"IAM\", \"VpcId\": \"vpc-1\", \"SubnetIds\": [\"subnet-1\"], \"DefaultUserSettings\": {\"ExecutionRole\": \"%s\"}}"
                        .formatted(ROLE))),
            (request, event) -> events.add(event));

    assertThat(result.status()).isEqualTo("FAILED");
    assertThat(result.errorCode()).isEqualTo("NotStabilized");
    assertThat(result.message()).contains("Slow was still IN_PROGRESS after 2 invocations");
    assertThat(result.model().get("DomainId").asText()).startsWith("d-");
    assertThat(events)
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.get("status").asText()).isEqualTo("IN_PROGRESS"));
    // The second IN_PROGRESS ends it: no wait for a callback that will not come.
    assertThat(waits).hasSize(1).allSatisfy(w -> assertThat(w).isPositive());
    aws.clock.advance(Duration.ofHours(1));
    assertThat(aws.run("DELETE", StudioTypes.DOMAIN, "Slow", result.model()).succeeded()).isTrue();
  }

  @Test
  void listPassesTheNextToken(final EmulatedAws aws) {
    final HandlerInvoker.Result result =
        aws.invoker.invoke(
            new HandlerInvoker.Request(
                "LIST",
                StudioTypes.DOMAIN,
                "Any",
                json("{}"),
                null,
                Map.of(),
                null,
                "bm90LWEtdG9rZW4="),
            (request, event) -> {});
    assertThat(result.errorCode()).isEqualTo("InvalidRequest");
    assertThat(result.message()).contains("NextToken");
  }

  @Test
  void unknownTypesAreNamed() {
    assertThatThrownBy(() -> ResourceTypes.handled("AWS::S3::Bucket"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AWS::S3::Bucket")
        .hasMessageContaining(StudioTypes.DOMAIN);
  }

  @Test
  void credentialsNeverPrintThemselves() {
    assertThat(STACK.toString()).doesNotContain("secret-value").doesNotContain("token-value");
  }

  @Test
  void theLambdaContextIsThatOfATypeFunction() {
    final LocalLambdaContext context =
        new LocalLambdaContext(
            StudioTypes.DOMAIN, new EmulatedAws.CapturingLogger(new ArrayList<>()));
    assertThat(context.getFunctionName()).isEqualTo("Org-SageMaker-StudioDomain");
    assertThat(context.getRemainingTimeInMillis()).isEqualTo(60_000);
    assertThat(context.getMemoryLimitInMB()).isEqualTo(256);
    assertThat(
            List.of(
                context.getAwsRequestId(),
                context.getLogGroupName(),
                context.getLogStreamName(),
                context.getFunctionVersion(),
                context.getInvokedFunctionArn()))
        .doesNotContainNull();
    assertThat(context.getIdentity()).isNull();
    assertThat(context.getClientContext()).isNull();
  }
}
