package com.org.sagemaker.runner.studio;

import static com.org.sagemaker.runner.studio.StudioTypes.DOMAIN;
import static com.org.sagemaker.runner.studio.StudioTypes.USER_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.emulator.SageMakerEmulator;
import com.org.sagemaker.emulator.VirtualClock;
import com.org.sagemaker.runner.EmulatedAws;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * A create that fails before this operation's CreateDomain or CreateUserProfile succeeded reports
 * no model: CloudFormation's rollback deletes what a failed create reports
 * (cloudformation-coverage-roadmap#1493, cloudformation-cli-python-plugin#61), and a profile's
 * identifier is known from its input, so a model there would name a live profile another stack
 * owns. Every way a create of either type can fail before its create call, and on the call itself,
 * driven through HandlerWrapper as CloudFormation calls it, with names, tags and retry counts drawn
 * at random: the last event is FAILED with the expected code, carries no model, and SageMaker holds
 * what it held before (the taken name's profile unchanged).
 */
class FailedCreateReportsNothingTest {

  private static final VirtualClock CLOCK =
      VirtualClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
  private static final SageMakerEmulator EMULATOR = start();
  private static final SuiteCalls CALLS =
      new SuiteCalls(
              CLOCK,
              new HandlerInvoker(
                  new HandlerInvoker.Stack(
                      "invariant",
                      "arn:aws:cloudformation:us-east-1:123456789012:stack/invariant/1",
                      "us-east-1",
                      "123456789012",
                      new HandlerInvoker.Credentials("AKIDEXAMPLE", "secret", "token")),
                  CLOCK::advance,
                  new EmulatedAws.CapturingLogger(new CopyOnWriteArrayList<>()),
                  1))
          .allowingInProgressWithoutIdentifier();
  private static final String ROLE = EmulatedAws.ROLE;
  private static final String IAM_DOMAIN = inServiceDomain();

  /**
   * The standard retry mode of the AWS SDK for Java v2 makes 3 attempts; more throttles than that
   * reach the handler, which answers IN_PROGRESS and is called back.
   */
  private static final int SDK_ATTEMPTS = 3;

  /** One way a create fails before its resource exists: the type, the change, the code. */
  enum Path {
    DOMAIN_VPC_ONLY_WITHOUT_SUBNETS(DOMAIN, "InvalidRequest"),
    DOMAIN_RESERVED_TAG(DOMAIN, "InvalidRequest"),
    DOMAIN_OUR_CREATION_TOKEN_AS_A_TAG(DOMAIN, "InvalidRequest"),
    DOMAIN_TOO_MANY_TAGS(DOMAIN, "InvalidRequest"),
    DOMAIN_CREATE_DENIED(DOMAIN, "AccessDenied"),
    DOMAIN_CREATE_THROTTLED_THEN_DENIED(DOMAIN, "AccessDenied"),
    PROFILE_SSO_IDENTIFIER_WITHOUT_VALUE(USER_PROFILE, "InvalidRequest"),
    PROFILE_STUDIO_LANDING_WITHOUT_STUDIO(USER_PROFILE, "InvalidRequest"),
    PROFILE_SSO_IN_AN_IAM_DOMAIN(USER_PROFILE, "InvalidRequest"),
    PROFILE_IN_A_MISSING_DOMAIN(USER_PROFILE, "InvalidRequest"),
    PROFILE_NAME_TAKEN(USER_PROFILE, "AlreadyExists"),
    PROFILE_RESERVED_TAG(USER_PROFILE, "InvalidRequest"),
    PROFILE_CREATE_DENIED(USER_PROFILE, "AccessDenied"),
    PROFILE_CREATE_THROTTLED_THEN_DENIED(USER_PROFILE, "AccessDenied");

    final String type;
    final String code;

    Path(final String type, final String code) {
      this.type = type;
      this.code = code;
    }
  }

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

  private static String inServiceDomain() {
    final JsonNode domain = EMULATOR.call("CreateDomain", domain("existing"));
    CLOCK.advance(Duration.ofHours(1));
    return domain.get("DomainId").asText();
  }

  @AfterContainer
  static void stop() {
    EMULATOR.close();
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(20);
  }

  @Property(tries = 28)
  void aCreateThatFailsBeforeItsResourceExistsReportsNoModel(
      @ForAll final Path path,
      @ForAll("names") final String name,
      @ForAll("names") final String tagKey) {
    final ObjectNode model = valid(path.type, name);
    final Runnable fault = arrange(path, model, name, tagKey);
    final Map<String, Integer> before = EMULATOR.counts();
    final JsonNode existing = describeProfile(name);
    fault.run();

    final List<JsonNode> events = CALLS.call(path.type, "CREATE", model, null, null);
    EMULATOR.faults().clear();

    final JsonNode last = events.get(events.size() - 1);
    assertThat(last.path("status").asText()).as(path + ": " + last).isEqualTo("FAILED");
    assertThat(last.path("errorCode").asText()).as(path + ": " + last).isEqualTo(path.code);
    assertThat(last.path("resourceModel").isMissingNode() || last.get("resourceModel").isNull())
        .as("%s: the failed create names no resource: %s", path, last)
        .isTrue();
    CLOCK.advance(Duration.ofHours(1));
    assertThat(EMULATOR.counts()).as(path + ": nothing made").isEqualTo(before);
    assertThat(describeProfile(name)).as(path + ": the existing profile").isEqualTo(existing);
  }

  /** Changes {@code model} or the account so that the create fails along {@code path}. */
  private static Runnable arrange(
      final Path path, final ObjectNode model, final String name, final String tagKey) {
    final BiConsumer<String, String> tag =
        (key, value) -> model.withArray("Tags").addObject().put("Key", key).put("Value", value);
    final int throttles = SDK_ATTEMPTS + 1 + Math.floorMod(tagKey.hashCode(), 3);
    final String create = DOMAIN.equals(path.type) ? "CreateDomain" : "CreateUserProfile";
    switch (path) {
      case DOMAIN_VPC_ONLY_WITHOUT_SUBNETS -> {
        model.put("AppNetworkAccessType", "VpcOnly");
        model.remove("SubnetIds");
      }
      case DOMAIN_RESERVED_TAG, PROFILE_RESERVED_TAG -> tag.accept("aws:" + tagKey, "x");
      case DOMAIN_OUR_CREATION_TOKEN_AS_A_TAG ->
          tag.accept("org-sagemaker-studio:creation-token", tagKey);
      case DOMAIN_TOO_MANY_TAGS -> {
        for (int i = 0; i < 50; i++) {
          tag.accept(tagKey + i, "x");
        }
      }
      case DOMAIN_CREATE_DENIED, PROFILE_CREATE_DENIED -> {
        return () -> EMULATOR.faults().deny(create, 1);
      }
      case DOMAIN_CREATE_THROTTLED_THEN_DENIED, PROFILE_CREATE_THROTTLED_THEN_DENIED -> {
        return () -> EMULATOR.faults().throttle(create, throttles).deny(create, 1);
      }
      case PROFILE_SSO_IDENTIFIER_WITHOUT_VALUE ->
          model.put("SingleSignOnUserIdentifier", "UserName");
      case PROFILE_STUDIO_LANDING_WITHOUT_STUDIO ->
          model
              .putObject("UserSettings")
              .put("StudioWebPortal", "DISABLED")
              .put("DefaultLandingUri", "studio::");
      case PROFILE_SSO_IN_AN_IAM_DOMAIN ->
          model.put("SingleSignOnUserIdentifier", "UserName").put("SingleSignOnUserValue", name);
      case PROFILE_IN_A_MISSING_DOMAIN -> model.put("DomainId", "d-0000000000ff");
      case PROFILE_NAME_TAKEN -> {
        if (describeProfile(name) == null) {
          EMULATOR.call(
              "CreateUserProfile",
              EmulatedAws.json(
                  "{\"DomainId\": \"%s\", \"UserProfileName\": \"%s\"}"
                      .formatted(IAM_DOMAIN, name)));
          CLOCK.advance(Duration.ofMinutes(5));
        }
      }
      default -> throw new IllegalArgumentException(path.name());
    }
    return () -> {};
  }

  private static ObjectNode valid(final String type, final String name) {
    return DOMAIN.equals(type)
        ? domain(name)
        : EmulatedAws.json(
            "{\"DomainId\": \"%s\", \"UserProfileName\": \"%s\"}".formatted(IAM_DOMAIN, name));
  }

  private static ObjectNode domain(final String name) {
    return EmulatedAws.json(
        """
        {"DomainName": "%s", "AuthMode": "IAM", "VpcId": "vpc-1", "SubnetIds": ["subnet-1"],
         "DefaultUserSettings": {"ExecutionRole": "%s"}}
        """
            .formatted(name, ROLE));
  }

  /** The profile of that name in the IAM domain, as SageMaker describes it; null without one. */
  private static JsonNode describeProfile(final String name) {
    try {
      return EMULATOR.call(
          "DescribeUserProfile",
          EmulatedAws.json(
              "{\"DomainId\": \"%s\", \"UserProfileName\": \"%s\"}".formatted(IAM_DOMAIN, name)));
    } catch (final RuntimeException e) {
      return null;
    }
  }
}
