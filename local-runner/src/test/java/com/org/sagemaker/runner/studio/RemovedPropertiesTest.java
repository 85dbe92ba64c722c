package com.org.sagemaker.runner.studio;

import static com.org.sagemaker.runner.EmulatedAws.ROLE;
import static com.org.sagemaker.runner.EmulatedAws.json;
import static com.org.sagemaker.runner.studio.StudioTypes.DOMAIN;
import static com.org.sagemaker.runner.studio.StudioTypes.USER_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.org.sagemaker.runner.EmulatedAws;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CloudFormation's meaning of a property removed from a template is "back to the default". For
 * every updatable leaf of each schema (walked from the schema, not listed by hand): set it, remove
 * it, and either the read-back value is what a fresh create without it reads back, or (where
 * SageMaker has no way to unset it) the update fails before any change, naming it.
 */
@ExtendWith(EmulatedAws.Extension.class)
class RemovedPropertiesTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Values that satisfy the schema's patterns, tried in order. A removed value is never sent nor
   * validated, so where none fits, any text does; a value that is created must fit, or its create
   * fails this test.
   */
  private static final List<String> SAMPLES =
      List.of(
          ROLE,
          "fs-0123456789abcdef0",
          "sg-0123456789abcdef0",
          "subnet-0123456789abcdef0",
          "arn:aws:sagemaker:us-east-1:123456789012:image/custom",
          "arn:aws:sagemaker:us-east-1:123456789012:image-version/custom/1",
          "arn:aws:sagemaker:us-east-1:123456789012:studio-lifecycle-config/setup",
          "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
          "https://example.com/a/b/c",
          "arn:aws:codewhisperer:us-east-1:123456789012:profile/q",
          "s3://bucket/prefix",
          "ml.t3.medium",
          "1",
          "sample");

  /** A leaf of the schema under one of the settings, by its path of property names. */
  private record Leaf(List<String> path, JsonNode schema) {
    String dotted() {
      return String.join(".", path);
    }
  }

  @Test
  void domainSettingsResetToTheirDefaultOrFailNamingThemBeforeAnyChange(final EmulatedAws aws) {
    final JsonNode fresh = created(aws, DOMAIN, domain("removal-base"));
    final List<Leaf> leaves = leaves(DOMAIN);
    assertThat(leaves).hasSizeGreaterThan(100);
    final int reset =
        assertEachResetOrRefused(aws, DOMAIN, index -> domain("removal-" + index), fresh, leaves);
    assertThat(reset).as("settings with a SageMaker default").isGreaterThanOrEqualTo(9);
  }

  @Test
  void userProfileSettingsResetToTheirDefaultOrFailNamingThemBeforeAnyChange(
      final EmulatedAws aws) {
    final String domainId =
        created(aws, DOMAIN, domain("removal-profiles")).get("DomainId").asText();
    final IntFunction<ObjectNode> profile =
        index ->
            json(
                "{\"DomainId\": \"%s\", \"UserProfileName\": \"user-%d\"}"
                    .formatted(domainId, index));
    final JsonNode fresh = created(aws, USER_PROFILE, profile.apply(-1));
    final List<Leaf> leaves = leaves(USER_PROFILE);
    assertThat(leaves).hasSizeGreaterThan(50);
    // A profile's settings default to the domain's: mostly, SageMaker has no way back to "not
    // set". RStudio's AccessStatus is DISABLED unless given (cloudformation-coverage-roadmap#2494).
    final int reset = assertEachResetOrRefused(aws, USER_PROFILE, profile, fresh, leaves);
    assertThat(reset).as("settings with a SageMaker default").isEqualTo(1);
  }

  /** Each leaf with a default is reset to it, each other one refused; returns how many reset. */
  private int assertEachResetOrRefused(
      final EmulatedAws aws,
      final String type,
      final IntFunction<ObjectNode> base,
      final JsonNode fresh,
      final List<Leaf> leaves) {
    int reset = 0;
    for (final Leaf leaf : leaves) {
      if (leaf.schema().has("default")) {
        assertResetToWhatAFreshCreateHas(aws, type, base.apply(reset), leaf, fresh);
        reset++;
      } else {
        assertRefusedBeforeAnyChange(aws, type, fresh, leaf);
      }
    }
    return reset;
  }

  private void assertResetToWhatAFreshCreateHas(
      final EmulatedAws aws,
      final String type,
      final ObjectNode base,
      final Leaf leaf,
      final JsonNode fresh) {
    final ObjectNode with = base.deepCopy();
    set(with, leaf.path(), sampleOtherThanDefault(leaf.schema()));
    final JsonNode model = created(aws, type, with);
    final ObjectNode previous = with.deepCopy();
    final ObjectNode without = base.deepCopy();
    ResourceTypes.pointers(type, "primaryIdentifier")
        .forEach(
            p -> {
              previous.set(p.substring(1), model.at(p));
              without.set(p.substring(1), model.at(p));
            });

    final HandlerInvoker.Result update = aws.update(type, "D", previous, without);

    assertThat(update.succeeded()).as("%s: %s", leaf.dotted(), update.message()).isTrue();
    final JsonNode readBack = at(aws.run("READ", type, "D", without).model(), leaf.path());
    assertThat(readBack)
        .as("%s read back after removal vs a resource created without it", leaf.dotted())
        .isEqualTo(at(fresh, leaf.path()))
        .isEqualTo(leaf.schema().get("default"));
    aws.run("DELETE", type, "D", without);
  }

  private void assertRefusedBeforeAnyChange(
      final EmulatedAws aws, final String type, final JsonNode fresh, final Leaf leaf) {
    final ObjectNode desired = identified(type, fresh);
    remove(desired, leaf.path());
    final ObjectNode previous = desired.deepCopy();
    set(previous, leaf.path(), sample(leaf.schema()));
    final int changes = changes(aws);

    final HandlerInvoker.Result update = aws.update(type, "R", previous, desired);

    assertThat(update.errorCode())
        .as(leaf.dotted() + ": " + update.status() + " " + update.message())
        .isEqualTo("InvalidRequest");
    // Named: by the removal rule, or by a rule that needs it (SubnetIds: a domain needs a VPC).
    assertThat(update.message()).contains(leaf.dotted());
    // Described (a resource that does not exist is NotFound first), nothing else.
    assertThat(changes(aws))
        .as("calls that change something, for " + leaf.dotted())
        .isEqualTo(changes);
  }

  /** SageMaker calls so far other than Describe* and List*. */
  private static int changes(final EmulatedAws aws) {
    return aws.emulator.calls().entrySet().stream()
        .filter(e -> !e.getKey().startsWith("Describe") && !e.getKey().startsWith("List"))
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  /** The template properties of a created resource, with its identifier. */
  private static ObjectNode identified(final String type, final JsonNode model) {
    final ObjectNode properties = NODES.objectNode();
    ResourceTypes.pointers(type, "primaryIdentifier")
        .forEach(p -> properties.set(p.substring(1), model.at(p)));
    if (DOMAIN.equals(type)) {
      properties.setAll(domain(model.get("DomainName").asText()));
    }
    return properties;
  }

  private static JsonNode created(
      final EmulatedAws aws, final String type, final ObjectNode model) {
    final HandlerInvoker.Result result = aws.run("CREATE", type, "R", model);
    assertThat(result.succeeded()).as(result.message()).isTrue();
    return result.model();
  }

  private static ObjectNode domain(final String name) {
    return json(
        """
        {"DomainName": "%s", "AuthMode": "IAM", "VpcId": "vpc-1", "SubnetIds": ["subnet-1"],
         "DefaultUserSettings": {"ExecutionRole": "%s"}}
        """
            .formatted(name, ROLE));
  }

  // ------------------------------------------------------------------ the schema walk

  /** Every leaf (a value or a list) under the properties an update may change. */
  private static List<Leaf> leaves(final String type) {
    final JsonNode schema = ResourceTypes.schema(type);
    final Set<String> fixed = new HashSet<>();
    for (final String list :
        List.of("createOnlyProperties", "readOnlyProperties", "writeOnlyProperties")) {
      ResourceTypes.pointers(type, list).forEach(p -> fixed.add(p.substring(1)));
    }
    fixed.add("Tags"); // changed with AddTags/DeleteTags, not an Update call
    final List<Leaf> leaves = new ArrayList<>();
    schema
        .path("properties")
        .properties()
        .forEach(
            p -> {
              if (!fixed.contains(p.getKey())) {
                walk(schema, List.of(p.getKey()), p.getValue(), new HashSet<>(), leaves);
              }
            });
    return leaves;
  }

  private static void walk(
      final JsonNode schema,
      final List<String> path,
      final JsonNode node,
      final Set<String> definitions,
      final List<Leaf> leaves) {
    final String ref = node.path("$ref").asText(null);
    final JsonNode resolved = ref == null ? node : schema.at(ref.substring(1));
    if (!resolved.has("properties")) {
      leaves.add(new Leaf(path, resolved));
      return;
    }
    if (!definitions.add(ref)) {
      return;
    }
    for (final Map.Entry<String, JsonNode> property : resolved.get("properties").properties()) {
      final List<String> child = new ArrayList<>(path);
      child.add(property.getKey());
      walk(schema, child, property.getValue(), new HashSet<>(definitions), leaves);
    }
  }

  private static JsonNode sampleOtherThanDefault(final JsonNode schema) {
    final JsonNode fallback = schema.get("default");
    if (schema.has("enum")) {
      for (final JsonNode value : schema.get("enum")) {
        if (!value.equals(fallback)) {
          return value;
        }
      }
    }
    return sample(schema);
  }

  /** A value of the property's shape, following patterns, enums, items and required members. */
  private static JsonNode sample(final JsonNode schema) {
    final JsonNode resolved = resolve(schema);
    if (resolved.has("enum")) {
      return resolved.get("enum").get(0);
    }
    final String type = resolved.path("type").asText("object");
    return switch (type) {
      case "array" -> {
        final ArrayNode array = NODES.arrayNode();
        array.add(sample(resolved.path("items")));
        yield array;
      }
      case "integer", "number" -> NODES.numberNode(resolved.path("minimum").asInt(1));
      case "boolean" -> NODES.booleanNode(true);
      case "string" -> TextNode.valueOf(sampleString(resolved));
      default -> sampleObject(resolved);
    };
  }

  private static ObjectNode sampleObject(final JsonNode schema) {
    final ObjectNode object = NODES.objectNode();
    final List<String> members = new ArrayList<>();
    schema.path("required").forEach(r -> members.add(r.asText()));
    if (members.isEmpty() && schema.path("properties").size() > 0) {
      members.add(schema.path("properties").fieldNames().next());
    }
    members.forEach(m -> object.set(m, sample(schema.path("properties").path(m))));
    return object;
  }

  private static String sampleString(final JsonNode schema) {
    final String pattern = schema.path("pattern").asText(null);
    if (pattern == null) {
      return "sample";
    }
    final Pattern compiled = Pattern.compile(pattern);
    return SAMPLES.stream().filter(s -> compiled.matcher(s).find()).findFirst().orElse("sample");
  }

  private static JsonNode resolve(final JsonNode node) {
    final String ref = node.path("$ref").asText(null);
    return ref == null ? node : CURRENT_SCHEMAS.get(ref);
  }

  /** Definitions of both schemas by $ref (the two types' definitions agree by name). */
  private static final Map<String, JsonNode> CURRENT_SCHEMAS = definitions();

  private static Map<String, JsonNode> definitions() {
    final Map<String, JsonNode> all = new java.util.HashMap<>();
    for (final String type : List.of(USER_PROFILE, DOMAIN)) {
      ResourceTypes.schema(type)
          .path("definitions")
          .properties()
          .forEach(d -> all.put("#/definitions/" + d.getKey(), d.getValue()));
    }
    return all;
  }

  private static void set(final ObjectNode model, final List<String> path, final JsonNode value) {
    ObjectNode parent = model;
    for (final String name : path.subList(0, path.size() - 1)) {
      parent = parent.withObjectProperty(name);
    }
    parent.set(path.get(path.size() - 1), value);
  }

  private static void remove(final ObjectNode model, final List<String> path) {
    final JsonNode parent = path.size() == 1 ? model : at(model, path.subList(0, path.size() - 1));
    if (parent instanceof ObjectNode object) {
      object.remove(path.get(path.size() - 1));
    }
  }

  private static JsonNode at(final JsonNode model, final List<String> path) {
    return model.at("/" + String.join("/", path));
  }
}
