package com.org.sagemaker.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every rule the emulator enforces, by resource family; docs/emulator-rules.md lists them. */
public final class RuleBook {

  static final Map<String, List<Rule>> FAMILIES = families();

  private RuleBook() {}

  private static Map<String, List<Rule>> families() {
    final Map<String, List<Rule>> families = new LinkedHashMap<>();
    families.put("Domains", Domains.RULES);
    families.put("User profiles", UserProfiles.RULES);
    families.put("Apps", Apps.RULES);
    families.put("Spaces", Spaces.RULES);
    families.put("Tags", Tags.RULES);
    families.put("Members and paging", concat(Validation.RULES, Pages.RULES));
    families.put("Request rates", RateLimits.RULES);
    return families;
  }

  private static List<Rule> concat(final List<Rule> first, final List<Rule> second) {
    final List<Rule> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  static List<Rule> all() {
    return FAMILIES.values().stream().flatMap(List::stream).toList();
  }

  /** The rule book as the Markdown tables of docs/emulator-rules.md. */
  public static String markdown() {
    final StringBuilder out = new StringBuilder();
    FAMILIES.forEach(
        (family, rules) -> {
          out.append("### ").append(family).append("\n\n");
          out.append("| rule | what SageMaker does | error | evidence | source |\n");
          out.append("|---|---|---|---|---|\n");
          for (final Rule rule : rules) {
            out.append(
                String.format(
                    "| `%s` | %s | %s | %s | %s |%n",
                    rule.id(),
                    cell(rule.statement()),
                    rule.code() == null
                        ? "-"
                        : "`"
                            + rule.code()
                            + "`: "
                            + cell(rule.message().replace("%s", "…").replace("%d", "…")),
                    rule.evidence().label(),
                    cell(rule.source())));
          }
          out.append('\n');
        });
    return out.toString();
  }

  private static String cell(final String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
