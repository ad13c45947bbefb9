package io.composeoperator.cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The candidate project files for the first loading pass: every small text file beside the Compose
 * file whose path, or the path of a directory holding it, the Compose text mentions. The loader
 * then reads what it needs from them (env files, configs), and the model says which files the
 * project really refers to; nothing here decides that.
 */
final class FileSnapshot {
  /** The most bytes read for the first pass; more is left out (the project is then odd anyway). */
  static final long TOTAL_CAP = 8L * 1024 * 1024;

  private FileSnapshot() {}

  /** Candidate files by path relative to {@code directory}. */
  static Map<String, String> of(Path directory, String composeText) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(directory)) {
      return files;
    }
    Files.walkFileTree(
        directory,
        new SimpleFileVisitor<>() {
          private long total;

          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(directory)) {
              return FileVisitResult.CONTINUE;
            }
            String name = dir.getFileName().toString();
            boolean skipped = name.equals(".git") || name.equals("node_modules");
            return !skipped && mentions(composeText, TextFiles.relative(directory, dir))
                ? FileVisitResult.CONTINUE
                : FileVisitResult.SKIP_SUBTREE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            String relative = TextFiles.relative(directory, file);
            boolean inMentionedDirectory = !file.getParent().equals(directory);
            if (!attrs.isRegularFile()
                || !(inMentionedDirectory || mentions(composeText, relative))
                || total + attrs.size() > TOTAL_CAP) {
              return FileVisitResult.CONTINUE;
            }
            Optional<String> text = TextFiles.read(file, TextFiles.FILE_CAP);
            if (text.isPresent()) {
              files.put(relative, text.get());
              total += attrs.size();
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
    return files;
  }

  /** True when {@code path} appears in the text as a whole path, optionally after {@code ./}. */
  static boolean mentions(String text, String path) {
    return Pattern.compile("(?<![\\w.-])(\\./)?" + Pattern.quote(path) + "(?![\\w.-])")
        .matcher(text)
        .find();
  }
}
