package com.org.sagemaker.studiouserprofile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.common.Pages;
import com.org.sagemaker.common.SchemaDefaults;
import com.org.sagemaker.common.SdkJson;
import com.org.sagemaker.common.Tagging;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.json.JSONObject;
import software.amazon.awssdk.services.sagemaker.model.CreateUserProfileRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteUserProfileRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeUserProfileRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeUserProfileResponse;
import software.amazon.awssdk.services.sagemaker.model.ListUserProfilesRequest;
import software.amazon.awssdk.services.sagemaker.model.UpdateUserProfileRequest;
import software.amazon.awssdk.services.sagemaker.model.UserProfileDetails;
import software.amazon.cloudformation.proxy.Logger;

/**
 * Every mapping between the resource model and SageMaker's user-profile API. Model properties carry
 * the API's member names, so UserSettings maps through JSON (see {@link SdkJson}).
 */
final class Translator {

  private static final Set<String> MODEL_PROPERTIES = SdkJson.modelProperties(ResourceModel.class);
  private static final String USER_SETTINGS = "UserSettings";

  /** The type's schema, read once per process (Configuration reads the file on every call). */
  static final JSONObject RESOURCE_SCHEMA = new Configuration().resourceSchemaJSONObject();

  private static final SchemaDefaults DEFAULTS = new SchemaDefaults(RESOURCE_SCHEMA);

  private Translator() {}

  static CreateUserProfileRequest toCreateRequest(
      final ResourceModel model, final Map<String, String> tags) {
    return Tagging.createRequest(CreateUserProfileRequest.builder(), model, tags);
  }

  static DescribeUserProfileRequest toDescribeRequest(final ResourceModel model) {
    return DescribeUserProfileRequest.builder()
        .domainId(model.getDomainId())
        .userProfileName(model.getUserProfileName())
        .build();
  }

  static DescribeDomainRequest toDescribeDomainRequest(final ResourceModel model) {
    return DescribeDomainRequest.builder().domainId(model.getDomainId()).build();
  }

  /**
   * UpdateUserProfile takes UserSettings only; empty when they did not change. A profile's settings
   * have almost no defaults of their own (what it leaves unset, the domain's DefaultUserSettings
   * decide), so a setting removed from the template fails here, before any call, or is kept in a
   * {@code rollback} (see {@link SchemaDefaults}).
   */
  static Optional<UpdateUserProfileRequest> toUpdateRequest(
      final ResourceModel desired,
      final ResourceModel previous,
      final boolean rollback,
      final Logger logger) {
    final ObjectNode previousJson =
        previous == null ? SdkJson.modelToJson(desired) : SdkJson.modelToJson(previous);
    final ObjectNode desiredJson =
        DEFAULTS.resetRemoved(
            previousJson, SdkJson.modelToJson(desired), List.of(USER_SETTINGS), rollback, logger);
    final JsonNode want = desiredJson.get(USER_SETTINGS);
    final JsonNode had = previousJson.get(USER_SETTINGS);
    if (want == null || Objects.equals(want, had)) {
      return Optional.empty();
    }
    final ObjectNode update = desiredJson.retain("DomainId", "UserProfileName", USER_SETTINGS);
    return Optional.of(SdkJson.build(UpdateUserProfileRequest.builder(), update));
  }

  static DeleteUserProfileRequest toDeleteRequest(final ResourceModel model) {
    return DeleteUserProfileRequest.builder()
        .domainId(model.getDomainId())
        .userProfileName(model.getUserProfileName())
        .build();
  }

  static ListUserProfilesRequest toListRequest(final String domainId, final String nextToken) {
    return ListUserProfilesRequest.builder()
        .domainIdEquals(domainId)
        .nextToken(nextToken)
        .maxResults(Pages.MAX_RESULTS)
        .build();
  }

  /**
   * The model as SageMaker reports it, with the user's tags (reserved aws: tags and the stack's own
   * tags left out).
   */
  static ResourceModel fromDescribe(
      final DescribeUserProfileResponse profile,
      final Map<String, String> tags,
      final Set<String> stackOnlyKeys) {
    final ObjectNode json = SdkJson.retain(SdkJson.toJson(profile), MODEL_PROPERTIES);
    DEFAULTS.fill(json);
    Tagging.putModelTags(json, tags, stackOnlyKeys);
    return SdkJson.jsonToModel(json, ResourceModel.class);
  }

  static ResourceModel fromSummary(final UserProfileDetails profile) {
    return ResourceModel.builder()
        .domainId(profile.domainId())
        .userProfileName(profile.userProfileName())
        .build();
  }
}
