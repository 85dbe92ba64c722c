package com.org.sagemaker.runner.cli;

import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.StackStatuses;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code studio-local continue-rollback TEMPLATE [--resources-to-skip A,B]}: what {@code aws
 * cloudformation continue-update-rollback} does for a stack in UPDATE_ROLLBACK_FAILED (API
 * ContinueUpdateRollback; docs/sources/cloudformation.md §2d). The work is the engine's ({@code
 * Deployer.continueRollback}).
 */
@Command(
    name = "continue-rollback",
    description = {
      "Continues rolling back a stack in UPDATE_ROLLBACK_FAILED state to UPDATE_ROLLBACK_COMPLETE,"
          + " like 'aws cloudformation continue-update-rollback'.",
      "Resources named in --resources-to-skip (only those whose rollback failed) are marked"
          + " UPDATE_COMPLETE and recorded as before the update without being rolled back: they"
          + " may then differ from what the stack records."
    })
final class ContinueRollbackCommand extends StackCommand {

  @Option(
      names = "--resources-to-skip",
      split = ",",
      paramLabel = "LogicalId",
      description = "Logical ids of resources whose rollback failed, to skip (comma-separated).")
  List<String> resourcesToSkip = new ArrayList<>();

  @Override
  boolean continuesInterrupted() {
    return true;
  }

  @Override
  boolean run(final StackState state) throws IOException {
    if (!state.inProgress()) {
      // Refused before anything starts (an interrupted rollback is continued first).
      StackStatuses.skippable(state, resourcesToSkip);
    }
    return onTarget(
        state,
        (target, invoker, events) ->
            "UPDATE_ROLLBACK_COMPLETE"
                .equals(
                    deployer(target, invoker, events)
                        .continueRollback(state, resourcesToSkip)
                        .stackStatus()));
  }
}
