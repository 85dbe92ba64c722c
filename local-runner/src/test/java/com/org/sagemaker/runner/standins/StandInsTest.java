package com.org.sagemaker.runner.standins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.org.sagemaker.runner.EmulatedAws;
import com.org.sagemaker.runner.studio.StudioTypes;
import com.org.sagemaker.runner.template.StackIdentity;
import com.org.sagemaker.runner.template.Template;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stand-ins: Ref and attributes in the real types' shapes, the same for a stack and logical id. */
class StandInsTest {

  private static final StackIdentity STACK =
      new StackIdentity(
          "studio",
          "arn:aws:cloudformation:eu-west-1:111122223333:stack/studio/abc",
          "eu-west-1",
          "111122223333");

  private static JsonNode model(
      final String type, final String logicalId, final String properties) {
    return StandIns.model(type, logicalId, EmulatedAws.json(properties), STACK, null);
  }

  private static String attribute(final String type, final String properties, final String name) {
    final JsonNode given = EmulatedAws.json(properties);
    return ResourceTypes.attribute(type, "R", model(type, "R", properties), given, name, "here")
        .asText();
  }

  @Test
  void shapesFollowTheRealTypes() {
    final JsonNode role = model("AWS::IAM::Role", "ExecutionRole", "{}");
    assertThat(role.get("Ref").asText()).matches("studio-ExecutionRole-[A-Z0-9]{13}");
    assertThat(role.get("Arn").asText())
        .isEqualTo("arn:aws:iam::111122223333:role/" + role.get("Ref").asText());
    assertThat(role.get("RoleId").asText()).matches("AROA[A-Z0-9]{17}");
    assertThat(
            attribute("AWS::IAM::Role", "{\"RoleName\": \"Named\", \"Path\": \"/team/\"}", "Arn"))
        .isEqualTo("arn:aws:iam::111122223333:role/team/Named");
    assertThat(model("AWS::EC2::VPC", "Vpc", "{}").get("Ref").asText()).matches("vpc-[0-9a-f]{17}");
    assertThat(attribute("AWS::EC2::VPC", "{\"CidrBlock\": \"10.9.0.0/16\"}", "CidrBlock"))
        .isEqualTo("10.9.0.0/16");
    assertThat(attribute("AWS::EC2::VPC", "{\"EnableDnsSupport\": true}", "EnableDnsSupport"))
        .isEqualTo("true");
    assertThat(attribute("AWS::EC2::Subnet", "{\"VpcId\": \"vpc-1\"}", "VpcId")).isEqualTo("vpc-1");
    assertThat(
            attribute(
                "AWS::EC2::Subnet", "{\"AvailabilityZone\": \"eu-west-1b\"}", "AvailabilityZoneId"))
        .isEqualTo("euw1-az2");
    assertThat(attribute("AWS::EC2::Subnet", "{}", "AvailabilityZone")).isEqualTo("eu-west-1a");
    assertThat(attribute("AWS::EC2::SecurityGroup", "{}", "GroupId")).matches("sg-[0-9a-f]{17}");
    final JsonNode key = model("AWS::KMS::Key", "Key", "{}");
    assertThat(key.get("Ref").asText()).matches("[0-9a-f-]{36}");
    assertThat(key.get("Arn").asText())
        .isEqualTo("arn:aws:kms:eu-west-1:111122223333:key/" + key.get("Ref").asText());
    assertThat(attribute("AWS::S3::Bucket", "{\"BucketName\": \"b\"}", "RegionalDomainName"))
        .isEqualTo("b.s3.eu-west-1.amazonaws.com");
    assertThat(model("AWS::S3::Bucket", "Logs", "{}").get("Ref").asText())
        .matches("studio-logs-[a-z0-9]{13}");
    assertThat(attribute("AWS::Logs::LogGroup", "{\"LogGroupName\": \"/g\"}", "Arn"))
        .isEqualTo("arn:aws:logs:eu-west-1:111122223333:log-group:/g:*");
    assertThat(model("AWS::SecretsManager::Secret", "S", "{\"Name\": \"db\"}").get("Ref").asText())
        .matches("arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-[a-z0-9]{6}");
    assertThat(model("AWS::EC2::EIP", "Ip", "{}").get("Ref").asText()).startsWith("203.0.113.");
    assertThat(model("AWS::IAM::ManagedPolicy", "P", "{}").get("Ref").asText())
        .startsWith("arn:aws:iam::111122223333:policy/studio-P-");
    assertThat(attribute("AWS::SSM::Parameter", "{\"Value\": \"v\"}", "Value")).isEqualTo("v");
    assertThat(model("Custom::StudioDomain", "Old", "{}").get("Ref").asText())
        .startsWith("studio-Old-");
  }

  @Test
  void valuesDependOnlyOnStackAndLogicalId() {
    assertThat(model("AWS::EC2::VPC", "Vpc", "{}")).isEqualTo(model("AWS::EC2::VPC", "Vpc", "{}"));
    assertThat(model("AWS::EC2::VPC", "Vpc", "{}"))
        .isNotEqualTo(model("AWS::EC2::VPC", "Other", "{}"));
    final StackIdentity other =
        new StackIdentity(
            "studio",
            "arn:aws:cloudformation:eu-west-1:111122223333:stack/studio/def",
            "eu-west-1",
            "111122223333");
    assertThat(StandIns.model("AWS::EC2::VPC", "Vpc", Template.object(), other, null))
        .isNotEqualTo(model("AWS::EC2::VPC", "Vpc", "{}"));
  }

  @Test
  void attributesKeepTheTablesOrderOnEveryRun() {
    final List<String> names = new ArrayList<>();
    model("AWS::EC2::VPC", "Vpc", "{}").fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "Ref",
            "VpcId",
            "CidrBlock",
            "CidrBlockAssociations",
            "DefaultNetworkAcl",
            "DefaultSecurityGroup",
            "Ipv6CidrBlocks");
    assertThat(StandIns.attributeProblem("AWS::EC2::VPCEndpoint", "Endpoint", "Nope"))
        .endsWith("has: Id, DnsEntries, NetworkInterfaceIds)");
  }

  @Test
  void unknownAttributesAreNamedWithTheResource() {
    assertThat(StandIns.attributeProblem("AWS::IAM::Role", "Role", "Arn")).isNull();
    assertThat(StandIns.attributeProblem("AWS::IAM::Role", "Role", "Name"))
        .startsWith(
            "Template error: resource Role does not support attribute type Name in Fn::GetAtt")
        .contains("has: ");
    assertThat(StandIns.attributeProblem("AWS::EC2::Subnet", "Subnet", "MapPublicIpOnLaunch"))
        .isNull();
    assertThat(StandIns.attributeProblem("Custom::Thing", "Thing", "DomainId"))
        .contains("a custom resource's attributes are the Data its provider returns", "Thing");
    assertThat(StandIns.attributeProblem("AWS::Glue::Job", "Job", "Arn"))
        .contains("no attribute table for AWS::Glue::Job", "Job", "Arn");
    assertThatThrownBy(() -> attribute("AWS::EC2::VPC", "{}", "InstanceTenancy"))
        .hasMessageContaining("the property InstanceTenancy is not set on R");
    assertThat(ResourceTypes.attributeProblem(StudioTypes.DOMAIN, "Domain", "DomainName"))
        .startsWith("Template error: resource Domain does not support attribute type DomainName")
        .contains("DomainId", "Url");
    assertThat(ResourceTypes.attributeProblem(StudioTypes.USER_PROFILE, "P", "UserProfileArn"))
        .isNull();
    assertThatThrownBy(
            () ->
                ResourceTypes.attribute(
                    StudioTypes.DOMAIN,
                    "Domain",
                    Template.object(),
                    Template.object(),
                    "Url",
                    "here"))
        .hasMessageContaining("the handler returned no Url");
  }
}
