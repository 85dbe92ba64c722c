package com.org.sagemaker.common;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contract-test inputs ({@code inputs/*.json}) as {@code cfn test} reads them: the file's text,
 * with each {@code {{Name}}} replaced by the value of the CloudFormation export {@code Name} of the
 * account and region under test, before the JSON is parsed and before anything validates it.
 * Source: cloudformation-cli {@code src/rpdk/core/test.py} {@code get_inputs} and {@code
 * render_template} (commit 698c385, version 0.2.39), and the CLI user guide, "Testing resource
 * types": {@code { "SubnetId": "{{SubnetExport}}" }}.
 *
 * <p>One difference, on purpose: where a name is not an export, the CLI logs a warning and tests
 * with {@code {"CREATE": {}}} instead of the file; here that is an error naming the missing
 * exports.
 */
public final class ContractTestInputs {

  /** The CLI's pattern: letters, digits, '-', ':' and white space, shortest match, trimmed. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([-A-Za-z0-9:\\s]+?)}}");

  /**
   * Plausible values for the exports of registration/test-domain.yaml, for checks that need
   * resolved inputs but no account, such as validating them against the schema.
   */
  public static final Map<String, String> EXAMPLE_EXPORTS =
      Map.of(
          "OrgSageMakerStudioTest-DomainId", "d-0123456789ab",
          "OrgSageMakerStudioTest-ExecutionRoleArn",
              "arn:aws:iam::123456789012:role/SageMakerStudioExecutionRole",
          "OrgSageMakerStudioTest-VpcId", "vpc-0123456789abcdef0",
          "OrgSageMakerStudioTest-SubnetId", "subnet-0123456789abcdef0");

  private ContractTestInputs() {}

  /** The export names a file's placeholders refer to. */
  public static Set<String> placeholders(final String text) {
    final Set<String> names = new TreeSet<>();
    final Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1).strip());
    }
    return names;
  }

  /** The text with every placeholder replaced by its export's value. */
  public static String render(final String text, final Map<String, String> exports) {
    final Set<String> missing = placeholders(text);
    missing.removeAll(exports.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          missing
              + " are not CloudFormation exports here (cfn test would warn and test with"
              + " {\"CREATE\": {}}); available: "
              + new TreeSet<>(exports.keySet()));
    }
    return PLACEHOLDER
        .matcher(text)
        .replaceAll(m -> Matcher.quoteReplacement(exports.get(m.group(1).strip())));
  }
}
