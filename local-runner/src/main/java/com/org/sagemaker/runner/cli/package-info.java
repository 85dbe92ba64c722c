/**
 * The command line, {@code ./studio-local}: the picocli commands, their options, and what they
 * print. The only package that prints (System.out, System.err, stack traces), and the only one that
 * wires the others together: it picks the target ({@code studio}), loads and saves the state, and
 * calls the change set, the engine, import and migrate.
 *
 * <p>May use: every other package of the runner. A {@code continue-rollback} command, when the
 * runner gets one, belongs here (its work in {@code engine}).
 */
package com.org.sagemaker.runner.cli;
