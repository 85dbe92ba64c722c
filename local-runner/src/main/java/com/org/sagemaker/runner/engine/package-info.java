/**
 * Running stack operations as CloudFormation does: {@link com.org.sagemaker.runner.engine.Deployer}
 * (stack statuses and events around an operation), the {@link
 * com.org.sagemaker.runner.engine.Execution} of a change set, its {@link
 * com.org.sagemaker.runner.engine.Rollback}, {@link com.org.sagemaker.runner.engine.Deletions}, the
 * discrete-event {@link com.org.sagemaker.runner.engine.Scheduler} on a {@link
 * com.org.sagemaker.runner.engine.Timeline}, one handler operation ({@link
 * com.org.sagemaker.runner.engine.ResourceOperation}), and the handler protocol itself ({@link
 * com.org.sagemaker.runner.engine.HandlerInvoker}, the Lambda context, the handlers' tmpdir).
 *
 * <p>May use: {@code template}, {@code types}, {@code standins}, {@code state}, {@code changeset}.
 * It asks the registry ({@code types}) about a type and never names one. Continuing a failed
 * rollback, when the runner gets it, belongs here.
 */
package com.org.sagemaker.runner.engine;
