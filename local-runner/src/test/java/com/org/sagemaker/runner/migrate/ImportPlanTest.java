package com.org.sagemaker.runner.migrate;

import static com.org.sagemaker.runner.migrate.MigratorTest.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@code --domain-id} and {@code --profile} name the live resources to import. */
class ImportPlanTest {

  private static final String TEMPLATE =
      """
      Parameters:
        Name: {Type: String}
        Shared: {Type: String}
      Resources:
        Main:
          Type: Custom::StudioDomain
          Properties: {ServiceToken: arn:aws:lambda:us-east-1:1:function:d, DomainName: main, DefaultUserSettings: {}}
        Second:
          Type: Custom::StudioDomain
          Properties: {ServiceToken: arn:aws:lambda:us-east-1:1:function:d, DomainName: second, DefaultUserSettings: {}}
        Ann:
          Type: Custom::UserProfile
          Properties: {ServiceToken: arn:aws:lambda:us-east-1:1:function:p, DomainId: !GetAtt Main.DomainId, UserProfileName: ann}
        Ben:
          Type: Custom::UserProfile
          Properties: {ServiceToken: arn:aws:lambda:us-east-1:1:function:p, DomainId: !Ref Second, UserProfileName: !Ref Name}
        Elsewhere:
          Type: Custom::UserProfile
          Properties: {ServiceToken: arn:aws:lambda:us-east-1:1:function:p, DomainId: !ImportValue shared-domain, UserProfileName: !Ref Shared}
      """;

  private static Map<String, ImportPlan.Target> plan(
      final List<String> domainIds, final List<String> profiles) {
    return Migrator.migrate(yaml(TEMPLATE), domainIds, profiles).imports();
  }

  @Test
  void logicalIdsNamesAndDomainsTogetherIdentifyEveryResource() {
    final Map<String, ImportPlan.Target> targets =
        plan(List.of("Second=d-second", "Main=d-main"), List.of("Ben=ben", "d-shared/carl"));
    assertThat(targets.values())
        .extracting(t -> t.logicalId() + " " + t.domainId() + " " + t.profileName())
        .containsExactly(
            "Main d-main null",
            "Second d-second null",
            "Ann d-main ann",
            "Ben d-second ben",
            "Elsewhere d-shared carl");
    assertThat(ImportPlan.toJson(targets).get(4))
        .isEqualTo(
            yaml(
                """
                ResourceType: Org::SageMaker::StudioUserProfile
                LogicalResourceId: Elsewhere
                ResourceIdentifier: {DomainId: d-shared, UserProfileName: carl}
                """));
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> plan(List.of("d-main"), List.of()))
        .hasMessage("d-main: say which resource it is, LogicalId=d-main (one of [Main, Second])");
    assertThatThrownBy(() -> plan(List.of("Main=D_main"), List.of()))
        .hasMessageStartingWith("--domain-id D_main: not a DomainId (^(?:d-");
    assertThatThrownBy(() -> plan(List.of("Main=d-a", "Main=d-b"), List.of()))
        .hasMessage("--domain-id Main=d-b: Main is named twice");
    assertThatThrownBy(() -> plan(List.of("Ann=d-a"), List.of()))
        .hasMessage("--domain-id Ann=d-a: Ann is not a migrated Custom::StudioDomain resource");
    assertThatThrownBy(
            () -> plan(List.of("Main=d-a", "Second=d-b"), List.of("Ben=bob", "Elsewhere=carl")))
        .hasMessage(
            "Elsewhere: cannot tell its domain from DomainId {\"Fn::ImportValue\":\"shared-domain\"}:"
                + " pass --profile Elsewhere=d-.../NAME");
    assertThatThrownBy(() -> plan(List.of("Main=d-a", "Second=d-b"), List.of("Ben=bob")))
        .hasMessage(
            "Elsewhere: an import must name every migrated resource (it cannot create one): pass"
                + " --profile Elsewhere=NAME");
    assertThatThrownBy(() -> plan(List.of("Main=d-a"), List.of()))
        .hasMessageContaining("pass --domain-id Second=d-...");
    assertThatThrownBy(() -> plan(List.of("Main=d-a", "Second=d-b"), List.of("Ann=anna")))
        .hasMessage("--profile Ann=anna: the template names Ann's profile ann");
    assertThatThrownBy(() -> plan(List.of(), List.of("bad name")))
        .hasMessageStartingWith("--profile bad name: not a UserProfileName");
    assertThatThrownBy(() -> plan(List.of(), List.of("ben")))
        .hasMessageStartingWith(
            "ben: say which resource it is, LogicalId=ben (one of [Ben, Elsewhere])");
  }

  @Test
  void aProfileNamedByItsLiteralNameNeedsNoLogicalId() {
    final Map<String, ImportPlan.Target> targets =
        plan(
            List.of("Main=d-main", "Second=d-second"),
            List.of("ann", "Ben=ben", "Elsewhere=d-x/e"));
    assertThat(targets.get("Ann").profileName()).isEqualTo("ann");
    assertThat(targets).hasSize(5);
  }
}
