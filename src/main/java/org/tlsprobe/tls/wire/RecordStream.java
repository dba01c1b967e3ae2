package org.tlsprobe.tls.wire;

import java.time.Instant;
import java.util.Arrays;

/**
 * Splits one direction of a connection into TLS records, whatever way the bytes arrive (records across
 * TCP segments, several records in one). Memory is bounded: at most one record is buffered, and
 * application data is counted, never kept.
 *
 * <p>The start of TLS is found by content: a stream that begins with a plausible record header (or an
 * SSLv2 hello) is TLS from its first byte; otherwise the first {@value #SCAN_LIMIT} bytes are searched
 * for the start of a ClientHello or ServerHello record, so a plaintext prelude (SMTP or XMPP STARTTLS)
 * is skipped, or for two chained record headers (a capture that starts in the middle of a connection).
 * The same search resynchronizes after a gap. A record header that is not TLS once TLS has started is
 * a violation, and the direction is not parsed further. Never throws on any input.
 */
public final class RecordStream {
  /** RFC 5246 6.2.3: TLSCiphertext.length must not exceed 2^14 + 2048. */
  public static final int MAX_RECORD_LENGTH = 16384 + 2048;
  /** SSLv2 records: two-byte headers allow 32767 bytes. */
  public static final int MAX_SSLV2_LENGTH = 32767;
  /** How far to look for the start of TLS before deciding that a direction does not carry it. */
  public static final int SCAN_LIMIT = 40 * 1024;

  /** What the stream reports; called synchronously from {@link #bytes} and {@link #gap}. */
  public interface Listener {
    void record(TlsRecord record, long packet, Instant time);

    void violation(String message, long packet, Instant time);
  }

  private enum State { SEARCH, HEADER, BODY, DEAD }

  private final Listener listener;
  private State state = State.SEARCH;
  /** True while searching from the very start of the stream (SSLv2 hellos are only looked for there). */
  private boolean atStreamStart = true;
  private boolean tlsSeen;
  private boolean sslv2Mode;
  private boolean gaveUp;
  private long offset; // stream offset of the next byte fed (gaps included)
  private long preludeBytes;

  private byte[] scan = new byte[0];
  private int scanLength;
  private int scanFrom;
  private boolean startDecided;
  private long scanStartOffset;

  private final byte[] header = new byte[5];
  private int headerLength;
  private long recordOffset;

  private int contentType;
  private int version;
  private int bodyLength;
  private int bodyRemaining;
  private int padding;
  private byte[] body; // null while skipping

  public RecordStream(Listener listener) {
    this.listener = listener;
  }

  /** True once a TLS record (or SSLv2 hello) has been found in this direction. */
  public boolean looksLikeTls() {
    return tlsSeen;
  }

  /** True when parsing stopped: a broken record header, or no TLS found within the scan limit. */
  public boolean stopped() {
    return state == State.DEAD;
  }

  /** True when the search for TLS ran out of bytes without finding any (the direction is not TLS). */
  public boolean gaveUp() {
    return gaveUp;
  }

  /** Bytes skipped before TLS started (a STARTTLS prelude) or while resynchronizing. */
  public long preludeBytes() {
    return preludeBytes;
  }

  /** Bytes of this direction seen so far, gaps included. */
  public long offset() {
    return offset;
  }

  /** True while a record has been started but not finished. */
  public boolean midRecord() {
    return (state == State.HEADER && headerLength > 0) || state == State.BODY;
  }

  public void bytes(byte[] data, int off, int len, long packet, Instant time) {
    int end = off + len;
    int p = off;
    while (p < end) {
      switch (state) {
        case DEAD:
          offset += end - p;
          return;
        case SEARCH:
          p = searchInput(data, p, end, packet, time);
          break;
        case HEADER:
          p = readHeader(data, p, end, packet, time);
          break;
        case BODY:
        default:
          p = readBody(data, p, end, packet, time);
          break;
      }
    }
  }

  /**
   * Bytes missing from the stream. Returns true when the stream stays in step (the hole lies inside
   * application data being skipped), false when it lost its place and will search for the next record.
   */
  public boolean gap(long missing, long packet, Instant time) {
    if (missing <= 0) {
      return true;
    }
    offset += missing;
    if (state == State.DEAD) {
      return false;
    }
    if (state == State.BODY && body == null && missing <= bodyRemaining) {
      bodyRemaining -= (int) missing;
      if (bodyRemaining == 0) {
        finishRecord(packet, time);
      }
      return true;
    }
    startSearch(false);
    return false;
  }

  private void startSearch(boolean fromStart) {
    state = State.SEARCH;
    atStreamStart = fromStart;
    scanLength = 0;
    scanFrom = 0;
    startDecided = false;
    scanStartOffset = offset;
    body = null;
    headerLength = 0;
  }

  // ---------------------------------------------------------------- search for the start of TLS

  private int searchInput(byte[] data, int p, int end, long packet, Instant time) {
    int take = Math.min(end - p, SCAN_LIMIT - scanLength);
    if (scan.length < scanLength + take) {
      scan = Arrays.copyOf(scan, Math.min(SCAN_LIMIT, Math.max(scan.length * 2, scanLength + take)));
    }
    System.arraycopy(data, p, scan, scanLength, take);
    scanLength += take;
    offset += take;
    p += take;
    int found = findStart();
    if (found >= 0) {
      preludeBytes += found;
      tlsSeen = true;
      state = State.HEADER;
      headerLength = 0;
      byte[] buffered = scan;
      int from = found;
      int to = scanLength;
      scan = new byte[0];
      scanLength = 0;
      // replay the buffered bytes through the record parser; their stream offset is behind us already
      long resume = offset;
      offset = scanStartOffset + from;
      while (from < to && state != State.DEAD) {
        if (state == State.HEADER) {
          from = readHeader(buffered, from, to, packet, time);
        } else {
          from = readBody(buffered, from, to, packet, time);
        }
      }
      offset = resume;
      return p;
    }
    if (scanLength >= SCAN_LIMIT) {
      preludeBytes += scanLength;
      scan = new byte[0];
      scanLength = 0;
      state = State.DEAD;
      gaveUp = true;
      if (tlsSeen) {
        listener.violation("no TLS record found in the " + SCAN_LIMIT + " bytes after stream offset "
            + scanStartOffset + "; the rest of this direction is not read", packet, time);
      }
    }
    return p;
  }

  /** Position in the scan buffer where TLS starts, or -1 (not yet). */
  private int findStart() {
    if (!startDecided) {
      Verdict v = atStart();
      if (v == Verdict.YES) {
        return 0;
      }
      if (v == Verdict.MAYBE) {
        return -1;
      }
      startDecided = true;
    }
    for (int p = scanFrom; p < scanLength; p++) {
      Verdict v = handshakeStart(p);
      if (v == Verdict.NO) {
        v = chainedRecords(p);
      }
      if (v == Verdict.YES) {
        return p;
      }
      if (v == Verdict.MAYBE) {
        scanFrom = p;
        return -1;
      }
    }
    scanFrom = scanLength;
    return -1;
  }

  private enum Verdict { YES, NO, MAYBE }

  private int at(int i) {
    return scan[i] & 0xff;
  }

  /** At the start of a stream or right after a gap: any plausible record header, or an SSLv2 hello. */
  private Verdict atStart() {
    if (scanLength < 5) {
      return scanLength == 0 || couldStartRecord(at(0)) ? Verdict.MAYBE : Verdict.NO;
    }
    if (plausibleHeader(0, scan, scanLength)) {
      return Verdict.YES;
    }
    if (atStreamStart && sslv2Hello()) {
      sslv2Mode = true;
      return Verdict.YES;
    }
    return Verdict.NO;
  }

  private boolean couldStartRecord(int b) {
    return (b >= 20 && b <= 24) || (b & 0x80) != 0;
  }

  private boolean sslv2Hello() {
    if ((at(0) & 0x80) == 0) {
      return false;
    }
    int len = ((at(0) & 0x7f) << 8) | at(1);
    int type = at(2);
    if (type == 1) { // CLIENT-HELLO: version 0x0002 or 0x03NN, cipher specs a multiple of 3
      int major = at(3);
      return len >= 9 && ((major == 0 && at(4) == 2) || (major == 3 && at(4) <= 4));
    }
    // SERVER-HELLO: session-id-hit 0/1, certificate type 1 (X.509)
    return type == 4 && len >= 11 && at(3) <= 1 && at(4) == 1;
  }

  private static boolean plausibleHeader(int p, byte[] buf, int limit) {
    int type = buf[p] & 0xff;
    int major = buf[p + 1] & 0xff;
    int minor = buf[p + 2] & 0xff;
    int len = ((buf[p + 3] & 0xff) << 8) | (buf[p + 4] & 0xff);
    return type >= 20 && type <= 24 && major == 3 && minor <= 4 && len <= MAX_RECORD_LENGTH
        && (len > 0 || type == TlsRecord.APPLICATION_DATA);
  }

  /** 0x16 0x03 0x0N len, then handshake type 1 or 2 whose body starts with a 0x03NN version. */
  private Verdict handshakeStart(int p) {
    int[] want = {0x16, 0x03};
    for (int i = 0; i < 2; i++) {
      if (p + i >= scanLength) {
        return Verdict.MAYBE;
      }
      if (at(p + i) != want[i]) {
        return Verdict.NO;
      }
    }
    if (p + 10 > scanLength) {
      return Verdict.MAYBE;
    }
    int len = (at(p + 3) << 8) | at(p + 4);
    int hsType = at(p + 5);
    int hsLen = (at(p + 6) << 16) | (at(p + 7) << 8) | at(p + 8);
    boolean ok = at(p + 2) <= 4 && len >= 4 && len <= MAX_RECORD_LENGTH && (hsType == 1 || hsType == 2)
        && hsLen >= 38 && hsLen < 0x10000 && (at(p + 9) == 3 || at(p + 9) == 0x7f);
    return ok ? Verdict.YES : Verdict.NO;
  }

  /** Two plausible record headers, the second where the first record ends (a mid-stream start). */
  private Verdict chainedRecords(int p) {
    if (!couldStartRecord(at(p)) || (at(p) & 0x80) != 0) {
      return Verdict.NO;
    }
    if (p + 5 > scanLength) {
      return Verdict.MAYBE;
    }
    if (!plausibleHeader(p, scan, scanLength)) {
      return Verdict.NO;
    }
    int q = p + 5 + ((at(p + 3) << 8) | at(p + 4));
    if (q + 5 > scanLength) {
      return q + 5 > SCAN_LIMIT ? Verdict.NO : Verdict.MAYBE;
    }
    return plausibleHeader(q, scan, scanLength) ? Verdict.YES : Verdict.NO;
  }

  // ---------------------------------------------------------------- records

  private int readHeader(byte[] data, int p, int end, long packet, Instant time) {
    if (headerLength == 0) {
      recordOffset = offset;
      if (!sslv2Mode && end - p >= 5) { // the usual case: a whole header in hand
        System.arraycopy(data, p, header, 0, 5);
        headerLength = 5;
        offset += 5;
        startBody(packet, time);
        return p + 5;
      }
    }
    int need = headerNeeds();
    while (headerLength < need && p < end) {
      header[headerLength++] = data[p++];
      offset++;
      need = headerNeeds();
    }
    if (headerLength < need) {
      return p;
    }
    startBody(packet, time);
    return p;
  }

  /** How many header bytes the record being read has: 5 for TLS, 2 or 3 for SSLv2. */
  private int headerNeeds() {
    if (!sslv2Mode || headerLength < 2) {
      return sslv2Mode ? 2 : 5;
    }
    int b0 = header[0] & 0xff;
    if (b0 >= 20 && b0 <= 24 && (header[1] & 0xff) == 3) {
      return 5; // the client moved on from an SSLv2-format hello to TLS records
    }
    return (b0 & 0x80) != 0 ? 2 : 3;
  }

  private void startBody(long packet, Instant time) {
    int b0 = header[0] & 0xff;
    boolean v3 = headerLength == 5;
    if (v3) {
      if (!plausibleHeader(0, header, 5)) {
        brokenHeader(packet, time);
        return;
      }
      sslv2Mode = false;
      contentType = b0;
      version = ((header[1] & 0xff) << 8) | (header[2] & 0xff);
      bodyLength = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
      padding = 0;
    } else if (headerLength == 2) {
      contentType = TlsRecord.SSLV2;
      version = 0x0002;
      bodyLength = ((b0 & 0x7f) << 8) | (header[1] & 0xff);
      padding = 0;
    } else {
      contentType = TlsRecord.SSLV2;
      version = 0x0002;
      bodyLength = ((b0 & 0x3f) << 8) | (header[1] & 0xff);
      padding = header[2] & 0xff;
    }
    headerLength = 0;
    bodyRemaining = bodyLength;
    boolean keep = contentType != TlsRecord.APPLICATION_DATA && contentType != TlsRecord.HEARTBEAT;
    body = keep ? new byte[bodyLength] : null;
    state = State.BODY;
    if (bodyRemaining == 0) {
      finishRecord(packet, time);
    }
  }

  private void brokenHeader(long packet, Instant time) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      hex.append(String.format("%02x", header[i] & 0xff)).append(i < 4 ? " " : "");
    }
    int type = header[0] & 0xff;
    int len = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
    String why;
    if (type < 20 || type > 24) {
      why = "content type " + type + " is not 20-24";
    } else if ((header[1] & 0xff) != 3 || (header[2] & 0xff) > 4) {
      why = "version 0x" + hex.substring(3, 5) + hex.substring(6, 8) + " is not 0x0300-0x0304";
    } else if (len > MAX_RECORD_LENGTH) {
      why = "length " + len + " exceeds " + MAX_RECORD_LENGTH;
    } else {
      why = "empty " + type + " record";
    }
    listener.violation("record header at stream offset " + recordOffset + " (" + hex + "): " + why
        + "; the rest of this direction is not read", packet, time);
    state = State.DEAD;
    headerLength = 0;
  }

  private int readBody(byte[] data, int p, int end, long packet, Instant time) {
    int n = Math.min(bodyRemaining, end - p);
    if (body != null) {
      System.arraycopy(data, p, body, bodyLength - bodyRemaining, n);
    }
    bodyRemaining -= n;
    offset += n;
    p += n;
    if (bodyRemaining == 0) {
      finishRecord(packet, time);
    }
    return p;
  }

  private void finishRecord(long packet, Instant time) {
    byte[] fragment = body;
    int length = bodyLength;
    if (fragment != null && padding > 0 && padding <= fragment.length) {
      fragment = Arrays.copyOf(fragment, fragment.length - padding);
      length -= padding;
    }
    body = null;
    state = State.HEADER;
    headerLength = 0;
    listener.record(new TlsRecord(contentType, version, length, fragment, recordOffset), packet, time);
  }
}
