package com.org.sagemaker.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** CreateApp, DeleteApp, ListApps: apps belong to a user profile or to a space. */
final class Apps {

  private static final String MODEL = "botocore service-2.json";
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

  static final Rule OWNER =
      Rule.documented(
          "app.owner",
          "An app names exactly one of UserProfileName and SpaceName (CreateApp, DeleteApp;"
              + " ListApps takes at most one of the two filters).",
          "ValidationException",
          "Specify exactly one of UserProfileName and SpaceName.",
          MODEL
              + " CreateAppRequest.UserProfileName: \"If this value is not set, then SpaceName"
              + " must be set\"; ListAppsRequest.UserProfileNameEquals: \"If SpaceNameEquals is set,"
              + " then this value cannot be set\"; the message is not public");
  static final Rule OWNER_STATE =
      Rule.notEstablished(
          "app.create.owner-state",
          "CreateApp is refused unless its user profile or space is InService.",
          "ValidationException",
          "%s is in %s state; apps can only be created for an InService owner.",
          "not established; assumed like spaces, which cannot be created for a profile that is not"
              + " InService (boto/botocore#3452)");
  static final Rule DUPLICATE =
      Rule.documented(
          "app.create.duplicate",
          "An app that exists (and is not Deleted) cannot be created again.",
          "ResourceInUse",
          "App %s already exists.",
          MODEL + ": CreateApp declares ResourceInUse; the message is not public");
  static final Rule NOT_FOUND =
      Rule.documented(
          "app.not-found",
          "An app that does not exist, or is Deleted, is not found.",
          "ResourceNotFound",
          "App %s does not exist.",
          MODEL + ": DeleteApp declares ResourceNotFound; the message is not public");
  static final Rule DELETE_STATE =
      Rule.documented(
          "app.delete.state",
          "DeleteApp is accepted for an InService app (and, as a no-op, a Deleting one): not for a"
              + " Pending or Failed one.",
          "ValidationException",
          "App %s is in %s state and cannot be deleted.",
          "gs-studio-delete-domain.html: \"You can only delete an app whose status is InService"
              + " ... an attempt to delete an app in the failed state results in an error\"; the"
              + " message is not public");
  static final Rule DELETED_STAYS =
      Rule.behaviour(
          "app.deleted-listed",
          "A deleted app stays listed, with status Deleted; Failed and Deleted apps block nothing.",
          "AWS's AWS::SageMaker::App DeleteHandler (\"Deleted Apps stay present for 24 hours with a"
              + " Deleted status\"); gs-studio-delete-domain.html (\"An app whose status is Failed"
              + " doesn't need to be deleted\")",
          Rule.Evidence.DOCUMENTED);

  static final List<Rule> RULES =
      List.of(OWNER, OWNER_STATE, DUPLICATE, NOT_FOUND, DELETE_STATE, DELETED_STAYS);

  private final Account account;
  private final UserProfiles profiles;
  private final Spaces spaces;

  Apps(final Account account, final UserProfiles profiles, final Spaces spaces) {
    this.account = account;
    this.profiles = profiles;
    this.spaces = spaces;
  }

  ObjectNode create(final ObjectNode request) {
    final String domainId = Validation.required(request, "DomainId");
    Validation.requireOneOf("appType", Validation.required(request, "AppType"), APP_TYPES);
    Validation.requireName("appName", Validation.required(request, "AppName"));
    final String owner = owner(request);
    final Resource parent =
        request.has("SpaceName") ? spaces.get(domainId, owner) : profiles.get(domainId, owner);
    OWNER_STATE.check(!parent.is(Status.IN_SERVICE), owner, parent.status);
    final String key = key(request);
    final Resource existing = account.apps.get(key);
    DUPLICATE.check(
        existing != null && !existing.is(Status.DELETED), Json.text(request, "AppName"));
    final String arn =
        Account.arn(
            "app/"
                + domainId
                + "/"
                + owner
                + "/"
                + Json.text(request, "AppType").toLowerCase(Locale.ROOT)
                + "/"
                + Json.text(request, "AppName"));
    final ObjectNode attributes = request.deepCopy();
    attributes.remove("Tags");
    account.apps.put(
        key, account.create(arn, attributes, "App.Create", account.timings.appCreate()));
    return Json.object().put("AppArn", arn);
  }

  ObjectNode delete(final ObjectNode request) {
    Validation.required(request, "DomainId");
    Validation.required(request, "AppType");
    final String name = Validation.required(request, "AppName");
    owner(request);
    final Resource app = account.apps.get(key(request));
    NOT_FOUND.check(app == null || app.is(Status.DELETED), name);
    DELETE_STATE.check(!app.is(Status.IN_SERVICE) && !app.is(Status.DELETING), name, app.status);
    if (!app.is(Status.DELETING)) {
      account.startTransition(
          app,
          "App.Delete",
          Status.DELETING,
          Status.DELETED,
          Status.FAILED,
          account.timings.appDelete());
    }
    return Json.object();
  }

  ObjectNode list(final ObjectNode request) {
    final String domainId = Json.text(request, "DomainIdEquals");
    final String profile = Json.text(request, "UserProfileNameEquals");
    final String space = Json.text(request, "SpaceNameEquals");
    OWNER.check(profile != null && space != null);
    return Pages.page(
        request,
        "Apps",
        Pages.filter(
            account.apps.values(),
            a ->
                (domainId == null || domainId.equals(a.text("DomainId")))
                    && (profile == null || profile.equals(a.text("UserProfileName")))
                    && (space == null || space.equals(a.text("SpaceName")))),
        a -> Account.summary(a, "DomainId", "UserProfileName", "SpaceName", "AppType", "AppName"));
  }

  private static String owner(final ObjectNode request) {
    final String profile = Json.text(request, "UserProfileName");
    final String space = Json.text(request, "SpaceName");
    OWNER.check((profile == null) == (space == null));
    return profile != null ? profile : space;
  }

  private static String key(final ObjectNode request) {
    return String.join(
        "/",
        Json.text(request, "DomainId"),
        request.has("SpaceName")
            ? "space:" + Json.text(request, "SpaceName")
            : "profile:" + Json.text(request, "UserProfileName"),
        Json.text(request, "AppType"),
        Json.text(request, "AppName"));
  }
}
