package org.tlsprobe.probe;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * Every cipher suite code point Bouncy Castle names (the IANA registry and the old draft/export ones), and
 * the two offers built from them: the broad default ClientHello and the per-version enumeration lists.
 */
final class SuiteCatalog {
  private static final Map<Integer, String> NAMES = readNames();

  private SuiteCatalog() {}

  private static Map<Integer, String> readNames() {
    Map<Integer, String> names = new TreeMap<>();
    for (Field f : CipherSuite.class.getFields()) {
      if (f.getType() == int.class && Modifier.isStatic(f.getModifiers()) && f.getName().startsWith("TLS_")) {
        try {
          int code = f.getInt(null);
          if (!CipherSuite.isSCSV(code)) {
            names.putIfAbsent(code, f.getName());
          }
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return java.util.Collections.unmodifiableMap(names); // sorted by code point, for stable offers
  }

  static String name(int code) {
    return NAMES.getOrDefault(code, String.format("0x%04X", code));
  }

  static boolean isTls13(int code) {
    return (code & 0xff00) == 0x1300;
  }

  /**
   * Every known suite valid for the version family: TLS 1.3 suites for 1.3, every other suite for 1.0 to
   * 1.2, and for SSL 3.0 those whose records SSL 3.0 can protect ({@link #ssl3Capable}).
   */
  static int[] allFor(ProtocolVersion v) {
    boolean v13 = TlsUtils.isTLSv13(v);
    boolean ssl3 = ProtocolVersion.SSLv3.equals(v);
    return NAMES.entrySet().stream()
        .filter(e -> isTls13(e.getKey()) == v13 && (!ssl3 || ssl3Capable(e.getValue())))
        .mapToInt(Map.Entry::getKey).toArray();
  }

  /**
   * SSL 3.0 has only the MD5 and SHA-1 MACs and no AEAD, so a suite it can carry ends in _MD5 or _SHA: the
   * SSL 3.0 suites proper (RSA, DHE, DH_anon, RC4, 3DES, DES, EXPORT, NULL) and the later CBC_SHA ones
   * (AES, CAMELLIA, SEED, ECDHE) that SSL 3.0 servers accept all the same (SunJSSE, OpenSSL 1.0).
   * NULL_WITH_NULL_NULL is never negotiable.
   */
  private static boolean ssl3Capable(String name) {
    return (name.endsWith("_SHA") || name.endsWith("_MD5")) && !name.equals("TLS_NULL_WITH_NULL_NULL");
  }

  /**
   * The default ClientHello's suites: Bouncy Castle's modern defaults first, then every other suite it can
   * perform with certificates (RSA key exchange, DHE, 3DES, CBC, CAMELLIA, ARIA), so that a server that only
   * does old things still answers. Anonymous, PSK, SRP, NULL and export suites are not offered.
   */
  static int[] broad(TlsCrypto crypto) {
    Set<Integer> out = new LinkedHashSet<>();
    int[] modern = new DefaultTlsClient(crypto) {
      int[] list() {
        return getSupportedCipherSuites();
      }

      @Override
      public org.bouncycastle.tls.TlsAuthentication getAuthentication() {
        return null;
      }
    }.list();
    for (int s : modern) {
      out.add(s);
    }
    List<Integer> legacy = new ArrayList<>();
    for (Map.Entry<Integer, String> e : NAMES.entrySet()) {
      String n = e.getValue();
      if (n.contains("_anon_") || n.contains("PSK") || n.contains("SRP") || n.contains("NULL") || n.contains("EXPORT")
          || n.contains("_ECDH_ECDSA_") || n.contains("_ECDH_RSA_") || n.contains("_DH_RSA_") || n.contains("_DH_DSS_")
          || n.contains("KRB5") || n.contains("GOSTR") || n.contains("_SM4_") || n.contains("CCM") && n.contains("_8")) {
        continue;
      }
      if (TlsUtils.isSupportedCipherSuite(crypto, e.getKey())) {
        legacy.add(e.getKey());
      }
    }
    // Strongest key exchange first among the rest: ECDHE, DHE, then plain RSA; 3DES last.
    legacy.sort((a, b) -> Integer.compare(rank(NAMES.get(a)), rank(NAMES.get(b))));
    out.addAll(legacy);
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int rank(String n) {
    int r = n.startsWith("TLS_ECDHE_") ? 0 : n.startsWith("TLS_DHE_") ? 10 : 20;
    if (n.contains("3DES")) {
      r += 5;
    }
    return r;
  }

  static List<Integer> asList(int[] a) {
    return Arrays.stream(a).boxed().toList();
  }
}
