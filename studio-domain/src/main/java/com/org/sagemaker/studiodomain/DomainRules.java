package com.org.sagemaker.studiodomain;

import com.org.sagemaker.common.HandlerFailure;
import java.util.List;
import java.util.Objects;
import software.amazon.cloudformation.proxy.HandlerErrorCode;

/**
 * Input rules the schema cannot express, checked before any SageMaker call so a bad template fails
 * at once with a message that names the property.
 */
public final class DomainRules {

  private DomainRules() {}

  public static void validate(final ResourceModel model) {
    if (Translator.VPC_ONLY.equals(model.getAppNetworkAccessType())
        && (model.getVpcId() == null || isEmpty(model.getSubnetIds()))) {
      throw invalid("AppNetworkAccessType VpcOnly needs VpcId and SubnetIds.");
    }
  }

  public static void validateUpdate(final ResourceModel desired, final ResourceModel previous) {
    validate(desired);
    final String previousManagement =
        previous == null ? null : previous.getAppSecurityGroupManagement();
    if (desired.getAppSecurityGroupManagement() != null
        && !Objects.equals(desired.getAppSecurityGroupManagement(), previousManagement)
        && !isRStudioEnabled(desired)) {
      // SageMaker: "AppSecurityGroupManagement can only be set for Rstudio enabled domains".
      throw invalid(
          "AppSecurityGroupManagement can only be changed on a domain with RStudio enabled"
              + " (DomainSettings.RStudioServerProDomainSettings.DomainExecutionRoleArn).");
    }
  }

  private static boolean isRStudioEnabled(final ResourceModel model) {
    return model.getDomainSettings() != null
        && model.getDomainSettings().getRStudioServerProDomainSettings() != null
        && model.getDomainSettings().getRStudioServerProDomainSettings().getDomainExecutionRoleArn()
            != null;
  }

  private static boolean isEmpty(final List<?> list) {
    return list == null || list.isEmpty();
  }

  private static HandlerFailure invalid(final String message) {
    return new HandlerFailure(HandlerErrorCode.InvalidRequest, message);
  }
}
