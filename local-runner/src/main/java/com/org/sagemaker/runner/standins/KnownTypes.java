package com.org.sagemaker.runner.standins;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The AWS resource types CloudFormation knows, with each one's createOnlyProperties: read from
 * {@value #FILE}, which {@code KnownTypesGenerator} (local-runner's tests, run by hand) writes from
 * the resource schemas CloudFormation publishes, as cfn-lint ships them. The file's header names
 * the repository, paths and commit it was made from.
 *
 * <p>Format, one type a line: the type name, then each createOnly property path (e.g. {@code
 * /RoleName}; {@code /properties} left out), separated by tabs. Lines starting with {@code #} are
 * the header: {@code # key: value} lines ({@link #HEADER_KEYS}) and free text.
 */
public final class KnownTypes {

  /** The data file, a class-path resource next to this class. */
  public static final String FILE = "aws-resource-types.tsv";

  /** The header fields the file must carry, in this order: where its data come from. */
  public static final List<String> HEADER_KEYS = List.of("source", "paths", "commit");

  public static final String SEPARATOR = "\t";

  /** The data file's content: its header fields and each type's createOnly property paths. */
  public record Data(Map<String, String> header, Map<String, List<String>> createOnly) {}

  private KnownTypes() {}

  /** Read on first use. */
  private static final class Shipped {
    static final Data DATA = read();
  }

  /** The file as shipped. */
  public static Data data() {
    return Shipped.DATA;
  }

  /**
   * True for a type CloudFormation accepts in a template without a registration of one's own: a
   * type in the published list, or a custom resource ({@code Custom::Name}, user guide,
   * aws-resource-cfn-customresource.md; the template's reader checks the characters of its name).
   */
  public static boolean exists(final String type) {
    return data().createOnly().containsKey(type) || type.startsWith("Custom::");
  }

  /** The type's createOnly property paths (e.g. /RoleName); null for a type not in the list. */
  public static List<String> createOnly(final String type) {
    return data().createOnly().get(type);
  }

  /**
   * The known type name closest to {@code type} (fewest single-character edits, ignoring case),
   * among the published ones and {@code others}; the first in alphabetical order among equals.
   */
  public static String closest(final String type, final Collection<String> others) {
    final LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    final String wanted = type.toLowerCase(Locale.ROOT);
    final List<String> candidates = new ArrayList<>(data().createOnly().keySet());
    candidates.addAll(others);
    Collections.sort(candidates);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (final String candidate : candidates) {
      final int d = distance.apply(wanted, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Reads the data file's format; also what the generator's test checks its output with. */
  public static Data parse(final BufferedReader lines) throws IOException {
    final Map<String, String> header = new LinkedHashMap<>();
    final Map<String, List<String>> createOnly = new LinkedHashMap<>();
    String line;
    while ((line = lines.readLine()) != null) {
      if (line.startsWith("#")) {
        final String text = line.substring(1).strip();
        final int colon = text.indexOf(':');
        if (colon > 0 && HEADER_KEYS.contains(text.substring(0, colon))) {
          header.put(text.substring(0, colon), text.substring(colon + 1).strip());
        }
      } else if (!line.isEmpty()) {
        final String[] fields = line.split(SEPARATOR, -1);
        createOnly.put(fields[0], List.of(fields).subList(1, fields.length));
      }
    }
    if (!header.keySet().containsAll(HEADER_KEYS) || createOnly.isEmpty()) {
      throw new IllegalStateException(
          FILE + " lacks its source header (" + HEADER_KEYS + ") or its types");
    }
    return new Data(Collections.unmodifiableMap(header), Collections.unmodifiableMap(createOnly));
  }

  private static Data read() {
    try (InputStream in = KnownTypes.class.getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IllegalStateException(FILE + " is missing from the class path");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
