package com.org.sagemaker.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DescribeUserProfileResponse;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SpaceDetails;
import software.amazon.awssdk.services.sagemaker.model.Tag;
import software.amazon.awssdk.services.sagemaker.model.UserProfileDetails;

class ProfilesAndSpacesTest extends EmulatorTestBase {

  @Test
  void aProfileIsCreatedUpdatedListedAndDeleted() {
    final String domainId = inServiceDomain();
    sageMaker.createUserProfile(
        r ->
            r.domainId(domainId).userProfileName("alice").userSettings(u -> u.executionRole(ROLE)));
    assertThat(describe(domainId, "alice").statusAsString()).isEqualTo("Pending");
    assertThatThrownBy(
            () -> sageMaker.updateUserProfile(r -> r.domainId(domainId).userProfileName("alice")))
        .isInstanceOf(ResourceInUseException.class);
    advance(Timings.REALISTIC.profileCreate());
    final DescribeUserProfileResponse created = describe(domainId, "alice");
    assertThat(created.statusAsString()).isEqualTo("InService");
    assertThat(created.userProfileArn()).endsWith(":user-profile/" + domainId + "/alice");
    assertThat(created.homeEfsFileSystemUid()).isNotBlank();

    sageMaker.updateUserProfile(
        r ->
            r.domainId(domainId)
                .userProfileName("alice")
                .userSettings(u -> u.securityGroups("sg-1")));
    assertThat(describe(domainId, "alice").statusAsString()).isEqualTo("Updating");
    assertThat(describe(domainId, "alice").userSettings().executionRole()).isEqualTo(ROLE);
    assertThat(describe(domainId, "alice").userSettings().securityGroups()).containsExactly("sg-1");
    advance(Timings.REALISTIC.profileUpdate());
    sageMaker.updateUserProfile(r -> r.domainId(domainId).userProfileName("alice"));
    advance(Timings.REALISTIC.profileUpdate());

    inServiceProfile(domainId, "bob");
    assertThat(sageMaker.listUserProfiles(r -> r.domainIdEquals(domainId)).userProfiles())
        .extracting(UserProfileDetails::userProfileName)
        .containsExactly("alice", "bob");
    assertThat(sageMaker.listUserProfiles(r -> r.userProfileNameContains("ob")).userProfiles())
        .extracting(UserProfileDetails::userProfileName)
        .containsExactly("bob");
    assertThat(sageMaker.listUserProfiles(r -> r.domainIdEquals("d-000000000000")).userProfiles())
        .isEmpty();

    sageMaker.deleteUserProfile(r -> r.domainId(domainId).userProfileName("alice"));
    sageMaker.deleteUserProfile(r -> r.domainId(domainId).userProfileName("alice"));
    assertThat(describe(domainId, "alice").statusAsString()).isEqualTo("Deleting");
    advance(Timings.REALISTIC.profileDelete());
    assertThatThrownBy(() -> describe(domainId, "alice"))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void ssoDomainsNeedTheSsoUser() {
    final String domainId =
        sageMaker
            .createDomain(
                r ->
                    r.domainName("sso")
                        .authMode("SSO")
                        .vpcId("vpc-1")
                        .subnetIds("subnet-1")
                        .defaultUserSettings(u -> u.executionRole(ROLE)))
            .domainId();
    advance(Timings.REALISTIC.domainCreate());
    assertThatThrownBy(
            () -> sageMaker.createUserProfile(r -> r.domainId(domainId).userProfileName("alice")))
        .hasMessageContaining("required for a domain in SSO mode");
    sageMaker.createUserProfile(
        r ->
            r.domainId(domainId)
                .userProfileName("alice")
                .singleSignOnUserIdentifier("UserName")
                .singleSignOnUserValue("alice@example.com"));
    assertThat(describe(domainId, "alice").singleSignOnUserValue()).isEqualTo("alice@example.com");
  }

  @Test
  void spacesAreListedWithOwnerAndSharingAndFiltered() {
    final String domainId = inServiceDomain();
    inServiceProfile(domainId, "alice");
    sageMaker.createSpace(
        r ->
            r.domainId(domainId)
                .spaceName("alice-space")
                .spaceSettings(p -> p.appType("JupyterLab"))
                .ownershipSettings(o -> o.ownerUserProfileName("alice")));
    sageMaker.createSpace(
        r ->
            r.domainId(domainId)
                .spaceName("team")
                .spaceSharingSettings(s -> s.sharingType("Shared")));
    assertThatThrownBy(
            () ->
                sageMaker.createSpace(
                    r ->
                        r.domainId(domainId)
                            .spaceName("team")
                            .spaceSharingSettings(s -> s.sharingType("Shared"))))
        .isInstanceOf(ResourceInUseException.class);
    assertThatThrownBy(
            () ->
                sageMaker.createSpace(
                    r ->
                        r.domainId(domainId)
                            .spaceName("x")
                            .spaceSettings(p -> p.appType("JupyterLab"))
                            .ownershipSettings(o -> o.ownerUserProfileName("nobody"))))
        .isInstanceOf(ResourceNotFoundException.class);

    final List<SpaceDetails> all = sageMaker.listSpaces(r -> r.domainIdEquals(domainId)).spaces();
    assertThat(all).extracting(SpaceDetails::spaceName).containsExactly("alice-space", "team");
    assertThat(all.get(0).ownershipSettingsSummary().ownerUserProfileName()).isEqualTo("alice");
    assertThat(all.get(0).spaceSharingSettingsSummary().sharingTypeAsString()).isEqualTo("Private");
    assertThat(all.get(1).ownershipSettingsSummary()).isNull();
    assertThat(all.get(1).spaceSharingSettingsSummary().sharingTypeAsString()).isEqualTo("Shared");
    assertThat(sageMaker.listSpaces(r -> r.spaceNameContains("tea")).spaces()).hasSize(1);
    assertThat(sageMaker.listSpaces(r -> r.domainIdEquals("d-000000000000")).spaces()).isEmpty();

    advance(Timings.REALISTIC.spaceCreate());
    sageMaker.deleteSpace(r -> r.domainId(domainId).spaceName("team"));
    sageMaker.deleteSpace(r -> r.domainId(domainId).spaceName("team"));
    assertThatThrownBy(() -> sageMaker.deleteSpace(r -> r.domainId(domainId).spaceName("nope")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> sageMaker.deleteDomain(r -> r.domainId(domainId)))
        .hasMessageContaining("space alice-space");
  }

  @Test
  void appsCannotBeCreatedTwiceAndBlockNetworkChanges() {
    final String domainId = inServiceDomain();
    inServiceProfile(domainId, "alice");
    createProfileApp(domainId, "alice");
    assertThatThrownBy(
            () ->
                sageMaker.createApp(
                    r ->
                        r.domainId(domainId)
                            .userProfileName("alice")
                            .appType("JupyterServer")
                            .appName("default")))
        .isInstanceOf(ResourceInUseException.class);
    assertThatThrownBy(
            () ->
                sageMaker.createApp(
                    r ->
                        r.domainId(domainId)
                            .userProfileName("alice")
                            .appType("Notebook")
                            .appName("x")))
        .hasMessageContaining("appType");
    assertThatThrownBy(
            () ->
                sageMaker.updateDomain(
                    r ->
                        r.domainId(domainId)
                            .appNetworkAccessType("VpcOnly")
                            .vpcId("vpc-1")
                            .subnetIds("subnet-1")))
        .hasMessageContaining("no apps in the InService, Pending or Deleting state");
    advance(Timings.REALISTIC.appCreate());
    deleteProfileApp(domainId, "alice");
    deleteProfileApp(domainId, "alice");
    advance(Timings.REALISTIC.appDelete());
    // A Deleted app's name can be used again.
    createProfileApp(domainId, "alice");
  }

  @Test
  void domainUpdatesHonourRStudioAndNetworkRules() {
    final String domainId = inServiceDomain();
    sageMaker.updateDomain(
        r ->
            r.domainId(domainId)
                .domainSettingsForUpdate(
                    d ->
                        d.rStudioServerProDomainSettingsForUpdate(
                            s -> s.domainExecutionRoleArn(ROLE)))
                .appSecurityGroupManagement("Service"));
    advance(Timings.REALISTIC.domainUpdate());
    assertThat(
            sageMaker
                .describeDomain(r -> r.domainId(domainId))
                .domainSettings()
                .rStudioServerProDomainSettings()
                .domainExecutionRoleArn())
        .isEqualTo(ROLE);
    sageMaker.updateDomain(r -> r.domainId(domainId).appSecurityGroupManagement("Customer"));
    advance(Timings.REALISTIC.domainUpdate());
    assertThat(
            sageMaker
                .describeDomain(r -> r.domainId(domainId))
                .appSecurityGroupManagementAsString())
        .isEqualTo("Customer");

    final String plain = createDomain("plain");
    advance(Timings.REALISTIC.domainCreate());
    sageMaker.updateDomain(
        r ->
            r.domainId(plain)
                .appNetworkAccessType("VpcOnly")
                .vpcId("vpc-1")
                .subnetIds("subnet-1", "subnet-2"));
    advance(Timings.REALISTIC.domainUpdate());
    // Even when it is VpcOnly already, VpcOnly goes with the VPC (terraform-provider-aws#45528).
    assertThatThrownBy(
            () -> sageMaker.updateDomain(r -> r.domainId(plain).appNetworkAccessType("VpcOnly")))
        .hasMessageContaining("VpcId and Subnet IDs are required");
    assertThat(sageMaker.describeDomain(r -> r.domainId(plain)).subnetIds())
        .containsExactly("subnet-1", "subnet-2");
    sageMaker.deleteDomain(r -> r.domainId(plain));
    sageMaker.deleteDomain(r -> r.domainId(plain));
  }

  @Test
  void rejectsMalformedMembers() {
    assertThatThrownBy(
            () ->
                sageMaker.createDomain(
                    r ->
                        r.domainName("x")
                            .authMode("IAM")
                            .vpcId("vpc-1")
                            .defaultUserSettings(u -> u.executionRole(ROLE))
                            .subnetIds(Collections.nCopies(17, "subnet-1"))))
        .hasMessageContaining("less than or equal to 16");
    assertThatThrownBy(
            () ->
                sageMaker.createDomain(
                    r ->
                        r.domainName("x")
                            .authMode("IAM")
                            .vpcId("vpc-1")
                            .defaultUserSettings(u -> u.executionRole(ROLE))
                            .subnetIds("subnet 1")))
        .hasMessageContaining("subnetIds");
    assertThatThrownBy(
            () ->
                sageMaker.createDomain(
                    r ->
                        r.domainName("x")
                            .authMode("IAM")
                            .defaultUserSettings(u -> u.securityGroups("sg/1"))))
        .hasMessageContaining("securityGroups");
    assertThatThrownBy(() -> sageMaker.createDomain(r -> r.domainName("x").authMode("IAM")))
        .hasMessageContaining("defaultUserSettings");
    assertThatThrownBy(
            () ->
                sageMaker.createDomain(
                    r ->
                        r.domainName("x")
                            .authMode("IAM")
                            .vpcId("vpc-1")
                            .subnetIds("subnet-1")
                            .defaultUserSettings(u -> u.executionRole(ROLE))
                            .tags(Tag.builder().key("").value("v").build())))
        .hasMessageContaining("tags.member.key");
    final String domainId = inServiceDomain();
    final String arn = sageMaker.describeDomain(r -> r.domainId(domainId)).domainArn();
    assertThatThrownBy(() -> sageMaker.deleteTags(r -> r.resourceArn(arn).tagKeys(List.of())))
        .hasMessageContaining("tagKeys");
    assertThatThrownBy(
            () ->
                sageMaker.deleteDomain(
                    r -> r.domainId(domainId).retentionPolicy(p -> p.homeEfsFileSystem("Keep"))))
        .hasMessageContaining("enum value set");
    assertThatThrownBy(() -> describe(domainId, "ghost"))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  private DescribeUserProfileResponse describe(final String domainId, final String name) {
    return sageMaker.describeUserProfile(r -> r.domainId(domainId).userProfileName(name));
  }
}
