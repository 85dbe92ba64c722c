package com.org.sagemaker.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A command that reads a template and the stack's state, changes nothing (so it takes no lock) and
 * prints a report as text or JSON: {@code plan} and {@code validate}.
 */
abstract class ReportCommand extends StackCommand {
  @Mixin TemplateInputs inputs;

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  String format;

  @Override
  boolean changesState() {
    return false;
  }

  /** Prints the report in the format asked for; only that one is built. */
  void report(final Supplier<JsonNode> json, final Supplier<List<String>> text) {
    if ("json".equals(format)) {
      out().println(json.get().toPrettyString());
    } else {
      text.get().forEach(out()::println);
    }
    out().flush();
  }
}
