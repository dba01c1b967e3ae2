package org.tlsprobe.diagnose.cert;

import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tlsprobe.model.CrlFetch;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;

/**
 * Revocation by CRL, for every certificate on the path that names an HTTP CRL Distribution Point:
 * CERT_REVOKED when the issuer's CRL lists it, CRL_EXPIRED when the CRL's NextUpdate has passed (the
 * offline-root case: Windows then fails with "the revocation server was offline"), CRL_UNREACHABLE when no
 * CDP gave a CRL, CRL_SIGNATURE_INVALID when the CRL is not signed by the certificate's issuer (then its
 * content is not believed), and CRL_NOT_CHECKED (info) for LDAP CDPs and CRLs whose issuer is unknown:
 * "could not check" is said, never silently passed.
 *
 * <p>Judges what was already downloaded: the caller asks {@link #urlsToFetch}, fetches with {@code net}
 * and hands the results to {@link #judge}.
 */
public final class RevocationCheck {
  public static final CheckInfo REVOKED = new CheckInfo("CERT_REVOKED", Severity.ERROR, "RFC 5280 5.3, 6.3");
  public static final CheckInfo EXPIRED = new CheckInfo("CRL_EXPIRED", Severity.ERROR, "RFC 5280 5.1.2.5 (nextUpdate)");
  public static final CheckInfo UNREACHABLE = new CheckInfo("CRL_UNREACHABLE", Severity.WARNING, "RFC 5280 4.2.1.13");
  public static final CheckInfo SIGNATURE_INVALID = new CheckInfo("CRL_SIGNATURE_INVALID", Severity.ERROR, "RFC 5280 6.3.3 (f)");
  public static final CheckInfo NOT_CHECKED = new CheckInfo("CRL_NOT_CHECKED", Severity.INFO, "RFC 5280 4.2.1.13");

  private RevocationCheck() {}

  /** The HTTP(S) CDP URLs of every certificate on the path below its root, in path order, once each. */
  public static List<String> urlsToFetch(ChainPath path) {
    Set<String> out = new LinkedHashSet<>();
    for (X509Certificate c : belowRoot(path)) {
      for (String url : Certificates.crlDistributionPoints(c)) {
        if (AiaCheck.isHttp(url)) {
          out.add(url);
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * Judges revocation of the path's certificates with the downloaded CRLs (by URL); never throws.
   *
   * @param presented the chain as sent, for the findings' certificate indexes
   */
  public static List<Finding> judge(ChainPath path, List<X509Certificate> presented, Map<String, CrlFetch> crls, Instant at) {
    List<Finding> out = new ArrayList<>();
    List<X509Certificate> certs = path.certificates();
    for (int i = 0; i < certs.size(); i++) {
      X509Certificate cert = certs.get(i);
      if (!belowRoot(path).contains(cert)) {
        continue;
      }
      X509Certificate issuer = i + 1 < certs.size() ? certs.get(i + 1) : null;
      try {
        judgeOne(cert, issuer, AiaCheck.indexIn(presented, cert), crls, at, out);
      } catch (RuntimeException e) {
        out.add(new Finding(ChainDiagnostics.RULE_FAILED, Severity.WARNING, "The revocation check of " + Certificates.subject(cert)
            + " could not be completed: " + e, AiaCheck.indexIn(presented, cert), "Please report this."));
      }
    }
    return out;
  }

  private static void judgeOne(X509Certificate cert, X509Certificate issuer, Integer index, Map<String, CrlFetch> crls, Instant at, List<Finding> out) {
    String who = AiaCheck.label(cert, index);
    List<String> cdps = Certificates.crlDistributionPoints(cert);
    List<String> http = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (String url : cdps) {
      (AiaCheck.isHttp(url) ? http : other).add(url);
    }
    if (!other.isEmpty()) {
      boolean ldap = other.stream().anyMatch(u -> u.toLowerCase(Locale.ROOT).startsWith("ldap"));
      out.add(new Finding(NOT_CHECKED.code(), NOT_CHECKED.severity(),
          "Revocation of " + who + " via " + String.join(", ", other) + " was not checked (only HTTP CRL Distribution Points are fetched).", index,
          ldap ? "An LDAP CDP can only be reached from inside the domain: partners, phones and remote clients cannot check it. Add an HTTP CDP to the CA's CRL publication." : ""));
    }
    if (http.isEmpty()) {
      return;
    }
    List<String> failures = new ArrayList<>();
    List<CrlFetch> usable = new ArrayList<>();
    for (String url : http) {
      CrlFetch f = crls.get(url);
      if (f == null) {
        failures.add(url + ": not fetched");
      } else if (!f.ok()) {
        failures.add(url + ": " + f.problem());
      } else {
        usable.add(f);
      }
    }
    if (usable.isEmpty()) {
      out.add(new Finding(UNREACHABLE.code(), UNREACHABLE.severity(),
          "No CRL could be downloaded for " + who + ": " + String.join("; ", failures) + ".", index,
          "Clients that check revocation (Windows does by default) fail with \"the revocation server was offline\" (CRYPT_E_REVOCATION_OFFLINE 0x80092013). Make the CDP reachable from where clients are, over HTTP."));
      return;
    }
    if (!failures.isEmpty()) {
      out.add(new Finding(UNREACHABLE.code(), Severity.INFO,
          "Some CRL Distribution Points of " + who + " did not answer (another did): " + String.join("; ", failures) + ".", index,
          "Fix or remove the dead CDP: clients try them in order and wait for each."));
    }
    if (issuer == null) {
      out.add(new Finding(NOT_CHECKED.code(), NOT_CHECKED.severity(),
          "The CRL for " + who + " was downloaded but its signature cannot be verified: the issuer \"" + Certificates.issuer(cert)
              + "\" is not known.", index, "Send the full chain, then check again."));
      return;
    }
    for (CrlFetch f : usable) {
      X509CRL crl = f.crl().orElseThrow();
      if (!signedBy(crl, issuer)) {
        out.add(new Finding(SIGNATURE_INVALID.code(), SIGNATURE_INVALID.severity(),
            "The CRL at " + f.url() + " for " + who + " is not signed by its issuer \"" + Certificates.subject(issuer) + "\" (the CRL names \""
                + crl.getIssuerX500Principal().getName() + "\"). Clients reject it and cannot check revocation.", index,
            "Publish, at this CDP, the CRL that the issuing CA signs with its current key (after a CA renewal with a new key, the new CRL must be copied to the CDP)."));
        continue;
      }
      X509CRLEntry entry = crl.getRevokedCertificate(cert.getSerialNumber());
      if (entry != null) {
        String when = entry.getRevocationDate() == null ? "" : " on " + entry.getRevocationDate().toInstant();
        String reason = entry.getRevocationReason() == null ? "" : " (reason: " + entry.getRevocationReason().name() + ")";
        out.add(new Finding(REVOKED.code(), REVOKED.severity(),
            who + " (serial " + cert.getSerialNumber().toString(16).toUpperCase(Locale.ROOT) + ") is revoked" + when + reason + ", says the CRL at " + f.url() + ".",
            index, "Replace the certificate: request a new one from the CA and bind it to the service."));
      }
      Instant next = crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant();
      if (next != null && next.isBefore(at)) {
        boolean offlineRoot = Certificates.isSelfSigned(issuer);
        long days = Duration.between(next, at).toDays();
        out.add(new Finding(EXPIRED.code(), EXPIRED.severity(),
            "The CRL at " + f.url() + " for " + who + " expired: its NextUpdate " + next + " is " + (days > 0 ? days + " days" : "less than a day")
                + " past. Clients that check revocation fail with \"the revocation server was offline\" (CRYPT_E_REVOCATION_OFFLINE 0x80092013).",
            index,
            offlineRoot
                ? "The offline root CA \"" + Certificates.subject(issuer) + "\" must publish a fresh CRL before NextUpdate: bring it online, run certutil -CRL, copy the new CRL to the CDP, and plan the next one (about every six months) before this one runs out."
                : "Publish a fresh CRL from the issuing CA \"" + Certificates.subject(issuer) + "\" (certutil -CRL) and check that its publication to the CDP location is scheduled."));
      }
    }
  }

  /** Whether the CRL names the certificate's issuer and the issuer's key verifies it. */
  static boolean signedBy(X509CRL crl, X509Certificate issuer) {
    if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
      return false;
    }
    try {
      crl.verify(issuer.getPublicKey());
      return true;
    } catch (java.security.NoSuchAlgorithmException e) {
      try {
        crl.verify(issuer.getPublicKey(), new org.bouncycastle.jce.provider.BouncyCastleProvider());
        return true;
      } catch (Exception e2) {
        return false;
      }
    } catch (Exception e) {
      return false;
    }
  }

  /** The path's certificates that a CRL can speak about: all but the trust anchor or self-signed root at its top. */
  private static List<X509Certificate> belowRoot(ChainPath path) {
    List<X509Certificate> certs = path.certificates();
    if (certs.isEmpty()) {
      return List.of();
    }
    boolean topIsRoot = path.end() != ChainPath.End.INCOMPLETE; // trust anchors and self-signed roots are not revocation-checked
    return topIsRoot ? certs.subList(0, certs.size() - 1) : certs;
  }
}
