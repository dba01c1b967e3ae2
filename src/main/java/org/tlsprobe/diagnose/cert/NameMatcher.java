package org.tlsprobe.diagnose.cert;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a certificate covers a name (RFC 6125 6.4, RFC 2818 3.1): SAN dNSName for host names, SAN
 * iPAddress for IP literals; the subject CN only when the certificate has no DNS or IP SAN. Wildcards: only
 * a whole left-most label "*" matching exactly one label ({@code *.example.com} covers {@code a.example.com},
 * not {@code example.com} nor {@code a.b.example.com}); no partial wildcards like {@code f*o}; never for IP
 * addresses. Case-insensitive; a trailing dot is ignored.
 */
public final class NameMatcher {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private NameMatcher() {}

  /** The names the certificate offers for matching: DNS/IP SANs, or the CNs when there are none. */
  public static List<String> presentedNames(X509Certificate cert) {
    List<String> names = new ArrayList<>();
    for (String san : Certificates.subjectAlternativeNames(cert)) {
      if (san.startsWith("DNS:") || san.startsWith("IP:")) {
        names.add(san);
      }
    }
    if (names.isEmpty()) {
      for (String cn : Certificates.commonNames(cert)) {
        names.add("CN:" + cn);
      }
    }
    return names;
  }

  public static boolean covers(X509Certificate cert, String name) {
    return matchesAny(presentedNames(cert), name);
  }

  /** Matches against names as {@link #presentedNames} gives them ({@code DNS:}, {@code IP:}, {@code CN:}). */
  public static boolean matchesAny(List<String> presented, String name) {
    boolean ip = isIpLiteral(name);
    for (String p : presented) {
      if (p.startsWith("IP:")) {
        if (ip && sameAddress(p.substring(3), name)) {
          return true;
        }
      } else {
        String pattern = p.substring(p.indexOf(':') + 1);
        if (ip ? (p.startsWith("CN:") && sameAddress(pattern, name)) : hostMatches(pattern, name)) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean hostMatches(String pattern, String host) {
    String p = normalize(pattern);
    String h = normalize(host);
    if (p.isEmpty() || h.isEmpty()) {
      return false;
    }
    if (!p.startsWith("*.")) {
      return !p.contains("*") && p.equals(h);
    }
    String suffix = p.substring(1); // ".example.com"
    // At least two labels after the wildcard: "*.com" is not a usable pattern.
    if (suffix.contains("*") || suffix.indexOf('.', 1) < 0) {
      return false;
    }
    if (!h.endsWith(suffix)) {
      return false;
    }
    String first = h.substring(0, h.length() - suffix.length());
    return !first.isEmpty() && !first.contains(".");
  }

  private static String normalize(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  static boolean isIpLiteral(String name) {
    String n = name.trim();
    return IPV4.matcher(n).matches() || n.contains(":") || n.startsWith("[");
  }

  private static boolean sameAddress(String a, String b) {
    try {
      return isIpLiteral(a) && InetAddress.getByName(strip(a)).equals(InetAddress.getByName(strip(b)));
    } catch (Exception e) {
      return false;
    }
  }

  private static String strip(String ip) {
    String s = ip.trim();
    return s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
  }
}
