package com.org.sagemaker.runner.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.emulator.SageMakerEmulator;
import com.org.sagemaker.emulator.VirtualClock;
import com.org.sagemaker.runner.EmulatedAws;
import com.org.sagemaker.runner.changeset.Plan;
import com.org.sagemaker.runner.changeset.Validation;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.TargetId;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Invalid models, generated from each type's schema (wrong types, names outside the pattern,
 * strings too long, values outside an enum, missing required properties, unknown properties,
 * create-only changes): each is refused with InvalidRequest or NotUpdatable naming the property,
 * and nothing in SageMaker changes. An update looks at the resource first (one that does not exist
 * is NotFound before any input check), so updates go to a domain and a profile that exist.
 */
class BadInputPropertiesTest {

  private static final VirtualClock CLOCK =
      VirtualClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
  private static final SageMakerEmulator EMULATOR = start();
  private static final HandlerInvoker INVOKER =
      new HandlerInvoker(
          new HandlerInvoker.Stack(
              "props",
              "arn:aws:cloudformation:us-east-1:123456789012:stack/props/1",
              "us-east-1",
              "123456789012",
              new HandlerInvoker.Credentials("AKIDEXAMPLE", "secret", "token")),
          CLOCK::advance,
          new EmulatedAws.CapturingLogger(new java.util.concurrent.CopyOnWriteArrayList<>()),
          500);

  /** One way to break a valid model, and the property the error must name. */
  record Mutation(String type, ObjectNode model, String property) {}

  private static SageMakerEmulator start() {
    try {
      final SageMakerEmulator emulator =
          SageMakerEmulator.start(SageMakerEmulator.Options.defaults().withClock(CLOCK));
      System.setProperty("aws.endpointUrlSageMaker", emulator.endpoint().toString());
      System.setProperty("aws.region", "us-east-1");
      return emulator;
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterContainer
  static void stop() {
    EMULATOR.close();
  }

  private static final String VALID_DOMAIN =
      "{\"DomainName\": \"valid\", \"AuthMode\": \"IAM\", \"VpcId\": \"vpc-1\", \"SubnetIds\": [\"subnet-1\"], \"DefaultUserSettings\": {\"ExecutionRole\": \"arn:aws:iam::123456789012:role/R\"}}";

  /** A domain that exists, for the updates; a new profile's domain. */
  private static final String DOMAIN_ID = created(StudioTypes.DOMAIN, VALID_DOMAIN, "DomainId");

  private static final Map<String, String> VALID =
      Map.of(
          StudioTypes.DOMAIN,
          VALID_DOMAIN,
          StudioTypes.USER_PROFILE,
          "{\"DomainId\": \"%s\", \"UserProfileName\": \"valid\"}".formatted(DOMAIN_ID));

  static {
    created(StudioTypes.USER_PROFILE, VALID.get(StudioTypes.USER_PROFILE), "UserProfileName");
  }

  private static String created(final String type, final String model, final String property) {
    final HandlerInvoker.Result result =
        INVOKER.invoke(
            HandlerInvoker.Request.of("CREATE", type, "Valid", EmulatedAws.json(model)),
            (r, e) -> {});
    if (!result.succeeded()) {
      throw new IllegalStateException(result.message());
    }
    return result.model().get(property).asText();
  }

  /** SageMaker calls so far that change something (all but Describe* and List*). */
  private static int changes() {
    return EMULATOR.calls().entrySet().stream()
        .filter(e -> !e.getKey().startsWith("Describe") && !e.getKey().startsWith("List"))
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  @Provide
  Arbitrary<Mutation> invalidModels() {
    final Arbitrary<String> type = Arbitraries.of(StudioTypes.DOMAIN, StudioTypes.USER_PROFILE);
    return type.flatMap(
        t -> {
          final JsonNode schema = ResourceTypes.schema(t);
          final List<String> strings = propertiesWith(schema, "string");
          final List<Arbitrary<Mutation>> kinds = new java.util.ArrayList<>();
          // A string property given an array or an object (the runtime coerces numbers to strings,
          // as CloudFormation passes template scalars).
          kinds.add(
              Combinators.combine(
                      Arbitraries.of(strings),
                      Arbitraries.of(
                          JsonNodeFactory.instance.arrayNode(),
                          JsonNodeFactory.instance.objectNode()))
                  .as((property, value) -> mutate(t, property, value)));
          // A name outside its pattern.
          kinds.add(
              Arbitraries.strings()
                  .withChars(" !?*/#%")
                  .ofMinLength(1)
                  .ofMaxLength(5)
                  .map(
                      bad ->
                          mutate(
                              t, nameProperty(t), JsonNodeFactory.instance.textNode("a" + bad))));
          // Longer than maxLength.
          final List<String> bounded = propertiesWith(schema, "maxLength");
          if (!bounded.isEmpty()) {
            kinds.add(
                Arbitraries.of(bounded)
                    .map(
                        property ->
                            mutate(
                                t,
                                property,
                                JsonNodeFactory.instance.textNode(
                                    "a"
                                        .repeat(
                                            schema
                                                    .at("/properties/" + property + "/maxLength")
                                                    .asInt()
                                                + 1)))));
          }
          // Not one of the enum's values.
          final List<String> enums = propertiesWith(schema, "enum");
          if (!enums.isEmpty()) {
            kinds.add(
                Combinators.combine(
                        Arbitraries.of(enums),
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8))
                    .as(
                        (property, value) ->
                            mutate(t, property, JsonNodeFactory.instance.textNode("X" + value))));
          }
          // A required property missing.
          kinds.add(
              Arbitraries.of(texts(schema.path("required")))
                  .map(
                      property -> {
                        final ObjectNode model = valid(t);
                        model.remove(property);
                        return new Mutation(t, model, property);
                      }));
          // A property the schema does not have.
          kinds.add(
              Arbitraries.strings()
                  .alpha()
                  .ofMinLength(1)
                  .ofMaxLength(10)
                  .map(
                      name -> mutate(t, "Unknown" + name, JsonNodeFactory.instance.textNode("x"))));
          return Arbitraries.oneOf(kinds);
        });
  }

  @Property(tries = 60)
  void invalidModelsAreRefusedNamingThePropertyBeforeAnyCall(
      @ForAll("invalidModels") final Mutation mutation) {
    final int callsBefore = EMULATOR.totalCalls();

    final HandlerInvoker.Result result =
        INVOKER.invoke(
            HandlerInvoker.Request.of("CREATE", mutation.type(), "Bad", mutation.model()),
            (r, e) -> {});

    assertThat(result.errorCode()).as(result.message()).isEqualTo("InvalidRequest");
    assertThat(result.message()).contains(mutation.property());
    assertThat(EMULATOR.totalCalls()).isEqualTo(callsBefore);
    // studio-local validate, offline, says what the handler said: the same lines (the JSON-schema
    // library lists the violations of a combined schema in no fixed order).
    assertThat(violations(validateMessage(mutation))).isEqualTo(violations(result.message()));
  }

  /** The lines of a "Model validation failed (...)" message, in a fixed order. */
  private static List<String> violations(final String message) {
    final String inner =
        message.startsWith("Model validation failed (") && message.endsWith(")")
            ? message.substring("Model validation failed (".length(), message.length() - 1)
            : message;
    return inner.lines().sorted().toList();
  }

  /** The message studio-local validate gives for a template with the mutated model. */
  private static String validateMessage(final Mutation mutation) {
    final ObjectNode template = JsonNodeFactory.instance.objectNode();
    template
        .putObject("Resources")
        .putObject("Bad")
        .put("Type", mutation.type())
        .set("Properties", mutation.model());
    final TargetId where = TargetId.emulator();
    final List<Validation.Finding> findings =
        Validation.check(
            template.toString(),
            "bad.json",
            Plan.Inputs.none(),
            StackState.fresh("bad", where),
            where);
    assertThat(findings).isNotEmpty().allSatisfy(f -> assertThat(f.logicalId()).isEqualTo("Bad"));
    return findings.get(0).handlerMessage();
  }

  @Property(tries = 20)
  void createOnlyChangesAreNotUpdatableNamingTheProperty(
      @ForAll("createOnlyChanges") final Mutation mutation) {
    final int changesBefore = changes();
    final ObjectNode previous = valid(mutation.type());
    identify(mutation.type(), previous);
    identify(mutation.type(), mutation.model());

    final HandlerInvoker.Result result =
        INVOKER.invoke(
            new HandlerInvoker.Request(
                "UPDATE",
                mutation.type(),
                "Bad",
                mutation.model(),
                previous,
                Map.of(),
                Map.of(),
                null),
            (r, e) -> {});

    assertThat(result.errorCode()).as(result.message()).isIn("NotUpdatable", "InvalidRequest");
    assertThat(result.message()).contains(mutation.property());
    assertThat(changes()).isEqualTo(changesBefore);
  }

  @Provide
  Arbitrary<Mutation> createOnlyChanges() {
    return Arbitraries.of(StudioTypes.DOMAIN, StudioTypes.USER_PROFILE)
        .flatMap(
            t ->
                Arbitraries.of(
                        ResourceTypes.pointers(t, "createOnlyProperties").stream()
                            // CloudFormation never updates a resource under another identifier
                            // (it replaces it); the handler looks up the one it is given.
                            .filter(
                                p -> !ResourceTypes.pointers(t, "primaryIdentifier").contains(p))
                            .map(p -> p.substring(1))
                            .filter(
                                p ->
                                    ResourceTypes.schema(t)
                                        .at("/properties/" + p + "/enum")
                                        .isMissingNode())
                            .toList())
                    .map(
                        property ->
                            mutate(
                                t,
                                property,
                                JsonNodeFactory.instance.textNode(changedValue(t, property)))));
  }

  private static String changedValue(final String type, final String property) {
    return switch (property) {
      case "SingleSignOnUserIdentifier" -> "UserName";
      default -> "changed";
    };
  }

  private static void identify(final String type, final ObjectNode model) {
    if (StudioTypes.DOMAIN.equals(type)) {
      model.put("DomainId", DOMAIN_ID);
    }
  }

  private static Mutation mutate(final String type, final String property, final JsonNode value) {
    final ObjectNode model = valid(type);
    model.set(property, value);
    return new Mutation(type, model, property);
  }

  private static ObjectNode valid(final String type) {
    return EmulatedAws.json(VALID.get(type));
  }

  private static String nameProperty(final String type) {
    return StudioTypes.DOMAIN.equals(type) ? "DomainName" : "UserProfileName";
  }

  /** Top-level writable properties whose schema has {@code keyword} (or is of that type). */
  private static List<String> propertiesWith(final JsonNode schema, final String keyword) {
    final List<String> readOnly = ResourceTypesHelper.readOnly(schema);
    final List<String> names = new java.util.ArrayList<>();
    schema
        .path("properties")
        .properties()
        .forEach(
            e -> {
              final JsonNode property = e.getValue();
              final boolean matches =
                  keyword.equals("string")
                      ? "string".equals(property.path("type").asText())
                      : property.has(keyword);
              if (matches && !readOnly.contains(e.getKey())) {
                names.add(e.getKey());
              }
            });
    return names;
  }

  private static List<String> texts(final JsonNode array) {
    final List<String> texts = new java.util.ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  /** Read-only properties are rejected by CloudFormation before a handler; leave them out. */
  private static final class ResourceTypesHelper {
    static List<String> readOnly(final JsonNode schema) {
      final List<String> names = new java.util.ArrayList<>();
      schema
          .path("readOnlyProperties")
          .forEach(p -> names.add(p.asText().replaceFirst("^/properties/", "")));
      return names;
    }
  }
}
