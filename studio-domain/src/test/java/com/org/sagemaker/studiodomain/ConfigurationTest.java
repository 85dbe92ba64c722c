package com.org.sagemaker.studiodomain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest extends DomainTestBase {

  private final Configuration configuration = new Configuration();

  @Test
  void resourceDefinedTagsAreTheTagsProperty() {
    assertThat(configuration.resourceDefinedTags(modelWithId()))
        .containsExactly(Map.entry("team", "ml"));
    assertThat(configuration.resourceDefinedTags(ResourceModel.builder().build())).isNull();
    assertThat(configuration.resourceDefinedTags(null)).isNull();
  }

  @Test
  void loadsTheSchemaFromTheClasspath() {
    assertThat(configuration.resourceSchemaJSONObject().getString("typeName"))
        .isEqualTo(ResourceModel.TYPE_NAME);
  }
}
