package com.org.sagemaker.runner.studio;

import static com.org.sagemaker.runner.studio.StudioTypes.DOMAIN;
import static com.org.sagemaker.runner.studio.StudioTypes.USER_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.common.ContractTestInputs;
import com.org.sagemaker.runner.EmulatedAws;
import com.org.sagemaker.runner.changeset.Plan;
import com.org.sagemaker.runner.engine.Deployer;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import com.org.sagemaker.runner.engine.StackEvents;
import com.org.sagemaker.runner.engine.Timeline;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.TargetId;
import com.org.sagemaker.runner.template.Template;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each type's contract-test inputs, run as docs/registration.md has an account run them: first
 * registration/test-domain.yaml is deployed, then the inputs' {{Export}} placeholders are resolved
 * from its exports, as {@code cfn test} resolves them (ContractTestInputs), then create, read,
 * update, read and delete run through the handlers, and the invalid input is refused.
 */
@ExtendWith(EmulatedAws.Extension.class)
class ContractInputsTest {

  private static final Path TEST_DOMAIN_TEMPLATE =
      Path.of("..", "registration", "test-domain.yaml");

  private final StringWriter events = new StringWriter();
  private Deployer deployer;
  private StackState testStack;
  private Map<String, String> exports;

  @BeforeEach
  void deployTheTestDomainStack(final EmulatedAws aws) {
    final TargetId where = TargetId.emulator();
    deployer =
        new Deployer(
            aws.invoker,
            Timeline.virtual(aws.clock, aws.clock::advance),
            new StackEvents(new PrintWriter(events), aws.clock::instant),
            1);
    testStack = StackState.fresh("studio-contract-tests", where);
    final Plan plan =
        Plan.of(
            Template.load(TEST_DOMAIN_TEMPLATE),
            new Plan.Inputs(
                Map.of(
                    "VpcId", "vpc-0123456789abcdef0",
                    "SubnetId", "subnet-0123456789abcdef0",
                    "ExecutionRoleArn", EmulatedAws.ROLE),
                Map.of(),
                Map.of()),
            testStack,
            where);
    assertThat(deployer.deploy(plan, false).succeeded()).as(events.toString()).isTrue();
    exports = testStack.exports();
  }

  @Test
  void bothTypesInputsRunAgainstTheTestDomainStacksExports(final EmulatedAws aws)
      throws IOException {
    final ObjectNode domain = input("studio-domain", "create");
    assertThat(domain.get("VpcId").asText()).isEqualTo("vpc-0123456789abcdef0");
    runContractSequence(aws, DOMAIN, "studio-domain", domain);

    final ObjectNode profile = input("studio-userprofile", "create");
    assertThat(profile.get("DomainId").asText())
        .isEqualTo(testStack.resources().get("TestDomain").model().get("DomainId").asText());
    runContractSequence(aws, USER_PROFILE, "studio-userprofile", profile);

    assertThat(deployer.delete(testStack).succeeded()).as(events.toString()).isTrue();
  }

  private void runContractSequence(
      final EmulatedAws aws, final String type, final String module, final ObjectNode create)
      throws IOException {
    final HandlerInvoker.Result created = aws.run("CREATE", type, "Contract", create);
    assertThat(created.succeeded()).as(created.message()).isTrue();
    final ObjectNode identifier = identifier(type, created.model());
    assertGivenPropertiesRead(aws, type, identifier, create);

    final ObjectNode update = input(module, "update");
    update.setAll(identifier);
    final HandlerInvoker.Result updated =
        aws.update(type, "Contract", withIdentifier(create, identifier), update);
    assertThat(updated.succeeded()).as(updated.message()).isTrue();
    assertGivenPropertiesRead(aws, type, identifier, update);

    assertThat(aws.run("DELETE", type, "Contract", identifier).succeeded()).isTrue();
    assertThat(aws.run("READ", type, "Contract", identifier).errorCode()).isEqualTo("NotFound");

    final HandlerInvoker.Result invalid =
        aws.run("CREATE", type, "Contract", input(module, "invalid"));
    assertThat(invalid.errorCode()).as(invalid.message()).isEqualTo("InvalidRequest");
  }

  private ObjectNode input(final String module, final String kind) throws IOException {
    final Path file = Path.of("..", module, "inputs", "inputs_1_" + kind + ".json");
    return EmulatedAws.json(ContractTestInputs.render(Files.readString(file), exports));
  }

  /**
   * Read returns every property it was given, as given: the contract tests compare each input
   * property, objects member by member (cloudformation-cli resource_client.py compare_model).
   */
  private static void assertGivenPropertiesRead(
      final EmulatedAws aws, final String type, final ObjectNode identifier, final JsonNode given) {
    final HandlerInvoker.Result read = aws.run("READ", type, "Contract", identifier);
    assertThat(read.succeeded()).as(read.message()).isTrue();
    final ObjectNode expected = given.deepCopy();
    ResourceTypes.pointers(type, "writeOnlyProperties")
        .forEach(path -> expected.remove(path.substring(1)));
    assertContains(type, expected, read.model());
  }

  private static void assertContains(
      final String path, final JsonNode expected, final JsonNode actual) {
    if (expected.isObject() && actual != null && actual.isObject()) {
      expected
          .properties()
          .forEach(
              e -> assertContains(path + "/" + e.getKey(), e.getValue(), actual.get(e.getKey())));
    } else {
      assertThat(actual).as(path).isEqualTo(expected);
    }
  }

  private static ObjectNode identifier(final String type, final JsonNode model) {
    final ObjectNode identifier = Template.object();
    for (final String path : ResourceTypes.pointers(type, "primaryIdentifier")) {
      identifier.set(path.substring(1), model.at(path));
    }
    return identifier;
  }

  private static ObjectNode withIdentifier(final ObjectNode properties, final ObjectNode id) {
    final ObjectNode copy = properties.deepCopy();
    copy.setAll(id);
    return copy;
  }
}
