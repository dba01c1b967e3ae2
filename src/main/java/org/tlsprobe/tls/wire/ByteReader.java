package org.tlsprobe.tls.wire;

import java.util.Arrays;

/**
 * Reads big-endian TLS fields from a bounded window of a byte array. Every length-prefixed structure is
 * read through {@link #slice8}/{@link #slice16}/{@link #slice24}, which return a reader bounded by that
 * length, so no parser can read past its structure. A read past the window throws
 * {@link TlsParseException} naming the structure, the field and the offset; never an
 * IndexOutOfBoundsException.
 */
public final class ByteReader {
  /** How a parser keeps the bytes it returns: a copy of its own, or an equal array shared with others. */
  @FunctionalInterface
  public interface Keeper {
    Keeper COPY = (data, offset, length) -> Arrays.copyOfRange(data, offset, offset + length);

    /** {@code data[offset, offset + length)} as an array the caller may keep and must not change. */
    byte[] keep(byte[] data, int offset, int length);
  }

  private final byte[] data;
  private final int start;
  private final int end;
  private final int base;
  private final String structure;
  private int pos;

  private ByteReader(byte[] data, int start, int end, int base, String structure) {
    this.data = data;
    this.start = start;
    this.end = end;
    this.base = base;
    this.structure = structure;
    this.pos = start;
  }

  /** A reader over all of {@code data}; offsets in errors count from its first byte. */
  public static ByteReader of(byte[] data, String structure) {
    return new ByteReader(data, 0, data.length, 0, structure);
  }

  /** A reader over {@code length} bytes of {@code data} from {@code offset}. */
  public static ByteReader of(byte[] data, int offset, int length, String structure) {
    if (offset < 0 || length < 0 || offset > data.length - length) {
      throw new IllegalArgumentException("window " + offset + "+" + length + " outside " + data.length + " bytes");
    }
    return new ByteReader(data, offset, offset + length, 0, structure);
  }

  public String structure() {
    return structure;
  }

  /** Offset of the next byte, counted from the start of the outermost reader. */
  public int offset() {
    return base + (pos - start);
  }

  public int remaining() {
    return end - pos;
  }

  public boolean hasRemaining() {
    return pos < end;
  }

  private void need(int n, String field) {
    if (n > end - pos) {
      throw new TlsParseException(structure, field, offset(),
          "needs " + n + " byte" + (n == 1 ? "" : "s") + ", " + (end - pos) + " left");
    }
  }

  /** Reads an n-byte length prefix of structure {@code name}; the field is named only when it fails. */
  private int lengthPrefix(int n, String name) {
    if (n > end - pos) {
      need(n, name + ".length");
    }
    int v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | (data[pos++] & 0xff);
    }
    return v;
  }

  public int u8(String field) {
    need(1, field);
    return data[pos++] & 0xff;
  }

  public int u16(String field) {
    need(2, field);
    int v = ((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff);
    pos += 2;
    return v;
  }

  public int u24(String field) {
    need(3, field);
    int v = ((data[pos] & 0xff) << 16) | ((data[pos + 1] & 0xff) << 8) | (data[pos + 2] & 0xff);
    pos += 3;
    return v;
  }

  public long u32(String field) {
    need(4, field);
    long v = ((long) (data[pos] & 0xff) << 24) | ((data[pos + 1] & 0xff) << 16) | ((data[pos + 2] & 0xff) << 8)
        | (data[pos + 3] & 0xff);
    pos += 4;
    return v;
  }

  public byte[] bytes(int n, String field) {
    if (n < 0) {
      throw new TlsParseException(structure, field, offset(), "negative length " + n);
    }
    need(n, field);
    byte[] out = Arrays.copyOfRange(data, pos, pos + n);
    pos += n;
    return out;
  }

  /** All bytes left in this window. */
  public byte[] rest() {
    return rest(Keeper.COPY);
  }

  /** All bytes left in this window, kept by {@code keeper}. */
  public byte[] rest(Keeper keeper) {
    byte[] out = keeper.keep(data, pos, end - pos);
    pos = end;
    return out;
  }

  public void skip(int n, String field) {
    if (n < 0) {
      throw new TlsParseException(structure, field, offset(), "negative length " + n);
    }
    need(n, field);
    pos += n;
  }

  /** An independent reader over the same window, at the same position: for trying one reading of the bytes. */
  public ByteReader fork() {
    ByteReader r = new ByteReader(data, start, end, base, structure);
    r.pos = pos;
    return r;
  }

  /** The next {@code n} bytes as a reader of their own (named {@code name}); this reader moves past them. */
  public ByteReader slice(int n, String name) {
    if (n < 0) {
      throw new TlsParseException(structure, name, offset(), "negative length " + n);
    }
    need(n, name);
    ByteReader r = new ByteReader(data, pos, pos + n, offset(), name);
    pos += n;
    return r;
  }

  /** A structure with a one-byte length prefix. */
  public ByteReader slice8(String name) {
    int len = lengthPrefix(1, name);
    return sliceOf(len, name);
  }

  /** A structure with a two-byte length prefix. */
  public ByteReader slice16(String name) {
    int len = lengthPrefix(2, name);
    return sliceOf(len, name);
  }

  /** A structure with a three-byte length prefix. */
  public ByteReader slice24(String name) {
    int len = lengthPrefix(3, name);
    return sliceOf(len, name);
  }

  /** Moves past a structure with a one-byte length prefix, failing as {@link #slice8} would. */
  public void skip8(String name) {
    skipPrefixed(1, name);
  }

  /** Moves past a structure with a two-byte length prefix, failing as {@link #slice16} would (no reader made). */
  public void skip16(String name) {
    skipPrefixed(2, name);
  }

  private void skipPrefixed(int prefixBytes, String name) {
    int len = lengthPrefix(prefixBytes, name);
    checkLength(len, name);
    pos += len;
  }

  private ByteReader sliceOf(int len, String name) {
    checkLength(len, name);
    ByteReader r = new ByteReader(data, pos, pos + len, offset(), name);
    pos += len;
    return r;
  }

  private void checkLength(int len, String name) {
    if (len > end - pos) {
      throw new TlsParseException(structure, name, offset(),
          "length " + len + " exceeds the " + (end - pos) + " bytes left");
    }
  }

  /** Fails when bytes are left over in a structure that should have been consumed whole. */
  public void expectEnd() {
    if (pos != end) {
      throw new TlsParseException(structure, "end", offset(), (end - pos) + " unexpected trailing bytes");
    }
  }
}
