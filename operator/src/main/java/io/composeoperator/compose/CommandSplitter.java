package io.composeoperator.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a string-form {@code command} / {@code entrypoint} into words as a POSIX shell would
 * (quotes and backslashes), without expanding variables: Compose does not run it in a shell (spec
 * {@code 05-services.md} "command").
 */
final class CommandSplitter {

  private CommandSplitter() {}

  /** Returns the words; fails on an unterminated quote. */
  static List<String> split(Fields fields, String text, String path) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        if (end < 0) {
          throw unterminated(fields, text, path);
        }
        word.append(text, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i = doubleQuoted(fields, text, i + 1, word, path);
        inWord = true;
      } else if (c == '\\' && i + 1 < text.length()) {
        word.append(text.charAt(i + 1));
        inWord = true;
        i += 2;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  private static int doubleQuoted(
      Fields fields, String text, int from, StringBuilder word, String path) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < text.length() && "\"\\$`\n".indexOf(text.charAt(i + 1)) >= 0) {
        word.append(text.charAt(i + 1));
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    throw unterminated(fields, text, path);
  }

  private static ComposeException unterminated(Fields fields, String text, String path) {
    return fields.error(path, "unterminated quote in " + Fields.quote(text));
  }
}
