package com.org.sagemaker.codegen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the handler package {@code cfn submit} uploads for a Java resource type, without the CLI:
 * the entries and their order follow cloudformation-cli 0.2.39 {@code Project.submit} and {@code
 * _add_resources_content_to_zip} and Java plugin 2.2.3 {@code package} (docs/registration.md cites
 * them): {@code .rpdk-config}, the schema as {@code schema.json}, {@code inputs/*}, the one jar
 * matching {@code target/<hyphenated type name>-*.jar}, {@code pom.xml}, every file under {@code
 * src/} and {@code target/generated-sources/}, {@code .cfn_metadata.json}, then {@code
 * overrides.json} if present. Entries are stored uncompressed, as the CLI writes them.
 *
 * <p>Unlike the CLI, whose directory listings come in file-system order and whose timestamps are
 * the files', the entries of each folder are sorted by path and every entry carries the build's
 * fixed timestamp, so the same sources give the same bytes. Usage: {@code HandlerPackage <type dir>
 * <output dir> <outputTimestamp> <cli version> <java plugin version>}.
 */
public final class HandlerPackage {

  /**
   * Lambda's quota for a zipped deployment package, "50 MB", counted in decimal megabytes so that
   * the margin reported is never larger than the real one.
   */
  public static final long LAMBDA_ZIPPED_LIMIT_BYTES = 50_000_000L;

  private static final String RUNTIME_ARTIFACT = "aws-cloudformation-rpdk-java-plugin";

  private HandlerPackage() {}

  /** Versions of the CLI and its Java plugin whose packaging this imitates, for the metadata. */
  public record Tools(String cliVersion, String javaPluginVersion) {}

  public static void main(final String[] args) throws IOException {
    if (args.length != 5) {
      throw new IllegalArgumentException(
          "usage: HandlerPackage <type dir> <output dir> <outputTimestamp> <cli version>"
              + " <java plugin version>");
    }
    final Path typeDir = Path.of(args[0]);
    final String name = hyphenatedName(typeDir) + ".zip";
    final Path zip = Path.of(args[1]).resolve(name);
    write(entries(typeDir, new Tools(args[3], args[4])), timestamp(args[2]), zip);
    System.out.println(sizeReport(name, Files.size(zip)));
  }

  /**
   * The type name as the CLI names its files: {@code Org::SageMaker::StudioDomain} gives {@code
   * org-sagemaker-studiodomain} (the schema file, the jar prefix, the dry-run zip).
   */
  public static String hyphenatedName(final Path typeDir) throws IOException {
    final String typeName =
        MAPPER.readTree(typeDir.resolve(".rpdk-config").toFile()).path("typeName").asText();
    return String.join("-", typeName.split("::")).toLowerCase(Locale.ROOT);
  }

  /** The archive's entries in the order the CLI writes them: name to content. */
  public static Map<String, byte[]> entries(final Path typeDir, final Tools tools)
      throws IOException {
    final Map<String, byte[]> entries = new LinkedHashMap<>();
    final Path settings = typeDir.resolve(".rpdk-config");
    final String hyphenated = hyphenatedName(typeDir);
    final Path schema = typeDir.resolve(hyphenated + ".json");
    if (MAPPER.readTree(schema.toFile()).has("typeConfiguration")) {
      // The CLI would add configuration-schema.json, generated from it; this type has none.
      throw new IllegalStateException(schema + ": typeConfiguration is not supported here");
    }
    entries.put(".rpdk-config", Files.readAllBytes(settings));
    entries.put("schema.json", Files.readAllBytes(schema));
    for (final Path input : sorted(children(typeDir.resolve("inputs")))) {
      entries.put("inputs/" + input.getFileName(), Files.readAllBytes(input));
    }
    addFile(entries, typeDir, handlerJar(typeDir, hyphenated));
    addFile(entries, typeDir, typeDir.resolve("pom.xml"));
    addTree(entries, typeDir, typeDir.resolve("src"));
    addTree(entries, typeDir, typeDir.resolve("target").resolve("generated-sources"));
    entries.put(".cfn_metadata.json", metadata(typeDir.resolve("pom.xml"), tools));
    final Path overrides = typeDir.resolve("overrides.json");
    if (Files.isRegularFile(overrides)) {
      entries.put("overrides.json", Files.readAllBytes(overrides));
    }
    return entries;
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * The jar the Java plugin packs: exactly one may match {@code target/<hyphenated name>-*.jar}
   * (its {@code _find_jar}), which is why the zip itself is not named like a jar.
   */
  static Path handlerJar(final Path typeDir, final String hyphenated) throws IOException {
    final List<Path> matches = new ArrayList<>();
    try (DirectoryStream<Path> jars =
        Files.newDirectoryStream(typeDir.resolve("target"), hyphenated + "-*.jar")) {
      jars.forEach(matches::add);
    }
    if (matches.size() != 1) {
      throw new IllegalStateException(
          matches.isEmpty()
              ? "No JAR artifact was found in " + typeDir.resolve("target") + ": run mvn package"
              : "Multiple JARs match: " + sorted(matches));
    }
    return matches.get(0);
  }

  /**
   * {@code .cfn_metadata.json} as the CLI writes it with {@code json.dumps}: the Java plugin's
   * version, its name, the runtime version the type's own pom declares, then the CLI's version.
   */
  static byte[] metadata(final Path pom, final Tools tools) throws IOException {
    final Map<String, String> values = new LinkedHashMap<>();
    values.put("plugin-tool-version", tools.javaPluginVersion());
    values.put("plugin-name", "java");
    values.put("plugin-version", PomDependency.version(pom, RUNTIME_ARTIFACT));
    values.put("cli-version", tools.cliVersion());
    final List<String> members = new ArrayList<>();
    for (final Map.Entry<String, String> value : values.entrySet()) {
      members.add(quote(value.getKey()) + ": " + quote(value.getValue()));
    }
    return ("{" + String.join(", ", members) + "}").getBytes(StandardCharsets.UTF_8);
  }

  private static String quote(final String text) throws JsonProcessingException {
    return MAPPER.writeValueAsString(text);
  }

  private static void addFile(
      final Map<String, byte[]> entries, final Path typeDir, final Path file) throws IOException {
    entries.put(relativeName(typeDir, file), Files.readAllBytes(file));
  }

  private static void addTree(
      final Map<String, byte[]> entries, final Path typeDir, final Path tree) throws IOException {
    if (!Files.isDirectory(tree)) {
      return;
    }
    final List<Path> files;
    try (Stream<Path> walk = Files.walk(tree)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (final Path file :
        files.stream()
            .sorted((a, b) -> relativeName(typeDir, a).compareTo(relativeName(typeDir, b)))
            .toList()) {
      addFile(entries, typeDir, file);
    }
  }

  private static String relativeName(final Path typeDir, final Path file) {
    return typeDir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }

  private static List<Path> children(final Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isRegularFile).toList();
    }
  }

  private static List<Path> sorted(final List<Path> paths) {
    return paths.stream().sorted().toList();
  }

  /**
   * Maven's {@code project.build.outputTimestamp}: an ISO-8601 instant or seconds since the epoch,
   * as the zip's wall-clock time in UTC (zip entries carry no time zone).
   */
  static LocalDateTime timestamp(final String outputTimestamp) {
    final Instant instant =
        outputTimestamp.chars().allMatch(Character::isDigit)
            ? Instant.ofEpochSecond(Long.parseLong(outputTimestamp))
            : Instant.parse(outputTimestamp);
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** Writes the entries, stored, each with the same time and nothing that varies between runs. */
  public static void write(
      final Map<String, byte[]> entries, final LocalDateTime time, final Path zip)
      throws IOException {
    final Path directory = zip.toAbsolutePath().getParent();
    if (directory != null) {
      Files.createDirectories(directory);
    }
    try (OutputStream file = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (final Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(storedEntry(entry.getKey(), entry.getValue(), time));
        out.write(entry.getValue());
        out.closeEntry();
      }
    }
  }

  private static ZipEntry storedEntry(
      final String name, final byte[] content, final LocalDateTime time) {
    final ZipEntry entry = new ZipEntry(name);
    final CRC32 crc = new CRC32();
    crc.update(content);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(content.length);
    entry.setCompressedSize(content.length);
    entry.setCrc(crc.getValue());
    // A local date-time sets the DOS time field only: no time zone, no extended-time extra field.
    entry.setTimeLocal(time);
    return entry;
  }

  /** One line for the build log: the package's size and how far it is under Lambda's limit. */
  public static String sizeReport(final String name, final long bytes) {
    final long margin = LAMBDA_ZIPPED_LIMIT_BYTES - bytes;
    return String.format(
        Locale.ROOT,
        "Handler package %s: %,d bytes (%.1f MB); %s Lambda's 50 MB zipped limit by %,d bytes"
            + " (%.1f MB)",
        name,
        bytes,
        bytes / 1e6,
        margin >= 0 ? "under" : "OVER",
        Math.abs(margin),
        Math.abs(margin) / 1e6);
  }
}
