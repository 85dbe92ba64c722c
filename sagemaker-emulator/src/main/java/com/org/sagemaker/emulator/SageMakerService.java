package com.org.sagemaker.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The SageMaker control plane for domains, user profiles, apps, spaces and tags, in memory: each
 * operation goes to its resource family, which applies SageMaker's rules ({@link RuleBook}) to the
 * {@link Account}. One lock guards all state; due transitions complete before each call.
 */
final class SageMakerService {

  private final Account account;
  private final Tags tags;
  private final Domains domains;
  private final UserProfiles profiles;
  private final Spaces spaces;
  private final Apps apps;
  private final RateLimits rateLimits;

  SageMakerService(
      final Clock clock,
      final Timings timings,
      final Faults faults,
      final int domainLimit,
      final Map<String, RateLimits.Rate> rates) {
    this.account = new Account(clock, timings, faults, domainLimit);
    this.tags = new Tags(account);
    this.domains = new Domains(account, tags);
    this.profiles = new UserProfiles(account, domains, tags);
    this.spaces = new Spaces(account, domains, profiles, tags);
    this.apps = new Apps(account, profiles, spaces, tags);
    this.rateLimits = new RateLimits(clock, rates);
  }

  /** Runs one API operation; the request and response are the API's JSON. */
  synchronized ObjectNode call(final String operation, final ObjectNode request) {
    rateLimits.take(operation);
    account.settle();
    return switch (operation) {
      case "CreateDomain" -> domains.create(request);
      case "DescribeDomain" -> domains.describe(request);
      case "UpdateDomain" -> domains.update(request);
      case "DeleteDomain" -> domains.delete(request);
      case "ListDomains" -> domains.list(request);
      case "CreateUserProfile" -> profiles.create(request);
      case "DescribeUserProfile" -> profiles.describe(request);
      case "UpdateUserProfile" -> profiles.update(request);
      case "DeleteUserProfile" -> profiles.delete(request);
      case "ListUserProfiles" -> profiles.list(request);
      case "CreateApp" -> apps.create(request);
      case "DescribeApp" -> apps.describe(request);
      case "DeleteApp" -> apps.delete(request);
      case "ListApps" -> apps.list(request);
      case "CreateSpace" -> spaces.create(request);
      case "DeleteSpace" -> spaces.delete(request);
      case "ListSpaces" -> spaces.list(request);
      case "AddTags" -> tags.addTags(request);
      case "DeleteTags" -> tags.deleteTags(request);
      case "ListTags" -> tags.listTags(request);
      default ->
          throw new ApiException(
              400, "UnknownOperationException", "Operation " + operation + " is not supported.");
    };
  }

  /** Durations of transitions started from now on. */
  synchronized void setTimings(final Timings newTimings) {
    account.timings = newTimings;
  }

  synchronized ObjectNode snapshot() {
    return account.snapshot();
  }

  synchronized void restore(final JsonNode snapshot) {
    account.restore(snapshot);
  }

  synchronized List<String> retainedFileSystems() {
    return List.copyOf(account.retainedFileSystems);
  }

  synchronized Map<String, Integer> counts() {
    account.settle();
    return account.counts();
  }
}
