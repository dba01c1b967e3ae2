package org.tlsprobe.diagnose.cert;

/** Which side's certificate a chain is: the server's, or the client's in mutual TLS. */
public enum Purpose {
  /** A server's chain: needs Server Authentication, names are checked. */
  SERVER,
  /** A client's chain (MTLS): needs Client Authentication, whatever the role. */
  CLIENT
}
