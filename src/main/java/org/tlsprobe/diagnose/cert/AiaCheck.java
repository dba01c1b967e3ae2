package org.tlsprobe.diagnose.cert;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.IssuerFetch;
import org.tlsprobe.model.Severity;

/**
 * AIA_COMPLETES_CHAIN: the server left out an intermediate, but the certificate where the path stops names
 * an AIA caIssuers URL that serves it. Browsers download it and cope; Schannel clients such as phones and
 * other servers often cannot (no fetch before the handshake, no Internet on the internal side), so it is
 * a warning that keeps CHAIN_INCOMPLETE's advice short: send the intermediate.
 *
 * <p>Judges what was already downloaded: the caller asks {@link #urlsToFetch} what to download (again,
 * after each round, since a downloaded intermediate may itself need its issuer), fetches with {@code net},
 * and hands every download to {@link #judge}. AIA_UNREACHABLE (info) says when the download failed.
 */
public final class AiaCheck {
  public static final CheckInfo INFO = new CheckInfo("AIA_COMPLETES_CHAIN", Severity.WARNING, "RFC 5280 4.2.2.1 (caIssuers)");
  public static final CheckInfo UNREACHABLE = new CheckInfo("AIA_UNREACHABLE", Severity.INFO, "RFC 5280 4.2.2.1 (caIssuers)");
  /** Rounds of downloading a caller should allow: leaf -> issuing CA -> policy CA -> root. */
  public static final int MAX_ROUNDS = 4;

  private AiaCheck() {}

  /** What the AIA downloads made of the chain: the findings, and the path built with them. */
  public record Result(List<Finding> findings, ChainPath path) {
    public Result {
      findings = List.copyOf(findings);
    }
  }

  /**
   * The caIssuers URLs (http and https only) to download next: those of the certificate where the path
   * stops for a missing issuer, not yet in {@code fetched}. Empty when the path is complete without the
   * network, or nothing more can be tried.
   */
  public static List<String> urlsToFetch(ChainContext ctx, Collection<IssuerFetch> fetched) {
    if (ctx.presented().isEmpty()) {
      return List.of();
    }
    ChainPath path = pathWith(ctx, fetched);
    if (path.end() != ChainPath.End.INCOMPLETE) {
      return List.of();
    }
    Set<String> done = new LinkedHashSet<>();
    fetched.forEach(f -> done.add(f.url()));
    List<String> out = new ArrayList<>();
    for (String url : Certificates.caIssuersUrls(path.last())) {
      if (isHttp(url) && !done.contains(url)) {
        out.add(url);
      }
    }
    return out;
  }

  /** Judges the chain with the downloads; never throws. */
  public static Result judge(ChainContext ctx, Collection<IssuerFetch> fetched) {
    if (ctx.presented().isEmpty()) {
      return new Result(List.of(), new ChainPath(List.of(), ChainPath.End.INCOMPLETE, null, "nothing presented"));
    }
    try {
      return judgeUnchecked(ctx, fetched);
    } catch (RuntimeException e) {
      ChainPath plain = pathWith(ctx, List.of());
      return new Result(List.of(new Finding(ChainDiagnostics.RULE_FAILED, Severity.WARNING,
          "The AIA check could not be completed: " + e, null, "Please report this.")), plain);
    }
  }

  private static Result judgeUnchecked(ChainContext ctx, Collection<IssuerFetch> fetched) {
    ChainPath without = pathWith(ctx, List.of());
    if (without.end() != ChainPath.End.INCOMPLETE) {
      return new Result(List.of(), without);
    }
    ChainPath with = pathWith(ctx, fetched);
    List<Finding> findings = new ArrayList<>();
    X509Certificate stop = without.last();
    Integer index = indexIn(ctx.presented(), stop);
    String who = label(stop, index);
    List<X509Certificate> downloaded = downloadedOnPath(with, without, ctx.trust());
    if (with.end() == ChainPath.End.TRUSTED && !downloaded.isEmpty()) {
      StringBuilder names = new StringBuilder();
      for (X509Certificate c : downloaded) {
        names.append(names.length() == 0 ? "" : ", ").append('"').append(Certificates.subject(c)).append('"');
      }
      findings.add(new Finding(INFO.code(), INFO.severity(),
          "The server does not send the intermediate " + names + ", but " + who + " names where to download it ("
              + String.join(", ", Certificates.caIssuersUrls(stop)) + ") and the download completes the chain to a trusted root."
              + " Browsers fetch it; Schannel clients such as phones and other servers may not.",
          index,
          "Configure the server to send the full chain: install the intermediate(s) in the server's Intermediate"
              + " Certification Authorities store (or the chain file) and restart the service that binds the certificate."));
      return new Result(findings, with);
    }
    List<String> urls = Certificates.caIssuersUrls(stop);
    List<String> problems = new ArrayList<>();
    for (IssuerFetch f : fetched) {
      if (urls.contains(f.url()) && !f.ok()) {
        problems.add(f.url() + ": " + f.problem());
      }
    }
    for (String url : urls) {
      if (!isHttp(url)) {
        problems.add(url + ": not fetched (only http and https are)");
      }
    }
    if (!problems.isEmpty()) {
      findings.add(new Finding(UNREACHABLE.code(), UNREACHABLE.severity(),
          "The missing issuer of " + who + " could not be downloaded from its AIA URL: " + String.join("; ", problems) + ".",
          index, "Publish the issuing CA's certificate at the AIA URL, and send it in the server's chain."));
    } else if (!urls.isEmpty() && with.end() == ChainPath.End.UNTRUSTED_ROOT) {
      findings.add(new Finding(UNREACHABLE.code(), UNREACHABLE.severity(),
          "The AIA download for " + who + " leads to the root \"" + Certificates.subject(with.last()) + "\", which is not trusted.",
          index, "Send the intermediate in the server's chain, and make sure clients trust its root."));
    } else if (!urls.isEmpty() && downloaded.isEmpty()) {
      findings.add(new Finding(UNREACHABLE.code(), UNREACHABLE.severity(),
          "The certificate served at the AIA URL of " + who + " (" + String.join(", ", urls) + ") did not sign it.",
          index, "Publish the issuing CA's current certificate at the AIA URL (a renewed CA key is a classic cause)."));
    }
    return new Result(findings, with.end() == ChainPath.End.INCOMPLETE && downloaded.isEmpty() ? without : with);
  }

  /** The path from the leaf with the downloaded certificates as extra intermediates (roots stay roots). */
  static ChainPath pathWith(ChainContext ctx, Collection<IssuerFetch> fetched) {
    List<X509Certificate> intermediates = new ArrayList<>(ctx.trust().intermediates());
    for (IssuerFetch f : fetched) {
      intermediates.addAll(f.certificates());
    }
    TrustAnchors trust = new TrustAnchors(ctx.trust().roots(), intermediates, ctx.trust().systemRoots());
    X509Certificate leaf = ctx.presented().get(CertificateOrder.leafIndex(ctx.presented()));
    return PathBuilder.build(leaf, ctx.presented(), trust);
  }

  /** The certificates the downloads added to the path; the trust anchor at its top was not downloaded (clients hold it). */
  private static List<X509Certificate> downloadedOnPath(ChainPath with, ChainPath without, TrustAnchors trust) {
    List<X509Certificate> out = new ArrayList<>();
    List<X509Certificate> w = with.certificates();
    for (int i = without.certificates().size(); i < w.size(); i++) {
      X509Certificate c = w.get(i);
      if (trust.roots().stream().noneMatch(r -> Certificates.sameCertificate(r, c))) {
        out.add(c);
      }
    }
    return out;
  }

  static Integer indexIn(List<X509Certificate> presented, X509Certificate c) {
    int i = presented.indexOf(c);
    return i < 0 ? null : i;
  }

  static String label(X509Certificate c, Integer index) {
    String dn = '"' + Certificates.subject(c) + '"';
    if (index == null) {
      return "the intermediate " + dn;
    }
    return (index == 0 ? "the leaf " : "certificate " + index + " ") + dn;
  }

  static boolean isHttp(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    return u.startsWith("http://") || u.startsWith("https://");
  }
}
