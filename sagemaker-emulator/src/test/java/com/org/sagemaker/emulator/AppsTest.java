package com.org.sagemaker.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.AppInstanceType;
import software.amazon.awssdk.services.sagemaker.model.DescribeAppResponse;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/** CreateApp's Tags and DescribeApp, through the real SDK client (issues 19 and 20). */
class AppsTest extends EmulatorTestBase {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private String domainId;

  private void domainWithProfile() {
    domainId = inServiceDomain();
    inServiceProfile(domainId, "alice");
  }

  private static Tag tag(final String key, final String value) {
    return Tag.builder().key(key).value(value).build();
  }

  private DescribeAppResponse describe() {
    return describeProfileApp(domainId, "alice");
  }

  @Test
  void describeAppFollowsTheAppFromPendingToDeleted() {
    domainWithProfile();
    final String arn =
        createProfileApp(
            domainId,
            "alice",
            r -> r.resourceSpec(s -> s.instanceType(AppInstanceType.SYSTEM)).recoveryMode(false));

    final DescribeAppResponse pending = describe();
    assertThat(pending.appArn()).isEqualTo(arn);
    assertThat(pending.statusAsString()).isEqualTo("Pending");
    assertThat(pending.domainId()).isEqualTo(domainId);
    assertThat(pending.userProfileName()).isEqualTo("alice");
    assertThat(pending.spaceName()).isNull();
    assertThat(pending.appTypeAsString()).isEqualTo("JupyterServer");
    assertThat(pending.appName()).isEqualTo("default");
    assertThat(pending.resourceSpec().instanceType()).isEqualTo(AppInstanceType.SYSTEM);
    assertThat(pending.recoveryMode()).isFalse();
    assertThat(pending.creationTime())
        .isEqualTo(
            START.plus(Timings.REALISTIC.domainCreate()).plus(Timings.REALISTIC.profileCreate()));
    assertThat(pending.failureReason()).isNull();
    assertThat(pending.lastHealthCheckTimestamp()).isNull();

    advance(Timings.REALISTIC.appCreate());
    assertThat(describe().statusAsString()).isEqualTo("InService");
    deleteProfileApp(domainId, "alice");
    assertThat(describe().statusAsString()).isEqualTo("Deleting");
    advance(Timings.REALISTIC.appDelete());
    // A Deleted app is still described, as AWS's own AWS::SageMaker::App handlers expect.
    assertThat(describe().statusAsString()).isEqualTo("Deleted");
  }

  @Test
  void describeAppOfASpaceAppAndOfAFailedOne() {
    domainWithProfile();
    sageMaker.createSpace(
        r ->
            r.domainId(domainId)
                .spaceName("team")
                .spaceSharingSettings(s -> s.sharingType("Shared")));
    advance(Timings.REALISTIC.spaceCreate());
    emulator.faults().transition("App.Create", Faults.Outcome.FAIL, "no capacity");
    sageMaker.createApp(
        r -> r.domainId(domainId).spaceName("team").appType("JupyterLab").appName("default"));
    advance(Timings.REALISTIC.appCreate());

    final DescribeAppResponse failed =
        sageMaker.describeApp(
            r -> r.domainId(domainId).spaceName("team").appType("JupyterLab").appName("default"));
    assertThat(failed.spaceName()).isEqualTo("team");
    assertThat(failed.userProfileName()).isNull();
    assertThat(failed.statusAsString()).isEqualTo("Failed");
    assertThat(failed.failureReason()).isEqualTo("no capacity");
  }

  @Test
  void describeAppAnswersItsModelledErrors() {
    domainWithProfile();
    assertThatThrownBy(this::describe)
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("App default does not exist.");
    assertThatThrownBy(
            () ->
                sageMaker.describeApp(
                    r -> r.domainId(domainId).appType("JupyterServer").appName("default")))
        .isInstanceOfSatisfying(
            SageMakerException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
        .hasMessageContaining("Specify exactly one of UserProfileName and SpaceName.");
    assertThatThrownBy(
            () ->
                sageMaker.describeApp(
                    r -> r.domainId(domainId).userProfileName("alice").appName("default")))
        .hasMessageContaining("Value null at 'appType'");
  }

  @Test
  void createAppTagsAreListedOnTheAppArn() {
    domainWithProfile();
    final String arn = createProfileApp(domainId, "alice", r -> r.tags(tag("team", "ml")));

    assertThat(sageMaker.listTags(r -> r.resourceArn(arn)).tags())
        .containsExactly(tag("team", "ml"));
    assertThat(describe().sdkFields()).noneMatch(f -> f.memberName().equals("Tags"));
  }

  @Test
  void createAppTagsFollowTheTagRulesAndCreateNothingWhenRefused() {
    domainWithProfile();
    assertThatThrownBy(
            () ->
                createProfileApp(
                    domainId, "alice", r -> r.tags(tag("aws:cloudformation:stack-name", "s"))))
        .hasMessageContaining(
            "System prefix 'aws:' reserved for AWS usage in tag key: aws:cloudformation:stack-name");
    assertThatThrownBy(
            () ->
                createProfileApp(
                    domainId,
                    "alice",
                    r -> r.tags(IntStream.range(0, 51).mapToObj(i -> tag("k" + i, "v")).toList())))
        .hasMessageContaining("Member must have length less than or equal to 50");
    assertThat(sageMaker.listApps(r -> r.domainIdEquals(domainId)).apps()).isEmpty();
  }

  @Test
  void aRecreatedAppStartsWithOnlyItsOwnTagsAndADeletedOneHasNone() {
    domainWithProfile();
    final String arn = createProfileApp(domainId, "alice", r -> r.tags(tag("old", "1")));
    advance(Timings.REALISTIC.appCreate());
    deleteProfileApp(domainId, "alice");
    advance(Timings.REALISTIC.appDelete());
    // aws/amazon-sagemaker-feedback#108: ListTags on a Deleted app is a ValidationException.
    assertThatThrownBy(() -> sageMaker.listTags(r -> r.resourceArn(arn)))
        .isInstanceOfSatisfying(
            SageMakerException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));

    createProfileApp(domainId, "alice", r -> r.tags(tag("new", "2")));
    assertThat(sageMaker.listTags(r -> r.resourceArn(arn)).tags()).containsExactly(tag("new", "2"));
  }
}
