package org.matac.console.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeetingPackTest {

  @Test
  void starts_with_the_header_and_ends_each_row_as_spreadsheets_expect() {
    String csv = MeetingPack.csv(List.of(List.of("1", "Testy Fakeperson")));

    assertThat(csv).startsWith("Rank,Name,Score,").endsWith("\r\n1,Testy Fakeperson\r\n");
  }
}
