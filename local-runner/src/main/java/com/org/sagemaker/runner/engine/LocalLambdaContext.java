package com.org.sagemaker.runner.engine;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** What the Lambda runtime hands a handler; only the logger matters to the wrapper. */
final class LocalLambdaContext implements Context {

  private final String typeName;
  private final LambdaLogger logger;

  LocalLambdaContext(final String typeName, final LambdaLogger logger) {
    this.typeName = typeName;
    this.logger = logger;
  }

  @Override
  public String getAwsRequestId() {
    return "local";
  }

  @Override
  public String getLogGroupName() {
    return "local";
  }

  @Override
  public String getLogStreamName() {
    return "local";
  }

  @Override
  public String getFunctionName() {
    return typeName.replace("::", "-");
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "local";
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  /** CloudFormation allows a create, update or delete invocation 60 seconds. */
  @Override
  public int getRemainingTimeInMillis() {
    return 60_000;
  }

  @Override
  public int getMemoryLimitInMB() {
    return 256;
  }

  @Override
  public LambdaLogger getLogger() {
    return logger;
  }
}
