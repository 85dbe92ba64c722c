package com.org.sagemaker.studiouserprofile;

import java.util.ArrayList;
import java.util.List;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * State carried between invocations of one operation; the call chains also record there which
 * SageMaker calls were already made, so a re-invocation never creates a second profile.
 */
@lombok.Getter
@lombok.Setter
@lombok.ToString
@lombok.EqualsAndHashCode(callSuper = true)
public class CallbackContext extends StdCallbackContext {

  /** Create: the domain was found InService and fit for this profile. */
  private boolean domainChecked;

  /** Delete: the profile's apps and private spaces are gone. */
  private boolean cleanupDone;

  /** Delete: apps this operation asked SageMaker to delete, so a Failed one is reported. */
  private List<String> appDeletesRequested = new ArrayList<>();
}
