package com.org.sagemaker.runner;

/** A template the runner cannot deploy, with where in it the problem is. */
public final class TemplateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TemplateException(final String location, final String message) {
    super(location + ": " + message);
  }
}
