package com.org.sagemaker.studiodomain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.CreateDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.UpdateDomainRequest;

class TranslatorTest extends DomainTestBase {

  @Test
  void createRequestCarriesCreateMembersAndTheMergedTags() {
    final CreateDomainRequest request =
        Translator.toCreateRequest(modelWithId(), Map.of("team", "ml"));
    assertThat(request.domainName()).isEqualTo("studio");
    assertThat(request.tags()).hasSize(1);
    // Without tags the request has none (not an empty list).
    assertThat(Translator.toCreateRequest(modelWithId(), Map.of()).hasTags()).isFalse();
  }

  @Test
  void updateWithoutAPreviousStateSendsEverythingUpdatable() {
    final UpdateDomainRequest request =
        Translator.toUpdateRequest(
                modelWithId().toBuilder()
                    .appNetworkAccessType("VpcOnly")
                    .domainSettings(
                        DomainSettings.builder().securityGroupIds(List.of("sg-1")).build())
                    .build(),
                null,
                false,
                message -> {})
            .orElseThrow();
    assertThat(request.vpcId()).isEqualTo("vpc-1");
    assertThat(request.subnetIds()).containsExactly("subnet-1", "subnet-2");
    assertThat(request.domainSettingsForUpdate().securityGroupIds()).containsExactly("sg-1");
    assertThat(request.domainSettingsForUpdate().rStudioServerProDomainSettingsForUpdate())
        .isNull();
    assertThat(request.defaultUserSettings().executionRole()).isEqualTo(ROLE);
  }

  @Test
  void nothingToUpdateWhenOnlyTagsOrTheRetentionPolicyChange() {
    final ResourceModel changedTagsAndRetention =
        modelWithId().toBuilder()
            .tags(modelTags(Map.of("other", "x")))
            .retentionPolicy(RetentionPolicy.builder().homeEfsFileSystem("Delete").build())
            .build();
    assertThat(
            Translator.toUpdateRequest(
                changedTagsAndRetention, modelWithId(), false, message -> {}))
        .isEmpty();
  }

  @Test
  void stayingVpcOnlyIsNoSwitch() {
    final ResourceModel vpcOnly = modelWithId().toBuilder().appNetworkAccessType("VpcOnly").build();
    assertThat(Translator.isSwitchingToVpcOnly(vpcOnly, vpcOnly)).isFalse();
    assertThat(Translator.isSwitchingToVpcOnly(vpcOnly, modelWithId())).isTrue();
    assertThat(Translator.isSwitchingToVpcOnly(modelWithId(), null)).isFalse();
  }

  @Test
  void retentionDefaultsToRetainEvenWithAnEmptyPolicy() {
    assertThat(
            Translator.toDeleteRequest(
                    modelWithId().toBuilder().retentionPolicy(new RetentionPolicy()).build())
                .retentionPolicy()
                .homeEfsFileSystemAsString())
        .isEqualTo("Retain");
  }
}
