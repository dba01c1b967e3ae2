package org.tlsprobe.render;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.tlsprobe.model.CertificateDetails;
import org.tlsprobe.model.Finding;

/**
 * The pieces every HTML report shares: escaping, the page around a report, an outcome badge, a findings table
 * and a certificate table. Pages are one self-contained file (style inline, no script, nothing fetched), so a
 * report can be mailed or attached to a ticket; the markup is well-formed XML as well as HTML5. Everything
 * that came from a certificate, a capture or a server goes through {@link #text}: a hostile subject name is
 * shown, never run.
 */
final class Html {
  private static final String STYLE = String.join("",
      "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:1.5em;color:#222;max-width:80em}",
      "h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em;border-top:1px solid #ccc;padding-top:.8em}h3{font-size:1em}",
      "table{border-collapse:collapse;margin:.4em 0}td,th{border:1px solid #ddd;padding:.2em .5em;text-align:left;vertical-align:top}",
      "th{background:#f4f4f4}.mono,table.ladder td,table.cert td{font-family:ui-monospace,Consolas,monospace;font-size:.9em}",
      ".outcome{font-weight:bold;padding:.1em .4em;border-radius:.2em}.bad{background:#fdd;color:#900}.ok{background:#dfd;color:#060}",
      ".error{color:#b00;font-weight:bold}.warning{color:#a60;font-weight:bold}.info{color:#555}",
      ".advice{color:#444;font-style:italic}.note,.same{color:#555}");

  private Html() {}

  /** {@code s} with the five characters that could end text or an attribute replaced by references. */
  static String escape(String s) {
    return text(new StringBuilder(s.length() + 16), s).toString();
  }

  /** Appends {@code s} to {@code out}, escaped. */
  static StringBuilder text(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out;
  }

  /** The page up to the opening of its body, and its {@code h1}. */
  static String pageStart(String title) {
    StringBuilder s = new StringBuilder(1024);
    s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>");
    text(s, title).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n<h1>");
    return text(s, title).append("</h1>\n").toString();
  }

  static String pageEnd() {
    return "</body>\n</html>\n";
  }

  /** An outcome as a badge: red unless OK without errors. */
  static StringBuilder outcome(StringBuilder s, String outcome, boolean bad) {
    return s.append("<span class=\"outcome ").append(bad ? "bad" : "ok").append("\">").append(outcome).append("</span>");
  }

  /** Findings as a table: severity, code, certificate index, message and what to do. Nothing when there are none. */
  static StringBuilder findings(StringBuilder s, List<Finding> findings) {
    if (findings.isEmpty()) {
      return s;
    }
    s.append("<table class=\"findings\">\n<tr><th>severity</th><th>code</th><th>cert</th><th>finding</th></tr>\n");
    for (Finding f : findings) {
      String severity = f.severity().label();
      s.append("<tr><td class=\"").append(severity).append("\">").append(severity.toUpperCase(Locale.ROOT))
          .append("</td><td class=\"mono\">").append(f.code()).append("</td><td>")
          .append(f.certificate() == null ? "" : "[" + f.certificate() + "]").append("</td><td>");
      text(s, f.message());
      if (!f.advice().isEmpty()) {
        text(s.append("<br/><span class=\"advice\">&#8594; "), f.advice()).append("</span>");
      }
      s.append("</td></tr>\n");
    }
    return s.append("</table>\n");
  }

  /** Findings under a heading ({@code <tag>title</tag>}, then the table); nothing when there are none. */
  static StringBuilder findings(StringBuilder s, String tag, String title, List<Finding> findings) {
    if (findings.isEmpty()) {
      return s;
    }
    return findings(heading(s, tag, title), findings);
  }

  /** {@code <tag>title</tag>} on a line of its own, the title escaped. */
  static StringBuilder heading(StringBuilder s, String tag, String title) {
    s.append('<').append(tag).append('>');
    return text(s, title).append("</").append(tag).append(">\n");
  }

  /** A chain, leaf first, one table row per certificate field as the text reports show them. */
  static StringBuilder chain(StringBuilder s, List<CertificateDetails> chain, Instant at) {
    for (int i = 0; i < chain.size(); i++) {
      CertificateDetails c = chain.get(i);
      s.append("<table class=\"cert\">\n<tr><th>[").append(i).append("]</th><th>");
      text(s, c.subject()).append("</th></tr>\n");
      for (ReportText.Field f : ReportText.fields(c, at)) {
        row(s, f.name(), f.value());
      }
      s.append("</table>\n");
    }
    return s;
  }

  /** A two-cell row: a field name and its (escaped) value. */
  static StringBuilder row(StringBuilder s, String name, String value) {
    s.append("<tr><td>").append(name).append("</td><td>");
    return text(s, value).append("</td></tr>\n");
  }
}
