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
  }

  /** The domain must be InService, and SSO fields must match its AuthMode. */
  static void validateForDomain(final ResourceModel model, final DescribeDomainResponse domain) {
    if (!Stabilization.IN_SERVICE.equals(domain.statusAsString())) {
      throw new HandlerFailure(
          HandlerErrorCode.ResourceConflict,
          String.format(
              "Domain %s is %s; user profiles can only be created in an InService domain.",
              model.getDomainId(), domain.statusAsString()));
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
