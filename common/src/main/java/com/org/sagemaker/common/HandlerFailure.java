package com.org.sagemaker.common;

import software.amazon.cloudformation.exceptions.BaseHandlerException;
import software.amazon.cloudformation.proxy.HandlerErrorCode;

/** Ends a handler with an exact error code and a message written for the template's author. */
public final class HandlerFailure extends BaseHandlerException {

  private static final long serialVersionUID = 1L;

  public HandlerFailure(final HandlerErrorCode code, final String message) {
    super(message, code);
  }
}
