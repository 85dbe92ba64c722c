package com.org.sagemaker.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipFile;

/**
 * AWS's own {@code AWS::SageMaker::Domain} handler, a jar the user built from the
 * aws-cloudformation-resource-providers-sagemaker repository (docs/performance.md says how). The
 * report names it by file name and content, never by the folder it lies in.
 */
record NativeJar(Path path, String fileName, String sha256) {

  static final String TYPE_NAME = "AWS::SageMaker::Domain";

  /** The entrypoint in the aws-sagemaker-domain module's .rpdk-config. */
  static final String WRAPPER_CLASS = "software.amazon.sagemaker.domain.HandlerWrapper";

  /** Checks that {@code jar} holds the native wrapper and fingerprints it. */
  static NativeJar of(final Path jar) throws IOException {
    final String entry = WRAPPER_CLASS.replace('.', '/') + ".class";
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      if (zip.getEntry(entry) == null) {
        throw new IOException(
            jar.getFileName()
                + " has no "
                + entry
                + ": build the aws-sagemaker-domain module as docs/performance.md describes");
      }
    }
    return new NativeJar(jar, String.valueOf(jar.getFileName()), sha256(jar));
  }

  /** How the report names this build: the file name and the start of its SHA-256. */
  String build() {
    return "native: " + fileName + " (" + sha256.substring(0, 12) + ")";
  }

  ColdStart.Handler handler() {
    return new ColdStart.Handler(TYPE_NAME, build(), path, WRAPPER_CLASS);
  }

  private static String sha256(final Path file) throws IOException {
    final MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (final NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      final byte[] buffer = new byte[1 << 16];
      for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
