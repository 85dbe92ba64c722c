package com.org.sagemaker.runner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STS on 127.0.0.1 for the runner's {@code --aws} session, answering GetSessionToken and
 * GetCallerIdentity in STS's query protocol with the XML shapes of the STS API reference's examples
 * (GetSessionToken, GetCallerIdentity). The runner's SDK finds it through the SDK's own
 * service-specific endpoint setting, {@code aws.endpointUrlSts} (AWS_ENDPOINT_URL_STS), which
 * {@link #useAsEndpoint} sets. Records each call's action and the access key id that signed it.
 */
public final class FakeSts implements AutoCloseable {

  public static final String ACCOUNT = "210987654321";
  public static final String SESSION_KEY_ID = "ASIAFAKESTSSESSION01";
  public static final String SESSION_TOKEN = "fake-sts-session-token";

  private static final Pattern SIGNING_KEY_ID = Pattern.compile("Credential=([^/]+)/");

  /** One call: its Action and the access key id in its SigV4 Authorization header. */
  public record Call(String action, String signedBy) {}

  private final HttpServer server;
  public final List<Call> calls = new CopyOnWriteArrayList<>();

  public FakeSts() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::answer);
    server.start();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Points the SDK's STS clients here, with the SDK's standard system property. */
  public void useAsEndpoint() {
    System.setProperty("aws.endpointUrlSts", endpoint());
  }

  private void answer(final HttpExchange exchange) throws IOException {
    final String body =
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    final String action = parameter(body, "Action");
    final String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    final Matcher signer = SIGNING_KEY_ID.matcher(authorization == null ? "" : authorization);
    calls.add(new Call(action, signer.find() ? signer.group(1) : null));
    final String xml =
        switch (action) {
          case "GetSessionToken" ->
              response(
                  action,
                  "<Credentials><SessionToken>"
                      + SESSION_TOKEN
                      + "</SessionToken><SecretAccessKey>fake-sts-session-secret</SecretAccessKey>"
                      + "<Expiration>2099-01-01T00:00:00Z</Expiration><AccessKeyId>"
                      + SESSION_KEY_ID
                      + "</AccessKeyId></Credentials>");
          case "GetCallerIdentity" ->
              response(
                  action,
                  "<Arn>arn:aws:iam::"
                      + ACCOUNT
                      + ":user/alice</Arn><UserId>AIDAFAKEUSERID</UserId><Account>"
                      + ACCOUNT
                      + "</Account>");
          default -> null;
        };
    final byte[] bytes =
        (xml != null
                ? xml
                : "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code>"
                    + "<Message>not faked</Message></Error></ErrorResponse>")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/xml");
    exchange.sendResponseHeaders(xml != null ? 200 : 400, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String response(final String action, final String result) {
    return "<"
        + action
        + "Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><"
        + action
        + "Result>"
        + result
        + "</"
        + action
        + "Result><ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>"
        + "</ResponseMetadata></"
        + action
        + "Response>";
  }

  private static String parameter(final String form, final String name) {
    for (final String pair : form.split("&")) {
      final String[] parts = pair.split("=", 2);
      if (parts[0].equals(name) && parts.length == 2) {
        return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  @Override
  public void close() {
    server.stop(0);
    System.clearProperty("aws.endpointUrlSts");
  }
}
