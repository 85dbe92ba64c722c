package com.org.sagemaker.common.lifecycle;

import java.util.function.BiConsumer;
import java.util.function.Function;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.cloudformation.proxy.ProxyClient;

/**
 * One SageMaker call for a resource: its name in the call chain (under which the callback context
 * remembers its response, so a re-invocation never repeats it), the request built from the model,
 * the client operation that sends it, and what the response tells the model (a new domain's id).
 */
public record SageMakerCall<M, Q extends AwsRequest, R extends AwsResponse>(
    String name,
    Function<M, Q> request,
    Function<SageMakerClient, Function<Q, R>> operation,
    BiConsumer<M, R> onResponse) {

  /** A call whose response tells the model nothing. */
  public static <M, Q extends AwsRequest, R extends AwsResponse> SageMakerCall<M, Q, R> of(
      final String name,
      final Function<M, Q> request,
      final Function<SageMakerClient, Function<Q, R>> operation) {
    return new SageMakerCall<>(name, request, operation, (model, response) -> {});
  }

  /** Sends {@code request} with the caller's credentials. */
  public R invoke(final ProxyClient<SageMakerClient> client, final Q request) {
    return client.injectCredentialsAndInvokeV2(request, operation.apply(client.client()));
  }
}
