package org.matac.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.matac.events.FieldError;

class ScreeningToolTest {

  private static ScreeningTool.Group group(String code, String... items) {
    return new ScreeningTool.Group(
        code,
        code.toLowerCase(),
        Arrays.stream(items).map(item -> new ScreeningTool.Item(item, item)).toList());
  }

  @Test
  void lists_its_items_group_by_group_in_form_order() {
    ScreeningTool tool =
        new ScreeningTool("t-1", "Tool", List.of(group("A", "A1", "A2"), group("B", "B1")));

    assertThat(tool.itemCodes()).containsExactly("A1", "A2", "B1");
    assertThat(tool.problems()).isEmpty();
  }

  @Test
  void an_item_code_used_twice_is_a_problem() {
    ScreeningTool tool =
        new ScreeningTool("t-1", "Tool", List.of(group("A", "X"), group("B", "X")));

    assertThat(tool.problems())
        .extracting(FieldError::message)
        .containsExactly("item code X appears twice");
  }

  @Test
  void a_tool_without_a_version_or_groups_is_a_problem() {
    assertThat(new ScreeningTool(null, "Tool", List.of()).problems())
        .extracting(FieldError::field)
        .containsExactly("id", "groups");
  }

  @Test
  void an_empty_group_is_a_problem() {
    assertThat(new ScreeningTool("t-1", "Tool", List.of(group("A"))).problems())
        .extracting(FieldError::field)
        .containsExactly("groups");
  }
}
