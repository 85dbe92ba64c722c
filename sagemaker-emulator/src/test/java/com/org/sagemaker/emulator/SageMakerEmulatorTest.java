package com.org.sagemaker.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainResponse;
import software.amazon.awssdk.services.sagemaker.model.DomainDetails;
import software.amazon.awssdk.services.sagemaker.model.ListDomainsResponse;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

class SageMakerEmulatorTest extends EmulatorTestBase {

  @Test
  void aDomainGoesFromPendingToInServiceOnTheClock() {
    final String domainId = createDomain("studio");

    final DescribeDomainResponse pending = sageMaker.describeDomain(r -> r.domainId(domainId));
    assertThat(pending.statusAsString()).isEqualTo("Pending");
    assertThat(pending.domainId()).matches("d-[0-9a-f]{12}");
    assertThat(pending.domainArn()).endsWith(":domain/" + domainId);
    assertThat(pending.url()).contains(domainId);
    assertThat(pending.homeEfsFileSystemId()).startsWith("fs-");
    assertThat(pending.defaultUserSettings().executionRole()).isEqualTo(ROLE);
    assertThat(pending.subnetIds()).containsExactly("subnet-1");
    assertThat(pending.creationTime()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));

    advance(Timings.REALISTIC.domainCreate().minusSeconds(1));
    assertThat(sageMaker.describeDomain(r -> r.domainId(domainId)).statusAsString())
        .isEqualTo("Pending");
    advance(Duration.ofSeconds(1));
    assertThat(sageMaker.describeDomain(r -> r.domainId(domainId)).statusAsString())
        .isEqualTo("InService");
  }

  @Test
  void newTimingsApplyToTransitionsStartedAfterwards() {
    final String before = createDomain("before");
    emulator.setTimings(Timings.REALISTIC.scaledBy(10));
    final String after = createDomain("after");

    advance(Timings.REALISTIC.scaledBy(10).domainCreate());

    assertThat(sageMaker.describeDomain(r -> r.domainId(after)).statusAsString())
        .isEqualTo("InService");
    assertThat(sageMaker.describeDomain(r -> r.domainId(before)).statusAsString())
        .isEqualTo("Pending");
  }

  @Test
  void updatesApplyChangedMembersAndPassThroughUpdating() {
    final String domainId = inServiceDomain();

    sageMaker.updateDomain(
        r ->
            r.domainId(domainId)
                .defaultUserSettings(u -> u.securityGroups("sg-1"))
                .domainSettingsForUpdate(d -> d.securityGroupIds("sg-2")));

    final DescribeDomainResponse updating = sageMaker.describeDomain(r -> r.domainId(domainId));
    assertThat(updating.statusAsString()).isEqualTo("Updating");
    assertThat(updating.defaultUserSettings().executionRole()).isEqualTo(ROLE);
    assertThat(updating.defaultUserSettings().securityGroups()).containsExactly("sg-1");
    assertThat(updating.domainSettings().securityGroupIds()).containsExactly("sg-2");
    assertThatThrownBy(
            () -> sageMaker.updateDomain(r -> r.domainId(domainId).tagPropagation("ENABLED")))
        .isInstanceOf(ResourceInUseException.class);
    advance(Timings.REALISTIC.domainUpdate());
    assertThat(sageMaker.describeDomain(r -> r.domainId(domainId)).statusAsString())
        .isEqualTo("InService");
  }

  @Test
  void updateRulesTheRealServiceEnforces() {
    final String domainId = inServiceDomain();
    assertThatThrownBy(
            () ->
                sageMaker.updateDomain(
                    r -> r.domainId(domainId).appSecurityGroupManagement("Customer")))
        .isInstanceOf(SageMakerException.class)
        .hasMessageContaining("Rstudio enabled domains");
    assertThatThrownBy(
            () -> sageMaker.updateDomain(r -> r.domainId(domainId).appNetworkAccessType("VpcOnly")))
        .hasMessageContaining("VpcId and Subnet IDs are required");
  }

  @Test
  void deletedDomainsAreGoneAfterDeletingAndRetainTheirHomeVolumeByDefault() {
    final String domainId = inServiceDomain();
    final String fileSystem =
        sageMaker.describeDomain(r -> r.domainId(domainId)).homeEfsFileSystemId();

    sageMaker.deleteDomain(r -> r.domainId(domainId));

    assertThat(sageMaker.describeDomain(r -> r.domainId(domainId)).statusAsString())
        .isEqualTo("Deleting");
    advance(Timings.REALISTIC.domainDelete());
    assertThatThrownBy(() -> sageMaker.describeDomain(r -> r.domainId(domainId)))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining(domainId);
    assertThat(emulator.retainedFileSystems()).containsExactly(fileSystem);

    final String other = inServiceDomain();
    sageMaker.deleteDomain(
        r -> r.domainId(other).retentionPolicy(p -> p.homeEfsFileSystem("Delete")));
    assertThat(emulator.retainedFileSystems()).containsExactly(fileSystem);
  }

  @Test
  void validatesLikeTheApi() {
    assertThatThrownBy(() -> createDomain("not valid!"))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
              assertThat(e.statusCode()).isEqualTo(400);
            })
        .hasMessageContaining("at 'domainName' failed to satisfy constraint");
    assertThatThrownBy(
            () ->
                sageMaker.createDomain(
                    r -> r.domainName("x").defaultUserSettings(u -> u.executionRole(ROLE))))
        .hasMessageContaining("'authMode' failed to satisfy constraint: Member must not be null");
    assertThatThrownBy(
            () ->
                sageMaker.createDomain(
                    r ->
                        r.domainName("x")
                            .authMode("PASSWORD")
                            .defaultUserSettings(u -> u.executionRole(ROLE))))
        .hasMessageContaining("Member must satisfy enum value set: [IAM, SSO]");
    assertThatThrownBy(
            () ->
                sageMaker.createDomain(
                    r ->
                        r.domainName("x")
                            .authMode("IAM")
                            .defaultUserSettings(u -> u.executionRole("not-a-role"))))
        .hasMessageContaining("executionRole");
    assertThatThrownBy(
            () ->
                sageMaker.createDomain(
                    r ->
                        r.domainName("x")
                            .authMode("IAM")
                            .appNetworkAccessType("VpcOnly")
                            .defaultUserSettings(u -> u.executionRole(ROLE))))
        .hasMessageContaining("VpcId and SubnetIds are required");
    assertThatThrownBy(() -> sageMaker.describeDomain(r -> r.domainId("d-000000000000")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void listsPageWithNextTokenAndMaxResults() {
    final List<String> created = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      created.add(createDomain("studio-" + i));
    }
    final List<String> listed = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      final String next = token;
      final ListDomainsResponse page = sageMaker.listDomains(r -> r.maxResults(10).nextToken(next));
      page.domains().stream().map(DomainDetails::domainId).forEach(listed::add);
      token = page.nextToken();
      pages++;
    } while (token != null);
    assertThat(listed).isEqualTo(created);
    assertThat(pages).isEqualTo(3);
    assertThatThrownBy(() -> sageMaker.listDomains(r -> r.nextToken("garbage")))
        .hasMessageContaining("NextToken");
    assertThatThrownBy(() -> sageMaker.listDomains(r -> r.maxResults(101)))
        .hasMessageContaining("maxResults");
  }

  @Test
  void deletingTagsOfAResourceThatHasNoneIsANoOp() {
    final String domainId = inServiceDomain();
    final String arn = sageMaker.describeDomain(r -> r.domainId(domainId)).domainArn();

    sageMaker.deleteTags(r -> r.resourceArn(arn).tagKeys("team"));

    assertThat(sageMaker.listTags(r -> r.resourceArn(arn)).tags()).isEmpty();
  }

  @Test
  void theAccountsDomainLimitIsEnforced() {
    for (int i = 0; i < 30; i++) {
      createDomain("d" + i);
    }
    assertThatThrownBy(() -> createDomain("one-too-many"))
        .isInstanceOf(ResourceLimitExceededException.class);
  }

  @Test
  void unknownOperationsAndMalformedBodiesAreClientErrors() throws Exception {
    final var http = java.net.http.HttpClient.newHttpClient();
    final var response =
        http.send(
            java.net.http.HttpRequest.newBuilder(emulator.endpoint())
                .header("X-Amz-Target", "SageMaker.CreateModel")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("UnknownOperationException");
    final var malformed =
        http.send(
            java.net.http.HttpRequest.newBuilder(emulator.endpoint())
                .header("X-Amz-Target", "SageMaker.ListDomains")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{not json"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(malformed.body()).contains("SerializationException");
    assertThat(emulator.calls()).containsEntry("CreateModel", 1).containsEntry("ListDomains", 1);
    assertThat(emulator.totalCalls()).isEqualTo(2);
  }
}
