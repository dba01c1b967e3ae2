package org.tlsprobe.tls.wire;

import org.tlsprobe.tls.AlertDescription;

/** A plaintext alert: level (1 warning, 2 fatal; other values kept as sent) and description code. */
public record Alert(int level, int description) {
  public static final int WARNING = 1;
  public static final int FATAL = 2;

  public static Alert parse(ByteReader r) {
    int level = r.u8("level");
    int description = r.u8("description");
    r.expectEnd();
    return new Alert(level, description);
  }

  public boolean fatal() {
    return level == FATAL;
  }

  /** e.g. {@code unknown_ca}. */
  public String descriptionName() {
    return AlertDescription.name(description);
  }
}
