package com.org.sagemaker.runner.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.org.sagemaker.runner.template.StackContext;
import com.org.sagemaker.runner.template.StackIdentity;
import com.org.sagemaker.runner.template.Template;
import com.org.sagemaker.runner.template.TemplateException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Resources of any type other than this project's are stand-ins: never deployed, but with a Ref and
 * Fn::GetAtt values in the shape the real type returns, deterministic for a stack and logical id,
 * so that the rest of a real template can be deployed locally. The table covers the types Studio
 * templates commonly use; its shapes come from the CloudFormation user guide's "Return values"
 * sections and the registry schemas' readOnlyProperties (docs/sources/templates.md §1). A type
 * outside the table gets a Ref (a generated physical id) and no attributes.
 */
public final class StandIns {

  /** The reason printed with a stand-in's events. */
  public static final String NOT_DEPLOYED = "stand-in: not deployed locally";

  public static final String REF = "Ref";

  /** How a type's Ref and attributes are made. */
  private record Shape(
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

  private StandIns() {}

  /** The Ref and attribute values of a stand-in, as kept in the stack's state. */
  public static ObjectNode model(
      final String type,
      final String logicalId,
      final JsonNode properties,
      final StackIdentity stack) {
    final Maker maker = new Maker(logicalId, properties, stack);
    final ObjectNode model = Template.object();
    final Shape shape = SHAPES.get(type);
    if (shape == null) {
      model.put(REF, maker.generatedName(type.startsWith("Custom::") ? 255 : 128));
      return model;
    }
    model.put(REF, shape.ref().apply(maker));
    shape.attributes().forEach((name, value) -> model.set(name, value.apply(maker)));
    return model;
  }

  /** A stand-in's attribute, or an error naming the attribute and the resource. */
  public static JsonNode attribute(
      final String type,
      final String logicalId,
      final JsonNode model,
      final JsonNode properties,
      final String attribute,
      final String location) {
    final String problem = attributeProblem(type, logicalId, attribute);
    if (problem != null) {
      throw new TemplateException(location, problem);
    }
    final JsonNode value = model.get(attribute);
    if (value != null) {
      return value;
    }
    final JsonNode property = properties.path(attribute);
    if (property.isMissingNode()) {
      throw new TemplateException(
          location,
          "Fn::GetAtt "
              + logicalId
              + "."
              + attribute
              + ": the property "
              + attribute
              + " is not set on "
              + logicalId
              + ", so the stand-in has no value for it");
    }
    return property;
  }

  /** Why {@code type} cannot answer Fn::GetAtt {@code attribute}, or null when it can. */
  public static String attributeProblem(
      final String type, final String logicalId, final String attribute) {
    final Shape shape = SHAPES.get(type);
    if (shape == null) {
      return type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource")
          ? "Fn::GetAtt "
              + logicalId
              + "."
              + attribute
              + ": a custom resource's attributes are the Data its provider returns; the stand-in"
              + " for "
              + logicalId
              + " ("
              + type
              + ") has none"
          : "Fn::GetAtt "
              + logicalId
              + "."
              + attribute
              + ": the runner has no attribute table for "
              + type
              + ", so the stand-in for "
              + logicalId
              + " has a Ref but no "
              + attribute;
    }
    if (shape.attributes().containsKey(attribute)
        || (shape.propertiesAreAttributes() && !attribute.contains("."))) {
      return null;
    }
    // The text CloudFormation gives (docs/sources/templates.md §3), and what the table knows.
    return "Template error: resource "
        + logicalId
        + " does not support attribute type "
        + attribute
        + " in Fn::GetAtt (the stand-in for "
        + type
        + " has: "
        + String.join(", ", shape.attributes().keySet())
        + ")";
  }

  /** Makes the values of one stand-in: ids, names and ARNs seeded by stack and logical id. */
  private static final class Maker {
    private final String logicalId;
    private final JsonNode properties;
    private final StackIdentity stack;
    private final byte[] seed;

    Maker(final String logicalId, final JsonNode properties, final StackIdentity stack) {
      this.logicalId = logicalId;
      this.properties = properties;
      this.stack = stack;
      this.seed = sha256(stack.id() + "/" + logicalId);
    }

    String property(final String name) {
      final JsonNode value = properties.path(name);
      return value.isValueNode() ? value.asText() : null;
    }

    /** Hex digits in the shape of current EC2 ids, e.g. vpc-0a1b2c3d4e5f67890 (17 digits). */
    String id(final String prefix, final int salt) {
      final StringBuilder hex = new StringBuilder(prefix).append('-');
      for (int i = 0; hex.length() < prefix.length() + 18; i++) {
        hex.append(String.format("%02x", seed[(i + salt) % seed.length]));
      }
      return hex.substring(0, prefix.length() + 18);
    }

    /** Upper-case letters and digits, as in IAM unique ids and generated names. */
    String code(final int length, final int salt) {
      final String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
      final StringBuilder code = new StringBuilder();
      for (int i = 0; i < length; i++) {
        code.append(
            alphabet.charAt(Math.floorMod(seed[(i + salt) % seed.length], alphabet.length())));
      }
      return code.toString();
    }

    String uuid() {
      return UUID.nameUUIDFromBytes(seed).toString();
    }

    /**
     * CloudFormation's name for a resource the template does not name: the stack name, the logical
     * id and a random suffix (user guide, aws-properties-name.md; e.g.
     * "teststack-CreateTestDBPolicy-16M23YE3CS700"), shortened to fit.
     */
    String generatedName(final int maxLength) {
      final String suffix = code(13, 7);
      final String prefix = stack.name() + "-" + logicalId;
      final int room = Math.max(1, maxLength - suffix.length() - 1);
      return (prefix.length() > room ? prefix.substring(0, room) : prefix) + "-" + suffix;
    }

    String name(final String property, final int maxLength) {
      final String given = property(property);
      return given != null ? given : generatedName(maxLength);
    }

    String arn(final String service, final String region, final String resource) {
      return "arn:"
          + StackContext.partition(stack.region())
          + ":"
          + service
          + ":"
          + region
          + ":"
          + stack.accountId()
          + ":"
          + resource;
    }

    String regional(final String service, final String resource) {
      return arn(service, stack.region(), resource);
    }

    String global(final String service, final String resource) {
      return arn(service, "", resource);
    }

    String path() {
      final String path = property("Path");
      return path == null ? "/" : path;
    }

    String region() {
      return stack.region();
    }
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
      shapes.put(type, new Shape(ref, Map.copyOf(attributes), ALL_PROPERTY_TYPES.contains(type)));
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
    new Row(StandIns::policyArn)
        .text("PolicyArn", StandIns::policyArn)
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
        .text("AvailabilityZone", StandIns::zone)
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
    new Row(StandIns::address)
        .text("AllocationId", m -> m.id("eipalloc", 0))
        .text("PublicIp", StandIns::address)
        .into(shapes, "AWS::EC2::EIP");
    // KMS: Ref is the key id (a UUID); an alias' Ref is its name.
    new Row(Maker::uuid)
        .text("Arn", m -> m.regional("kms", "key/" + m.uuid()))
        .text("KeyId", Maker::uuid)
        .into(shapes, "AWS::KMS::Key");
    new Row(m -> m.name("AliasName", 256)).into(shapes, "AWS::KMS::Alias");
    // S3: Ref is the bucket name; generated bucket names are lower case.
    new Row(StandIns::bucket)
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
    new Row(StandIns::layerVersion)
        .text("LayerVersionArn", StandIns::layerVersion)
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
    new Row(StandIns::secret)
        .text("Id", StandIns::secret)
        .into(shapes, "AWS::SecretsManager::Secret");
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
    new Row(StandIns::image)
        .text("ImageArn", StandIns::image)
        .into(shapes, "AWS::SageMaker::Image");
    // Registering a private type (registration/registration.yaml): Ref is the version's Arn, the
    // primary identifier of AWS::CloudFormation::ResourceVersion and ResourceDefaultVersion in
    // their published schemas (docs/sources/registration.md §4).
    new Row(StandIns::typeVersion)
        .text("Arn", StandIns::typeVersion)
        .text("TypeArn", StandIns::typeArn)
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
    return "203.0.113." + (Math.floorMod(m.seed[0], 254) + 1);
  }

  private static String layerVersion(final Maker m) {
    return m.regional("lambda", "layer:" + m.name("LayerName", 64) + ":1");
  }

  private static String image(final Maker m) {
    return m.regional("sagemaker", "image/" + m.name("ImageName", 63));
  }

  private static String bucket(final Maker m) {
    final String given = m.property("BucketName");
    return given != null ? given : m.generatedName(63).toLowerCase(java.util.Locale.ROOT);
  }

  private static String secret(final Maker m) {
    return m.regional(
        "secretsmanager",
        "secret:" + m.name("Name", 256) + "-" + m.code(6, 11).toLowerCase(java.util.Locale.ROOT));
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

  private static byte[] sha256(final String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (final NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
