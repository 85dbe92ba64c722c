package com.org.sagemaker.studiodomain;

import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.cloudformation.Action;

/** DescribeDomain plus ListTags: see {@link com.org.sagemaker.common.lifecycle.Lifecycle}. */
public class ReadHandler extends BaseHandlerStd {

  public ReadHandler() {
    super(Action.READ);
  }

  ReadHandler(final DomainTimings timings, final Supplier<SageMakerClient> client) {
    super(Action.READ, timings, client);
  }
}
