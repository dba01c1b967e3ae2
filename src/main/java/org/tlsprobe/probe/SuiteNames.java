package org.tlsprobe.probe;

/** IANA names of cipher suites as Bouncy Castle spells them, for code points it knows; {@code 0xNNNN} otherwise. */
public final class SuiteNames {
  private SuiteNames() {}

  public static String name(int code) {
    return SuiteCatalog.name(code);
  }
}
