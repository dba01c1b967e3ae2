package org.tlsprobe.tls.wire;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Rebuilds handshake messages from the plaintext handshake records of one direction: a message may
 * span many records (a 339 KB Certificate over 21 records) and a record may hold several messages.
 * A message that lies whole in one fragment (most do) is handed over where it lies; only the bodies of
 * the message types asked for are gathered from several fragments, and those grow with the bytes that
 * actually arrive, so a bogus length costs nothing. A message longer than the cap is a violation and
 * the assembler stops.
 */
public final class HandshakeAssembler {
  /** Largest handshake message accepted. */
  public static final int DEFAULT_MAX_MESSAGE_LENGTH = 16 * 1024 * 1024;

  /**
   * Receives each complete message: its body is {@code data[offset, offset + length)}, valid during the
   * call only (it may lie in the caller's record buffer); {@code data} is null when the type was not asked for.
   */
  public interface Listener {
    void message(int type, byte[] data, int offset, int length);

    void violation(String message);
  }

  private final Listener listener;
  private final IntPredicate keep;
  private final int maxLength;

  private final byte[] header = new byte[4];
  private int headerLength;
  private int type;
  private int length;
  private int received;
  private byte[] body;
  private boolean stopped;

  public HandshakeAssembler(Listener listener, IntPredicate keep) {
    this(listener, keep, DEFAULT_MAX_MESSAGE_LENGTH);
  }

  public HandshakeAssembler(Listener listener, IntPredicate keep, int maxLength) {
    this.listener = listener;
    this.keep = keep;
    this.maxLength = maxLength;
  }

  /** True while part of a message has arrived and the rest has not. */
  public boolean pending() {
    return headerLength > 0;
  }

  public boolean stopped() {
    return stopped;
  }

  /** Forgets a partly received message (after a gap, or when the direction turns encrypted). */
  public void reset() {
    headerLength = 0;
    body = null;
    received = 0;
  }

  public void fragment(byte[] data, int off, int len) {
    int p = off;
    int end = off + len;
    while (p < end && !stopped) {
      if (headerLength == 0 && end - p >= 4) {
        int t = data[p] & 0xff;
        int n = ((data[p + 1] & 0xff) << 16) | ((data[p + 2] & 0xff) << 8) | (data[p + 3] & 0xff);
        if (n <= end - p - 4 && n <= maxLength) { // whole here: read where it lies, nothing copied
          listener.message(t, keep.test(t) ? data : null, p + 4, n);
          p += 4 + n;
          continue;
        }
      }
      if (headerLength < 4) {
        header[headerLength++] = data[p++];
        if (headerLength == 4) {
          begin();
        }
        continue;
      }
      int n = Math.min(length - received, end - p);
      if (body != null) {
        if (body.length < received + n) {
          body = Arrays.copyOf(body, (int) Math.min(length, Math.max(2L * body.length, received + n)));
        }
        System.arraycopy(data, p, body, received, n);
      }
      received += n;
      p += n;
      if (received == length) {
        finish();
      }
    }
  }

  private void begin() {
    type = header[0] & 0xff;
    length = ((header[1] & 0xff) << 16) | ((header[2] & 0xff) << 8) | (header[3] & 0xff);
    received = 0;
    if (length > maxLength) {
      stopped = true;
      listener.violation("handshake message type " + type + " claims " + length + " bytes, more than the "
          + maxLength + " accepted; the rest of this direction's handshake is not read");
      return;
    }
    body = keep.test(type) ? new byte[Math.min(length, 64 * 1024)] : null;
    if (length == 0) {
      finish();
    }
  }

  private void finish() {
    byte[] done = body;
    int t = type;
    int len = length;
    headerLength = 0;
    body = null;
    received = 0;
    listener.message(t, done, 0, len);
  }
}
