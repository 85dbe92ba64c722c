package com.org.sagemaker.studiodomain;

import static com.org.sagemaker.common.SchemaConformance.assertNoProblems;
import static com.org.sagemaker.common.SchemaConformance.members;
import static com.org.sagemaker.common.SchemaConformance.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.org.sagemaker.common.SchemaConformance;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.sagemaker.model.CreateDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainResponse;
import software.amazon.awssdk.services.sagemaker.model.DomainSettings;
import software.amazon.awssdk.services.sagemaker.model.DomainSettingsForUpdate;
import software.amazon.awssdk.services.sagemaker.model.RStudioServerProDomainSettings;
import software.amazon.awssdk.services.sagemaker.model.RStudioServerProDomainSettingsForUpdate;
import software.amazon.awssdk.services.sagemaker.model.UpdateDomainRequest;
import software.amazon.cloudformation.resource.exceptions.ValidationException;

/** The schema is the contract: the SDK, the model, the inputs and the generated files agree. */
class SchemaConformanceTest {

  private static final Path SCHEMA_FILE = Path.of("org-sagemaker-studiodomain.json");
  private final JSONObject schema = SchemaConformance.load(SCHEMA_FILE);
  private final SchemaConformance conformance = new SchemaConformance(schema);

  @Test
  void passesTheProviderMetaSchema() {
    conformance.assertValidResourceSchema();
  }

  @Test
  void modelClassesMatchTheSchema() {
    assertNoProblems(conformance.modelMismatches(ResourceModel.class));
  }

  @Test
  void coversEveryMemberOfCreateAndUpdateDomainWithTheApisTypes() {
    final Map<String, SdkField<?>> writable =
        members(CreateDomainRequest.builder(), UpdateDomainRequest.builder());
    writable.remove("DomainId"); // the identifier, read-only here
    writable.remove("DomainSettingsForUpdate"); // DomainSettings under its update name
    final Map<String, SdkField<?>> readOnly = members(DescribeDomainResponse.builder());
    readOnly.keySet().retainAll(names(conformance.pointers("readOnlyProperties")));
    final Map<String, SdkField<?>> writeOnly = members(DeleteDomainRequest.builder());
    writeOnly.keySet().retainAll(names(conformance.pointers("writeOnlyProperties")));

    assertNoProblems(conformance.sdkMismatches(writable));
    assertNoProblems(conformance.sdkMismatches(readOnly));
    assertNoProblems(conformance.sdkMismatches(writeOnly));
    final Set<String> expected = new TreeSet<>(writable.keySet());
    expected.addAll(readOnly.keySet());
    expected.addAll(writeOnly.keySet());
    assertThat(new TreeSet<>(schema.getJSONObject("properties").keySet())).isEqualTo(expected);
    assertThat(readOnly).hasSameSizeAs(conformance.pointers("readOnlyProperties"));
    assertThat(writeOnly).containsOnlyKeys("RetentionPolicy");
  }

  @Test
  void domainSettingsMapOntoTheirUpdateShapes() {
    // The Translator renames these for UpdateDomain; any member without an update twin would
    // make an update fail, so it would have to be create-only instead.
    assertThat(
            renamed(members(DomainSettings.builder()).keySet(), "RStudioServerProDomainSettings"))
        .isEqualTo(new TreeSet<>(members(DomainSettingsForUpdate.builder()).keySet()));
    assertThat(new TreeSet<>(members(RStudioServerProDomainSettings.builder()).keySet()))
        .isEqualTo(
            new TreeSet<>(members(RStudioServerProDomainSettingsForUpdate.builder()).keySet()));
  }

  @Test
  void createOnlyPropertiesAreExactlyWhatNoUpdateAccepts() {
    final Set<String> updatable = new TreeSet<>(members(UpdateDomainRequest.builder()).keySet());
    final Set<String> createOnly = new TreeSet<>(members(CreateDomainRequest.builder()).keySet());
    createOnly.removeAll(updatable);
    createOnly.remove("DomainSettings"); // updatable as DomainSettingsForUpdate
    createOnly.remove("Tags"); // updatable with AddTags/DeleteTags
    // UpdateDomain's VpcId is "only when adding VPC configuration to a SageMaker AI domain used in
    // Amazon SageMaker Unified Studio that was created without VPC settings" (API reference), so a
    // VPC change replaces the domain, as in AWS's own AWS::SageMaker::Domain.
    createOnly.add("VpcId");
    assertThat(names(conformance.pointers("createOnlyProperties"))).isEqualTo(createOnly);
  }

  @Test
  void contractTestInputsAreValidAndTheInvalidOneIsNot() {
    conformance.validateInput(Path.of("inputs/inputs_1_create.json"));
    conformance.validateInput(Path.of("inputs/inputs_1_update.json"));
    assertThatThrownBy(() -> conformance.validateInput(Path.of("inputs/inputs_1_invalid.json")))
        .isInstanceOf(ValidationException.class);
    for (final String file :
        new String[] {"inputs/inputs_1_create.json", "inputs/inputs_1_update.json"}) {
      final JSONObject input = SchemaConformance.load(Path.of(file));
      assertThat(input.keySet())
          .doesNotContainAnyElementsOf(names(conformance.pointers("readOnlyProperties")));
    }
    final JSONObject create = SchemaConformance.load(Path.of("inputs/inputs_1_create.json"));
    final JSONObject update = SchemaConformance.load(Path.of("inputs/inputs_1_update.json"));
    for (final String property : names(conformance.pointers("createOnlyProperties"))) {
      assertThat(String.valueOf(update.opt(property)))
          .as(property)
          .isEqualTo(String.valueOf(create.opt(property)));
    }
  }

  @Test
  void committedDocsAndRoleAreWhatTheSchemaGenerates() {
    SchemaConformance.assertGeneratedFilesCommitted(SCHEMA_FILE);
  }

  @Test
  void handlerTimeoutsCoverASlowDomainAndOurOwnWaitsEndFirst() {
    for (final String handler : new String[] {"create", "update", "delete"}) {
      final int minutes =
          schema.getJSONObject("handlers").getJSONObject(handler).getInt("timeoutInMinutes");
      assertThat(minutes).as(handler).isGreaterThanOrEqualTo(30);
    }
    assertThat(DomainTimings.DEFAULT.create().timeout().toMinutes()).isLessThan(timeout("create"));
    assertThat(DomainTimings.DEFAULT.update().timeout().toMinutes()).isLessThan(timeout("update"));
    assertThat(DomainTimings.DEFAULT.delete().timeout().toMinutes()).isLessThan(timeout("delete"));
  }

  private int timeout(final String handler) {
    return schema.getJSONObject("handlers").getJSONObject(handler).getInt("timeoutInMinutes");
  }

  private static Set<String> renamed(final Set<String> names, final String name) {
    final Set<String> result = new TreeSet<>(names);
    if (result.remove(name)) {
      result.add(name + "ForUpdate");
    }
    return result;
  }
}
