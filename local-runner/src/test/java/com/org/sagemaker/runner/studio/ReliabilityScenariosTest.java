package com.org.sagemaker.runner.studio;

import static com.org.sagemaker.runner.EmulatedAws.ROLE;
import static com.org.sagemaker.runner.EmulatedAws.json;
import static com.org.sagemaker.runner.studio.StudioTypes.DOMAIN;
import static com.org.sagemaker.runner.studio.StudioTypes.USER_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.emulator.Faults;
import com.org.sagemaker.emulator.Timings;
import com.org.sagemaker.runner.EmulatedAws;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults end to end (emulator faults, real SDK, the handler protocol): the terminal status and
 * error code CloudFormation would get, what is left in SageMaker once it has settled, and the calls
 * spent. docs/reliability.md shows exactly this table; the test fails when they differ.
 */
@ExtendWith(EmulatedAws.Extension.class)
class ReliabilityScenariosTest {

  private static final Path DOC = Path.of("..", "docs", "reliability.md");

  private record Row(String scenario, HandlerInvoker.Result result, String left, int calls) {
    String markdown() {
      return String.format(
          "| %s | %s | %s | %s | %d |",
          scenario,
          result.status(),
          result.errorCode() == null ? "-" : result.errorCode(),
          left,
          calls);
    }
  }

  @Test
  void everyScenarioEndsAsDocumented(final EmulatedAws aws) throws IOException {
    final List<Row> rows = new ArrayList<>();
    final Faults faults = aws.emulator.faults();

    rows.add(
        measure(
            aws,
            "Throttling: the next 6 calls, whatever the operation, are throttled",
            () -> {
              faults.throttle("*", 6);
              return aws.run("CREATE", DOMAIN, "D", domain("throttled"));
            }));
    rows.add(
        measure(
            aws,
            "HTTP 500: the next 2 calls fail",
            () -> {
              faults.serverError("*", 2);
              return aws.run("CREATE", DOMAIN, "D", domain("five-hundred"));
            }));

    final ObjectNode host = created(aws, "host");
    rows.add(
        measure(
            aws,
            "CreateUserProfile takes effect but its response is lost",
            () -> {
              faults.loseResponse("CreateUserProfile", 1);
              return aws.run("CREATE", USER_PROFILE, "P", profile(host, "lost-response"));
            }));
    rows.add(
        measure(
            aws,
            "CreateDomain takes effect but its response is lost",
            () -> {
              faults.loseResponse("CreateDomain", 1);
              return aws.run("CREATE", DOMAIN, "D", domain("lost-response"));
            }));
    rows.add(
        measure(
            aws,
            "The handler process dies mid-stabilization; a new one resumes",
            () -> diesThenResumes(aws)));

    rows.add(
        measure(
            aws,
            "Create ends Failed",
            () -> {
              faults.transition(
                  "Domain.Create", Faults.Outcome.FAIL, "Subnet has no free IP addresses");
              return aws.run("CREATE", DOMAIN, "D", domain("fails"));
            }));
    final ObjectNode updating = created(aws, "update-fails");
    rows.add(
        measure(
            aws,
            "Update ends Update_Failed",
            () -> {
              faults.transition("Domain.Update", Faults.Outcome.FAIL, "Security group not found");
              return aws.update(
                  DOMAIN, "D", updating, updating.deepCopy().put("TagPropagation", "ENABLED"));
            }));
    final ObjectNode deleting = created(aws, "delete-fails");
    rows.add(
        measure(
            aws,
            "Delete ends Delete_Failed",
            () -> {
              faults.transition("Domain.Delete", Faults.Outcome.FAIL, "EFS mount targets in use");
              return aws.run("DELETE", DOMAIN, "D", deleting);
            }));
    final ObjectNode gone = created(aws, "gone");
    aws.emulator.call(
        "DeleteDomain", json("{\"DomainId\": \"%s\"}".formatted(gone.get("DomainId").asText())));
    aws.clock.advance(Timings.REALISTIC.domainDelete());
    rows.add(
        measure(
            aws,
            "The domain was deleted out of band before an update",
            () -> aws.update(DOMAIN, "D", gone, gone.deepCopy().put("TagPropagation", "ENABLED"))));
    final ObjectNode shared = created(aws, "shared");
    aws.emulator.call("CreateUserProfile", profile(shared, "not-ours"));
    aws.clock.advance(Timings.REALISTIC.profileCreate());
    rows.add(
        measure(
            aws,
            "Domain delete with a user profile the stack does not own",
            () -> aws.run("DELETE", DOMAIN, "D", shared)));
    final ObjectNode appHost = created(aws, "app-host");
    final ObjectNode owner = profile(appHost, "owner");
    aws.run("CREATE", USER_PROFILE, "P", owner);
    aws.emulator.call(
        "CreateApp",
        json(
            """
        {"DomainId": "%s", "UserProfileName": "owner", "AppType": "JupyterServer", "AppName": "default"}
        """
                .formatted(appHost.get("DomainId").asText())));
    aws.clock.advance(Timings.REALISTIC.appCreate());
    rows.add(
        measure(
            aws,
            "Profile delete while one of its apps hangs in Deleting",
            () -> {
              faults.transition("App.Delete", Faults.Outcome.HANG, "");
              return aws.run("DELETE", USER_PROFILE, "P", owner);
            }));
    faults.clear();

    final ObjectNode replaced = created(aws, "replaced");
    final ObjectNode analyst = profile(replaced, "analyst");
    aws.run("CREATE", USER_PROFILE, "Analyst", analyst);
    startApp(aws, replaced, "analyst");
    rows.add(
        measure(
            aws,
            "Same-name replacement: a second Create of a live profile (another operation)",
            () -> aws.run("CREATE", USER_PROFILE, "Analyst", analyst)));
    final ObjectNode repaired = created(aws, "repaired");
    faults.transition("Domain.Update", Faults.Outcome.FAIL, "Role cannot DescribeImageVersion");
    aws.update(DOMAIN, "D", repaired, repaired.deepCopy().put("TagPropagation", "ENABLED"));
    rows.add(
        measure(
            aws,
            "Update of a domain left Update_Failed (e.g. the rollback's Update)",
            () ->
                aws.update(
                    DOMAIN, "D", repaired.deepCopy().put("TagPropagation", "ENABLED"), repaired)));
    final ObjectNode removing = created(aws, "removing");
    final ObjectNode withGroups = removing.deepCopy();
    withGroups.withObjectProperty("DefaultUserSettings").putArray("SecurityGroups").add("sg-1");
    rows.add(
        measure(
            aws,
            "A setting SageMaker cannot unset is removed from the template",
            () -> aws.update(DOMAIN, "D", withGroups, removing)));
    final ObjectNode propagating = created(aws, "propagating");
    aws.update(DOMAIN, "D", propagating, propagating.deepCopy().put("TagPropagation", "ENABLED"));
    rows.add(
        measure(
            aws,
            "A setting with a SageMaker default is removed from the template",
            () ->
                aws.update(
                    DOMAIN,
                    "D",
                    propagating.deepCopy().put("TagPropagation", "ENABLED"),
                    propagating)));
    final ObjectNode busy = created(aws, "busy");
    aws.run("CREATE", USER_PROFILE, "P", profile(busy, "worker"));
    startApp(aws, busy, "worker");
    rows.add(
        measure(
            aws,
            "A network change while an app is InService",
            () ->
                aws.update(
                    DOMAIN, "D", busy, busy.deepCopy().put("AppNetworkAccessType", "VpcOnly"))));
    rows.add(
        measure(
            aws,
            "A tag key with the reserved aws: prefix",
            () -> {
              final ObjectNode tagged = domain("reserved-tag");
              tagged.putArray("Tags").addObject().put("Key", "aws:owner").put("Value", "me");
              return aws.run("CREATE", DOMAIN, "D", tagged);
            }));

    final String table = String.join("\n", rows.stream().map(Row::markdown).toList());
    assertThat(Files.readString(DOC))
        .as("docs/reliability.md must show:%n%s", table)
        .contains(table);
  }

  /** The first invocation's process dies after IN_PROGRESS; a fresh one resumes from there. */
  private static HandlerInvoker.Result diesThenResumes(final EmulatedAws aws) {
    final HandlerInvoker.Request request =
        HandlerInvoker.Request.of("CREATE", DOMAIN, "D", domain("resumed"));
    final JsonNode[] last = new JsonNode[1];
    // One CloudFormation request: every invocation carries the same client request token.
    final String token = "request-token-1";
    try {
      aws.invoker.resume(
          request,
          token,
          null,
          request.properties(),
          (r, event) -> {
            last[0] = event;
            throw new IllegalStateException("the process died");
          });
    } catch (final IllegalStateException expected) {
      // CloudFormation re-invokes with what the last IN_PROGRESS event returned.
    }
    final HandlerInvoker fresh =
        new HandlerInvoker(
            new HandlerInvoker.Stack(
                "e2e",
                "arn:aws:cloudformation:us-east-1:123456789012:stack/e2e/1",
                "us-east-1",
                "123456789012",
                new HandlerInvoker.Credentials("AKIDEXAMPLE", "s", "t")),
            aws.clock::advance,
            new EmulatedAws.CapturingLogger(new ArrayList<>()),
            500);
    aws.clock.advance(java.time.Duration.ofSeconds(last[0].path("callbackDelaySeconds").asLong()));
    return fresh.resume(
        request, token, last[0].get("callbackContext"), last[0].get("resourceModel"), (r, e) -> {});
  }

  private static Row measure(
      final EmulatedAws aws, final String scenario, final Supplier<HandlerInvoker.Result> run) {
    final Map<String, Integer> before = aws.emulator.counts();
    final int calls = aws.emulator.totalCalls();
    final HandlerInvoker.Result result = run.get();
    // What is left once SageMaker has finished what the operation started (e.g. a delete).
    aws.clock.advance(Timings.REALISTIC.domainDelete());
    final Map<String, Integer> after = aws.emulator.counts();
    return new Row(scenario, result, left(before, after), aws.emulator.totalCalls() - calls);
  }

  private static String left(final Map<String, Integer> before, final Map<String, Integer> after) {
    final List<String> changes = new ArrayList<>();
    for (final String kind : List.of("domains", "userProfiles", "apps")) {
      final int delta = after.get(kind) - before.get(kind);
      if (delta != 0) {
        changes.add(String.format("%+d %s", delta, kind));
      }
    }
    return changes.isEmpty() ? "no change" : String.join(", ", changes);
  }

  private static void startApp(final EmulatedAws aws, final ObjectNode domain, final String owner) {
    aws.emulator.call(
        "CreateApp",
        json(
            """
        {"DomainId": "%s", "UserProfileName": "%s", "AppType": "JupyterServer", "AppName": "default"}
        """
                .formatted(domain.get("DomainId").asText(), owner)));
    aws.clock.advance(Timings.REALISTIC.appCreate());
  }

  private static ObjectNode domain(final String name) {
    return json(
        """
        {"DomainName": "%s", "AuthMode": "IAM", "VpcId": "vpc-1", "SubnetIds": ["subnet-1"],
         "DefaultUserSettings": {"ExecutionRole": "%s"}}
        """
            .formatted(name, ROLE));
  }

  private static ObjectNode profile(final ObjectNode domain, final String name) {
    return json(
        "{\"DomainId\": \"%s\", \"UserProfileName\": \"%s\"}"
            .formatted(domain.get("DomainId").asText(), name));
  }

  private static ObjectNode created(final EmulatedAws aws, final String name) {
    final ObjectNode model = domain(name);
    model.put(
        "DomainId", aws.run("CREATE", DOMAIN, "Setup", model).model().get("DomainId").asText());
    return model;
  }
}
