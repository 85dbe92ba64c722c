/**
 * {@code migrate}: a template of the Lambda-backed {@code Custom::StudioDomain} / {@code
 * Custom::UserProfile} pattern rewritten into one of our two types, working on the template alone:
 * which custom resources are the sample's, their properties as ours, the references to them, the
 * functions and what served only them removed, the import plan and the templates of the steps
 * before it, and the files written ({@link com.org.sagemaker.runner.migrate.MigrationFiles}).
 *
 * <p>May use: {@code template}, {@code types}, {@code studio} (the two types' names and schemas).
 * It knows our types by nature, and never runs a stack.
 */
package com.org.sagemaker.runner.migrate;
