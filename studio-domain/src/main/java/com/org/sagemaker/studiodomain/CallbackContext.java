package com.org.sagemaker.studiodomain;

import com.org.sagemaker.common.lifecycle.LifecycleContext;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * State carried between invocations of one operation. The call chains record there which SageMaker
 * calls were already made (so a re-invocation never creates a second domain) and how many
 * stabilization checks ran.
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

  /** Create: domains duplicated by a retried CreateDomain were looked for and deleted. */
  private boolean duplicatesChecked;

  /** Delete: no user profiles or spaces were found in the domain before DeleteDomain. */
  private boolean dependentsChecked;

  /** Update: no app stands in the way of the settings this update changes. */
  private boolean appsChecked;
}
