package org.tlsprobe.diagnose.cert.check;

import java.util.Set;
import org.tlsprobe.diagnose.cert.CheckInfo;
import org.tlsprobe.model.Severity;

/** A certificate below the root signed with SHA-1: refused by browsers and TLS 1.3 peers, deprecated everywhere. */
public final class SignatureSha1Check extends WeakSignatureCheck {
  public SignatureSha1Check() {
    super(new CheckInfo("SIGNATURE_SHA1", Severity.WARNING, "RFC 9155; CA/B Baseline Requirements 7.1.3.2"),
        Set.of(
            "1.2.840.113549.1.1.5", // sha1WithRSAEncryption
            "1.3.14.3.2.29", // sha1WithRSA (OIW)
            "1.2.840.10045.4.1", // ecdsa-with-SHA1
            "1.2.840.10040.4.3"), // dsa-with-sha1
        "browsers and TLS 1.3 peers refuse SHA-1 signatures",
        "Have the CA re-issue it with SHA-256 (for a Windows CA: certutil -setreg ca\\csp\\CNGHashAlgorithm SHA256, restart the CA, renew).");
  }
}
