package org.matac.importer;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CSV file with a header row, as a records system extracts it or a spreadsheet saves it ("CSV
 * UTF-8", with or without its byte-order mark). Rows are numbered as a spreadsheet numbers them:
 * the header is row 1.
 */
record Extract(List<String> header, List<Row> rows) {

  record Row(int number, Map<String, String> cells) {}

  static Extract read(Path file) {
    CsvMapper csv = new CsvMapper();
    csv.enable(CsvParser.Feature.TRIM_SPACES);
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (InputStream in = Files.newInputStream(file);
        MappingIterator<Map<String, String>> lines =
            csv.readerForMapOf(String.class).with(schema).readValues(in)) {
      List<Row> rows = new ArrayList<>();
      int number = 1;
      while (lines.hasNextValue()) {
        rows.add(new Row(++number, lines.nextValue()));
      }
      List<String> header = headerOf((CsvSchema) lines.getParserSchema());
      return new Extract(header, List.copyOf(rows));
    } catch (IOException | RuntimeException e) {
      throw new MappingException(
          file
              + " cannot be read as CSV with a header row: "
              + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
  }

  private static List<String> headerOf(CsvSchema schema) {
    List<String> header = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (CsvSchema.Column column : schema) {
      if (!seen.add(column.getName())) {
        throw new MappingException(
            "The header names column '"
                + column.getName()
                + "' twice: the mapping could not tell them apart");
      }
      header.add(column.getName());
    }
    return header;
  }
}
