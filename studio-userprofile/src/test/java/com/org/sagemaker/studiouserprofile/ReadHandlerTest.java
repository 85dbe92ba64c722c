package com.org.sagemaker.studiouserprofile;

import static com.org.sagemaker.common.HandlerTestSupport.serviceError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.org.sagemaker.common.HandlerFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DescribeUserProfileRequest;
import software.amazon.awssdk.services.sagemaker.model.ListTagsRequest;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

class ReadHandlerTest extends ProfileTestBase {

  private final ReadHandler handler = new ReadHandler(TIMINGS, () -> sageMaker);

  private ProgressEvent<ResourceModel, CallbackContext> read(final ResourceModel model) {
    return handler.handleRequest(
        proxy,
        ResourceHandlerRequest.<ResourceModel>builder().desiredResourceState(model).build(),
        null,
        logger);
  }

  @Test
  void returnsTheProfileWithItsUserTags() {
    when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
        .thenReturn(profile("InService"));
    when(sageMaker.listTags(any(ListTagsRequest.class)))
        .thenReturn(tags(Map.of("team", "ml", "aws:cloudformation:stack-name", "s")));

    final ProgressEvent<ResourceModel, CallbackContext> event =
        read(ResourceModel.builder().domainId(DOMAIN_ID).userProfileName(NAME).build());

    assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
    // SageMaker leaves out a DISABLED RStudio AccessStatus: read back as DISABLED, as for domains.
    assertThat(event.getResourceModel())
        .isEqualTo(
            model().toBuilder()
                .userProfileArn(PROFILE_ARN)
                .homeEfsFileSystemUid("200001")
                .userSettings(
                    UserSettings.builder()
                        .executionRole(ROLE)
                        .rStudioServerProAppSettings(
                            RStudioServerProAppSettings.builder().accessStatus("DISABLED").build())
                        .build())
                .build());
    verify(sageMaker).describeUserProfile(any(DescribeUserProfileRequest.class));
    verify(sageMaker).listTags(any(ListTagsRequest.class));
    verifyNoOtherCalls();
  }

  @Test
  void aMissingOrDeletingProfileIsNotFound() {
    when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
        .thenThrow(serviceError(400, "ResourceNotFound", "User profile alice not found"));
    assertThat(read(model()).getErrorCode()).isEqualTo(HandlerErrorCode.NotFound);
  }

  @Test
  void aDeletingProfileIsNotFound() {
    when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
        .thenReturn(profile("Deleting"));
    assertThatThrownBy(() -> read(model()))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.NotFound));
  }

  @Test
  void needsBothPartsOfTheIdentifier() {
    assertThatThrownBy(() -> read(ResourceModel.builder().domainId(DOMAIN_ID).build()))
        .isInstanceOf(HandlerFailure.class)
        .hasMessageContaining("DomainId and UserProfileName");
    assertThatThrownBy(
            () -> read(ResourceModel.builder().userProfileName(NAME).domainId(" ").build()))
        .isInstanceOf(HandlerFailure.class);
    assertThatThrownBy(() -> read(null)).isInstanceOf(HandlerFailure.class);
  }
}
