package com.org.sagemaker.studiouserprofile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.org.sagemaker.common.HandlerTestSupport;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.sagemaker.model.ListUserProfilesRequest;
import software.amazon.awssdk.services.sagemaker.model.ListUserProfilesResponse;
import software.amazon.awssdk.services.sagemaker.model.UserProfileDetails;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

class ListHandlerTest extends ProfileTestBase {

  private final ListHandler handler = new ListHandler(TIMINGS, () -> sageMaker);

  private ProgressEvent<ResourceModel, CallbackContext> list(
      final ResourceModel model, final String token) {
    return handler.handleRequest(
        proxy,
        ResourceHandlerRequest.<ResourceModel>builder()
            .desiredResourceState(model)
            .nextToken(token)
            .build(),
        new CallbackContext(),
        logger);
  }

  @Test
  void listsOnePageOfTheModelsDomain() {
    when(sageMaker.listUserProfiles(any(ListUserProfilesRequest.class)))
        .thenReturn(
            ListUserProfilesResponse.builder()
                .userProfiles(
                    UserProfileDetails.builder().domainId(DOMAIN_ID).userProfileName("bob").build())
                .nextToken("next")
                .build());

    final ProgressEvent<ResourceModel, CallbackContext> event =
        list(ResourceModel.builder().domainId(DOMAIN_ID).build(), "this");

    assertThat(event.getResourceModels())
        .containsExactly(
            ResourceModel.builder().domainId(DOMAIN_ID).userProfileName("bob").build());
    assertThat(event.getNextToken()).isEqualTo("next");
    final ArgumentCaptor<ListUserProfilesRequest> captor =
        ArgumentCaptor.forClass(ListUserProfilesRequest.class);
    verify(sageMaker).listUserProfiles(captor.capture());
    assertThat(captor.getValue().domainIdEquals()).isEqualTo(DOMAIN_ID);
    assertThat(captor.getValue().nextToken()).isEqualTo("this");
    verifyNoOtherCalls();
  }

  @Test
  void withoutAModelOrDomainIdListsTheProfilesOfEveryDomain() {
    when(sageMaker.listUserProfiles(any(ListUserProfilesRequest.class)))
        .thenReturn(
            ListUserProfilesResponse.builder()
                .userProfiles(
                    UserProfileDetails.builder().domainId("d-other").userProfileName("bob").build())
                .build());

    assertThat(list(null, null).getResourceModels())
        .extracting(ResourceModel::getUserProfileName)
        .containsExactly("bob");
    list(ResourceModel.builder().build(), null);

    final ArgumentCaptor<ListUserProfilesRequest> captor =
        ArgumentCaptor.forClass(ListUserProfilesRequest.class);
    verify(sageMaker, org.mockito.Mockito.times(2)).listUserProfiles(captor.capture());
    assertThat(captor.getAllValues()).allSatisfy(r -> assertThat(r.domainIdEquals()).isNull());
  }

  @Test
  void errorsAreMapped() {
    when(sageMaker.listUserProfiles(any(ListUserProfilesRequest.class)))
        .thenThrow(HandlerTestSupport.serviceError(400, "AccessDeniedException", "no"));
    assertThat(list(model(), null).getErrorCode()).isEqualTo(HandlerErrorCode.AccessDenied);
  }
}
