package com.org.sagemaker.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes {@code resource-role.yaml} as {@code cfn generate} does: the execution role CloudFormation
 * assumes for the type, allowed the union of all handler permissions, with a session long enough
 * for the slowest handler (70 s per minute of timeout, 1 to 12 hours). Usage: {@code
 * ResourceRoleGenerator <schema.json> <resource-role.yaml>}.
 */
public final class ResourceRoleGenerator {

  /** The CLI's timeout for a handler that declares none. */
  static final int DEFAULT_TIMEOUT_MINUTES = 120;

  private static final int MIN_SESSION_SECONDS = 3600;
  private static final int MAX_SESSION_SECONDS = 43200;

  private ResourceRoleGenerator() {}

  public static void main(final String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "usage: ResourceRoleGenerator <schema.json> <resource-role.yaml>");
    }
    Files.writeString(
        Path.of(args[1]), generate(new ObjectMapper().readTree(Path.of(args[0]).toFile())));
  }

  public static String generate(final JsonNode schema) {
    final TreeSet<String> actions = new TreeSet<>();
    int maxTimeout = 0;
    for (final Map.Entry<String, JsonNode> handler : schema.path("handlers").properties()) {
      handler.getValue().path("permissions").forEach(p -> actions.add(p.asText()));
      maxTimeout =
          Math.max(
              maxTimeout,
              handler.getValue().path("timeoutInMinutes").asInt(DEFAULT_TIMEOUT_MINUTES));
    }
    if (maxTimeout == 0) {
      maxTimeout = DEFAULT_TIMEOUT_MINUTES;
    }
    actions.remove("");
    final String effect = actions.isEmpty() ? "Deny" : "Allow";
    if (actions.isEmpty()) {
      actions.add("*");
    }
    final int session =
        Math.min(MAX_SESSION_SECONDS, Math.max(MIN_SESSION_SECONDS, 70 * maxTimeout));
    final String typeName = schema.path("typeName").asText().replace("::", "-");
    final StringBuilder out =
        new StringBuilder()
            .append("AWSTemplateFormatVersion: \"2010-09-09\"\n")
            .append("Description: >\n")
            .append("  This CloudFormation template creates a role assumed by CloudFormation\n")
            .append("  during CRUDL operations to mutate resources on behalf of the customer.\n\n")
            .append("Resources:\n  ExecutionRole:\n    Type: AWS::IAM::Role\n    Properties:\n")
            .append("      MaxSessionDuration: ")
            .append(session)
            .append("\n      AssumeRolePolicyDocument:\n        Version: '2012-10-17'\n")
            .append("        Statement:\n          - Effect: Allow\n            Principal:\n")
            .append("              Service: resources.cloudformation.amazonaws.com\n")
            .append("            Action: sts:AssumeRole\n            Condition:\n")
            .append("              StringEquals:\n                aws:SourceAccount:\n")
            .append("                  Ref: AWS::AccountId\n              StringLike:\n")
            .append(
                "                aws:SourceArn:\n                  Fn::Sub: arn:${AWS::Partition}:")
            .append("cloudformation:${AWS::Region}:${AWS::AccountId}:type/resource/")
            .append(typeName)
            .append(
                "/*\n      Path: \"/\"\n      Policies:\n        - PolicyName: ResourceTypePolicy\n")
            .append("          PolicyDocument:\n            Version: '2012-10-17'\n")
            .append("            Statement:\n              - Effect: ")
            .append(effect)
            .append("\n                Action:\n");
    actions.forEach(action -> out.append("                - \"").append(action).append("\"\n"));
    return out.append(
            "                Resource: \"*\"\nOutputs:\n  ExecutionRoleArn:\n    Value:\n")
        .append("      Fn::GetAtt: ExecutionRole.Arn\n")
        .toString();
  }
}
