package com.org.sagemaker.common;

import static com.org.sagemaker.common.HandlerTestSupport.serviceError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;

class ErrorRulesTest {

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(
            Action.READ,
            serviceError(400, "ResourceNotFound", "Domain d-1 not found"),
            HandlerErrorCode.NotFound),
        // Only the resource's own ResourceNotFound is NotFound: a missing subnet, role or image,
        // reported as ValidationException, is an invalid request.
        Arguments.of(
            Action.DELETE,
            serviceError(400, "ValidationException", "Subnet subnet-1 does not exist"),
            HandlerErrorCode.InvalidRequest),
        Arguments.of(
            Action.UPDATE,
            serviceError(400, "ValidationException", "Could not find image arn:aws:sagemaker:x"),
            HandlerErrorCode.InvalidRequest),
        Arguments.of(
            Action.UPDATE,
            serviceError(400, "ResourceNotFound", "User profile a does not exist"),
            HandlerErrorCode.NotFound),
        Arguments.of(
            Action.CREATE,
            serviceError(400, "ResourceNotFound", "Domain d-1 does not exist"),
            HandlerErrorCode.InvalidRequest),
        Arguments.of(
            Action.CREATE,
            serviceError(400, "ValidationException", "Subnet ids are invalid"),
            HandlerErrorCode.InvalidRequest),
        Arguments.of(
            Action.CREATE,
            serviceError(400, "ResourceInUse", "already exists"),
            HandlerErrorCode.AlreadyExists),
        Arguments.of(
            Action.UPDATE,
            serviceError(400, "ResourceInUse", "is updating"),
            HandlerErrorCode.ResourceConflict),
        Arguments.of(
            Action.DELETE,
            serviceError(400, "ResourceInUse", "has user profiles"),
            HandlerErrorCode.ResourceConflict),
        Arguments.of(
            Action.CREATE,
            serviceError(400, "ResourceLimitExceeded", "limit"),
            HandlerErrorCode.ServiceLimitExceeded),
        Arguments.of(
            Action.READ,
            serviceError(400, "ThrottlingException", "Rate exceeded"),
            HandlerErrorCode.Throttling),
        Arguments.of(
            Action.LIST,
            serviceError(400, "AccessDeniedException", "no"),
            HandlerErrorCode.AccessDenied),
        Arguments.of(
            Action.READ,
            serviceError(400, "ExpiredTokenException", "expired"),
            HandlerErrorCode.InvalidCredentials),
        Arguments.of(
            Action.READ,
            serviceError(503, "ServiceUnavailable", "down"),
            HandlerErrorCode.ServiceInternalError),
        Arguments.of(
            Action.READ,
            serviceError(500, "InternalFailure", "oops"),
            HandlerErrorCode.ServiceInternalError),
        Arguments.of(
            Action.UPDATE, serviceError(400, "SomethingNew", "?"), HandlerErrorCode.InvalidRequest),
        Arguments.of(
            Action.READ,
            SdkClientException.create("connection refused"),
            HandlerErrorCode.NetworkFailure),
        Arguments.of(
            Action.READ, new IllegalStateException("bug"), HandlerErrorCode.InternalFailure),
        Arguments.of(
            Action.READ,
            new HandlerFailure(HandlerErrorCode.NotUpdatable, "x"),
            HandlerErrorCode.NotUpdatable));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("table")
  void classifiesPerAction(
      final Action action, final Exception error, final HandlerErrorCode expected) {
    assertThat(ErrorRules.classify(action, error)).isEqualTo(expected);
  }

  @Test
  void throttledMutationsAreRetriedByReinvocation() {
    final ProgressEvent<String, String> event =
        ErrorRules.handle(
            Action.CREATE, serviceError(400, "ThrottlingException", "slow down"), "model", "ctx");
    assertThat(event.getStatus()).isEqualTo(OperationStatus.IN_PROGRESS);
    assertThat(event.getCallbackDelaySeconds()).isBetween(1, 15);
    assertThat(event.getResourceModel()).isEqualTo("model");
    assertThat(event.getCallbackContext()).isEqualTo("ctx");
  }

  @Test
  void throttlingRetriesAreSpreadOverOneToFifteenSeconds() {
    final Random seeded = new Random(13);
    final Map<Integer, Integer> delays = new TreeMap<>();
    for (int i = 0; i < 1_500; i++) {
      delays.merge(ErrorRules.throttlingRetrySeconds(seeded), 1, Integer::sum);
    }
    // Every whole second from 1 to 15, each about equally often: never all at one moment.
    assertThat(delays.keySet())
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 15).boxed().toList());
    assertThat(delays.values()).allSatisfy(count -> assertThat(count).isBetween(60, 140));
  }

  @Test
  void throttledReadsFailBecauseReadsMustAnswerAtOnce() {
    final ProgressEvent<String, String> event =
        ErrorRules.handle(
            Action.READ, serviceError(400, "ThrottlingException", "slow down"), "model", "ctx");
    assertThat(event.getStatus()).isEqualTo(OperationStatus.FAILED);
    assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.Throttling);
  }

  @Test
  void failuresCarrySageMakersCodeAndMessage() {
    final ProgressEvent<String, String> event =
        ErrorRules.handle(
            Action.CREATE,
            serviceError(400, "ResourceLimitExceeded", "The account-level limit is 1."),
            null,
            null);
    assertThat(event.getStatus()).isEqualTo(OperationStatus.FAILED);
    assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.ServiceLimitExceeded);
    assertThat(event.getMessage())
        .isEqualTo("SageMaker ResourceLimitExceeded: The account-level limit is 1.");
  }

  @Test
  void messagesOfOtherErrorsAreTheirOwn() {
    assertThat(ErrorRules.message(new IllegalStateException("bad state"))).isEqualTo("bad state");
    assertThat(ErrorRules.message(new IllegalStateException())).isEqualTo("IllegalStateException");
  }

  @Test
  void onlySageMakerErrorsCanBeNotFound() {
    assertThat(ErrorRules.isNotFound(new IllegalStateException("does not exist"))).isFalse();
    assertThat(ErrorRules.isNotFound(serviceError(400, "ValidationException", null))).isFalse();
  }
}
