/**
 * The one registry of resource types ({@link com.org.sagemaker.runner.types.ResourceTypes}): the
 * types driven through their handlers ({@link com.org.sagemaker.runner.types.HandledType}: schema,
 * HandlerWrapper, input checks), found through each {@link
 * com.org.sagemaker.runner.types.TypeProvider} on the class path; every other type is a stand-in. A
 * new resource type plugs in here, by a provider of its own, without a change to the engine, the
 * change set or the template.
 *
 * <p>May use: {@code template}, {@code standins}.
 */
package com.org.sagemaker.runner.types;
