package com.org.sagemaker.runner;

import com.org.sagemaker.runner.changeset.Plan;
import com.org.sagemaker.runner.changeset.PlanPrinter;
import com.org.sagemaker.runner.changeset.Planner;
import com.org.sagemaker.runner.changeset.Validation;
import com.org.sagemaker.runner.engine.Deployer;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import com.org.sagemaker.runner.engine.StackEvents;
import com.org.sagemaker.runner.importing.Drift;
import com.org.sagemaker.runner.importing.Importer;
import com.org.sagemaker.runner.standins.StandIns;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.TargetId;
import com.org.sagemaker.runner.studio.Target;
import com.org.sagemaker.runner.template.StackContext;
import com.org.sagemaker.runner.template.Template;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code studio-local deploy|plan|validate|import|delete|drift|status|outputs TEMPLATE}. */
@Command(
    name = "studio-local",
    mixinStandardHelpOptions = true,
    description =
        "Deploys templates of Org::SageMaker::StudioDomain and StudioUserProfile through"
            + " their real handlers, as CloudFormation would: on an embedded SageMaker emulator,"
            + " or on AWS with --aws. Other resource types are stand-ins, never deployed.",
    subcommands = {
      StudioLocal.Deploy.class,
      StudioLocal.PlanCommand.class,
      StudioLocal.Validate.class,
      StudioLocal.Import.class,
      StudioLocal.Delete.class,
      StudioLocal.DriftCommand.class,
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
    command.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    command.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          out.println("error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
          if (System.getenv("STUDIO_LOCAL_DEBUG") != null) {
            e.printStackTrace(out);
          }
          return 1;
        });
    return command.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "name a command: deploy, plan, validate, import, migrate, delete, drift, status, outputs");
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
      if (stackName != null) {
        return stackName;
      }
      final String file = String.valueOf(template.getFileName());
      return file.replaceFirst("\\.(ya?ml|json|template)$", "").replaceAll("[^A-Za-z0-9-]", "-");
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

    Target target() throws IOException {
      if (timeScale <= 0) {
        throw new IllegalArgumentException("--time-scale must be positive");
      }
      return aws
          ? Target.aws(where())
          : Target.emulator(stateDirectory, timeScale, emulatorPort, noWait);
    }

    int workers() {
      if (parallel != null && parallel < 1) {
        throw new IllegalArgumentException("--parallel must be at least 1");
      }
      return parallel != null ? parallel : noWait ? 1 : 4;
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

    Plan.Inputs inputs(final StackState state) {
      // As with CloudFormation, an update that names no tags keeps the stack's tags.
      return new Plan.Inputs(parameters, imports, tags.isEmpty() ? state.stackTags() : tags);
    }
  }

  /** A command on one stack: loads its state, runs, saves it. */
  abstract static class StackCommand implements Callable<Integer> {
    @Mixin StackOptions options;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      final StackState state = options.state();
      final boolean ok = run(state);
      return ok ? 0 : 1;
    }

    abstract boolean run(StackState state) throws IOException;

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    StackEvents events(final Target target) {
      return new StackEvents(out(), target.timeline()::now);
    }

    /** Runs against the started target, then saves the state. */
    boolean onTarget(final StackState state, final TargetWork work) throws IOException {
      try (Target target = options.target()) {
        final boolean ok =
            work.run(target, target.invoker(state, options.handlerLog(state)), events(target));
        state.save(options.stateDirectory, options.where());
        return ok;
      }
    }

    /** Work on a started target. */
    interface TargetWork {
      boolean run(Target target, HandlerInvoker invoker, StackEvents events);
    }
  }

  @Command(name = "deploy", description = "Creates the stack, or updates it to the template.")
  static final class Deploy extends StackCommand {
    @Mixin TemplateInputs inputs;

    @Option(names = "--no-rollback", description = "Keep what a failed deploy created or changed.")
    boolean noRollback;

    @Override
    boolean run(final StackState state) throws IOException {
      final Plan plan =
          Plan.of(Template.load(options.template), inputs.inputs(state), state, options.where());
      if (options.aws) {
        refuseStandIns(plan);
      }
      return onTarget(
          state,
          (target, invoker, events) -> {
            final Deployer.Outcome outcome =
                new Deployer(invoker, target.timeline(), events, options.workers())
                    .deploy(plan, !noRollback);
            if (outcome.succeeded()) {
              printOutputs(state, out());
            }
            return outcome.succeeded();
          });
    }
  }

  @Command(
      name = "plan",
      description =
          "Shows the change set a deploy would make (like describe-change-set); touches nothing.")
  static final class PlanCommand extends StackCommand {
    @Mixin TemplateInputs inputs;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    String format;

    @Override
    boolean run(final StackState state) {
      final Plan plan =
          Plan.of(Template.load(options.template), inputs.inputs(state), state, options.where());
      if ("json".equals(format)) {
        out().println(PlanPrinter.json(plan).toPrettyString());
      } else {
        PlanPrinter.text(plan, options.where().label()).forEach(out()::println);
      }
      out().flush();
      return true;
    }
  }

  @Command(
      name = "validate",
      description =
          "Checks a template offline: structure, parameters, references, cycles, and every"
              + " property of the Studio types as their handlers check it. Exit code 0 or 1.")
  static final class Validate extends StackCommand {
    @Mixin TemplateInputs inputs;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    String format;

    @Override
    boolean run(final StackState state) throws IOException {
      final String name = String.valueOf(options.template.getFileName());
      final List<Validation.Finding> findings =
          Validation.check(
              Files.readString(options.template),
              name,
              inputs.inputs(state),
              state,
              options.where());
      if ("json".equals(format)) {
        out().println(Validation.json(name, findings).toPrettyString());
      } else {
        Validation.text(name, findings).forEach(out()::println);
      }
      out().flush();
      return findings.isEmpty();
    }
  }

  @Command(
      name = "import",
      description =
          "Rehearses an IMPORT change set: adopts existing resources by identifier (Read only),"
              + " then shows their drift.")
  static final class Import extends StackCommand {
    @Mixin TemplateInputs inputs;

    @Option(
        names = "--resources-to-import",
        required = true,
        description = "The JSON list create-change-set --resources-to-import takes.")
    Path resourcesToImport;

    @Override
    boolean run(final StackState state) throws IOException {
      final StackContext context =
          StackContext.of(
              Template.load(options.template),
              state.identity(options.where()),
              inputs.parameters,
              inputs.imports,
              ResourceTypes::attributeProblem);
      final List<Importer.ToImport> imports = Importer.read(resourcesToImport);
      if (options.aws) {
        refuseStandIns(new Planner(context, state, state.stackTags()).plan());
      }
      return onTarget(
          state,
          (target, invoker, events) -> new Importer(invoker, events).run(context, state, imports));
    }
  }

  @Command(name = "delete", description = "Deletes the stack's resources, dependents first.")
  static final class Delete extends StackCommand {
    @Override
    boolean run(final StackState state) throws IOException {
      return onTarget(
          state,
          (target, invoker, events) ->
              new Deployer(invoker, target.timeline(), events, options.workers())
                  .delete(state)
                  .succeeded());
    }
  }

  @Command(
      name = "drift",
      description = "Reads each resource and shows how it differs from the template.")
  static final class DriftCommand extends StackCommand {
    @Override
    boolean run(final StackState state) throws IOException {
      return onTarget(state, (target, invoker, events) -> new Drift(invoker, events).check(state));
    }
  }

  @Command(name = "status", description = "Shows the stack's status, resources and outputs.")
  static final class Status extends StackCommand {
    @Override
    boolean run(final StackState state) {
      final PrintWriter out = out();
      final String target = options.where().label();
      if (!state.exists()) {
        out.println("Stack " + state.stackName() + " on " + target + ": does not exist");
        out.flush();
        return true;
      }
      out.println("Stack " + state.stackName() + " on " + target + ": " + state.status());
      state
          .resources()
          .forEach(
              (logicalId, resource) ->
                  out.println(
                      String.format(
                              "  %-22s  %-34s  %s  %s",
                              logicalId,
                              resource.type(),
                              resource.physicalId(),
                              resource.standIn() ? "(" + StandIns.NOT_DEPLOYED + ")" : "")
                          .stripTrailing()));
      if (!state.leftovers().isEmpty()) {
        out.println(
            "  and "
                + state.leftovers().size()
                + " resource(s) left by a failure, deleted by the next operation");
      }
      printOutputs(state, out);
      return true;
    }
  }

  @Command(name = "outputs", description = "Shows the stack's outputs.")
  static final class Outputs extends StackCommand {
    @Override
    boolean run(final StackState state) {
      printOutputs(state, out());
      return true;
    }
  }

  /** The runner is no CloudFormation on AWS: it does not deploy stand-ins there, nor go on. */
  private static void refuseStandIns(final Plan plan) {
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

  static void printOutputs(final StackState state, final PrintWriter out) {
    if (!state.outputs().isEmpty()) {
      out.println("Outputs:");
      state.outputs().forEach((name, value) -> out.println("  " + name + " = " + value));
    }
    out.flush();
  }
}
