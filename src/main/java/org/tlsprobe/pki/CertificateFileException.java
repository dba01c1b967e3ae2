package org.tlsprobe.pki;

/** A file that cannot be read as certificates; the message says what was found instead. */
public final class CertificateFileException extends Exception {
  public CertificateFileException(String message) {
    super(message);
  }

  public CertificateFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
