package org.tlsprobe.tls.wire;

/**
 * One record of one direction. {@code fragment} holds the record's payload for the content types that
 * are read (change_cipher_spec, alert, handshake, SSLv2), and is {@code null} for application data and
 * heartbeats, of which only the length is kept. {@code streamOffset} is where the record header starts
 * in its direction's byte stream.
 */
public record TlsRecord(int contentType, int version, int length, byte[] fragment, long streamOffset) {
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
