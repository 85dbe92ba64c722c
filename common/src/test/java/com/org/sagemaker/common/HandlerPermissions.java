package com.org.sagemaker.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.json.JSONObject;
import org.mockito.Mockito;

/**
 * A type's handler permissions (the schema's {@code handlers.*.permissions}) against what each
 * handler does: every action listed is either a SageMaker call the handler makes or declared, with
 * its reason and source, as something SageMaker authorizes or does with the caller's credentials
 * (forward access sessions); and the handler calls nothing that is not listed.
 */
public final class HandlerPermissions {

  /** Why a handler's list names an action, and the source that says so (markdown). */
  public record Reason(String why, String source) {}

  /** The reason of every action a handler calls itself. */
  public static final Reason OUR_CALL = new Reason("our call", "PermissionsTest sees the call");

  private static final List<String> HANDLERS =
      List.of("create", "read", "update", "delete", "list");
  private static final Pattern LINK_REFERENCE = Pattern.compile("\\]\\[([^\\]]+)\\]");

  private final JSONObject schema;

  public HandlerPermissions(final JSONObject schema) {
    this.schema = schema;
  }

  /** A handler's permissions as the schema lists them. */
  public Set<String> of(final String handler) {
    final Set<String> permissions = new TreeSet<>();
    schema
        .getJSONObject("handlers")
        .getJSONObject(handler)
        .getJSONArray("permissions")
        .forEach(p -> permissions.add(p.toString()));
    return permissions;
  }

  /** Every action the schema names: each handler's and the tagging permissions. */
  public Set<String> named() {
    final Set<String> actions = new TreeSet<>();
    schema.getJSONObject("handlers").keySet().forEach(handler -> actions.addAll(of(handler)));
    final JSONObject tagging = schema.optJSONObject("tagging");
    if (tagging != null && tagging.has("permissions")) {
      tagging.getJSONArray("permissions").forEach(p -> actions.add(p.toString()));
    }
    return actions;
  }

  /** Every action the schema or one of {@code roleTemplates} names is a real IAM action. */
  public void assertEveryActionIsReal(final Path... roleTemplates) {
    final Set<String> actions = named();
    for (final Path template : roleTemplates) {
      actions.addAll(LeastPrivilegeRole.actions(template));
    }
    IamActions.assertReal(actions);
  }

  /** The IAM actions of the SageMaker calls made on a Mockito mock client. */
  public static Set<String> sageMakerActionsCalled(final Object mockClient) {
    return Mockito.mockingDetails(mockClient).getInvocations().stream()
        .map(invocation -> invocation.getMethod().getName())
        .filter(name -> !name.equals("serviceName") && !name.equals("serviceClientConfiguration"))
        .map(
            name ->
                "sagemaker:" + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * The handler's list is exactly the calls made on the mock (on its fullest path) plus the actions
   * {@code declared} with a reason; a declared action the handler now calls itself, or one the list
   * lacks, is an error too, so the declarations cannot go stale.
   */
  public void assertCalledOrDeclared(
      final String handler, final Object mockClient, final Map<String, Reason> declared) {
    final Set<String> listed = of(handler);
    final Set<String> called = sageMakerActionsCalled(mockClient);
    assertThat(minus(called, listed)).as(handler + ": called but not listed").isEmpty();
    assertThat(minus(minus(listed, called), declared.keySet()))
        .as(handler + ": listed without a call or a declared reason")
        .isEmpty();
    assertThat(minus(declared.keySet(), listed))
        .as(handler + ": declared but not listed")
        .isEmpty();
    assertThat(declared.keySet().stream().filter(called::contains).toList())
        .as(handler + ": declared with a reason, but the handler calls it: drop the declaration")
        .isEmpty();
    declared.forEach(
        (action, reason) -> assertThat(reason.source()).as(action + " source").isNotBlank());
  }

  /**
   * docs/permissions.md shows, for this type, every handler's actions with their reasons and
   * sources as {@link #markdown} renders them, and defines every link reference they use.
   */
  public void assertDocumented(
      final Path document, final Map<String, Map<String, Reason>> declared) {
    final String tables = markdown(declared);
    final String text;
    try {
      text = Files.readString(document);
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(text).as(document + " must show:%n%s", tables).contains(tables);
    final Matcher references = LINK_REFERENCE.matcher(tables);
    while (references.find()) {
      assertThat(text).as("link reference definition").contains("[" + references.group(1) + "]: ");
    }
  }

  /** One table per handler: the actions it calls first, then those declared with a reason. */
  public String markdown(final Map<String, Map<String, Reason>> declared) {
    final StringBuilder out =
        new StringBuilder("### ").append(schema.getString("typeName")).append('\n');
    for (final String handler : HANDLERS) {
      if (!schema.getJSONObject("handlers").has(handler)) {
        continue;
      }
      final Map<String, Reason> reasons = declared.getOrDefault(handler, Map.of());
      final List<String> rows = new ArrayList<>(of(handler));
      rows.sort(
          Comparator.comparing(
                  (String action) -> !OUR_CALL.equals(reasons.getOrDefault(action, OUR_CALL)))
              .thenComparing(Comparator.naturalOrder()));
      out.append("\n#### ")
          .append(handler)
          .append("\n\n| action | why | source |\n|---|---|---|\n");
      for (final String action : rows) {
        final Reason reason = reasons.getOrDefault(action, OUR_CALL);
        out.append("| `")
            .append(action)
            .append("` | ")
            .append(reason.why())
            .append(" | ")
            .append(reason.source())
            .append(" |\n");
      }
    }
    return out.toString();
  }

  private static Set<String> minus(final Set<String> from, final Set<String> remove) {
    final Set<String> result = new TreeSet<>(from);
    result.removeAll(remove);
    return result;
  }
}
