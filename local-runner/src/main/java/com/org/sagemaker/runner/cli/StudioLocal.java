package com.org.sagemaker.runner.cli;

import com.org.sagemaker.runner.changeset.Plan;
import com.org.sagemaker.runner.changeset.PlanPrinter;
import com.org.sagemaker.runner.changeset.Planner;
import com.org.sagemaker.runner.changeset.Validation;
import com.org.sagemaker.runner.engine.Deployer;
import com.org.sagemaker.runner.importing.Drift;
import com.org.sagemaker.runner.importing.Importer;
import com.org.sagemaker.runner.standins.StandIns;
import com.org.sagemaker.runner.state.Journal;
import com.org.sagemaker.runner.state.StackState;
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
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
      ContinueRollbackCommand.class,
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
        "name a command: deploy, plan, validate, import, migrate, delete, continue-rollback, drift,"
            + " status, outputs");
  }

  @Command(name = "deploy", description = "Creates the stack, or updates it to the template.")
  static final class Deploy extends StackCommand {
    @Mixin TemplateInputs inputs;

    @Option(names = "--no-rollback", description = "Keep what a failed deploy created or changed.")
    boolean noRollback;

    @Override
    boolean continuesInterrupted() {
      return true;
    }

    @Override
    boolean run(final StackState state) throws IOException {
      final String text = templateText(options.template);
      final String name = String.valueOf(options.template.getFileName());
      final Template template = Template.parse(text, name);
      // Planned now, before anything starts; after an interrupted operation is continued, again.
      final Plan early = state.inProgress() ? null : plan(template, state);
      return onTarget(
          state,
          (target, invoker, events) -> {
            final Plan plan = early != null ? early : plan(template, state);
            final Deployer.Outcome outcome =
                deployer(target, invoker, events)
                    .deploy(
                        plan,
                        !noRollback,
                        new Journal.Source(
                            text,
                            name,
                            inputs.parameters,
                            inputs.imports,
                            plan.stackTags(),
                            options.where()));
            if (outcome.succeeded()) {
              printOutputs(state, out());
            }
            return outcome.succeeded();
          });
    }

    private Plan plan(final Template template, final StackState state) {
      final Plan plan = Plan.of(template, inputs.inputs(state, options), state, options.where());
      if (options.aws) {
        refuseStandIns(plan);
      }
      return plan;
    }
  }

  @Command(
      name = "plan",
      description =
          "Shows the change set a deploy would make (like describe-change-set); touches nothing.")
  static final class PlanCommand extends ReportCommand {
    @Override
    boolean run(final StackState state) {
      final Plan plan =
          Plan.of(
              Template.load(options.template),
              inputs.inputs(state, options),
              state,
              options.where());
      report(() -> PlanPrinter.json(plan), () -> PlanPrinter.text(plan, options.where().label()));
      return true;
    }
  }

  @Command(
      name = "validate",
      description =
          "Checks a template offline: structure, parameters, references, cycles, and every"
              + " property of the Studio types as their handlers check it. Exit code 0 or 1.")
  static final class Validate extends ReportCommand {
    @Override
    boolean run(final StackState state) throws IOException {
      final String name = String.valueOf(options.template.getFileName());
      final List<Validation.Finding> findings =
          Validation.check(
              Files.readString(options.template),
              name,
              inputs.inputs(state, options),
              state,
              options.where());
      report(() -> Validation.json(name, findings), () -> Validation.text(name, findings));
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
      final Template template = Template.load(options.template);
      Plan.requireKnownTypes(template);
      final StackContext context =
          StackContext.of(
              template,
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
    boolean continuesInterrupted() {
      return true;
    }

    @Override
    boolean run(final StackState state) throws IOException {
      return onTarget(
          state,
          (target, invoker, events) -> deployer(target, invoker, events).delete(state).succeeded());
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
    boolean changesState() {
      return false;
    }

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
      if (state.inProgress() && state.operation() != null) {
        out.println(
            "  left so by a run that did not finish ("
                + state.operation().startedBy()
                + "): the next deploy or delete continues it");
      }
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
    boolean changesState() {
      return false;
    }

    @Override
    boolean run(final StackState state) {
      printOutputs(state, out());
      return true;
    }
  }
}
