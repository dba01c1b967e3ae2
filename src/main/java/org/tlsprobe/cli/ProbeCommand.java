package org.tlsprobe.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.tlsprobe.model.ProbeReport;
import org.tlsprobe.diagnose.cert.TrustAnchors;
import org.tlsprobe.pki.CertificateFileException;
import org.tlsprobe.pki.PasswordSource;
import org.tlsprobe.pki.ClientIdentity;
import org.tlsprobe.pki.ClientIdentityException;
import org.tlsprobe.pki.ClientIdentityLoader;
import org.tlsprobe.net.HttpFetcher;
import org.tlsprobe.probe.ClientCredential;
import org.tlsprobe.probe.ProbeSettings;
import org.tlsprobe.probe.Prober;
import org.tlsprobe.probe.Target;
import org.tlsprobe.render.ProbeHtmlRenderer;
import org.tlsprobe.render.ProbeJsonRenderer;
import org.tlsprobe.render.ProbeTextRenderer;
import org.tlsprobe.render.ReportStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tlsprobe probe TARGET...}: live (M)TLS handshakes, each recorded and judged like a captured one.
 * Every address of every target yields exactly one result, written as it finishes.
 */
@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    description = {
      "Connects to each target (every address its name resolves to), runs one (M)TLS handshake, records the",
      "chain, the CertificateRequest's CA names, version and suite, and says why it fails and what to do."
    })
final class ProbeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TARGET", arity = "0..*", description = "host[:port] (default port 5061) or [v6addr]:port")
  List<String> targetArgs = new ArrayList<>();

  @Option(names = "--targets", paramLabel = "FILE", description = "read targets from FILE, one a line; '#' starts a comment")
  Path targetsFile;

  @Option(names = "--sni", paramLabel = "NAME", description = "the server name to send (default: the target host when it is a name)")
  String sni;

  @Option(names = "--client-cert", paramLabel = "FILE", description = "client certificate for MTLS: PKCS#12, or PEM (with --client-key)")
  Path clientCert;

  @Option(names = "--client-key", paramLabel = "FILE", description = "PEM private key of --client-cert (PKCS#8, PKCS#1 RSA or SEC1 EC)")
  Path clientKey;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
      description = "per phase (connect, handshake), e.g. 5s (default 10s)")
  Duration timeout;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "64", description = "connections at once (default 64)")
  int concurrency;

  @Option(names = "--enumerate", description = "also list the protocol versions and cipher suites the server accepts, in its order of preference")
  boolean enumerate;

  @Option(names = "--no-fetch", description = "do not download AIA issuers or CRLs (AIA_COMPLETES_CHAIN, CRL_* and CERT_REVOKED by CRL need them)")
  boolean noFetch;

  @Option(names = "--sip-options", description = "after the handshake, send a SIP OPTIONS and report the answer (SIP_NO_RESPONSE when none comes)")
  boolean sipOptions;

  @Option(names = "--our-domain", paramLabel = "DOMAIN", description = "our SIP domain, for the From of --sip-options (default: tlsprobe.invalid)")
  String ourDomain;

  @Mixin CheckOptions check;
  @Mixin TrustOptions trust;
  @Mixin OutputOptions output;
  @Mixin PasswordOptions password;

  private final Clock clock;

  ProbeCommand() {
    this(Clock.systemUTC());
  }

  ProbeCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    List<Target> targets = targets();
    if (targets.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no target given: name one or more host[:port], or --targets FILE");
    }
    if (concurrency < 1 || concurrency > 10_000) {
      throw new ParameterException(spec.commandLine(), "--concurrency " + concurrency + ": give a number from 1 to 10000");
    }
    PasswordSource passwords = password.passwords();
    Optional<ClientIdentity> identity = loadIdentity(passwords);
    // The JDK's roots take a moment to load: do that while the first handshakes run. Named files are read
    // first, so an unreadable one stops the run before any connection is made.
    CompletableFuture<TrustAnchors> anchors = trust.namesFiles()
        ? CompletableFuture.completedFuture(trust.anchors(passwords))
        : CompletableFuture.supplyAsync(() -> trust.anchors(passwords));
    ProbeJudge judge = new ProbeJudge(check.role(), check.names(), check.at(), check.warnDays(), anchors,
        identity.map(ClientIdentity::chain).orElse(List.of()), clock);

    List<X509Certificate> ourChain = identity.map(ClientIdentity::chain).orElse(List.of());
    Optional<NetworkChecks> network = noFetch ? Optional.empty()
        : Optional.of(new NetworkChecks(new HttpFetcher(timeout.compareTo(HttpFetcher.DEFAULT_TIMEOUT) < 0 ? timeout : HttpFetcher.DEFAULT_TIMEOUT, HttpFetcher.DEFAULT_MAX_BYTES)));
    // A request of its own for each target, addressed to --sni, else to the target itself.
    Map<Target, SipCheck> sipChecks = new ConcurrentHashMap<>();
    Function<Target, Optional<SipCheck>> sip = t -> !sipOptions ? Optional.empty()
        : Optional.of(sipChecks.computeIfAbsent(t, x -> new SipCheck(sni != null ? sni : x.host() + ":" + x.port(), ourDomain, timeout)));

    ProbeSettings settings = ProbeSettings.defaults().withTimeout(timeout).withConcurrency(concurrency)
        .withSni(Optional.ofNullable(sni)).withCredential(identity.map(id -> new ClientCredential(id.key(), id.chain())))
        .withExchangeFor(t -> sip.apply(t).map(SipCheck::exchange));
    AtomicBoolean failed = new AtomicBoolean();
    try (OutputOptions.Output out = output.open(spec.commandLine().getOut()); Prober prober = new Prober(settings)) {
      ReportStream<ProbeReport> sink = switch (output.format()) {
        case JSON -> new ProbeJsonRenderer(out.writer());
        case HTML -> new ProbeHtmlRenderer(out.writer());
        case TEXT -> new ProbeTextRenderer(out.writer());
      };
      // Results come on the probe's reporter thread: the (bounded, cached) downloads block it, never an event loop.
      prober.probe(targets, enumerate, result -> {
        ReportExtras extras = new ReportExtras(network, ourChain, check.role(), anchors.join(), check.warnDays());
        Instant when = check.at().orElse(result.observation().map(o -> o.start()).filter(java.util.Objects::nonNull).orElse(clock.instant()));
        ProbeReport report = extras.apply(judge.report(result), result, when, sip.apply(result.target()));
        if (report.failed()) {
          failed.set(true);
        }
        sink.write(report);
      });
      sink.finish();
    }
    trust.warnings().forEach(w -> spec.commandLine().getErr().println("tlsprobe: warning: " + w));
    return failed.get() ? ExitCode.FAILED : ExitCode.OK;
  }

  private List<Target> targets() {
    List<String> lines = new ArrayList<>(targetArgs);
    if (targetsFile != null) {
      try {
        for (String line : Files.readAllLines(targetsFile, StandardCharsets.UTF_8)) {
          int hash = line.indexOf('#');
          String t = (hash >= 0 ? line.substring(0, hash) : line).trim();
          if (!t.isEmpty()) {
            lines.add(t);
          }
        }
      } catch (IOException e) {
        throw new InputException("--targets " + targetsFile + ": cannot be read (" + e.getMessage() + ")", e);
      }
    }
    List<Target> out = new ArrayList<>();
    for (String s : lines) {
      try {
        out.add(Target.parse(s, Target.DEFAULT_PORT));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    return out;
  }

  private Optional<ClientIdentity> loadIdentity(PasswordSource passwords) {
    if (clientCert == null) {
      if (clientKey != null) {
        throw new ParameterException(spec.commandLine(), "--client-key needs --client-cert");
      }
      return Optional.empty();
    }
    try {
      return Optional.of(ClientIdentityLoader.load(clientCert, clientKey, what -> {
        try {
          return passwords.password(what);
        } catch (CertificateFileException e) {
          throw new InputException(e.getMessage(), e);
        }
      }));
    } catch (ClientIdentityException e) {
      throw new InputException(e.getMessage(), e);
    }
  }
}
