package com.org.sagemaker.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractTestInputsTest {

  @Test
  void placeholdersAreReplacedByTheirExportsValuesTrimmedAsTheCliDoes() {
    final String text =
        "{\"DomainId\": \"{{ Test-DomainId }}\", \"Role\": \"{{Test:Role}}\", \"Again\": \"{{Test-DomainId}}\"}";

    assertThat(ContractTestInputs.placeholders(text)).containsExactly("Test-DomainId", "Test:Role");
    assertThat(
            ContractTestInputs.render(
                text, Map.of("Test-DomainId", "d-abc", "Test:Role", "arn:$1\\x", "Unused", "u")))
        .isEqualTo("{\"DomainId\": \"d-abc\", \"Role\": \"arn:$1\\x\", \"Again\": \"d-abc\"}");
  }

  @Test
  void onlyTheCharactersTheCliAcceptsMakeAPlaceholder() {
    assertThat(ContractTestInputs.placeholders("{{a_b}} {{a.b}} {{}} {x}")).isEmpty();
    assertThat(ContractTestInputs.render("{{a_b}}", Map.of())).isEqualTo("{{a_b}}");
  }

  @Test
  void aNameThatIsNotAnExportIsAnErrorNamingIt() {
    assertThatThrownBy(() -> ContractTestInputs.render("{{Missing}} {{Here}}", Map.of("Here", "h")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[Missing] are not CloudFormation exports")
        .hasMessageContaining("available: [Here]");
  }
}
