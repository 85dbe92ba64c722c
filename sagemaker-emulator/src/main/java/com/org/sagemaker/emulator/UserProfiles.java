package com.org.sagemaker.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** CreateUserProfile, DescribeUserProfile, UpdateUserProfile, DeleteUserProfile, List. */
final class UserProfiles {

  private static final String MODEL = "botocore service-2.json";
  private static final String STATUSES =
      "SageMaker developer guide, \"Domain entities and statuses\" (sm-domain.html), user"
          + " profile table";

  static final Rule NOT_FOUND =
      Rule.documented(
          "profile.not-found",
          "A user profile that does not exist (or whose deletion finished) is not found.",
          "ResourceNotFound",
          "User profile %s does not exist in domain %s.",
          MODEL
              + ": DescribeUserProfile, UpdateUserProfile, DeleteUserProfile declare"
              + " ResourceNotFound; the message text is not public");
  static final Rule DOMAIN_STATE =
      Rule.notEstablished(
          "profile.create.domain-state",
          "CreateUserProfile is refused unless the domain is InService.",
          "ValidationException",
          "Domain %s is in %s state; user profiles can only be created in an InService domain.",
          "not established: a space cannot be created for a profile that is not InService yet"
              + " (boto/botocore#3452); the same for a domain is assumed");
  static final Rule DUPLICATE =
      Rule.documented(
          "profile.create.duplicate",
          "A user profile name is unique in its domain, ignoring case.",
          "ResourceInUse",
          "User profile %s already exists in domain %s.",
          MODEL
              + " CreateUserProfileRequest.UserProfileName: \"This value is not case"
              + " sensitive\"; CreateUserProfile declares ResourceInUse; the message is not public");
  static final Rule SINGLE_SIGN_ON =
      Rule.documented(
          "profile.create.single-sign-on",
          "SingleSignOnUserIdentifier (only \"UserName\") and SingleSignOnUserValue are required in"
              + " an SSO domain and refused in an IAM domain.",
          "ValidationException",
          "%s",
          MODEL
              + " CreateUserProfileRequest.SingleSignOnUserIdentifier/Value: \"If the Domain's"
              + " AuthMode is IAM Identity Center, this field is required ... If the Domain's"
              + " AuthMode is not IAM Identity Center, this field cannot be specified\"");
  static final Rule UPDATE_STATE =
      Rule.documented(
          "profile.update.state",
          "UpdateUserProfile is accepted in InService and Update_Failed; not in Pending, Updating,"
              + " Deleting, Failed or Delete_Failed.",
          "ResourceInUse",
          "User profile %s is in %s state and cannot be updated.",
          STATUSES + "; the message text is not public");
  static final Rule APPS =
      Rule.quoted(
          "profile.delete.apps",
          "DeleteUserProfile is refused while the profile has apps that are neither Deleted nor"
              + " Failed.",
          "ResourceInUse",
          "Unable to delete UserProfile [%s] because App(s) are associated with it.",
          "aws/amazon-sagemaker-feedback#113; gs-studio-delete-domain.html: \"the profile cannot"
              + " contain any non-failed apps\"");
  static final Rule SPACES =
      Rule.documented(
          "profile.delete.spaces",
          "DeleteUserProfile is refused while the profile owns spaces.",
          "ResourceInUse",
          "Unable to delete UserProfile [%s] because Space(s) are associated with it.",
          "SageMaker developer guide, domain-user-profile-remove.html: \"all spaces owned by the"
              + " user profile must be deleted to delete the user profile\"; the message is not"
              + " public");
  static final Rule DELETE_STATE =
      Rule.notEstablished(
          "profile.delete.state",
          "DeleteUserProfile is accepted in InService, Failed, Update_Failed, Delete_Failed and (as"
              + " a no-op) Deleting; refused while Pending or Updating.",
          "ResourceInUse",
          "User profile %s is in %s state and cannot be deleted.",
          STATUSES + " documents delete for Failed and Delete_Failed; the rest is not established");

  static final List<Rule> RULES =
      List.of(
          NOT_FOUND,
          DOMAIN_STATE,
          DUPLICATE,
          SINGLE_SIGN_ON,
          UPDATE_STATE,
          APPS,
          SPACES,
          DELETE_STATE);

  private final Account account;
  private final Domains domains;
  private final Tags tags;

  UserProfiles(final Account account, final Domains domains, final Tags tags) {
    this.account = account;
    this.domains = domains;
    this.tags = tags;
  }

  static String key(final String domainId, final String name) {
    return domainId + "/" + name.toLowerCase(Locale.ROOT);
  }

  Resource get(final String domainId, final String name) {
    final Resource profile = account.profiles.get(key(domainId, name));
    if (profile == null) {
      throw NOT_FOUND.violated(name, domainId);
    }
    return profile;
  }

  private Resource get(final ObjectNode request) {
    return get(
        Validation.required(request, "DomainId"), Validation.required(request, "UserProfileName"));
  }

  ObjectNode create(final ObjectNode request) {
    final String domainId = Validation.required(request, "DomainId");
    final String name = Validation.required(request, "UserProfileName");
    Validation.requireName("userProfileName", name);
    final Resource domain = domains.get(domainId);
    DOMAIN_STATE.check(!domain.is(Status.IN_SERVICE), domainId, domain.status);
    final boolean sso = "SSO".equals(domain.text("AuthMode"));
    final String identifier = Json.text(request, "SingleSignOnUserIdentifier");
    SINGLE_SIGN_ON.check(
        sso && (identifier == null || !request.has("SingleSignOnUserValue")),
        "SingleSignOnUserIdentifier and SingleSignOnUserValue are required for a domain in SSO"
            + " mode.");
    SINGLE_SIGN_ON.check(
        !sso && (identifier != null || request.has("SingleSignOnUserValue")),
        "SingleSignOnUserIdentifier and SingleSignOnUserValue are only supported for domains in"
            + " SSO mode.");
    if (identifier != null) {
      Validation.requireOneOf("singleSignOnUserIdentifier", identifier, Set.of("UserName"));
    }
    if (request.has("UserSettings")) {
      Validation.userSettings("userSettings", request.get("UserSettings"));
      Domains.requireStudioWebPortalAllowed(request.get("UserSettings"));
    }
    DUPLICATE.check(account.profiles.containsKey(key(domainId, name)), name, domainId);
    final String arn = Account.arn("user-profile/" + domainId + "/" + name);
    final ObjectNode attributes = tags.takeTags(arn, request);
    attributes.put("UserProfileArn", arn);
    attributes.put("HomeEfsFileSystemUid", String.valueOf(200000 + account.nextSequence()));
    account.profiles.put(
        key(domainId, name),
        account.create(arn, attributes, "UserProfile.Create", account.timings.profileCreate()));
    return Json.object().put("UserProfileArn", arn);
  }

  ObjectNode describe(final ObjectNode request) {
    return Account.describe(get(request));
  }

  ObjectNode update(final ObjectNode request) {
    final Resource profile = get(request);
    UPDATE_STATE.check(
        !Status.UPDATABLE.contains(profile.status),
        profile.text("UserProfileName"),
        profile.status);
    if (request.has("UserSettings")) {
      Validation.userSettings("userSettings", request.get("UserSettings"));
      profile.patch(
          Json.object().set("UserSettings", request.get("UserSettings")),
          after -> Domains.requireStudioWebPortalAllowed(after.get("UserSettings")));
    }
    account.startTransition(
        profile,
        "UserProfile.Update",
        Status.UPDATING,
        Status.IN_SERVICE,
        Status.UPDATE_FAILED,
        account.timings.profileUpdate());
    return Json.object().put("UserProfileArn", profile.arn);
  }

  ObjectNode delete(final ObjectNode request) {
    final Resource profile = get(request);
    final String domainId = profile.text("DomainId");
    final String name = profile.text("UserProfileName");
    DELETE_STATE.check(!Status.DELETABLE.contains(profile.status), name, profile.status);
    APPS.check(
        account.hasApp(
            domainId,
            Status.APP_RUNNING,
            app -> name.equalsIgnoreCase(app.text("UserProfileName"))),
        profile.arn);
    SPACES.check(
        account.spaces.values().stream()
            .anyMatch(
                s -> domainId.equals(s.text("DomainId")) && name.equalsIgnoreCase(Spaces.owner(s))),
        profile.arn);
    account.startDeletion(profile, "UserProfile.Delete", account.timings.profileDelete());
    return Json.object();
  }

  ObjectNode list(final ObjectNode request) {
    return Pages.pageInDomain(
        request, "UserProfiles", account.profiles.values(), "UserProfileName", (p, summary) -> {});
  }
}
