package com.org.sagemaker.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagesTest {

  private record Page(List<String> items, String next) {}

  @Test
  void followsNextTokenUntilTheLastPage() {
    final Map<String, Page> pages =
        Map.of(
            "",
            new Page(List.of("a", "b"), "t1"),
            "t1",
            new Page(List.of(), "t2"),
            "t2",
            new Page(List.of("c"), null));
    final List<String> asked = new ArrayList<>();

    final List<String> all =
        Pages.collect(
            token -> {
              asked.add(token);
              return pages.get(token == null ? "" : token);
            },
            Page::items,
            Page::next);

    assertThat(all).containsExactly("a", "b", "c");
    assertThat(asked).containsExactly(null, "t1", "t2");
  }
}
