package org.tlsprobe.diagnose.cert;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;

/**
 * CLIENT_CA_NOT_ACCEPTED: the server's CertificateRequest lists the CAs whose client certificates it
 * accepts (Schannel: the roots in its Trusted Root store), and none of the CAs above our client certificate
 * is among them. A Windows client then offers no certificate at all and MTLS fails as CLIENT_CERT_MISSING;
 * the fix is on the server side (trust our root) or ours (a certificate from a CA they list).
 *
 * <p>An empty list means "any CA" (TLS 1.2, RFC 5246 7.4.4) and passes; no CertificateRequest, or no
 * client certificate of ours, is not applicable.
 */
public final class ClientCaAcceptedCheck {
  public static final CheckInfo INFO = new CheckInfo("CLIENT_CA_NOT_ACCEPTED", Severity.ERROR, "RFC 5246 7.4.4, RFC 8446 4.2.4");
  private static final int SHOWN = 8;

  private ClientCaAcceptedCheck() {}

  /**
   * @param ourChain our client certificate first, then the CAs we hold for it (sent or not)
   * @param caNames the DER-encoded distinguished names of the server's CertificateRequest; empty when
   *     there was no CertificateRequest
   */
  public static List<Finding> judge(List<X509Certificate> ourChain, Optional<List<byte[]>> caNames) {
    if (ourChain.isEmpty() || caNames.isEmpty() || caNames.get().isEmpty()) {
      return List.of();
    }
    List<X500Principal> listed = new ArrayList<>();
    int undecodable = 0;
    for (byte[] der : caNames.get()) {
      try {
        listed.add(new X500Principal(der));
      } catch (IllegalArgumentException e) {
        undecodable++;
      }
    }
    Set<X500Principal> ours = new LinkedHashSet<>();
    for (X509Certificate c : ourChain) {
      ours.add(c.getIssuerX500Principal()); // the issuing CA and, through the intermediates, the root
      if (!c.equals(ourChain.get(0))) {
        ours.add(c.getSubjectX500Principal());
      }
    }
    for (X500Principal p : ours) {
      if (listed.contains(p)) {
        return List.of();
      }
    }
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < Math.min(SHOWN, listed.size()); i++) {
      shown.add('"' + listed.get(i).getName() + '"');
    }
    String more = listed.size() > SHOWN ? " and " + (listed.size() - SHOWN) + " more" : "";
    String bad = undecodable > 0 ? " (" + undecodable + " names could not be decoded)" : "";
    List<String> ourNames = new ArrayList<>();
    ours.forEach(p -> ourNames.add('"' + p.getName() + '"'));
    return List.of(new Finding(INFO.code(), INFO.severity(),
        "The server accepts client certificates from " + caNames.get().size() + " CA(s): " + String.join(", ", shown) + more + bad
            + "; our certificate \"" + Certificates.subject(ourChain.get(0)) + "\" chains to " + String.join(", ", ourNames)
            + ", none of which is listed, so a Windows client would offer no certificate.",
        0,
        "On the server: import our root (and issuing) CA certificate into its Trusted Root (and Intermediate) Certification"
            + " Authorities store so it lists them. On our side: use a certificate from a CA the server lists."));
  }
}
