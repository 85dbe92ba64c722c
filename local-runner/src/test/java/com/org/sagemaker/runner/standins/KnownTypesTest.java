package com.org.sagemaker.runner.standins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped list of AWS resource types, its format, its source header and its generator. */
class KnownTypesTest {

  private static final Path SHIPPED =
      Path.of("src/main/resources/com/org/sagemaker/runner/standins", KnownTypes.FILE);

  @TempDir Path checkout;

  @Test
  void theShippedFileIsExactlyWhatTheGeneratorWritesForItsData() throws IOException {
    // Read with the runner's parser and written back with the generator's renderer: any
    // difference in format between the two (or a hand edit) shows here.
    final String shipped = Files.readString(SHIPPED, StandardCharsets.UTF_8);
    assertThat(KnownTypesGenerator.render(KnownTypes.data())).isEqualTo(shipped);
  }

  @Test
  void theShippedFileNamesItsSource() {
    final Map<String, String> header = KnownTypes.data().header();
    assertThat(header.get("source")).isEqualTo(KnownTypesGenerator.REPOSITORY);
    assertThat(header.get("paths")).contains(KnownTypesGenerator.INDEX);
    assertThat(header.get("commit")).matches("[0-9a-f]{40}");
  }

  @Test
  void aFileWithoutItsSourceHeaderIsRefused() {
    assertThatThrownBy(() -> parse("# commit: abc\nAWS::IAM::Role\t/RoleName\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lacks its source header");
    assertThatThrownBy(() -> parse("# source: s\n# paths: p\n# commit: c\n"))
        .hasMessageContaining("lacks its source header");
  }

  @Test
  void theListHoldsThePublishedTypesWithTheirCreateOnlyProperties() {
    assertThat(KnownTypes.data().createOnly()).hasSizeGreaterThan(1500);
    // The IAM role's schema: createOnlyProperties [/properties/Path, /properties/RoleName].
    assertThat(KnownTypes.createOnly("AWS::IAM::Role")).containsExactly("/Path", "/RoleName");
    assertThat(KnownTypes.createOnly("AWS::CDK::Metadata")).isEmpty();
    assertThat(KnownTypes.createOnly("AWS::IAM::Rolle")).isNull();
    assertThat(KnownTypes.exists("AWS::SNS::Topic")).isTrue();
    assertThat(KnownTypes.exists("Custom::Ping_Tester@v-2")).isTrue();
    assertThat(KnownTypes.exists("AWS::Serverless::Function")).isFalse();
    assertThat(KnownTypes.closest("AWS::IAM::Rolle", List.of())).isEqualTo("AWS::IAM::Role");
    assertThat(KnownTypes.closest("aws::s3::bucket", List.of())).isEqualTo("AWS::S3::Bucket");
    assertThat(
            KnownTypes.closest(
                "Org::SageMaker::StudioDomian", List.of("Org::SageMaker::StudioDomain")))
        .isEqualTo("Org::SageMaker::StudioDomain");
  }

  @Test
  void theGeneratorReadsTheIndexedLayout() throws IOException {
    write(
        KnownTypesGenerator.INDEX,
        "types: dict[str, str] = {\n"
            + "    \"AWS::IAM::Role\": \"aa11\",\n"
            + "    \"Module\": \"bb22\",\n"
            + "    \"AWS::CDK::Metadata\": \"cc33\",\n"
            + "}\n");
    write(
        KnownTypesGenerator.BY_HASH + "/aa11.json",
        "{\"typeName\": \"AWS::IAM::Role\","
            + " \"createOnlyProperties\": [\"/properties/Path\", \"/properties/RoleName\"]}");
    write(KnownTypesGenerator.BY_HASH + "/cc33.json", "{\"typeName\": \"AWS::CDK::Metadata\"}");
    final String text = generate("0123456789abcdef0123456789abcdef01234567");
    assertThat(text)
        .contains("# source: https://github.com/aws-cloudformation/cfn-lint\n")
        .contains("# commit: 0123456789abcdef0123456789abcdef01234567\n")
        .endsWith("AWS::CDK::Metadata\nAWS::IAM::Role\t/Path\t/RoleName\n")
        .doesNotContain("Module");
    final KnownTypes.Data data = parse(text);
    assertThat(data.createOnly()).containsOnlyKeys("AWS::CDK::Metadata", "AWS::IAM::Role");
    assertThat(data.header().get("paths")).startsWith(KnownTypesGenerator.INDEX + ", ");
  }

  @Test
  void theGeneratorReadsTheOlderOneFilePerTypeLayout() throws IOException {
    write(
        KnownTypesGenerator.PER_TYPE + "/aws-kms-alias.json",
        "{\"typeName\": \"AWS::KMS::Alias\", \"createOnlyProperties\": [\"/properties/AliasName\"]}");
    write(KnownTypesGenerator.PER_TYPE + "/__init__.py", "");
    final KnownTypes.Data data = parse(generate("fe4f513f4015854f5ff36189d4ca5512b48bdcab"));
    assertThat(data.createOnly())
        .containsExactly(Map.entry("AWS::KMS::Alias", List.of("/AliasName")));
    assertThat(data.header().get("paths")).isEqualTo(KnownTypesGenerator.PER_TYPE + "/*.json");
  }

  @Test
  void theGeneratorRefusesAnIndexThatPointsAtAnotherTypesSchema() throws IOException {
    write(KnownTypesGenerator.INDEX, "    \"AWS::IAM::Role\": \"aa11\",\n");
    write(KnownTypesGenerator.BY_HASH + "/aa11.json", "{\"typeName\": \"AWS::IAM::User\"}");
    assertThatThrownBy(() -> generate("c0ffee"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not AWS::IAM::Role");
  }

  @Test
  void theGeneratorRefusesAFolderWithoutSchemasOrArguments() throws IOException {
    write(KnownTypesGenerator.INDEX, "types = {}\n");
    assertThatThrownBy(() -> generate("c0ffee")).hasMessageContaining("no resource schemas");
    assertThatThrownBy(() -> KnownTypesGenerator.main(new String[] {"one"}))
        .hasMessageContaining("usage");
  }

  private String generate(final String commit) throws IOException {
    final Path output = checkout.resolve("out.tsv");
    KnownTypesGenerator.main(new String[] {checkout.toString(), commit, output.toString()});
    return Files.readString(output);
  }

  private void write(final String path, final String text) throws IOException {
    final Path file = checkout.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static KnownTypes.Data parse(final String text) throws IOException {
    return KnownTypes.parse(new BufferedReader(new StringReader(text)));
  }
}
