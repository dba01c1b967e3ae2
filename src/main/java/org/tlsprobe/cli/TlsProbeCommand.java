package org.tlsprobe.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: {@code tlsprobe <command> ...}. Subcommands appear here as they are built. */
@Command(
    name = "tlsprobe",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Tells which certificate, chain, cipher or side makes a TLS handshake fail:",
      "for SIP-over-TLS (5061) and HTTPS (443) edges, probed live or read from captures."
    },
    synopsisSubcommandLabel = "COMMAND")
public final class TlsProbeCommand implements Runnable {
  @Spec CommandSpec spec;

  /** Standard output as bytes, for reports written as bytes; null when only the writer is known. */
  private OutputStream stdoutBytes;

  /** Standard output as bytes: the real stream when known, else one that decodes into {@code out}. */
  OutputStream stdoutBytes(PrintWriter out) {
    return stdoutBytes != null ? stdoutBytes : new WriterOutputStream(out);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: give one of " + spec.subcommands().keySet());
  }

  /** Builds the command tree with its error handling. */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new TlsProbeCommand());
    cl.addSubcommand(new ProbeCommand());
    cl.addSubcommand(new CertCommand());
    cl.addSubcommand(new AnalyzeCommand());
    cl.addSubcommand(new FederationCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(new UsageErrorHandler());
    cl.setExecutionExceptionHandler(new ExecutionErrorHandler());
    return cl;
  }

  /**
   * Runs tlsprobe as the command line would, writing to the given streams; returns the exit code.
   * Tests call this; {@code Main} is the only caller of {@code System.exit}.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(commandLine(), args, out, err);
  }

  /**
   * As {@link #run(String[], PrintWriter, PrintWriter)}, with standard output as a byte stream, so that
   * reports of hundreds of megabytes are copied to it without being decoded and encoded again.
   */
  public static int run(String[] args, OutputStream out, PrintWriter err) {
    CommandLine cl = commandLine();
    ((TlsProbeCommand) cl.getCommand()).stdoutBytes = out;
    return run(cl, args, new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false), err);
  }

  private static int run(CommandLine cl, String[] args, PrintWriter out, PrintWriter err) {
    cl.setOut(out);
    cl.setErr(err);
    try {
      return cl.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }
}
