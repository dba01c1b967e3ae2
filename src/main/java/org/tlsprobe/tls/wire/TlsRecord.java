package org.tlsprobe.tls.wire;

/**
 * One record of one direction. The record's payload is {@code fragment[offset, offset + length)} for the
 * content types that are read (change_cipher_spec, alert, handshake, SSLv2); {@code fragment} is
 * {@code null} for application data and heartbeats, of which only the length is kept. The payload may lie
 * in the buffer the bytes arrived in (no copy for a record that arrived whole), so it is valid only during
 * the {@link RecordStream.Listener#record} call: copy what you keep. {@code streamOffset} is where the
 * record header starts in its direction's byte stream.
 */
public record TlsRecord(int contentType, int version, int length, byte[] fragment, int offset, long streamOffset) {
  /** The payload as an array of its own. */
  public byte[] payload() {
    return fragment == null ? null : java.util.Arrays.copyOfRange(fragment, offset, offset + length);
  }

  public static final int CHANGE_CIPHER_SPEC = 20;
  public static final int ALERT = 21;
  public static final int HANDSHAKE = 22;
  public static final int APPLICATION_DATA = 23;
  public static final int HEARTBEAT = 24;
  /** Not a wire code: an SSLv2 record (two- or three-byte header, no content type). */
  public static final int SSLV2 = -2;

  public boolean sslv2() {
    return contentType == SSLV2;
  }
}
