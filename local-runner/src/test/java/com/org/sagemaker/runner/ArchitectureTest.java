package com.org.sagemaker.runner;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.conditions.ArchConditions.accessField;
import static com.tngtech.archunit.lang.conditions.ArchConditions.callMethodWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runner's packages and the direction of every dependency between them (docs/architecture.md
 * shows the same table). A package may use only the packages listed for it; none reaches back up,
 * none forms a cycle; the packages below {@code studio} know nothing of SageMaker; only {@code cli}
 * prints. Checked on the runner's own classes, not its tests.
 */
@AnalyzeClasses(
    packages = ArchitectureTest.RUNNER,
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final String RUNNER = "com.org.sagemaker.runner";

  /** Each package of the runner, and the packages of the runner it may use: the whitelist. */
  private static final Map<String, List<String>> MAY_USE = new LinkedHashMap<>();

  static {
    MAY_USE.put("template", List.of());
    MAY_USE.put("standins", List.of("template"));
    MAY_USE.put("types", List.of("template", "standins"));
    MAY_USE.put("state", List.of("template", "standins", "types"));
    MAY_USE.put("changeset", List.of("template", "standins", "types", "state"));
    MAY_USE.put("engine", List.of("template", "standins", "types", "state", "changeset"));
    MAY_USE.put("importing", List.of("template", "standins", "types", "state", "engine"));
    MAY_USE.put("studio", List.of("template", "types", "state", "engine"));
    MAY_USE.put("migrate", List.of("template", "types", "studio"));
    MAY_USE.put(
        "cli",
        List.of(
            "template",
            "standins",
            "types",
            "state",
            "changeset",
            "engine",
            "importing",
            "studio",
            "migrate"));
  }

  /** The packages that drive any resource type without knowing which: no SageMaker in them. */
  private static final List<String> TYPE_NEUTRAL =
      List.of("template", "standins", "types", "state", "changeset", "engine", "importing");

  @ArchTest static final ArchRule everyDependencyIsOneThePackageMayHave = layers();

  @ArchTest
  static final ArchRule everyClassIsInAListedPackage =
      classes()
          .should()
          .resideInAnyPackage(packages(List.copyOf(MAY_USE.keySet())))
          .because("a new package needs its line in MAY_USE (and in docs/architecture.md)");

  @ArchTest
  static final ArchRule packagesFormNoCycle =
      slices().matching(RUNNER + ".(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule onlyStudioAndAboveKnowSageMaker =
      noClasses()
          .that()
          .resideInAnyPackage(packages(TYPE_NEUTRAL))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.org.sagemaker.studiodomain..",
              "com.org.sagemaker.studiouserprofile..",
              "com.org.sagemaker.common..",
              "com.org.sagemaker.emulator..",
              "software.amazon.awssdk..",
              "software.amazon.cloudformation..")
          .because("a type plugs in through the registry (types.TypeProvider), not by its name");

  @ArchTest
  static final ArchRule onlyTheCommandLinePrints =
      noClasses()
          .that()
          .resideOutsideOfPackage(RUNNER + ".cli..")
          .should(accessField(System.class, "out"))
          .orShould(accessField(System.class, "err"))
          .orShould(callMethodWhere(target(name("printStackTrace"))))
          .because("the other packages write to the PrintWriter they are given");

  private static ArchRule layers() {
    LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (final String layer : MAY_USE.keySet()) {
      layers = layers.layer(layer).definedBy(RUNNER + "." + layer + "..");
    }
    for (final Map.Entry<String, List<String>> entry : MAY_USE.entrySet()) {
      layers =
          entry.getValue().isEmpty()
              ? layers.whereLayer(entry.getKey()).mayNotAccessAnyLayer()
              : layers
                  .whereLayer(entry.getKey())
                  .mayOnlyAccessLayers(entry.getValue().toArray(String[]::new));
    }
    return layers;
  }

  private static String[] packages(final List<String> names) {
    return names.stream().map(p -> RUNNER + "." + p + "..").toArray(String[]::new);
  }
}
