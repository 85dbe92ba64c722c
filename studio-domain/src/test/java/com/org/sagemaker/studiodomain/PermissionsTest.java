package com.org.sagemaker.studiodomain;

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
import com.org.sagemaker.common.Tagging;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
 * Each handler's schema permissions are exactly the SageMaker calls it makes on its fullest path
 * plus the actions declared here, each with why SageMaker needs it from the caller and a source;
 * docs/permissions.md shows the result, the least-privilege role grants exactly these actions on
 * exactly their resources, and every action named anywhere is a real IAM action.
 */
class PermissionsTest extends DomainTestBase implements PermissionFilesContract {

  private static final Reason SERVICE_LINKED_ROLE =
      new Reason(
          "SageMaker on your behalf when the account has no"
              + " `AWSServiceRoleForAmazonSageMakerNotebooks` yet (its first Studio domain)",
          "[API permissions][api-permissions] (CreateDomain); [AWS's schema][aws-domain-schema]");

  private static final Reason CUSTOMER_MANAGED_KEY =
      new Reason(
          "SageMaker on your behalf when `KmsKeyId` is a customer managed key",
          "[API permissions][api-permissions] (CreateDomain); [AWS's schema][aws-domain-schema]");

  /** AWS's schema still names efs:CreateFileSystem, which IAM does not know (PR #107). */
  private static final Reason CUSTOMER_MANAGED_KEY_HOME_VOLUME =
      new Reason(
          CUSTOMER_MANAGED_KEY.why() + " (the home EFS volume)",
          CUSTOMER_MANAGED_KEY.source() + "; the prefix: [guide PR #107][efs-prefix-fix]");

  private static final Reason RSTUDIO_APP_ON_CREATE =
      new Reason(
          "SageMaker on your behalf when `DomainSettings.RStudioServerProDomainSettings` is set:"
              + " it launches the domain's RStudioServerPro app",
          "[API permissions][api-permissions] (CreateDomain); [RStudio domains][rstudio-create]");

  private static final Reason RSTUDIO_APP_ON_UPDATE =
      new Reason(
          "SageMaker on your behalf when an update changes RStudio settings (no page says"
              + " exactly when)",
          "[AWS's schema][aws-domain-schema] (update)");

  private static final Reason RSTUDIO_APP_ON_DELETE =
      new Reason(
          "SageMaker on your behalf when the domain has RStudio (no page says exactly when)",
          "[AWS's schema][aws-domain-schema] (delete)");

  private static final Map<String, Map<String, Reason>> DECLARED =
      Map.of(
          "create",
          declared(
              Map.of(
                  "iam:PassRole", PASS_ROLE,
                  "sagemaker:AddTags", TAG_ON_CREATE,
                  "iam:CreateServiceLinkedRole", SERVICE_LINKED_ROLE,
                  "sagemaker:CreateApp", RSTUDIO_APP_ON_CREATE,
                  "elasticfilesystem:CreateFileSystem", CUSTOMER_MANAGED_KEY_HOME_VOLUME),
              Map.of(
                  "kms:CreateGrant", CUSTOMER_MANAGED_KEY,
                  "kms:Decrypt", CUSTOMER_MANAGED_KEY,
                  "kms:DescribeKey", CUSTOMER_MANAGED_KEY,
                  "kms:GenerateDataKeyWithoutPlaintext", CUSTOMER_MANAGED_KEY),
              customImages()),
          "update",
          declared(
              Map.of("iam:PassRole", PASS_ROLE, "sagemaker:CreateApp", RSTUDIO_APP_ON_UPDATE),
              customImages()),
          "delete",
          Map.of("sagemaker:DeleteApp", RSTUDIO_APP_ON_DELETE));

  private static final Type TYPE =
      new Type(
          new HandlerPermissions(
              SchemaConformance.load(Path.of("org-sagemaker-studiodomain.json"))),
          DECLARED,
          "domain/*");

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
    assertCalledOrDeclared("create", sageMaker);
  }

  @Test
  void read() {
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(domain("InService"));
    when(sageMaker.listTags(any(ListTagsRequest.class))).thenReturn(tags(Map.of()));
    runToEnd(new ReadHandler(TIMINGS, () -> sageMaker), request().build());
    assertCalledOrDeclared("read", sageMaker);
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
    assertCalledOrDeclared("update", sageMaker);
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
        .thenReturn(domain("InService"))
        .thenThrow(HandlerTestSupport.serviceError(400, "ResourceNotFound", "gone"));
    runToEnd(new DeleteHandler(TIMINGS, () -> sageMaker), request().build());
    assertCalledOrDeclared("delete", sageMaker);
  }

  @Test
  void list() {
    when(sageMaker.listDomains(any(ListDomainsRequest.class)))
        .thenReturn(ListDomainsResponse.builder().build());
    runToEnd(new ListHandler(TIMINGS, () -> sageMaker), request().build());
    assertCalledOrDeclared("list", sageMaker);
  }

  /** Every invocation of the operation, as the callback loop makes them. */
  private void runToEnd(
      final BaseHandlerStd handler, final ResourceHandlerRequest<ResourceModel> request) {
    HandlerTestSupport.untilDone(
        new CallbackContext(),
        context -> handler.handleRequest(proxy, request, restore(context), logger),
        5);
  }

  @Override
  public Type type() {
    return TYPE;
  }
}
