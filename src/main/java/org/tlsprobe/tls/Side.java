package org.tlsprobe.tls;

/** The two ends of a TLS connection. The client is the side that sent the SYN (or, failing that, the ClientHello). */
public enum Side {
  CLIENT,
  SERVER;

  public Side other() {
    return this == CLIENT ? SERVER : CLIENT;
  }

  /** The word used in reports and JSON: {@code client} or {@code server}. */
  public String label() {
    return this == CLIENT ? "client" : "server";
  }
}
