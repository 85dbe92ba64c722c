/**
 * Resources that already exist: {@code import} (the IMPORT change set's rules, adoption through
 * Read alone) and {@code drift} (each resource's Read compared with what the template set).
 *
 * <p>May use: {@code template}, {@code types}, {@code standins}, {@code state}, {@code engine}.
 */
package com.org.sagemaker.runner.importing;
