package org.tlsprobe.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tlsprobe.diagnose.cert.CertificateDescriber;
import org.tlsprobe.diagnose.cert.ChainContext;
import org.tlsprobe.diagnose.cert.ChainDiagnostics;
import org.tlsprobe.diagnose.cert.Purpose;
import org.tlsprobe.diagnose.cert.TrustAnchors;
import org.tlsprobe.diagnose.federation.FederationJudge;
import org.tlsprobe.diagnose.federation.SrvRules;
import org.tlsprobe.model.FederationReport;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.ProbeReport;
import org.tlsprobe.model.Role;
import org.tlsprobe.model.Severity;
import org.tlsprobe.model.SrvLookup;
import org.tlsprobe.model.SrvTarget;
import org.tlsprobe.net.DnsClient;
import org.tlsprobe.net.HttpFetcher;
import org.tlsprobe.pki.ClientIdentity;
import org.tlsprobe.pki.ClientIdentityException;
import org.tlsprobe.pki.ClientIdentityLoader;
import org.tlsprobe.probe.ClientCredential;
import org.tlsprobe.probe.ProbeResult;
import org.tlsprobe.probe.ProbeSettings;
import org.tlsprobe.probe.Prober;
import org.tlsprobe.probe.Target;
import org.tlsprobe.render.FederationHtmlRenderer;
import org.tlsprobe.render.FederationJsonRenderer;
import org.tlsprobe.render.FederationTextRenderer;
import org.tlsprobe.render.ReportStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tlsprobe federation DOMAIN...}: the federation partner pre-check. DNS SRV
 * {@code _sipfederationtls._tcp.DOMAIN}, then MTLS with our edge certificate to every address of every
 * target, the federation rules on their chain and ours, then a SIP OPTIONS over each TLS session; one
 * report and verdict per domain.
 */
@Command(
    name = "federation",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Federation partner pre-check: finds the partner's Access Edge through DNS SRV (_sipfederationtls._tcp.DOMAIN),"
        + " opens MTLS with our edge certificate to every target address, applies the federation rules to their certificate"
        + " and ours, sends a SIP OPTIONS, and says whether we are ready to federate and what to fix on which side.",
    sortOptions = true)
public final class FederationCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DOMAIN", arity = "1..*", description = "the partner's SIP domain, e.g. fabrikam.com")
  List<String> domains = new ArrayList<>();

  @Option(names = "--dns-server", paramLabel = "HOST[:PORT]", description = "ask this DNS server (default: the system's resolvers)")
  String dnsServer;

  @Option(names = "--client-discovery", description = "also check the client sign-in SRV records (_sipinternaltls._tcp, _sip._tls) with the exact-domain rule")
  boolean clientDiscovery;

  @Option(names = "--client-cert", paramLabel = "FILE", description = "our edge's external certificate for MTLS: PKCS#12, or PEM with --client-key")
  java.nio.file.Path clientCert;

  @Option(names = "--client-key", paramLabel = "FILE", description = "PEM private key of --client-cert")
  java.nio.file.Path clientKey;

  @Option(names = "--our-domain", paramLabel = "DOMAIN", description = "our SIP domain, for the From of the SIP OPTIONS (default: tlsprobe.invalid)")
  String ourDomain;

  @Option(names = "--our-name", paramLabel = "NAME", description = "a name our certificate must cover (our Access Edge FQDN); repeatable")
  List<String> ourNames = new ArrayList<>();

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
      description = "per phase: DNS query, connect, handshake, SIP answer (default 10s)")
  Duration timeout;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "64", description = "connections at once (default 64)")
  int concurrency;

  @Mixin ValidityOptions validity;

  @Option(names = "--no-fetch", description = "do not download AIA issuers or CRLs")
  boolean noFetch;

  @Option(names = "--no-sip", description = "do not send SIP OPTIONS after the handshake")
  boolean noSip;

  @Mixin TrustOptions trustOptions;
  @Mixin PasswordOptions passwordOptions;
  @Mixin OutputOptions outputOptions;

  private final Clock clock;

  public FederationCommand() {
    this(Clock.systemUTC());
  }

  FederationCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    List<String> names = checkedDomains();
    if (concurrency < 1 || concurrency > 10_000) {
      throw new ParameterException(spec.commandLine(), "--concurrency " + concurrency + ": give a number from 1 to 10000");
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new ParameterException(spec.commandLine(), "--timeout must be positive, e.g. 5s");
    }
    DnsClient dns = dnsClient();
    TrustAnchors trust = trustOptions.anchors(passwordOptions.passwords());
    Optional<ClientIdentity> identity = loadIdentity();
    List<X509Certificate> ourChain = identity.map(ClientIdentity::chain).orElse(List.of());
    Instant when = validity.atOr(clock);
    Optional<NetworkChecks> network = noFetch ? Optional.empty() : Optional.of(new NetworkChecks(new HttpFetcher(min(timeout, HttpFetcher.DEFAULT_TIMEOUT), HttpFetcher.DEFAULT_MAX_BYTES)));
    List<Finding> ourFindings = ourFindings(ourChain, when, trust, network);
    ReportExtras extras = new ReportExtras(network, ourChain, Role.FEDERATION, trust, validity.warnDays());

    boolean failed = false;
    try (OutputOptions.Output output = outputOptions.open(spec.commandLine().getOut())) {
      ReportStream<FederationReport> sink = switch (outputOptions.format()) {
        case JSON -> new FederationJsonRenderer(output.writer());
        case HTML -> new FederationHtmlRenderer(output.writer());
        case TEXT -> new FederationTextRenderer(output.writer());
      };
      for (String domain : names) {
        FederationReport report = check(domain, dns, trust, identity, ourChain, ourFindings, when, extras);
        failed |= report.failed();
        sink.write(report);
      }
      sink.finish();
    }
    return failed ? ExitCode.FAILED : ExitCode.OK;
  }

  private FederationReport check(String domain, DnsClient dns, TrustAnchors trust, Optional<ClientIdentity> identity,
      List<X509Certificate> ourChain, List<Finding> ourFindings, Instant when, ReportExtras extras) {
    SrvLookup srv = dns.srv(SrvRules.FEDERATION_SERVICE + "." + domain);
    List<SrvLookup> client = new ArrayList<>();
    if (clientDiscovery) {
      for (String service : SrvRules.CLIENT_SERVICES) {
        client.add(dns.srv(service + "." + domain));
      }
    }
    List<Finding> domainFindings = new ArrayList<>(SrvRules.federation(domain, srv));
    if (clientDiscovery) {
      domainFindings.addAll(SrvRules.clientDiscovery(domain, client));
    }
    if (identity.isEmpty()) {
      domainFindings.add(new Finding("CLIENT_CERT_NOT_GIVEN", Severity.WARNING,
          "No --client-cert: the partner's edge was probed without our certificate, so MTLS itself was not tested.", null,
          "Give our Access Edge's external certificate with --client-cert (PKCS#12, or PEM with --client-key)."));
    }
    domainFindings.sort(ChainDiagnostics.ORDER);
    List<ProbeReport> targets = new ArrayList<>();
    for (SrvTarget t : srv.targets()) {
      if (t.addresses().isEmpty()) {
        continue;
      }
      targets.addAll(probeTarget(t, trust, identity, ourChain, when, extras));
    }
    return new FederationReport(domain, srv, client, targets, domainFindings, CertificateDescriber.describe(ourChain), ourFindings,
        FederationJudge.verdict(domain, domainFindings, targets, ourFindings));
  }

  /** MTLS (and SIP OPTIONS) to every address of one SRV target, with the target's name as SNI and expected name. */
  private List<ProbeReport> probeTarget(SrvTarget t, TrustAnchors trust, Optional<ClientIdentity> identity, List<X509Certificate> ourChain,
      Instant when, ReportExtras extras) {
    Optional<SipCheck> sip = noSip ? Optional.empty() : Optional.of(new SipCheck(t.host() + ":" + t.port(), ourDomain, timeout));
    ProbeSettings settings = ProbeSettings.defaults().withTimeout(timeout).withConcurrency(concurrency)
        .withSni(Optional.of(t.host()))
        .withCredential(identity.map(i -> new ClientCredential(i.key(), i.chain())))
        .withExchange(sip.map(SipCheck::exchange));
    List<Target> targets = new ArrayList<>();
    for (String address : t.addresses()) {
      // The address came from the DNS server we were told to ask; the probe must not resolve the name again.
      targets.add(new Target(t.hostPort(), address, t.port()));
    }
    ProbeJudge judge = new ProbeJudge(Role.FEDERATION, List.of(t.host()), Optional.of(when), validity.warnDays(),
        java.util.concurrent.CompletableFuture.completedFuture(trust), ourChain, clock);
    List<ProbeReport> out = new ArrayList<>();
    List<ProbeResult> results = new ArrayList<>();
    try (Prober prober = new Prober(settings)) {
      prober.probe(targets, false, r -> {
        synchronized (results) {
          results.add(r);
        }
      });
    }
    results.sort(Comparator.comparingInt(r -> t.addresses().indexOf(r.target().host())));
    for (ProbeResult r : results) {
      out.add(onlyTargetSpecificClientFindings(extras.apply(judge.report(r), r, when, sip)));
    }
    return out;
  }

  /**
   * Our certificate is judged once per run (domain level, with our names and revocation); per target only
   * what depends on the target stays: whether its CertificateRequest lists our CA.
   */
  private static ProbeReport onlyTargetSpecificClientFindings(ProbeReport r) {
    org.tlsprobe.model.Diagnosis d = r.diagnosis();
    List<Finding> kept = d.clientFindings().stream().filter(f -> f.code().equals(org.tlsprobe.diagnose.cert.ClientCaAcceptedCheck.INFO.code())).toList();
    org.tlsprobe.model.Diagnosis nd = new org.tlsprobe.model.Diagnosis(d.outcome(), d.explanation(), d.windows(), d.chain(),
        kept.isEmpty() ? List.of() : d.clientChain(), d.findings(), kept, d.facts());
    return new ProbeReport(r.target(), r.address(), r.sni(), nd, r.tlsVersion(), r.cipherSuite(), r.clientCaNames(),
        r.clientCaNamesBytes(), r.timing(), r.failure(), r.versions(), r.cipherSuites(), r.sip());
  }

  private List<Finding> ourFindings(List<X509Certificate> ourChain, Instant when, TrustAnchors trust, Optional<NetworkChecks> network) {
    if (ourChain.isEmpty()) {
      return List.of();
    }
    // Our edge is a server to partners who dial in and a client when we dial out: the same rules as theirs.
    ChainContext ctx = new ChainContext(ourChain, Role.FEDERATION, Purpose.SERVER, ourNames, when, trust, validity.warnDays());
    List<Finding> out = new ArrayList<>(ChainDiagnostics.standard().run(ctx));
    network.ifPresent(n -> out.addAll(n.check(ctx)));
    if (ourNames.isEmpty()) {
      out.add(new Finding("NAME_NOT_CHECKED", Severity.INFO, "Our certificate's names were not checked: no --our-name given.", 0,
          "Give our Access Edge's external FQDN (the target of our own _sipfederationtls._tcp record) with --our-name."));
    }
    out.sort(ChainDiagnostics.ORDER);
    return out;
  }

  private List<String> checkedDomains() {
    List<String> out = new ArrayList<>();
    for (String d : domains) {
      String n = d.trim().toLowerCase(Locale.ROOT);
      if (n.endsWith(".")) {
        n = n.substring(0, n.length() - 1);
      }
      if (!n.matches("[a-z0-9_]([a-z0-9_-]{0,62})(\\.[a-z0-9_]([a-z0-9_-]{0,62}))+")) {
        throw new ParameterException(spec.commandLine(), "'" + d + "' is not a DNS domain name: give the partner's SIP domain, e.g. fabrikam.com");
      }
      out.add(n);
    }
    return out;
  }

  private DnsClient dnsClient() {
    if (dnsServer == null) {
      return DnsClient.system(timeout);
    }
    String host = dnsServer.trim();
    int port = 53;
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      if (close < 0) {
        throw new ParameterException(spec.commandLine(), "--dns-server " + dnsServer + ": write an IPv6 server as [addr]:port");
      }
      String rest = host.substring(close + 1);
      port = rest.startsWith(":") ? port(rest.substring(1)) : port;
      host = host.substring(1, close);
    } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
      port = port(host.substring(host.indexOf(':') + 1));
      host = host.substring(0, host.indexOf(':'));
    }
    try {
      return DnsClient.server(new InetSocketAddress(InetAddress.getByName(host), port), timeout);
    } catch (UnknownHostException e) {
      throw new ParameterException(spec.commandLine(), "--dns-server " + dnsServer + ": cannot resolve " + host);
    }
  }

  private int port(String text) {
    try {
      int p = Integer.parseInt(text);
      if (p >= 1 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new ParameterException(spec.commandLine(), "--dns-server " + dnsServer + ": port '" + text + "' is not a number from 1 to 65535");
  }

  private Optional<ClientIdentity> loadIdentity() {
    if (clientCert == null) {
      if (clientKey != null) {
        throw new ParameterException(spec.commandLine(), "--client-key needs --client-cert");
      }
      return Optional.empty();
    }
    try {
      org.tlsprobe.pki.PasswordSource source = passwordOptions.passwords();
      return Optional.of(ClientIdentityLoader.load(clientCert, clientKey, what -> {
        try {
          return source.password(what);
        } catch (org.tlsprobe.pki.CertificateFileException e) {
          throw new InputException(e.getMessage(), e);
        }
      }));
    } catch (ClientIdentityException e) {
      throw new InputException(e.getMessage(), e);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }
}
