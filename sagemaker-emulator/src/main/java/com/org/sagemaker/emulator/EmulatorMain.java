package com.org.sagemaker.emulator;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar sagemaker-emulator.jar --port 0}: serves until stopped. */
@Command(
    name = "sagemaker-emulator",
    mixinStandardHelpOptions = true,
    description = "A local SageMaker control plane (domains, user profiles, apps, spaces, tags).")
public final class EmulatorMain implements Callable<Integer> {

  @Option(
      names = "--port",
      description = "Port on 127.0.0.1; 0 picks a free one.",
      defaultValue = "0")
  int port;

  @Option(
      names = "--time-scale",
      description = "How much faster than real SageMaker transitions complete (1 = realistic).",
      defaultValue = "1")
  double timeScale;

  @Option(
      names = "--domain-limit",
      description = "Domains allowed in the account.",
      defaultValue = "100")
  int domainLimit;

  private final CountDownLatch stopped = new CountDownLatch(1);

  public static void main(final String[] args) {
    System.exit(new CommandLine(new EmulatorMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    final SageMakerEmulator emulator = start(System.out);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }

  /** Starts the emulator the options describe and announces where it listens. */
  SageMakerEmulator start(final PrintStream out) throws IOException {
    if (timeScale <= 0) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--time-scale must be positive");
    }
    final SageMakerEmulator emulator =
        SageMakerEmulator.start(
            SageMakerEmulator.Options.defaults()
                .withPort(port)
                .withTimings(Timings.REALISTIC.scaledBy(timeScale))
                .withDomainLimit(domainLimit));
    out.println("listening on " + emulator.endpoint());
    out.flush();
    return emulator;
  }
}
