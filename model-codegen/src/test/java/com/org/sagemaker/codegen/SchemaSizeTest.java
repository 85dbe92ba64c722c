package com.org.sagemaker.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * `cfn validate`, `generate`, `test` and `submit` refuse a schema over the CLI's 60 KiB ({@link
 * CliSchemaSize}). Each type's schema keeps under 56 KiB, a margin for the members SageMaker adds
 * next; what removing a property does lives in docs/removed-properties.md, not in descriptions.
 */
class SchemaSizeTest {

  /** 56 KiB, 4 KiB under the CLI's limit. */
  static final int BUDGET = 56 * 1024;

  @ParameterizedTest
  @ValueSource(strings = {"studio-domain", "studio-userprofile"})
  void eachSchemaIsWithinTheBudgetAsTheCliMeasuresIt(final String type) throws Exception {
    final int size = CliSchemaSize.of(TypeFiles.schemaOf(Path.of("..", type)));

    assertThat(size)
        .as(
            "%s schema as the CLI measures it (its limit: %d bytes; ours: %d)",
            type, CliSchemaSize.CLI_LIMIT, BUDGET)
        .isLessThanOrEqualTo(BUDGET)
        .isLessThan(CliSchemaSize.CLI_LIMIT);
  }

  /** Expected values printed once by Python 3.11: print(json.dumps(json.loads(source))). */
  @Test
  void serializesAsPythonsJsonDumps() throws Exception {
    final ObjectMapper json = new ObjectMapper();

    assertThat(
            CliSchemaSize.dumps(
                json.readTree(
                    "{\"s\": \"\\u00e9\\n\\\"\\\\\\u0001~\\u007f\\ud83d\\ude00/\\t\\r\\b\\f\","
                        + " \"k\\u00e9y\": 1}")))
        .isEqualTo(
            "{\"s\": \"\\u00e9\\n\\\"\\\\\\u0001~\\u007f\\ud83d\\ude00/\\t\\r\\b\\f\","
                + " \"k\\u00e9y\": 1}");
    assertThat(
            CliSchemaSize.dumps(
                json.readTree(
                    "{\"b\":\"first\",\"a\":[1,true,null,-0,12345678901234567890],"
                        + "\"e\":{},\"l\":[],\"b\":\"last wins\"}")))
        .isEqualTo(
            "{\"b\": \"last wins\", \"a\": [1, true, null, 0, 12345678901234567890],"
                + " \"e\": {}, \"l\": []}");
  }

  @Test
  void aFloatIsRefusedRatherThanGuessed() {
    assertThatThrownBy(() -> CliSchemaSize.dumps(new ObjectMapper().readTree("{\"x\": 1.5}")))
        .hasMessageContaining("not ported");
  }
}
