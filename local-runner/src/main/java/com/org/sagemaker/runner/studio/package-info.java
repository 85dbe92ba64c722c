/**
 * What knows SageMaker and this project's two types: their registration with the runner's registry
 * of types ({@link com.org.sagemaker.runner.studio.StudioTypes}: handlers, schemas, model classes,
 * DomainRules/ProfileRules), the wrapper's schema validation run offline ({@code InputCheck}), and
 * where the handlers' SageMaker calls go ({@link com.org.sagemaker.runner.studio.Target}: the
 * embedded emulator or AWS).
 *
 * <p>May use: {@code template}, {@code types}, {@code state}, {@code engine}; the handlers, the
 * emulator and the AWS SDK. Nothing below it ({@code template}, {@code types}, {@code state},
 * {@code changeset}, {@code engine}, {@code importing}) may use it.
 */
package com.org.sagemaker.runner.studio;
