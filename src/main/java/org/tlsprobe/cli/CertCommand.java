package org.tlsprobe.cli;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tlsprobe.diagnose.cert.CertificateDescriber;
import org.tlsprobe.diagnose.cert.CertificateOrder;
import org.tlsprobe.diagnose.cert.ChainContext;
import org.tlsprobe.diagnose.cert.ChainDiagnostics;
import org.tlsprobe.diagnose.cert.Certificates;
import org.tlsprobe.diagnose.cert.Purpose;
import org.tlsprobe.diagnose.cert.TrustAnchors;
import org.tlsprobe.model.CertificateFileReport;
import org.tlsprobe.model.Finding;
import org.tlsprobe.pki.CertificateFile;
import org.tlsprobe.pki.CertificateFileException;
import org.tlsprobe.pki.CertificateFiles;
import org.tlsprobe.pki.PasswordSource;
import org.tlsprobe.render.CertReportRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tlsprobe cert FILE...}: lints certificate files with the same rules the probe and the analyzer use. */
@Command(
    name = "cert",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Lint a certificate or chain file (PEM, DER, .cer, PKCS#7 .p7b, PKCS#12) for a role:",
      "validity, chain and trust, names, EKU, key usage, CDP, signature hash, key size.",
      "Exit codes: 0 no error finding, 1 some error finding, 2 bad usage, 3 a file could not be read."
    })
final class CertCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Certificate files; the first certificate of each is the leaf (any order for .p7b/.p12).")
  List<Path> files;

  @Option(names = "--purpose", paramLabel = "PURPOSE", converter = PurposeConverter.class,
      description = "server (default): a server's chain; client: a client certificate for MTLS (needs Client Authentication); "
          + "ca: CA certificates on their own (the default for a file that holds no end-entity certificate).")
  Purpose purpose;

  @Mixin CheckOptions check;
  @Mixin TrustOptions trust;
  @Mixin OutputOptions output;
  @Mixin PasswordOptions password;

  private final Clock clock;

  CertCommand() {
    this(Clock.systemUTC());
  }

  CertCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    PasswordSource passwords = password.passwords();
    List<CertificateFile> read = readAll(passwords);
    TrustAnchors anchors = trust.anchors(passwords);
    trust.warnings().forEach(w -> spec.commandLine().getErr().println("tlsprobe: warning: " + w));
    Instant at = check.atOr(clock).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    List<CertificateFileReport> reports = new ArrayList<>();
    for (CertificateFile f : read) {
      reports.add(lint(f, anchors, at));
    }
    CertReportRenderer.Settings settings = new CertReportRenderer.Settings(
        VersionProvider.version(), at, check.role().label(), label(purpose == null ? Purpose.SERVER : purpose), check.names());
    try (OutputOptions.Output out = output.open(spec.commandLine().getOut())) {
      switch (output.format()) {
        case JSON -> CertReportRenderer.json(reports, settings, out.writer());
        case HTML -> CertReportRenderer.html(reports, settings, out.writer());
        case TEXT -> CertReportRenderer.text(reports, settings, out.writer());
      }
    }
    return reports.stream().anyMatch(CertificateFileReport::hasError) ? ExitCode.FAILED : ExitCode.OK;
  }

  /** Reads every file before judging any, so an unreadable one stops the run before a partial report. */
  private List<CertificateFile> readAll(PasswordSource passwords) {
    List<CertificateFile> read = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path p : files) {
      try {
        read.add(CertificateFiles.read(p, passwords));
      } catch (CertificateFileException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(String.join(System.lineSeparator() + "tlsprobe: ", problems));
    }
    return read;
  }

  private CertificateFileReport lint(CertificateFile f, TrustAnchors anchors, Instant at) {
    List<String> notes = new ArrayList<>(f.notes());
    List<X509Certificate> chain = f.certificates();
    if (f.unordered()) {
      // PKCS#7 and PKCS#12 hold a set, not a sequence: judge the chain in path order, not in storage order.
      List<X509Certificate> ordered = CertificateOrder.leafFirst(chain);
      if (!ordered.equals(chain)) {
        notes.add("the " + f.format() + " file stores the certificates in another order; shown leaf first");
      }
      chain = ordered;
    }
    Purpose p = purpose;
    if (p == null) {
      // an intermediate or root checked on its own is not a server certificate: leaf rules would only mislead
      p = chain.stream().allMatch(Certificates::isCaOnly) ? Purpose.CA : Purpose.SERVER;
      if (p == Purpose.CA) {
        notes.add("no end-entity certificate in this file: checked as CA certificates, without the rules for a TLS leaf (--purpose server to check it as one)");
      }
    }
    ChainContext ctx = new ChainContext(chain, check.role(), p, check.names(), at, anchors, check.warnDays());
    List<Finding> findings = ChainDiagnostics.standard().run(ctx);
    return new CertificateFileReport(f.path().toString(), f.format(), label(p), CertificateDescriber.describe(chain), findings, notes);
  }

  private static String label(Purpose p) {
    return p.name().toLowerCase(Locale.ROOT);
  }
}
