package com.org.sagemaker.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/** CreateSpace, DeleteSpace, ListSpaces: private spaces of one profile, or shared ones. */
final class Spaces {

  private static final String MODEL = "botocore service-2.json";
  private static final Set<String> SHARING = Set.of("Private", "Shared");

  static final Rule NOT_FOUND =
      Rule.documented(
          "space.not-found",
          "A space that does not exist (or whose deletion finished) is not found.",
          "ResourceNotFound",
          "Space %s does not exist in domain %s.",
          MODEL + ": DeleteSpace declares ResourceNotFound; the message is not public");
  static final Rule DOMAIN_STATE =
      Rule.notEstablished(
          "space.create.domain-state",
          "CreateSpace is refused unless the domain is InService.",
          "ValidationException",
          "Domain %s is in %s state; spaces can only be created in an InService domain.",
          "not established (assumed like a space's owner, see space.create.owner-state)");
  static final Rule OWNER_STATE =
      Rule.documented(
          "space.create.owner-state",
          "CreateSpace for an owner profile that is not InService is refused.",
          "ValidationException",
          "User profile %s is in %s state; its spaces can only be created once it is InService.",
          "boto/botocore#3452: \"Until the user profile reach InService, it's impossible to create"
              + " application Spaces owned by the aforementioned user profile\"; the message is not"
              + " public");
  static final Rule PRIVATE_NEEDS_SETTINGS =
      Rule.quoted(
          "space.create.private-settings",
          "A private space needs SpaceSettings.",
          "ValidationException",
          "SpaceSettings must be provided for creating private space [%s]",
          "hashicorp/terraform-provider-aws#38370");
  static final Rule DUPLICATE =
      Rule.documented(
          "space.create.duplicate",
          "A space name is unique in its domain.",
          "ResourceInUse",
          "Space %s already exists.",
          MODEL + ": CreateSpace declares ResourceInUse; the message is not public");
  static final Rule APPS =
      Rule.documented(
          "space.delete.apps",
          "DeleteSpace is refused while the space has apps that are neither Deleted nor Failed.",
          "ResourceInUse",
          "Unable to delete Space [%s] because App(s) are associated with it.",
          "AWS's AWS::SageMaker::Space DeleteHandler (\"deletes can fail due to associated"
              + " Apps\", ResourceInUse); the message is not public");

  static final List<Rule> RULES =
      List.of(NOT_FOUND, DOMAIN_STATE, OWNER_STATE, PRIVATE_NEEDS_SETTINGS, DUPLICATE, APPS);

  private final Account account;
  private final Domains domains;
  private final Tags tags;
  private final UserProfiles profiles;

  Spaces(
      final Account account, final Domains domains, final UserProfiles profiles, final Tags tags) {
    this.account = account;
    this.domains = domains;
    this.profiles = profiles;
    this.tags = tags;
  }

  /** The profile that owns {@code space}, or null. */
  static String owner(final Resource space) {
    return space.attributes.path("OwnershipSettings").path("OwnerUserProfileName").asText(null);
  }

  Resource get(final String domainId, final String name) {
    final Resource space = account.spaces.get(domainId + "/" + name);
    if (space == null) {
      throw NOT_FOUND.violated(name, domainId);
    }
    return space;
  }

  ObjectNode create(final ObjectNode request) {
    final String domainId = Validation.required(request, "DomainId");
    final String name = Validation.required(request, "SpaceName");
    Validation.requireName("spaceName", name);
    final Resource domain = domains.get(domainId);
    DOMAIN_STATE.check(!domain.is(Status.IN_SERVICE), domainId, domain.status);
    final String sharing =
        request.path("SpaceSharingSettings").path("SharingType").asText("Private");
    Validation.requireOneOf("spaceSharingSettings.sharingType", sharing, SHARING);
    final String arn = Account.arn("space/" + domainId + "/" + name);
    PRIVATE_NEEDS_SETTINGS.check("Private".equals(sharing) && !request.has("SpaceSettings"), arn);
    final String owner =
        request.path("OwnershipSettings").path("OwnerUserProfileName").asText(null);
    if (owner != null) {
      final Resource profile = profiles.get(domainId, owner);
      OWNER_STATE.check(!profile.is(Status.IN_SERVICE), owner, profile.status);
    }
    DUPLICATE.check(account.spaces.containsKey(domainId + "/" + name), name);
    final ObjectNode attributes = tags.takeTags(arn, request);
    attributes.putObject("SpaceSharingSettings").put("SharingType", sharing);
    account.spaces.put(
        domainId + "/" + name,
        account.create(arn, attributes, "Space.Create", account.timings.spaceCreate()));
    return Json.object().put("SpaceArn", arn);
  }

  ObjectNode delete(final ObjectNode request) {
    final String domainId = Validation.required(request, "DomainId");
    final String name = Validation.required(request, "SpaceName");
    final Resource space = get(domainId, name);
    APPS.check(
        account.hasApp(domainId, Status.APP_RUNNING, app -> name.equals(app.text("SpaceName"))),
        space.arn);
    account.startDeletion(space, "Space.Delete", account.timings.spaceDelete());
    return Json.object();
  }

  ObjectNode list(final ObjectNode request) {
    return Pages.pageInDomain(
        request,
        "Spaces",
        account.spaces.values(),
        "SpaceName",
        (s, summary) -> {
          final String owner = owner(s);
          if (owner != null) {
            summary.putObject("OwnershipSettingsSummary").put("OwnerUserProfileName", owner);
          }
          summary.set("SpaceSharingSettingsSummary", s.attributes.get("SpaceSharingSettings"));
        });
  }
}
