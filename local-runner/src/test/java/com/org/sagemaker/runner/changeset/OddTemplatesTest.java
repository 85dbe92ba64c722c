package com.org.sagemaker.runner.changeset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.TargetId;
import com.org.sagemaker.runner.studio.StudioTypes;
import com.org.sagemaker.runner.template.Intrinsics;
import com.org.sagemaker.runner.template.Template;
import com.org.sagemaker.runner.template.TemplateException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Odd templates, generated: random sections of the wrong shape, random resource types, intrinsic
 * functions nested at random with wrong arguments, references to names that may not exist,
 * conditions that may loop. Reading, planning and validating any of them ends normally or with the
 * runner's own {@link TemplateException}; nothing else escapes.
 */
class OddTemplatesTest {

  private static final List<String> TYPES =
      List.of(
          StudioTypes.DOMAIN,
          StudioTypes.USER_PROFILE,
          "AWS::IAM::Role",
          "AWS::EC2::VPC",
          "AWS::EC2::Subnet",
          "AWS::KMS::Key",
          "Custom::Thing",
          "AWS::Glue::Job",
          "NotAType");
  private static final List<String> NAMES =
      List.of("A", "B", "C", "Domain", "Role", "P", "Q", "AWS::Region", "AWS::NoValue", "Missing");
  private static final List<String> FUNCTIONS =
      java.util.stream.Stream.concat(
              Intrinsics.SUPPORTED.stream(),
              java.util.stream.Stream.of(
                  "Fn::Equals", "Fn::Not", "Fn::Length", "Condition", "Fn::Unknown"))
          .toList();

  private static final TargetId WHERE = TargetId.emulator();

  @Property(tries = 400)
  void onlyTheRunnersOwnErrorEscapes(@ForAll final long seed) {
    final ObjectNode template = new Generator(new Random(seed)).template();
    final String text = template.toString();
    final StackState state = StackState.fresh("odd", WHERE);
    try {
      final Plan plan = Plan.of(Template.parse(text, "odd.json"), Plan.Inputs.none(), state, WHERE);
      PlanPrinter.text(plan, "here");
      PlanPrinter.json(plan);
    } catch (final TemplateException expected) {
      assertThat(expected.problems()).isNotEmpty();
    }
    final List<Validation.Finding> findings =
        Validation.check(text, "odd.json", Plan.Inputs.none(), state, WHERE);
    assertThat(Validation.text("odd.json", findings)).isNotEmpty();
  }

  @Property(tries = 200)
  void oddYamlIsReadOrRefusedByName(
      @ForAll("yaml") final String text, @ForAll @IntRange(min = 0, max = 3) final int cut) {
    final String input = text.substring(0, Math.max(0, text.length() - cut));
    try {
      Template.parse(input, "odd.yaml");
    } catch (final TemplateException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> yaml() {
    return net.jqwik.api.Arbitraries.of(
            "Resources:\n  A:\n    Type: AWS::IAM::Role\n",
            "Resources:\n  A: !Ref B\n",
            "Resources:\n  A:\n    Type: Org::SageMaker::StudioDomain\n    Properties: !GetAtt\n",
            "Resources:\n  A:\n    Type: X\n    Properties: {a: !Sub [x, {y: !Join}]}\n",
            "Parameters: !Not\nResources: [",
            "- - -\n",
            "Resources:\n  &a A: *a\n",
            "Conditions:\n  C: !Or [!Condition C, !Condition C]\nResources:\n  R: {Type: AWS::IAM::Role, Condition: C}\n",
            "Resources: {A: {Type: AWS::IAM::Role, Properties: {X: !Cidr [\"10.0.0.0/8\", 300, 4]}}}",
            "{\"Resources\": {\"A\": {\"Type\": \"AWS::IAM::Role\", \"DependsOn\": \"A\"}}}",
            "Resources:\n  A:\n    Type: AWS::IAM::Role\n    Properties:\n      B: 2010-09-09\n      C: !Base64 !Ref D\n")
        .injectDuplicates(0.1);
  }

  /** Builds a random template from a seed. */
  private static final class Generator {
    private final Random random;

    Generator(final Random random) {
      this.random = random;
    }

    ObjectNode template() {
      final ObjectNode template = Template.object();
      if (random.nextInt(4) > 0) {
        final ObjectNode parameters = template.putObject("Parameters");
        for (final String name : List.of("P", "Q")) {
          if (random.nextBoolean()) {
            final ObjectNode parameter = parameters.putObject(name);
            parameter.put(
                "Type",
                pick(List.of("String", "Number", "CommaDelimitedList", "List<Number>", "Odd")));
            if (random.nextBoolean()) {
              parameter.set("Default", value(2));
            }
            if (random.nextInt(4) == 0) {
              parameter.set("AllowedValues", value(1));
            }
            if (random.nextInt(4) == 0) {
              parameter.put("AllowedPattern", pick(List.of("[a-z]+", "(", ".*")));
            }
            if (random.nextInt(5) == 0) {
              parameter.put("MinValue", pick(List.of("1", "x")));
            }
          }
        }
      }
      if (random.nextInt(3) == 0) {
        template.set("Mappings", value(3));
      }
      if (random.nextInt(3) == 0) {
        final ObjectNode conditions = template.putObject("Conditions");
        conditions.set("A", intrinsic(2));
        conditions.set("B", intrinsic(2));
      }
      if (random.nextInt(8) == 0) {
        template.set("Resources", value(1));
      } else {
        final ObjectNode resources = template.putObject("Resources");
        final int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
          final ObjectNode resource = resources.putObject(pick(NAMES.subList(0, 7)));
          resource.put("Type", pick(TYPES));
          resource.set("Properties", random.nextInt(6) == 0 ? value(1) : properties(3));
          if (random.nextInt(4) == 0) {
            resource.set("DependsOn", random.nextBoolean() ? value(0) : name());
          }
          if (random.nextInt(5) == 0) {
            resource.put("Condition", pick(List.of("A", "B", "Z")));
          }
          if (random.nextInt(5) == 0) {
            resource.put("DeletionPolicy", pick(List.of("Retain", "Delete", "Keep")));
          }
        }
      }
      if (random.nextBoolean()) {
        final ObjectNode outputs = template.putObject("Outputs");
        outputs.putObject("O").set("Value", intrinsic(2));
        if (random.nextBoolean()) {
          outputs.putObject("E").set("Export", Template.object().set("Name", intrinsic(1)));
        }
      }
      return template;
    }

    private ObjectNode properties(final int depth) {
      final ObjectNode properties = Template.object();
      for (final String name :
          List.of(
              "DomainName",
              "AuthMode",
              "DomainId",
              "UserProfileName",
              "DefaultUserSettings",
              "X")) {
        if (random.nextBoolean()) {
          properties.set(name, random.nextBoolean() ? intrinsic(depth) : value(depth));
        }
      }
      return properties;
    }

    private JsonNode intrinsic(final int depth) {
      final String function = pick(FUNCTIONS);
      final JsonNode argument;
      switch (random.nextInt(4)) {
        case 0 -> argument = name();
        case 1 -> {
          final ArrayNode list = Template.array();
          final int size = random.nextInt(5);
          for (int i = 0; i < size; i++) {
            list.add(depth > 0 && random.nextBoolean() ? intrinsic(depth - 1) : name());
          }
          argument = list;
        }
        case 2 -> argument = value(depth);
        default -> argument = depth > 0 ? intrinsic(depth - 1) : name();
      }
      return Template.object().set(function, argument);
    }

    private JsonNode value(final int depth) {
      return switch (depth <= 0 ? random.nextInt(4) : random.nextInt(6)) {
        case 0 ->
            Template.JSON
                .getNodeFactory()
                .textNode(pick(List.of("", "a,b", "${P}", "${A.Arn}", "x")));
        case 1 -> Template.JSON.getNodeFactory().numberNode(random.nextInt(300) - 5);
        case 2 -> Template.JSON.getNodeFactory().booleanNode(random.nextBoolean());
        case 3 -> Template.JSON.getNodeFactory().nullNode();
        case 4 -> {
          final ArrayNode list = Template.array();
          list.add(value(depth - 1))
              .add(random.nextBoolean() ? intrinsic(depth - 1) : value(depth - 1));
          yield list;
        }
        default -> Template.JSON.valueToTree(Map.of(pick(NAMES), value(depth - 1)));
      };
    }

    private JsonNode name() {
      return Template.JSON.getNodeFactory().textNode(pick(NAMES));
    }

    private <T> T pick(final List<T> options) {
      return options.get(random.nextInt(options.size()));
    }
  }
}
