package com.org.sagemaker.studiodomain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.org.sagemaker.common.HandlerFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainRulesTest extends DomainTestBase {

  @Test
  void vpcOnlyNeedsBothVpcAndSubnets() {
    final ResourceModel vpcOnly = model().toBuilder().appNetworkAccessType("VpcOnly").build();
    assertThatCode(() -> DomainRules.validate(vpcOnly)).doesNotThrowAnyException();
    assertThatThrownBy(() -> DomainRules.validate(vpcOnly.toBuilder().vpcId(null).build()))
        .isInstanceOf(HandlerFailure.class)
        .hasMessageContaining("VpcId and SubnetIds");
    assertThatThrownBy(() -> DomainRules.validate(vpcOnly.toBuilder().subnetIds(List.of()).build()))
        .isInstanceOf(HandlerFailure.class);
  }

  @Test
  void everyDomainButAUnifiedStudioOneNeedsAVpcAndSubnets() {
    assertThatThrownBy(() -> DomainRules.validate(model().toBuilder().subnetIds(null).build()))
        .isInstanceOf(HandlerFailure.class)
        .hasMessageStartingWith("VpcId and SubnetIds are required");
    assertThatThrownBy(() -> DomainRules.validate(model().toBuilder().vpcId(null).build()))
        .isInstanceOf(HandlerFailure.class);
    assertThatCode(
            () ->
                DomainRules.validate(
                    model().toBuilder()
                        .vpcId(null)
                        .subnetIds(null)
                        .domainSettings(
                            DomainSettings.builder()
                                .unifiedStudioSettings(UnifiedStudioSettings.builder().build())
                                .build())
                        .build()))
        .doesNotThrowAnyException();
  }

  @Test
  void studioWebPortalDisabledNeedsAnotherLandingPage() {
    final ResourceModel classic =
        model().toBuilder()
            .defaultUserSettings(
                UserSettings.builder().executionRole(ROLE).studioWebPortal("DISABLED").build())
            .build();
    // Created so: fine (what SageMaker lands such a domain on is not established).
    assertThatCode(() -> DomainRules.validate(classic)).doesNotThrowAnyException();
    // Switched off later, SageMaker keeps its studio:: landing page and refuses
    // (terraform-provider-aws#35504).
    assertThatThrownBy(() -> DomainRules.validateUpdate(classic, model()))
        .isInstanceOf(HandlerFailure.class)
        .hasMessageContaining("app:JupyterServer:");
    final ResourceModel jupyter =
        classic.toBuilder()
            .defaultUserSettings(
                UserSettings.builder()
                    .executionRole(ROLE)
                    .studioWebPortal("DISABLED")
                    .defaultLandingUri("app:JupyterServer:")
                    .build())
            .build();
    assertThatCode(() -> DomainRules.validateUpdate(jupyter, model())).doesNotThrowAnyException();
    assertThatCode(() -> DomainRules.validateUpdate(classic, classic)).doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                DomainRules.validate(
                    classic.toBuilder()
                        .defaultUserSettings(
                            UserSettings.builder()
                                .executionRole(ROLE)
                                .studioWebPortal("DISABLED")
                                .defaultLandingUri("studio::")
                                .build())
                        .build()))
        .isInstanceOf(HandlerFailure.class);
  }

  @Test
  void appSecurityGroupManagementMayOnlyChangeWithRStudio() {
    final ResourceModel customer =
        modelWithId().toBuilder().appSecurityGroupManagement("Customer").build();
    assertThatThrownBy(() -> DomainRules.validateUpdate(customer, null))
        .isInstanceOf(HandlerFailure.class)
        .hasMessageContaining("AppSecurityGroupManagement");
    assertThatThrownBy(
            () ->
                DomainRules.validateUpdate(
                    customer.toBuilder().domainSettings(DomainSettings.builder().build()).build(),
                    modelWithId()))
        .isInstanceOf(HandlerFailure.class);
    assertThatThrownBy(
            () ->
                DomainRules.validateUpdate(
                    customer.toBuilder()
                        .domainSettings(
                            DomainSettings.builder()
                                .rStudioServerProDomainSettings(
                                    RStudioServerProDomainSettings.builder().build())
                                .build())
                        .build(),
                    modelWithId()))
        .isInstanceOf(HandlerFailure.class);
    // Unchanged, or RStudio enabled: fine.
    assertThatCode(() -> DomainRules.validateUpdate(customer, customer)).doesNotThrowAnyException();
    assertThatCode(
            () ->
                DomainRules.validateUpdate(
                    customer.toBuilder()
                        .domainSettings(
                            DomainSettings.builder()
                                .rStudioServerProDomainSettings(
                                    RStudioServerProDomainSettings.builder()
                                        .domainExecutionRoleArn(ROLE)
                                        .build())
                                .build())
                        .build(),
                    modelWithId()))
        .doesNotThrowAnyException();
    assertThatCode(() -> DomainRules.validateUpdate(modelWithId(), modelWithId()))
        .doesNotThrowAnyException();
  }
}
