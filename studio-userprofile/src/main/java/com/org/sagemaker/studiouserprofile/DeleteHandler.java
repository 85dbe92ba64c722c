package com.org.sagemaker.studiouserprofile;

import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.cloudformation.Action;

/**
 * Deletes the profile's apps and private spaces, then the profile: see {@link
 * com.org.sagemaker.common.lifecycle.Lifecycle} and {@link AppCleanup}.
 */
public class DeleteHandler extends BaseHandlerStd {

  public DeleteHandler() {
    super(Action.DELETE);
  }

  DeleteHandler(final ProfileTimings timings, final Supplier<SageMakerClient> client) {
    super(Action.DELETE, timings, client);
  }
}
