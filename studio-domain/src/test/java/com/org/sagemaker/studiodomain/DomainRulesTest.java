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
    assertThatCode(() -> DomainRules.validate(model().toBuilder().subnetIds(null).build()))
        .doesNotThrowAnyException();
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
