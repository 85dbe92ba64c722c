package com.org.sagemaker.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.AddTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.AddTagsResponse;
import software.amazon.awssdk.services.sagemaker.model.DeleteTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteTagsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListTagsResponse;
import software.amazon.awssdk.services.sagemaker.model.Tag;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;

class TaggingTest {

  private static final String ARN = "arn:aws:sagemaker:us-east-1:123456789012:domain/d-1";
  private final SageMakerClient sageMaker = mock(SageMakerClient.class);
  private final ProxyClient<SageMakerClient> client =
      HandlerTestSupport.proxyClient(HandlerTestSupport.callbackProxy(), sageMaker);

  @Test
  void ourCreationTokenIsRefusedAsAUserTagNamingIt() {
    assertThatThrownBy(
            () -> Tagging.requireAllowed(Map.of(Tagging.CREATION_TOKEN, "mine", "team", "ml")))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest))
        .hasMessageStartingWith("Tag key " + Tagging.CREATION_TOKEN + " is this type's own");
  }

  @Test
  void aCreateCarriesTheDesiredTagsSortedAndTheToken() {
    assertThat(Tagging.forCreate(Map.of("b", "2", "a", "1"), "token"))
        .containsExactly(
            Map.entry("a", "1"), Map.entry("b", "2"), Map.entry(Tagging.CREATION_TOKEN, "token"));
    assertThat(Tagging.forCreate(null, null)).isEmpty();
  }

  @Test
  void diffRemovesDroppedKeysAndAddsNewOrChangedOnes() {
    final Tagging.Changes changes =
        Tagging.diff(
            Map.of(
                "keep", "1", "change", "old", "drop", "x", "aws:cloudformation:stack-name", "s1"),
            Map.of(
                "keep", "1", "change", "new", "add", "y", "aws:cloudformation:stack-name", "s2"));
    assertThat(changes.toRemove()).containsExactly("drop");
    assertThat(changes.toAdd()).containsExactly(Map.entry("add", "y"), Map.entry("change", "new"));
    assertThat(changes.isEmpty()).isFalse();
    assertThat(Tagging.diff(Map.of("a", "1"), Map.of("a", "1")).isEmpty()).isTrue();
    assertThat(Tagging.diff(null, null).isEmpty()).isTrue();
  }

  @Test
  void createTagsCarryTheOperationsTokenWhichIsNeverAUserTag() {
    final Map<String, String> tags = Tagging.forCreate(Map.of("team", "ml"), "token-1");
    assertThat(tags)
        .containsOnlyKeys(Tagging.CREATION_TOKEN, "team")
        .containsEntry(Tagging.CREATION_TOKEN, "token-1");
    assertThat(Tagging.userTags(tags)).containsOnlyKeys("team");
    assertThat(Tagging.forCreate(Map.of("team", "ml"), null)).containsOnlyKeys("team");
    assertThat(Tagging.diff(tags, Map.of("team", "ml")).isEmpty()).isTrue();
  }

  @Test
  void userTagsHideReservedKeys() {
    assertThat(Tagging.userTags(Map.of("aws:cloudformation:logical-id", "D", "team", "ml")))
        .containsOnlyKeys("team");
  }

  @Test
  void readsAndWritesTheModelsTagsProperty() {
    final Map<String, Object> model =
        Map.of("Tags", List.of(Map.of("Key", "b", "Value", "2"), Map.of("Key", "a", "Value", "1")));
    assertThat(Tagging.resourceTags(model))
        .containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    assertThat(Tagging.resourceTags(Map.of("Name", "x"))).isNull();
    assertThat(Tagging.resourceTags(null)).isNull();

    final ObjectNode json = JsonNodeFactory.instance.objectNode();
    Tagging.putModelTags(json, Map.of("aws:cloudformation:stack-name", "s"), Set.of());
    assertThat(json.has("Tags")).isFalse();
    Tagging.putModelTags(
        json,
        Map.of("z", "26", "a", "1", "cost-center", "42", "aws:cloudformation:stack-name", "s"),
        Set.of("cost-center"));
    assertThat(json.get("Tags").toString())
        .isEqualTo("[{\"Key\":\"a\",\"Value\":\"1\"},{\"Key\":\"z\",\"Value\":\"26\"}]");
  }

  @Test
  void stackOnlyKeysAreTheStackTagsTheModelDoesNotName() {
    final Map<String, Object> model = Map.of("Tags", List.of(Map.of("Key", "team", "Value", "ml")));
    assertThat(Tagging.stackOnlyKeys(Map.of("team", "ml", "cost-center", "42"), model))
        .containsExactly("cost-center");
    assertThat(Tagging.stackOnlyKeys(Map.of("cost-center", "42"), Map.of("Name", "x")))
        .containsExactly("cost-center");
    assertThat(Tagging.stackOnlyKeys(null, model)).isEmpty();
  }

  @Test
  void refusesReservedKeysAndMoreTagsThanSageMakerHolds() {
    Tagging.requireAllowed(null);
    final Map<String, String> full = new java.util.HashMap<>();
    for (int i = 0; i < 49; i++) {
      full.put("k" + i, "v");
    }
    Tagging.requireAllowed(full);
    full.put("one-too-many", "v");
    assertThatThrownBy(() -> Tagging.requireAllowed(full))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest))
        .hasMessageStartingWith("50 tags (the resource's Tags and the stack's tags together)")
        .hasMessageContaining("Remove at least 1.");
    assertThatThrownBy(() -> Tagging.requireAllowed(Map.of("AWS:owner", "me", "team", "ml")))
        .hasMessage(
            "Tag keys beginning with aws: are reserved for AWS and SageMaker refuses them:"
                + " AWS:owner. Rename these tags.");
  }

  @Test
  void convertsToAndFromSdkTags() {
    final List<Tag> sdk = Tagging.toSdk(new java.util.TreeMap<>(Map.of("b", "2", "a", "1")));
    assertThat(sdk).extracting(Tag::key).containsExactly("a", "b");
    assertThat(Tagging.fromSdk(sdk)).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
  }

  @Test
  void listAllFollowsNextTokenWithAValidPageSize() {
    when(sageMaker.listTags(any(ListTagsRequest.class)))
        .thenReturn(
            ListTagsResponse.builder().tags(tag("a", "1")).nextToken("page2").build(),
            ListTagsResponse.builder().tags(tag("b", "2")).build());

    assertThat(Tagging.listAll(client, ARN))
        .containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));

    final ArgumentCaptor<ListTagsRequest> requests = ArgumentCaptor.forClass(ListTagsRequest.class);
    verify(sageMaker, times(2)).listTags(requests.capture());
    assertThat(requests.getAllValues())
        .extracting(ListTagsRequest::nextToken)
        .containsExactly(null, "page2");
    assertThat(requests.getAllValues())
        .allSatisfy(r -> assertThat(r.maxResults()).isGreaterThanOrEqualTo(50));
    verifyNoMoreInteractions(sageMaker);
  }

  @Test
  void applyDeletesThenAdds() {
    when(sageMaker.deleteTags(any(DeleteTagsRequest.class)))
        .thenReturn(DeleteTagsResponse.builder().build());
    when(sageMaker.addTags(any(AddTagsRequest.class)))
        .thenReturn(AddTagsResponse.builder().build());

    Tagging.apply(client, ARN, new Tagging.Changes(Set.of("old"), Map.of("new", "v")));

    final ArgumentCaptor<DeleteTagsRequest> delete =
        ArgumentCaptor.forClass(DeleteTagsRequest.class);
    final ArgumentCaptor<AddTagsRequest> add = ArgumentCaptor.forClass(AddTagsRequest.class);
    verify(sageMaker).deleteTags(delete.capture());
    verify(sageMaker).addTags(add.capture());
    assertThat(delete.getValue().resourceArn()).isEqualTo(ARN);
    assertThat(delete.getValue().tagKeys()).containsExactly("old");
    assertThat(add.getValue().tags()).containsExactly(tag("new", "v"));
    verifyNoMoreInteractions(sageMaker);
  }

  @Test
  void applyOfNoChangesCallsNothing() {
    Tagging.apply(client, ARN, new Tagging.Changes(Set.of(), Map.of()));
    verifyNoMoreInteractions(sageMaker);
  }

  @Test
  void updateAppliesTheDifferenceAndCarriesOn() {
    when(sageMaker.addTags(any(AddTagsRequest.class)))
        .thenReturn(AddTagsResponse.builder().build());
    final ProgressEvent<String, String> progress = ProgressEvent.progress("model", "ctx");

    assertThat(Tagging.update(client, () -> ARN, Map.of("a", "1"), Map.of("a", "2"), progress))
        .isSameAs(progress);

    final ArgumentCaptor<AddTagsRequest> add = ArgumentCaptor.forClass(AddTagsRequest.class);
    verify(sageMaker).addTags(add.capture());
    assertThat(add.getValue().tags()).containsExactly(tag("a", "2"));
    verifyNoMoreInteractions(sageMaker);
  }

  @Test
  void updateWithoutChangesNeedsNoArn() {
    final ProgressEvent<String, String> progress = ProgressEvent.progress("model", "ctx");
    assertThat(
            Tagging.update(
                client,
                () -> {
                  throw new AssertionError("no ARN needed");
                },
                Map.of("a", "1"),
                Map.of("a", "1"),
                progress))
        .isSameAs(progress);
    verifyNoMoreInteractions(sageMaker);
  }

  @Test
  void updateMapsErrorsThroughTheErrorRules() {
    when(sageMaker.deleteTags(any(DeleteTagsRequest.class)))
        .thenThrow(HandlerTestSupport.serviceError(400, "AccessDeniedException", "not allowed"));

    final ProgressEvent<String, String> event =
        Tagging.update(
            client, () -> ARN, Map.of("a", "1"), Map.of(), ProgressEvent.progress("model", "ctx"));

    assertThat(event.getStatus()).isEqualTo(OperationStatus.FAILED);
    assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.AccessDenied);
    assertThat(event.getResourceModel()).isEqualTo("model");
  }

  private static Tag tag(final String key, final String value) {
    return Tag.builder().key(key).value(value).build();
  }
}
