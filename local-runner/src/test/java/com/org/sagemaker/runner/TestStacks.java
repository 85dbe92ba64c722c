package com.org.sagemaker.runner;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.org.sagemaker.emulator.VirtualClock;
import com.org.sagemaker.runner.engine.Deployer;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import com.org.sagemaker.runner.engine.StackEvents;
import com.org.sagemaker.runner.engine.Timeline;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.TargetId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.function.Function;

/** A stack's invoker and deployer for tests: on a virtual clock, events into a buffer. */
public final class TestStacks {

  private TestStacks() {}

  /** The stack as its handlers see it, with test credentials. */
  public static HandlerInvoker.Stack credentialed(final StackState state, final TargetId where) {
    return new HandlerInvoker.Stack(
        state.stackName(),
        state.stackId(),
        where.region(),
        where.accountId(),
        new HandlerInvoker.Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI-secret", "session-token"));
  }

  /** An invoker of {@code handlers} (e.g. {@link FakeHandlers}) that waits on the clock. */
  public static HandlerInvoker invoker(
      final StackState state,
      final TargetId where,
      final VirtualClock clock,
      final Function<String, RequestStreamHandler> handlers) {
    return new HandlerInvoker(
        credentialed(state, where),
        Timeline.virtual(clock, clock::advance)::await,
        new EmulatedAws.CapturingLogger(new ArrayList<>()),
        500,
        handlers);
  }

  /** A deployer on the clock's virtual timeline, printing its events into {@code out}. */
  public static Deployer deployer(
      final HandlerInvoker invoker,
      final VirtualClock clock,
      final StringWriter out,
      final int workers) {
    return new Deployer(
        invoker,
        Timeline.virtual(clock, clock::advance),
        new StackEvents(new PrintWriter(out, true), clock::instant),
        workers);
  }
}
