package com.org.sagemaker.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.AppDetails;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/** User profiles, apps, spaces and tags, and the order SageMaker makes you delete them in. */
class DependentsTest extends EmulatorTestBase {

  @Test
  void aDomainWithProfilesOrSpacesCannotBeDeleted() {
    final String domainId = inServiceDomain();
    inServiceProfile(domainId, "alice");

    assertThatThrownBy(() -> sageMaker.deleteDomain(r -> r.domainId(domainId)))
        .isInstanceOf(ResourceInUseException.class)
        .hasMessageContaining("user profile alice");
  }

  @Test
  void profileNamesAreUniquePerDomainIgnoringCase() {
    final String domainId = inServiceDomain();
    inServiceProfile(domainId, "alice");
    assertThatThrownBy(
            () -> sageMaker.createUserProfile(r -> r.domainId(domainId).userProfileName("Alice")))
        .isInstanceOf(ResourceInUseException.class);
    assertThatThrownBy(
            () ->
                sageMaker.createUserProfile(
                    r -> r.domainId("d-000000000000").userProfileName("bob")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () ->
                sageMaker.createUserProfile(
                    r ->
                        r.domainId(domainId)
                            .userProfileName("carol")
                            .singleSignOnUserIdentifier("UserName")
                            .singleSignOnUserValue("carol")))
        .hasMessageContaining("only supported for domains in SSO mode");
  }

  @Test
  void aProfileWithAppsOrPrivateSpacesCannotBeDeletedUntilTheyAreGone() {
    final String domainId = inServiceDomain();
    inServiceProfile(domainId, "alice");
    createProfileApp(domainId, "alice");
    sageMaker.createSpace(
        r ->
            r.domainId(domainId)
                .spaceName("alice-space")
                .spaceSettings(p -> p.appType("JupyterLab"))
                .ownershipSettings(o -> o.ownerUserProfileName("alice"))
                .spaceSharingSettings(s -> s.sharingType("Private")));
    advance(Timings.REALISTIC.appCreate());
    sageMaker.createApp(
        r ->
            r.domainId(domainId).spaceName("alice-space").appType("JupyterLab").appName("default"));

    assertThatThrownBy(
            () -> sageMaker.deleteUserProfile(r -> r.domainId(domainId).userProfileName("alice")))
        .isInstanceOf(ResourceInUseException.class)
        .hasMessageContaining("because App(s) are associated with it");
    assertThatThrownBy(
            () ->
                sageMaker.deleteApp(
                    r ->
                        r.domainId(domainId)
                            .spaceName("alice-space")
                            .appType("JupyterLab")
                            .appName("default")))
        .hasMessageContaining("Pending state");

    deleteProfileApp(domainId, "alice");
    advance(Timings.REALISTIC.appCreate());
    assertThatThrownBy(
            () -> sageMaker.deleteSpace(r -> r.domainId(domainId).spaceName("alice-space")))
        .hasMessageContaining("because App(s) are associated with it");
    sageMaker.deleteApp(
        r ->
            r.domainId(domainId).spaceName("alice-space").appType("JupyterLab").appName("default"));
    advance(Timings.REALISTIC.appDelete());

    // Deleted apps stay listed, as Deleted.
    assertThat(sageMaker.listApps(r -> r.domainIdEquals(domainId)).apps())
        .extracting(AppDetails::statusAsString)
        .containsOnly("Deleted");
    sageMaker.deleteSpace(r -> r.domainId(domainId).spaceName("alice-space"));
    advance(Timings.REALISTIC.spaceDelete());
    sageMaker.deleteUserProfile(r -> r.domainId(domainId).userProfileName("alice"));
    advance(Timings.REALISTIC.profileDelete());
    assertThat(emulator.counts())
        .containsEntry("userProfiles", 0)
        .containsEntry("apps", 0)
        .containsEntry("spaces", 0);
    assertThatThrownBy(
            () ->
                sageMaker.deleteApp(
                    r ->
                        r.domainId(domainId)
                            .userProfileName("alice")
                            .appType("JupyterServer")
                            .appName("default")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () ->
                sageMaker.deleteApp(
                    r -> r.domainId(domainId).appType("JupyterServer").appName("default")))
        .hasMessageContaining("exactly one of UserProfileName and SpaceName");
  }

  @Test
  void tagsAreAddedOverwrittenListedAndDeleted() {
    final String domainId = inServiceDomain();
    final String arn = sageMaker.describeDomain(r -> r.domainId(domainId)).domainArn();

    sageMaker.addTags(
        r ->
            r.resourceArn(arn)
                .tags(
                    Tag.builder().key("a").value("1").build(),
                    Tag.builder().key("b").value("2").build()));
    sageMaker.addTags(r -> r.resourceArn(arn).tags(Tag.builder().key("a").value("3").build()));
    sageMaker.deleteTags(r -> r.resourceArn(arn).tagKeys("b"));

    assertThat(sageMaker.listTags(r -> r.resourceArn(arn).maxResults(50)).tags())
        .containsExactly(Tag.builder().key("a").value("3").build());
    assertThatThrownBy(() -> sageMaker.listTags(r -> r.resourceArn(arn).maxResults(10)))
        .hasMessageContaining("greater than or equal to 50");
    assertThatThrownBy(() -> sageMaker.listTags(r -> r.resourceArn(arn + "x")))
        .hasMessageContaining("does not exist");
    assertThat(
            emulator
                .call(
                    "ListTags",
                    new com.fasterxml.jackson.databind.ObjectMapper()
                        .createObjectNode()
                        .put("ResourceArn", arn))
                .toString())
        .contains("\"Key\":\"a\"");
    assertThat(Map.of("x", 1)).isNotEmpty();
  }
}
