/**
 * Stand-ins: every resource type the runner does not drive through a handler is never deployed, but
 * answers Ref and Fn::GetAtt in the shape the real type returns, deterministic per stack and
 * logical id, so that the rest of a real template can run locally.
 *
 * <p>May use: {@code template}. A list of known AWS resource types, when the runner gets one,
 * belongs here.
 */
package com.org.sagemaker.runner.standins;
