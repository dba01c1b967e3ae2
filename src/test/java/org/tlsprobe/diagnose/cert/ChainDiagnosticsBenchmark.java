package org.tlsprobe.diagnose.cert;

import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tlsprobe.model.Role;
import org.tlsprobe.testing.TestPki;

/**
 * How long the certificate rules take per chain, against the JDK's system roots (path building scans them),
 * and how long loading those roots takes. Prints numbers; asserts nothing about speed.
 * Run: mvn -o test -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=ChainDiagnosticsBenchmark
 */
@Tag("benchmark")
class ChainDiagnosticsBenchmark {
  @Test
  void chainsPerSecond() {
    long t0 = System.nanoTime();
    TrustAnchors system = TrustAnchors.system();
    long loadMs = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("system roots: %d loaded in %d ms%n", system.roots().size(), loadMs);

    TestPki pki = new TestPki();
    TestPki.Ca root = pki.root("CN=Bench Root");
    TestPki.Ca issuing = root.issuingCa("CN=Bench Issuing CA");
    X509Certificate leaf = issuing.leaf("sip.example.com").build();
    X509Certificate md5 = issuing.leaf("md5.example.com").signature("MD5withRSA").build();
    ChainDiagnostics rules = ChainDiagnostics.standard();
    List<ChainContext> cases = List.of(
        new ChainContext(List.of(leaf, issuing.certificate(), root.certificate()), Role.MTLS, Purpose.SERVER, List.of("sip.example.com"), TestPki.NOW, system, 30),
        new ChainContext(List.of(md5), Role.SERVER, Purpose.SERVER, List.of("md5.example.com"), TestPki.NOW, system, 30),
        new ChainContext(List.of(leaf, issuing.certificate()), Role.FEDERATION, Purpose.SERVER, List.of(), TestPki.NOW,
            TrustAnchors.of(List.of(root.certificate()), List.of()), 30));
    String[] names = {"3 certs, untrusted root, system trust", "leaf only, MD5, system trust", "2 certs, --trust root"};
    for (int c = 0; c < cases.size(); c++) {
      for (int i = 0; i < 300; i++) {
        rules.run(cases.get(c)); // warm-up
      }
      int n = 2000;
      long start = System.nanoTime();
      int findings = 0;
      for (int i = 0; i < n; i++) {
        findings += rules.run(cases.get(c)).size();
      }
      double us = (System.nanoTime() - start) / 1000.0 / n;
      System.out.printf("%-40s %8.1f us/chain  %7.0f chains/s  (%d findings each)%n", names[c], us, 1e6 / us, findings / n);
      if (System.getProperty("bench.perRule") != null) {
        for (Check check : rules.checks()) {
          ChainDiagnostics one = new ChainDiagnostics(List.of(check));
          long s0 = System.nanoTime();
          for (int i = 0; i < 500; i++) {
            one.run(cases.get(c));
          }
          System.out.printf("    %-28s %8.1f us%n", check.info().code(), (System.nanoTime() - s0) / 1000.0 / 500);
        }
      }
    }
  }
}
