package com.org.sagemaker.common;

import com.org.sagemaker.common.HandlerPermissions.Reason;
import java.util.HashMap;
import java.util.Map;

/**
 * Reasons both types declare for actions their handlers need but do not call: SageMaker checks or
 * performs them with the caller's credentials. The sources are link references that
 * docs/permissions.md defines.
 */
public final class OnYourBehalf {

  public static final Reason PASS_ROLE =
      new Reason(
          "SageMaker on your behalf when the model names execution roles: it checks that you may"
              + " pass each one",
          "[IAM: passing a role][passrole]; [API permissions][api-permissions] (CreateDomain,"
              + " CreateUserProfile); AWS's [Domain][aws-domain-schema] and"
              + " [UserProfile][aws-profile-schema] schemas (create, update)");

  public static final Reason TAG_ON_CREATE =
      new Reason(
          "SageMaker on your behalf when the model has `Tags`: it authorizes the create call's"
              + " tags as `AddTags`",
          "[`sagemaker:TaggingAction`][sar-sagemaker]; [Studio resources need"
              + " AddTags][resource-isolation]");

  public static final Reason CUSTOM_IMAGES =
      new Reason(
          "SageMaker on your behalf when app settings name `CustomImages`",
          "AWS's [Domain][aws-domain-schema] and [UserProfile][aws-profile-schema] schemas"
              + " (create, update)");

  private OnYourBehalf() {}

  /** The custom-image look-ups, declared on create and update of both types. */
  public static Map<String, Reason> customImages() {
    return Map.of(
        "sagemaker:DescribeImage", CUSTOM_IMAGES, "sagemaker:DescribeImageVersion", CUSTOM_IMAGES);
  }

  /** One handler's declarations, from several parts. */
  @SafeVarargs
  public static Map<String, Reason> declared(final Map<String, Reason>... parts) {
    final Map<String, Reason> all = new HashMap<>();
    for (final Map<String, Reason> part : parts) {
      all.putAll(part);
    }
    return Map.copyOf(all);
  }
}
