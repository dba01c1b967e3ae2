package org.tlsprobe.probe;

import java.nio.file.Path;

/** A small PKI written to files for openssl: root -> issuing CA -> leaf (localhost, 127.0.0.1), and a separate client CA. */
public final class ProbePkiFiles {
  public final ProbePki.Issued root;
  public final ProbePki.Issued intermediate;
  public final ProbePki.Issued leaf;
  public final ProbePki.Issued clientCa;
  public final Path rootCert;
  public final Path intermediateCert;
  public final Path leafCert;
  public final Path leafKey;
  public final Path clientCaCert;

  private ProbePkiFiles(Path dir) throws Exception {
    root = ProbePki.root("Probe Root");
    intermediate = ProbePki.intermediate("Probe Issuing CA", root);
    leaf = ProbePki.issue(new ProbePki.Spec("O=Probe Test,CN=localhost", ProbePki.rsa(2048)), intermediate);
    clientCa = ProbePki.root("Probe Client CA");
    rootCert = ProbePki.pem(dir, "root.pem", root.cert());
    intermediateCert = ProbePki.pem(dir, "intermediate.pem", intermediate.cert());
    leafCert = ProbePki.pem(dir, "leaf.pem", leaf.cert());
    leafKey = ProbePki.pem(dir, "leaf.key", leaf.key());
    clientCaCert = ProbePki.pem(dir, "client-ca.pem", clientCa.cert());
  }

  public static ProbePkiFiles create(Path dir) throws Exception {
    return new ProbePkiFiles(dir);
  }
}
