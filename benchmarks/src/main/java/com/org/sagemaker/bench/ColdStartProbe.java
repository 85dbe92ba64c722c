package com.org.sagemaker.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a fresh JVM whose class path is a handler jar and this one class, as Lambda would run the
 * handler: loads the wrapper, answers one request and prints {@code RESPONSE <status> <peak RSS
 * KB>}, then answers it {@code warm} more times, printing {@code WARM <microseconds>} for each.
 * Usage: {@code ColdStartProbe <wrapper class> <request file> <warm>}. Uses nothing outside the JDK
 * and the handler jar, so it adds nothing to what it measures.
 */
public final class ColdStartProbe implements Context, LambdaLogger {

  private ColdStartProbe() {}

  public static void main(final String[] args) throws Exception {
    final byte[] request = Files.readAllBytes(Path.of(args[1]));
    final int warm = Integer.parseInt(args[2]);
    final RequestStreamHandler handler =
        (RequestStreamHandler) Class.forName(args[0]).getConstructor().newInstance();
    final String response = invoke(handler, request);
    final int start = response.indexOf("\"status\":\"") + "\"status\":\"".length();
    System.out.println(
        "RESPONSE " + response.substring(start, response.indexOf('"', start)) + " " + peakRssKb());
    for (int i = 0; i < warm; i++) {
      final long begin = System.nanoTime();
      invoke(handler, request);
      System.out.println("WARM " + (System.nanoTime() - begin) / 1000);
    }
  }

  private static String invoke(final RequestStreamHandler handler, final byte[] request)
      throws IOException {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(request), out, new ColdStartProbe());
    return out.toString(StandardCharsets.UTF_8);
  }

  /** VmHWM: the most resident memory this process has had. */
  private static String peakRssKb() throws IOException {
    for (final String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return line.replaceAll("\\D", "");
      }
    }
    return "0";
  }

  @Override
  public String getAwsRequestId() {
    return "bench";
  }

  @Override
  public String getLogGroupName() {
    return "bench";
  }

  @Override
  public String getLogStreamName() {
    return "bench";
  }

  @Override
  public String getFunctionName() {
    return "bench";
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "bench";
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return 30_000;
  }

  @Override
  public int getMemoryLimitInMB() {
    return 256;
  }

  @Override
  public LambdaLogger getLogger() {
    return this;
  }

  /** Handler log lines are not part of the measurement. */
  @Override
  public void log(final String message) {}

  @Override
  public void log(final byte[] message) {}
}
