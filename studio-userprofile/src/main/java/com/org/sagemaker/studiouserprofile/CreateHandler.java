package com.org.sagemaker.studiouserprofile;

import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.cloudformation.Action;

/**
 * CreateUserProfile once the name is free and the domain InService, then wait for InService: see
 * {@link com.org.sagemaker.common.lifecycle.Lifecycle} and {@link ProfileType}.
 */
public class CreateHandler extends BaseHandlerStd {

  public CreateHandler() {
    super(Action.CREATE);
  }

  CreateHandler(final ProfileTimings timings, final Supplier<SageMakerClient> client) {
    super(Action.CREATE, timings, client);
  }
}
