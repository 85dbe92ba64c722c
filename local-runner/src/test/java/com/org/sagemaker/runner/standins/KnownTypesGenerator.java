package com.org.sagemaker.runner.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.org.sagemaker.runner.template.Template;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes {@link KnownTypes#FILE} from a checkout of aws-cloudformation/cfn-lint, whose schema
 * folder holds the resource schemas CloudFormation publishes (DescribeType) for us-east-1, one per
 * type, with cfn-lint's corrections applied. Run by hand, never by the build:
 *
 * <pre>
 * git -C cfn-lint archive COMMIT src/cfnlint/data/schemas | tar -x -C /tmp/cfn-lint
 * mvn -q -pl local-runner test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.org.sagemaker.runner.standins.KnownTypesGenerator \
 *   -Dexec.args="/tmp/cfn-lint COMMIT local-runner/src/main/resources/com/org/sagemaker/runner/standins/aws-resource-types.tsv"
 * </pre>
 *
 * <p>Two layouts are read: up to cfn-lint commit da3d01f17 (2025-12-10) {@value #PER_TYPE}/*.json;
 * after it, {@value #INDEX} maps each type to {@value #BY_HASH}/&lt;hash&gt;.json. Names that are
 * not {@code Org::Service::Resource} (cfn-lint's own "Module") are left out.
 */
public final class KnownTypesGenerator {

  static final String REPOSITORY = "https://github.com/aws-cloudformation/cfn-lint";
  static final String PER_TYPE = "src/cfnlint/data/schemas/providers/us_east_1";
  static final String INDEX = "src/cfnlint/data/schemas/providers/us_east_1.py";
  static final String BY_HASH = "src/cfnlint/data/schemas/resources";

  private static final Pattern TYPE_NAME =
      Pattern.compile("[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+");
  private static final Pattern INDEX_LINE = Pattern.compile("^\\s*\"([^\"]+)\": \"([0-9a-f]+)\",$");

  private KnownTypesGenerator() {}

  public static void main(final String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: KnownTypesGenerator CHECKOUT COMMIT OUTPUT");
    }
    final Path checkout = Path.of(args[0]);
    final Map<String, String> header = new java.util.LinkedHashMap<>();
    header.put("source", REPOSITORY);
    final Map<String, List<String>> types = read(checkout, header);
    header.put("commit", args[1]);
    Files.writeString(
        Path.of(args[2]), render(new KnownTypes.Data(header, types)), StandardCharsets.UTF_8);
  }

  /** Each type's createOnly property paths, by type name; notes the paths read in the header. */
  static Map<String, List<String>> read(final Path checkout, final Map<String, String> header)
      throws IOException {
    final Map<String, Path> schemas = new TreeMap<>();
    if (Files.isDirectory(checkout.resolve(PER_TYPE))) {
      header.put("paths", PER_TYPE + "/*.json");
      try (Stream<Path> files = Files.list(checkout.resolve(PER_TYPE))) {
        for (final Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
          schemas.put(Template.JSON.readTree(file.toFile()).path("typeName").asText(), file);
        }
      }
    } else {
      header.put("paths", INDEX + ", " + BY_HASH + "/<hash>.json");
      for (final String line : Files.readAllLines(checkout.resolve(INDEX))) {
        final Matcher entry = INDEX_LINE.matcher(line);
        if (entry.matches()) {
          schemas.put(entry.group(1), checkout.resolve(BY_HASH).resolve(entry.group(2) + ".json"));
        }
      }
    }
    final Map<String, List<String>> types = new TreeMap<>();
    for (final Map.Entry<String, Path> schema : schemas.entrySet()) {
      if (!TYPE_NAME.matcher(schema.getKey()).matches()) {
        continue;
      }
      final JsonNode json = Template.JSON.readTree(schema.getValue().toFile());
      if (!schema.getKey().equals(json.path("typeName").asText())) {
        throw new IllegalStateException(
            schema.getValue()
                + " is the schema of "
                + json.path("typeName")
                + ", not "
                + schema.getKey());
      }
      final List<String> createOnly = new ArrayList<>();
      json.path("createOnlyProperties")
          .forEach(p -> createOnly.add(p.asText().replaceFirst("^/properties", "")));
      types.put(schema.getKey(), createOnly);
    }
    if (types.isEmpty()) {
      throw new IllegalStateException("no resource schemas under " + checkout);
    }
    return types;
  }

  /** The file's text; {@link KnownTypes#parse} reads it back. */
  static String render(final KnownTypes.Data data) {
    final StringBuilder text = new StringBuilder();
    text.append("# AWS resource types with a schema CloudFormation publishes for us-east-1")
        .append(" (DescribeType), each with its\n")
        .append("# createOnlyProperties, as cfn-lint ships the schemas (its corrections applied).")
        .append(" Written by\n")
        .append("# local-runner/src/test/java/com/org/sagemaker/runner/standins/")
        .append("KnownTypesGenerator.java: do not edit.\n");
    KnownTypes.HEADER_KEYS.forEach(
        key ->
            text.append("# ").append(key).append(": ").append(data.header().get(key)).append('\n'));
    text.append("# Each line: a type name, then its createOnly property paths, tab-separated.\n");
    data.createOnly()
        .forEach(
            (type, paths) -> {
              text.append(type);
              paths.forEach(path -> text.append(KnownTypes.SEPARATOR).append(path));
              text.append('\n');
            });
    return text.toString();
  }
}
