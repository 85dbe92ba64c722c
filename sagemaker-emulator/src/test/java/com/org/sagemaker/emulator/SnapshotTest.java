package com.org.sagemaker.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.Tag;

class SnapshotTest extends EmulatorTestBase {

  @Test
  void aSnapshotRestoresDomainsProfilesAppsTagsAndPendingTransitions() throws Exception {
    final String domainId = inServiceDomain();
    inServiceProfile(domainId, "alice");
    createProfileApp(domainId, "alice");
    final String arn = sageMaker.describeDomain(r -> r.domainId(domainId)).domainArn();
    sageMaker.addTags(r -> r.resourceArn(arn).tags(Tag.builder().key("team").value("ml").build()));
    final String going = createDomain("going");
    advance(Timings.REALISTIC.domainCreate());
    sageMaker.deleteDomain(r -> r.domainId(going));

    final var snapshot = emulator.snapshot();
    final VirtualClock later = VirtualClock.manual(Instant.parse("2026-01-01T01:00:00Z"));
    try (SageMakerEmulator restored =
        SageMakerEmulator.start(SageMakerEmulator.Options.defaults().withClock(later))) {
      restored.restore(
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(snapshot.toString()));

      assertThat(restored.counts())
          .containsEntry("domains", 1)
          .containsEntry("userProfiles", 1)
          .containsEntry("apps", 1);
      assertThat(
              restored
                  .call(
                      "ListTags",
                      new com.fasterxml.jackson.databind.ObjectMapper()
                          .createObjectNode()
                          .put("ResourceArn", arn))
                  .toString())
          .contains("\"team\"");
      assertThat(
              restored
                  .call(
                      "ListApps",
                      new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode())
                  .toString())
          .contains("InService");
    }
  }
}
