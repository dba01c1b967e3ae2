package org.tlsprobe.capture.pcap;

/** Unsigned reads from a byte array in either byte order; no bounds checks beyond the array's own. */
public final class Bytes {
  private Bytes() {}

  public static int u8(byte[] b, int i) {
    return b[i] & 0xFF;
  }

  public static int u16be(byte[] b, int i) {
    return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
  }

  public static int u16le(byte[] b, int i) {
    return (b[i + 1] & 0xFF) << 8 | (b[i] & 0xFF);
  }

  public static int u16(byte[] b, int i, boolean bigEndian) {
    return bigEndian ? u16be(b, i) : u16le(b, i);
  }

  /** 32 bits as an int; callers that need the unsigned value use {@link #u32}. */
  public static int i32be(byte[] b, int i) {
    return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
  }

  public static int i32le(byte[] b, int i) {
    return (b[i + 3] & 0xFF) << 24 | (b[i + 2] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | (b[i] & 0xFF);
  }

  public static int i32(byte[] b, int i, boolean bigEndian) {
    return bigEndian ? i32be(b, i) : i32le(b, i);
  }

  public static long u32(byte[] b, int i, boolean bigEndian) {
    return i32(b, i, bigEndian) & 0xFFFF_FFFFL;
  }

  public static long i64(byte[] b, int i, boolean bigEndian) {
    long hi = u32(b, i, bigEndian);
    long lo = u32(b, i + 4, bigEndian);
    return bigEndian ? hi << 32 | lo : lo << 32 | hi;
  }

  /** The first bytes as hex pairs, for messages such as "starts with 50 4b 03 04". */
  public static String hex(byte[] b, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      if (i > 0) {
        s.append(' ');
      }
      s.append(Character.forDigit(b[i] >> 4 & 0xF, 16)).append(Character.forDigit(b[i] & 0xF, 16));
    }
    return s.toString();
  }
}
