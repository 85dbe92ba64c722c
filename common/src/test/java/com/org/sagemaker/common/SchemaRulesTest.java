package com.org.sagemaker.common;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.proxy.HandlerErrorCode;

class SchemaRulesTest {

  private final SchemaRules rules =
      new SchemaRules(
          new JSONObject(
              "{\"createOnlyProperties\": [\"/properties/Name\", \"/properties/Settings/Mode\"]}"));

  @Test
  void namesEveryChangedCreateOnlyProperty() {
    assertThatThrownBy(
            () ->
                rules.requireCreateOnlyUnchanged(
                    Map.of("Name", "a", "Settings", Map.of("Mode", "x")),
                    Map.of("Name", "b", "Settings", Map.of("Mode", "y"))))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.getErrorCode())
                    .isEqualTo(HandlerErrorCode.NotUpdatable))
        .hasMessageContaining("Name, Settings/Mode");
  }

  @Test
  void settingOrClearingACreateOnlyPropertyIsAChange() {
    assertThatThrownBy(() -> rules.requireCreateOnlyUnchanged(Map.of(), Map.of("Name", "a")))
        .hasMessageContaining("Name");
  }

  @Test
  void otherChangesAndFirstCreatesPass() {
    assertThatCode(
            () ->
                rules.requireCreateOnlyUnchanged(
                    Map.of("Name", "a", "Other", 1), Map.of("Name", "a", "Other", 2)))
        .doesNotThrowAnyException();
    assertThatCode(() -> rules.requireCreateOnlyUnchanged(null, Map.of("Name", "a")))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                new SchemaRules(new JSONObject("{}"))
                    .requireCreateOnlyUnchanged(Map.of("A", 1), Map.of()))
        .doesNotThrowAnyException();
  }
}
