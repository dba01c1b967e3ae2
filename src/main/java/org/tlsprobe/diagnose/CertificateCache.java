package org.tlsprobe.diagnose;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tlsprobe.diagnose.cert.CertificateDescriber;
import org.tlsprobe.diagnose.cert.Certificates;
import org.tlsprobe.model.BoundedCache;
import org.tlsprobe.model.CertificateDetails;
import org.tlsprobe.tls.wire.SharedBytes;

/**
 * Decoded and described certificates by their DER bytes. A capture shows the same few chains over and over
 * (every connection to a server sends its chain again); decoding and describing one costs about as much as
 * judging it, so each is done once per run, and so is failing to decode one.
 */
final class CertificateCache {
  static final int CAPACITY = 2048;

  record Entry(X509Certificate certificate, CertificateDetails details) {}

  /** A decoded certificate, or why it does not decode. */
  private record Decoded(Entry entry, String problem) {}

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

  /** The certificates that decode, in order; each undecodable one adds a line to {@code problems}. */
  List<Entry> decode(List<byte[]> der, List<String> problems) {
    List<Entry> out = new ArrayList<>(der.size());
    for (int i = 0; i < der.size(); i++) {
      // the flow's own DER array becomes the key: parsed messages are never written to afterwards
      Decoded d = entries.get(Der.of(der.get(i)), k -> decode(k.bytes()));
      if (d.entry() != null) {
        out.add(d.entry());
      } else {
        problems.add("certificate " + i + ": " + d.problem());
      }
    }
    return out;
  }

  private static Decoded decode(byte[] der) {
    List<String> problems = new ArrayList<>();
    List<X509Certificate> decoded = Certificates.decode(List.of(der), problems);
    if (decoded.isEmpty()) {
      // Certificates.decode says "certificate 0: why"; the caller knows the real position
      String p = problems.isEmpty() ? "cannot be decoded" : problems.get(0).replaceFirst("^certificate 0: ", "");
      return new Decoded(null, p);
    }
    return new Decoded(new Entry(decoded.get(0), CertificateDescriber.describe(decoded.get(0))), null);
  }
}
