package com.org.sagemaker.common;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.exceptions.BaseHandlerException;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * How a SageMaker error becomes a CloudFormation error code, per handler action: the one table
 * every handler of both types uses. The first rule that matches wins.
 */
public final class ErrorRules {

  /**
   * The longest callback delay after throttling: a throttled create, update or delete is retried by
   * re-invocation after a whole number of seconds drawn uniformly from 1 to this ("full jitter",
   * AWS Architecture Blog, "Exponential Backoff And Jitter"). A fixed delay sent every operation
   * throttled at one moment back at the same later moment, to meet the same empty token bucket;
   * spread over the same span they draw on its refill. docs/performance.md (scale) measures both.
   */
  public static final Duration THROTTLING_RETRY_MAX = Duration.ofSeconds(15);

  private static final Set<Action> ALL = EnumSet.allOf(Action.class);
  private static final Set<Action> MUTATING =
      EnumSet.of(Action.CREATE, Action.UPDATE, Action.DELETE);

  private record Rule(Predicate<Exception> matches, Set<Action> actions, HandlerErrorCode code) {}

  private static final List<Rule> RULES =
      List.of(
          new Rule(
              ErrorRules::isNotFound,
              EnumSet.complementOf(EnumSet.of(Action.CREATE)),
              HandlerErrorCode.NotFound),
          // On create, "not found" means something the model refers to (a domain) is missing.
          new Rule(
              ErrorRules::isNotFound, EnumSet.of(Action.CREATE), HandlerErrorCode.InvalidRequest),
          new Rule(
              code("ResourceInUse"), EnumSet.of(Action.CREATE), HandlerErrorCode.AlreadyExists),
          new Rule(code("ResourceInUse"), ALL, HandlerErrorCode.ResourceConflict),
          new Rule(code("ResourceLimitExceeded"), ALL, HandlerErrorCode.ServiceLimitExceeded),
          new Rule(ErrorRules::isThrottling, ALL, HandlerErrorCode.Throttling),
          new Rule(
              code("AccessDeniedException", "AccessDenied", "NotAuthorized"),
              ALL,
              HandlerErrorCode.AccessDenied),
          new Rule(
              code(
                  "UnrecognizedClientException",
                  "InvalidClientTokenId",
                  "ExpiredTokenException",
                  "InvalidSignatureException",
                  "IncompleteSignature",
                  "MissingAuthenticationToken"),
              ALL,
              HandlerErrorCode.InvalidCredentials),
          new Rule(status(500, 599), ALL, HandlerErrorCode.ServiceInternalError),
          new Rule(status(400, 499), ALL, HandlerErrorCode.InvalidRequest),
          new Rule(e -> e instanceof SdkClientException, ALL, HandlerErrorCode.NetworkFailure));

  private ErrorRules() {}

  /** The CloudFormation error code for {@code exception} raised during {@code action}. */
  public static HandlerErrorCode classify(final Action action, final Exception exception) {
    if (exception instanceof BaseHandlerException handlerException) {
      return handlerException.getErrorCode();
    }
    return RULES.stream()
        .filter(rule -> rule.actions().contains(action) && rule.matches().test(exception))
        .map(Rule::code)
        .findFirst()
        .orElse(HandlerErrorCode.InternalFailure);
  }

  /**
   * The progress event for a failed call: throttling of a create, update or delete is retried by
   * re-invocation; everything else fails with its code and SageMaker's own message.
   */
  public static <M, C> ProgressEvent<M, C> handle(
      final Action action, final Exception exception, final M model, final C context) {
    final HandlerErrorCode code = classify(action, exception);
    if (code == HandlerErrorCode.Throttling && MUTATING.contains(action)) {
      return ProgressEvent.defaultInProgressHandler(
          context, throttlingRetrySeconds(ThreadLocalRandom.current()), model);
    }
    return ProgressEvent.failed(model, context, code, message(exception));
  }

  /**
   * The callback delay after throttling, from 1 to {@link #THROTTLING_RETRY_MAX} seconds: never 0,
   * which would mean "carry on now" ({@link Backoff#MINIMUM}).
   */
  static int throttlingRetrySeconds(final RandomGenerator random) {
    return 1 + random.nextInt((int) THROTTLING_RETRY_MAX.toSeconds());
  }

  /** SageMaker's message with its error code, never the request. */
  public static String message(final Exception exception) {
    if (exception instanceof AwsServiceException service && service.awsErrorDetails() != null) {
      return String.format(
          "SageMaker %s: %s",
          service.awsErrorDetails().errorCode(), service.awsErrorDetails().errorMessage());
    }
    return exception.getMessage() == null
        ? exception.getClass().getSimpleName()
        : exception.getMessage();
  }

  /**
   * The resource asked for is missing: SageMaker's ResourceNotFound, the error its Describe, Update
   * and Delete calls declare for it. A ValidationException never is, whatever its message: a
   * missing subnet, role or image is an invalid request, not a missing resource.
   */
  public static boolean isNotFound(final Exception exception) {
    return exception instanceof AwsServiceException service
        && "ResourceNotFound".equals(errorCode(service));
  }

  private static boolean isThrottling(final Exception exception) {
    return exception instanceof AwsServiceException service
        && (service.isThrottlingException()
            || errorCode(service).toLowerCase(Locale.ROOT).contains("throttl"));
  }

  private static Predicate<Exception> code(final String... codes) {
    final Set<String> accepted = Set.of(codes);
    return e -> e instanceof AwsServiceException service && accepted.contains(errorCode(service));
  }

  private static Predicate<Exception> status(final int from, final int to) {
    return e ->
        e instanceof AwsServiceException service
            && service.statusCode() >= from
            && service.statusCode() <= to;
  }

  private static String errorCode(final AwsServiceException service) {
    return service.awsErrorDetails() == null || service.awsErrorDetails().errorCode() == null
        ? ""
        : service.awsErrorDetails().errorCode();
  }
}
