package com.org.sagemaker.studiouserprofile;

import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.cloudformation.Action;

/** DescribeUserProfile plus ListTags: see {@link com.org.sagemaker.common.lifecycle.Lifecycle}. */
public class ReadHandler extends BaseHandlerStd {

  public ReadHandler() {
    super(Action.READ);
  }

  ReadHandler(final ProfileTimings timings, final Supplier<SageMakerClient> client) {
    super(Action.READ, timings, client);
  }
}
