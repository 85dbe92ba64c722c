package com.org.sagemaker.studiodomain;

import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.cloudformation.Action;

/**
 * CreateDomain, then wait for InService: see {@link com.org.sagemaker.common.lifecycle.Lifecycle}
 * and {@link DomainType}.
 */
public class CreateHandler extends BaseHandlerStd {

  public CreateHandler() {
    super(Action.CREATE);
  }

  CreateHandler(final DomainTimings timings, final Supplier<SageMakerClient> client) {
    super(Action.CREATE, timings, client);
  }
}
