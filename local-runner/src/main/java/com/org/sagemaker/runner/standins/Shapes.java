package com.org.sagemaker.runner.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.org.sagemaker.runner.template.StackContext;
import com.org.sagemaker.runner.template.Template;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The stand-ins' table: for each AWS type it knows, how its Ref and attributes are made. Its shapes
 * come from the CloudFormation user guide's "Return values" sections and the registry schemas'
 * readOnlyProperties (docs/sources/templates.md §1).
 */
final class Shapes {

  /** How a type's Ref and attributes are made. */
  record Shape(
      Function<Maker, String> ref,
      Map<String, Function<Maker, JsonNode>> attributes,
      boolean propertiesAreAttributes) {}

  // cfn-lint (src/cfnlint/schema/_getatts.py): every property of these types is an attribute.
  private static final Set<String> ALL_PROPERTY_TYPES =
      Set.of(
          "AWS::EC2::SecurityGroup",
          "AWS::EC2::Subnet",
          "AWS::EC2::VPC",
          "AWS::EFS::MountTarget",
          "AWS::SSM::Parameter");

  private static final Map<String, Shape> SHAPES = shapes();

  private Shapes() {}

  /** The type's shape, or null when the table does not know it. */
  static Shape of(final String type) {
    return SHAPES.get(type);
  }

  /** A type's shape, built as a table row. */
  private static final class Row {
    private final Function<Maker, String> ref;
    private final Map<String, Function<Maker, JsonNode>> attributes = new LinkedHashMap<>();

    private Row(final Function<Maker, String> ref) {
      this.ref = ref;
    }

    /** An EC2-style resource: Ref is an id with this prefix, also given as {@code idName}. */
    static Row id(final String prefix, final String idName) {
      return new Row(m -> m.id(prefix, 0)).text(idName, m -> m.id(prefix, 0));
    }

    Row text(final String name, final Function<Maker, String> value) {
      attributes.put(name, m -> TextNode.valueOf(value.apply(m)));
      return this;
    }

    /** An attribute whose value is a list (empty: nothing the stand-in could know). */
    Row list(final String name, final Function<Maker, String> first) {
      attributes.put(
          name,
          m -> {
            final ArrayNode list = Template.array();
            final String value = first == null ? null : first.apply(m);
            if (value != null) {
              list.add(value);
            }
            return list;
          });
      return this;
    }

    void into(final Map<String, Shape> shapes, final String type) {
      // In the table's order: a stand-in's saved model and the attributes an error lists read the
      // same on every run (Map.copyOf's order changes from one JVM to the next).
      shapes.put(
          type,
          new Shape(
              ref,
              Collections.unmodifiableMap(new LinkedHashMap<>(attributes)),
              ALL_PROPERTY_TYPES.contains(type)));
    }
  }

  private static Map<String, Shape> shapes() {
    final Map<String, Shape> shapes = new LinkedHashMap<>();
    // IAM: Ref is the name (role, instance profile) or the ARN (managed policy); the ARN carries
    // the Path; IAM unique ids are a 4-letter prefix and 17 characters (AROA role, ANPA policy).
    new Row(m -> m.name("RoleName", 64))
        .text("Arn", m -> m.global("iam", "role" + m.path() + m.name("RoleName", 64)))
        .text("RoleId", m -> "AROA" + m.code(17, 3))
        .into(shapes, "AWS::IAM::Role");
    new Row(Shapes::policyArn)
        .text("PolicyArn", Shapes::policyArn)
        .text("PolicyId", m -> "ANPA" + m.code(17, 3))
        .text("DefaultVersionId", m -> "v1")
        .text("IsAttachable", m -> "true")
        .into(shapes, "AWS::IAM::ManagedPolicy");
    // Ref of an inline policy is "the resource name" (user guide); its shape is not established.
    new Row(m -> m.generatedName(128))
        .text("Id", m -> m.generatedName(128))
        .into(shapes, "AWS::IAM::Policy");
    new Row(m -> m.name("InstanceProfileName", 128))
        .text(
            "Arn",
            m ->
                m.global("iam", "instance-profile" + m.path() + m.name("InstanceProfileName", 128)))
        .into(shapes, "AWS::IAM::InstanceProfile");
    // EC2 and networking: Ref is the id.
    Row.id("vpc", "VpcId")
        .text(
            "CidrBlock",
            m -> m.property("CidrBlock") == null ? "10.0.0.0/16" : m.property("CidrBlock"))
        .list("CidrBlockAssociations", m -> m.id("vpc-cidr-assoc", 5))
        .text("DefaultNetworkAcl", m -> m.id("acl", 9))
        .text("DefaultSecurityGroup", m -> m.id("sg", 11))
        .list("Ipv6CidrBlocks", null)
        .into(shapes, "AWS::EC2::VPC");
    Row.id("subnet", "SubnetId")
        .text("AvailabilityZone", Shapes::zone)
        .text("AvailabilityZoneId", m -> zoneId(m.region(), zone(m)))
        .text("NetworkAclAssociationId", m -> m.id("aclassoc", 5))
        .list("Ipv6CidrBlocks", null)
        .into(shapes, "AWS::EC2::Subnet");
    Row.id("sg", "GroupId").into(shapes, "AWS::EC2::SecurityGroup");
    // A rule id's shape (sgr-...) is EC2's convention, not established from CloudFormation.
    Row.id("sgr", "Id").into(shapes, "AWS::EC2::SecurityGroupIngress");
    Row.id("sgr", "Id").into(shapes, "AWS::EC2::SecurityGroupEgress");
    Row.id("igw", "InternetGatewayId").into(shapes, "AWS::EC2::InternetGateway");
    Row.id("rtb", "RouteTableId").into(shapes, "AWS::EC2::RouteTable");
    Row.id("rtbassoc", "Id").into(shapes, "AWS::EC2::SubnetRouteTableAssociation");
    Row.id("nat", "NatGatewayId").into(shapes, "AWS::EC2::NatGateway");
    Row.id("vpce", "Id")
        .list("DnsEntries", null)
        .list("NetworkInterfaceIds", null)
        .into(shapes, "AWS::EC2::VPCEndpoint");
    // Ref of a gateway attachment or a route is not established: the primary identifier stands in.
    new Row(
            m ->
                (m.property("InternetGatewayId") != null ? "IGW" : "VGW")
                    + "|"
                    + m.property("VpcId"))
        .text("AttachmentType", m -> m.property("InternetGatewayId") != null ? "igw" : "vgw")
        .into(shapes, "AWS::EC2::VPCGatewayAttachment");
    new Row(m -> m.property("RouteTableId") + "|" + m.property("DestinationCidrBlock"))
        .text("CidrBlock", m -> m.property("DestinationCidrBlock"))
        .into(shapes, "AWS::EC2::Route");
    // EIP: Ref is the address itself; 203.0.113.0/24 is the range set aside for documentation.
    new Row(Shapes::address)
        .text("AllocationId", m -> m.id("eipalloc", 0))
        .text("PublicIp", Shapes::address)
        .into(shapes, "AWS::EC2::EIP");
    // KMS: Ref is the key id (a UUID); an alias' Ref is its name.
    new Row(Maker::uuid)
        .text("Arn", m -> m.regional("kms", "key/" + m.uuid()))
        .text("KeyId", Maker::uuid)
        .into(shapes, "AWS::KMS::Key");
    new Row(m -> m.name("AliasName", 256)).into(shapes, "AWS::KMS::Alias");
    // S3: Ref is the bucket name; generated bucket names are lower case.
    new Row(Shapes::bucket)
        .text("Arn", m -> "arn:" + StackContext.partition(m.region()) + ":s3:::" + bucket(m))
        .text("DomainName", m -> bucket(m) + ".s3.amazonaws.com")
        .text(
            "DualStackDomainName",
            m -> bucket(m) + ".s3.dualstack." + m.region() + ".amazonaws.com")
        .text("RegionalDomainName", m -> bucket(m) + ".s3." + m.region() + ".amazonaws.com")
        .text(
            "WebsiteURL",
            m -> "http://" + bucket(m) + ".s3-website." + m.region() + ".amazonaws.com")
        .into(shapes, "AWS::S3::Bucket");
    // Ref of a bucket policy is not established: its primary identifier (the bucket) stands in.
    new Row(m -> m.property("Bucket")).into(shapes, "AWS::S3::BucketPolicy");
    new Row(m -> m.name("FunctionName", 64))
        .text("Arn", m -> m.regional("lambda", "function:" + m.name("FunctionName", 64)))
        .into(shapes, "AWS::Lambda::Function");
    new Row(Shapes::layerVersion)
        .text("LayerVersionArn", Shapes::layerVersion)
        .into(shapes, "AWS::Lambda::LayerVersion");
    new Row(m -> m.generatedName(128))
        .text("Id", m -> m.generatedName(128))
        .into(shapes, "AWS::Lambda::Permission");
    new Row(m -> m.name("LogGroupName", 512))
        .text("Arn", m -> m.regional("logs", "log-group:" + m.name("LogGroupName", 512) + ":*"))
        .into(shapes, "AWS::Logs::LogGroup");
    Row.id("fs", "FileSystemId")
        .text("Arn", m -> m.regional("elasticfilesystem", "file-system/" + m.id("fs", 0)))
        .into(shapes, "AWS::EFS::FileSystem");
    Row.id("fsmt", "Id").into(shapes, "AWS::EFS::MountTarget");
    new Row(m -> m.name("Name", 2048)).into(shapes, "AWS::SSM::Parameter");
    // Ref of a secret is its ARN: the name and a 6-character suffix.
    new Row(Shapes::secret).text("Id", Shapes::secret).into(shapes, "AWS::SecretsManager::Secret");
    // SageMaker resources Studio templates carry next to a domain: Ref is the name or the ARN.
    new Row(m -> m.name("StudioLifecycleConfigName", 63))
        .text(
            "StudioLifecycleConfigArn",
            m ->
                m.regional(
                    "sagemaker",
                    "studio-lifecycle-config/" + m.name("StudioLifecycleConfigName", 63)))
        .into(shapes, "AWS::SageMaker::StudioLifecycleConfig");
    new Row(m -> m.name("AppImageConfigName", 63))
        .text(
            "AppImageConfigArn",
            m -> m.regional("sagemaker", "app-image-config/" + m.name("AppImageConfigName", 63)))
        .into(shapes, "AWS::SageMaker::AppImageConfig");
    new Row(Shapes::image).text("ImageArn", Shapes::image).into(shapes, "AWS::SageMaker::Image");
    // Registering a private type (registration/registration.yaml): Ref is the version's Arn, the
    // primary identifier of AWS::CloudFormation::ResourceVersion and ResourceDefaultVersion in
    // their published schemas (docs/sources/registration.md §4).
    new Row(Shapes::typeVersion)
        .text("Arn", Shapes::typeVersion)
        .text("TypeArn", Shapes::typeArn)
        .text("VersionId", m -> "00000001")
        .text("IsDefaultVersion", m -> "false")
        .text("ProvisioningType", m -> "FULLY_MUTABLE")
        .text("Visibility", m -> "PRIVATE")
        .into(shapes, "AWS::CloudFormation::ResourceVersion");
    new Row(
            m ->
                m.property("TypeVersionArn") == null
                    ? typeVersion(m)
                    : m.property("TypeVersionArn"))
        .text(
            "Arn",
            m ->
                m.property("TypeVersionArn") == null
                    ? typeVersion(m)
                    : m.property("TypeVersionArn"))
        .into(shapes, "AWS::CloudFormation::ResourceDefaultVersion");
    return Map.copyOf(shapes);
  }

  private static String typeArn(final Maker m) {
    final String typeName =
        m.property("TypeName") == null ? "Org::Stand::In" : m.property("TypeName");
    return m.regional("cloudformation", "type/resource/" + typeName.replace("::", "-"));
  }

  private static String typeVersion(final Maker m) {
    return typeArn(m) + "/00000001";
  }

  private static String policyArn(final Maker m) {
    return m.global("iam", "policy" + m.path() + m.name("ManagedPolicyName", 128));
  }

  private static String address(final Maker m) {
    return "203.0.113." + (Math.floorMod(m.seed(0), 254) + 1);
  }

  private static String layerVersion(final Maker m) {
    return m.regional("lambda", "layer:" + m.name("LayerName", 64) + ":1");
  }

  private static String image(final Maker m) {
    return m.regional("sagemaker", "image/" + m.name("ImageName", 63));
  }

  private static String bucket(final Maker m) {
    final String given = m.property("BucketName");
    return given != null ? given : m.generatedName(63).toLowerCase(Locale.ROOT);
  }

  private static String secret(final Maker m) {
    return m.regional(
        "secretsmanager",
        "secret:" + m.name("Name", 256) + "-" + m.code(6, 11).toLowerCase(Locale.ROOT));
  }

  private static String zone(final Maker m) {
    final String given = m.property("AvailabilityZone");
    return given != null ? given : m.region() + "a";
  }

  /**
   * An AZ id in its documented shape (e.g. use1-az1). Which id a zone name maps to differs per
   * account; here the letter's position gives the number.
   */
  private static String zoneId(final String region, final String zone) {
    final StringBuilder code = new StringBuilder();
    final String[] parts = region.split("-");
    for (int i = 0; i < parts.length; i++) {
      code.append(
          i == 1
              ? parts[i]
                  .replace("southeast", "se")
                  .replace("northeast", "ne")
                  .replace("central", "c")
                  .replace("south", "s")
                  .replace("north", "n")
                  .replace("east", "e")
                  .replace("west", "w")
              : parts[i]);
    }
    final char letter = zone.isEmpty() ? 'a' : zone.charAt(zone.length() - 1);
    return code + "-az" + Math.max(1, letter - 'a' + 1);
  }
}
