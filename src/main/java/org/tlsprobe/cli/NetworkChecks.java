package org.tlsprobe.cli;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tlsprobe.diagnose.cert.AiaCheck;
import org.tlsprobe.diagnose.cert.ChainContext;
import org.tlsprobe.diagnose.cert.ChainPath;
import org.tlsprobe.diagnose.cert.RevocationCheck;
import org.tlsprobe.model.CrlFetch;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.IssuerFetch;
import org.tlsprobe.net.CrlFetcher;
import org.tlsprobe.net.HttpFetcher;
import org.tlsprobe.net.IssuerFetcher;

/**
 * The glue between the judge, which never touches the network, and the network clients: asks the AIA and
 * revocation checks what to download, downloads it (bounded, cached per URL for the run), and hands the
 * downloads back to be judged. One per run, shared by every target (thread-safe).
 */
final class NetworkChecks {
  private final IssuerFetcher issuers;
  private final CrlFetcher crls;

  NetworkChecks(HttpFetcher http) {
    this.issuers = new IssuerFetcher(http);
    this.crls = new CrlFetcher(http);
  }

  /** The findings the network adds about one chain: AIA completion, then revocation of the (completed) path. */
  List<Finding> check(ChainContext ctx) {
    if (ctx.presented().isEmpty()) {
      return List.of();
    }
    List<IssuerFetch> downloaded = new ArrayList<>();
    for (int round = 0; round < AiaCheck.MAX_ROUNDS; round++) {
      List<String> urls = AiaCheck.urlsToFetch(ctx, downloaded);
      if (urls.isEmpty()) {
        break;
      }
      urls.forEach(u -> downloaded.add(issuers.fetch(u)));
    }
    AiaCheck.Result aia = AiaCheck.judge(ctx, downloaded);
    List<Finding> out = new ArrayList<>(aia.findings());
    out.addAll(revocation(aia.path(), ctx));
    return out;
  }

  private List<Finding> revocation(ChainPath path, ChainContext ctx) {
    Map<String, CrlFetch> got = new LinkedHashMap<>();
    for (String url : RevocationCheck.urlsToFetch(path)) {
      got.put(url, crls.fetch(url));
    }
    List<X509Certificate> presented = ctx.presented();
    return RevocationCheck.judge(path, presented, got, ctx.at());
  }
}
