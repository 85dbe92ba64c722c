package com.org.sagemaker.runner.types;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A resource type the runner drives through its handler, as CloudFormation drives a registry type:
 * its schema (primaryIdentifier, createOnly, readOnly and writeOnly properties, each handler's
 * timeoutInMinutes), its {@code HandlerWrapper}, and the checks the handler makes on an input
 * before any call. {@link ResourceTypes} holds the ones a {@link TypeProvider} registers; every
 * other type is a stand-in.
 */
public interface HandledType {

  /** E.g. {@code Org::Service::Resource}. */
  String typeName();

  /** The schema as the type's handler jar carries it; read once, {@link ResourceTypes} keeps it. */
  JsonNode schema();

  /** A new instance of the type's HandlerWrapper, as Lambda would start one. */
  RequestStreamHandler newHandler();

  /**
   * The wrapper's validation of the properties against the schema, as for CREATE or UPDATE; null
   * when they pass. Violations at or under {@code unknownPointers} (values not known yet) do not
   * count.
   */
  InputFailure checkSchema(JsonNode properties, List<String> unknownPointers);

  /**
   * The rules the handler checks before any call that the schema cannot express, the tags
   * CloudFormation would pass it included (the stack's tags overlaid with the resource's own);
   * {@code previous} (the properties last deployed, or null) selects the update rules. Null when
   * they pass.
   */
  InputFailure checkRules(JsonNode properties, JsonNode previous, Map<String, String> stackTags);
}
