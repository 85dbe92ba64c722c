package com.org.sagemaker.studiouserprofile;

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
import software.amazon.awssdk.services.sagemaker.model.CreateUserProfileRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeUserProfileResponse;
import software.amazon.awssdk.services.sagemaker.model.UpdateUserProfileRequest;
import software.amazon.cloudformation.resource.exceptions.ValidationException;

/** The schema is the contract: the SDK, the model, the inputs and the generated files agree. */
class SchemaConformanceTest {

  private static final Path SCHEMA_FILE = Path.of("org-sagemaker-studiouserprofile.json");
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
  void coversEveryMemberOfCreateAndUpdateUserProfileWithTheApisTypes() {
    final Map<String, SdkField<?>> writable =
        members(CreateUserProfileRequest.builder(), UpdateUserProfileRequest.builder());
    final Map<String, SdkField<?>> readOnly = members(DescribeUserProfileResponse.builder());
    readOnly.keySet().retainAll(names(conformance.pointers("readOnlyProperties")));

    assertNoProblems(conformance.sdkMismatches(writable));
    assertNoProblems(conformance.sdkMismatches(readOnly));
    final Set<String> expected = new TreeSet<>(writable.keySet());
    expected.addAll(readOnly.keySet());
    // Ours, not the API's: whether a delete first removes the profile's apps and spaces.
    expected.add("DeleteAppsOnDelete");
    assertThat(new TreeSet<>(schema.getJSONObject("properties").keySet())).isEqualTo(expected);
    assertThat(readOnly).hasSameSizeAs(conformance.pointers("readOnlyProperties"));
    assertThat(names(conformance.pointers("writeOnlyProperties")))
        .containsExactly("DeleteAppsOnDelete");
  }

  @Test
  void createOnlyPropertiesAreExactlyWhatNoUpdateAccepts() {
    final Set<String> createOnly =
        new TreeSet<>(members(CreateUserProfileRequest.builder()).keySet());
    createOnly.removeAll(members(UpdateUserProfileRequest.builder()).keySet());
    createOnly.remove("Tags"); // updatable with AddTags/DeleteTags
    // UpdateUserProfile takes the identifier only to name the profile.
    createOnly.add("DomainId");
    createOnly.add("UserProfileName");
    assertThat(names(conformance.pointers("createOnlyProperties"))).isEqualTo(createOnly);
    assertThat(names(conformance.pointers("primaryIdentifier")))
        .containsExactly("DomainId", "UserProfileName");
  }

  @Test
  void contractTestInputsAreValidAndTheInvalidOneIsNot() {
    final Path create = Path.of("inputs/inputs_1_create.json");
    final Path update = Path.of("inputs/inputs_1_update.json");
    conformance.validateInput(create);
    conformance.validateInput(update);
    assertThatThrownBy(() -> conformance.validateInput(Path.of("inputs/inputs_1_invalid.json")))
        .isInstanceOf(ValidationException.class);
    for (final Path file : new Path[] {create, update}) {
      assertThat(SchemaConformance.load(file).keySet())
          .doesNotContainAnyElementsOf(names(conformance.pointers("readOnlyProperties")));
    }
    for (final String property : names(conformance.pointers("createOnlyProperties"))) {
      assertThat(String.valueOf(SchemaConformance.load(update).opt(property)))
          .as(property)
          .isEqualTo(String.valueOf(SchemaConformance.load(create).opt(property)));
    }
  }

  @Test
  void committedDocsAndRoleAreWhatTheSchemaGenerates() {
    SchemaConformance.assertGeneratedFilesCommitted(SCHEMA_FILE);
  }

  @Test
  void ourOwnWaitsEndBeforeTheHandlerTimeouts() {
    assertThat(ProfileTimings.DEFAULT.create().timeout().toMinutes()).isLessThan(timeout("create"));
    assertThat(ProfileTimings.DEFAULT.update().timeout().toMinutes()).isLessThan(timeout("update"));
    // Delete first cleans up apps and spaces (app deletes can take 20 minutes), then deletes:
    // one operation, one budget from its start.
    assertThat(ProfileTimings.DEFAULT.cleanup().timeout().toMinutes())
        .isLessThan(timeout("delete"));
    assertThat(ProfileTimings.DEFAULT.delete().timeout())
        .isEqualTo(ProfileTimings.DEFAULT.cleanup().timeout());
  }

  private int timeout(final String handler) {
    return schema.getJSONObject("handlers").getJSONObject(handler).getInt("timeoutInMinutes");
  }
}
