package com.org.sagemaker.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.runner.template.Template;
import com.org.sagemaker.runner.template.TemplateException;
import com.org.sagemaker.runner.template.TemplateYaml;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code studio-local migrate OLD --out NEW [--domain-id ...] [--profile ...]}. */
@Command(
    name = "migrate",
    description = {
      "Rewrites a template of the Lambda-backed Custom::StudioDomain / Custom::UserProfile pattern"
          + " into one of Org::SageMaker::StudioDomain / StudioUserProfile, and removes the"
          + " functions behind them.",
      "With the live identifiers, also writes the --resources-to-import JSON of"
          + " 'aws cloudformation create-change-set --change-set-type IMPORT' and the templates of"
          + " the steps before the import (docs/migration.md)."
    })
public final class MigrateCommand implements Callable<Integer> {

  /** What each step's template is for, at its top. */
  private static final Map<String, String> STEPS =
      Map.of(
          ImportSteps.RETAIN,
          "Step 1 of 4: the old template with DeletionPolicy: Retain on the custom resources."
              + " Update the stack with it: nothing changes in SageMaker, and removing them next"
              + " will not call their function's Delete.",
          ImportSteps.DETACH,
          "Step 2 of 4: the custom resources removed from the stack (retained, so SageMaker keeps"
              + " the domain and profiles); what referred to them has the live values. Update"
              + " the stack with it.",
          ImportSteps.IMPORT,
          "Step 3 of 4: step 2 plus the new resources, for 'aws cloudformation create-change-set"
              + " --change-set-type IMPORT' with the resources-to-import file; an import may change"
              + " nothing else. Execute it, then detect drift.");

  @Parameters(index = "0", description = "The old template (YAML or JSON).")
  Path template;

  @Option(
      names = "--out",
      required = true,
      description = "Where to write the migrated template (always YAML).")
  Path out;

  @Option(
      names = "--domain-id",
      paramLabel = "[LogicalId=]d-...",
      description = "The live domain a domain resource is (repeatable).")
  List<String> domainIds = new ArrayList<>();

  @Option(
      names = "--profile",
      paramLabel = "[LogicalId=][d-.../]NAME",
      description =
          "The live user profile a profile resource is (repeatable); a literal UserProfileName"
              + " needs none.")
  List<String> profiles = new ArrayList<>();

  @Option(
      names = "--resources-to-import-out",
      paramLabel = "FILE",
      description =
          "Where to write the import JSON (default: next to --out, NAME.resources-to-import.json).")
  Path importOut;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    final String text;
    try {
      text = Files.readString(template);
    } catch (final IOException e) {
      throw new TemplateException(String.valueOf(template), "cannot read it (" + e + ")");
    }
    final JsonNode old = TemplateYaml.read(text, String.valueOf(template.getFileName()));
    final Migrator.Migration migration = Migrator.migrate(old, domainIds, profiles);
    final PrintWriter stdout = spec.commandLine().getOut();
    final PrintWriter stderr = spec.commandLine().getErr();

    write(
        out,
        MigrationWriter.write(migration.template(), header(old, migration), migration.findings()));
    stdout.println("Wrote " + out + ": the migrated template.");

    if (!migration.imports().isEmpty()) {
      final Path json = importOut != null ? importOut : sibling("resources-to-import.json");
      write(
          json,
          Template.JSON
                  .writerWithDefaultPrettyPrinter()
                  .writeValueAsString(ImportPlan.toJson(migration.imports()))
              + "\n");
      writeSteps(migration, stdout);
      stdout.println("Wrote " + json + ": --resources-to-import for step 3.");
      stdout.println("Then update the stack with " + out + " (step 4). See docs/migration.md.");
    }
    final List<MigrationFinding> all = new ArrayList<>(migration.findings());
    all.addAll(migration.stepFindings());
    all.forEach(finding -> stderr.println("migrate: " + finding));
    if (!all.isEmpty()) {
      stdout.println(
          all.size()
              + " thing(s) need your attention: on stderr, and as comments in the templates.");
    }
    return 0;
  }

  /** What the migrated template's first comment lines say was done. */
  private List<String> header(final JsonNode old, final Migrator.Migration migration) {
    final List<String> header = new ArrayList<>();
    header.add("Migrated by studio-local migrate from " + template.getFileName() + ".");
    migration
        .migrated()
        .values()
        .forEach(
            found ->
                header.add(
                    found.logicalId()
                        + ": "
                        + old.path("Resources").path(found.logicalId()).path("Type").asText()
                        + " -> "
                        + found.kind().newType));
    if (!migration.removedResources().isEmpty()) {
      header.add(
          "Removed, as only the custom resources used them: " + migration.removedResources());
    }
    if (!migration.removedParameters().isEmpty()) {
      header.add("Parameters removed with them: " + migration.removedParameters());
    }
    return header;
  }

  private void writeSteps(final Migrator.Migration migration, final PrintWriter stdout)
      throws IOException {
    int number = 1;
    for (final Map.Entry<String, ObjectNode> step : migration.steps().entrySet()) {
      final Path file = sibling("step" + number + "-" + step.getKey() + ".yaml");
      final List<MigrationFinding> notes =
          ImportSteps.RETAIN.equals(step.getKey()) ? List.of() : migration.stepFindings();
      write(file, MigrationWriter.write(step.getValue(), List.of(STEPS.get(step.getKey())), notes));
      stdout.println("Wrote " + file + ": step " + number + ".");
      number++;
    }
  }

  /** NAME.suffix next to --out, NAME being --out's file name without its extension. */
  private Path sibling(final String suffix) {
    final String name =
        String.valueOf(out.getFileName()).replaceFirst("\\.(ya?ml|json|template)$", "");
    return out.resolveSibling(name + "." + suffix);
  }

  private static void write(final Path file, final String text) throws IOException {
    final Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
  }
}
