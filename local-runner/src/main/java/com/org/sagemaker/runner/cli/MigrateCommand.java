package com.org.sagemaker.runner.cli;

import com.org.sagemaker.runner.migrate.MigrationFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    final PrintWriter stdout = spec.commandLine().getOut();
    final PrintWriter stderr = spec.commandLine().getErr();
    final List<String> findings =
        MigrationFiles.write(template, out, importOut, domainIds, profiles, stdout::println);
    findings.forEach(finding -> stderr.println("migrate: " + finding));
    if (!findings.isEmpty()) {
      stdout.println(
          findings.size()
              + " thing(s) need your attention: on stderr, and as comments in the templates.");
    }
    return 0;
  }
}
