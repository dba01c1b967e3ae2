package org.tlsprobe.diagnose;

import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tlsprobe.diagnose.cert.CertificateDescriber;
import org.tlsprobe.diagnose.cert.Certificates;
import org.tlsprobe.model.CertificateDetails;

/**
 * Decoded and described certificates by their DER bytes, least recently used dropped first. A capture
 * shows the same few chains over and over (every connection to a server sends its chain again); decoding
 * and describing one costs about as much as judging it, so each is done once per run. Bounded, so memory
 * does not grow with the capture.
 */
final class CertificateCache {
  static final int CAPACITY = 2048;

  record Entry(X509Certificate certificate, CertificateDetails details) {}

  private final Map<ByteBuffer, Entry> entries = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Entry> eldest) {
      return size() > CAPACITY;
    }
  };

  /** The certificates that decode, in order; each undecodable one adds a line to {@code problems}. */
  synchronized List<Entry> decode(List<byte[]> der, List<String> problems) {
    List<Entry> out = new ArrayList<>(der.size());
    for (byte[] d : der) {
      ByteBuffer key = ByteBuffer.wrap(d);
      Entry e = entries.get(key);
      if (e == null) {
        List<X509Certificate> decoded = Certificates.decode(List.of(d), problems);
        if (decoded.isEmpty()) {
          continue;
        }
        e = new Entry(decoded.get(0), CertificateDescriber.describe(decoded.get(0)));
        entries.put(ByteBuffer.wrap(d.clone()), e);
      }
      out.add(e);
    }
    return out;
  }
}
