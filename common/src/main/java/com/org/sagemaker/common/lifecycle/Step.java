package com.org.sagemaker.common.lifecycle;

import com.org.sagemaker.common.ErrorRules;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;

/**
 * A step only one type has (a profile's app clean-up, a domain's duplicate clean-up), run in the
 * shared chain: it returns {@code progress} to go on, or an IN_PROGRESS or FAILED event to stop
 * there. It runs again on every invocation; {@link #once} makes it a step done once.
 */
@FunctionalInterface
public interface Step<M, C> {

  ProgressEvent<M, C> apply(
      ProxyClient<SageMakerClient> client, ProgressEvent<M, C> progress, Logger logger);

  /**
   * {@code body} as a step done once per operation: skipped once {@code done} says so, and marked
   * done ({@code markDone}) as soon as it lets the chain go on; until then (it waits, or it failed)
   * it runs again on the next invocation. A SageMaker error in it is classified for {@code action}:
   * a throttled call is retried by re-invocation.
   */
  static <M, C> Step<M, C> once(
      final Action action,
      final Predicate<C> done,
      final Consumer<C> markDone,
      final Step<M, C> body) {
    return (client, progress, logger) -> {
      final C context = progress.getCallbackContext();
      if (done.test(context)) {
        return progress;
      }
      final ProgressEvent<M, C> next;
      try {
        next = body.apply(client, progress, logger);
      } catch (final SdkException e) {
        return ErrorRules.handle(action, e, progress.getResourceModel(), context);
      }
      if (next.canContinueProgress()) {
        markDone.accept(context);
      }
      return next;
    };
  }
}
