package com.org.sagemaker.common.lifecycle;

/**
 * One Describe of a resource, with what every wait reads from it. SageMaker's domain, user-profile
 * and space statuses share one vocabulary (see {@link com.org.sagemaker.common.Stabilization}).
 */
public record Described<D>(D response, String status, String failureReason, String arn) {}
