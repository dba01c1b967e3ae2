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

  // search state: bytes are examined where they arrive; only bytes from a candidate start that needs
  // more bytes to decide are kept, so a direction that is not TLS costs no memory
  private static final byte[] EMPTY = new byte[0];
  private byte[] pending = EMPTY;
  private int pendingLength;
  private long pendingOffset;
  private long searched;
  private long searchStartOffset;
  private boolean startDecided;

  /** The bytes the current search step looks at: {@code buf[from..limit)}, starting at stream offset {@code at}. */
  private byte[] view;
  private int viewLimit;

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
    pendingLength = 0;
    searched = 0;
    startDecided = false;
    searchStartOffset = offset;
    body = null;
    headerLength = 0;
  }

  // ---------------------------------------------------------------- search for the start of TLS

  /** Longest a candidate can need: two record headers around the longest record, plus a margin. */
  private static final int PENDING_CAP = 5 + MAX_RECORD_LENGTH + 5 + 16;

  private int searchInput(byte[] data, int p, int end, long packet, Instant time) {
    byte[] buf;
    int from;
    int limit;
    long bufOffset; // stream offset of buf[from]
    int consumedTo; // where the main loop goes on in data
    if (pendingLength > 0) {
      int take = Math.min(end - p, PENDING_CAP - pendingLength);
      if (pending.length < pendingLength + take) {
        pending = Arrays.copyOf(pending, Math.min(PENDING_CAP, Math.max(2 * pending.length, pendingLength + take)));
      }
      System.arraycopy(data, p, pending, pendingLength, take);
      pendingLength += take;
      consumedTo = p + take;
      buf = pending;
      from = 0;
      limit = pendingLength;
      bufOffset = pendingOffset;
      searched += take;
    } else {
      buf = data;
      from = p;
      limit = end;
      bufOffset = offset;
      consumedTo = end;
      searched += end - p;
    }
    offset += consumedTo - p;
    view = buf;
    viewLimit = limit;
    int found = findStart(from, bufOffset == searchStartOffset ? from : -1);
    view = null;
    if (found >= 0) {
      preludeBytes += bufOffset + (found - from) - searchStartOffset;
      tlsSeen = true;
      state = State.HEADER;
      headerLength = 0;
      long resume = offset;
      offset = bufOffset + (found - from);
      if (buf == data) {
        pendingLength = 0;
        pending = EMPTY;
        return found; // the main loop reads records from here on
      }
      // replay the kept bytes through the record parser, then go on with the rest of data
      byte[] kept = Arrays.copyOf(pending, pendingLength);
      pendingLength = 0;
      pending = EMPTY;
      int q = found;
      while (q < kept.length && state != State.DEAD && state != State.SEARCH) {
        q = state == State.HEADER ? readHeader(kept, q, kept.length, packet, time) : readBody(kept, q, kept.length, packet, time);
      }
      offset = resume;
      return consumedTo;
    }
    if (found == -1 || found == -2) {
      pendingLength = 0; // nothing undecided
    } else {
      int q = -found - 3; // an undecided candidate at q: keep the bytes from there
      int n = limit - q;
      if (buf == pending) {
        System.arraycopy(pending, q, pending, 0, n);
      } else {
        if (pending.length < n) {
          pending = new byte[Math.max(n, Math.min(PENDING_CAP, 2 * n))];
        }
        System.arraycopy(data, q, pending, 0, n);
      }
      pendingOffset = bufOffset + (q - from);
      pendingLength = n;
    }
    if (searched >= SCAN_LIMIT || pendingLength >= PENDING_CAP) {
      preludeBytes += offset - searchStartOffset;
      pending = EMPTY;
      pendingLength = 0;
      state = State.DEAD;
      gaveUp = true;
      if (tlsSeen) {
        listener.violation("no TLS record found in the " + (offset - searchStartOffset) + " bytes after stream offset "
            + searchStartOffset + "; the rest of this direction is not read", packet, time);
      }
    }
    return consumedTo;
  }

  /**
   * Searches {@code view[from..viewLimit)}: the index where TLS starts; -1 when no position can start
   * it; {@code -(q + 3)} when the candidate at q needs more bytes. {@code startIndex} is the index of the
   * search's first byte when it lies in this view (-1 otherwise), where any record header is accepted.
   */
  private int findStart(int from, int startIndex) {
    if (!startDecided && startIndex >= 0) {
      Verdict v = atStart(startIndex);
      if (v == Verdict.YES) {
        return startIndex;
      }
      if (v == Verdict.MAYBE) {
        return -(startIndex + 3);
      }
      startDecided = true;
    }
    byte[] b = view;
    for (int p = from; p < viewLimit; p++) {
      // The quick reject: only content type 20-23, major version 3, minor version 0-4 starts a record worth
      // finding. A byte at p + 2 that can be none of these rules out p, p + 1 and p + 2 at once; a byte at
      // p + 1 that is neither 3 nor 20-23 rules out p and p + 1.
      if (p + 2 < viewLimit) {
        int third = b[p + 2] & 0xff;
        if (third > 4 && (third < 20 || third > 23)) {
          p += 2;
          continue;
        }
      }
      if (p + 1 < viewLimit) {
        int next = b[p + 1] & 0xff;
        if (next != 3) {
          if (next < 20 || next > 23) {
            p++;
          }
          continue;
        }
      }
      int first = b[p] & 0xff;
      if (first < 20 || first > 23) {
        continue;
      }
      Verdict v = handshakeStart(p);
      if (v == Verdict.NO) {
        v = chainedRecords(p);
      }
      if (v == Verdict.YES) {
        return p;
      }
      if (v == Verdict.MAYBE) {
        return -(p + 3);
      }
    }
    return -1;
  }

  private enum Verdict { YES, NO, MAYBE }

  private int at(int i) {
    return view[i] & 0xff;
  }

  /** At the start of a stream or right after a gap: any plausible record header, or an SSLv2 hello. */
  private Verdict atStart(int s) {
    int n = viewLimit - s;
    if (n < 5) {
      return couldStartRecord(at(s)) ? Verdict.MAYBE : Verdict.NO;
    }
    if (plausibleHeader(s, view, viewLimit)) {
      return Verdict.YES;
    }
    if (atStreamStart && sslv2Hello(s)) {
      sslv2Mode = true;
      return Verdict.YES;
    }
    return Verdict.NO;
  }

  private static boolean couldStartRecord(int b) {
    return (b >= 20 && b <= 24) || (b & 0x80) != 0;
  }

  private boolean sslv2Hello(int s) {
    if ((at(s) & 0x80) == 0) {
      return false;
    }
    int len = ((at(s) & 0x7f) << 8) | at(s + 1);
    int type = at(s + 2);
    if (type == 1) { // CLIENT-HELLO: version 0x0002 or 0x03NN
      int major = at(s + 3);
      return len >= 9 && ((major == 0 && at(s + 4) == 2) || (major == 3 && at(s + 4) <= 4));
    }
    if (type == 0) { // ERROR: a two-byte code (NO-CIPHER, NO-CERTIFICATE, BAD-CERTIFICATE, UNSUPPORTED-CERTIFICATE-TYPE)
      int code = at(s + 4);
      return len == 3 && at(s + 3) == 0 && (code == 1 || code == 2 || code == 4 || code == 6);
    }
    // SERVER-HELLO: session-id-hit 0/1, certificate type 1 (X.509)
    return type == 4 && len >= 11 && at(s + 3) <= 1 && at(s + 4) == 1;
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
    if (at(p) != 0x16) {
      return Verdict.NO;
    }
    if (p + 1 >= viewLimit) {
      return Verdict.MAYBE;
    }
    if (at(p + 1) != 0x03) {
      return Verdict.NO;
    }
    if (p + 10 > viewLimit) {
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
    if (p + 5 > viewLimit) {
      // decide what can be decided on the bytes in hand
      if (p + 1 < viewLimit && at(p + 1) != 3) {
        return Verdict.NO;
      }
      if (p + 2 < viewLimit && at(p + 2) > 4) {
        return Verdict.NO;
      }
      return Verdict.MAYBE;
    }
    if (!plausibleHeader(p, view, viewLimit)) {
      return Verdict.NO;
    }
    int q = p + 5 + ((at(p + 3) << 8) | at(p + 4));
    if (q + 5 > viewLimit) {
      return Verdict.MAYBE;
    }
    return plausibleHeader(q, view, viewLimit) ? Verdict.YES : Verdict.NO;
  }

  // ---------------------------------------------------------------- records

  private int readHeader(byte[] data, int p, int end, long packet, Instant time) {
    if (headerLength == 0) {
      recordOffset = offset;
      if (!sslv2Mode && end - p >= 5) { // the usual case: a whole header in hand
        System.arraycopy(data, p, header, 0, 5);
        headerLength = 5;
        offset += 5;
        return startBody(data, p + 5, end, packet, time);
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
    return startBody(data, p, end, packet, time);
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

  /** The header is complete; {@code data[p, end)} is what follows it. Returns where reading goes on. */
  private int startBody(byte[] data, int p, int end, long packet, Instant time) {
    int b0 = header[0] & 0xff;
    boolean v3 = headerLength == 5;
    if (v3) {
      if (!plausibleHeader(0, header, 5)) {
        brokenHeader(packet, time);
        return p;
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
    if (keep && end - p >= bodyLength) {
      // the whole record is in hand (most are): the listener reads it where it lies, nothing is copied
      offset += bodyLength;
      bodyRemaining = 0;
      deliver(data, p, packet, time);
      return p + bodyLength;
    }
    body = keep ? new byte[bodyLength] : null;
    state = State.BODY;
    if (bodyRemaining == 0) {
      finishRecord(packet, time);
    }
    return p;
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
    body = null;
    deliver(fragment, 0, packet, time);
  }

  /** Hands the record over, its payload at {@code fragment[from..]} (SSLv2 padding left out). */
  private void deliver(byte[] fragment, int from, long packet, Instant time) {
    int length = bodyLength;
    if (fragment != null && padding > 0 && padding <= length) {
      length -= padding;
    }
    state = State.HEADER;
    headerLength = 0;
    listener.record(new TlsRecord(contentType, version, length, fragment, from, recordOffset), packet, time);
  }
}
