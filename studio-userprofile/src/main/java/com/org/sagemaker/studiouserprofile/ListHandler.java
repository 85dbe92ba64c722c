package com.org.sagemaker.studiouserprofile;

import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.cloudformation.Action;

/**
 * One page of ListUserProfiles, of the model's domain or of all: see {@link
 * com.org.sagemaker.common.lifecycle.Lifecycle}.
 */
public class ListHandler extends BaseHandlerStd {

  public ListHandler() {
    super(Action.LIST);
  }

  ListHandler(final ProfileTimings timings, final Supplier<SageMakerClient> client) {
    super(Action.LIST, timings, client);
  }
}
