package com.org.sagemaker.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One scenario per rule of the {@link RuleBook}: the call that breaks it answers the rule's error,
 * with the message its source shows where it is public (quoted literally here), or the behaviour
 * happens. A rule without a scenario, or a rule book that docs/emulator-rules.md does not show,
 * fails the build.
 */
class RuleBookTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DOC = Path.of("..", "docs", "emulator-rules.md");
  private static final String ROLE = "arn:aws:iam::123456789012:role/Studio";
  private static final String RSTUDIO_ROLE = "arn:aws:iam::123456789012:role/RStudio";

  private final VirtualClock clock = VirtualClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
  private SageMakerEmulator emulator = start(SageMakerEmulator.Options.defaults());

  private SageMakerEmulator start(final SageMakerEmulator.Options options) {
    try {
      return SageMakerEmulator.start(options.withClock(clock).withDomainLimit(3));
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  /** Each rule id, and what breaks (or shows) it. */
  private Map<String, Consumer<RuleBookTest>> scenarios() {
    final Map<String, Consumer<RuleBookTest>> s = new LinkedHashMap<>();
    // ------------------------------------------------------------------ domains
    s.put(
        "domain.not-found",
        t ->
            t.refused(
                "DescribeDomain",
                "{\"DomainId\": \"d-000000000bad\"}",
                "ResourceNotFound",
                "Domain d-000000000bad does not exist."));
    s.put(
        "domain.create.limit",
        t -> {
          t.domain("one");
          t.domain("two");
          t.failedDomain("three");
          t.refused(
              "CreateDomain",
              t.domainRequest("four").toString(),
              "ResourceLimitExceeded",
              "The account-level service limit 'Total domains' is 3 Domains, with current"
                  + " utilization of 3 Domains and a request delta of 1 Domains. Please contact AWS"
                  + " support to request an increase for this limit.");
        });
    s.put(
        "domain.create.network",
        t -> {
          final ObjectNode request = t.domainRequest("novpc");
          request.remove("VpcId");
          t.refused(
              "CreateDomain",
              request.toString(),
              "ValidationException",
              "VpcId and SubnetIds are required to create domain novpc.");
          request.remove("SubnetIds");
          request.putObject("DomainSettings").putObject("UnifiedStudioSettings");
          assertThat(t.call("CreateDomain", request.toString()).path("DomainId").asText())
              .startsWith("d-");
        });
    s.put(
        "domain.create.defaults",
        t -> {
          final JsonNode domain = t.describe(t.domain("defaults"));
          assertThat(domain.path("AppNetworkAccessType").asText()).isEqualTo("PublicInternetOnly");
          assertThat(domain.path("DefaultUserSettings").path("StudioWebPortal").asText())
              .isEqualTo("ENABLED");
          assertThat(domain.path("DefaultUserSettings").path("DefaultLandingUri").asText())
              .isEqualTo("studio::");
          assertThat(domain.path("DefaultUserSettings").path("AutoMountHomeEFS").asText())
              .isEqualTo("Enabled");
        });
    s.put(
        "domain.update.state",
        t -> {
          final String id = t.pendingDomain("pending");
          t.refused(
              "UpdateDomain",
              "{\"DomainId\": \"" + id + "\", \"TagPropagation\": \"ENABLED\"}",
              "ResourceInUse",
              "Domain " + id + " is in Pending state and cannot be updated.");
          final String failed = t.failedUpdateDomain("repairable");
          t.call(
              "UpdateDomain",
              "{\"DomainId\": \"" + failed + "\", \"TagPropagation\": \"DISABLED\"}");
          t.clock.advance(Timings.REALISTIC.domainUpdate());
          assertThat(t.describe(failed).path("Status").asText()).isEqualTo("InService");
        });
    s.put(
        "domain.update.patch",
        t -> {
          final String id = t.domain("patch");
          t.call(
              "UpdateDomain",
              "{\"DomainId\": \""
                  + id
                  + "\", \"DefaultUserSettings\": {\"StudioWebPortal\": \"ENABLED\","
                  + " \"CustomFileSystemConfigs\": [], \"SecurityGroups\": [\"sg-1\"]},"
                  + " \"DomainSettingsForUpdate\": {\"SecurityGroupIds\": []}}");
          final JsonNode settings = t.describe(id).path("DefaultUserSettings");
          assertThat(settings.path("ExecutionRole").asText()).isEqualTo(ROLE);
          assertThat(settings.path("CustomFileSystemConfigs").isArray()).isTrue();
          assertThat(t.describe(id).path("DomainSettings").path("SecurityGroupIds").size())
              .isEqualTo(1);
        });
    s.put(
        "domain.update.vpc-only",
        t ->
            t.refused(
                "UpdateDomain",
                "{\"DomainId\": \""
                    + t.domain("vpconly")
                    + "\", \"AppNetworkAccessType\": \"VpcOnly\"}",
                "ValidationException",
                "VpcId and Subnet IDs are required for updating domains to VpcOnly mode."));
    s.put(
        "domain.update.app-security-group-management",
        t ->
            t.refused(
                "UpdateDomain",
                "{\"DomainId\": \""
                    + t.domain("sgm")
                    + "\", \"AppSecurityGroupManagement\": \"Service\"}",
                "ValidationException",
                "AppSecurityGroupManagement can only be set for Rstudio enabled domains."));
    s.put(
        "domain.update.rstudio-with-apps",
        t -> {
          final String id = t.domainWithApp("rstudio");
          t.refused(
              "UpdateDomain",
              "{\"DomainId\": \""
                  + id
                  + "\", \"DomainSettingsForUpdate\":"
                  + " {\"RStudioServerProDomainSettingsForUpdate\": {\"DomainExecutionRoleArn\": \""
                  + RSTUDIO_ROLE
                  + "\"}}}",
              "ValidationException",
              "Unable to update Domain ["
                  + t.arn(id)
                  + "] with InService App. Delete all InService"
                  + " apps in the domain including shared Apps for [domain-shared] User Profile, and"
                  + " try again.");
        });
    s.put(
        "domain.update.network-with-apps",
        t -> {
          final String id = t.domainWithApp("network");
          t.refused(
              "UpdateDomain",
              "{\"DomainId\": \""
                  + id
                  + "\", \"AppNetworkAccessType\": \"VpcOnly\","
                  + " \"VpcId\": \"vpc-1\", \"SubnetIds\": [\"subnet-1\"]}",
              "ValidationException",
              "Unable to update Domain ["
                  + t.arn(id)
                  + "]: AppNetworkAccessType can only be changed"
                  + " when there are no apps in the InService, Pending or Deleting state.");
          t.refused(
              "UpdateDomain",
              "{\"DomainId\": \"" + id + "\", \"SubnetIds\": [\"subnet-2\"]}",
              "ValidationException",
              "Unable to update Domain ["
                  + t.arn(id)
                  + "]: SubnetIds can only be changed when"
                  + " there are no apps in the InService, Pending or Deleting state.");
          t.call(
              "UpdateDomain",
              "{\"DomainId\": \"" + id + "\", \"SubnetIds\": [\"subnet-1\", \"subnet-2\"]}");
        });
    s.put(
        "domain.update.network-with-rstudio",
        t -> {
          final String id = t.rStudioDomain("rsnet");
          t.refused(
              "UpdateDomain",
              "{\"DomainId\": \""
                  + id
                  + "\", \"AppNetworkAccessType\": \"VpcOnly\","
                  + " \"VpcId\": \"vpc-1\", \"SubnetIds\": [\"subnet-1\"]}",
              "ValidationException",
              "Unable to update Domain ["
                  + t.arn(id)
                  + "]: AppNetworkAccessType cannot be updated"
                  + " when RStudio is enabled.");
        });
    s.put(
        "domain.update.identity-config-with-apps",
        t -> {
          final String id = t.domainWithApp("identity");
          t.refused(
              "UpdateDomain",
              "{\"DomainId\": \""
                  + id
                  + "\", \"DomainSettingsForUpdate\":"
                  + " {\"ExecutionRoleIdentityConfig\": \"USER_PROFILE_NAME\"}}",
              "ValidationException",
              "Unable to update Domain ["
                  + t.arn(id)
                  + "]: ExecutionRoleIdentityConfig can only be"
                  + " changed when there are no apps in the InService or Pending state.");
        });
    s.put(
        "domain.update.vpc-id",
        t -> {
          final String id = t.domain("vpcid");
          t.refused(
              "UpdateDomain",
              "{\"DomainId\": \"" + id + "\", \"VpcId\": \"vpc-2\"}",
              "ValidationException",
              "Unable to update Domain [" + t.arn(id) + "]: its VPC cannot be changed.");
          t.call("UpdateDomain", "{\"DomainId\": \"" + id + "\", \"VpcId\": \"vpc-1\"}");
        });
    s.put(
        "domain.studio-web-portal",
        t ->
            t.refused(
                "UpdateDomain",
                "{\"DomainId\": \""
                    + t.domain("classic")
                    + "\", \"DefaultUserSettings\":"
                    + " {\"StudioWebPortal\": \"DISABLED\"}}",
                "ValidationException",
                "StudioWebPortal is disabled for this domain/user."));
    s.put(
        "domain.delete.state",
        t -> {
          final String id = t.pendingDomain("young");
          t.refused(
              "DeleteDomain",
              "{\"DomainId\": \"" + id + "\"}",
              "ResourceInUse",
              "Domain " + id + " is in Pending state and cannot be deleted.");
          final String failed = t.failedDomain("broken");
          t.call("DeleteDomain", "{\"DomainId\": \"" + failed + "\"}");
        });
    s.put(
        "domain.delete.dependents",
        t -> {
          final String id = t.domain("busy");
          t.profile(id, "alice");
          t.refused(
              "DeleteDomain",
              "{\"DomainId\": \"" + id + "\"}",
              "ResourceInUse",
              "Unable to delete Domain ["
                  + t.arn(id)
                  + "] because user profile alice are"
                  + " associated with it.");
        });
    s.put(
        "domain.delete.retention",
        t -> {
          final String kept = t.domain("kept");
          final String gone = t.domain("gone");
          final String keptVolume = t.describe(kept).path("HomeEfsFileSystemId").asText();
          t.call("DeleteDomain", "{\"DomainId\": \"" + kept + "\"}");
          t.call(
              "DeleteDomain",
              "{\"DomainId\": \""
                  + gone
                  + "\", \"RetentionPolicy\": {\"HomeEfsFileSystem\": \"Delete\"}}");
          assertThat(t.emulator.retainedFileSystems()).containsExactly(keptVolume);
        });
    // ------------------------------------------------------------------ user profiles
    s.put(
        "profile.not-found",
        t ->
            t.refused(
                "DescribeUserProfile",
                "{\"DomainId\": \"" + t.domain("empty") + "\", \"UserProfileName\": \"nobody\"}",
                "ResourceNotFound",
                "User profile nobody does not exist in domain " + t.domainIds[0] + "."));
    s.put(
        "profile.create.domain-state",
        t -> {
          final String id = t.pendingDomain("early");
          t.refused(
              "CreateUserProfile",
              "{\"DomainId\": \"" + id + "\", \"UserProfileName\": \"alice\"}",
              "ValidationException",
              "Domain "
                  + id
                  + " is in Pending state; user profiles can only be created in an"
                  + " InService domain.");
        });
    s.put(
        "profile.create.duplicate",
        t -> {
          final String id = t.domain("dup");
          t.profile(id, "alice");
          t.refused(
              "CreateUserProfile",
              "{\"DomainId\": \"" + id + "\", \"UserProfileName\": \"Alice\"}",
              "ResourceInUse",
              "User profile Alice already exists in domain " + id + ".");
        });
    s.put(
        "profile.create.single-sign-on",
        t -> {
          final String iam = t.domain("iam");
          t.refused(
              "CreateUserProfile",
              "{\"DomainId\": \""
                  + iam
                  + "\", \"UserProfileName\": \"carol\","
                  + " \"SingleSignOnUserIdentifier\": \"UserName\", \"SingleSignOnUserValue\": \"carol\"}",
              "ValidationException",
              "SingleSignOnUserIdentifier and SingleSignOnUserValue are only supported for domains"
                  + " in SSO mode.");
          final ObjectNode sso = t.domainRequest("sso").put("AuthMode", "SSO");
          final String ssoId = t.call("CreateDomain", sso.toString()).path("DomainId").asText();
          t.clock.advance(Timings.REALISTIC.domainCreate());
          t.refused(
              "CreateUserProfile",
              "{\"DomainId\": \"" + ssoId + "\", \"UserProfileName\": \"dave\"}",
              "ValidationException",
              "SingleSignOnUserIdentifier and SingleSignOnUserValue are required for a domain in SSO"
                  + " mode.");
        });
    s.put(
        "profile.update.state",
        t -> {
          final String id = t.domain("upd");
          t.call(
              "CreateUserProfile", "{\"DomainId\": \"" + id + "\", \"UserProfileName\": \"new\"}");
          t.refused(
              "UpdateUserProfile",
              "{\"DomainId\": \"" + id + "\", \"UserProfileName\": \"new\", \"UserSettings\": {}}",
              "ResourceInUse",
              "User profile new is in Pending state and cannot be updated.");
        });
    s.put(
        "profile.delete.apps",
        t -> {
          final String id = t.domainWithApp("apps");
          t.refused(
              "DeleteUserProfile",
              "{\"DomainId\": \"" + id + "\", \"UserProfileName\": \"owner\"}",
              "ResourceInUse",
              "Unable to delete UserProfile ["
                  + Account.arn("user-profile/" + id + "/owner")
                  + "] because App(s) are associated with it.");
        });
    s.put(
        "profile.delete.spaces",
        t -> {
          final String id = t.domain("spaces");
          t.profile(id, "owner");
          t.privateSpace(id, "owner", "mine");
          t.refused(
              "DeleteUserProfile",
              "{\"DomainId\": \"" + id + "\", \"UserProfileName\": \"owner\"}",
              "ResourceInUse",
              "Unable to delete UserProfile ["
                  + Account.arn("user-profile/" + id + "/owner")
                  + "] because Space(s) are associated with it.");
        });
    s.put(
        "profile.delete.state",
        t -> {
          final String id = t.domain("del");
          t.call(
              "CreateUserProfile", "{\"DomainId\": \"" + id + "\", \"UserProfileName\": \"new\"}");
          t.refused(
              "DeleteUserProfile",
              "{\"DomainId\": \"" + id + "\", \"UserProfileName\": \"new\"}",
              "ResourceInUse",
              "User profile new is in Pending state and cannot be deleted.");
        });
    // ------------------------------------------------------------------ apps
    s.put(
        "app.owner",
        t -> {
          final String ownerless =
              "{\"DomainId\": \""
                  + t.domain("owner")
                  + "\", \"AppType\": \"JupyterServer\","
                  + " \"AppName\": \"default\"}";
          for (final String operation : new String[] {"CreateApp", "DescribeApp", "DeleteApp"}) {
            t.refused(
                operation,
                ownerless,
                "ValidationException",
                "Specify exactly one of UserProfileName and SpaceName.");
          }
        });
    s.put(
        "app.create.owner-state",
        t -> {
          final String id = t.domain("ownerstate");
          t.call(
              "CreateUserProfile", "{\"DomainId\": \"" + id + "\", \"UserProfileName\": \"new\"}");
          t.refused(
              "CreateApp",
              t.appRequest(id, "new"),
              "ValidationException",
              "new is in Pending state; apps can only be created for an InService owner.");
        });
    s.put(
        "app.create.duplicate",
        t -> {
          final String id = t.domainWithApp("twice");
          t.refused(
              "CreateApp",
              t.appRequest(id, "owner"),
              "ResourceInUse",
              "App default already exists.");
        });
    s.put(
        "app.not-found",
        t -> {
          final String id = t.domainWithDeletedApp("noapp");
          for (final String operation : new String[] {"DescribeApp", "DeleteApp"}) {
            t.refused(
                operation,
                t.appRequest(id, "nobody"),
                "ResourceNotFound",
                "App default does not exist.");
          }
          t.refused(
              "DeleteApp",
              t.appRequest(id, "owner"),
              "ResourceNotFound",
              "App default does not exist.");
        });
    s.put(
        "app.describe.deleted",
        t -> {
          final String id = t.domainWithDeletedApp("described");
          final JsonNode app = t.call("DescribeApp", t.appRequest(id, "owner"));
          assertThat(app.path("Status").asText()).isEqualTo("Deleted");
          assertThat(app.path("AppArn").asText())
              .isEqualTo(Account.arn("app/" + id + "/owner/jupyterserver/default"));
        });
    s.put(
        "app.delete.state",
        t -> {
          final String id = t.domain("pendingapp");
          t.profile(id, "owner");
          t.call("CreateApp", t.appRequest(id, "owner"));
          t.refused(
              "DeleteApp",
              t.appRequest(id, "owner"),
              "ValidationException",
              "App default is in Pending state and cannot be deleted.");
        });
    s.put(
        "app.deleted-listed",
        t -> {
          final String id = t.domainWithDeletedApp("listed");
          assertThat(t.call("ListApps", "{}").path("Apps").get(0).path("Status").asText())
              .isEqualTo("Deleted");
          t.call(
              "DeleteUserProfile",
              "{\"DomainId\": \"" + id + "\", \"UserProfileName\": \"owner\"}");
        });
    // ------------------------------------------------------------------ spaces
    s.put(
        "space.not-found",
        t -> {
          final String id = t.domain("nospace");
          t.refused(
              "DeleteSpace",
              "{\"DomainId\": \"" + id + "\", \"SpaceName\": \"none\"}",
              "ResourceNotFound",
              "Space none does not exist in domain " + id + ".");
        });
    s.put(
        "space.create.domain-state",
        t -> {
          final String id = t.pendingDomain("spacedomain");
          t.refused(
              "CreateSpace",
              "{\"DomainId\": \""
                  + id
                  + "\", \"SpaceName\": \"s\","
                  + " \"SpaceSharingSettings\": {\"SharingType\": \"Shared\"}}",
              "ValidationException",
              "Domain "
                  + id
                  + " is in Pending state; spaces can only be created in an InService"
                  + " domain.");
        });
    s.put(
        "space.create.owner-state",
        t -> {
          final String id = t.domain("spaceowner");
          t.call(
              "CreateUserProfile", "{\"DomainId\": \"" + id + "\", \"UserProfileName\": \"new\"}");
          t.refused(
              "CreateSpace",
              t.privateSpaceRequest(id, "new", "s"),
              "ValidationException",
              "User profile new is in Pending state; its spaces can only be created once it is"
                  + " InService.");
        });
    s.put(
        "space.create.private-settings",
        t -> {
          final String id = t.domain("nosettings");
          t.profile(id, "owner");
          final ObjectNode request = t.json(t.privateSpaceRequest(id, "owner", "s"));
          request.remove("SpaceSettings");
          t.refused(
              "CreateSpace",
              request.toString(),
              "ValidationException",
              "SpaceSettings must be provided for creating private space ["
                  + Account.arn("space/" + id + "/s")
                  + "]");
        });
    s.put(
        "space.create.duplicate",
        t -> {
          final String id = t.domain("spacedup");
          t.profile(id, "owner");
          t.privateSpace(id, "owner", "s");
          t.refused(
              "CreateSpace",
              t.privateSpaceRequest(id, "owner", "s"),
              "ResourceInUse",
              "Space s already exists.");
        });
    s.put(
        "space.delete.apps",
        t -> {
          final String id = t.domain("spaceapps");
          t.profile(id, "owner");
          t.privateSpace(id, "owner", "s");
          t.call(
              "CreateApp",
              "{\"DomainId\": \""
                  + id
                  + "\", \"SpaceName\": \"s\", \"AppType\": \"JupyterLab\","
                  + " \"AppName\": \"default\"}");
          t.refused(
              "DeleteSpace",
              "{\"DomainId\": \"" + id + "\", \"SpaceName\": \"s\"}",
              "ResourceInUse",
              "Unable to delete Space ["
                  + Account.arn("space/" + id + "/s")
                  + "] because App(s) are associated with it.");
        });
    // ------------------------------------------------------------------ tags
    s.put(
        "tags.per-request",
        t -> {
          final ObjectNode request = t.domainRequest("manytags");
          for (int i = 0; i < 51; i++) {
            request.withArray("Tags").addObject().put("Key", "k" + i).put("Value", "v");
          }
          assertThatThrownBy(() -> t.call("CreateDomain", request.toString()))
              .isInstanceOf(ApiException.class)
              .hasMessageEndingWith(
                  "at 'tags' failed to satisfy constraint: Member must have length less than or"
                      + " equal to 50");
          assertThat(t.emulator.counts()).containsEntry("domains", 0);
        });
    s.put(
        "tags.per-resource",
        t -> {
          final String arn = t.arn(t.domain("fulltags"));
          for (int batch = 0; batch < 2; batch++) {
            final ObjectNode request = t.json("{\"ResourceArn\": \"" + arn + "\"}");
            for (int i = 0; i < 25; i++) {
              request
                  .withArray("Tags")
                  .addObject()
                  .put("Key", "b" + batch + "k" + i)
                  .put("Value", "v");
            }
            t.call("AddTags", request.toString());
          }
          t.refused(
              "AddTags",
              "{\"ResourceArn\": \""
                  + arn
                  + "\", \"Tags\": [{\"Key\": \"one-more\", \"Value\": \"v\"}]}",
              "ValidationException",
              "Resource " + arn + " would have 51 tags; a resource can have at most 50 tags.");
        });
    s.put(
        "tags.reserved-prefix",
        t -> {
          final ObjectNode request = t.domainRequest("systemtags");
          request
              .withArray("Tags")
              .addObject()
              .put("Key", "AWS:cloudformation:stack-name")
              .put("Value", "s");
          t.refused(
              "CreateDomain",
              request.toString(),
              "ValidationException",
              "System prefix 'aws:' reserved for AWS usage in tag key: AWS:cloudformation:stack-name");
          final ObjectNode app = t.json(t.appRequest(t.domainWithApp("reservedapp"), "owner"));
          app.put("AppName", "other")
              .withArray("Tags")
              .addObject()
              .put("Key", "aws:cloudformation:stack-name")
              .put("Value", "s");
          t.refused(
              "CreateApp",
              app.toString(),
              "ValidationException",
              "System prefix 'aws:' reserved for AWS usage in tag key: aws:cloudformation:stack-name");
          t.refused(
              "DeleteTags",
              "{\"ResourceArn\": \""
                  + t.arn(t.domain("reserved"))
                  + "\", \"TagKeys\":"
                  + " [\"aws:cloudformation:stack-name\"]}",
              "ValidationException",
              "System prefix 'aws:' reserved for AWS usage in tag key: aws:cloudformation:stack-name");
        });
    s.put(
        "tags.key",
        t ->
            t.refused(
                "AddTags",
                "{\"ResourceArn\": \""
                    + t.arn(t.domain("badkey"))
                    + "\", \"Tags\": [{\"Key\": \"a|b\","
                    + " \"Value\": \"v\"}]}",
                "ValidationException",
                "1 validation error detected: Value 'a|b' at 'tags.member.key' failed to satisfy"
                    + " constraint: Member must satisfy regular expression pattern:"
                    + " ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$"));
    s.put(
        "tags.value",
        t ->
            t.refused(
                "AddTags",
                "{\"ResourceArn\": \""
                    + t.arn(t.domain("badvalue"))
                    + "\", \"Tags\": [{\"Key\": \"k\","
                    + " \"Value\": \""
                    + "v".repeat(257)
                    + "\"}]}",
                "ValidationException",
                "1 validation error detected: Value '"
                    + "v".repeat(257)
                    + "' at 'tags.member.value'"
                    + " failed to satisfy constraint: Member must satisfy regular expression pattern:"
                    + " ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$"));
    s.put(
        "tags.list-max-results",
        t ->
            t.refused(
                "ListTags",
                "{\"ResourceArn\": \"" + t.arn(t.domain("listtags")) + "\", \"MaxResults\": 10}",
                "ValidationException",
                "1 validation error detected: Value '10' at 'maxResults' failed to satisfy"
                    + " constraint: Member must have value greater than or equal to 50"));
    s.put(
        "tags.unknown-resource",
        t -> {
          t.refused(
              "ListTags",
              "{\"ResourceArn\": \"" + Account.arn("domain/d-000000000bad") + "\"}",
              "ValidationException",
              "Resource " + Account.arn("domain/d-000000000bad") + " does not exist.");
          final String id = t.domainWithDeletedApp("deletedapp");
          final String app = Account.arn("app/" + id + "/owner/jupyterserver/default");
          t.refused(
              "ListTags",
              "{\"ResourceArn\": \"" + app + "\"}",
              "ValidationException",
              "Resource " + app + " does not exist.");
        });
    s.put(
        "tags.not-described",
        t -> {
          final ObjectNode request = t.domainRequest("tagged");
          request.withArray("Tags").addObject().put("Key", "team").put("Value", "ml");
          final String id = t.call("CreateDomain", request.toString()).path("DomainId").asText();
          assertThat(t.describe(id).has("Tags")).isFalse();
          assertThat(t.call("ListTags", "{\"ResourceArn\": \"" + t.arn(id) + "\"}").toString())
              .contains("\"team\"");
          t.clock.advance(Timings.REALISTIC.domainCreate());
          t.profile(id, "owner");
          final ObjectNode app = t.json(t.appRequest(id, "owner"));
          app.withArray("Tags").addObject().put("Key", "team").put("Value", "ml");
          final String arn = t.call("CreateApp", app.toString()).path("AppArn").asText();
          assertThat(t.call("DescribeApp", t.appRequest(id, "owner")).has("Tags")).isFalse();
          assertThat(t.call("ListTags", "{\"ResourceArn\": \"" + arn + "\"}").toString())
              .contains("\"team\"");
        });
    // ------------------------------------------------------------------ members, paging, rates
    s.put(
        "member.required",
        t ->
            t.refused(
                "CreateDomain",
                "{\"AuthMode\": \"IAM\"}",
                "ValidationException",
                "1 validation error detected: Value null at 'domainName' failed to satisfy"
                    + " constraint: Member must not be null"));
    s.put(
        "member.pattern",
        t ->
            t.refused(
                "CreateDomain",
                t.domainRequest("not_valid").toString(),
                "ValidationException",
                "1 validation error detected: Value 'not_valid' at 'domainName' failed to satisfy"
                    + " constraint: Member must satisfy regular expression pattern:"
                    + " ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$"));
    s.put(
        "member.length",
        t ->
            t.refused(
                "CreateDomain",
                t.domainRequest("a".repeat(64)).toString(),
                "ValidationException",
                "1 validation error detected: Value '"
                    + "a".repeat(64)
                    + "' at 'domainName' failed"
                    + " to satisfy constraint: Member must have length less than or equal to 63"));
    s.put(
        "member.min-length",
        t -> {
          final ObjectNode request = t.domainRequest("emptyrole");
          request.withObjectProperty("DefaultUserSettings").put("ExecutionRole", "");
          t.refused(
              "CreateDomain",
              request.toString(),
              "ValidationException",
              "1 validation error detected: Value '' at 'defaultUserSettings.executionRole' failed"
                  + " to satisfy constraint: Member must have length greater than or equal to 20");
        });
    s.put(
        "member.enum",
        t ->
            t.refused(
                "CreateDomain",
                t.domainRequest("enum").put("AuthMode", "LDAP").toString(),
                "ValidationException",
                "1 validation error detected: Value 'LDAP' at 'authMode' failed to satisfy"
                    + " constraint: Member must satisfy enum value set: [IAM, SSO]"));
    s.put(
        "list.max-results",
        t ->
            t.refused(
                "ListDomains",
                "{\"MaxResults\": 101}",
                "ValidationException",
                "1 validation error detected: Value '101' at 'maxResults' failed to satisfy"
                    + " constraint: Member must have value between 1 and 100"));
    s.put(
        "list.next-token",
        t ->
            t.refused(
                "ListDomains",
                "{\"NextToken\": \"bogus\"}",
                "ValidationException",
                "Invalid NextToken: bogus"));
    s.put(
        "rate.throttled",
        t -> {
          t.emulator.close();
          t.emulator =
              t.start(SageMakerEmulator.Options.defaults().withRateLimit("Describe", 1.0, 2));
          t.call("ListDomains", "{}");
          final String describe = "{\"DomainId\": \"d-000000000bad\"}";
          for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> t.call("DescribeDomain", describe))
                .hasFieldOrPropertyWithValue("code", "ResourceNotFound");
          }
          t.refused("DescribeDomain", describe, "ThrottlingException", "Rate exceeded");
          t.clock.advance(Duration.ofSeconds(1));
          assertThatThrownBy(() -> t.call("DescribeDomain", describe))
              .hasFieldOrPropertyWithValue("code", "ResourceNotFound");
        });
    return s;
  }

  @TestFactory
  Iterable<DynamicTest> eachRuleAsItsSourceShows() {
    return scenarios().entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () -> {
                      stop();
                      emulator = start(SageMakerEmulator.Options.defaults());
                      domainIds = new String[1];
                      e.getValue().accept(this);
                    }))
        .toList();
  }

  @Test
  void everyRuleHasAScenario() {
    final Set<String> rules = new TreeSet<>();
    RuleBook.all().forEach(rule -> rules.add(rule.id()));
    assertThat(new TreeSet<>(scenarios().keySet())).isEqualTo(rules);
  }

  @Test
  void docsShowTheRuleBook() throws IOException {
    final String table = RuleBook.markdown();
    assertThat(Files.readString(DOC))
        .as("docs/emulator-rules.md must contain:%n%s", table)
        .contains(table);
  }

  // ------------------------------------------------------------------ fixtures

  private String[] domainIds = new String[1];

  private JsonNode call(final String operation, final String request) {
    return emulator.call(operation, json(request));
  }

  private void refused(
      final String operation, final String request, final String code, final String message) {
    assertThatThrownBy(() -> call(operation, request))
        .isInstanceOf(ApiException.class)
        .hasFieldOrPropertyWithValue("code", code)
        .hasMessage(message);
  }

  private ObjectNode json(final String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode domainRequest(final String name) {
    return json(
        "{\"DomainName\": \""
            + name
            + "\", \"AuthMode\": \"IAM\", \"VpcId\": \"vpc-1\","
            + " \"SubnetIds\": [\"subnet-1\"], \"DomainSettings\": {\"SecurityGroupIds\": [\"sg-9\"]},"
            + " \"DefaultUserSettings\": {\"ExecutionRole\": \""
            + ROLE
            + "\"}}");
  }

  private String pendingDomain(final String name) {
    return call("CreateDomain", domainRequest(name).toString()).path("DomainId").asText();
  }

  /** An InService domain. */
  private String domain(final String name) {
    final String id = pendingDomain(name);
    clock.advance(Timings.REALISTIC.domainCreate());
    if (domainIds[0] == null) {
      domainIds[0] = id;
    }
    return id;
  }

  private String failedDomain(final String name) {
    emulator.faults().transition("Domain.Create", Faults.Outcome.FAIL, "no capacity");
    return domain(name);
  }

  private String failedUpdateDomain(final String name) {
    final String id = domain(name);
    emulator
        .faults()
        .transition("Domain.Update", Faults.Outcome.FAIL, "role cannot describe image");
    call("UpdateDomain", "{\"DomainId\": \"" + id + "\", \"TagPropagation\": \"ENABLED\"}");
    clock.advance(Timings.REALISTIC.domainUpdate());
    assertThat(describe(id).path("Status").asText()).isEqualTo("Update_Failed");
    return id;
  }

  private String rStudioDomain(final String name) {
    final ObjectNode request = domainRequest(name);
    request
        .withObjectProperty("DomainSettings")
        .putObject("RStudioServerProDomainSettings")
        .put("DomainExecutionRoleArn", RSTUDIO_ROLE);
    final String id = call("CreateDomain", request.toString()).path("DomainId").asText();
    clock.advance(Timings.REALISTIC.domainCreate());
    return id;
  }

  private JsonNode describe(final String domainId) {
    return call("DescribeDomain", "{\"DomainId\": \"" + domainId + "\"}");
  }

  private String arn(final String domainId) {
    return Account.arn("domain/" + domainId);
  }

  private void profile(final String domainId, final String name) {
    call(
        "CreateUserProfile",
        "{\"DomainId\": \"" + domainId + "\", \"UserProfileName\": \"" + name + "\"}");
    clock.advance(Timings.REALISTIC.profileCreate());
  }

  private String appRequest(final String domainId, final String owner) {
    return "{\"DomainId\": \""
        + domainId
        + "\", \"UserProfileName\": \""
        + owner
        + "\","
        + " \"AppType\": \"JupyterServer\", \"AppName\": \"default\"}";
  }

  /** An InService domain whose profile "owner" has an InService app "default". */
  private String domainWithApp(final String name) {
    final String id = domain(name);
    profile(id, "owner");
    call("CreateApp", appRequest(id, "owner"));
    clock.advance(Timings.REALISTIC.appCreate());
    return id;
  }

  /** An InService domain whose profile "owner" has a Deleted app "default". */
  private String domainWithDeletedApp(final String name) {
    final String id = domainWithApp(name);
    call("DeleteApp", appRequest(id, "owner"));
    clock.advance(Timings.REALISTIC.appDelete());
    return id;
  }

  private String privateSpaceRequest(final String domainId, final String owner, final String name) {
    return "{\"DomainId\": \""
        + domainId
        + "\", \"SpaceName\": \""
        + name
        + "\","
        + " \"OwnershipSettings\": {\"OwnerUserProfileName\": \""
        + owner
        + "\"},"
        + " \"SpaceSharingSettings\": {\"SharingType\": \"Private\"},"
        + " \"SpaceSettings\": {\"AppType\": \"JupyterLab\"}}";
  }

  private void privateSpace(final String domainId, final String owner, final String name) {
    call("CreateSpace", privateSpaceRequest(domainId, owner, name));
    clock.advance(Timings.REALISTIC.spaceCreate());
  }
}
