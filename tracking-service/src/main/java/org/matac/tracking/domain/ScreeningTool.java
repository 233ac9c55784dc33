package org.matac.tracking.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.matac.events.FieldError;

/**
 * A screening tool as a partnership configures it: versioned, with its items in named groups. The
 * PPIT has ten items in two groups (offending-related and offender-related), each rated not
 * present, present or critical; the "priority or not" judgement is the practitioner's and is not
 * derived from the ratings. Forms render whatever the loaded version holds.
 */
public record ScreeningTool(String id, String name, List<Group> groups) {

  public record Group(String code, String label, List<Item> items) {
    public Group {
      items = items == null ? List.of() : List.copyOf(items);
    }
  }

  public record Item(String code, String label) {}

  public ScreeningTool {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  /** Every item's code, group by group, in the order the form asks them. */
  public List<String> itemCodes() {
    return groups.stream().flatMap(group -> group.items().stream()).map(Item::code).toList();
  }

  /** Why this document cannot be used as a tool, if it cannot. */
  public List<FieldError> problems() {
    List<FieldError> problems = new ArrayList<>();
    if (blank(id)) {
      problems.add(new FieldError("id", "is required: the version's name, like ppit-1"));
    }
    if (blank(name)) {
      problems.add(new FieldError("name", "is required"));
    }
    if (groups.isEmpty()) {
      problems.add(new FieldError("groups", "must hold at least one group"));
    }
    Set<String> seen = new HashSet<>();
    for (Group group : groups) {
      if (blank(group.code()) || blank(group.label()) || group.items().isEmpty()) {
        problems.add(
            new FieldError("groups", "each group needs a code, a label and at least one item"));
      }
      for (Item item : group.items()) {
        if (blank(item.code()) || blank(item.label())) {
          problems.add(new FieldError("items", "each item needs a code and a label"));
        } else if (!seen.add(item.code())) {
          problems.add(new FieldError("items", "item code " + item.code() + " appears twice"));
        }
      }
    }
    return problems;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
