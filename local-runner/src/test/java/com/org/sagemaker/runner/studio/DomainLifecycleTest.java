package com.org.sagemaker.runner.studio;

import static com.org.sagemaker.runner.EmulatedAws.ROLE;
import static com.org.sagemaker.runner.EmulatedAws.json;
import static com.org.sagemaker.runner.studio.StudioTypes.DOMAIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.runner.EmulatedAws;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Org::SageMaker::StudioDomain through HandlerWrapper, the real SDK and HTTP, and the emulator. */
@ExtendWith(EmulatedAws.Extension.class)
class DomainLifecycleTest {

  private static ObjectNode domain(final String name) {
    return json(
        """
        {"DomainName": "%s", "AuthMode": "IAM", "VpcId": "vpc-1", "SubnetIds": ["subnet-1"],
         "DefaultUserSettings": {"ExecutionRole": "%s"}, "Tags": [{"Key": "team", "Value": "ml"}]}
        """
            .formatted(name, ROLE));
  }

  @Test
  void createReadUpdateReadListDeleteThenNotFound(final EmulatedAws aws) {
    final HandlerInvoker.Result created = aws.run("CREATE", DOMAIN, "Domain", domain("lifecycle"));
    assertThat(created.succeeded()).as(created.message()).isTrue();
    // Minutes of SageMaker time, a handful of callbacks.
    assertThat(created.invocations()).isBetween(3, 15);
    final String domainId = created.model().get("DomainId").asText();
    final JsonNode identifier = json("{\"DomainId\": \"" + domainId + "\"}");

    final HandlerInvoker.Result read = aws.run("READ", DOMAIN, "Domain", identifier);
    assertThat(read.status()).isEqualTo("SUCCESS");
    assertThat(read.model().get("DomainName").asText()).isEqualTo("lifecycle");
    assertThat(read.model().get("Url").asText()).contains(domainId);
    assertThat(read.model().get("Tags").toString()).contains("\"team\"");
    assertThat(read.model().toString()).doesNotContain("aws:cloudformation");

    final ObjectNode previous = domain("lifecycle").put("DomainId", domainId);
    final ObjectNode desired = previous.deepCopy();
    ((ObjectNode) desired.get("DefaultUserSettings")).putArray("SecurityGroups").add("sg-1");
    desired.putArray("Tags").addObject().put("Key", "team").put("Value", "research");
    final HandlerInvoker.Result updated = aws.update(DOMAIN, "Domain", previous, desired);
    assertThat(updated.succeeded()).as(updated.message()).isTrue();
    assertThat(updated.invocations()).isGreaterThan(1);

    final JsonNode reread = aws.run("READ", DOMAIN, "Domain", identifier).model();
    assertThat(reread.at("/DefaultUserSettings/SecurityGroups/0").asText()).isEqualTo("sg-1");
    assertThat(reread.get("Tags").toString()).contains("research").doesNotContain("\"ml\"");

    final HandlerInvoker.Result listed = aws.run("LIST", DOMAIN, "Domain", json("{}"));
    assertThat(listed.models()).extracting(m -> m.get("DomainId").asText()).contains(domainId);

    final HandlerInvoker.Result deleted = aws.run("DELETE", DOMAIN, "Domain", desired);
    assertThat(deleted.succeeded()).as(deleted.message()).isTrue();
    assertThat(aws.emulator.retainedFileSystems())
        .contains(read.model().get("HomeEfsFileSystemId").asText());

    final HandlerInvoker.Result gone = aws.run("READ", DOMAIN, "Domain", identifier);
    assertThat(gone.errorCode()).isEqualTo("NotFound");
    final HandlerInvoker.Result deletedAgain = aws.run("DELETE", DOMAIN, "Domain", identifier);
    assertThat(deletedAgain.errorCode()).isEqualTo("NotFound");
    assertThat(deletedAgain.message()).isNotBlank();
  }

  @Test
  void aCreateOnlyChangeIsNotUpdatable(final EmulatedAws aws) {
    final HandlerInvoker.Result created = aws.run("CREATE", DOMAIN, "Domain", domain("fixed-name"));
    final ObjectNode previous =
        domain("fixed-name").put("DomainId", created.model().get("DomainId").asText());
    final ObjectNode renamed = previous.deepCopy().put("DomainName", "new-name");

    final HandlerInvoker.Result result = aws.update(DOMAIN, "Domain", previous, renamed);

    assertThat(result.errorCode()).isEqualTo("NotUpdatable");
    assertThat(result.message()).contains("DomainName");
    assertThat(aws.run("DELETE", DOMAIN, "Domain", previous).succeeded()).isTrue();
  }

  @Test
  void invalidInputIsRejectedWithNoSageMakerCall(final EmulatedAws aws) {
    final int callsBefore = aws.emulator.totalCalls();

    final HandlerInvoker.Result result =
        aws.run("CREATE", DOMAIN, "Domain", domain("not valid!").put("Unknown", "x"));

    assertThat(result.errorCode()).isEqualTo("InvalidRequest");
    assertThat(result.message()).contains("Unknown");
    final HandlerInvoker.Result badName = aws.run("CREATE", DOMAIN, "Domain", domain("not valid!"));
    assertThat(badName.errorCode()).isEqualTo("InvalidRequest");
    assertThat(badName.message()).contains("#/DomainName");
    assertThat(aws.emulator.totalCalls()).isEqualTo(callsBefore);
  }
}
