package com.org.sagemaker.runner.studio;

import static com.org.sagemaker.runner.EmulatedAws.ROLE;
import static com.org.sagemaker.runner.EmulatedAws.json;
import static com.org.sagemaker.runner.studio.StudioTypes.DOMAIN;
import static com.org.sagemaker.runner.studio.StudioTypes.USER_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.runner.EmulatedAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Everything the handlers log over full lifecycles, failures included, carries neither the caller's
 * credentials nor whole request payloads (the runtime does not redact anything).
 */
@ExtendWith(EmulatedAws.Extension.class)
class NoSecretsInLogsTest {

  @Test
  void handlerLogsCarryNoCredentialsNorPayloads(final EmulatedAws aws) {
    final ObjectNode domain =
        json(
            """
            {"DomainName": "quiet", "AuthMode": "IAM", "VpcId": "vpc-1", "SubnetIds": ["subnet-1"],
             "DefaultUserSettings": {"ExecutionRole": "%s", "SecurityGroups": ["sg-0secretish"]}}
            """
                .formatted(ROLE));
    final String domainId =
        aws.run("CREATE", DOMAIN, "Domain", domain).model().get("DomainId").asText();
    domain.put("DomainId", domainId);
    final ObjectNode profile =
        json("{\"DomainId\": \"%s\", \"UserProfileName\": \"quiet\"}".formatted(domainId));
    aws.run("CREATE", USER_PROFILE, "Profile", profile);
    aws.update(DOMAIN, "Domain", domain, domain.deepCopy().put("TagPropagation", "ENABLED"));
    aws.run("CREATE", USER_PROFILE, "Profile", profile); // AlreadyExists
    aws.run("CREATE", DOMAIN, "Bad", json("{\"DomainName\": \"bad name\"}")); // InvalidRequest
    aws.emulator.faults().throttle("DescribeDomain", 10);
    aws.run("READ", DOMAIN, "Domain", domain); // Throttling
    aws.emulator.faults().clear();
    aws.run("DELETE", USER_PROFILE, "Profile", profile);
    aws.run("DELETE", DOMAIN, "Domain", domain);
    aws.run("DELETE", DOMAIN, "Domain", domain); // NotFound

    final String logs = String.join("\n", aws.handlerLogs);
    assertThat(logs).isNotBlank().contains("Creating Domain quiet");
    assertThat(logs)
        .doesNotContain("wJalrXUtnFEMI-secret")
        .doesNotContain("session-token-e2e")
        .doesNotContain("AKIDEXAMPLE")
        .doesNotContain("callerCredentials")
        .doesNotContain("secretAccessKey")
        // No request payload or model: its distinctive values never appear.
        .doesNotContain("sg-0secretish")
        .doesNotContain(ROLE);
  }
}
