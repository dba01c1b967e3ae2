package org.tlsprobe.probe;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts one direction's byte stream into whole TLS records, so the probe can decide per record whether the
 * transcript gets the raw record or what Bouncy Castle decrypted from it. Bytes that do not look like TLS
 * switch it to pass-through: everything from there on is handed out as it comes.
 */
final class RecordSplitter {
  private static final int MAX_RECORD = 5 + (1 << 14) + 2048;

  private byte[] pending = new byte[0];
  private boolean passThrough;

  boolean passThrough() {
    return passThrough;
  }

  /** Adds bytes; returns the complete records now available (or, in pass-through, the bytes as they are). */
  List<byte[]> add(byte[] data) {
    List<byte[]> out = new ArrayList<>();
    if (passThrough) {
      out.add(data);
      return out;
    }
    byte[] buf = pending.length == 0 ? data : concat(pending, data);
    int p = 0;
    while (buf.length - p >= 5) {
      int type = buf[p] & 0xff;
      int major = buf[p + 1] & 0xff;
      int len = ((buf[p + 3] & 0xff) << 8) | (buf[p + 4] & 0xff);
      if (type < 20 || type > 24 || major != 3 || 5 + len > MAX_RECORD) {
        passThrough = true;
        out.add(Arrays.copyOfRange(buf, p, buf.length));
        pending = new byte[0];
        return out;
      }
      if (buf.length - p < 5 + len) {
        break;
      }
      out.add(Arrays.copyOfRange(buf, p, p + 5 + len));
      p += 5 + len;
    }
    if (p == 0 && buf.length > 0 && buf.length < 5 && !plausibleStart(buf)) {
      passThrough = true;
      out.add(buf);
      pending = new byte[0];
      return out;
    }
    pending = Arrays.copyOfRange(buf, p, buf.length);
    return out;
  }

  /** Bytes held back waiting for the rest of their record. */
  byte[] pending() {
    return pending.clone();
  }

  private static boolean plausibleStart(byte[] b) {
    int type = b[0] & 0xff;
    return type >= 20 && type <= 24 && (b.length < 2 || b[1] == 3);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream o = new ByteArrayOutputStream(a.length + b.length);
    o.write(a, 0, a.length);
    o.write(b, 0, b.length);
    return o.toByteArray();
  }
}
