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

  private static final String STUDIO = "studio::";
  private static final String DISABLED = "DISABLED";

  public static void validate(final ResourceModel model) {
    if (Translator.VPC_ONLY.equals(model.getAppNetworkAccessType())
        && (model.getVpcId() == null || isEmpty(model.getSubnetIds()))) {
      throw invalid("AppNetworkAccessType VpcOnly needs VpcId and SubnetIds.");
    }
    // CreateDomain's SubnetIds and VpcId are "optional when the AppNetworkAccessType parameter is
    // set to PublicInternetOnly for domains created from Amazon SageMaker Unified Studio" (API
    // reference): every other domain needs both.
    final boolean unifiedStudio =
        model.getDomainSettings() != null
            && model.getDomainSettings().getUnifiedStudioSettings() != null;
    if (!unifiedStudio && (model.getVpcId() == null || isEmpty(model.getSubnetIds()))) {
      throw invalid(
          "VpcId and SubnetIds are required: SageMaker puts the domain's network interfaces in"
              + " them (only a Unified Studio domain, DomainSettings.UnifiedStudioSettings, with"
              + " PublicInternetOnly may leave them out).");
    }
    requireLandingAllowed(model.getDefaultUserSettings(), false);
  }

  /**
   * DefaultLandingUri studio:: "can only be passed if StudioWebPortal is set to ENABLED" (API
   * reference, UserSettings), and SageMaker keeps studio:: (a new domain's default) when only
   * StudioWebPortal changes to DISABLED: "StudioWebPortal is disabled for this domain/user."
   * (terraform-provider-aws#35504).
   */
  private static void requireLandingAllowed(final UserSettings settings, final boolean disabling) {
    if (settings == null || !DISABLED.equals(settings.getStudioWebPortal())) {
      return;
    }
    final String landing = settings.getDefaultLandingUri();
    if (STUDIO.equals(landing) || (disabling && landing == null)) {
      throw invalid(
          "DefaultUserSettings.StudioWebPortal DISABLED needs a DefaultLandingUri other than"
              + " studio::, e.g. app:JupyterServer: for Studio Classic: SageMaker refuses"
              + " StudioWebPortal DISABLED while the landing page is Studio.");
    }
  }

  public static void validateUpdate(final ResourceModel desired, final ResourceModel previous) {
    validate(desired);
    final UserSettings before = previous == null ? null : previous.getDefaultUserSettings();
    requireLandingAllowed(
        desired.getDefaultUserSettings(),
        before == null || !DISABLED.equals(before.getStudioWebPortal()));
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
