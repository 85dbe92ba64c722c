package com.org.sagemaker.runner.types;

import java.util.List;

/**
 * Registers resource types with {@link ResourceTypes}: each implementation is named in {@code
 * META-INF/services/com.org.sagemaker.runner.types.TypeProvider} and found by {@link
 * java.util.ServiceLoader}, so the registry needs no compile-time knowledge of any type.
 */
public interface TypeProvider {

  /** The types to drive through their handlers. */
  List<HandledType> types();
}
