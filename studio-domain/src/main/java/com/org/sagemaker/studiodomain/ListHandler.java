package com.org.sagemaker.studiodomain;

import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.cloudformation.Action;

/**
 * One page of ListDomains per invocation: see {@link com.org.sagemaker.common.lifecycle.Lifecycle}.
 */
public class ListHandler extends BaseHandlerStd {

  public ListHandler() {
    super(Action.LIST);
  }

  ListHandler(final DomainTimings timings, final Supplier<SageMakerClient> client) {
    super(Action.LIST, timings, client);
  }
}
