package com.org.sagemaker.common;

import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.cloudformation.LambdaWrapper;

/**
 * The one SageMaker client of a handler process, built on first use and reused across invocations.
 * Credentials are injected per call by the proxy; region and endpoint come from the SDK's standard
 * settings (AWS_REGION; AWS_ENDPOINT_URL_SAGEMAKER or the system property
 * aws.endpointUrlSageMaker), which is also how a local SageMaker emulator is reached.
 */
public final class SageMakerClients {

  private SageMakerClients() {}

  private static final class Holder {
    private static final SageMakerClient CLIENT =
        SageMakerClient.builder().httpClient(LambdaWrapper.HTTP_CLIENT).build();
  }

  public static SageMakerClient shared() {
    return Holder.CLIENT;
  }
}
