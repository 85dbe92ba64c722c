package com.org.sagemaker.runner.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.runner.template.Template;
import com.org.sagemaker.runner.template.TemplateException;
import com.org.sagemaker.runner.template.TemplateYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The files {@code studio-local migrate} writes: the migrated template (YAML, what was done in its
 * first comment lines), and given the live identifiers the {@code --resources-to-import} JSON and
 * the templates of the steps before the import, each saying at its top what it is for.
 */
public final class MigrationFiles {

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

  private final Path template;
  private final Path out;
  private final Consumer<String> wrote;

  private MigrationFiles(final Path template, final Path out, final Consumer<String> wrote) {
    this.template = template;
    this.out = out;
    this.wrote = wrote;
  }

  /**
   * Migrates {@code template} into {@code out} and, with identifiers, writes the import JSON
   * ({@code importOut}, or next to {@code out}) and the step templates next to {@code out}; each
   * file written is told to {@code wrote} as a line for people. Answers what needs attention.
   */
  public static List<String> write(
      final Path template,
      final Path out,
      final Path importOut,
      final List<String> domainIds,
      final List<String> profiles,
      final Consumer<String> wrote)
      throws IOException {
    final String text;
    try {
      text = Files.readString(template);
    } catch (final IOException e) {
      throw new TemplateException(String.valueOf(template), "cannot read it (" + e + ")");
    }
    final JsonNode old = TemplateYaml.read(text, String.valueOf(template.getFileName()));
    final Migrator.Migration migration = Migrator.migrate(old, domainIds, profiles);
    final MigrationFiles files = new MigrationFiles(template, out, wrote);

    write(
        out,
        MigrationWriter.write(
            migration.template(), files.header(old, migration), migration.findings()));
    wrote.accept("Wrote " + out + ": the migrated template.");

    if (!migration.imports().isEmpty()) {
      final Path json = importOut != null ? importOut : files.sibling("resources-to-import.json");
      write(
          json,
          Template.JSON
                  .writerWithDefaultPrettyPrinter()
                  .writeValueAsString(ImportPlan.toJson(migration.imports()))
              + "\n");
      files.writeSteps(migration);
      wrote.accept("Wrote " + json + ": --resources-to-import for step 3.");
      wrote.accept("Then update the stack with " + out + " (step 4). See docs/migration.md.");
    }
    final List<String> all = new ArrayList<>();
    migration.findings().forEach(finding -> all.add(finding.toString()));
    migration.stepFindings().forEach(finding -> all.add(finding.toString()));
    return all;
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

  private void writeSteps(final Migrator.Migration migration) throws IOException {
    int number = 1;
    for (final Map.Entry<String, ObjectNode> step : migration.steps().entrySet()) {
      final Path file = sibling("step" + number + "-" + step.getKey() + ".yaml");
      final List<MigrationFinding> notes =
          ImportSteps.RETAIN.equals(step.getKey()) ? List.of() : migration.stepFindings();
      write(file, MigrationWriter.write(step.getValue(), List.of(STEPS.get(step.getKey())), notes));
      wrote.accept("Wrote " + file + ": step " + number + ".");
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
