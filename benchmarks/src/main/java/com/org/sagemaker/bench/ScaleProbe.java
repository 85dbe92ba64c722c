package com.org.sagemaker.bench;

/**
 * The child JVM of the scale section ({@link Scale}): one build's handler jars ahead of the bench
 * on its class path, its own rate-limited emulator, and the handlers' one SageMaker client built
 * against it. Arguments: rates, workers, sizes (comma-separated), runs per size, whether the SDK
 * retries. Prints one {@code RESULT <json>} line per stack.
 */
public final class ScaleProbe {

  static final String RESULT = "RESULT ";

  private ScaleProbe() {}

  public static void main(final String[] args) throws Exception {
    try (ScaleRun scale =
        new ScaleRun(
            ScaleRates.parse(args[0]), Integer.parseInt(args[1]), Boolean.parseBoolean(args[4]))) {
      for (final String size : args[2].split(",")) {
        for (int run = 0; run < Integer.parseInt(args[3]); run++) {
          System.out.println(
              RESULT + BenchAccount.JSON.writeValueAsString(scale.run(Integer.parseInt(size))));
        }
      }
    }
  }
}
