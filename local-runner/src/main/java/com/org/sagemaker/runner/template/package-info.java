/**
 * Templates: reading YAML (all short forms) and JSON, writing them back as YAML, the template's
 * structure, parameters, conditions, intrinsic functions and references, and a template evaluated
 * for one stack ({@link com.org.sagemaker.runner.template.StackContext}: which resources and
 * outputs exist, what each depends on, in what order). {@link
 * com.org.sagemaker.runner.template.TemplateException} is the runner's one error type.
 *
 * <p>May use: nothing else of the runner. What resources and their types give is asked through
 * {@code StackContext.ResourceValues} and {@code StackContext.AttributeCheck}, which callers
 * answer. New template functions (e.g. more of them in conditions) belong here.
 */
package com.org.sagemaker.runner.template;
