package com.org.sagemaker.studiouserprofile;

import com.org.sagemaker.common.lifecycle.LifecycleContext;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * State carried between invocations of one operation; the call chains also record there which
 * SageMaker calls were already made, so a re-invocation never creates a second profile.
 */
@lombok.Getter
@lombok.Setter
@lombok.ToString
@lombok.EqualsAndHashCode(callSuper = true)
public class CallbackContext extends StdCallbackContext implements LifecycleContext {

  private long startedAtMillis;
  private long invokedAtMillis;
  private long waitedSeconds;

  /** Create: this operation's create call succeeded (see LifecycleContext). */
  private boolean created;

  /** Create: no profile of this name that another operation made was found. */
  private boolean nameChecked;

  /** Create: the domain was found InService and fit for this profile. */
  private boolean domainChecked;

  /** Delete: the profile's apps and private spaces are gone. */
  private boolean cleanupDone;
}
