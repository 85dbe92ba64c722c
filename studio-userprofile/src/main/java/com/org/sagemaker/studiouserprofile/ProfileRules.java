package com.org.sagemaker.studiouserprofile;

import com.org.sagemaker.common.HandlerFailure;
import com.org.sagemaker.common.Stabilization;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainResponse;
import software.amazon.cloudformation.proxy.HandlerErrorCode;

/**
 * Input rules the schema cannot express, checked before the profile is created so a bad template
 * fails at once with a message that names the property or the domain.
 */
public final class ProfileRules {

  private static final String SSO = "SSO";

  private ProfileRules() {}

  public static void validate(final ResourceModel model) {
    if ((model.getSingleSignOnUserIdentifier() == null)
        != (model.getSingleSignOnUserValue() == null)) {
      throw new HandlerFailure(
          HandlerErrorCode.InvalidRequest,
          "SingleSignOnUserIdentifier and SingleSignOnUserValue must be set together.");
    }
    // DefaultLandingUri studio:: "can only be passed if StudioWebPortal is set to ENABLED" (API
    // reference, UserSettings); SageMaker: "StudioWebPortal is disabled for this domain/user."
    // (terraform-provider-aws#35504).
    final UserSettings settings = model.getUserSettings();
    if (settings != null
        && "DISABLED".equals(settings.getStudioWebPortal())
        && "studio::".equals(settings.getDefaultLandingUri())) {
      throw new HandlerFailure(
          HandlerErrorCode.InvalidRequest,
          "UserSettings.StudioWebPortal DISABLED needs a DefaultLandingUri other than studio::, e.g."
              + " app:JupyterServer: for Studio Classic.");
    }
  }

  /**
   * The domain must be InService (one that is Failed, Update_Failed or being deleted takes no new
   * profiles until it is repaired), and SSO fields must match its AuthMode.
   */
  static void validateForDomain(final ResourceModel model, final DescribeDomainResponse domain) {
    if (!Stabilization.IN_SERVICE.equals(domain.statusAsString())) {
      throw new HandlerFailure(
          HandlerErrorCode.InvalidRequest,
          String.format(
              "Domain %s is %s%s; user profiles can only be created in an InService domain. Repair"
                  + " or replace the domain first.",
              model.getDomainId(),
              domain.statusAsString(),
              domain.failureReason() == null ? "" : " (" + domain.failureReason() + ")"));
    }
    final boolean ssoDomain = SSO.equals(domain.authModeAsString());
    if (ssoDomain && model.getSingleSignOnUserIdentifier() == null) {
      throw new HandlerFailure(
          HandlerErrorCode.InvalidRequest,
          String.format(
              "Domain %s uses SSO: SingleSignOnUserIdentifier (UserName) and"
                  + " SingleSignOnUserValue are required.",
              model.getDomainId()));
    }
    if (!ssoDomain && model.getSingleSignOnUserIdentifier() != null) {
      throw new HandlerFailure(
          HandlerErrorCode.InvalidRequest,
          String.format(
              "Domain %s uses %s authentication: SingleSignOnUserIdentifier and"
                  + " SingleSignOnUserValue are only for SSO domains.",
              model.getDomainId(), domain.authModeAsString()));
    }
  }
}
