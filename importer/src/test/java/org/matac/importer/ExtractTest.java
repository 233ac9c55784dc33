package org.matac.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractTest {

  @TempDir Path directory;

  private Path file(byte[] content) throws IOException {
    return Files.write(directory.resolve("extract.csv"), content);
  }

  private Path file(String content) throws IOException {
    return file(content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void numbers_rows_as_a_spreadsheet_does_with_the_header_as_row_one() throws IOException {
    Extract extract = Extract.read(file("Ref,Name\r\n44/1,Alpha\r\n44/2,Bravo\r\n"));

    assertThat(extract.header()).containsExactly("Ref", "Name");
    assertThat(extract.rows()).extracting(Extract.Row::number).containsExactly(2, 3);
    assertThat(extract.rows().get(1).cells()).containsEntry("Name", "Bravo");
  }

  @Test
  void reads_a_spreadsheets_csv_utf_8_with_its_byte_order_mark() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = "Ref,Name\n44/1,Zoë\n".getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, content, 0, bom.length);
    System.arraycopy(text, 0, content, bom.length, text.length);

    Extract extract = Extract.read(file(content));

    assertThat(extract.header()).containsExactly("Ref", "Name");
    assertThat(extract.rows().get(0).cells()).containsEntry("Name", "Zoë");
  }

  @Test
  void keeps_commas_quotes_and_line_breaks_inside_quoted_cells() throws IOException {
    Extract extract = Extract.read(file("Ref,Note\n44/1,\"one, \"\"two\"\"\nthree\"\n44/2,x\n"));

    assertThat(extract.rows().get(0).cells()).containsEntry("Note", "one, \"two\"\nthree");
    assertThat(extract.rows()).extracting(Extract.Row::number).containsExactly(2, 3);
  }

  @Test
  void refuses_a_header_that_names_a_column_twice() throws IOException {
    Path twice = file("Ref,Name,Ref\n44/1,Alpha,44/2\n");

    assertThatThrownBy(() -> Extract.read(twice)).hasMessageContaining("'Ref' twice");
  }
}
