package org.tlsprobe.diagnose.cert;

/** What a chain is for: a server's, a client's in mutual TLS, or CA certificates on their own. */
public enum Purpose {
  /** A server's chain: needs Server Authentication, names are checked. */
  SERVER,
  /** A client's chain (MTLS): needs Client Authentication, whatever the role. */
  CLIENT,
  /**
   * CA certificates on their own: a certificate file with no end-entity certificate in it (an intermediate
   * or a root to check, a CA bundle). Checked as CAs (validity, signatures, keys, Key Usage, trust); nothing
   * in it is a leaf, so the rules about a TLS server's or client's certificate do not apply.
   */
  CA
}
