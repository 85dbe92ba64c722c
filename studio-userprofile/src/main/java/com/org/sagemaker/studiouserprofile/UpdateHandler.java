package com.org.sagemaker.studiouserprofile;

import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.cloudformation.Action;

/**
 * UpdateUserProfile with the new UserSettings, then tags: see {@link
 * com.org.sagemaker.common.lifecycle.Lifecycle}.
 */
public class UpdateHandler extends BaseHandlerStd {

  public UpdateHandler() {
    super(Action.UPDATE);
  }

  UpdateHandler(final ProfileTimings timings, final Supplier<SageMakerClient> client) {
    super(Action.UPDATE, timings, client);
  }
}
