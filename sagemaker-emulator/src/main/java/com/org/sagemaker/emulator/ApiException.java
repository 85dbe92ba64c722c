package com.org.sagemaker.emulator;

/** An error as SageMaker returns it: HTTP status, the `__type` code and a message. */
public final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  public ApiException(final int status, final String code, final String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  static ApiException validation(final String message) {
    return new ApiException(400, "ValidationException", message);
  }

  static ApiException notFound(final String message) {
    return new ApiException(400, "ResourceNotFound", message);
  }

  static ApiException inUse(final String message) {
    return new ApiException(400, "ResourceInUse", message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
