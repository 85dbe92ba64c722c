package com.org.sagemaker.runner.template;

/**
 * The stack a template is evaluated for: what its pseudo parameters (AWS::StackName, AWS::Region,
 * ...) and its stand-ins' generated names and ARNs are made of.
 */
public record StackIdentity(String name, String id, String region, String accountId) {}
