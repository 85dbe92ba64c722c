package com.org.sagemaker.studiodomain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.common.SchemaDefaults;
import com.org.sagemaker.common.SdkJson;
import com.org.sagemaker.common.Tagging;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.json.JSONObject;
import software.amazon.awssdk.services.sagemaker.model.CreateDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainResponse;
import software.amazon.awssdk.services.sagemaker.model.DomainDetails;
import software.amazon.awssdk.services.sagemaker.model.ListDomainsRequest;
import software.amazon.awssdk.services.sagemaker.model.UpdateDomainRequest;
import software.amazon.cloudformation.proxy.Logger;

/**
 * Every mapping between the resource model and SageMaker's domain API. Model properties carry the
 * API's member names, so nested settings map through JSON (see {@link SdkJson}); this class holds
 * the exceptions to that rule.
 */
final class Translator {

  static final String RETAIN = "Retain";
  static final String VPC_ONLY = "VpcOnly";
  static final int LIST_PAGE_SIZE = 100;

  private static final Set<String> MODEL_PROPERTIES = SdkJson.modelProperties(ResourceModel.class);

  /** Properties UpdateDomain accepts under the same name; DomainSettings is renamed. */
  private static final List<String> UPDATE_MEMBERS =
      List.of(
          "DefaultUserSettings",
          "DefaultSpaceSettings",
          "AppSecurityGroupManagement",
          "SubnetIds",
          "AppNetworkAccessType",
          "TagPropagation");

  private static final String DOMAIN_SETTINGS = "DomainSettings";

  /** The domain's settings: what UpdateDomain changes, and what a template may remove. */
  static final List<String> SETTINGS =
      List.of(
          "DefaultUserSettings",
          "DefaultSpaceSettings",
          DOMAIN_SETTINGS,
          "AppSecurityGroupManagement",
          "SubnetIds",
          "AppNetworkAccessType",
          "TagPropagation");

  /** The type's schema, read once per process (Configuration reads the file on every call). */
  static final JSONObject RESOURCE_SCHEMA = new Configuration().resourceSchemaJSONObject();

  /**
   * A new domain's landing page is Studio (studio::, as DescribeDomain reports for a new domain:
   * terraform-provider-aws#40726) only while Studio is enabled: studio:: "can only be passed if
   * StudioWebPortal is set to ENABLED" (API reference, UserSettings.DefaultLandingUri).
   */
  private static final SchemaDefaults DEFAULTS =
      new SchemaDefaults(RESOURCE_SCHEMA)
          .onlyWhen(
              "DefaultUserSettings.DefaultLandingUri",
              settings -> !"DISABLED".equals(settings.path("StudioWebPortal").asText()));

  private Translator() {}

  static CreateDomainRequest toCreateRequest(
      final ResourceModel model, final Map<String, String> tags) {
    return Tagging.createRequest(CreateDomainRequest.builder(), model, tags);
  }

  static DescribeDomainRequest toDescribeRequest(final ResourceModel model) {
    return DescribeDomainRequest.builder().domainId(model.getDomainId()).build();
  }

  /**
   * The UpdateDomain request for what changed between the two models, or empty when no domain
   * setting changed (tags and the delete-time RetentionPolicy are not domain settings). A setting
   * the template removed is sent as its default, or kept in a {@code rollback} where it has none
   * (see {@link SchemaDefaults}). Only changed members are sent: SageMaker rejects some of them,
   * e.g. AppNetworkAccessType, while apps are running, even when the value is unchanged.
   */
  static Optional<UpdateDomainRequest> toUpdateRequest(
      final ResourceModel desired,
      final ResourceModel previous,
      final boolean rollback,
      final Logger logger) {
    final ObjectNode had =
        previous == null ? JsonNodeFactory.instance.objectNode() : SdkJson.modelToJson(previous);
    final ObjectNode want =
        DEFAULTS.resetRemoved(had, SdkJson.modelToJson(desired), SETTINGS, rollback, logger);
    final ObjectNode update = JsonNodeFactory.instance.objectNode();
    for (final String member : UPDATE_MEMBERS) {
      if (changed(want, had, member)) {
        update.set(member, want.get(member));
      }
    }
    if (changed(want, had, DOMAIN_SETTINGS)) {
      update.set(
          "DomainSettingsForUpdate",
          domainSettingsForUpdate(
              changedMembers(want.get(DOMAIN_SETTINGS), had.get(DOMAIN_SETTINGS))));
    }
    if (isSwitchingToVpcOnly(desired, previous)) {
      // SageMaker needs both alongside the switch, changed or not (terraform-provider-aws#45528).
      update.set("VpcId", want.get("VpcId"));
      update.set("SubnetIds", want.get("SubnetIds"));
    }
    if (update.isEmpty()) {
      return Optional.empty();
    }
    update.put("DomainId", desired.getDomainId());
    return Optional.of(SdkJson.build(UpdateDomainRequest.builder(), update));
  }

  static boolean isSwitchingToVpcOnly(final ResourceModel desired, final ResourceModel previous) {
    return VPC_ONLY.equals(desired.getAppNetworkAccessType())
        && (previous == null || !VPC_ONLY.equals(previous.getAppNetworkAccessType()));
  }

  private static boolean changed(final JsonNode want, final JsonNode had, final String member) {
    return want.has(member) && !Objects.equals(want.get(member), had.get(member));
  }

  /**
   * The members of {@code want} that differ from {@code had}: UpdateDomain keeps what it is not
   * given, and SageMaker refuses some of them (RStudio settings) while apps run even unchanged.
   */
  private static JsonNode changedMembers(final JsonNode want, final JsonNode had) {
    final ObjectNode changed = JsonNodeFactory.instance.objectNode();
    want.properties()
        .forEach(
            e -> {
              if (had == null || !Objects.equals(e.getValue(), had.get(e.getKey()))) {
                changed.set(e.getKey(), e.getValue());
              }
            });
    return changed;
  }

  private static JsonNode domainSettingsForUpdate(final JsonNode domainSettings) {
    final ObjectNode settings = domainSettings.deepCopy();
    final JsonNode rStudio = settings.remove("RStudioServerProDomainSettings");
    if (rStudio != null) {
      settings.set("RStudioServerProDomainSettingsForUpdate", rStudio);
    }
    return settings;
  }

  /** RetentionPolicy defaults to Retain: a stack delete never destroys home directories. */
  static DeleteDomainRequest toDeleteRequest(final ResourceModel model) {
    final RetentionPolicy policy = model.getRetentionPolicy();
    final String homeEfsFileSystem =
        policy == null || policy.getHomeEfsFileSystem() == null
            ? RETAIN
            : policy.getHomeEfsFileSystem();
    return DeleteDomainRequest.builder()
        .domainId(model.getDomainId())
        .retentionPolicy(r -> r.homeEfsFileSystem(homeEfsFileSystem))
        .build();
  }

  static ListDomainsRequest toListRequest(final String nextToken) {
    return ListDomainsRequest.builder().nextToken(nextToken).maxResults(LIST_PAGE_SIZE).build();
  }

  /**
   * The model as SageMaker reports it, with the defaults of what it leaves out, and the user's tags
   * (reserved aws: tags and the stack's own tags left out).
   */
  static ResourceModel fromDescribe(
      final DescribeDomainResponse domain,
      final Map<String, String> tags,
      final Set<String> stackOnlyKeys) {
    final ObjectNode json = SdkJson.retain(SdkJson.toJson(domain), MODEL_PROPERTIES);
    DEFAULTS.fill(json);
    Tagging.putModelTags(json, tags, stackOnlyKeys);
    return SdkJson.jsonToModel(json, ResourceModel.class);
  }

  static ResourceModel fromSummary(final DomainDetails domain) {
    return ResourceModel.builder()
        .domainId(domain.domainId())
        .domainArn(domain.domainArn())
        .domainName(domain.domainName())
        .url(domain.url())
        .build();
  }
}
