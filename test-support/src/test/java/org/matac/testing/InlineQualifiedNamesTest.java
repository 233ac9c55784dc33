package org.matac.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Code names a type by its simple name and imports it: an inline {@code java.util.Optional} in the
 * middle of a method hides what a class depends on and reads as noise. Comments and string literals
 * may name whatever they like.
 */
class InlineQualifiedNamesTest {

  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  /** A package path of two or more lower-case segments from a usual root, then a type. */
  static final Pattern QUALIFIED =
      Pattern.compile(
          "(?<![\\w.])(?:java|javax|jakarta|io|org|com|net|ch|picocli)(?:\\.[a-z][a-zA-Z0-9_]*)+"
              + "\\.[A-Z]\\w*");

  @Test
  void no_source_file_names_a_type_by_its_qualified_name_outside_its_imports() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(REPOSITORY)) {
      files
          .filter(file -> file.toString().endsWith(".java"))
          .filter(file -> file.toString().contains("/src/"))
          .filter(file -> !file.toString().contains("/target/"))
          .forEach(file -> found.addAll(inlineNames(file)));
    }

    assertThat(found).as("inline qualified names; import them instead").isEmpty();
  }

  @Test
  void the_check_sees_a_qualified_name_in_code_but_not_in_comments_strings_or_imports() {
    String source =
        String.join(
            "\n",
            "package org.matac.example;",
            "import java.util.List;",
            "/** Uses {@link java.util.Map}. */",
            "class Example {",
            "  // java.util.Set in a comment",
            "  String text = \"java.util.Queue in a string\";",
            "  String block = \"\"\"",
            "      java.util.Deque in a text block",
            "      \"\"\";",
            "  java.util.Optional<String> hidden;",
            "}");

    assertThat(inlineNames(source)).containsExactly("line 10: java.util.Optional");
  }

  private static List<String> inlineNames(Path file) {
    try {
      return inlineNames(Files.readString(file)).stream()
          .map(found -> REPOSITORY.relativize(file) + " " + found)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> inlineNames(String source) {
    String[] lines = codeOnly(source).split("\n", -1);
    List<String> found = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith("import ") || line.startsWith("package ")) {
        continue;
      }
      Matcher matcher = QUALIFIED.matcher(lines[i]);
      while (matcher.find()) {
        found.add("line " + (i + 1) + ": " + matcher.group());
      }
    }
    return found;
  }

  /** The source with comments and the insides of literals blanked, line breaks kept. */
  static String codeOnly(String source) {
    StringBuilder code = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      if (source.startsWith("//", i)) {
        i = blankUntil(source, i, "\n", code, false);
      } else if (source.startsWith("/*", i)) {
        i = blankUntil(source, i + 2, "*/", code, true);
      } else if (source.startsWith("\"\"\"", i)) {
        i = blankUntil(source, i + 3, "\"\"\"", code, true);
      } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
        i = blankUntil(source, i + 1, String.valueOf(source.charAt(i)), code, true);
      } else {
        code.append(source.charAt(i++));
      }
    }
    return code.toString();
  }

  /** Blanks from {@code from} to the end marker (past it when {@code inclusive}), escapes too. */
  private static int blankUntil(
      String source, int from, String end, StringBuilder code, boolean inclusive) {
    int i = from;
    while (i < source.length() && !source.startsWith(end, i)) {
      if (source.charAt(i) == '\\' && end.length() == 1 && !end.equals("\n")) {
        code.append(' ');
        i++;
      }
      if (i < source.length()) {
        code.append(source.charAt(i) == '\n' ? '\n' : ' ');
        i++;
      }
    }
    if (inclusive && i < source.length()) {
      code.append(" ".repeat(end.length()));
      i += end.length();
    }
    return i;
  }
}
