package io.composeoperator.compose.model;

/**
 * A byte size from the Compose file ({@code 512m}, {@code 1gb}, {@code 1024}); Compose units are
 * binary: {@code k} = 1024.
 *
 * @param bytes the number of bytes
 */
public record ByteSize(long bytes) {

  public ByteSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("negative byte size: " + bytes);
    }
  }
}
