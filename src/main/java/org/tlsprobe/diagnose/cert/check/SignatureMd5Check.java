package org.tlsprobe.diagnose.cert.check;

import java.util.Set;
import org.tlsprobe.diagnose.cert.CheckInfo;
import org.tlsprobe.model.Severity;

/** A certificate below the root signed with MD5 (or MD2/MD4): refused by Schannel and every current TLS stack. */
public final class SignatureMd5Check extends WeakSignatureCheck {
  public SignatureMd5Check() {
    super(new CheckInfo("SIGNATURE_MD5", Severity.ERROR, "RFC 6151; Microsoft Security Advisory 961509"),
        Set.of("1.2.840.113549.1.1.4", "1.2.840.113549.1.1.2", "1.2.840.113549.1.1.3"), // md5, md2, md4 with RSA
        "TLS stacks refuse it (Schannel: fatal alert 40, event 36888)",
        "Have the CA re-issue it with SHA-256; if the CA itself signs with MD5, change its hash algorithm (certutil -setreg ca\\csp\\CNGHashAlgorithm SHA256) and renew.");
  }
}
