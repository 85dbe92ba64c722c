package com.org.sagemaker.runner.studio;

import static com.org.sagemaker.runner.studio.StudioTypes.DOMAIN;
import static com.org.sagemaker.runner.studio.StudioTypes.USER_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.common.ContractTestInputs;
import com.org.sagemaker.runner.EmulatedAws;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The request sequences of AWS's contract suite ({@code cfn test}, cloudformation-cli
 * src/rpdk/core/contract/suite/resource/), replayed for both types exactly as the suite sends them,
 * so that CI, which cannot run Python, fails where the suite would. What the suite does that
 * matters here, from its resource_client.py:
 *
 * <ul>
 *   <li>each call and its callbacks go to the handler as {@link SuiteCalls} makes them;
 *   <li>an update's desired state is the update input with the created model's identifiers and
 *       read-only properties ({@code generate_update_example}); its previous state is the create
 *       handler's OUTPUT, with everything SageMaker filled in ({@code updated_resource});
 *   <li>the update input is one dict the suite mutates: once a test merged a created resource's
 *       identifier into it, later tests see that identifier, of a resource since deleted.
 * </ul>
 *
 * Checks: "input equals output" as {@code test_input_equals_output} compares (every input property
 * is in the output as given, write-only ones aside), and the error code each test demands.
 */
@ExtendWith(EmulatedAws.Extension.class)
class ContractSuiteReplayTest {

  private EmulatedAws aws;
  private SuiteCalls calls;
  private Map<String, String> exports;

  /** Stands in for registration/test-domain.yaml's exports, as the contract-test kit sets them. */
  @BeforeEach
  void theTestDomainAndItsExports(final EmulatedAws emulated) {
    aws = emulated;
    calls = new SuiteCalls(aws.clock, aws.invoker);
    final JsonNode domain =
        aws.emulator.call(
            "CreateDomain",
            EmulatedAws.json(
                """
                {"DomainName": "org-sagemaker-contract-tests", "AuthMode": "IAM",
                 "VpcId": "vpc-0123456789abcdef0", "SubnetIds": ["subnet-0123456789abcdef0"],
                 "DefaultUserSettings": {"ExecutionRole": "%s"}}
                """
                    .formatted(EmulatedAws.ROLE)));
    aws.clock.advance(Duration.ofHours(1));
    exports =
        Map.of(
            "OrgSageMakerStudioTest-DomainId",
            domain.get("DomainId").asText(),
            "OrgSageMakerStudioTest-ExecutionRoleArn",
            EmulatedAws.ROLE,
            "OrgSageMakerStudioTest-VpcId",
            "vpc-0123456789abcdef0",
            "OrgSageMakerStudioTest-SubnetId",
            "subnet-0123456789abcdef0");
  }

  @Test
  void domain() {
    replay(new Suite(DOMAIN, "studio-domain"));
  }

  @Test
  void userProfile() {
    replay(new Suite(USER_PROFILE, "studio-userprofile"));
  }

  private void replay(final Suite suite) {
    // handler_create.py contract_create_delete
    final JsonNode createdForDelete = suite.succeed("CREATE", suite.createInput(), null);
    suite.succeed("DELETE", createdForDelete, null);

    // handler_create.py contract_create_create: only with a writable primary identifier
    if (suite.identifierIsWritable()) {
      final JsonNode first = suite.succeed("CREATE", suite.createInput(), null);
      suite.fail("CREATE", suite.createInput(), null, "AlreadyExists");
      suite.succeed("DELETE", first, null);
    }

    // handler_create.py contract_create_read, contract_create_list, contract_create_taggable
    final JsonNode created = suite.succeed("CREATE", suite.createInput(), null);
    suite.assertInputEqualsOutput(suite.createInput(), created);
    suite.assertInputEqualsOutput(created, suite.succeed("READ", created, null));
    assertThat(suite.listed(created)).as("the created model is listed").isTrue();
    assertThat(suite.createInput().has("Tags")).isTrue();
    suite.succeed("DELETE", created, null);

    // handler_delete.py: the deleted_resource fixture, then read, list, update, delete, create
    final JsonNode deleted = suite.succeed("CREATE", suite.createInput(), null);
    suite.succeed("DELETE", deleted, null);
    suite.fail("READ", deleted, null, "NotFound");
    assertThat(suite.listed(deleted)).as("a deleted model is not listed").isFalse();
    suite.fail("UPDATE", suite.updateExample(deleted), deleted, "NotFound");
    suite.fail("DELETE", deleted, null, "NotFound");
    if (suite.identifierIsWritable()) {
      suite.succeed("DELETE", suite.succeed("CREATE", suite.createInput(), null), null);
    }

    // handler_update.py: the updated_resource fixture (previous state: the create's OUTPUT),
    // then contract_update_read, contract_update_list, contract_update_tag_updatable
    final JsonNode beforeUpdate = suite.succeed("CREATE", suite.createInput(), null);
    final ObjectNode updateRequest = suite.updateExample(beforeUpdate);
    final JsonNode updated = suite.succeed("UPDATE", updateRequest, beforeUpdate);
    suite.assertInputEqualsOutput(updateRequest, updated);
    suite.assertInputEqualsOutput(updateRequest, suite.succeed("READ", updated, null));
    assertThat(suite.listed(updated)).as("the updated model is listed").isTrue();
    assertThat(updateRequest.has("Tags")).isTrue();
    suite.succeed("DELETE", beforeUpdate, null);

    // handler_update_invalid.py contract_update_without_create: the update input still carries
    // the identifier the last fixture merged into it, of a resource deleted since
    suite.fail("UPDATE", suite.updateExample(suite.createInput()), suite.createInput(), "NotFound");
  }

  /** One type's inputs and the suite's way of calling its handler. */
  private final class Suite {

    private final String type;
    private final String module;
    private final ObjectNode updateInput;

    Suite(final String type, final String module) {
      this.type = type;
      this.module = module;
      this.updateInput = input("update");
    }

    ObjectNode createInput() {
      return input("create");
    }

    private ObjectNode input(final String kind) {
      try {
        return EmulatedAws.json(
            ContractTestInputs.render(
                Files.readString(Path.of("..", module, "inputs", "inputs_1_" + kind + ".json")),
                exports));
      } catch (final IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    boolean identifierIsWritable() {
      return ResourceTypes.pointers(type, "primaryIdentifier").stream()
          .noneMatch(ResourceTypes.pointers(type, "readOnlyProperties")::contains);
    }

    /**
     * {@code generate_update_example}: the (shared, mutated) update input gets the model's
     * identifiers, over the model's read-only properties.
     */
    ObjectNode updateExample(final JsonNode model) {
      for (final String pointer : ResourceTypes.pointers(type, "primaryIdentifier")) {
        if (model.has(pointer.substring(1))) {
          updateInput.set(pointer.substring(1), model.at(pointer));
        }
      }
      final ObjectNode example = EmulatedAws.JSON.createObjectNode();
      for (final String pointer : ResourceTypes.pointers(type, "readOnlyProperties")) {
        if (model.has(pointer.substring(1))) {
          example.set(pointer.substring(1), model.at(pointer));
        }
      }
      example.setAll(updateInput.deepCopy());
      return example;
    }

    JsonNode succeed(final String action, final JsonNode model, final JsonNode previous) {
      final JsonNode response = call(action, model, previous);
      assertThat(response.path("status").asText())
          .as("%s %s: %s", type, action, response.path("message").asText())
          .isEqualTo("SUCCESS");
      return response.get("resourceModel");
    }

    void fail(
        final String action, final JsonNode model, final JsonNode previous, final String code) {
      final JsonNode response = call(action, model, previous);
      assertThat(response.path("status").asText()).as("%s %s", type, action).isEqualTo("FAILED");
      assertThat(response.path("errorCode").asText())
          .as("%s %s: %s", type, action, response.path("message").asText())
          .isEqualTo(code);
      assertThat(response.path("message").asText()).as("a failure says why").isNotBlank();
    }

    /** {@code test_model_in_list}: every page, by primary identifier. */
    boolean listed(final JsonNode model) {
      final List<JsonNode> models = new ArrayList<>();
      String nextToken = null;
      do {
        final JsonNode page = call("LIST", model, null, nextToken);
        assertThat(page.path("status").asText()).isEqualTo("SUCCESS");
        page.path("resourceModels").forEach(models::add);
        nextToken = page.path("nextToken").asText(null);
      } while (nextToken != null);
      return models.stream().anyMatch(listed -> identifier(listed).equals(identifier(model)));
    }

    private List<JsonNode> identifier(final JsonNode model) {
      return ResourceTypes.pointers(type, "primaryIdentifier").stream().map(model::at).toList();
    }

    /** {@code test_input_equals_output}: each input property as given, write-only ones aside. */
    void assertInputEqualsOutput(final JsonNode input, final JsonNode output) {
      final ObjectNode expected = input.deepCopy();
      ResourceTypes.pointers(type, "writeOnlyProperties")
          .forEach(pointer -> expected.remove(pointer.substring(1)));
      assertContains(type, expected, output);
    }

    private void assertContains(final String path, final JsonNode expected, final JsonNode actual) {
      if (expected.isObject() && actual != null && actual.isObject()) {
        expected
            .properties()
            .forEach(
                e -> assertContains(path + "/" + e.getKey(), e.getValue(), actual.get(e.getKey())));
      } else {
        assertThat(actual).as(path).isEqualTo(expected);
      }
    }

    private JsonNode call(final String action, final JsonNode model, final JsonNode previous) {
      return call(action, model, previous, null);
    }

    private JsonNode call(
        final String action, final JsonNode model, final JsonNode previous, final String next) {
      final List<JsonNode> events = calls.call(type, action, model, previous, next);
      return events.get(events.size() - 1);
    }
  }
}
