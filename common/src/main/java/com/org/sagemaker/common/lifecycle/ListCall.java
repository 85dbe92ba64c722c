package com.org.sagemaker.common.lifecycle;

import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** One page of a type's List call: the request for a NextToken, and the page's models. */
public record ListCall<M, Q extends AwsRequest, R extends AwsResponse>(
    String name,
    Function<String, Q> request,
    Function<SageMakerClient, Function<Q, R>> operation,
    Function<R, List<M>> models,
    Function<R, String> nextToken) {}
