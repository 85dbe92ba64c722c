package com.org.sagemaker.common.lifecycle;

import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;

/**
 * A step only one type has (a profile's app clean-up, a domain's duplicate clean-up), run in the
 * shared chain: it returns {@code progress} to go on, or an IN_PROGRESS or FAILED event to stop
 * there. It runs again on every invocation, so it records in the context what it has done.
 */
@FunctionalInterface
public interface Step<M, C> {

  ProgressEvent<M, C> apply(
      ProxyClient<SageMakerClient> client, ProgressEvent<M, C> progress, Logger logger);
}
