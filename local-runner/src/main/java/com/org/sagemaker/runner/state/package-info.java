/**
 * A stack's state on one target (the emulator, or an AWS account and region): its status, its
 * resources with their template, resolved properties and models, parameters, tags, outputs,
 * exports, and what failures left; kept in one JSON file per target and stack, replaced atomically.
 *
 * <p>May use: {@code template}, {@code types}, {@code standins}. A journal of state changes and a
 * per-folder lock, when the runner gets them, belong here.
 */
package com.org.sagemaker.runner.state;
