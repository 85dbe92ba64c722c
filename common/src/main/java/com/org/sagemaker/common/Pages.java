package com.org.sagemaker.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Follows a SageMaker List* call's NextToken to the end. */
public final class Pages {

  /** SageMaker's largest MaxResults for the List* calls the handlers make. */
  public static final int MAX_RESULTS = 100;

  private Pages() {}

  /**
   * @param page fetches the page for a NextToken ({@code null} for the first page)
   * @param items the page's items
   * @param nextToken the page's NextToken, {@code null} on the last page
   */
  public static <R, T> List<T> collect(
      final Function<String, R> page,
      final Function<R, List<T>> items,
      final Function<R, String> nextToken) {
    final List<T> all = new ArrayList<>();
    String token = null;
    do {
      final R response = page.apply(token);
      all.addAll(items.apply(response));
      token = nextToken.apply(response);
    } while (token != null);
    return all;
  }
}
