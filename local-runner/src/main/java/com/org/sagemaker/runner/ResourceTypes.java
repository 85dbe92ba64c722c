package com.org.sagemaker.runner;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The registry types this project provides, each by its handler entry point. */
public final class ResourceTypes {

  public static final String DOMAIN = "Org::SageMaker::StudioDomain";
  public static final String USER_PROFILE = "Org::SageMaker::StudioUserProfile";

  private static final Map<String, Supplier<RequestStreamHandler>> HANDLERS =
      Map.of(
          DOMAIN, com.org.sagemaker.studiodomain.HandlerWrapper::new,
          USER_PROFILE, com.org.sagemaker.studiouserprofile.HandlerWrapper::new);

  private ResourceTypes() {}

  public static Set<String> names() {
    return HANDLERS.keySet();
  }

  /** A new instance of the type's HandlerWrapper, as Lambda would create it. */
  static RequestStreamHandler handler(final String typeName) {
    final Supplier<RequestStreamHandler> handler = HANDLERS.get(typeName);
    if (handler == null) {
      throw new IllegalArgumentException(
          "Unsupported resource type " + typeName + "; supported: " + names());
    }
    return handler.get();
  }
}
