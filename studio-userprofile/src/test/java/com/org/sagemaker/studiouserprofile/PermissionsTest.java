package com.org.sagemaker.studiouserprofile;

import static com.org.sagemaker.common.OnYourBehalf.PASS_ROLE;
import static com.org.sagemaker.common.OnYourBehalf.TAG_ON_CREATE;
import static com.org.sagemaker.common.OnYourBehalf.customImages;
import static com.org.sagemaker.common.OnYourBehalf.declared;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.org.sagemaker.common.HandlerPermissions;
import com.org.sagemaker.common.HandlerPermissions.Reason;
import com.org.sagemaker.common.HandlerTestSupport;
import com.org.sagemaker.common.PermissionFilesContract;
import com.org.sagemaker.common.SchemaConformance;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.AddTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.AddTagsResponse;
import software.amazon.awssdk.services.sagemaker.model.AppDetails;
import software.amazon.awssdk.services.sagemaker.model.CreateUserProfileRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateUserProfileResponse;
import software.amazon.awssdk.services.sagemaker.model.DeleteAppRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteAppResponse;
import software.amazon.awssdk.services.sagemaker.model.DeleteSpaceRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteSpaceResponse;
import software.amazon.awssdk.services.sagemaker.model.DeleteTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteTagsResponse;
import software.amazon.awssdk.services.sagemaker.model.DeleteUserProfileRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteUserProfileResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeUserProfileRequest;
import software.amazon.awssdk.services.sagemaker.model.ListAppsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListAppsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListSpacesRequest;
import software.amazon.awssdk.services.sagemaker.model.ListSpacesResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListUserProfilesRequest;
import software.amazon.awssdk.services.sagemaker.model.ListUserProfilesResponse;
import software.amazon.awssdk.services.sagemaker.model.SpaceDetails;
import software.amazon.awssdk.services.sagemaker.model.UpdateUserProfileRequest;
import software.amazon.awssdk.services.sagemaker.model.UpdateUserProfileResponse;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * Each handler's schema permissions are exactly the SageMaker calls it makes on its fullest path
 * plus the actions declared here, each with why SageMaker needs it from the caller and a source;
 * docs/permissions.md shows the result, the least-privilege role grants exactly these actions on
 * exactly their resources, and every action named anywhere is a real IAM action.
 */
class PermissionsTest extends ProfileTestBase implements PermissionFilesContract {

  private static final Map<String, Map<String, Reason>> DECLARED =
      Map.of(
          "create",
          declared(
              Map.of("iam:PassRole", PASS_ROLE, "sagemaker:AddTags", TAG_ON_CREATE),
              customImages()),
          "update",
          declared(Map.of("iam:PassRole", PASS_ROLE), customImages()));

  private static final Type TYPE =
      new Type(
          new HandlerPermissions(
              SchemaConformance.load(Path.of("org-sagemaker-studiouserprofile.json"))),
          DECLARED,
          "user-profile/*");

  private ResourceHandlerRequest.ResourceHandlerRequestBuilder<ResourceModel> request() {
    return ResourceHandlerRequest.<ResourceModel>builder()
        .desiredResourceState(model())
        .previousResourceState(model())
        .desiredResourceTags(Map.of("team", "ml"))
        .previousResourceTags(Map.of("team", "ml"));
  }

  @Test
  void create() {
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(domain("InService", "IAM"));
    when(sageMaker.createUserProfile(any(CreateUserProfileRequest.class)))
        .thenReturn(CreateUserProfileResponse.builder().build());
    when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
        .thenThrow(HandlerTestSupport.serviceError(400, "ResourceNotFound", "not yet"))
        .thenReturn(profile("InService"));
    when(sageMaker.listTags(any(ListTagsRequest.class))).thenReturn(tags(Map.of()));
    final CreateHandler handler = new CreateHandler(TIMINGS, () -> sageMaker);
    untilDone(context -> handler.handleRequest(proxy, request().build(), context, logger));
    assertCalledOrDeclared("create", sageMaker);
  }

  @Test
  void read() {
    when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
        .thenReturn(profile("InService"));
    when(sageMaker.listTags(any(ListTagsRequest.class))).thenReturn(tags(Map.of()));
    new ReadHandler(TIMINGS, () -> sageMaker)
        .handleRequest(proxy, request().build(), new CallbackContext(), logger);
    assertCalledOrDeclared("read", sageMaker);
  }

  @Test
  void update() {
    when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
        .thenReturn(profile("InService"));
    when(sageMaker.updateUserProfile(any(UpdateUserProfileRequest.class)))
        .thenReturn(UpdateUserProfileResponse.builder().build());
    when(sageMaker.deleteTags(any(DeleteTagsRequest.class)))
        .thenReturn(DeleteTagsResponse.builder().build());
    when(sageMaker.addTags(any(AddTagsRequest.class)))
        .thenReturn(AddTagsResponse.builder().build());
    when(sageMaker.listTags(any(ListTagsRequest.class))).thenReturn(tags(Map.of()));
    final UpdateHandler handler = new UpdateHandler(TIMINGS, () -> sageMaker);
    final ResourceHandlerRequest<ResourceModel> request =
        request()
            .desiredResourceState(
                model().toBuilder()
                    .userSettings(
                        UserSettings.builder()
                            .executionRole(ROLE)
                            .securityGroups(List.of("sg-1"))
                            .build())
                    .build())
            .previousResourceTags(Map.of("old", "1"))
            .build();
    untilDone(context -> handler.handleRequest(proxy, request, context, logger));
    assertCalledOrDeclared("update", sageMaker);
  }

  @Test
  void delete() {
    final SpaceDetails space =
        SpaceDetails.builder()
            .spaceName("alice-private")
            .status("InService")
            .ownershipSettingsSummary(o -> o.ownerUserProfileName(NAME))
            .spaceSharingSettingsSummary(s -> s.sharingType("Private"))
            .build();
    when(sageMaker.listSpaces(any(ListSpacesRequest.class)))
        .thenReturn(
            ListSpacesResponse.builder().spaces(space).build(),
            ListSpacesResponse.builder().spaces(space).build(),
            ListSpacesResponse.builder().build());
    when(sageMaker.listApps(any(ListAppsRequest.class)))
        .thenReturn(
            ListAppsResponse.builder()
                .apps(
                    AppDetails.builder()
                        .appType("JupyterServer")
                        .appName("default")
                        .userProfileName(NAME)
                        .status("InService")
                        .build())
                .build(),
            ListAppsResponse.builder().build());
    when(sageMaker.deleteApp(any(DeleteAppRequest.class)))
        .thenReturn(DeleteAppResponse.builder().build());
    when(sageMaker.deleteSpace(any(DeleteSpaceRequest.class)))
        .thenReturn(DeleteSpaceResponse.builder().build());
    when(sageMaker.deleteUserProfile(any(DeleteUserProfileRequest.class)))
        .thenReturn(DeleteUserProfileResponse.builder().build());
    when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
        .thenReturn(profile("InService"))
        .thenThrow(HandlerTestSupport.serviceError(400, "ResourceNotFound", "gone"));
    final DeleteHandler handler = new DeleteHandler(TIMINGS, () -> sageMaker);
    untilDone(context -> handler.handleRequest(proxy, request().build(), context, logger));
    assertCalledOrDeclared("delete", sageMaker);
  }

  @Test
  void list() {
    when(sageMaker.listUserProfiles(any(ListUserProfilesRequest.class)))
        .thenReturn(ListUserProfilesResponse.builder().build());
    new ListHandler(TIMINGS, () -> sageMaker)
        .handleRequest(proxy, request().build(), new CallbackContext(), logger);
    assertCalledOrDeclared("list", sageMaker);
  }

  @Override
  public Type type() {
    return TYPE;
  }
}
