package org.tlsprobe.diagnose;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.tlsprobe.diagnose.cert.CertificateDescriber;
import org.tlsprobe.diagnose.cert.Certificates;
import org.tlsprobe.model.BoundedCache;
import org.tlsprobe.model.CertificateDetails;
import org.tlsprobe.pki.UndecodableCertificate;
import org.tlsprobe.tls.wire.SharedBytes;

/**
 * Decoded and described certificates by their DER bytes. A capture shows the same few chains over and over
 * (every connection to a server sends its chain again); decoding and describing one costs about as much as
 * judging it, so each is done once per run, and so is failing to decode one.
 */
final class CertificateCache {
  static final int CAPACITY = 2048;

  record Entry(X509Certificate certificate, CertificateDetails details) {}

  /**
   * A certificate that was sent but does not decode: its place in the message, why, and its subject when
   * that much is readable (so that a rule does not call its issuer "not sent").
   */
  record Undecodable(int position, String why, Optional<X500Principal> subject) {}

  /** A decoded certificate, or why it does not decode. */
  private record Decoded(Entry entry, String problem, Optional<X500Principal> subject) {}

  private final BoundedCache<Der, Decoded> entries = new BoundedCache<>(CAPACITY);

  /**
   * A certificate's DER as a map key. Hashing all of it for every flow was a tenth of the analyzer's time,
   * so the hash is {@link SharedBytes#tailHash}'s; equality still compares every byte.
   */
  private record Der(byte[] bytes, int hash) {
    static Der of(byte[] der) {
      return new Der(der, SharedBytes.tailHash(der, 0, der.length));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Der d && hash == d.hash && Arrays.equals(bytes, d.bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** The certificates that decode, in order; each one that does not is added to {@code undecodable}. */
  List<Entry> decode(List<byte[]> der, List<Undecodable> undecodable) {
    List<Entry> out = new ArrayList<>(der.size());
    for (int i = 0; i < der.size(); i++) {
      // the flow's own DER array becomes the key: parsed messages are never written to afterwards
      Decoded d = entries.get(Der.of(der.get(i)), k -> decode(k.bytes()));
      if (d.entry() != null) {
        out.add(d.entry());
      } else {
        undecodable.add(new Undecodable(i, d.problem(), d.subject()));
      }
    }
    return out;
  }

  private static Decoded decode(byte[] der) {
    try {
      X509Certificate c = Certificates.decode(der);
      return new Decoded(new Entry(c, CertificateDescriber.describe(c)), null, Optional.empty());
    } catch (CertificateException | RuntimeException e) {
      return new Decoded(null, UndecodableCertificate.why(der, e), UndecodableCertificate.subject(der));
    }
  }
}
