/**
 * The change set: what deploying a template would do to a stack, from the template and the saved
 * state alone ({@link com.org.sagemaker.runner.changeset.Planner}, {@link
 * com.org.sagemaker.runner.changeset.Plan}), printed as a table or as describe-change-set's JSON;
 * and {@code validate}, the same offline evaluation with each handled resource checked as its
 * handler would check it.
 *
 * <p>May use: {@code template}, {@code types}, {@code standins}, {@code state}. Nothing here runs a
 * handler.
 */
package com.org.sagemaker.runner.changeset;
