package com.org.sagemaker.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/** NextToken/MaxResults paging of the List* operations. */
final class Pages {

  static final Rule MAX_RESULTS =
      Rule.documented(
          "list.max-results",
          "ListDomains, ListUserProfiles, ListApps and ListSpaces take MaxResults 1 to 100; the"
              + " default is 10.",
          "ValidationException",
          "1 validation error detected: Value '%d' at 'maxResults' failed to satisfy constraint:"
              + " Member must have value between 1 and 100",
          "botocore service-2.json shape MaxResults (min 1, max 100) and its documentation: \"The"
              + " default value for MaxResults is 10.\"");
  static final Rule NEXT_TOKEN =
      Rule.notEstablished(
          "list.next-token",
          "A NextToken this service did not issue is refused.",
          "ValidationException",
          "Invalid NextToken: %s",
          "not established: no public report shows SageMaker's answer to a bad NextToken");

  static final List<Rule> RULES = List.of(MAX_RESULTS, NEXT_TOKEN);

  static final int DEFAULT_PAGE = 10;

  private static final String PREFIX = "offset:";

  private Pages() {}

  /** One page of {@code items} for the request's NextToken and MaxResults (1..100). */
  static <T> ObjectNode page(
      final ObjectNode request,
      final String member,
      final List<T> items,
      final Function<T, ObjectNode> render) {
    final int max = request.has("MaxResults") ? request.get("MaxResults").asInt() : DEFAULT_PAGE;
    MAX_RESULTS.check(max < 1 || max > 100, max);
    return pageOf(request, member, items, render, max);
  }

  /** A page without the 1..100 bound (ListTags has its own). */
  static <T> ObjectNode pageOf(
      final ObjectNode request,
      final String member,
      final List<T> items,
      final Function<T, ObjectNode> render,
      final int max) {
    final int start = decode(Json.text(request, "NextToken"), items.size());
    final int end = Math.min(items.size(), start + max);
    final ObjectNode out = Json.object();
    final ArrayNode array = out.putArray(member);
    items.subList(start, end).forEach(item -> array.add(render.apply(item)));
    if (end < items.size()) {
      out.put(
          "NextToken",
          Base64.getEncoder().encodeToString((PREFIX + end).getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  /**
   * ListUserProfiles and ListSpaces, which filter alike: one page of the {@code resources} in
   * DomainIdEquals whose {@code nameMember} contains {@code <nameMember>Contains}, each summarised
   * by domain, name, status and times, plus what {@code details} adds.
   */
  static ObjectNode pageInDomain(
      final ObjectNode request,
      final String member,
      final Collection<Resource> resources,
      final String nameMember,
      final BiConsumer<Resource, ObjectNode> details) {
    final String domainId = Json.text(request, "DomainIdEquals");
    final String contains = Json.text(request, nameMember + "Contains");
    return page(
        request,
        member,
        filter(
            resources,
            r ->
                (domainId == null || domainId.equals(r.text("DomainId")))
                    && (contains == null || r.text(nameMember).contains(contains))),
        r -> {
          final ObjectNode summary = Account.summary(r, "DomainId", nameMember);
          details.accept(r, summary);
          return summary;
        });
  }

  /** The resources {@code keep} selects, oldest first (the List* default sort, CreationTime). */
  static List<Resource> filter(
      final Collection<Resource> resources, final Predicate<Resource> keep) {
    return resources.stream().filter(keep).sorted(Comparator.comparing(r -> r.created)).toList();
  }

  private static int decode(final String token, final int size) {
    if (token == null) {
      return 0;
    }
    try {
      final String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      if (!decoded.startsWith(PREFIX)) {
        throw NEXT_TOKEN.violated(token);
      }
      final int offset = Integer.parseInt(decoded.substring(PREFIX.length()));
      NEXT_TOKEN.check(offset < 0 || offset > size, token);
      return offset;
    } catch (final IllegalArgumentException e) {
      throw NEXT_TOKEN.violated(token);
    }
  }
}
