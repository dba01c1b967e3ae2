package org.tlsprobe.cli;

import java.io.Console;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.tlsprobe.model.ProbeReport;
import org.tlsprobe.model.Role;
import org.tlsprobe.pki.ClientIdentity;
import org.tlsprobe.pki.ClientIdentityException;
import org.tlsprobe.pki.ClientIdentityLoader;
import org.tlsprobe.probe.ClientCredential;
import org.tlsprobe.probe.ProbeSettings;
import org.tlsprobe.probe.Prober;
import org.tlsprobe.probe.Target;
import org.tlsprobe.render.ProbeJsonRenderer;
import org.tlsprobe.render.ProbeTextRenderer;
import picocli.CommandLine.Command;
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
public final class ProbeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TARGET", arity = "0..*", description = "host[:port] (default port 5061) or [v6addr]:port")
  List<String> targetArgs = new ArrayList<>();

  @Option(names = "--targets", paramLabel = "FILE", description = "read targets from FILE, one a line; '#' starts a comment")
  Path targetsFile;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json (JSON Lines: one object per address)")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "write the report to FILE instead of standard output")
  Path outFile;

  @Option(names = "--sni", paramLabel = "NAME", description = "the server name to send (default: the target host when it is a name)")
  String sni;

  @Option(names = "--name", paramLabel = "NAME", description = "a name the certificate must cover (repeatable; default: the target host)")
  List<String> names = new ArrayList<>();

  @Option(names = "--trust", paramLabel = "FILE", description = "trusted roots (repeatable; default: the JDK's system roots)")
  List<Path> trust = new ArrayList<>();

  @Option(names = "--intermediates", paramLabel = "FILE", description = "extra intermediate CAs the client holds (repeatable)")
  List<Path> intermediates = new ArrayList<>();

  @Option(names = "--role", paramLabel = "ROLE", defaultValue = "server",
      description = "server (default), mtls, edge-external, federation, pic")
  String role;

  @Option(names = "--client-cert", paramLabel = "FILE", description = "client certificate for MTLS: PKCS#12, or PEM (with --client-key)")
  Path clientCert;

  @Option(names = "--client-key", paramLabel = "FILE", description = "PEM private key of --client-cert (PKCS#8, RSA or EC)")
  Path clientKey;

  @Option(names = "--password-env", paramLabel = "VAR", description = "read the client certificate's password from environment variable VAR")
  String passwordEnv;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
      description = "per phase (connect, handshake), e.g. 5s (default 10s)")
  Duration timeout;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "64", description = "connections at once (default 64)")
  int concurrency;

  @Option(names = "--enumerate", description = "also list the protocol versions and cipher suites the server accepts, in its order of preference")
  boolean enumerate;

  @Option(names = "--at", paramLabel = "INSTANT", description = "judge validity as of this time (ISO-8601); default now")
  String at;

  @Option(names = "--warn-days", paramLabel = "DAYS", defaultValue = "30", description = "warn when a certificate expires within DAYS (default 30)")
  int warnDays;

  @Override
  public Integer call() {
    List<Target> targets = targets();
    if (targets.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no target given: name one or more host[:port], or --targets FILE");
    }
    if (concurrency < 1 || concurrency > 10_000) {
      throw new ParameterException(spec.commandLine(), "--concurrency " + concurrency + ": give a number from 1 to 10000");
    }
    boolean json = switch (format.toLowerCase(java.util.Locale.ROOT)) {
      case "text" -> false;
      case "json" -> true;
      default -> throw new ParameterException(spec.commandLine(), "--format " + format + ": give text or json");
    };
    Role r = Role.of(role).orElseThrow(() -> new ParameterException(spec.commandLine(),
        "--role " + role + ": give one of server, mtls, edge-external, federation, pic"));
    Optional<Instant> instant = parseAt();
    Optional<ClientCredential> credential = loadCredential();
    ProbeJudge judge = new ProbeJudge(r, names, instant, warnDays);

    ProbeSettings settings = ProbeSettings.defaults().withTimeout(timeout).withConcurrency(concurrency)
        .withSni(Optional.ofNullable(sni)).withCredential(credential);
    PrintWriter out = outFile == null ? spec.commandLine().getOut() : openOut();
    AtomicBoolean failed = new AtomicBoolean();
    Consumer<ProbeReport> sink = json ? new ProbeJsonRenderer(out)::write : new ProbeTextRenderer(out)::write;
    try (Prober prober = new Prober(settings)) {
      prober.probe(targets, enumerate, result -> {
        ProbeReport report = judge.report(result);
        if (report.failed()) {
          failed.set(true);
        }
        sink.accept(report);
      });
    } finally {
      out.flush();
      if (outFile != null) {
        out.close();
      }
    }
    return failed.get() ? ExitCode.FAILED : ExitCode.OK;
  }

  private PrintWriter openOut() {
    try {
      return new PrintWriter(new OutputStreamWriter(Files.newOutputStream(outFile), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new InputException("--out " + outFile + ": cannot be written (" + e.getMessage() + ")", e);
    }
  }

  private Optional<Instant> parseAt() {
    if (at == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(at));
    } catch (java.time.format.DateTimeParseException e) {
      throw new ParameterException(spec.commandLine(), "--at " + at + ": give an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
    }
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

  private Optional<ClientCredential> loadCredential() {
    if (clientCert == null) {
      if (clientKey != null) {
        throw new ParameterException(spec.commandLine(), "--client-key needs --client-cert");
      }
      return Optional.empty();
    }
    try {
      ClientIdentity id = ClientIdentityLoader.load(clientCert, clientKey, this::password);
      return Optional.of(new ClientCredential(id.key(), id.chain()));
    } catch (ClientIdentityException e) {
      throw new InputException(e.getMessage(), e);
    }
  }

  /** The password from --password-env, else asked on the console with echo off, else none. */
  private char[] password(String what) {
    if (passwordEnv != null) {
      String v = System.getenv(passwordEnv);
      if (v == null) {
        throw new InputException("--password-env " + passwordEnv + ": that environment variable is not set");
      }
      return v.toCharArray();
    }
    Console console = System.console();
    if (console == null) {
      return null;
    }
    return console.readPassword("Password for %s: ", what);
  }
}
