package org.tlsprobe.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import org.tlsprobe.model.CertificateFileReport;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;

/** Renders the {@code cert} command's report: verdict first, then per file its chain and its findings. */
public final class CertReportRenderer {
  /** What the report was judged against, shown in its header. */
  public record Settings(String version, Instant at, String role, String purpose, List<String> names) {
    public Settings {
      names = List.copyOf(names);
    }
  }

  private CertReportRenderer() {}

  public static void text(List<CertificateFileReport> files, Settings s, PrintWriter out) {
    List<Finding> all = files.stream().flatMap(f -> f.findings().stream()).toList();
    out.println(ReportText.verdict(all) + "  " + run(files, s));
    for (CertificateFileReport f : files) {
      out.println();
      out.println(file(f) + ": " + ReportText.verdict(f.findings()));
      for (String note : f.notes()) {
        out.println("  note: " + note);
      }
      for (int i = 0; i < f.chain().size(); i++) {
        ReportText.certificate(i, f.chain().get(i), s.at(), "  ").forEach(out::println);
      }
      if (!f.findings().isEmpty()) {
        out.println("  Findings:");
        for (Finding finding : f.findings()) {
          ReportText.finding(finding, "  ").forEach(out::println);
        }
      }
    }
    out.flush();
  }

  /** The same report as one HTML page: the verdict first, then per file its notes, its chain and its findings. */
  public static void html(List<CertificateFileReport> files, Settings s, PrintWriter out) {
    List<Finding> all = files.stream().flatMap(f -> f.findings().stream()).toList();
    StringBuilder h = new StringBuilder(Html.pageStart("tlsprobe cert")).append("<p>");
    Html.outcome(h, ReportText.verdict(all), all.stream().anyMatch(f -> f.severity() == Severity.ERROR));
    Html.text(h.append(" "), run(files, s)).append("</p>\n");
    for (CertificateFileReport f : files) {
      Html.text(h.append("<section>\n<h2>"), file(f) + " ");
      Html.outcome(h, ReportText.verdict(f.findings()), f.hasError()).append("</h2>\n");
      for (String note : f.notes()) {
        Html.text(h.append("<p class=\"note\">note: "), note).append("</p>\n");
      }
      Html.chain(h, f.chain(), s.at());
      Html.findings(h, "h3", "findings", f.findings());
      h.append("</section>\n");
    }
    out.print(h.append(Html.pageEnd()));
    out.flush();
  }

  /** {@code (2 files, role server, names sip.contoso.com, at 2030-01-01T00:00:00Z)}. */
  private static String run(List<CertificateFileReport> files, Settings s) {
    return "(" + (files.size() == 1 ? "1 file" : files.size() + " files") + ", role " + s.role()
        + (s.names().isEmpty() ? "" : ", names " + String.join(" ", s.names())) + ", at " + s.at() + ")";
  }

  /** {@code server.pem (PEM, 2 certificates)}. */
  private static String file(CertificateFileReport f) {
    int n = f.chain().size();
    return f.path() + " (" + f.format() + ", " + n + (n == 1 ? " certificate" : " certificates") + ")";
  }

  public static void json(List<CertificateFileReport> files, Settings s, PrintWriter out) {
    ObjectNode doc = ReportJson.object();
    doc.put("tool", "tlsprobe");
    doc.put("version", s.version());
    doc.put("command", "cert");
    doc.put("at", ReportJson.instant(s.at()));
    doc.put("role", s.role());
    doc.put("purpose", s.purpose());
    doc.set("names", ReportJson.strings(s.names()));
    ArrayNode arr = doc.putArray("files");
    int failed = 0;
    for (CertificateFileReport f : files) {
      ObjectNode o = arr.addObject();
      o.put("path", f.path());
      o.put("format", f.format());
      o.put("purpose", f.purpose());
      o.put("verdict", f.hasError() ? "fail" : "pass");
      o.set("chain", ReportJson.chain(f.chain()));
      o.set("findings", ReportJson.findings(f.findings()));
      o.set("notes", ReportJson.strings(f.notes()));
      failed += f.hasError() ? 1 : 0;
    }
    List<Finding> all = files.stream().flatMap(f -> f.findings().stream()).toList();
    ObjectNode summary = doc.putObject("summary");
    summary.put("files", files.size());
    summary.put("failed", failed);
    summary.put("errors", all.stream().filter(f -> f.severity() == Severity.ERROR).count());
    summary.put("warnings", all.stream().filter(f -> f.severity() == Severity.WARNING).count());
    summary.put("info", all.stream().filter(f -> f.severity() == Severity.INFO).count());
    ReportJson.writePretty(doc, out);
  }
}
