package com.org.sagemaker.runner.studio;

import static com.org.sagemaker.runner.EmulatedAws.ROLE;
import static com.org.sagemaker.runner.EmulatedAws.json;
import static com.org.sagemaker.runner.studio.StudioTypes.DOMAIN;
import static com.org.sagemaker.runner.studio.StudioTypes.USER_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.runner.EmulatedAws;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Org::SageMaker::StudioUserProfile end to end, in a domain created through its own type. */
@ExtendWith(EmulatedAws.Extension.class)
class UserProfileLifecycleTest {

  private String domainId;

  @BeforeEach
  void createDomain(final EmulatedAws aws) {
    final HandlerInvoker.Result domain =
        aws.run(
            "CREATE",
            DOMAIN,
            "Domain",
            json(
                """
            {"DomainName": "profiles", "AuthMode": "IAM", "VpcId": "vpc-1", "SubnetIds": ["subnet-1"],
            "DefaultUserSettings": {"ExecutionRole": "%s"}}
            """
                    .formatted(ROLE)));
    assertThat(domain.succeeded()).as(domain.message()).isTrue();
    domainId = domain.model().get("DomainId").asText();
  }

  private ObjectNode profile(final String name) {
    return json(
        """
        {"DomainId": "%s", "UserProfileName": "%s", "UserSettings": {"ExecutionRole": "%s"}}
        """
            .formatted(domainId, name, ROLE));
  }

  @Test
  void createReadUpdateReadListDeleteThenNotFound(final EmulatedAws aws) {
    final HandlerInvoker.Result created =
        aws.run("CREATE", USER_PROFILE, "Alice", profile("alice"));
    assertThat(created.succeeded()).as(created.message()).isTrue();
    assertThat(created.model().get("UserProfileArn").asText()).endsWith("/" + domainId + "/alice");
    final JsonNode identifier =
        json("{\"DomainId\": \"%s\", \"UserProfileName\": \"alice\"}".formatted(domainId));

    assertThat(
            aws.run("READ", USER_PROFILE, "Alice", identifier)
                .model()
                .get("HomeEfsFileSystemUid")
                .asText())
        .isNotBlank();

    final ObjectNode desired = profile("alice");
    ((ObjectNode) desired.get("UserSettings")).putArray("SecurityGroups").add("sg-1");
    desired.putArray("Tags").addObject().put("Key", "owner").put("Value", "alice");
    assertThat(aws.update(USER_PROFILE, "Alice", profile("alice"), desired).succeeded()).isTrue();
    final JsonNode reread = aws.run("READ", USER_PROFILE, "Alice", identifier).model();
    assertThat(reread.at("/UserSettings/SecurityGroups/0").asText()).isEqualTo("sg-1");
    assertThat(reread.get("Tags").toString()).contains("owner");

    final HandlerInvoker.Result listed =
        aws.run("LIST", USER_PROFILE, "Alice", json("{\"DomainId\": \"%s\"}".formatted(domainId)));
    assertThat(listed.models())
        .extracting(m -> m.get("UserProfileName").asText())
        .containsExactly("alice");

    assertThat(aws.run("DELETE", USER_PROFILE, "Alice", desired).succeeded()).isTrue();
    assertThat(aws.run("READ", USER_PROFILE, "Alice", identifier).errorCode())
        .isEqualTo("NotFound");
    assertThat(aws.run("DELETE", USER_PROFILE, "Alice", identifier).errorCode())
        .isEqualTo("NotFound");
  }

  @Test
  void creatingOverAProfileThatAlreadyExistsIsAlreadyExists(final EmulatedAws aws) {
    aws.emulator.call("CreateUserProfile", profile("bob"));

    final HandlerInvoker.Result result = aws.run("CREATE", USER_PROFILE, "Bob", profile("bob"));

    assertThat(result.errorCode()).isEqualTo("AlreadyExists");
    assertThat(result.message()).contains("bob");
  }

  @Test
  void aCreateOnlyChangeIsNotUpdatableAndBadInputChangesNothing(final EmulatedAws aws) {
    assertThat(aws.run("CREATE", USER_PROFILE, "Carol", profile("carol")).succeeded()).isTrue();
    final Map<String, Integer> callsBefore = aws.emulator.calls();
    final HandlerInvoker.Result sso =
        aws.update(
            USER_PROFILE,
            "Carol",
            profile("carol"),
            profile("carol")
                .put("SingleSignOnUserIdentifier", "UserName")
                .put("SingleSignOnUserValue", "carol"));
    assertThat(sso.errorCode()).isEqualTo("NotUpdatable");
    assertThat(sso.message()).contains("SingleSignOnUserIdentifier");

    final HandlerInvoker.Result invalid =
        aws.run("CREATE", USER_PROFILE, "Carol", profile("no spaces allowed"));
    assertThat(invalid.errorCode()).isEqualTo("InvalidRequest");
    assertThat(invalid.message()).contains("#/UserProfileName");
    // The update looked at the profile (NotFound comes before any input check); nothing else.
    final Map<String, Integer> calls = new java.util.TreeMap<>(aws.emulator.calls());
    calls.merge("DescribeUserProfile", -1, Integer::sum);
    assertThat(calls).isEqualTo(new java.util.TreeMap<>(callsBefore));
  }

  @Test
  void aProfileInAMissingDomainIsAClearInvalidRequest(final EmulatedAws aws) {
    final HandlerInvoker.Result result =
        aws.run("CREATE", USER_PROFILE, "Dave", profile("dave").put("DomainId", "d-000000000000"));

    assertThat(result.errorCode()).isEqualTo("InvalidRequest");
    assertThat(result.message()).contains("d-000000000000");
  }
}
