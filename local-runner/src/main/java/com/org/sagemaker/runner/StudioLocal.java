package com.org.sagemaker.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code studio-local deploy|delete|drift|status|outputs TEMPLATE}: the local runner. */
@Command(
    name = "studio-local",
    mixinStandardHelpOptions = true,
    description =
        "Deploys templates of Org::SageMaker::StudioDomain and StudioUserProfile through"
            + " their real handlers: on an embedded SageMaker emulator, or on AWS with --aws.",
    subcommands = {
      StudioLocal.Deploy.class,
      StudioLocal.Delete.class,
      StudioLocal.Drift.class,
      StudioLocal.Status.class,
      StudioLocal.Outputs.class,
      MigrateCommand.class
    })
public final class StudioLocal implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(final String[] args) {
    System.exit(execute(args, System.out));
  }

  static int execute(final String[] args, final PrintStream out) {
    final CommandLine command = new CommandLine(new StudioLocal());
    command.setOut(
        new java.io.PrintWriter(
            new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8), true));
    command.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          out.println("error: " + e.getMessage());
          return 1;
        });
    return command.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a command: deploy, delete, drift, status, outputs");
  }

  /** What every command takes: the template, which stack, and where it runs. */
  static final class StackOptions {
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
        defaultValue = "000000000000",
        description = "The AWS account id, for --aws.")
    String accountId;

    @Option(
        names = "--time-scale",
        defaultValue = "300",
        description =
            "On the emulator, how much faster than real SageMaker time passes (default: 300).")
    double timeScale;

    @Option(
        names = "--no-wait",
        description = "On the emulator, move its clock by each callback delay instead of waiting.")
    boolean noWait;

    @Option(
        names = "--emulator-port",
        defaultValue = "0",
        description = "Port of the embedded emulator on 127.0.0.1 (default: any free one).")
    int emulatorPort;

    String stackName() {
      if (stackName != null) {
        return stackName;
      }
      final String file = String.valueOf(template.getFileName());
      return file.replaceFirst("\\.(ya?ml|json|template)$", "").replaceAll("[^A-Za-z0-9-]", "-");
    }

    Target target() throws IOException {
      if (timeScale <= 0) {
        throw new IllegalArgumentException("--time-scale must be positive");
      }
      return aws
          ? Target.aws(accountId)
          : Target.emulator(stateDirectory, timeScale, emulatorPort, noWait);
    }
  }

  /** Runs a command against the stack's state and target, saving the state afterwards. */
  abstract static class StackCommand implements Callable<Integer> {
    @Mixin StackOptions options;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      final StackState state = StackState.load(options.stateDirectory, options.stackName());
      try (Target target = options.target()) {
        final StackEvents events = new StackEvents(spec.commandLine().getOut());
        final Deployer deployer =
            new Deployer(
                target.invoker(
                    state, options.stateDirectory.resolve(state.stackName + ".handler.log")),
                target.stack(state),
                events);
        final boolean ok = run(deployer, state, events);
        state.save(options.stateDirectory);
        return ok ? 0 : 1;
      }
    }

    abstract boolean run(Deployer deployer, StackState state, StackEvents events);
  }

  @Command(name = "deploy", description = "Creates the stack, or updates it to the template.")
  static final class Deploy extends StackCommand {
    @Option(names = "--param", description = "A parameter value, Key=Value (repeatable).")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(
        names = "--tag",
        description = "A stack-level tag for every resource, Key=Value (repeatable).")
    Map<String, String> tags = new LinkedHashMap<>();

    @Option(names = "--no-rollback", description = "Keep what a failed deploy created or changed.")
    boolean noRollback;

    @Override
    boolean run(final Deployer deployer, final StackState state, final StackEvents events) {
      final boolean ok =
          deployer.deploy(
              Template.load(options.template),
              parameters,
              // As with CloudFormation, a deploy that names no tags keeps the stack's tags.
              tags.isEmpty() ? state.stackTags : tags,
              state,
              !noRollback);
      if (ok) {
        printOutputs(state, events);
      }
      return ok;
    }
  }

  @Command(name = "delete", description = "Deletes the stack's resources, dependents first.")
  static final class Delete extends StackCommand {
    @Override
    boolean run(final Deployer deployer, final StackState state, final StackEvents events) {
      return deployer.delete(state);
    }
  }

  @Command(
      name = "drift",
      description = "Reads each resource and shows how it differs from the template.")
  static final class Drift extends StackCommand {
    @Override
    boolean run(final Deployer deployer, final StackState state, final StackEvents events) {
      return deployer.drift(state);
    }
  }

  @Command(name = "status", description = "Shows the stack's resources and outputs.")
  static final class Status extends StackCommand {
    @Override
    boolean run(final Deployer deployer, final StackState state, final StackEvents events) {
      events.line("Stack " + state.stackName + (state.resources.isEmpty() ? ": no resources" : ""));
      state.resources.forEach(
          (logicalId, resource) ->
              events.line(
                  String.format(
                      "  %-22s  %-34s  %s",
                      logicalId, resource.type, ResourceTypes.ref(resource.type, resource.model))));
      printOutputs(state, events);
      return true;
    }
  }

  @Command(name = "outputs", description = "Shows the stack's outputs.")
  static final class Outputs extends StackCommand {
    @Override
    boolean run(final Deployer deployer, final StackState state, final StackEvents events) {
      printOutputs(state, events);
      return true;
    }
  }

  static void printOutputs(final StackState state, final StackEvents events) {
    if (!state.outputs.isEmpty()) {
      events.line("Outputs:");
      state.outputs.forEach((name, value) -> events.line("  " + name + " = " + value));
    }
  }
}
