package com.org.sagemaker.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** CreateApp, DescribeApp, DeleteApp, ListApps: apps belong to a user profile or to a space. */
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
          "An app names exactly one of UserProfileName and SpaceName (CreateApp, DescribeApp,"
              + " DeleteApp; ListApps takes at most one of the two filters).",
          "ValidationException",
          "Specify exactly one of UserProfileName and SpaceName.",
          MODEL
              + " CreateAppRequest.UserProfileName: \"If this value is not set, then SpaceName"
              + " must be set\"; ListAppsRequest.UserProfileNameEquals: \"If SpaceNameEquals is set,"
              + " then this value cannot be set\"; the message is ours: a public Lambda log shows"
              + " DescribeApp answering \"Either UserProfileName or SpaceName must be passed for"
              + " DescribeApp operation.\", but its repository could not be named");
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
          "An app that does not exist is not found by DescribeApp or DeleteApp; DeleteApp does"
              + " not find a Deleted one either.",
          "ResourceNotFound",
          "App %s does not exist.",
          MODEL
              + ": DescribeApp and DeleteApp declare ResourceNotFound; no public report shows the"
              + " message");
  static final Rule DESCRIBE_DELETED =
      Rule.behaviour(
          "app.describe.deleted",
          "DescribeApp still answers for a Deleted app, with Status Deleted. (SageMaker drops an"
              + " app's metadata 24 hours after it is shut down; the emulator keeps it.)",
          "AWS's AWS::SageMaker::App ReadHandler and DeleteHandler read Status DELETED from"
              + " DescribeApp (\"Deleted Apps stay present for 24 hours with a Deleted status\"); "
              + MODEL
              + " DescribeAppResponse.CreationTime: \"After an application has been shut down for 24"
              + " hours, SageMaker AI deletes all metadata for the application\"",
          Rule.Evidence.DOCUMENTED);
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
      List.of(
          OWNER, OWNER_STATE, DUPLICATE, NOT_FOUND, DESCRIBE_DELETED, DELETE_STATE, DELETED_STAYS);

  private final Account account;
  private final UserProfiles profiles;
  private final Spaces spaces;
  private final Tags tags;

  Apps(final Account account, final UserProfiles profiles, final Spaces spaces, final Tags tags) {
    this.account = account;
    this.profiles = profiles;
    this.spaces = spaces;
    this.tags = tags;
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
    // CreateAppRequest.Tags (botocore service-2.json, the SDK's CreateAppRequest.tags()): "Each tag
    // consists of a key and an optional value. Tag keys must be unique per resource."
    final ObjectNode attributes = tags.takeTags(arn, request);
    account.apps.put(
        key, account.create(arn, attributes, "App.Create", account.timings.appCreate()));
    return Json.object().put("AppArn", arn);
  }

  /**
   * DescribeApp: what the app was created with (its owner, type, name, ResourceSpec and
   * RecoveryMode), ARN, status, creation time and failure reason. Of DescribeAppResponse's other
   * members (the SDK's sdkFields()) the emulator knows none: no LastModifiedTime (the response has
   * none), health check or user activity times, built-in lifecycle config, trusted identity
   * propagation status, nor the ResourceSpec defaults SageMaker fills in.
   */
  ObjectNode describe(final ObjectNode request) {
    final Resource app = find(request);
    NOT_FOUND.check(app == null, Json.text(request, "AppName"));
    final ObjectNode described = Account.describe(app).put("AppArn", app.arn);
    described.remove("LastModifiedTime");
    return described;
  }

  ObjectNode delete(final ObjectNode request) {
    final Resource app = find(request);
    final String name = Json.text(request, "AppName");
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

  /** The app a DescribeApp or DeleteApp request names, Deleted included; null if none. */
  private Resource find(final ObjectNode request) {
    Validation.required(request, "DomainId");
    Validation.required(request, "AppType");
    Validation.required(request, "AppName");
    owner(request);
    return account.apps.get(key(request));
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
