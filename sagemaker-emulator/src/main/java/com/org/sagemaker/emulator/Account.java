package com.org.sagemaker.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What one emulated account and region hold (domains, user profiles, apps, spaces, tags) and how
 * their asynchronous transitions complete on the injected clock. The resource families ({@link
 * Domains}, {@link UserProfiles}, {@link Apps}, {@link Spaces}, {@link Tags}) apply SageMaker's
 * rules to it; {@link SageMakerService} holds the one lock.
 */
final class Account {

  static final String REGION = "us-east-1";
  static final String ACCOUNT = "123456789012";

  final Clock clock;
  Timings timings;
  final Faults faults;
  final int domainLimit;
  final Map<String, Resource> domains = new LinkedHashMap<>();
  final Map<String, Resource> profiles = new LinkedHashMap<>();
  final Map<String, Resource> apps = new LinkedHashMap<>();
  final Map<String, Resource> spaces = new LinkedHashMap<>();
  final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
  final List<String> retainedFileSystems = new ArrayList<>();
  private long sequence;

  Account(final Clock clock, final Timings timings, final Faults faults, final int domainLimit) {
    this.clock = clock;
    this.timings = timings;
    this.faults = faults;
    this.domainLimit = domainLimit;
  }

  Instant now() {
    return clock.instant();
  }

  long nextSequence() {
    return ++sequence;
  }

  static String arn(final String resource) {
    return "arn:aws:sagemaker:" + REGION + ":" + ACCOUNT + ":" + resource;
  }

  /**
   * Starts a transition: {@code during} now, then {@code to} (null: gone) once the duration has
   * passed on the clock, unless a fault makes it end in {@code failed} or never end.
   */
  void startTransition(
      final Resource resource,
      final String kind,
      final String during,
      final String to,
      final String failed,
      final Duration duration) {
    final Instant now = now();
    resource.status = during;
    resource.modified = now;
    resource.failureReason = null;
    resource.transitionAt = now.plus(duration);
    resource.nextStatus = to;
    resource.failedStatus = null;
    final StringBuilder reason = new StringBuilder();
    final Faults.Outcome fault = faults.takeTransition(kind, reason);
    if (fault == Faults.Outcome.HANG) {
      resource.transitionAt = null;
    } else if (fault == Faults.Outcome.FAIL) {
      resource.failedStatus = failed;
      resource.failureReason = reason.toString();
    }
  }

  /**
   * A new resource with {@code attributes}: Pending, then InService once {@code duration} has
   * passed on the clock (or Failed, by an injected fault).
   */
  Resource create(
      final String arn, final ObjectNode attributes, final String kind, final Duration duration) {
    final Resource resource = new Resource(arn, attributes, now());
    startTransition(resource, kind, Status.PENDING, Status.IN_SERVICE, Status.FAILED, duration);
    return resource;
  }

  /** Starts deleting {@code resource} (gone when done), unless it is being deleted already. */
  void startDeletion(final Resource resource, final String kind, final Duration duration) {
    if (!resource.is(Status.DELETING)) {
      startTransition(resource, kind, Status.DELETING, null, Status.DELETE_FAILED, duration);
    }
  }

  /**
   * Whether domain {@code domainId} has an app in one of {@code statuses} that {@code of} accepts.
   */
  boolean hasApp(final String domainId, final Set<String> statuses, final Predicate<Resource> of) {
    return apps.values().stream()
        .anyMatch(
            app ->
                statuses.contains(app.status)
                    && domainId.equals(app.text("DomainId"))
                    && of.test(app));
  }

  /** Completes every transition that is due on the clock. */
  void settle() {
    final Instant now = now();
    for (final Map<String, Resource> map : List.of(domains, profiles, apps, spaces)) {
      map.values()
          .removeIf(
              resource -> {
                if (resource.transitionAt == null || now.isBefore(resource.transitionAt)) {
                  return false;
                }
                resource.transitionAt = null;
                resource.modified = now;
                if (resource.failedStatus != null) {
                  resource.status = resource.failedStatus;
                  resource.failedStatus = null;
                  return false;
                }
                resource.failureReason = null;
                if (resource.nextStatus == null) {
                  tags.remove(resource.arn);
                  return true;
                }
                resource.status = resource.nextStatus;
                return false;
              });
    }
  }

  /** How many domains, profiles, apps (not Deleted) and spaces exist now. */
  Map<String, Integer> counts() {
    return Map.of(
        "domains", domains.size(),
        "userProfiles", profiles.size(),
        "apps", (int) apps.values().stream().filter(a -> !a.is(Status.DELETED)).count(),
        "spaces", spaces.size());
  }

  private Map<String, Map<String, Resource>> kinds() {
    return Map.of("domains", domains, "userProfiles", profiles, "apps", apps, "spaces", spaces);
  }

  /** Everything the account holds, to continue later from {@link #restore}. */
  ObjectNode snapshot() {
    final ObjectNode out = Json.object().put("sequence", sequence);
    kinds()
        .forEach(
            (kind, resources) -> {
              final ObjectNode node = out.putObject(kind);
              resources.forEach((key, r) -> node.set(key, snapshot(r)));
            });
    out.set("tags", new ObjectMapper().valueToTree(tags));
    final ArrayNode retained = out.putArray("retainedFileSystems");
    retainedFileSystems.forEach(retained::add);
    return out;
  }

  private static ObjectNode snapshot(final Resource r) {
    final ObjectNode entry = Json.object();
    entry.put("arn", r.arn).set("attributes", r.attributes);
    entry.put("created", r.created.toString()).put("modified", r.modified.toString());
    entry.put("status", r.status).put("failureReason", r.failureReason);
    entry.put("transitionAt", r.transitionAt == null ? null : r.transitionAt.toString());
    entry.put("nextStatus", r.nextStatus).put("failedStatus", r.failedStatus);
    return entry;
  }

  void restore(final JsonNode snapshot) {
    sequence = snapshot.path("sequence").asLong();
    kinds()
        .forEach(
            (kind, resources) -> {
              resources.clear();
              snapshot
                  .path(kind)
                  .properties()
                  .forEach(e -> resources.put(e.getKey(), restoreResource(e.getValue())));
            });
    tags.clear();
    snapshot
        .path("tags")
        .properties()
        .forEach(
            e -> {
              final Map<String, String> resourceTags = new LinkedHashMap<>();
              e.getValue()
                  .properties()
                  .forEach(t -> resourceTags.put(t.getKey(), t.getValue().asText()));
              tags.put(e.getKey(), resourceTags);
            });
    retainedFileSystems.clear();
    snapshot.path("retainedFileSystems").forEach(f -> retainedFileSystems.add(f.asText()));
  }

  private static Resource restoreResource(final JsonNode entry) {
    final Resource r =
        new Resource(
            entry.get("arn").asText(),
            (ObjectNode) entry.get("attributes"),
            Instant.parse(entry.get("created").asText()));
    r.modified = Instant.parse(entry.get("modified").asText());
    r.status = entry.path("status").asText(null);
    r.failureReason = entry.path("failureReason").asText(null);
    r.transitionAt =
        entry.hasNonNull("transitionAt") ? Instant.parse(entry.get("transitionAt").asText()) : null;
    r.nextStatus = entry.path("nextStatus").asText(null);
    r.failedStatus = entry.path("failedStatus").asText(null);
    return r;
  }

  /** Describe*'s answer: the attributes with status, failure reason and times. */
  static ObjectNode describe(final Resource resource) {
    final ObjectNode out = resource.attributes.deepCopy();
    out.put("Status", resource.status);
    if (resource.failureReason != null && resource.failedStatus == null) {
      out.put("FailureReason", resource.failureReason);
    }
    out.put("CreationTime", epochSeconds(resource.created));
    out.put("LastModifiedTime", epochSeconds(resource.modified));
    return out;
  }

  /** A List* entry: the named members with status and times. */
  static ObjectNode summary(final Resource resource, final String... members) {
    final ObjectNode out = Json.object();
    for (final String member : members) {
      if (resource.attributes.has(member)) {
        out.set(member, resource.attributes.get(member));
      }
    }
    out.put("Status", resource.status);
    out.put("CreationTime", epochSeconds(resource.created));
    out.put("LastModifiedTime", epochSeconds(resource.modified));
    return out;
  }

  /** AWS JSON timestamps are epoch seconds. */
  private static double epochSeconds(final Instant instant) {
    return instant.toEpochMilli() / 1000.0;
  }
}
