package com.org.sagemaker.studiodomain;

import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.cloudformation.Action;

/**
 * DeleteDomain with its RetentionPolicy once nothing else is in it: see {@link
 * com.org.sagemaker.common.lifecycle.Lifecycle} and {@link DomainType}.
 */
public class DeleteHandler extends BaseHandlerStd {

  public DeleteHandler() {
    super(Action.DELETE);
  }

  DeleteHandler(final DomainTimings timings, final Supplier<SageMakerClient> client) {
    super(Action.DELETE, timings, client);
  }
}
