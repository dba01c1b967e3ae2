package org.tlsprobe.pki;

/** A client certificate or key file that cannot be used; the message names the file and what was wrong. */
public final class ClientIdentityException extends Exception {
  public ClientIdentityException(String message) {
    super(message);
  }

  public ClientIdentityException(String message, Throwable cause) {
    super(message, cause);
  }
}
