package com.org.sagemaker.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.BatchDescribeModelPackageResponse;
import software.amazon.awssdk.services.sagemaker.model.CreateAlgorithmRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeFeatureGroupResponse;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentComputeResourceRequirements;
import software.amazon.awssdk.services.sagemaker.model.TrialComponentParameterValue;
import software.amazon.awssdk.services.sagemaker.model.UserSettings;

class SdkJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void buildsNestedRequestsFromApiShapedJson() throws Exception {
    final JsonNode json =
        JSON.readTree(
            """
            {"DomainName": "studio", "AuthMode": "IAM", "SubnetIds": ["subnet-1", "subnet-2"],
             "DefaultUserSettings": {"ExecutionRole": "arn:aws:iam::123456789012:role/r",
               "SecurityGroups": ["sg-1"],
               "JupyterServerAppSettings": {"DefaultResourceSpec": {"InstanceType": "system"}},
               "SpaceStorageSettings": {"DefaultEbsStorageSettings":
                  {"DefaultEbsVolumeSizeInGb": 5, "MaximumEbsVolumeSizeInGb": 100}}},
             "Tags": [{"Key": "team", "Value": "ml"}], "VpcId": null}
            """);

    final CreateDomainRequest request = SdkJson.build(CreateDomainRequest.builder(), json);

    assertThat(request.domainName()).isEqualTo("studio");
    assertThat(request.authModeAsString()).isEqualTo("IAM");
    assertThat(request.subnetIds()).containsExactly("subnet-1", "subnet-2");
    assertThat(request.vpcId()).isNull();
    final UserSettings settings = request.defaultUserSettings();
    assertThat(settings.securityGroups()).containsExactly("sg-1");
    assertThat(settings.jupyterServerAppSettings().defaultResourceSpec().instanceTypeAsString())
        .isEqualTo("system");
    assertThat(
            settings.spaceStorageSettings().defaultEbsStorageSettings().maximumEbsVolumeSizeInGb())
        .isEqualTo(100);
    assertThat(request.tags().get(0).key()).isEqualTo("team");
  }

  @Test
  void roundTripsThroughJsonOmittingUnsetMembers() {
    final DescribeDomainResponse response =
        DescribeDomainResponse.builder()
            .domainId("d-1")
            .status("InService")
            .creationTime(Instant.parse("2026-01-02T03:04:05Z"))
            .defaultUserSettings(
                UserSettings.builder().executionRole("arn:aws:iam::1:role/r").build())
            .build();

    final JsonNode json = SdkJson.toJson(response);

    assertThat(json.get("DomainId").asText()).isEqualTo("d-1");
    assertThat(json.get("CreationTime").asText()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(json.get("DefaultUserSettings").has("SecurityGroups")).isFalse();
    assertThat(json.has("SubnetIds")).isFalse();
    assertThat(json.has("Url")).isFalse();
  }

  @Test
  void convertsEveryScalarAndMapMemberType() throws Exception {
    assertThat(
            SdkJson.build(
                    CreateAlgorithmRequest.builder(),
                    JSON.readTree("{\"CertifyForMarketplace\": true}"))
                .certifyForMarketplace())
        .isTrue();
    assertThat(
            SdkJson.build(
                    TrialComponentParameterValue.builder(),
                    JSON.readTree("{\"NumberValue\": 0.25}"))
                .numberValue())
        .isEqualTo(0.25);
    assertThat(
            SdkJson.build(
                    InferenceComponentComputeResourceRequirements.builder(),
                    JSON.readTree("{\"NumberOfCpuCoresRequired\": 1.5}"))
                .numberOfCpuCoresRequired())
        .isEqualTo(1.5f);
    final DescribeFeatureGroupResponse featureGroup =
        SdkJson.build(
            DescribeFeatureGroupResponse.builder(),
            JSON.readTree(
                "{\"OnlineStoreTotalSizeBytes\": 12345678901, \"CreationTime\": \"2026-01-02T03:04:05Z\"}"));
    assertThat(featureGroup.onlineStoreTotalSizeBytes()).isEqualTo(12345678901L);
    assertThat(featureGroup.creationTime()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    final JsonNode withMap =
        JSON.readTree(
            "{\"ModelPackageSummaries\": {\"arn:1\": {\"ModelPackageGroupName\": \"g\"}}}");
    final BatchDescribeModelPackageResponse response =
        SdkJson.build(BatchDescribeModelPackageResponse.builder(), withMap);
    assertThat(response.modelPackageSummaries().get("arn:1").modelPackageGroupName())
        .isEqualTo("g");
    assertThat(SdkJson.toJson(response)).isEqualTo(withMap);
  }

  @Test
  void rejectsMembersTheSdkTypeDoesNotHave() throws Exception {
    assertThatThrownBy(
            () ->
                SdkJson.build(
                    CreateDomainRequest.builder(),
                    JSON.readTree("{\"DefaultUserSettings\": {\"NoSuchSetting\": 1}}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NoSuchSetting");
  }

  @Test
  void modelsRoundTripWithoutNulls() {
    final JsonNode json = SdkJson.modelToJson(Map.of("Name", "x"));
    assertThat(json.toString()).isEqualTo("{\"Name\":\"x\"}");
    assertThat(SdkJson.jsonToModel(json, Sample.class).name).isEqualTo("x");
    assertThatThrownBy(
            () -> SdkJson.jsonToModel(JSON.createObjectNode().put("Other", 1), Sample.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Sample");
  }

  @Test
  void namesMembersAndModelProperties() {
    assertThat(SdkJson.memberNames(CreateDomainRequest.builder()))
        .contains("DomainName", "DefaultUserSettings", "Tags")
        .doesNotContain("DomainId");
    assertThat(SdkJson.modelProperties(Sample.class)).containsExactly("Name");
  }

  @Test
  void retainKeepsOnlyTheNamedMembers() throws Exception {
    assertThat(
            SdkJson.retain(
                JSON.readTree("{\"A\": 1, \"B\": {\"C\": 2}, \"D\": 3}"), List.of("B", "D")))
        .isEqualTo(JSON.readTree("{\"B\": {\"C\": 2}, \"D\": 3}"));
  }

  static final class Sample {
    @com.fasterxml.jackson.annotation.JsonProperty("Name")
    String name;
  }
}
