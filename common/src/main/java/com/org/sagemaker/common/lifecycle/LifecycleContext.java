package com.org.sagemaker.common.lifecycle;

import com.org.sagemaker.common.OperationTimer;

/**
 * What the shared lifecycle keeps in a type's callback context, besides the call chains' records.
 */
public interface LifecycleContext extends OperationTimer {

  /**
   * Create: this operation's create call succeeded, or found the resource this operation made
   * earlier. Until then a failed create reports no model: see {@link Lifecycle}.
   */
  boolean isCreated();

  void setCreated(boolean created);
}
