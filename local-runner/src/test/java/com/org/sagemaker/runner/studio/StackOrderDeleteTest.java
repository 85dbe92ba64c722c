package com.org.sagemaker.runner.studio;

import static com.org.sagemaker.runner.EmulatedAws.ROLE;
import static com.org.sagemaker.runner.EmulatedAws.json;
import static com.org.sagemaker.runner.studio.StudioTypes.DOMAIN;
import static com.org.sagemaker.runner.studio.StudioTypes.USER_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.emulator.Timings;
import com.org.sagemaker.runner.EmulatedAws;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stack CloudFormation deletes in reverse dependency order: a profile whose user left apps
 * running (in the profile and in a private space), then the domain.
 */
@ExtendWith(EmulatedAws.Extension.class)
class StackOrderDeleteTest {

  @Test
  void aProfileWithRunningAppsAndThenItsDomainAreDeleted(final EmulatedAws aws) {
    final ObjectNode domain =
        json(
            """
            {"DomainName": "stack", "AuthMode": "IAM", "VpcId": "vpc-1", "SubnetIds": ["subnet-1"],
            "DefaultUserSettings": {"ExecutionRole": "%s"},
             "RetentionPolicy": {"HomeEfsFileSystem": "Delete"}}
            """
                .formatted(ROLE));
    final String domainId =
        aws.run("CREATE", DOMAIN, "Domain", domain).model().get("DomainId").asText();
    domain.put("DomainId", domainId);
    final ObjectNode profile =
        json("{\"DomainId\": \"%s\", \"UserProfileName\": \"erin\"}".formatted(domainId));
    assertThat(aws.run("CREATE", USER_PROFILE, "Erin", profile).succeeded()).isTrue();

    // What a user does in Studio outside the stack: apps, and a private space with an app.
    aws.emulator.call(
        "CreateApp",
        json(
            """
        {"DomainId": "%s", "UserProfileName": "erin", "AppType": "JupyterServer", "AppName": "default"}
        """
                .formatted(domainId)));
    aws.emulator.call(
        "CreateSpace",
        json(
            """
        {"DomainId": "%s", "SpaceName": "erin-private", "OwnershipSettings": {"OwnerUserProfileName": "erin"},
         "SpaceSharingSettings": {"SharingType": "Private"}, "SpaceSettings": {"AppType": "JupyterLab"}}
        """
                .formatted(domainId)));
    aws.clock.advance(Timings.REALISTIC.appCreate());
    aws.emulator.call(
        "CreateApp",
        json(
            """
        {"DomainId": "%s", "SpaceName": "erin-private", "AppType": "JupyterLab", "AppName": "default"}
        """
                .formatted(domainId)));
    aws.clock.advance(Timings.REALISTIC.appCreate());

    final HandlerInvoker.Result profileDeleted = aws.run("DELETE", USER_PROFILE, "Erin", profile);
    assertThat(profileDeleted.succeeded()).as(profileDeleted.message()).isTrue();
    final HandlerInvoker.Result domainDeleted = aws.run("DELETE", DOMAIN, "Domain", domain);
    assertThat(domainDeleted.succeeded()).as(domainDeleted.message()).isTrue();

    assertThat(aws.run("READ", DOMAIN, "Domain", domain).errorCode()).isEqualTo("NotFound");
    assertThat(aws.emulator.retainedFileSystems()).doesNotContain(domainId);
  }
}
