package org.tlsprobe.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tlsprobe.capture.CaptureAnalyzer;
import org.tlsprobe.capture.CaptureSummary;
import org.tlsprobe.capture.ProgressListener;
import org.tlsprobe.diagnose.DiagnosisContext;
import org.tlsprobe.diagnose.Diagnostician;
import org.tlsprobe.diagnose.cert.TrustAnchors;
import org.tlsprobe.model.AnalyzedFile;
import org.tlsprobe.model.FlowReport;
import org.tlsprobe.render.AnalyzeRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tlsprobe analyze FILE|FOLDER...}: every TLS flow of the captures gets an outcome and findings.
 * Files are read one after another, flows reported in first-packet order per file, files in the order
 * given (a folder's captures sorted by path); memory stays bounded however big the files are.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Read .pcap/.pcapng captures, reassemble TCP, parse TLS, and give every TLS flow an outcome and findings.",
      "A folder means every .pcap, .pcapng and .cap in it (recursively)."
    })
final class AnalyzeCommand implements Callable<Integer> {
  private static final long PROGRESS_MIN_BYTES = 32L << 20;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE|FOLDER", arity = "1..*", description = "Capture files or folders of captures.")
  List<Path> inputs;

  @Mixin OutputOptions output;
  @Mixin TrustOptions trust;
  @Mixin CheckOptions check;
  @Mixin PasswordOptions password;

  @Option(names = "--all", description = "List OK flows too (by default only failed flows and flows with certificate errors).")
  boolean all;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    List<Path> files = expand(inputs);
    refuseOutOverAnInput(files);
    TrustAnchors anchors = trust.anchors(password.passwords());
    trust.warnings().forEach(w -> err.println("tlsprobe: warning: " + w));
    // --at when given, else each certificate is judged at the time of its own packet
    DiagnosisContext ctx = new DiagnosisContext(check.role(), check.names(), anchors, check.at(), check.warnDays());
    Diagnostician judge = new Diagnostician();
    List<AnalyzedFile> analyzed = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    boolean[] failed = {false};
    PrintWriter stdout = spec.commandLine().getOut();
    TlsProbeCommand root = (TlsProbeCommand) spec.root().userObject();
    try (OutputOptions.Output out = output.open(stdout, root.stdoutBytes(stdout));
        AnalyzeRenderer renderer = renderer(out)) {
      for (Path file : files) {
        ProgressBar bar = ProgressBar.forFile(file, err, PROGRESS_MIN_BYTES);
        try {
          // judged and rendered on the capture's worker threads; written one at a time, in order
          CaptureSummary s = new CaptureAnalyzer(bar).analyze(file,
              obs -> renderer.render(new FlowReport(obs, judge.diagnose(obs, ctx))),
              flow -> {
                failed[0] |= flow.bad();
                try { // not ReportNotWritten.writing: a capturing lambda per flow costs a JNI call in C1 code
                  renderer.add(flow);
                } catch (IOException e) {
                  throw new ReportNotWritten(e);
                }
              });
          analyzed.add(new AnalyzedFile(s.path(), s.packets(), s.bytes(), s.linktypes(), s.warnings()));
        } catch (NoSuchFileException e) {
          unreadable.add(file + ": no such file");
        } catch (IOException e) {
          unreadable.add(file + ": " + e.getMessage());
        } finally {
          bar.done();
        }
      }
      ReportNotWritten.writing(() -> renderer.finish(analyzed));
    }
    for (String u : unreadable) {
      err.println("tlsprobe: cannot read " + u);
    }
    if (!unreadable.isEmpty()) {
      return ExitCode.UNREADABLE;
    }
    return failed[0] ? ExitCode.FAILED : ExitCode.OK;
  }

  private AnalyzeRenderer renderer(OutputOptions.Output out) {
    return switch (output.format()) {
      case JSON -> AnalyzeRenderer.json(VersionProvider.version(), all, out.stream());
      case HTML -> AnalyzeRenderer.html(all, out.stream());
      case TEXT -> AnalyzeRenderer.text(all, out.stream());
    };
  }

  /** --out opens (and empties) its file before the captures are read: it must not be one of them. */
  private void refuseOutOverAnInput(List<Path> files) {
    if (output.out == null || !Files.exists(output.out)) {
      return;
    }
    for (Path f : files) {
      try {
        if (Files.isSameFile(f, output.out)) {
          throw new ParameterException(spec.commandLine(),
              "--out " + output.out + " is one of the captures to analyze; give the report a file of its own");
        }
      } catch (IOException e) {
        // an input that cannot be compared is reported when it is read
      }
    }
  }

  /** Files as given; a folder becomes its captures, recursively, sorted by path. A missing input is exit 3. */
  static List<Path> expand(List<Path> inputs) {
    List<Path> files = new ArrayList<>();
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          List<Path> found = walk.filter(Files::isRegularFile).filter(AnalyzeCommand::isCaptureName).sorted().collect(Collectors.toList());
          if (found.isEmpty()) {
            throw new InputException("no .pcap, .pcapng or .cap file in folder " + p);
          }
          files.addAll(found);
        } catch (IOException e) {
          throw new InputException("cannot read folder " + p + ": " + e.getMessage(), e);
        }
      } else if (!Files.exists(p)) {
        throw new InputException("no such file: " + p + " (give a .pcap/.pcapng capture or a folder of them)");
      } else {
        files.add(p);
      }
    }
    return files;
  }

  private static boolean isCaptureName(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".pcap") || n.endsWith(".pcapng") || n.endsWith(".cap");
  }

  /** A one-line progress bar on stderr while a big file is read, only when stderr is a terminal. */
  static final class ProgressBar implements ProgressListener {
    private final PrintWriter err;
    private final String name;
    private final boolean on;
    private int lastPercent = -1;
    private boolean drawn;

    private ProgressBar(PrintWriter err, String name, boolean on) {
      this.err = err;
      this.name = name;
      this.on = on;
    }

    static ProgressBar forFile(Path file, PrintWriter err, long minBytes) {
      boolean big;
      try {
        big = Files.size(file) >= minBytes;
      } catch (IOException e) {
        big = false;
      }
      return new ProgressBar(err, file.getFileName().toString(), big && System.console() != null);
    }

    @Override
    public void progress(long bytesRead, long totalBytes) {
      if (!on || totalBytes <= 0) {
        return;
      }
      int percent = (int) Math.min(100, bytesRead * 100 / totalBytes);
      if (percent == lastPercent) {
        return;
      }
      lastPercent = percent;
      int width = 30;
      int filled = percent * width / 100;
      err.print(String.format("\r%s [%s%s] %3d%%", name, "#".repeat(filled), " ".repeat(width - filled), percent));
      err.flush();
      drawn = true;
    }

    void done() {
      if (drawn) {
        err.print("\r" + " ".repeat(name.length() + 40) + "\r");
        err.flush();
      }
    }
  }
}
