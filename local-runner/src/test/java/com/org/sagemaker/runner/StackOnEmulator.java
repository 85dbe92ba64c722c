package com.org.sagemaker.runner;

import com.org.sagemaker.runner.changeset.Plan;
import com.org.sagemaker.runner.engine.Deployer;
import com.org.sagemaker.runner.engine.HandlerInvoker;
import com.org.sagemaker.runner.engine.StackEvents;
import com.org.sagemaker.runner.engine.Timeline;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.TargetId;
import com.org.sagemaker.runner.template.Template;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * One stack deployed through the real handlers on the shared emulator ({@link EmulatedAws}), on its
 * virtual clock: what the end-to-end tests of the runner's CloudFormation behaviour drive.
 */
public final class StackOnEmulator {

  public final EmulatedAws aws;
  public final TargetId where = TargetId.emulator();
  public final StackState state;
  public final StringWriter out = new StringWriter();
  private final Deployer deployer;

  public StackOnEmulator(final EmulatedAws aws, final String name, final int workers) {
    this.aws = aws;
    this.state = StackState.fresh(name, where);
    final Timeline timeline = Timeline.virtual(aws.clock, aws.clock::advance);
    final HandlerInvoker invoker =
        new HandlerInvoker(
            TestStacks.credentialed(state, where),
            timeline::await,
            new EmulatedAws.CapturingLogger(aws.handlerLogs),
            500);
    this.deployer =
        new Deployer(
            invoker,
            timeline,
            new StackEvents(new PrintWriter(out, true), aws.clock::instant),
            workers);
  }

  public Deployer.Outcome deploy(final String template, final Map<String, String> parameters) {
    return deployer.deploy(
        Plan.of(
            Template.parse(template, state.stackName() + ".yaml"),
            new Plan.Inputs(parameters, Map.of(), Map.of()),
            state,
            where),
        true);
  }

  public Deployer.Outcome delete() {
    return deployer.delete(state);
  }

  /** The output since the last call, and forgets it. */
  public String output() {
    final String text = out.toString();
    out.getBuffer().setLength(0);
    return text;
  }

  /** The first line of {@code text} with all of {@code parts}, stripped. */
  public static String line(final String text, final String... parts) {
    return text.lines()
        .filter(l -> java.util.Arrays.stream(parts).allMatch(l::contains))
        .map(String::strip)
        .findFirst()
        .orElse("");
  }
}
