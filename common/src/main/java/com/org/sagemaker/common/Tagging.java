package com.org.sagemaker.common;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.AddTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListTagsResponse;
import software.amazon.awssdk.services.sagemaker.model.Tag;
import software.amazon.awssdk.utils.builder.SdkBuilder;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;

/**
 * Tags as CloudFormation passes them (stack tags overlaid with the resource's Tags, plus system
 * tags) and as SageMaker stores them (AddTags, DeleteTags, ListTags; Describe returns none).
 */
public final class Tagging {

  static final String TAGS = "Tags";

  /** Keys CloudFormation and AWS reserve; never changed on update and never shown as Tags. */
  static final String RESERVED_PREFIX = "aws:";

  /**
   * Marks a resource with the CloudFormation operation that created it (the client request token,
   * the same across retries of one request), to tell a duplicate made by a retried create from
   * anything else. Internal: never shown as one of the resource's Tags.
   */
  public static final String CREATION_TOKEN = "org-sagemaker-studio:creation-token";

  /** ListTags rejects MaxResults below 50. */
  static final int LIST_TAGS_PAGE_SIZE = 100;

  /**
   * "SageMaker AI resources have a 50 tag limit" (developer guide, custom-tags.html), and a request
   * carries at most 50 (the service model's TagList); one of them is {@link #CREATION_TOKEN}.
   */
  public static final int MAX_TAGS = 50;

  private Tagging() {}

  /** What an update must change: keys to delete, then tags to add or overwrite. */
  public record Changes(Set<String> toRemove, Map<String, String> toAdd) {
    public boolean isEmpty() {
      return toRemove.isEmpty() && toAdd.isEmpty();
    }
  }

  /** The difference between two tag sets, leaving reserved {@code aws:} keys alone. */
  public static Changes diff(
      final Map<String, String> previous, final Map<String, String> desired) {
    final Map<String, String> before = userTags(previous);
    final Map<String, String> after = userTags(desired);
    final Set<String> toRemove =
        before.keySet().stream()
            .filter(key -> !after.containsKey(key))
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    final Map<String, String> toAdd =
        after.entrySet().stream()
            .filter(e -> !Objects.equals(before.get(e.getKey()), e.getValue()))
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b, TreeMap::new));
    return new Changes(toRemove, toAdd);
  }

  /** Without reserved {@code aws:} keys and our internal creation token. */
  public static Map<String, String> userTags(final Map<String, String> tags) {
    final Map<String, String> user = new TreeMap<>();
    if (tags != null) {
      tags.forEach(
          (key, value) -> {
            if (!key.startsWith(RESERVED_PREFIX) && !CREATION_TOKEN.equals(key)) {
              user.put(key, value);
            }
          });
    }
    return user;
  }

  /**
   * The tags to create a resource with: the desired tags (stack tags overlaid with the resource's
   * Tags) and the creation token. CloudFormation's system tags are not sent: SageMaker reserves the
   * aws: prefix ("System prefix 'aws:' reserved for AWS usage in tag key", aws/sagemaker-python-sdk
   * #1301), and AWS's own AWS::SageMaker::Domain does not send them either. Check the desired tags
   * with {@link #requireAllowed} first.
   */
  public static Map<String, String> forCreate(
      final Map<String, String> desired, final String clientRequestToken) {
    final Map<String, String> tags = new TreeMap<>(desired == null ? Map.of() : desired);
    if (clientRequestToken != null) {
      tags.put(CREATION_TOKEN, clientRequestToken);
    }
    return tags;
  }

  /**
   * Fails, before any call, when the desired tags cannot all be on a SageMaker resource: keys with
   * the reserved aws: prefix (any case), our own {@link #CREATION_TOKEN} (it would be overwritten,
   * and drift would then report the Tags modified), or more than {@link #MAX_TAGS} with the
   * creation token.
   */
  public static void requireAllowed(final Map<String, String> desired) {
    if (desired == null) {
      return;
    }
    final List<String> reserved =
        desired.keySet().stream()
            .filter(key -> key.toLowerCase(java.util.Locale.ROOT).startsWith(RESERVED_PREFIX))
            .sorted()
            .toList();
    if (!reserved.isEmpty()) {
      throw new HandlerFailure(
          software.amazon.cloudformation.proxy.HandlerErrorCode.InvalidRequest,
          "Tag keys beginning with aws: are reserved for AWS and SageMaker refuses them: "
              + String.join(", ", reserved)
              + ". Rename these tags.");
    }
    if (desired.containsKey(CREATION_TOKEN)) {
      throw new HandlerFailure(
          software.amazon.cloudformation.proxy.HandlerErrorCode.InvalidRequest,
          "Tag key "
              + CREATION_TOKEN
              + " is this type's own: it records the operation that created the resource, so that"
              + " a retried create never takes over another's. Rename this tag.");
    }
    if (desired.size() + 1 > MAX_TAGS) {
      throw new HandlerFailure(
          software.amazon.cloudformation.proxy.HandlerErrorCode.InvalidRequest,
          String.format(
              "%d tags (the resource's Tags and the stack's tags together) are too many: a"
                  + " SageMaker resource holds at most %d, and this type keeps one (%s) to recognise"
                  + " its own resources. Remove at least %d.",
              desired.size(), MAX_TAGS, CREATION_TOKEN, desired.size() + 1 - MAX_TAGS));
    }
  }

  /**
   * The keys CloudFormation passed as stack-level tags only: in {@code desiredResourceTags} (stack
   * tags overlaid with the resource's Tags) but not in the model's Tags. A read leaves them out of
   * Tags, where they would show as drift against a template that never named them.
   */
  public static Set<String> stackOnlyKeys(
      final Map<String, String> desiredResourceTags, final Object model) {
    if (desiredResourceTags == null) {
      return Set.of();
    }
    final Map<String, String> own = resourceTags(model);
    return desiredResourceTags.keySet().stream()
        .filter(key -> own == null || !own.containsKey(key))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  /** The Tags property of a resource model (Key/Value objects) as a map, or null without one. */
  public static Map<String, String> resourceTags(final Object model) {
    final com.fasterxml.jackson.databind.JsonNode declared =
        model == null ? null : SdkJson.modelToJson(model).get(TAGS);
    if (declared == null) {
      return null;
    }
    final Map<String, String> tags = new TreeMap<>();
    declared.forEach(tag -> tags.put(tag.path("Key").asText(), tag.path("Value").asText()));
    return tags;
  }

  /**
   * Sets model JSON's Tags property to the user's tags, sorted, leaving out {@code stackOnlyKeys}
   * (see {@link #stackOnlyKeys}); none without user tags.
   */
  public static void putModelTags(
      final ObjectNode model, final Map<String, String> tags, final Set<String> stackOnlyKeys) {
    final Map<String, String> user = userTags(tags);
    user.keySet().removeAll(stackOnlyKeys);
    if (!user.isEmpty()) {
      final ArrayNode array = model.putArray(TAGS);
      user.forEach((key, value) -> array.addObject().put("Key", key).put("Value", value));
    }
  }

  /**
   * A Create request of {@code builder}'s type from the model's members that it has, tagged with
   * {@code tags} (see {@link #forCreate}) instead of the model's own Tags.
   */
  public static <T> T createRequest(
      final SdkBuilder<?, T> builder, final Object model, final Map<String, String> tags) {
    final ObjectNode json =
        SdkJson.retain(SdkJson.modelToJson(model), SdkJson.memberNames((SdkPojo) builder));
    json.remove(TAGS);
    if (!tags.isEmpty()) {
      final ArrayNode array = json.putArray(TAGS);
      tags.forEach((key, value) -> array.addObject().put("Key", key).put("Value", value));
    }
    return SdkJson.build(builder, json);
  }

  public static List<Tag> toSdk(final Map<String, String> tags) {
    return tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }

  public static Map<String, String> fromSdk(final Collection<Tag> tags) {
    return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b, TreeMap::new));
  }

  /** Every tag on the resource, across ListTags pages. */
  public static Map<String, String> listAll(
      final ProxyClient<SageMakerClient> client, final String resourceArn) {
    return fromSdk(
        Pages.collect(
            token ->
                client.injectCredentialsAndInvokeV2(
                    ListTagsRequest.builder()
                        .resourceArn(resourceArn)
                        .maxResults(LIST_TAGS_PAGE_SIZE)
                        .nextToken(token)
                        .build(),
                    client.client()::listTags),
            ListTagsResponse::tags,
            ListTagsResponse::nextToken));
  }

  /**
   * The update step for tags: applies the difference between the previous and desired tags that
   * CloudFormation passes (stack tags overlaid with the Tags property). Safe to repeat on a
   * re-invocation: AddTags overwrites and DeleteTags ignores missing keys.
   */
  public static <M, C> ProgressEvent<M, C> update(
      final ProxyClient<SageMakerClient> client,
      final Supplier<String> resourceArn,
      final Map<String, String> previous,
      final Map<String, String> desired,
      final ProgressEvent<M, C> progress) {
    final Changes changes = diff(previous, desired);
    if (changes.isEmpty()) {
      return progress;
    }
    try {
      apply(client, resourceArn.get(), changes);
      return progress;
    } catch (final RuntimeException e) {
      return ErrorRules.handle(
          Action.UPDATE, e, progress.getResourceModel(), progress.getCallbackContext());
    }
  }

  /** Applies {@code changes}: DeleteTags for removed keys, then AddTags for new or changed ones. */
  public static void apply(
      final ProxyClient<SageMakerClient> client, final String resourceArn, final Changes changes) {
    if (!changes.toRemove().isEmpty()) {
      client.injectCredentialsAndInvokeV2(
          DeleteTagsRequest.builder().resourceArn(resourceArn).tagKeys(changes.toRemove()).build(),
          client.client()::deleteTags);
    }
    if (!changes.toAdd().isEmpty()) {
      client.injectCredentialsAndInvokeV2(
          AddTagsRequest.builder().resourceArn(resourceArn).tags(toSdk(changes.toAdd())).build(),
          client.client()::addTags);
    }
  }
}
