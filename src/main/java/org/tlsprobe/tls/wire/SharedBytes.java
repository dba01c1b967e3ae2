package org.tlsprobe.tls.wire;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps byte ranges that repeat from connection to connection (the certificates a server sends every
 * client) as one array each: a range equal to one already kept gets that array, not a copy. In a capture
 * the flows' transcripts then share their certificates, so there is less to allocate, less for the
 * collector to copy while flows are open, and later lookups by content meet the same array. Bounded: at
 * most {@link #CAPACITY} ranges and {@link #BUDGET} bytes, starting afresh when either would be
 * exceeded; a range longer than {@link #MAX_LENGTH} is copied. Not thread-safe: one per thread that parses.
 */
public final class SharedBytes implements ByteReader.Keeper {
  static final int CAPACITY = 512;
  static final int BUDGET = 8 << 20;
  /** Certificates of hundreds of KB exist (a public capture has a 339 KB Certificate message): kept too. */
  static final int MAX_LENGTH = BUDGET / 8;
  /** Bytes hashed, from the end: a DER certificate ends in its signature, which differs from any other's. */
  private static final int HASHED = 32;

  /**
   * A hash of a DER certificate from its length and last bytes (its signature, as good as random), so that
   * looking one up by content does not read all of it; equality still compares every byte.
   */
  public static int tailHash(byte[] data, int offset, int length) {
    int h = length;
    for (int i = Math.max(offset, offset + length - HASHED); i < offset + length; i++) {
      h = 31 * h + data[i];
    }
    return h;
  }

  private final Map<Range, byte[]> kept = new HashMap<>();
  private long keptBytes;

  @Override
  public byte[] keep(byte[] data, int offset, int length) {
    if (length > MAX_LENGTH) {
      return COPY.keep(data, offset, length);
    }
    Range probe = new Range(data, offset, length);
    byte[] known = kept.get(probe);
    if (known != null) {
      return known;
    }
    byte[] copy = Arrays.copyOfRange(data, offset, offset + length);
    if (kept.size() >= CAPACITY || keptBytes + length > BUDGET) {
      kept.clear();
      keptBytes = 0;
    }
    kept.put(new Range(copy, 0, length, probe.hash), copy);
    keptBytes += length;
    return copy;
  }

  private static final class Range {
    final byte[] data;
    final int offset;
    final int length;
    final int hash;

    Range(byte[] data, int offset, int length) {
      this(data, offset, length, tailHash(data, offset, length));
    }

    Range(byte[] data, int offset, int length, int hash) {
      this.data = data;
      this.offset = offset;
      this.length = length;
      this.hash = hash;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Range r && hash == r.hash && length == r.length
          && Arrays.equals(data, offset, offset + length, r.data, r.offset, r.offset + r.length);
    }
  }
}
