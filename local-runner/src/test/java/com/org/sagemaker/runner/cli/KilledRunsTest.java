package com.org.sagemaker.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.org.sagemaker.emulator.SageMakerEmulator;
import com.org.sagemaker.emulator.Timings;
import com.org.sagemaker.runner.state.ResourceState;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.TargetId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * The runner as a separate process with {@code --aws}, pointed at a SageMaker emulator on 127.0.0.1
 * that stands in for the account (as issue 19 reproduced it), killed with SIGKILL ({@link
 * Process#destroyForcibly}) at exact points of a create, an update with a replacement and a delete:
 * the run is told by {@link TestHooks#HALT_AT} to stop at a point and say so, and is killed then.
 * After the next run, the account holds exactly what the stack records, each resource once. The
 * emulator and the runner's callback waits run {@value #SCALE} times faster than AWS.
 */
class KilledRunsTest {

  private static final int SCALE = 60;
  private static final String ACCOUNT = "123456789012";
  private static final TargetId WHERE = TargetId.aws(ACCOUNT, "us-east-1");

  private static final String TEMPLATE =
      """
      Parameters:
        DomainName:
          Type: String
        ProfileName:
          Type: String
          Default: first
        Role:
          Type: String
          Default: Studio
      Resources:
        Domain:
          Type: Org::SageMaker::StudioDomain
          Properties:
            DomainName: !Ref DomainName
            AuthMode: IAM
            VpcId: vpc-1
            SubnetIds: [subnet-1]
            DefaultUserSettings:
              ExecutionRole: !Sub arn:aws:iam::123456789012:role/${Role}
        Profile:
          Type: Org::SageMaker::StudioUserProfile
          Properties:
            DomainId: !GetAtt Domain.DomainId
            UserProfileName: !Ref ProfileName
            UserSettings:
              ExecutionRole: !Sub arn:aws:iam::123456789012:role/${Role}
      """;

  private static SageMakerEmulator emulator;

  @TempDir Path work;

  @BeforeAll
  static void startTheAccount() throws IOException {
    emulator =
        SageMakerEmulator.start(
            SageMakerEmulator.Options.defaults().withTimings(Timings.REALISTIC.scaledBy(SCALE)));
  }

  @AfterAll
  static void stopTheAccount() {
    emulator.close();
  }

  /** Where one chain of runs kills: a point of the create, of the update, of the delete. */
  private record Kills(String create, String update, String delete) {}

  @Test
  void aRunKilledAtAnyPhaseIsFinishedByTheNextAndTheAccountHoldsWhatTheStackRecords()
      throws Exception {
    final List<Kills> chains =
        List.of(
            // Before the first call; after CreateDomain answered but before that was recorded;
            // ... each phase of each operation, in three chains run side by side.
            new Kills("intent CREATE Domain", "answered CREATE Profile 1", "intent DELETE Profile"),
            new Kills(
                "answered CREATE Domain 1",
                "stack UPDATE_COMPLETE_CLEANUP_IN_PROGRESS",
                "answered DELETE Profile 1"),
            new Kills(
                "answered CREATE Profile 1",
                "answered DELETE Profile 1",
                "answered DELETE Domain 1"));
    final ExecutorService pool = Executors.newFixedThreadPool(chains.size());
    try {
      final List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < chains.size(); i++) {
        final int chain = i;
        runs.add(pool.submit(() -> killAndContinue("killed" + chain, chains.get(chain))));
      }
      for (final Future<?> run : runs) {
        run.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private Void killAndContinue(final String stack, final Kills kills) throws IOException {
    final Runner runner = new Runner(work.resolve(stack), stack);
    final String domainName = "--param=DomainName=" + stack;

    runner.killedAt(kills.create(), "deploy", domainName);
    runner.completes("deploy", domainName).contains("CREATE_COMPLETE");
    assertThat(runner.state().status()).isEqualTo("CREATE_COMPLETE");
    runner.accountHoldsWhatTheStackRecords();

    // UserProfileName is create-only: a replacement, the old copy deleted in cleanup.
    runner.killedAt(kills.update(), "deploy", domainName, "--param=ProfileName=second");
    runner.completes("deploy", domainName, "--param=ProfileName=second");
    assertThat(runner.state().status()).isEqualTo("UPDATE_COMPLETE");
    assertThat(runner.state().resources().get("Profile").properties().path("UserProfileName"))
        .hasToString("\"second\"");
    runner.accountHoldsWhatTheStackRecords();

    runner.killedAt(kills.delete(), "delete");
    runner.completes("delete").contains("DELETE_COMPLETE");
    assertThat(runner.state().exists()).isFalse();
    runner.accountHoldsWhatTheStackRecords();
    return null;
  }

  @Test
  void aSecondRunOnTheSameFolderIsRefusedNamingTheHolderAndAKilledHolderBlocksNothing()
      throws IOException {
    final Runner first = new Runner(work.resolve("shared"), "first");
    final Process holder =
        first.haltAt("answered CREATE Domain 1", "deploy", "--param=DomainName=first");
    try {
      final Runner second = new Runner(work.resolve("shared"), "second");
      final String refused = second.fails("deploy", "--param=DomainName=second");
      assertThat(refused)
          .contains("is in use by another run of studio-local (pid " + holder.pid() + ", deploy")
          .contains("(stack first)");
      // Nothing of the second stack was made or recorded.
      assertThat(second.state().exists()).isFalse();
    } finally {
      kill(holder);
    }
    first.completes("deploy", "--param=DomainName=first").contains("CREATE_COMPLETE");
    first.accountHoldsWhatTheStackRecords();
    first.completes("delete");
  }

  @Test
  void continueRollbackAfterAProfileWasDeletedOutsideTheStackMakesTheStackUsableAgain()
      throws IOException {
    final Runner runner = new Runner(work.resolve("outside"), "outside");
    final String domain = "--param=DomainName=outside";
    runner.completes("deploy", domain);
    final String domainId = runner.state().resources().get("Domain").physicalId();
    try (SageMakerClient sagemaker = client()) {
      sagemaker.deleteUserProfile(r -> r.domainId(domainId).userProfileName("first"));
    }

    // The update touches the deleted profile: its update fails, and so does its Update back.
    runner.fails("deploy", domain, "--param=Role=Other");
    assertThat(runner.state().status()).isEqualTo("UPDATE_ROLLBACK_FAILED");
    final String refusal =
        "is in UPDATE_ROLLBACK_FAILED state and can not be updated. (Continue its rollback:"
            + " studio-local continue-rollback";
    assertThat(runner.fails("deploy", domain)).contains(refusal);
    assertThat(runner.fails("plan", domain)).contains(refusal);
    assertThat(runner.fails("continue-rollback", "--resources-to-skip", "Domain"))
        .contains("only resources that failed to update during the rollback")
        .contains("here: [Profile]");

    runner
        .completes("continue-rollback", "--resources-to-skip", "Profile")
        .contains("Skipped by continue-rollback")
        .contains("UPDATE_ROLLBACK_COMPLETE");
    assertThat(runner.state().status()).isEqualTo("UPDATE_ROLLBACK_COMPLETE");

    // Usable: an update of the domain goes through, and the stack deletes (the profile is gone).
    runner.completes("deploy", domain, "--param=ProfileName=again").contains("UPDATE_COMPLETE");
    runner.accountHoldsWhatTheStackRecords();
    runner.completes("delete").contains("DELETE_COMPLETE");
    runner.accountHoldsWhatTheStackRecords();
  }

  private static SageMakerClient client() {
    return SageMakerClient.builder()
        .endpointOverride(emulator.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsSessionCredentials.create("AKIDEXAMPLE", "secret", "token")))
        .build();
  }

  private static void kill(final Process process) {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs of studio-local on one stack and state folder, each a process of its own. */
  private static final class Runner {
    private final Path folder;
    private final String stack;
    private final Path template;

    Runner(final Path folder, final String stack) throws IOException {
      this.folder = folder;
      this.stack = stack;
      Files.createDirectories(folder);
      this.template = folder.resolve("stack.yaml");
      Files.writeString(template, TEMPLATE);
    }

    StackState state() {
      return StackState.load(folder, WHERE, stack);
    }

    Process start(final String haltAt, final String... args) throws IOException {
      final List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"));
      command.addAll(List.of("-cp", System.getProperty("java.class.path")));
      command.add(StudioLocal.class.getName());
      command.add(args[0]);
      command.add(template.toString());
      command.addAll(List.of(args).subList(1, args.length));
      command.addAll(
          List.of(
              "--stack",
              stack,
              "--state-dir",
              folder.toString(),
              "--aws",
              "--account-id",
              ACCOUNT));
      final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      final Map<String, String> env = builder.environment();
      env.put("AWS_ENDPOINT_URL_SAGEMAKER", emulator.endpoint().toString());
      env.put("AWS_REGION", "us-east-1");
      env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
      env.put("AWS_SECRET_ACCESS_KEY", "secret");
      env.put("AWS_SESSION_TOKEN", "token");
      env.put("AWS_CONFIG_FILE", folder.resolve("no-config").toString());
      env.put("AWS_SHARED_CREDENTIALS_FILE", folder.resolve("no-credentials").toString());
      env.put(TestHooks.AWS_TIME_SCALE, String.valueOf(SCALE));
      if (haltAt != null) {
        env.put(TestHooks.HALT_AT, haltAt);
      } else {
        env.remove(TestHooks.HALT_AT);
      }
      return builder.start();
    }

    /** Starts a run that stops at {@code point}; answers once it has stopped there. */
    Process haltAt(final String point, final String... args) throws IOException {
      final Process process = start(point, args);
      final StringBuilder output = new StringBuilder();
      try (BufferedReader lines = reader(process)) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          output.append(line).append('\n');
          if (line.equals(TestHooks.HALTED + point)) {
            return process;
          }
        }
      }
      kill(process);
      throw new AssertionError("never reached " + point + ":\n" + output);
    }

    /** A run killed with SIGKILL at {@code point}. */
    void killedAt(final String point, final String... args) throws IOException {
      kill(haltAt(point, args));
    }

    org.assertj.core.api.AbstractStringAssert<?> completes(final String... args)
        throws IOException {
      final Finished run = finish(args);
      assertThat(run.code()).as(run.output()).isZero();
      return assertThat(run.output());
    }

    String fails(final String... args) throws IOException {
      final Finished run = finish(args);
      assertThat(run.code()).as(run.output()).isNotZero();
      return run.output();
    }

    private Finished finish(final String... args) throws IOException {
      final Process process = start(null, args);
      final String output;
      try (BufferedReader lines = reader(process)) {
        output = String.join("\n", lines.lines().toList());
      }
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          kill(process);
          throw new AssertionError("did not end:\n" + output);
        }
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      return new Finished(process.exitValue(), String.join(" ", args) + ":\n" + output);
    }

    private static BufferedReader reader(final Process process) {
      return new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * The domains and user profiles of this stack's domain name in the account are exactly the ones
     * the stack records, each once.
     */
    void accountHoldsWhatTheStackRecords() {
      final StackState state = state();
      final Set<String> recorded = new TreeSet<>();
      final Set<String> recordedDomains = new TreeSet<>();
      for (final ResourceState resource : state.resources().values()) {
        if (resource.type().endsWith("StudioDomain")) {
          recordedDomains.add(resource.physicalId());
          recorded.add(resource.physicalId());
        } else {
          recorded.add(
              resource.model().path("DomainId").asText()
                  + "/"
                  + resource.model().path("UserProfileName").asText());
        }
      }
      assertThat(live()).as("the account, against stack " + stack).isEqualTo(recorded);
      assertThat(recordedDomains).hasSizeLessThanOrEqualTo(1);
    }

    /**
     * A resource whose Delete SageMaker has accepted: gone once its transition ends. The domain
     * handler deletes so the duplicate a repeated CreateDomain made when the killed run's answer
     * was lost (DuplicateDomains), at the end of its operation, without waiting.
     */
    private static boolean goingAway(final JsonNode resource) {
      return "Deleting".equals(resource.path("status").asText());
    }

    /**
     * What the account holds of this stack's domain name, but what is being deleted: domain ids and
     * domain/profile keys.
     */
    private Set<String> live() {
      final JsonNode account = emulator.snapshot();
      final Set<String> domains = new TreeSet<>();
      account
          .path("domains")
          .properties()
          .forEach(
              e -> {
                if (stack.equals(e.getValue().path("attributes").path("DomainName").asText())
                    && !goingAway(e.getValue())) {
                  domains.add(e.getKey());
                }
              });
      final Set<String> live = new TreeSet<>(domains);
      account
          .path("userProfiles")
          .properties()
          .forEach(
              e -> {
                if (domains.stream().anyMatch(d -> e.getKey().startsWith(d + "/"))
                    && !goingAway(e.getValue())) {
                  live.add(e.getKey());
                }
              });
      return live;
    }
  }

  private record Finished(int code, String output) {}
}
