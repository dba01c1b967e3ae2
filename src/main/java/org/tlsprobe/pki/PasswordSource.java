package org.tlsprobe.pki;

/** Asked for a password only when a file turns out to need one (PKCS#12, a protected JKS). */
@FunctionalInterface
public interface PasswordSource {
  /**
   * The password for this file, or null when there is none to give.
   *
   * @param what the file, as the prompt names it
   */
  char[] password(String what) throws CertificateFileException;

  PasswordSource NONE = what -> null;
}
