package software.amazon.sagemaker.domain;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for AWS's native domain handler, under its class name, for BenchTest: it answers
 * SUCCESS only to the READ the bench must send the native handler (its type, a DomainId), so the
 * test can run `--native` without building AWS's repository.
 */
public final class HandlerWrapper implements RequestStreamHandler {

  @Override
  public void handleRequest(final InputStream input, final OutputStream output, final Context c)
      throws IOException {
    final String request = new String(input.readAllBytes(), StandardCharsets.UTF_8);
    final boolean expected =
        request.contains("\"action\":\"READ\"")
            && request.contains("\"resourceType\":\"AWS::SageMaker::Domain\"")
            && request.contains("\"resourceProperties\":{\"DomainId\":\"d-");
    output.write(
        ("{\"status\":\"" + (expected ? "SUCCESS" : "FAILED") + "\"}")
            .getBytes(StandardCharsets.UTF_8));
  }
}
