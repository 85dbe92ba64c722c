package com.org.sagemaker.runner.cli;

import com.org.sagemaker.runner.changeset.Plan;
import com.org.sagemaker.runner.engine.Deployer;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import com.org.sagemaker.runner.engine.StackEvents;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.StateLock;
import com.org.sagemaker.runner.state.StateStore;
import com.org.sagemaker.runner.state.TargetId;
import com.org.sagemaker.runner.studio.Target;
import com.org.sagemaker.runner.template.TemplateException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A command on one stack: loads its state, runs, saves it; with what every such command takes (the
 * template, which stack, where it runs) and what they share. A command that changes what the state
 * folder records holds the folder's {@link StateLock} from before it reads the state until it has
 * saved it, and continues first an operation that a killed run left in progress.
 */
abstract class StackCommand implements Callable<Integer> {
  @Mixin StackOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  final TestHooks hooks = new TestHooks(System.getenv());

  /** Who holds the folder's lock: this run, as an interrupted operation would name it. */
  private String holder = "";

  @Override
  public Integer call() throws IOException {
    if (!changesState()) {
      return run(options.state()) ? 0 : 1;
    }
    try (StateLock lock =
        StateLock.acquire(
            options.stateDirectory,
            spec.name() + " " + options.template + " (stack " + options.stackName() + ")")) {
      holder = lock.holder();
      return run(options.state()) ? 0 : 1;
    }
  }

  abstract boolean run(StackState state) throws IOException;

  /** True for a command that changes what the state folder records: it runs alone. */
  boolean changesState() {
    return true;
  }

  /**
   * True for a command that first continues an operation a killed run left in progress (deploy,
   * delete, continue-rollback); the others refuse such a stack.
   */
  boolean continuesInterrupted() {
    return false;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  StackEvents events(final Target target) {
    return new StackEvents(out(), target.timeline()::now);
  }

  /**
   * Runs against the started target, then saves the state; an operation a killed run left in
   * progress is continued first, or refused by a command that does not continue one.
   */
  boolean onTarget(final StackState state, final TargetWork work) throws IOException {
    if (state.inProgress() && !continuesInterrupted()) {
      throw new IllegalStateException(
          "Stack "
              + state.stackName()
              + " is in "
              + state.status()
              + " state: a run that did not finish left it so. Run deploy or delete: they continue"
              + " that operation first.");
    }
    try (Target target = options.target(hooks)) {
      final HandlerInvoker invoker = target.invoker(state, options.handlerLog(state));
      final StackEvents events = events(target);
      if (state.inProgress()) {
        deployer(target, invoker, events).resume(state);
      }
      final boolean ok = work.run(target, invoker, events);
      state.save(options.stateDirectory, options.where());
      return ok;
    }
  }

  /** Stack operations on the target, with the state saved at every point they reach. */
  Deployer deployer(final Target target, final HandlerInvoker invoker, final StackEvents events) {
    return new Deployer(
        invoker,
        target.timeline(),
        events,
        options.workers(),
        StateStore.files(
            options.stateDirectory, options.where(), point -> hooks.reached(point, out())),
        holder);
  }

  /** Work on a started target. */
  interface TargetWork {
    boolean run(Target target, HandlerInvoker invoker, StackEvents events);
  }

  /** What every command takes: the template, which stack, and where it runs. */
  static final class StackOptions {
    /**
     * CreateStack's StackName: "A stack name can contain only alphanumeric characters (case
     * sensitive) and hyphens. It must start with an alphabetical character and can't be longer than
     * 128 characters." (CloudFormation API reference, CreateStack).
     */
    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,127}");

    @Parameters(index = "0", description = "The template (YAML or JSON).")
    Path template;

    @Option(names = "--stack", description = "Stack name (default: the template's file name).")
    String stackName;

    @Option(
        names = "--state-dir",
        defaultValue = ".studio-local",
        description = "Where stack and emulator state are kept.")
    Path stateDirectory;

    @Option(
        names = "--aws",
        description = "Use real SageMaker with the default credential chain and region.")
    boolean aws;

    @Option(
        names = "--account-id",
        description =
            "The AWS account id, for --aws (default: the credentials' account, from STS"
                + " GetCallerIdentity).")
    String accountId;

    @Option(
        names = "--time-scale",
        defaultValue = "300",
        description =
            "On the emulator, how much faster than real SageMaker time passes (default: 300).")
    double timeScale;

    @Option(
        names = "--no-wait",
        description = "On the emulator, move its clock when the runner waits, with no real wait.")
    boolean noWait;

    @Option(
        names = "--emulator-port",
        defaultValue = "0",
        description = "Port of the embedded emulator on 127.0.0.1 (default: any free one).")
    int emulatorPort;

    @Option(
        names = "--parallel",
        description =
            "Handler invocations run at once (default 4; 1 with --no-wait, so runs repeat"
                + " exactly). Operations wait in parallel either way.")
    Integer parallel;

    String stackName() {
      final String name;
      if (stackName != null) {
        name = stackName;
      } else {
        final String file = String.valueOf(template.getFileName());
        name = file.replaceFirst("\\.(ya?ml|json|template)$", "").replaceAll("[^A-Za-z0-9-]", "-");
      }
      if (!STACK_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "Stack name "
                + name
                + " is not one CloudFormation takes: it can contain only alphanumeric characters"
                + " (case sensitive) and hyphens, must start with an alphabetical character and"
                + " can't be longer than 128 characters (CreateStack, StackName)."
                + (stackName == null ? " Name the stack with --stack." : ""));
      }
      return name;
    }

    /** {@link #where()}, once known: with --aws it reads the SDK's region chain. */
    private TargetId where;

    /** Where the stack lives; decided once per command. */
    TargetId where() {
      if (where == null) {
        where = aws ? Target.awsId(accountId) : TargetId.emulator();
      }
      return where;
    }

    StackState state() {
      return StackState.load(stateDirectory, where(), stackName());
    }

    Target target(final TestHooks hooks) throws IOException {
      if (timeScale <= 0) {
        throw new IllegalArgumentException("--time-scale must be positive");
      }
      if (aws) {
        final Double testScale = hooks.awsTimeScale();
        return testScale == null ? Target.aws(where()) : Target.aws(where(), testScale);
      }
      return Target.emulator(stateDirectory, timeScale, emulatorPort, noWait);
    }

    int workers() {
      if (parallel != null && parallel < 1) {
        throw new IllegalArgumentException("--parallel must be at least 1");
      }
      return parallel != null ? parallel : noWait ? 1 : 4;
    }

    /**
     * The export names of the other stacks on this target, with the stack exporting each: export
     * names are unique per account and region, across stacks. Files in the target's folder that are
     * not a stack's state are passed over.
     */
    Map<String, String> exportedElsewhere() {
      final Path folder = stateDirectory.resolve(where().key());
      final Map<String, String> exports = new TreeMap<>();
      if (!Files.isDirectory(folder)) {
        return exports;
      }
      try (Stream<Path> files = Files.list(folder)) {
        for (final Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
          final String name = String.valueOf(file.getFileName()).replaceFirst("\\.json$", "");
          if (!name.equals(stackName())) {
            stackState(name)
                .filter(other -> name.equals(other.stackName()) && other.exists())
                .ifPresent(other -> other.exports().keySet().forEach(e -> exports.put(e, name)));
          }
        }
      } catch (final IOException e) {
        throw new UncheckedIOException("cannot list " + folder, e);
      }
      return exports;
    }

    /** The state of the stack {@code name}; empty for a file of another kind in its place. */
    private Optional<StackState> stackState(final String name) {
      try {
        return Optional.of(StackState.load(stateDirectory, where(), name));
      } catch (final UncheckedIOException e) {
        return Optional.empty();
      }
    }

    Path handlerLog(final StackState state) {
      return stateDirectory.resolve(where().key()).resolve(state.stackName() + ".handler.log");
    }
  }

  /** Values a template is evaluated with. */
  static final class TemplateInputs {
    @Option(names = "--param", description = "A parameter value, Key=Value (repeatable).")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(
        names = "--import",
        description = "An export of another stack for Fn::ImportValue, Name=Value (repeatable).")
    Map<String, String> imports = new LinkedHashMap<>();

    @Option(
        names = "--tag",
        description = "A stack-level tag for every resource, Key=Value (repeatable).")
    Map<String, String> tags = new LinkedHashMap<>();

    Plan.Inputs inputs(final StackState state, final StackOptions options) {
      // As with CloudFormation, an update that names no tags keeps the stack's tags.
      return new Plan.Inputs(
          parameters,
          imports,
          tags.isEmpty() ? state.stackTags() : tags,
          options.exportedElsewhere());
    }
  }

  /** The runner is no CloudFormation on AWS: it does not deploy stand-ins there, nor go on. */
  static void refuseStandIns(final Plan plan) {
    final List<String> standIns =
        plan.standIns().stream().map(c -> c.logicalId() + " (" + c.type() + ")").toList();
    if (!standIns.isEmpty()) {
      throw new IllegalStateException(
          "--aws: the runner deploys only Org::SageMaker::StudioDomain and StudioUserProfile;"
              + " these resources of the template would be stand-ins, which it never creates on"
              + " AWS: "
              + String.join(", ", standIns)
              + ". Nothing was done. Deploy the template with CloudFormation, or take those"
              + " resources out and pass their values as parameters.");
    }
  }

  /** The template's text, as the deploy records it to be continued if it is interrupted. */
  static String templateText(final Path template) {
    try {
      return Files.readString(template);
    } catch (final IOException e) {
      throw new TemplateException(String.valueOf(template), "cannot read: " + e.getMessage());
    }
  }

  static void printOutputs(final StackState state, final PrintWriter out) {
    if (!state.outputs().isEmpty()) {
      out.println("Outputs:");
      state.outputs().forEach((name, value) -> out.println("  " + name + " = " + value));
    }
    out.flush();
  }
}
