package io.composeoperator.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads project files that may go into {@code spec.files}: UTF-8 text only (a ConfigMap's {@code
 * data} holds strings), up to a size cap.
 */
final class TextFiles {
  /** The largest single file or directory content that is shipped. */
  static final long FILE_CAP = 256 * 1024;

  private TextFiles() {}

  /**
   * The file's text, or empty when it is larger than {@code cap} bytes or not UTF-8 text (a NUL
   * byte or an invalid sequence).
   */
  static Optional<String> read(Path file, long cap) throws IOException {
    if (Files.size(file) > cap) {
      return Optional.empty();
    }
    byte[] bytes = Files.readAllBytes(file);
    for (byte b : bytes) {
      if (b == 0) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** The path of {@code file} relative to {@code base}, with {@code /} separators. */
  static String relative(Path base, Path file) {
    return base.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }
}
