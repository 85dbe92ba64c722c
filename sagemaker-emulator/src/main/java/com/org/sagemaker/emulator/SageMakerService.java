package com.org.sagemaker.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SageMaker control plane for domains, user profiles, apps, spaces and tags, in memory: the
 * API's member names, validation, error codes, pagination and dependency rules, with each
 * asynchronous transition completing on the injected clock. One lock guards all state.
 */
final class SageMakerService {

  static final String REGION = "us-east-1";
  static final String ACCOUNT = "123456789012";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$");
  private static final Pattern ROLE_ARN =
      Pattern.compile("^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$");
  private static final Pattern SUBNET_OR_GROUP = Pattern.compile("^[-0-9a-zA-Z]+$");
  private static final Set<String> AUTH_MODES = Set.of("SSO", "IAM");
  private static final Set<String> NETWORK_ACCESS = Set.of("PublicInternetOnly", "VpcOnly");
  private static final Set<String> RETENTION = Set.of("Retain", "Delete");
  private static final Set<String> SHARING = Set.of("Private", "Shared");
  private static final Set<String> APP_TYPES =
      Set.of(
          "JupyterServer",
          "KernelGateway",
          "DetailedProfiler",
          "TensorBoard",
          "CodeEditor",
          "JupyterLab",
          "RStudioServerPro",
          "RSessionGateway",
          "Canvas");
  private static final String IN_SERVICE = "InService";
  private static final String DELETING = "Deleting";
  private static final String DELETED = "Deleted";

  /** A domain, profile, app or space: what it was created with, plus its lifecycle. */
  private static final class Resource {
    final String arn;
    final ObjectNode attributes;
    final Instant created;
    Instant modified;
    String status;
    String failureReason;
    Instant transitionAt;
    String nextStatus;
    String failedStatus;

    Resource(final String arn, final ObjectNode attributes, final Instant now) {
      this.arn = arn;
      this.attributes = attributes;
      this.created = now;
      this.modified = now;
    }
  }

  private final Clock clock;
  private Timings timings;
  private final Faults faults;
  private final int domainLimit;
  private final Map<String, Resource> domains = new LinkedHashMap<>();
  private final Map<String, Resource> profiles = new LinkedHashMap<>();
  private final Map<String, Resource> apps = new LinkedHashMap<>();
  private final Map<String, Resource> spaces = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
  private final List<String> retainedFileSystems = new ArrayList<>();
  private long sequence;

  SageMakerService(
      final Clock clock, final Timings timings, final Faults faults, final int domainLimit) {
    this.clock = clock;
    this.timings = timings;
    this.faults = faults;
    this.domainLimit = domainLimit;
  }

  /** Runs one API operation; the request and response are the API's JSON. */
  synchronized ObjectNode call(final String operation, final ObjectNode request) {
    settle();
    return switch (operation) {
      case "CreateDomain" -> createDomain(request);
      case "DescribeDomain" -> describeDomain(request);
      case "UpdateDomain" -> updateDomain(request);
      case "DeleteDomain" -> deleteDomain(request);
      case "ListDomains" -> listDomains(request);
      case "CreateUserProfile" -> createUserProfile(request);
      case "DescribeUserProfile" -> describeUserProfile(request);
      case "UpdateUserProfile" -> updateUserProfile(request);
      case "DeleteUserProfile" -> deleteUserProfile(request);
      case "ListUserProfiles" -> listUserProfiles(request);
      case "CreateApp" -> createApp(request);
      case "DeleteApp" -> deleteApp(request);
      case "ListApps" -> listApps(request);
      case "CreateSpace" -> createSpace(request);
      case "DeleteSpace" -> deleteSpace(request);
      case "ListSpaces" -> listSpaces(request);
      case "AddTags" -> addTags(request);
      case "DeleteTags" -> deleteTags(request);
      case "ListTags" -> listTags(request);
      default ->
          throw new ApiException(
              400, "UnknownOperationException", "Operation " + operation + " is not supported.");
    };
  }

  /** Durations of transitions started from now on. */
  synchronized void setTimings(final Timings newTimings) {
    timings = newTimings;
  }

  /** Everything the service holds, to continue later from {@link #restore}. */
  synchronized ObjectNode snapshot() {
    final ObjectNode out = object().put("sequence", sequence);
    final Map<String, Map<String, Resource>> kinds = kinds();
    kinds.forEach(
        (kind, resources) -> {
          final ObjectNode node = out.putObject(kind);
          resources.forEach(
              (key, r) -> {
                final ObjectNode entry = node.putObject(key);
                entry.put("arn", r.arn).set("attributes", r.attributes);
                entry.put("created", r.created.toString()).put("modified", r.modified.toString());
                entry.put("status", r.status).put("failureReason", r.failureReason);
                entry.put(
                    "transitionAt", r.transitionAt == null ? null : r.transitionAt.toString());
                entry.put("nextStatus", r.nextStatus).put("failedStatus", r.failedStatus);
              });
        });
    out.set("tags", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(tags));
    final ArrayNode retained = out.putArray("retainedFileSystems");
    retainedFileSystems.forEach(retained::add);
    return out;
  }

  synchronized void restore(final JsonNode snapshot) {
    sequence = snapshot.path("sequence").asLong();
    kinds()
        .forEach(
            (kind, resources) -> {
              resources.clear();
              snapshot
                  .path(kind)
                  .properties()
                  .forEach(
                      e -> {
                        final JsonNode entry = e.getValue();
                        final Resource r =
                            new Resource(
                                entry.get("arn").asText(),
                                (ObjectNode) entry.get("attributes"),
                                Instant.parse(entry.get("created").asText()));
                        r.modified = Instant.parse(entry.get("modified").asText());
                        r.status = entry.path("status").asText(null);
                        r.failureReason = entry.path("failureReason").asText(null);
                        r.transitionAt =
                            entry.hasNonNull("transitionAt")
                                ? Instant.parse(entry.get("transitionAt").asText())
                                : null;
                        r.nextStatus = entry.path("nextStatus").asText(null);
                        r.failedStatus = entry.path("failedStatus").asText(null);
                        resources.put(e.getKey(), r);
                      });
            });
    tags.clear();
    snapshot
        .path("tags")
        .properties()
        .forEach(
            e -> {
              final Map<String, String> resourceTags = new LinkedHashMap<>();
              e.getValue()
                  .properties()
                  .forEach(t -> resourceTags.put(t.getKey(), t.getValue().asText()));
              tags.put(e.getKey(), resourceTags);
            });
    retainedFileSystems.clear();
    snapshot.path("retainedFileSystems").forEach(f -> retainedFileSystems.add(f.asText()));
  }

  private Map<String, Map<String, Resource>> kinds() {
    return Map.of("domains", domains, "userProfiles", profiles, "apps", apps, "spaces", spaces);
  }

  /** Home EFS volumes left behind by domains deleted with RetentionPolicy Retain. */
  synchronized List<String> retainedFileSystems() {
    return List.copyOf(retainedFileSystems);
  }

  /** How many domains, profiles, apps (not Deleted) and spaces exist now. */
  synchronized Map<String, Integer> counts() {
    settle();
    return Map.of(
        "domains", domains.size(),
        "userProfiles", profiles.size(),
        "apps", (int) apps.values().stream().filter(a -> !DELETED.equals(a.status)).count(),
        "spaces", spaces.size());
  }

  // ---------------------------------------------------------------- domains

  private ObjectNode createDomain(final ObjectNode request) {
    final String name = required(request, "DomainName");
    requireName("domainName", name);
    requireOneOf("authMode", required(request, "AuthMode"), AUTH_MODES);
    requireObject(request, "DefaultUserSettings");
    validateUserSettings("defaultUserSettings", request.get("DefaultUserSettings"));
    validateNetwork(request, request);
    if (domains.size() >= domainLimit) {
      throw new ApiException(
          400,
          "ResourceLimitExceeded",
          "The account-level service limit 'Maximum number of domains' is " + domainLimit + ".");
    }
    final String domainId = String.format("d-%012x", ++sequence);
    final String arn = arn("domain/" + domainId);
    final ObjectNode attributes = request.deepCopy();
    attributes.remove("Tags");
    attributes.put("DomainId", domainId);
    attributes.put("DomainArn", arn);
    attributes.put("Url", "https://" + domainId + ".studio." + REGION + ".sagemaker.aws");
    attributes.put("HomeEfsFileSystemId", String.format("fs-%017x", sequence));
    if (!attributes.has("AppNetworkAccessType")) {
      attributes.put("AppNetworkAccessType", "PublicInternetOnly");
    }
    final Resource domain = new Resource(arn, attributes, now());
    startTransition(
        domain, "Domain.Create", "Pending", IN_SERVICE, "Failed", timings.domainCreate());
    domains.put(domainId, domain);
    storeTags(arn, request.get("Tags"));
    return object()
        .put("DomainArn", arn)
        .put("DomainId", domainId)
        .put("Url", attributes.get("Url").asText());
  }

  private ObjectNode describeDomain(final ObjectNode request) {
    return describe(domain(required(request, "DomainId")));
  }

  private ObjectNode updateDomain(final ObjectNode request) {
    final Resource domain = domain(required(request, "DomainId"));
    requireInService(domain, "Domain " + request.get("DomainId").asText());
    final ObjectNode attributes = domain.attributes;
    if (request.has("DefaultUserSettings")) {
      validateUserSettings("defaultUserSettings", request.get("DefaultUserSettings"));
    }
    if (request.has("AppSecurityGroupManagement") && !isRStudioEnabled(attributes, request)) {
      throw ApiException.validation(
          "AppSecurityGroupManagement can only be set for Rstudio enabled domains");
    }
    final String access = text(request, "AppNetworkAccessType");
    if (access != null) {
      requireOneOf("appNetworkAccessType", access, NETWORK_ACCESS);
      if (!access.equals(text(attributes, "AppNetworkAccessType")) && hasRunningApps(domain)) {
        throw ApiException.validation(
            "AppNetworkAccessType can only be updated when there are no apps in InService, Pending"
                + " or Deleting state.");
      }
      if ("VpcOnly".equals(access)
          && !"VpcOnly".equals(text(attributes, "AppNetworkAccessType"))
          && (!request.has("VpcId") || !request.has("SubnetIds"))) {
        throw ApiException.validation(
            "VpcId and Subnet IDs are required for updating domains to VpcOnly mode.");
      }
    }
    validateSubnets(request);
    final ObjectNode changes = request.deepCopy();
    changes.remove("DomainId");
    final JsonNode settings = changes.remove("DomainSettingsForUpdate");
    if (settings != null) {
      final ObjectNode domainSettings = settings.deepCopy();
      final JsonNode rStudio = domainSettings.remove("RStudioServerProDomainSettingsForUpdate");
      if (rStudio != null) {
        domainSettings.set("RStudioServerProDomainSettings", rStudio);
      }
      changes.set("DomainSettings", domainSettings);
    }
    merge(attributes, changes);
    startTransition(
        domain, "Domain.Update", "Updating", IN_SERVICE, "Update_Failed", timings.domainUpdate());
    return object().put("DomainArn", domain.arn);
  }

  private ObjectNode deleteDomain(final ObjectNode request) {
    final String domainId = required(request, "DomainId");
    final Resource domain = domain(domainId);
    final String retention =
        request.path("RetentionPolicy").path("HomeEfsFileSystem").asText("Retain");
    requireOneOf("retentionPolicy.homeEfsFileSystem", retention, RETENTION);
    final List<String> blocking = new ArrayList<>();
    profiles.values().stream()
        .filter(p -> domainId.equals(text(p.attributes, "DomainId")))
        .forEach(p -> blocking.add("user profile " + text(p.attributes, "UserProfileName")));
    spaces.values().stream()
        .filter(s -> domainId.equals(text(s.attributes, "DomainId")))
        .forEach(s -> blocking.add("space " + text(s.attributes, "SpaceName")));
    if (!blocking.isEmpty()) {
      throw ApiException.inUse(
          "Domain "
              + domainId
              + " cannot be deleted while it has "
              + String.join(", ", blocking)
              + ".");
    }
    if (DELETING.equals(domain.status)) {
      return object();
    }
    if ("Retain".equals(retention)) {
      retainedFileSystems.add(text(domain.attributes, "HomeEfsFileSystemId"));
    }
    startTransition(
        domain, "Domain.Delete", DELETING, null, "Delete_Failed", timings.domainDelete());
    return object();
  }

  private ObjectNode listDomains(final ObjectNode request) {
    return page(
        request,
        "Domains",
        new ArrayList<>(domains.values()),
        domain ->
            summary(domain, "DomainArn", "DomainId", "DomainName", "Url")
                .put("DomainArn", domain.arn));
  }

  private Resource domain(final String domainId) {
    final Resource domain = domains.get(domainId);
    if (domain == null) {
      throw ApiException.notFound("Domain " + domainId + " does not exist.");
    }
    return domain;
  }

  // ---------------------------------------------------------------- user profiles

  private ObjectNode createUserProfile(final ObjectNode request) {
    final String domainId = required(request, "DomainId");
    final String name = required(request, "UserProfileName");
    requireName("userProfileName", name);
    final Resource domain = domain(domainId);
    requireInService(domain, "Domain " + domainId);
    final boolean sso = "SSO".equals(text(domain.attributes, "AuthMode"));
    if (sso != request.has("SingleSignOnUserIdentifier")) {
      throw ApiException.validation(
          sso
              ? "SingleSignOnUserIdentifier and SingleSignOnUserValue are required for a domain in"
                  + " SSO mode."
              : "SingleSignOnUserIdentifier is only supported for domains in SSO mode.");
    }
    if (request.has("UserSettings")) {
      validateUserSettings("userSettings", request.get("UserSettings"));
    }
    final String key = profileKey(domainId, name);
    if (profiles.containsKey(key)) {
      throw ApiException.inUse(
          "User profile " + name + " already exists in domain " + domainId + ".");
    }
    final String arn = arn("user-profile/" + domainId + "/" + name);
    final ObjectNode attributes = request.deepCopy();
    attributes.remove("Tags");
    attributes.put("UserProfileArn", arn);
    attributes.put("HomeEfsFileSystemUid", String.valueOf(200000 + ++sequence));
    final Resource profile = new Resource(arn, attributes, now());
    startTransition(
        profile, "UserProfile.Create", "Pending", IN_SERVICE, "Failed", timings.profileCreate());
    profiles.put(key, profile);
    storeTags(arn, request.get("Tags"));
    return object().put("UserProfileArn", arn);
  }

  private ObjectNode describeUserProfile(final ObjectNode request) {
    return describe(profile(request));
  }

  private ObjectNode updateUserProfile(final ObjectNode request) {
    final Resource profile = profile(request);
    requireInService(profile, "User profile " + request.get("UserProfileName").asText());
    if (request.has("UserSettings")) {
      validateUserSettings("userSettings", request.get("UserSettings"));
      merge(profile.attributes, object().set("UserSettings", request.get("UserSettings")));
    }
    startTransition(
        profile,
        "UserProfile.Update",
        "Updating",
        IN_SERVICE,
        "Update_Failed",
        timings.profileUpdate());
    return object().put("UserProfileArn", profile.arn);
  }

  private ObjectNode deleteUserProfile(final ObjectNode request) {
    final Resource profile = profile(request);
    final String domainId = request.get("DomainId").asText();
    final String name = request.get("UserProfileName").asText();
    final List<String> blocking = new ArrayList<>();
    apps.values().stream()
        .filter(a -> !DELETED.equals(a.status))
        .filter(a -> domainId.equals(text(a.attributes, "DomainId")))
        .filter(a -> name.equals(text(a.attributes, "UserProfileName")))
        .forEach(a -> blocking.add("app " + text(a.attributes, "AppName")));
    spaces.values().stream()
        .filter(s -> domainId.equals(text(s.attributes, "DomainId")))
        .filter(
            s ->
                name.equals(
                    s.attributes
                        .path("OwnershipSettings")
                        .path("OwnerUserProfileName")
                        .asText(null)))
        .filter(
            s ->
                "Private"
                    .equals(
                        s.attributes.path("SpaceSharingSettings").path("SharingType").asText(null)))
        .forEach(s -> blocking.add("private space " + text(s.attributes, "SpaceName")));
    if (!blocking.isEmpty()) {
      throw ApiException.inUse(
          "Unable to delete UserProfile "
              + name
              + " because "
              + String.join(", ", blocking)
              + " are associated with it.");
    }
    if (!DELETING.equals(profile.status)) {
      startTransition(
          profile, "UserProfile.Delete", DELETING, null, "Delete_Failed", timings.profileDelete());
    }
    return object();
  }

  private ObjectNode listUserProfiles(final ObjectNode request) {
    final String domainId = text(request, "DomainIdEquals");
    final String contains = text(request, "UserProfileNameContains");
    return page(
        request,
        "UserProfiles",
        filter(
            profiles.values(),
            p ->
                (domainId == null || domainId.equals(text(p.attributes, "DomainId")))
                    && (contains == null
                        || text(p.attributes, "UserProfileName").contains(contains))),
        p -> summary(p, "DomainId", "UserProfileName"));
  }

  private Resource profile(final ObjectNode request) {
    final String domainId = required(request, "DomainId");
    final String name = required(request, "UserProfileName");
    final Resource profile = profiles.get(profileKey(domainId, name));
    if (profile == null) {
      throw ApiException.notFound(
          "User profile " + name + " does not exist in domain " + domainId + ".");
    }
    return profile;
  }

  private static String profileKey(final String domainId, final String name) {
    // User profile names are not case sensitive.
    return domainId + "/" + name.toLowerCase(Locale.ROOT);
  }

  // ---------------------------------------------------------------- apps

  private ObjectNode createApp(final ObjectNode request) {
    final String domainId = required(request, "DomainId");
    requireOneOf("appType", required(request, "AppType"), APP_TYPES);
    requireName("appName", required(request, "AppName"));
    final String owner = appOwner(request);
    if (request.has("SpaceName")) {
      requireInService(space(domainId, owner), "Space " + owner);
    } else {
      requireInService(
          profile(object().put("DomainId", domainId).put("UserProfileName", owner)),
          "User profile " + owner);
    }
    final String key = appKey(request);
    final Resource existing = apps.get(key);
    if (existing != null && !DELETED.equals(existing.status)) {
      throw ApiException.inUse("App " + text(request, "AppName") + " already exists.");
    }
    final String arn =
        arn(
            "app/"
                + domainId
                + "/"
                + owner
                + "/"
                + text(request, "AppType").toLowerCase(Locale.ROOT)
                + "/"
                + text(request, "AppName"));
    final Resource app = new Resource(arn, request.deepCopy(), now());
    app.attributes.remove("Tags");
    startTransition(app, "App.Create", "Pending", IN_SERVICE, "Failed", timings.appCreate());
    apps.put(key, app);
    return object().put("AppArn", arn);
  }

  private ObjectNode deleteApp(final ObjectNode request) {
    required(request, "DomainId");
    required(request, "AppType");
    required(request, "AppName");
    appOwner(request);
    final Resource app = apps.get(appKey(request));
    if (app == null || DELETED.equals(app.status)) {
      throw ApiException.notFound("App " + text(request, "AppName") + " does not exist.");
    }
    if ("Pending".equals(app.status)) {
      throw ApiException.validation(
          "App " + text(request, "AppName") + " is in Pending state and cannot be deleted.");
    }
    if (!DELETING.equals(app.status)) {
      startTransition(app, "App.Delete", DELETING, DELETED, "Failed", timings.appDelete());
    }
    return object();
  }

  private ObjectNode listApps(final ObjectNode request) {
    final String domainId = text(request, "DomainIdEquals");
    final String profile = text(request, "UserProfileNameEquals");
    final String space = text(request, "SpaceNameEquals");
    return page(
        request,
        "Apps",
        filter(
            apps.values(),
            a ->
                (domainId == null || domainId.equals(text(a.attributes, "DomainId")))
                    && (profile == null || profile.equals(text(a.attributes, "UserProfileName")))
                    && (space == null || space.equals(text(a.attributes, "SpaceName")))),
        a -> summary(a, "DomainId", "UserProfileName", "SpaceName", "AppType", "AppName"));
  }

  private static String appOwner(final ObjectNode request) {
    final String profile = text(request, "UserProfileName");
    final String space = text(request, "SpaceName");
    if ((profile == null) == (space == null)) {
      throw ApiException.validation("Specify exactly one of UserProfileName and SpaceName.");
    }
    return profile != null ? profile : space;
  }

  private static String appKey(final ObjectNode request) {
    return String.join(
        "/",
        text(request, "DomainId"),
        request.has("SpaceName")
            ? "space:" + text(request, "SpaceName")
            : "profile:" + text(request, "UserProfileName"),
        text(request, "AppType"),
        text(request, "AppName"));
  }

  // ---------------------------------------------------------------- spaces

  private ObjectNode createSpace(final ObjectNode request) {
    final String domainId = required(request, "DomainId");
    final String name = required(request, "SpaceName");
    requireName("spaceName", name);
    requireInService(domain(domainId), "Domain " + domainId);
    final String sharing =
        request.path("SpaceSharingSettings").path("SharingType").asText("Private");
    requireOneOf("spaceSharingSettings.sharingType", sharing, SHARING);
    final String owner =
        request.path("OwnershipSettings").path("OwnerUserProfileName").asText(null);
    if (owner != null) {
      profile(object().put("DomainId", domainId).put("UserProfileName", owner));
    }
    if (spaces.containsKey(domainId + "/" + name)) {
      throw ApiException.inUse("Space " + name + " already exists.");
    }
    final String arn = arn("space/" + domainId + "/" + name);
    final ObjectNode attributes = request.deepCopy();
    attributes.remove("Tags");
    attributes.putObject("SpaceSharingSettings").put("SharingType", sharing);
    final Resource space = new Resource(arn, attributes, now());
    startTransition(space, "Space.Create", "Pending", IN_SERVICE, "Failed", timings.spaceCreate());
    spaces.put(domainId + "/" + name, space);
    storeTags(arn, request.get("Tags"));
    return object().put("SpaceArn", arn);
  }

  private ObjectNode deleteSpace(final ObjectNode request) {
    final String domainId = required(request, "DomainId");
    final String name = required(request, "SpaceName");
    final Resource space = space(domainId, name);
    final boolean hasApps =
        apps.values().stream()
            .anyMatch(
                a ->
                    !DELETED.equals(a.status)
                        && domainId.equals(text(a.attributes, "DomainId"))
                        && name.equals(text(a.attributes, "SpaceName")));
    if (hasApps) {
      throw ApiException.inUse("Space " + name + " cannot be deleted while it has apps.");
    }
    if (!DELETING.equals(space.status)) {
      startTransition(
          space, "Space.Delete", DELETING, null, "Delete_Failed", timings.spaceDelete());
    }
    return object();
  }

  private ObjectNode listSpaces(final ObjectNode request) {
    final String domainId = text(request, "DomainIdEquals");
    final String contains = text(request, "SpaceNameContains");
    return page(
        request,
        "Spaces",
        filter(
            spaces.values(),
            s ->
                (domainId == null || domainId.equals(text(s.attributes, "DomainId")))
                    && (contains == null || text(s.attributes, "SpaceName").contains(contains))),
        s -> {
          final ObjectNode summary = summary(s, "DomainId", "SpaceName");
          final String owner =
              s.attributes.path("OwnershipSettings").path("OwnerUserProfileName").asText(null);
          if (owner != null) {
            summary.putObject("OwnershipSettingsSummary").put("OwnerUserProfileName", owner);
          }
          summary.set("SpaceSharingSettingsSummary", s.attributes.get("SpaceSharingSettings"));
          return summary;
        });
  }

  private Resource space(final String domainId, final String name) {
    final Resource space = spaces.get(domainId + "/" + name);
    if (space == null) {
      throw ApiException.notFound("Space " + name + " does not exist in domain " + domainId + ".");
    }
    return space;
  }

  // ---------------------------------------------------------------- tags

  private ObjectNode addTags(final ObjectNode request) {
    final String arn = requireTaggable(required(request, "ResourceArn"));
    requireArray(request, "Tags", 0, 50);
    storeTags(arn, request.get("Tags"));
    return object().set("Tags", request.get("Tags"));
  }

  private ObjectNode deleteTags(final ObjectNode request) {
    final String arn = requireTaggable(required(request, "ResourceArn"));
    requireArray(request, "TagKeys", 1, 50);
    request.get("TagKeys").forEach(key -> tags.getOrDefault(arn, Map.of()).remove(key.asText()));
    return object();
  }

  private ObjectNode listTags(final ObjectNode request) {
    final String arn = requireTaggable(required(request, "ResourceArn"));
    if (request.has("MaxResults") && request.get("MaxResults").asInt() < 50) {
      throw ApiException.validation(
          "1 validation error detected: Value '"
              + request.get("MaxResults").asInt()
              + "' at 'maxResults' failed to satisfy constraint: Member must have value greater"
              + " than or equal to 50");
    }
    final List<Map.Entry<String, String>> entries =
        new ArrayList<>(tags.getOrDefault(arn, Map.of()).entrySet());
    return page(
        request, "Tags", entries, e -> object().put("Key", e.getKey()).put("Value", e.getValue()));
  }

  private String requireTaggable(final String arn) {
    final boolean exists =
        Stream.of(domains, profiles, apps, spaces)
            .flatMap(map -> map.values().stream())
            .anyMatch(r -> r.arn.equals(arn) && !DELETED.equals(r.status));
    if (!exists) {
      throw ApiException.notFound("Resource " + arn + " does not exist.");
    }
    return arn;
  }

  private void storeTags(final String arn, final JsonNode newTags) {
    if (newTags == null) {
      return;
    }
    requireArrayNode("tags", newTags, 0, 50);
    final Map<String, String> stored = tags.computeIfAbsent(arn, k -> new LinkedHashMap<>());
    for (final JsonNode tag : newTags) {
      final String key = tag.path("Key").asText("");
      if (key.isEmpty() || key.length() > 128) {
        throw ApiException.validation("Tag keys must be 1 to 128 characters long.");
      }
      stored.put(key, tag.path("Value").asText(""));
    }
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Starts a transition: {@code during} now, then {@code to} (null: gone) once the duration has
   * passed on the clock, unless a fault makes it end in {@code failed} or never end.
   */
  private void startTransition(
      final Resource resource,
      final String kind,
      final String during,
      final String to,
      final String failed,
      final Duration duration) {
    final Instant now = now();
    resource.status = during;
    resource.modified = now;
    resource.failureReason = null;
    resource.transitionAt = now.plus(duration);
    resource.nextStatus = to;
    resource.failedStatus = null;
    final StringBuilder reason = new StringBuilder();
    final Faults.Outcome fault = faults.takeTransition(kind, reason);
    if (fault == Faults.Outcome.HANG) {
      resource.transitionAt = null;
    } else if (fault == Faults.Outcome.FAIL) {
      resource.failedStatus = failed;
      resource.failureReason = reason.toString();
    }
  }

  /** Completes every transition that is due on the clock. */
  private void settle() {
    final Instant now = now();
    for (final Map<String, Resource> map : List.of(domains, profiles, apps, spaces)) {
      map.values()
          .removeIf(
              resource -> {
                if (resource.transitionAt == null || now.isBefore(resource.transitionAt)) {
                  return false;
                }
                resource.transitionAt = null;
                resource.modified = now;
                if (resource.failedStatus != null) {
                  resource.status = resource.failedStatus;
                  resource.failedStatus = null;
                  return false;
                }
                resource.failureReason = null;
                if (resource.nextStatus == null) {
                  tags.remove(resource.arn);
                  return true;
                }
                resource.status = resource.nextStatus;
                return false;
              });
    }
  }

  private Instant now() {
    return clock.instant();
  }

  private static void requireInService(final Resource resource, final String what) {
    if (!IN_SERVICE.equals(resource.status)) {
      throw ApiException.inUse(what + " is in " + resource.status + " state.");
    }
  }

  private boolean hasRunningApps(final Resource domain) {
    final String domainId = text(domain.attributes, "DomainId");
    return apps.values().stream()
        .anyMatch(
            a ->
                domainId.equals(text(a.attributes, "DomainId"))
                    && Set.of(IN_SERVICE, "Pending", DELETING).contains(a.status));
  }

  private static boolean isRStudioEnabled(final ObjectNode domain, final ObjectNode update) {
    return update
            .path("DomainSettingsForUpdate")
            .path("RStudioServerProDomainSettingsForUpdate")
            .has("DomainExecutionRoleArn")
        || domain
            .path("DomainSettings")
            .path("RStudioServerProDomainSettings")
            .has("DomainExecutionRoleArn");
  }

  // ---------------------------------------------------------------- output

  private ObjectNode describe(final Resource resource) {
    final ObjectNode out = resource.attributes.deepCopy();
    out.put("Status", resource.status);
    if (resource.failureReason != null && resource.failedStatus == null) {
      out.put("FailureReason", resource.failureReason);
    }
    out.put("CreationTime", epochSeconds(resource.created));
    out.put("LastModifiedTime", epochSeconds(resource.modified));
    return out;
  }

  private ObjectNode summary(final Resource resource, final String... members) {
    final ObjectNode out = object();
    for (final String member : members) {
      if (resource.attributes.has(member)) {
        out.set(member, resource.attributes.get(member));
      }
    }
    out.put("Status", resource.status);
    out.put("CreationTime", epochSeconds(resource.created));
    out.put("LastModifiedTime", epochSeconds(resource.modified));
    return out;
  }

  /** AWS JSON timestamps are epoch seconds. */
  private static double epochSeconds(final Instant instant) {
    return instant.toEpochMilli() / 1000.0;
  }

  /** One page of {@code items} for NextToken/MaxResults (1..100, default 10). */
  private static <T> ObjectNode page(
      final ObjectNode request,
      final String member,
      final List<T> items,
      final Function<T, ObjectNode> render) {
    final int max = request.has("MaxResults") ? request.get("MaxResults").asInt() : 10;
    if (max < 1 || (max > 100 && !"Tags".equals(member))) {
      throw ApiException.validation("MaxResults must be between 1 and 100.");
    }
    final int start = decodeToken(text(request, "NextToken"), items.size());
    final int end = Math.min(items.size(), start + max);
    final ObjectNode out = object();
    final ArrayNode array = out.putArray(member);
    items.subList(start, end).forEach(item -> array.add(render.apply(item)));
    if (end < items.size()) {
      out.put(
          "NextToken",
          Base64.getEncoder().encodeToString(("offset:" + end).getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  private static int decodeToken(final String token, final int size) {
    if (token == null) {
      return 0;
    }
    try {
      final String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      final int offset = Integer.parseInt(decoded.substring("offset:".length()));
      if (offset < 0 || offset > size || !decoded.startsWith("offset:")) {
        throw new IllegalArgumentException(decoded);
      }
      return offset;
    } catch (final IllegalArgumentException | IndexOutOfBoundsException e) {
      throw ApiException.validation("Invalid NextToken.");
    }
  }

  private static List<Resource> filter(
      final java.util.Collection<Resource> resources, final Predicate<Resource> keep) {
    return resources.stream().filter(keep).sorted(Comparator.comparing(r -> r.created)).toList();
  }

  // ---------------------------------------------------------------- validation

  private static String required(final ObjectNode request, final String member) {
    final String value = text(request, member);
    if (value == null) {
      throw ApiException.validation(
          "1 validation error detected: Value null at '"
              + lowerFirst(member)
              + "' failed to satisfy constraint: Member must not be null");
    }
    return value;
  }

  private static void requireObject(final ObjectNode request, final String member) {
    if (!request.path(member).isObject()) {
      throw ApiException.validation(
          "1 validation error detected: Value null at '"
              + lowerFirst(member)
              + "' failed to satisfy constraint: Member must not be null");
    }
  }

  private static void requireName(final String member, final String value) {
    if (!NAME.matcher(value).matches()) {
      throw ApiException.validation(
          "1 validation error detected: Value '"
              + value
              + "' at '"
              + member
              + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
              + NAME.pattern());
    }
  }

  private static void requireOneOf(
      final String member, final String value, final Set<String> allowed) {
    if (!allowed.contains(value)) {
      throw ApiException.validation(
          "1 validation error detected: Value '"
              + value
              + "' at '"
              + member
              + "' failed to satisfy constraint: Member must satisfy enum value set: "
              + allowed.stream().sorted().toList());
    }
  }

  private static void validateUserSettings(final String member, final JsonNode settings) {
    final String role = settings.path("ExecutionRole").asText(null);
    if (role != null && !ROLE_ARN.matcher(role).matches()) {
      throw ApiException.validation(
          "1 validation error detected: Value '"
              + role
              + "' at '"
              + member
              + ".executionRole' failed to satisfy constraint: Member must satisfy regular"
              + " expression pattern: "
              + ROLE_ARN.pattern());
    }
    settings
        .path("SecurityGroups")
        .forEach(group -> requirePattern(member + ".securityGroups", group.asText()));
  }

  private static void validateNetwork(final ObjectNode request, final ObjectNode settings) {
    final String access = text(settings, "AppNetworkAccessType");
    if (access != null) {
      requireOneOf("appNetworkAccessType", access, NETWORK_ACCESS);
      if ("VpcOnly".equals(access) && (!request.has("VpcId") || !request.has("SubnetIds"))) {
        throw ApiException.validation("VpcId and SubnetIds are required for VpcOnly domains.");
      }
    }
    validateSubnets(request);
  }

  private static void validateSubnets(final ObjectNode request) {
    if (request.has("SubnetIds")) {
      requireArray(request, "SubnetIds", 1, 16);
      request.get("SubnetIds").forEach(subnet -> requirePattern("subnetIds", subnet.asText()));
    }
    if (request.has("VpcId")) {
      requirePattern("vpcId", request.get("VpcId").asText());
    }
  }

  private static void requirePattern(final String member, final String value) {
    if (!SUBNET_OR_GROUP.matcher(value).matches() || value.length() > 32) {
      throw ApiException.validation(
          "1 validation error detected: Value '"
              + value
              + "' at '"
              + member
              + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
              + SUBNET_OR_GROUP.pattern());
    }
  }

  private static void requireArray(
      final ObjectNode request, final String member, final int min, final int max) {
    requireArrayNode(lowerFirst(member), request.get(member), min, max);
  }

  private static void requireArrayNode(
      final String member, final JsonNode array, final int min, final int max) {
    if (array == null || !array.isArray() || array.size() < min || array.size() > max) {
      throw ApiException.validation(
          "1 validation error detected: Value at '"
              + member
              + "' failed to satisfy constraint:"
              + " Member must have length between "
              + min
              + " and "
              + max);
    }
  }

  private static String text(final JsonNode node, final String member) {
    final JsonNode value = node.get(member);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String lowerFirst(final String member) {
    return Character.toLowerCase(member.charAt(0)) + member.substring(1);
  }

  private static void merge(final ObjectNode target, final JsonNode changes) {
    changes
        .properties()
        .forEach(
            member -> {
              final JsonNode existing = target.get(member.getKey());
              if (existing instanceof ObjectNode object && member.getValue().isObject()) {
                merge(object, member.getValue());
              } else {
                target.set(member.getKey(), member.getValue().deepCopy());
              }
            });
  }

  private static ObjectNode object() {
    return JSON.objectNode();
  }

  private static String arn(final String resource) {
    return "arn:aws:sagemaker:" + REGION + ":" + ACCOUNT + ":" + resource;
  }
}
