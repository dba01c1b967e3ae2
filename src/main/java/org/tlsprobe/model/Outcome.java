package org.tlsprobe.model;

/** The one verdict every probed target and every captured TLS flow gets (SPEC.md, "Outcomes"). */
public enum Outcome {
  OK,
  UNTRUSTED_ROOT,
  CHAIN_INCOMPLETE,
  CERT_EXPIRED,
  NAME_MISMATCH,
  CERT_REVOKED,
  BAD_CERTIFICATE,
  CIPHER_MISMATCH,
  PROTOCOL_MISMATCH,
  CLIENT_CERT_MISSING,
  CLIENT_CERT_REJECTED,
  RESET_DURING_HANDSHAKE,
  ALERT,
  INCOMPLETE,
  NOT_TLS,
  CONNECT_FAILED;

  public boolean isOk() {
    return this == OK;
  }
}
