package org.tlsprobe.render;

import java.util.Locale;

/** Cipher suites as reports name them. */
final class CipherSuites {
  private CipherSuites() {}

  /** The suite's code as {@code 0xc02f}. */
  static String name(int code) {
    return String.format(Locale.ROOT, "0x%04x", code);
  }
}
