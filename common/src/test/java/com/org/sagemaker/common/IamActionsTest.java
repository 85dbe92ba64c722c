package com.org.sagemaker.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

class IamActionsTest {

  @Test
  void thePrefixIsTheSigningNameNotTheModuleName() {
    assertThat(IamActions.clientsByPrefix())
        .containsEntry("sagemaker", SageMakerClient.class)
        .containsEntry("elasticfilesystem", EfsClient.class)
        .containsEntry("kms", KmsClient.class)
        .containsEntry("iam", IamClient.class)
        .doesNotContainKey("efs");
  }

  @Test
  void operationsAreTheMethodsThatTakeARequestAndReturnItsResponse() {
    assertThat(IamActions.operations(SageMakerClient.class))
        .contains("CreateDomain", "ListDomains", "AddTags", "DescribeImageVersion")
        .doesNotContain(
            "ListDomainsPaginator",
            "ServiceName",
            "Close",
            "Waiter",
            "ServiceClientConfiguration",
            "Create",
            "Builder");
    assertThat(IamActions.operations(KmsClient.class))
        .contains("GenerateDataKeyWithoutPlaintext")
        .doesNotContain("GenerateDataKeyWithoutPlainText");
  }

  @Test
  void acceptsRealActionsAndPermissionOnlyOnes() {
    assertThat(
            IamActions.problems(
                List.of(
                    "sagemaker:CreateDomain",
                    "elasticfilesystem:CreateFileSystem",
                    "kms:GenerateDataKeyWithoutPlaintext",
                    "iam:CreateServiceLinkedRole",
                    "iam:PassRole")))
        .isEmpty();
    assertThat(IamActions.operations(IamClient.class)).doesNotContain("PassRole");
  }

  @Test
  void refusesWhatAwssOwnDomainSchemaGetsWrongAndWhatIsNoOperation() {
    assertThat(
            IamActions.problems(
                List.of(
                    "efs:CreateFileSystem",
                    "kms:GenerateDataKeyWithoutPlainText",
                    "sagemaker:ListDomainsPaginator",
                    "sagemaker:createDomain",
                    "sagemaker")))
        .containsExactly(
            "efs:CreateFileSystem: no SDK client signs as 'efs' (known: [elasticfilesystem, iam,"
                + " kms, sagemaker])",
            "kms:GenerateDataKeyWithoutPlainText: KmsClient has no such operation",
            "sagemaker: no SDK client signs as '' (known: [elasticfilesystem, iam, kms,"
                + " sagemaker])",
            "sagemaker:ListDomainsPaginator: SageMakerClient has no such operation",
            "sagemaker:createDomain: SageMakerClient has no such operation");
    assertThatThrownBy(() -> IamActions.assertReal(List.of("efs:CreateFileSystem")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("efs:CreateFileSystem");
  }
}
