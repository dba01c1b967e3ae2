package org.tlsprobe.probe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProberSmokeTest {
  @TempDir Path dir;

  @Test
  void smoke() throws Exception {
    ProbePki.Issued root = ProbePki.root("Smoke Root");
    ProbePki.Issued inter = ProbePki.intermediate("Smoke Issuing CA", root);
    ProbePki.Issued leaf = ProbePki.issue(new ProbePki.Spec("CN=localhost", ProbePki.rsa(2048)), inter);
    Path cert = ProbePki.pem(dir, "leaf.pem", leaf.cert());
    Path key = ProbePki.pem(dir, "leaf.key", leaf.key());
    Path chain = ProbePki.pem(dir, "chain.pem", inter.cert());
    for (String[] extra : new String[][] {{}, {"-tls1_2"}, {"-Verify", "1"}, {"-tls1_2", "-Verify", "1"}}) {
      List<String> args = new ArrayList<>(List.of("-cert_chain", chain.toString()));
      args.addAll(List.of(extra));
      try (OpenSslServer s = OpenSslServer.start(cert, key, args.toArray(new String[0]));
          Prober p = new Prober(ProbeSettings.defaults())) {
        List<ProbeResult> out = new ArrayList<>();
        p.probe(List.of(Target.parse("localhost:" + s.port, 5061)), true, out::add);
        for (ProbeResult r : out) {
          System.out.println(String.join(" ", extra) + " -> " + r.address() + " " + r.timing() + " ca=" + r.clientCaNames()
              + " local=" + r.localFailure() + " fail=" + r.connectFailure());
          r.observation().ifPresent(o -> o.transcript().events().forEach(e -> System.out.println("   " + e)));
          r.observation().ifPresent(o -> System.out.println("   " + o.transcript().serverHello() + " chain=" + o.transcript().serverCertificate().map(c -> c.certificates().size())));
          r.enumeration().ifPresent(e -> System.out.println("   enum " + e));
        }
        assertTrue(!out.isEmpty());
      }
    }
  }
}
