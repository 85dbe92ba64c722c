package com.org.sagemaker.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class SageMakerClientsTest {

  @Test
  void buildsOneClientPerProcessFromTheStandardSettings() {
    final String previous = System.getProperty("aws.region");
    System.setProperty("aws.region", "eu-west-1");
    try {
      assertThat(SageMakerClients.shared()).isSameAs(SageMakerClients.shared());
      assertThat(SageMakerClients.shared().serviceClientConfiguration().region())
          .isEqualTo(Region.EU_WEST_1);
    } finally {
      if (previous == null) {
        System.clearProperty("aws.region");
      } else {
        System.setProperty("aws.region", previous);
      }
    }
  }
}
