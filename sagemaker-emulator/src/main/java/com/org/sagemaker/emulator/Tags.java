package com.org.sagemaker.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** AddTags, DeleteTags, ListTags, and the Tags member of the Create* operations. */
final class Tags {

  private static final String MODEL = "botocore service-2.json";

  static final Rule PER_REQUEST =
      Rule.quoted(
          "tags.per-request",
          "At most 50 tags in one AddTags, CreateDomain, CreateUserProfile, CreateSpace or CreateApp"
              + " request (and 1 to 50 keys in DeleteTags).",
          "ValidationException",
          "1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: Member"
              + " must have length less than or equal to 50",
          MODEL + " shapes TagList (max 50) and TagKeyList (1 to 50); wording as member.length");
  static final Rule PER_RESOURCE =
      Rule.documented(
          "tags.per-resource",
          "A resource holds at most 50 tags.",
          "ValidationException",
          "Resource %s would have %d tags; a resource can have at most 50 tags.",
          "SageMaker developer guide, custom-tags.html: \"SageMaker AI resources have a 50 tag"
              + " limit. If the number of tags added to a resource exceeds 50, SageMaker AI returns"
              + " an error\"; the error's text is not public");
  static final Rule RESERVED_PREFIX =
      Rule.quoted(
          "tags.reserved-prefix",
          "Tag keys that begin with aws: (any case) are AWS's: refused in AddTags, DeleteTags and"
              + " the Create* operations' Tags.",
          "ValidationException",
          "System prefix 'aws:' reserved for AWS usage in tag key: %s",
          "the message is SageMaker's DeleteTags answer in aws/sagemaker-python-sdk#1301; that"
              + " AddTags and Create* refuse such keys too, and in any case, is AWS's rule for"
              + " customer callers (\"Customers cannot set tag keys starting with aws: (case"
              + " insensitive)\", aws-samples/amazon-mwaa-examples#89;"
              + " awsdocs/aws-cloudformation-user-guide#371), not seen for SageMaker itself");
  static final Rule KEY =
      Rule.quoted(
          "tags.key",
          "A tag key is 1 to 128 characters of letters, digits, spaces and _.:/=+-@.",
          "ValidationException",
          "1 validation error detected: Value '%s' at 'tags.member.key' failed to satisfy"
              + " constraint: Member must satisfy regular expression pattern: %s",
          MODEL + " shape TagKey (min 1, max 128, pattern); wording as member.pattern");
  static final Rule VALUE =
      Rule.quoted(
          "tags.value",
          "A tag value is required and 0 to 256 characters of the key's alphabet.",
          "ValidationException",
          "1 validation error detected: Value '%s' at 'tags.member.value' failed to satisfy"
              + " constraint: Member must satisfy regular expression pattern: %s",
          MODEL + " shapes Tag (required Key and Value) and TagValue (max 256, pattern)");
  static final Rule LIST_MAX_RESULTS =
      Rule.quoted(
          "tags.list-max-results",
          "ListTags takes MaxResults of at least 50.",
          "ValidationException",
          "1 validation error detected: Value '%d' at 'maxResults' failed to satisfy constraint:"
              + " Member must have value greater than or equal to 50",
          MODEL + " shape ListTagsMaxResults (min 50); API_ListTags: \"Minimum value of 50\"");
  static final Rule UNKNOWN_RESOURCE =
      Rule.notEstablished(
          "tags.unknown-resource",
          "Tags of a resource that does not exist, or of a Deleted app, cannot be read or"
              + " changed.",
          "ValidationException",
          "Resource %s does not exist.",
          "the model declares no errors for AddTags, DeleteTags or ListTags;"
              + " aws/amazon-sagemaker-feedback#108 reports ListTags and AddTags on a Deleted app"
              + " answering ValidationException (its message is not shown); a resource that never"
              + " existed is assumed alike");
  static final Rule NOT_DESCRIBED =
      Rule.behaviour(
          "tags.not-described",
          "DescribeDomain, DescribeUserProfile, DescribeSpace and DescribeApp return no tags:"
              + " ListTags does.",
          MODEL + ": the Describe*Response shapes have no Tags member",
          Rule.Evidence.DOCUMENTED);

  static final List<Rule> RULES =
      List.of(
          PER_REQUEST,
          PER_RESOURCE,
          RESERVED_PREFIX,
          KEY,
          VALUE,
          LIST_MAX_RESULTS,
          UNKNOWN_RESOURCE,
          NOT_DESCRIBED);

  private static final Pattern ALPHABET = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
  private static final String RESERVED = "aws:";

  private final Account account;

  Tags(final Account account) {
    this.account = account;
  }

  ObjectNode addTags(final ObjectNode request) {
    final String arn = requireTaggable(Validation.required(request, "ResourceArn"));
    Validation.REQUIRED.check(!request.path("Tags").isArray(), "tags");
    account.tags.put(
        arn, checked(arn, account.tags.getOrDefault(arn, Map.of()), request.get("Tags")));
    return Json.object().set("Tags", request.get("Tags"));
  }

  ObjectNode deleteTags(final ObjectNode request) {
    final String arn = requireTaggable(Validation.required(request, "ResourceArn"));
    final JsonNode keys = request.path("TagKeys");
    Validation.REQUIRED.check(!keys.isArray(), "tagKeys");
    PER_REQUEST.check(keys.isEmpty() || keys.size() > 50, keys, "tagKeys");
    keys.forEach(key -> requireNotReserved(key.asText()));
    final Map<String, String> stored = account.tags.get(arn);
    if (stored != null) {
      keys.forEach(key -> stored.remove(key.asText()));
    }
    return Json.object();
  }

  ObjectNode listTags(final ObjectNode request) {
    final String arn = requireTaggable(Validation.required(request, "ResourceArn"));
    final int max = request.has("MaxResults") ? request.get("MaxResults").asInt() : 50;
    LIST_MAX_RESULTS.check(max < 50, max);
    final List<Map.Entry<String, String>> entries =
        new ArrayList<>(account.tags.getOrDefault(arn, Map.of()).entrySet());
    return Pages.pageOf(
        request,
        "Tags",
        entries,
        e -> Json.object().put("Key", e.getKey()).put("Value", e.getValue()),
        max);
  }

  /**
   * Takes the Tags member off a Create* request for the resource {@code arn}: checks them as
   * AddTags would and stores them as the resource's only tags (a Deleted app's ARN can be created
   * again). Call it after the request's last refusal, as nothing of a refused request may stay
   * behind.
   *
   * @return a copy of the request without Tags: the new resource's attributes
   */
  ObjectNode takeTags(final String arn, final ObjectNode request) {
    final ObjectNode attributes = request.deepCopy();
    final JsonNode newTags = attributes.remove("Tags");
    if (newTags == null) {
      account.tags.remove(arn);
    } else {
      account.tags.put(arn, checked(arn, Map.of(), newTags));
    }
    return attributes;
  }

  /**
   * The tags {@code arn} has once {@code newTags} are added to {@code before}, after the
   * per-request, key, value and per-resource rules; throws before anything is stored.
   */
  private static Map<String, String> checked(
      final String arn, final Map<String, String> before, final JsonNode newTags) {
    PER_REQUEST.check(newTags.size() > 50, newTags, "tags");
    final Map<String, String> after = new LinkedHashMap<>(before);
    for (final JsonNode tag : newTags) {
      final String key = tag.path("Key").asText("");
      KEY.check(
          key.isEmpty() || key.length() > 128 || !ALPHABET.matcher(key).matches(),
          key,
          ALPHABET.pattern());
      requireNotReserved(key);
      Validation.REQUIRED.check(!tag.hasNonNull("Value"), "tags.member.value");
      final String value = tag.get("Value").asText();
      VALUE.check(
          value.length() > 256 || !ALPHABET.matcher(value).matches(), value, ALPHABET.pattern());
      after.put(key, value);
    }
    PER_RESOURCE.check(after.size() > 50, arn, after.size());
    return after;
  }

  private static void requireNotReserved(final String key) {
    RESERVED_PREFIX.check(key.toLowerCase(Locale.ROOT).startsWith(RESERVED), key);
  }

  private String requireTaggable(final String arn) {
    final boolean exists =
        Stream.of(account.domains, account.profiles, account.apps, account.spaces)
            .flatMap(map -> map.values().stream())
            .anyMatch(r -> r.arn.equals(arn) && !r.is(Status.DELETED));
    UNKNOWN_RESOURCE.check(!exists, arn);
    return arn;
  }
}
