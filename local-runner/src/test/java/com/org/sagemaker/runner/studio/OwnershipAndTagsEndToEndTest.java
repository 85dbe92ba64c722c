package com.org.sagemaker.runner.studio;

import static com.org.sagemaker.runner.EmulatedAws.ROLE;
import static com.org.sagemaker.runner.EmulatedAws.json;
import static com.org.sagemaker.runner.studio.StudioTypes.DOMAIN;
import static com.org.sagemaker.runner.studio.StudioTypes.USER_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.emulator.Faults;
import com.org.sagemaker.emulator.Timings;
import com.org.sagemaker.runner.EmulatedAws;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Through HandlerWrapper on the strict emulator: a create never takes over or deletes what another
 * operation made, tags are the resource's own, and List works without a model.
 */
@ExtendWith(EmulatedAws.Extension.class)
class OwnershipAndTagsEndToEndTest {

  private static final Map<String, String> STACK_TAGS = Map.of("cost-center", "42");

  private static ObjectNode domain(final String name) {
    return json(
        """
        {"DomainName": "%s", "AuthMode": "IAM", "VpcId": "vpc-1", "SubnetIds": ["subnet-1"],
         "DefaultUserSettings": {"ExecutionRole": "%s"}, "Tags": [{"Key": "team", "Value": "ml"}]}
        """
            .formatted(name, ROLE));
  }

  private static HandlerInvoker.Result run(
      final EmulatedAws aws, final String action, final String type, final JsonNode properties) {
    return aws.invoker.invoke(
        new HandlerInvoker.Request(
            action, type, "R", properties, null, STACK_TAGS, STACK_TAGS, null),
        (request, event) -> {});
  }

  private static List<String> domainIdsNamed(final EmulatedAws aws, final String name) {
    final List<String> ids = new ArrayList<>();
    aws.emulator
        .call("ListDomains", json("{\"MaxResults\": 100}"))
        .path("Domains")
        .forEach(
            d -> {
              if (name.equals(d.path("DomainName").asText())) {
                ids.add(d.path("DomainId").asText());
              }
            });
    return ids;
  }

  @Test
  void aSecondDomainOfTheSameNameNeverDeletesTheFirstEvenAfterALostResponse(final EmulatedAws aws) {
    final String first =
        run(aws, "CREATE", DOMAIN, domain("twin")).model().get("DomainId").asText();

    // A replacement: another operation creates a domain of the same name, and its CreateDomain
    // response is lost, so the SDK's retry makes a duplicate of the new one.
    aws.emulator.faults().loseResponse("CreateDomain", 1);
    final HandlerInvoker.Result second = run(aws, "CREATE", DOMAIN, domain("twin"));
    aws.clock.advance(Timings.REALISTIC.domainDelete());

    assertThat(second.succeeded()).as(second.message()).isTrue();
    assertThat(domainIdsNamed(aws, "twin"))
        .containsExactlyInAnyOrder(first, second.model().get("DomainId").asText());
  }

  @Test
  void aLostCreateUserProfileResponseIsAdoptedAndLeavesOneProfile(final EmulatedAws aws) {
    final String domainId =
        run(aws, "CREATE", DOMAIN, domain("adopting")).model().get("DomainId").asText();
    final ObjectNode profile =
        json("{\"DomainId\": \"%s\", \"UserProfileName\": \"bo\"}".formatted(domainId));
    aws.emulator.faults().loseResponse("CreateUserProfile", 1);

    final HandlerInvoker.Result created = run(aws, "CREATE", USER_PROFILE, profile);

    assertThat(created.succeeded()).as(created.message()).isTrue();
    assertThat(
            aws.emulator
                .call("ListUserProfiles", json("{\"DomainIdEquals\": \"%s\"}".formatted(domainId)))
                .path("UserProfiles"))
        .hasSize(1);
    // The same create again is another operation: the profile is not its to adopt.
    final HandlerInvoker.Result again = run(aws, "CREATE", USER_PROFILE, profile);
    assertThat(again.errorCode()).isEqualTo("AlreadyExists");
    aws.emulator.faults().clear();
  }

  @Test
  void tagsAreTheResourcesOwnNeitherStackNorSystemTags(final EmulatedAws aws) {
    final JsonNode created = run(aws, "CREATE", DOMAIN, domain("tagged")).model();
    final String arn = created.get("DomainArn").asText();

    final JsonNode stored =
        aws.emulator.call("ListTags", json("{\"ResourceArn\": \"%s\"}".formatted(arn)));
    final List<String> keys = new ArrayList<>();
    stored.path("Tags").forEach(t -> keys.add(t.path("Key").asText()));
    // Stack tags are applied; CloudFormation's aws: system tags never are (SageMaker refuses them).
    assertThat(keys).contains("team", "cost-center").noneMatch(k -> k.startsWith("aws:"));

    final JsonNode read =
        run(
                aws,
                "READ",
                DOMAIN,
                json("{\"DomainId\": \"%s\"}".formatted(created.get("DomainId").asText())))
            .model();
    assertThat(read.get("Tags").toString()).isEqualTo("[{\"Key\":\"team\",\"Value\":\"ml\"}]");
  }

  @Test
  void aProfileReadsBackTheRStudioAccessStatusSageMakerLeavesOut(final EmulatedAws aws) {
    final String domainId =
        run(aws, "CREATE", DOMAIN, domain("rstudio-status")).model().get("DomainId").asText();
    final ObjectNode profile =
        json(
            """
            {"DomainId": "%s", "UserProfileName": "rae",
             "UserSettings": {"RStudioServerProAppSettings": {"AccessStatus": "DISABLED"}}}
            """
                .formatted(domainId));
    run(aws, "CREATE", USER_PROFILE, profile);
    aws.emulator.call(
        "UpdateUserProfile",
        json(
            "{\"DomainId\": \"%s\", \"UserProfileName\": \"rae\", \"UserSettings\": {}}"
                .formatted(domainId)));
    aws.clock.advance(Timings.REALISTIC.profileUpdate());

    final JsonNode read = run(aws, "READ", USER_PROFILE, profile).model();

    assertThat(read.at("/UserSettings/RStudioServerProAppSettings/AccessStatus").asText())
        .isEqualTo("DISABLED");
  }

  @Test
  void listWorksWithoutAModel(final EmulatedAws aws) {
    final String domainId =
        run(aws, "CREATE", DOMAIN, domain("listed")).model().get("DomainId").asText();
    run(
        aws,
        "CREATE",
        USER_PROFILE,
        json("{\"DomainId\": \"%s\", \"UserProfileName\": \"lee\"}".formatted(domainId)));

    final HandlerInvoker.Result domains = run(aws, "LIST", DOMAIN, null);
    final HandlerInvoker.Result profiles = run(aws, "LIST", USER_PROFILE, null);

    assertThat(domains.succeeded()).as(domains.message()).isTrue();
    assertThat(domains.models()).extracting(m -> m.get("DomainId").asText()).contains(domainId);
    assertThat(profiles.succeeded()).as(profiles.message()).isTrue();
    assertThat(profiles.models())
        .extracting(m -> m.get("UserProfileName").asText())
        .contains("lee");
  }

  @Test
  void aFailedCreateLeavesADomainItsRollbackDeletes(final EmulatedAws aws) {
    aws.emulator.faults().transition("Domain.Create", Faults.Outcome.FAIL, "No free IPs");
    final HandlerInvoker.Result failed = run(aws, "CREATE", DOMAIN, domain("failing"));
    assertThat(failed.errorCode()).isEqualTo("NotStabilized");

    // CloudFormation's rollback deletes it by the identifier the failed event carried.
    final HandlerInvoker.Result deleted = run(aws, "DELETE", DOMAIN, failed.model());
    aws.clock.advance(Timings.REALISTIC.domainDelete());

    assertThat(deleted.succeeded()).as(deleted.message()).isTrue();
    assertThat(domainIdsNamed(aws, "failing")).isEmpty();
  }
}
