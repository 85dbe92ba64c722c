package com.org.sagemaker.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.proxy.HandlerErrorCode;

class SchemaDefaultsTest {

  private static final SchemaDefaults DEFAULTS =
      new SchemaDefaults(
          new JSONObject(
              """
              {"properties": {
                 "Mode": {"type": "string", "default": "OFF"},
                 "Name": {"type": "string"},
                 "Secret": {"type": "boolean", "default": true},
                 "Settings": {"$ref": "#/definitions/Settings"},
                 "Other": {"$ref": "#/definitions/Plain"}},
               "definitions": {
                 "Settings": {"type": "object", "properties": {
                   "Portal": {"type": "string", "default": "ENABLED"},
                   "Paths": {"type": "array", "default": []},
                   "Role": {"type": "string"},
                   "Nested": {"$ref": "#/definitions/Nested"}}},
                 "Nested": {"type": "object", "properties": {
                   "Level": {"type": "string", "default": "User"}}},
                 "Plain": {"type": "object", "properties": {"X": {"type": "string"}}}},
               "writeOnlyProperties": ["/properties/Secret"]}
              """));

  private static final List<String> SETTINGS = List.of("Mode", "Settings", "Other");

  private final List<String> LOG = new java.util.ArrayList<>();

  private static ObjectNode json(final String text) {
    try {
      return (ObjectNode) SdkJson.MODEL_MAPPER.readTree(text);
    } catch (final com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void aReadFillsEveryDefaultCreatingParentsButNothingElse() {
    final ObjectNode model = json("{\"Name\": \"n\", \"Settings\": {\"Portal\": \"DISABLED\"}}");
    DEFAULTS.fill(model);
    assertThat(model)
        .isEqualTo(
            json(
                "{\"Name\": \"n\", \"Mode\": \"OFF\", \"Settings\": {\"Portal\": \"DISABLED\","
                    + " \"Paths\": [], \"Nested\": {\"Level\": \"User\"}}}"));
  }

  @Test
  void aRemovedSettingWithADefaultIsSentAsItsDefault() {
    final ObjectNode reset =
        DEFAULTS.resetRemoved(
            json(
                "{\"Mode\": \"ON\", \"Name\": \"n\", \"Settings\": {\"Portal\": \"DISABLED\","
                    + " \"Nested\": {\"Level\": \"Admin\"}, \"Paths\": [\"/a\"]}}"),
            json("{\"Name\": \"n\", \"Settings\": {\"Paths\": [\"/b\"]}}"),
            SETTINGS,
            false,
            LOG::add);
    assertThat(reset)
        .isEqualTo(
            json(
                "{\"Name\": \"n\", \"Mode\": \"OFF\", \"Settings\": {\"Paths\": [\"/b\"],"
                    + " \"Portal\": \"ENABLED\", \"Nested\": {\"Level\": \"User\"}}}"));
  }

  @Test
  void aWholeObjectRemovedResetsEachOfItsSettings() {
    assertThat(
            DEFAULTS.resetRemoved(
                json("{\"Settings\": {\"Portal\": \"DISABLED\", \"Paths\": [\"/a\"]}}"),
                json("{}"),
                SETTINGS,
                false,
                LOG::add))
        .isEqualTo(json("{\"Settings\": {\"Portal\": \"ENABLED\", \"Paths\": []}}"));
  }

  @Test
  void aRemovedSettingWithoutADefaultFailsBeforeAnyCallNamingIt() {
    assertThatThrownBy(
            () ->
                DEFAULTS.resetRemoved(
                    json("{\"Settings\": {\"Role\": \"r\"}, \"Other\": {\"X\": \"x\"}}"),
                    json("{}"),
                    SETTINGS,
                    false,
                    LOG::add))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest))
        .hasMessageStartingWith("Settings.Role, Other.X removed from the template")
        .hasMessageContaining("Set each to the value you want");
    assertThatThrownBy(
            () ->
                DEFAULTS.resetRemoved(
                    json("{\"Other\": {\"X\": \"x\"}}"), json("{}"), SETTINGS, false, LOG::add))
        .hasMessageContaining("Set it to the value you want");
  }

  @Test
  void onlyTheSettingsAreLookedAt() {
    assertThat(
            DEFAULTS.resetRemoved(json("{\"Name\": \"n\"}"), json("{}"), SETTINGS, false, LOG::add))
        .isEqualTo(json("{}"));
    assertThat(
            DEFAULTS.resetRemoved(json("{\"Mode\": null}"), json("{}"), SETTINGS, false, LOG::add))
        .isEqualTo(json("{}"));
  }

  @Test
  void aValueSageMakerFillsInIsNoRemovalAndChangesNothing() {
    final ObjectNode previous = json("{\"Settings\": {\"Portal\": \"ENABLED\", \"Role\": \"r\"}}");
    assertThat(
            DEFAULTS.resetRemoved(
                previous, json("{\"Settings\": {\"Role\": \"r\"}}"), SETTINGS, false, LOG::add))
        .isEqualTo(previous);
    assertThat(LOG).isEmpty();
  }

  @Test
  void aRollbackKeepsWhatCannotBeUnsetAndLogsIt() {
    final ObjectNode reset =
        DEFAULTS.resetRemoved(
            json("{\"Mode\": \"ON\", \"Settings\": {\"Role\": \"r\"}, \"Other\": {\"X\": \"x\"}}"),
            json("{}"),
            SETTINGS,
            true,
            LOG::add);
    assertThat(reset)
        .isEqualTo(
            json(
                "{\"Mode\": \"OFF\", \"Settings\": {\"Role\": \"r\"}, \"Other\": {\"X\": \"x\"}}"));
    assertThat(LOG)
        .singleElement()
        .asString()
        .contains("Settings.Role, Other.X")
        .startsWith("Rollback: keeping");
  }

  @Test
  void aConditionalDefaultHoldsOnlyWhenItsSiblingsAllowIt() {
    final SchemaDefaults landing =
        new SchemaDefaults(
                new JSONObject(
                    """
                    {"properties": {"User": {"type": "object", "properties": {
                       "Portal": {"type": "string", "default": "ENABLED"},
                       "Landing": {"type": "string", "default": "studio::"}}}}}
                    """))
            .onlyWhen("User.Landing", user -> !"DISABLED".equals(user.path("Portal").asText()));
    final ObjectNode enabled = json("{}");
    landing.fill(enabled);
    assertThat(enabled)
        .isEqualTo(json("{\"User\": {\"Portal\": \"ENABLED\", \"Landing\": \"studio::\"}}"));
    final ObjectNode disabled = json("{\"User\": {\"Portal\": \"DISABLED\"}}");
    landing.fill(disabled);
    assertThat(disabled).isEqualTo(json("{\"User\": {\"Portal\": \"DISABLED\"}}"));
    assertThat(
            landing.resetRemoved(
                json("{\"User\": {\"Landing\": \"studio::\"}}"),
                json("{\"User\": {}}"),
                List.of("User"),
                false,
                LOG::add))
        .isEqualTo(json("{\"User\": {\"Landing\": \"studio::\"}}"));
    assertThatThrownBy(
            () ->
                landing.resetRemoved(
                    json("{\"User\": {\"Landing\": \"app:JupyterServer:\"}}"),
                    json("{\"User\": {\"Portal\": \"DISABLED\"}}"),
                    List.of("User"),
                    false,
                    LOG::add))
        .hasMessageStartingWith("User.Landing removed");
  }

  @Test
  void aReadNeverFillsWriteOnlyProperties() {
    final ObjectNode model = json("{}");
    DEFAULTS.fill(model);
    assertThat(model.has("Secret")).isFalse();
    assertThat(model.get("Mode").asText()).isEqualTo("OFF");
  }
}
