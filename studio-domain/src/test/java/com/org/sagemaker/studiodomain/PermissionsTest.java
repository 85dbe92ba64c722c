package com.org.sagemaker.studiodomain;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.org.sagemaker.common.HandlerTestSupport;
import com.org.sagemaker.common.SchemaConformance;
import com.org.sagemaker.common.Tagging;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.AddTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.AddTagsResponse;
import software.amazon.awssdk.services.sagemaker.model.CreateDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateDomainResponse;
import software.amazon.awssdk.services.sagemaker.model.DeleteDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteDomainResponse;
import software.amazon.awssdk.services.sagemaker.model.DeleteTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteTagsResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.DomainDetails;
import software.amazon.awssdk.services.sagemaker.model.ListAppsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListAppsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListDomainsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListDomainsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListSpacesRequest;
import software.amazon.awssdk.services.sagemaker.model.ListSpacesResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListUserProfilesRequest;
import software.amazon.awssdk.services.sagemaker.model.ListUserProfilesResponse;
import software.amazon.awssdk.services.sagemaker.model.UpdateDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.UpdateDomainResponse;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * Each handler's schema permissions are exactly the SageMaker calls it makes on its fullest path,
 * plus what SageMaker authorizes without a call of ours, plus iam:PassRole where the model carries
 * execution roles.
 */
class PermissionsTest extends DomainTestBase {

  /** SageMaker authorizes tag-on-create (Tags in CreateDomain) against AddTags. */
  private static final Map<String, Set<String>> AUTHORIZED_WITHOUT_A_CALL =
      Map.of("create", Set.of("sagemaker:AddTags"));

  private final SchemaConformance schema =
      new SchemaConformance(SchemaConformance.load(Path.of("org-sagemaker-studiodomain.json")));

  private ResourceHandlerRequest.ResourceHandlerRequestBuilder<ResourceModel> request() {
    return ResourceHandlerRequest.<ResourceModel>builder()
        .desiredResourceState(modelWithId())
        .previousResourceState(modelWithId())
        .desiredResourceTags(Map.of("team", "ml"))
        .previousResourceTags(Map.of("team", "ml"));
  }

  @Test
  void create() {
    when(sageMaker.createDomain(any(CreateDomainRequest.class)))
        .thenReturn(CreateDomainResponse.builder().domainId(DOMAIN_ID).build());
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(domain("InService"));
    when(sageMaker.listDomains(any(ListDomainsRequest.class)))
        .thenReturn(
            ListDomainsResponse.builder()
                .domains(
                    DomainDetails.builder()
                        .domainId("d-duplicate")
                        .domainArn("arn:dup")
                        .domainName("studio")
                        .build())
                .build());
    when(sageMaker.listTags(any(ListTagsRequest.class)))
        .thenReturn(tags(Map.of(Tagging.CREATION_TOKEN, "token-1")));
    when(sageMaker.deleteDomain(any(DeleteDomainRequest.class)))
        .thenReturn(DeleteDomainResponse.builder().build());
    runToEnd(
        new CreateHandler(TIMINGS, () -> sageMaker),
        request().desiredResourceState(model()).clientRequestToken("token-1").build());
    assertPermissions("create", true);
  }

  @Test
  void read() {
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(domain("InService"));
    when(sageMaker.listTags(any(ListTagsRequest.class))).thenReturn(tags(Map.of()));
    runToEnd(new ReadHandler(TIMINGS, () -> sageMaker), request().build());
    assertPermissions("read", false);
  }

  @Test
  void update() {
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(domain("InService"));
    when(sageMaker.updateDomain(any(UpdateDomainRequest.class)))
        .thenReturn(UpdateDomainResponse.builder().build());
    when(sageMaker.deleteTags(any(DeleteTagsRequest.class)))
        .thenReturn(DeleteTagsResponse.builder().build());
    when(sageMaker.addTags(any(AddTagsRequest.class)))
        .thenReturn(AddTagsResponse.builder().build());
    when(sageMaker.listTags(any(ListTagsRequest.class))).thenReturn(tags(Map.of()));
    when(sageMaker.listApps(any(ListAppsRequest.class)))
        .thenReturn(ListAppsResponse.builder().build());
    runToEnd(
        new UpdateHandler(TIMINGS, () -> sageMaker),
        request()
            .desiredResourceState(modelWithId().toBuilder().subnetIds(List.of("subnet-9")).build())
            .previousResourceTags(Map.of("old", "1"))
            .build());
    assertPermissions("update", true);
  }

  @Test
  void delete() {
    when(sageMaker.listUserProfiles(any(ListUserProfilesRequest.class)))
        .thenReturn(ListUserProfilesResponse.builder().build());
    when(sageMaker.listSpaces(any(ListSpacesRequest.class)))
        .thenReturn(ListSpacesResponse.builder().build());
    when(sageMaker.deleteDomain(any(DeleteDomainRequest.class)))
        .thenReturn(DeleteDomainResponse.builder().build());
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenThrow(HandlerTestSupport.serviceError(400, "ResourceNotFound", "gone"));
    runToEnd(new DeleteHandler(TIMINGS, () -> sageMaker), request().build());
    assertPermissions("delete", false);
  }

  @Test
  void list() {
    when(sageMaker.listDomains(any(ListDomainsRequest.class)))
        .thenReturn(ListDomainsResponse.builder().build());
    runToEnd(new ListHandler(TIMINGS, () -> sageMaker), request().build());
    assertPermissions("list", false);
  }

  /** Every invocation of the operation, as the callback loop makes them. */
  private void runToEnd(
      final BaseHandlerStd handler, final ResourceHandlerRequest<ResourceModel> request) {
    HandlerTestSupport.untilDone(
        new CallbackContext(),
        context -> handler.handleRequest(proxy, request, restore(context), proxyClient, logger),
        5);
  }

  @Test
  void theLeastPrivilegeRoleAllowsExactlyTheseCallsAndPassesOnlyNamedRolesToSageMaker() {
    schema.assertLeastPrivilegeRole(
        Path.of("least-privilege-role.yaml"), Path.of("resource-role.yaml"));
  }

  private void assertPermissions(final String handler, final boolean passesRoles) {
    schema.assertPermissions(
        handler, sageMaker, AUTHORIZED_WITHOUT_A_CALL.getOrDefault(handler, Set.of()), passesRoles);
  }
}
