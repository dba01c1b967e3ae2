package org.tlsprobe.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tlsprobe.model.SipAnswer;

/**
 * One SIP message as read off the connection: its start line and headers (names as sent, in order;
 * compact forms expanded). A response has a status; a request (a server may send its own OPTIONS) a
 * method.
 */
public record SipMessage(String startLine, List<Map.Entry<String, String>> headers, int bodyLength) {
  private static final Map<String, String> COMPACT = Map.of(
      "i", "Call-ID", "l", "Content-Length", "v", "Via", "f", "From", "t", "To", "m", "Contact", "c", "Content-Type");

  public SipMessage {
    headers = List.copyOf(headers);
  }

  static String canonicalName(String name) {
    String compact = COMPACT.get(name.toLowerCase(Locale.ROOT));
    return compact != null ? compact : name;
  }

  public boolean isResponse() {
    return startLine.startsWith("SIP/2.0 ");
  }

  /** The status code of a response, or -1 for a request or a malformed status line. */
  public int status() {
    if (!isResponse() || startLine.length() < 11) {
      return -1;
    }
    try {
      return Integer.parseInt(startLine.substring(8, 11));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  public String reason() {
    return isResponse() && startLine.length() > 12 ? startLine.substring(12).trim() : "";
  }

  /** The first value of a header (case-insensitive name, compact forms understood). */
  public Optional<String> header(String name) {
    String wanted = canonicalName(name);
    return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(wanted)).map(Map.Entry::getValue).findFirst();
  }

  /** Every value of a header, in order (ms-diagnostics may come more than once). */
  public List<String> headerValues(String name) {
    String wanted = canonicalName(name);
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(wanted)) {
        out.add(h.getValue());
      }
    }
    return out;
  }

  /** The answer as reports show it. */
  public SipAnswer toAnswer(long timeMs) {
    List<String> diagnostics = new ArrayList<>(headerValues("ms-diagnostics"));
    diagnostics.addAll(headerValues("ms-diagnostics-public"));
    return new SipAnswer(status(), reason(), header("Server").orElse(""), header("User-Agent").orElse(""), String.join(" | ", diagnostics), timeMs);
  }
}
