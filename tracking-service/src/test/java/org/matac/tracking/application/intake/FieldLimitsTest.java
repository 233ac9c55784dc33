package org.matac.tracking.application.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The limits partners read in docs/partner-contract.md are the ones intake applies. */
class FieldLimitsTest {

  private static final Pattern ROW = Pattern.compile("^\\| ([^|]*`[^|]*) \\| (\\d+) \\|$");
  private static final Pattern FIELD = Pattern.compile("`(?:contact\\.)?(\\w+)`");

  @Test
  void are_the_ones_the_partner_contract_document_lists() throws Exception {
    Map<String, Integer> documented = new HashMap<>();
    String otherwise = null;
    for (String line : Files.readAllLines(Path.of("../docs/partner-contract.md"))) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        Matcher field = FIELD.matcher(row.group(1));
        while (field.find()) {
          documented.put(field.group(1), Integer.valueOf(row.group(2)));
        }
      } else if (line.startsWith("| any other text")) {
        otherwise = line.replaceAll("\\D+", " ").trim();
      }
    }

    assertThat(documented).isEqualTo(FieldLimits.LONGEST);
    assertThat(otherwise).isEqualTo(String.valueOf(FieldLimits.OTHERWISE));
  }
}
