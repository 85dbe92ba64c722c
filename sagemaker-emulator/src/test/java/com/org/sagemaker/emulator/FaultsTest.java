package com.org.sagemaker.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainResponse;

class FaultsTest extends EmulatorTestBase {

  @Test
  void throttlingBurstsAndServerErrorsAreCountedDown() {
    emulator.faults().throttle("ListDomains", 2).serverError("*", 1);

    assertThatThrownBy(() -> sageMaker.listDomains(r -> {}))
        .isInstanceOfSatisfying(
            AwsServiceException.class, e -> assertThat(e.isThrottlingException()).isTrue());
    assertThatThrownBy(() -> sageMaker.listDomains(r -> {}))
        .isInstanceOf(AwsServiceException.class);
    assertThatThrownBy(() -> sageMaker.listDomains(r -> {}))
        .isInstanceOfSatisfying(
            AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
    assertThat(sageMaker.listDomains(r -> {}).domains()).isEmpty();
    assertThat(emulator.calls()).containsEntry("ListDomains", 4);
    assertThat(emulator.throttled()).isEqualTo(Map.of("ListDomains", 2));
  }

  @Test
  void aDenialIsAnAccessDeniedExceptionNamingTheAction() {
    emulator.faults().deny("ListDomains", 1);

    assertThatThrownBy(() -> sageMaker.listDomains(r -> {}))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            })
        .hasMessageContaining("not authorized to perform: sagemaker:ListDomains");
    assertThat(sageMaker.listDomains(r -> {}).domains()).isEmpty();
  }

  @Test
  void callsBeyondARateLimitAreCountedAsThrottled() throws Exception {
    try (SageMakerEmulator limited =
        SageMakerEmulator.start(
            SageMakerEmulator.Options.defaults()
                .withClock(clock)
                .withRateLimit("Describe", 1, 1))) {
      final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      final List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        statuses.add(
            http.send(
                    java.net.http.HttpRequest.newBuilder(limited.endpoint())
                        .header("X-Amz-Target", "SageMaker.DescribeDomain")
                        .POST(
                            java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"DomainId\": \"d-000000000bad\"}"))
                        .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString())
                .statusCode());
      }
      assertThat(statuses).containsExactly(400, 400);
      assertThat(limited.calls()).isEqualTo(Map.of("DescribeDomain", 2));
      assertThat(limited.throttled()).isEqualTo(Map.of("DescribeDomain", 1));
    }
    assertThat(
            List.of("DescribeUserProfile", "ListApps", "ListTags", "AddTags", "CreateDomain")
                .stream()
                .map(SageMakerEmulator::family))
        .containsExactly("Describe", "List", "Tags", "Tags", "Mutate");
  }

  @Test
  void transitionsCanFailWithAReasonOrHang() {
    emulator
        .faults()
        .transition(
            "Domain.Create", Faults.Outcome.FAIL, "Subnet subnet-1 has no free IP addresses");
    final String failed = createDomain("failing");
    advance(Timings.REALISTIC.domainCreate());
    final DescribeDomainResponse response = sageMaker.describeDomain(r -> r.domainId(failed));
    assertThat(response.statusAsString()).isEqualTo("Failed");
    assertThat(response.failureReason()).isEqualTo("Subnet subnet-1 has no free IP addresses");

    emulator.faults().transition("Domain.Create", Faults.Outcome.HANG, "");
    final String stuck = createDomain("stuck");
    advance(Duration.ofDays(1));
    assertThat(sageMaker.describeDomain(r -> r.domainId(stuck)).statusAsString())
        .isEqualTo("Pending");

    final String deleting = createDomain("deleting");
    advance(Timings.REALISTIC.domainCreate());
    emulator.faults().transition("Domain.Delete", Faults.Outcome.FAIL, "EFS in use");
    sageMaker.deleteDomain(r -> r.domainId(deleting));
    advance(Timings.REALISTIC.domainDelete());
    assertThat(sageMaker.describeDomain(r -> r.domainId(deleting)).statusAsString())
        .isEqualTo("Delete_Failed");
  }

  @Test
  void aLostResponseStillTookEffect() {
    emulator.faults().loseResponse("CreateDomain", 1);
    assertThatThrownBy(() -> createDomain("lost"))
        .isInstanceOfSatisfying(
            AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
    assertThat(emulator.counts()).containsEntry("domains", 1);
    createDomain("kept");
    assertThat(emulator.counts()).containsEntry("domains", 2);
  }

  @Test
  void latencyDelaysTheAnswer() {
    emulator.faults().latency("ListDomains", Duration.ofMillis(200));
    final long start = System.nanoTime();
    sageMaker.listDomains(r -> {});
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
    emulator.faults().clear();
    assertThat(emulator.faults().latency("ListDomains")).isZero();
  }
}
