package com.org.sagemaker.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** CreateDomain, DescribeDomain, UpdateDomain, DeleteDomain, ListDomains, and their rules. */
final class Domains {

  private static final String MODEL = "botocore service-2.json";
  private static final String STATUSES =
      "SageMaker developer guide, \"Domain entities and statuses\" (sm-domain.html)";
  private static final String VPC_ONLY = "VpcOnly";
  private static final String PUBLIC_INTERNET_ONLY = "PublicInternetOnly";
  private static final String STUDIO_LANDING = "studio::";
  private static final Set<String> AUTH_MODES = Set.of("SSO", "IAM");
  private static final Set<String> NETWORK_ACCESS = Set.of(PUBLIC_INTERNET_ONLY, VPC_ONLY);
  private static final Set<String> RETENTION = Set.of("Retain", "Delete");

  static final Rule NOT_FOUND =
      Rule.documented(
          "domain.not-found",
          "A domain id that does not exist (or whose deletion finished) is not found.",
          "ResourceNotFound",
          "Domain %s does not exist.",
          MODEL
              + ": DescribeDomain, UpdateDomain, DeleteDomain declare ResourceNotFound; the"
              + " message text is not public");
  static final Rule LIMIT =
      Rule.quoted(
          "domain.create.limit",
          "CreateDomain beyond the account's domain quota is refused; domains in any status,"
              + " Failed included, count.",
          "ResourceLimitExceeded",
          "The account-level service limit 'Total domains' is %d Domains, with current utilization"
              + " of %d Domains and a request delta of 1 Domains. Please contact AWS support to"
              + " request an increase for this limit.",
          "aws/amazon-sagemaker-examples#1564 (the quota was 1 then; a Failed domain counted)");
  static final Rule NETWORK_REQUIRED =
      Rule.documented(
          "domain.create.network",
          "CreateDomain needs VpcId and SubnetIds, except for a Unified Studio domain"
              + " (DomainSettings.UnifiedStudioSettings) with PublicInternetOnly.",
          "ValidationException",
          "VpcId and SubnetIds are required to create domain %s.",
          MODEL
              + " CreateDomainRequest.SubnetIds/VpcId: \"optional when the AppNetworkAccessType"
              + " parameter is set to PublicInternetOnly for domains created from Amazon SageMaker"
              + " Unified Studio\"; the error's text is not public");
  static final Rule UPDATE_STATE =
      Rule.documented(
          "domain.update.state",
          "UpdateDomain is accepted in InService and Update_Failed (an update repairs it); not in"
              + " Pending, Updating, Deleting, Failed (delete and recreate it) or Delete_Failed"
              + " (\"you cannot use or update the Domain\").",
          "ResourceInUse",
          "Domain %s is in %s state and cannot be updated.",
          STATUSES + "; UpdateDomain declares ResourceInUse; the message text is not public");
  static final Rule VPC_ONLY_NEEDS_NETWORK =
      Rule.quoted(
          "domain.update.vpc-only",
          "UpdateDomain with AppNetworkAccessType VpcOnly needs VpcId and SubnetIds in the same"
              + " request, even when nothing else changes.",
          "ValidationException",
          "VpcId and Subnet IDs are required for updating domains to VpcOnly mode.",
          "hashicorp/terraform-provider-aws#45528 (fix #45530 always sends both)");
  static final Rule SECURITY_GROUP_MANAGEMENT =
      Rule.quoted(
          "domain.update.app-security-group-management",
          "AppSecurityGroupManagement is accepted only for a domain with RStudio"
              + " (RStudioServerProDomainSettings.DomainExecutionRoleArn).",
          "ValidationException",
          "AppSecurityGroupManagement can only be set for Rstudio enabled domains.",
          "hashicorp/terraform-provider-aws#39923");
  static final Rule RSTUDIO_WITH_APPS =
      Rule.quoted(
          "domain.update.rstudio-with-apps",
          "RStudio domain settings and AppSecurityGroupManagement cannot change while an app of the"
              + " domain is InService.",
          "ValidationException",
          "Unable to update Domain [%s] with InService App. Delete all InService apps in the"
              + " domain including shared Apps for [domain-shared] User Profile, and try again.",
          "hashicorp/terraform-provider-aws#31912 (AWS CLI output)");
  static final Rule NETWORK_WITH_APPS =
      Rule.documented(
          "domain.update.network-with-apps",
          "AppNetworkAccessType cannot change, and subnets cannot be removed, while an app of the"
              + " domain is InService, Pending or Deleting.",
          "ValidationException",
          "Unable to update Domain [%s]: %s can only be changed when there are no apps in the"
              + " InService, Pending or Deleting state.",
          MODEL
              + " UpdateDomainRequest.AppNetworkAccessType: \"can only be modified if there are no"
              + " apps in the InService, Pending, or Deleting state\"; SubnetIds: \"If removing"
              + " subnets, ensure there are no apps in the InService, Pending, or Deleting state\"");
  static final Rule NETWORK_WITH_RSTUDIO =
      Rule.documented(
          "domain.update.network-with-rstudio",
          "AppNetworkAccessType cannot change on a domain with RStudio, or in the request that"
              + " enables it.",
          "ValidationException",
          "Unable to update Domain [%s]: AppNetworkAccessType cannot be updated when RStudio is"
              + " enabled.",
          MODEL
              + " UpdateDomainRequest.AppNetworkAccessType: \"cannot be updated if"
              + " DomainSettings.RStudioServerProDomainSettings.DomainExecutionRoleArn is already set"
              + " or ... is provided as part of the same request\"");
  static final Rule IDENTITY_CONFIG_WITH_APPS =
      Rule.documented(
          "domain.update.identity-config-with-apps",
          "DomainSettings.ExecutionRoleIdentityConfig cannot change while an app is InService or"
              + " Pending.",
          "ValidationException",
          "Unable to update Domain [%s]: ExecutionRoleIdentityConfig can only be changed when"
              + " there are no apps in the InService or Pending state.",
          MODEL + " DomainSettingsForUpdate.ExecutionRoleIdentityConfig");
  static final Rule VPC_ID =
      Rule.documented(
          "domain.update.vpc-id",
          "UpdateDomain takes a VpcId only for a domain created without one (Unified Studio);"
              + " sending the domain's own VpcId again is accepted.",
          "ValidationException",
          "Unable to update Domain [%s]: its VPC cannot be changed.",
          MODEL
              + " UpdateDomainRequest.VpcId: \"Use this field only when adding VPC configuration"
              + " to a SageMaker AI domain used in Amazon SageMaker Unified Studio that was created"
              + " without VPC settings\"; terraform-provider-aws#45530 sends it unchanged");
  static final Rule STUDIO_WEB_PORTAL =
      Rule.quoted(
          "domain.studio-web-portal",
          "StudioWebPortal DISABLED is refused while DefaultLandingUri is studio:: (given, or kept"
              + " from before).",
          "ValidationException",
          "StudioWebPortal is disabled for this domain/user.",
          "hashicorp/terraform-provider-aws#35504; "
              + MODEL
              + " UserSettings.DefaultLandingUri:"
              + " \"studio:: ... can only be passed if StudioWebPortal is set to ENABLED\"");
  static final Rule DELETE_STATE =
      Rule.notEstablished(
          "domain.delete.state",
          "DeleteDomain is accepted in InService, Failed, Update_Failed, Delete_Failed and (as a"
              + " no-op) Deleting; refused while Pending or Updating.",
          "ResourceInUse",
          "Domain %s is in %s state and cannot be deleted.",
          STATUSES
              + " documents delete for Failed and Delete_Failed; Pending/Updating/Deleting"
              + " are not established");
  static final Rule DEPENDENTS =
      Rule.documented(
          "domain.delete.dependents",
          "DeleteDomain is refused while the domain has user profiles or spaces.",
          "ResourceInUse",
          "Unable to delete Domain [%s] because %s are associated with it.",
          "SageMaker developer guide, gs-studio-delete-domain.html: \"the domain cannot contain any"
              + " user profiles or shared spaces\"; ResourceInUse per AWS's AWS::SageMaker::Domain"
              + " DeleteHandler; the message text is not public");
  static final Rule RETAIN_HOME =
      Rule.behaviour(
          "domain.delete.retention",
          "DeleteDomain keeps the home EFS volume unless RetentionPolicy.HomeEfsFileSystem is"
              + " Delete.",
          MODEL + " RetentionPolicy.HomeEfsFileSystem: \"The default is Retain\"",
          Rule.Evidence.DOCUMENTED);
  static final Rule DEFAULTS =
      Rule.behaviour(
          "domain.create.defaults",
          "A domain created without them reports AppNetworkAccessType PublicInternetOnly and, in"
              + " DefaultUserSettings, AutoMountHomeEFS Enabled, StudioWebPortal ENABLED and"
              + " DefaultLandingUri studio:: (unless StudioWebPortal is DISABLED).",
          MODEL
              + " CreateDomainRequest.AppNetworkAccessType: \"The default value is"
              + " PublicInternetOnly\" (also seen in terraform-provider-aws#22633's DescribeDomain);"
              + " the DefaultUserSettings values are inferred from a request Terraform built from a"
              + " DescribeDomain of a new domain (terraform-provider-aws#40726)",
          Rule.Evidence.DOCUMENTED);
  static final Rule PATCH =
      Rule.behaviour(
          "domain.update.patch",
          "UpdateDomain changes only what it is given: absent members, nested ones included, keep"
              + " their value; a list replaces the list; an empty DomainSettingsForUpdate."
              + "SecurityGroupIds removes nothing.",
          "hashicorp/terraform-provider-aws#43127 and #35503 (removed settings stay), PR #42144 (an"
              + " empty CustomFileSystemConfigs clears it), PR #40726 (an empty SecurityGroupIds"
              + " did not)",
          Rule.Evidence.DOCUMENTED);

  static final List<Rule> RULES =
      List.of(
          NOT_FOUND,
          LIMIT,
          NETWORK_REQUIRED,
          DEFAULTS,
          UPDATE_STATE,
          PATCH,
          VPC_ONLY_NEEDS_NETWORK,
          SECURITY_GROUP_MANAGEMENT,
          RSTUDIO_WITH_APPS,
          NETWORK_WITH_APPS,
          NETWORK_WITH_RSTUDIO,
          IDENTITY_CONFIG_WITH_APPS,
          VPC_ID,
          STUDIO_WEB_PORTAL,
          DELETE_STATE,
          DEPENDENTS,
          RETAIN_HOME);

  private final Account account;
  private final Tags tags;

  Domains(final Account account, final Tags tags) {
    this.account = account;
    this.tags = tags;
  }

  Resource get(final String domainId) {
    final Resource domain = account.domains.get(domainId);
    if (domain == null) {
      throw NOT_FOUND.violated(domainId);
    }
    return domain;
  }

  ObjectNode create(final ObjectNode request) {
    final String name = Validation.required(request, "DomainName");
    Validation.requireName("domainName", name);
    Validation.requireOneOf("authMode", Validation.required(request, "AuthMode"), AUTH_MODES);
    Validation.requireObject(request, "DefaultUserSettings");
    Validation.userSettings("defaultUserSettings", request.get("DefaultUserSettings"));
    final String access = Json.text(request, "AppNetworkAccessType");
    if (access != null) {
      Validation.requireOneOf("appNetworkAccessType", access, NETWORK_ACCESS);
    }
    Validation.network(request);
    final boolean unifiedStudio =
        request.path("DomainSettings").has("UnifiedStudioSettings") && !VPC_ONLY.equals(access);
    NETWORK_REQUIRED.check(
        !unifiedStudio && (!request.has("VpcId") || !request.has("SubnetIds")), name);
    requireStudioWebPortalAllowed(request.get("DefaultUserSettings"));
    LIMIT.check(
        account.domains.size() >= account.domainLimit, account.domainLimit, account.domains.size());
    final long sequence = account.nextSequence();
    final String domainId = String.format("d-%012x", sequence);
    final String arn = Account.arn("domain/" + domainId);
    final ObjectNode attributes = tags.takeTags(arn, request);
    attributes.put("DomainId", domainId);
    attributes.put("DomainArn", arn);
    attributes.put("Url", "https://" + domainId + ".studio." + Account.REGION + ".sagemaker.aws");
    attributes.put("HomeEfsFileSystemId", String.format("fs-%017x", sequence));
    fillDefaults(attributes);
    account.domains.put(
        domainId, account.create(arn, attributes, "Domain.Create", account.timings.domainCreate()));
    return Json.object()
        .put("DomainArn", arn)
        .put("DomainId", domainId)
        .put("Url", attributes.get("Url").asText());
  }

  /** See {@link #DEFAULTS}. */
  private static void fillDefaults(final ObjectNode attributes) {
    if (!attributes.has("AppNetworkAccessType")) {
      attributes.put("AppNetworkAccessType", PUBLIC_INTERNET_ONLY);
    }
    final ObjectNode settings = (ObjectNode) attributes.get("DefaultUserSettings");
    if (!settings.has("AutoMountHomeEFS")) {
      settings.put("AutoMountHomeEFS", "Enabled");
    }
    if (!settings.has("StudioWebPortal")) {
      settings.put("StudioWebPortal", "ENABLED");
    }
    if (!settings.has("DefaultLandingUri")
        && "ENABLED".equals(Json.text(settings, "StudioWebPortal"))) {
      settings.put("DefaultLandingUri", STUDIO_LANDING);
    }
  }

  ObjectNode describe(final ObjectNode request) {
    return Account.describe(get(Validation.required(request, "DomainId")));
  }

  ObjectNode update(final ObjectNode request) {
    final Resource domain = get(Validation.required(request, "DomainId"));
    UPDATE_STATE.check(
        !Status.UPDATABLE.contains(domain.status), domain.text("DomainId"), domain.status);
    final ObjectNode attributes = domain.attributes;
    if (request.has("DefaultUserSettings")) {
      Validation.userSettings("defaultUserSettings", request.get("DefaultUserSettings"));
    }
    if (request.has("DefaultSpaceSettings")) {
      Validation.userSettings("defaultSpaceSettings", request.get("DefaultSpaceSettings"));
    }
    Validation.network(request);
    final JsonNode settingsForUpdate = request.path("DomainSettingsForUpdate");
    final boolean enablingRStudio =
        settingsForUpdate
            .path("RStudioServerProDomainSettingsForUpdate")
            .has("DomainExecutionRoleArn");
    final boolean rStudio = enablingRStudio || hasRStudio(attributes);
    SECURITY_GROUP_MANAGEMENT.check(request.has("AppSecurityGroupManagement") && !rStudio);
    final String domainId = domain.text("DomainId");
    RSTUDIO_WITH_APPS.check(
        (settingsForUpdate.has("RStudioServerProDomainSettingsForUpdate")
                || request.has("AppSecurityGroupManagement"))
            && account.hasApp(domainId, Set.of(Status.IN_SERVICE), any -> true),
        domain.arn);
    final String access = Json.text(request, "AppNetworkAccessType");
    if (access != null) {
      Validation.requireOneOf("appNetworkAccessType", access, NETWORK_ACCESS);
      VPC_ONLY_NEEDS_NETWORK.check(
          VPC_ONLY.equals(access) && (!request.has("VpcId") || !request.has("SubnetIds")));
      final boolean changing = !access.equals(attributes.path("AppNetworkAccessType").asText());
      NETWORK_WITH_RSTUDIO.check(changing && rStudio, domain.arn);
      NETWORK_WITH_APPS.check(
          changing && account.hasApp(domainId, Status.APP_RUNNING, any -> true),
          domain.arn,
          "AppNetworkAccessType");
    }
    NETWORK_WITH_APPS.check(
        removesSubnets(attributes, request)
            && account.hasApp(domainId, Status.APP_RUNNING, any -> true),
        domain.arn,
        "SubnetIds");
    IDENTITY_CONFIG_WITH_APPS.check(
        settingsForUpdate.has("ExecutionRoleIdentityConfig")
            && !Objects.equals(
                settingsForUpdate.get("ExecutionRoleIdentityConfig"),
                attributes.path("DomainSettings").get("ExecutionRoleIdentityConfig"))
            && account.hasApp(domainId, Set.of(Status.IN_SERVICE, Status.PENDING), any -> true),
        domain.arn);
    VPC_ID.check(
        request.has("VpcId")
            && attributes.has("VpcId")
            && !request.get("VpcId").equals(attributes.get("VpcId")),
        domain.arn);
    final ObjectNode changes = request.deepCopy();
    changes.remove("DomainId");
    final JsonNode forUpdate = changes.remove("DomainSettingsForUpdate");
    if (forUpdate != null) {
      changes.set("DomainSettings", domainSettings(forUpdate));
    }
    domain.patch(changes, after -> requireStudioWebPortalAllowed(after.get("DefaultUserSettings")));
    account.startTransition(
        domain,
        "Domain.Update",
        Status.UPDATING,
        Status.IN_SERVICE,
        Status.UPDATE_FAILED,
        account.timings.domainUpdate());
    return Json.object().put("DomainArn", domain.arn);
  }

  /** DomainSettingsForUpdate as DomainSettings; an empty SecurityGroupIds removes nothing. */
  private static ObjectNode domainSettings(final JsonNode forUpdate) {
    final ObjectNode settings = forUpdate.deepCopy();
    final JsonNode rStudio = settings.remove("RStudioServerProDomainSettingsForUpdate");
    if (rStudio != null) {
      settings.set("RStudioServerProDomainSettings", rStudio);
    }
    if (settings.path("SecurityGroupIds").isEmpty()) {
      settings.remove("SecurityGroupIds");
    }
    return settings;
  }

  static void requireStudioWebPortalAllowed(final JsonNode userSettings) {
    if (userSettings != null) {
      STUDIO_WEB_PORTAL.check(
          "DISABLED".equals(Json.text(userSettings, "StudioWebPortal"))
              && STUDIO_LANDING.equals(Json.text(userSettings, "DefaultLandingUri")));
    }
  }

  private static boolean removesSubnets(final ObjectNode attributes, final ObjectNode request) {
    if (!request.has("SubnetIds")) {
      return false;
    }
    final Set<String> after = texts(request.get("SubnetIds"));
    return texts(attributes.path("SubnetIds")).stream().anyMatch(s -> !after.contains(s));
  }

  private static Set<String> texts(final JsonNode array) {
    final Set<String> values = new java.util.TreeSet<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static boolean hasRStudio(final ObjectNode domain) {
    return domain
        .path("DomainSettings")
        .path("RStudioServerProDomainSettings")
        .has("DomainExecutionRoleArn");
  }

  ObjectNode delete(final ObjectNode request) {
    final String domainId = Validation.required(request, "DomainId");
    final Resource domain = get(domainId);
    final String retention =
        request.path("RetentionPolicy").path("HomeEfsFileSystem").asText("Retain");
    Validation.requireOneOf("retentionPolicy.homeEfsFileSystem", retention, RETENTION);
    DELETE_STATE.check(!Status.DELETABLE.contains(domain.status), domainId, domain.status);
    final List<String> blocking = new ArrayList<>();
    account.profiles.values().stream()
        .filter(p -> domainId.equals(p.text("DomainId")))
        .forEach(p -> blocking.add("user profile " + p.text("UserProfileName")));
    account.spaces.values().stream()
        .filter(s -> domainId.equals(s.text("DomainId")))
        .forEach(s -> blocking.add("space " + s.text("SpaceName")));
    DEPENDENTS.check(!blocking.isEmpty(), domain.arn, String.join(", ", blocking));
    if ("Retain".equals(retention) && !domain.is(Status.DELETING)) {
      account.retainedFileSystems.add(domain.text("HomeEfsFileSystemId"));
    }
    account.startDeletion(domain, "Domain.Delete", account.timings.domainDelete());
    return Json.object();
  }

  ObjectNode list(final ObjectNode request) {
    return Pages.page(
        request,
        "Domains",
        new ArrayList<>(account.domains.values()),
        domain ->
            Account.summary(domain, "DomainArn", "DomainId", "DomainName", "Url")
                .put("DomainArn", domain.arn));
  }
}
