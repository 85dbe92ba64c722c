package com.org.sagemaker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import com.org.sagemaker.runner.studio.StudioTypes;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * List through each type's HandlerWrapper, one page per invocation as CloudFormation asks for them,
 * over 10 to 10,000 domains or user profiles in the emulator: time and memory per page and in
 * total. The memory per page is what the calling thread allocates (the emulator answers on threads
 * of its own), and what the listing leaves behind after a full collection.
 */
final class ListScaling {

  static final List<Integer> SIZES = List.of(10, 100, 1_000, 10_000);

  /** One page: how long its invocation took and what it allocated. */
  record Page(double millis, long allocatedBytes, int models) {}

  /** Listing every resource of one type. */
  record Result(
      String typeName, int resources, List<Page> pages, double totalMillis, long retainedBytes) {}

  private final BenchAccount account;
  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

  ListScaling(final BenchAccount account) {
    this.account = account;
  }

  List<Result> measure() {
    account.reset();
    final List<Result> results = new ArrayList<>();
    final String domainOfProfiles = account.domainInService("list-profiles");
    final ObjectNode profilesOf =
        BenchAccount.JSON.createObjectNode().put("DomainId", domainOfProfiles);
    int domains = countDomains();
    int profiles = 0;
    // One unmeasured listing first: the List handlers' classes load and compile as in a warm
    // Lambda.
    listAll(StudioTypes.DOMAIN, BenchAccount.JSON.createObjectNode(), domains);
    listAll(StudioTypes.USER_PROFILE, profilesOf, profiles);
    for (final int size : SIZES) {
      while (domains < size) {
        account.emulator.call("CreateDomain", BenchAccount.domain("list-" + domains++));
      }
      while (profiles < size) {
        account.emulator.call(
            "CreateUserProfile", BenchAccount.profile(domainOfProfiles, "user-" + profiles++));
      }
      account.clock.advance(Duration.ofHours(1));
      results.add(listAll(StudioTypes.DOMAIN, BenchAccount.JSON.createObjectNode(), size));
      results.add(listAll(StudioTypes.USER_PROFILE, profilesOf, size));
    }
    return results;
  }

  private Result listAll(final String typeName, final JsonNode model, final int expected) {
    final long retainedBefore = retainedHeap();
    final List<Page> pages = new ArrayList<>();
    int listed = 0;
    String nextToken = null;
    final long start = System.nanoTime();
    do {
      final long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
      final long begin = System.nanoTime();
      final HandlerInvoker.Result page =
          account.invoker.invoke(
              new HandlerInvoker.Request(
                  "LIST", typeName, "List", model, null, Map.of(), null, nextToken),
              (request, event) -> {});
      final double millis = (System.nanoTime() - begin) / 1e6;
      if (!page.succeeded()) {
        throw new IllegalStateException("LIST " + typeName + " failed: " + page.message());
      }
      pages.add(
          new Page(
              millis,
              threads.getCurrentThreadAllocatedBytes() - allocatedBefore,
              page.models().size()));
      listed += page.models().size();
      nextToken = page.nextToken();
    } while (nextToken != null);
    final double totalMillis = (System.nanoTime() - start) / 1e6;
    if (listed != expected) {
      throw new IllegalStateException("listed " + listed + " of " + expected + " " + typeName);
    }
    return new Result(typeName, listed, pages, totalMillis, retainedHeap() - retainedBefore);
  }

  private int countDomains() {
    return account.emulator.counts().getOrDefault("domains", 0);
  }

  /** Heap in use after a full collection. */
  private long retainedHeap() {
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }
}
