package com.org.sagemaker.studiodomain;

import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.cloudformation.Action;

/**
 * UpdateDomain with what changed, then tags: see {@link
 * com.org.sagemaker.common.lifecycle.Lifecycle} and {@link DomainType}.
 */
public class UpdateHandler extends BaseHandlerStd {

  public UpdateHandler() {
    super(Action.UPDATE);
  }

  UpdateHandler(final DomainTimings timings, final Supplier<SageMakerClient> client) {
    super(Action.UPDATE, timings, client);
  }
}
