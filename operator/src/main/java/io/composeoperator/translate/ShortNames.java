package io.composeoperator.translate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic shortening of a name that would exceed a length limit once a suffix is added: the
 * head of the name, {@code -}, and 8 hex digits of the SHA-256 of the whole name, so that two long
 * names with the same head still differ.
 */
final class ShortNames {
  private static final int HASH_LENGTH = 8;

  private ShortNames() {}

  /** {@code name} when it fits in {@code max} characters, otherwise its shortened form. */
  static String shorten(String name, int max) {
    if (name.length() <= max) {
      return name;
    }
    String hash = sha256(name).substring(0, HASH_LENGTH);
    String head = name.substring(0, max - HASH_LENGTH - 1);
    while (!head.isEmpty() && !Character.isLetterOrDigit(head.charAt(head.length() - 1))) {
      head = head.substring(0, head.length() - 1);
    }
    return head + "-" + hash;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
