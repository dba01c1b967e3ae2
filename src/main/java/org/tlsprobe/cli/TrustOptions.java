package org.tlsprobe.cli;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.tlsprobe.diagnose.cert.TrustAnchors;
import org.tlsprobe.pki.CertificateFileException;
import org.tlsprobe.pki.CertificateFiles;
import org.tlsprobe.pki.PasswordSource;
import picocli.CommandLine.Option;

/** {@code --trust} (roots) and {@code --intermediates} (CAs the client already holds). */
public final class TrustOptions {
  @Option(names = "--trust", paramLabel = "FILE",
      description = "Trusted roots: PEM bundle, DER/PEM .cer, JKS/PKCS#12 store, or a folder of them. Repeatable. Default: the JDK's system roots.")
  List<Path> trust = new ArrayList<>();

  @Option(names = "--intermediates", paramLabel = "FILE",
      description = "Intermediate CAs the client is assumed to hold (Windows \"Intermediate Certification Authorities\"). Repeatable.")
  List<Path> intermediates = new ArrayList<>();

  private final List<String> warnings = new ArrayList<>();

  /**
   * Loads the anchors: the named roots, or the JDK's system roots when none is named; plus the intermediates.
   * An unreadable file ends the run (exit 3); files of a folder that are not certificates are skipped and
   * listed in {@link #warnings()}.
   */
  public TrustAnchors anchors(PasswordSource passwords) {
    List<X509Certificate> inter = load(intermediates, "--intermediates", passwords);
    if (trust.isEmpty()) {
      return TrustAnchors.system(inter);
    }
    return TrustAnchors.of(load(trust, "--trust", passwords), inter);
  }

  /** Whether --trust or --intermediates named files (else the anchors are the JDK's roots alone). */
  public boolean namesFiles() {
    return !trust.isEmpty() || !intermediates.isEmpty();
  }

  /** Files skipped in --trust/--intermediates folders, one line each. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  private List<X509Certificate> load(List<Path> paths, String option, PasswordSource passwords) {
    List<X509Certificate> out = new ArrayList<>();
    for (Path p : paths) {
      try {
        CertificateFiles.TrustSource src = CertificateFiles.readTrust(p, passwords);
        out.addAll(src.certificates());
        src.skipped().forEach(s -> warnings.add(option + " " + p + ": skipped " + s));
      } catch (CertificateFileException e) {
        throw new InputException(option + " " + e.getMessage(), e);
      }
    }
    return out;
  }
}
