package org.tlsprobe.net;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads SIP messages from the bytes of a stream connection, in whatever pieces they arrive, until the final
 * response (status 200 or more) to our request: provisional responses, keep-alive CRLFs and requests the
 * server sends us on its own are read over. Bounded: a message head over {@link #MAX_HEAD} bytes, or a
 * stream that is not SIP, ends reading with a problem instead of buffering forever.
 */
public final class SipResponseReader {
  /** A SIP message head larger than this is not a sane answer to OPTIONS. */
  public static final int MAX_HEAD = 64 * 1024;
  /** Bodies we skip are bounded too (OPTIONS answers may carry SDP: a few KB). */
  public static final int MAX_BODY = 1024 * 1024;

  private final String callId;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final List<SipMessage> seen = new ArrayList<>();
  private SipMessage pendingBody; // a message whose body is still arriving
  private Optional<SipMessage> finalResponse = Optional.empty();
  private String problem = "";

  /** @param callId our request's Call-ID; a response with another Call-ID is not ours */
  public SipResponseReader(String callId) {
    this.callId = callId;
  }

  /** Feeds bytes as they came; returns the final response once it is complete. */
  public Optional<SipMessage> offer(byte[] data, int offset, int length) {
    if (done()) {
      return finalResponse;
    }
    buffer.write(data, offset, length);
    parse();
    return finalResponse;
  }

  public Optional<SipMessage> offer(byte[] data) {
    return offer(data, 0, data.length);
  }

  /** True once the final response came, or the stream showed it is not (sane) SIP. */
  public boolean done() {
    return finalResponse.isPresent() || !problem.isEmpty();
  }

  /** Why reading stopped without a final response (not SIP, too large), empty otherwise. */
  public String problem() {
    return problem;
  }

  /** Every complete message read so far (provisional responses, server requests, the final response). */
  public List<SipMessage> seen() {
    return List.copyOf(seen);
  }

  /** The last provisional response, if only such came (a 100 Trying and then silence). */
  public Optional<SipMessage> lastProvisional() {
    for (int i = seen.size() - 1; i >= 0; i--) {
      SipMessage m = seen.get(i);
      if (m.isResponse() && m.status() >= 100 && m.status() < 200) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private void parse() {
    byte[] b = buffer.toByteArray();
    int pos = 0;
    while (!done()) {
      if (pendingBody != null) {
        if (b.length - pos < pendingBody.bodyLength()) {
          break;
        }
        pos += pendingBody.bodyLength();
        accept(pendingBody);
        pendingBody = null;
        continue;
      }
      while (pos < b.length && (b[pos] == '\r' || b[pos] == '\n')) {
        pos++; // RFC 5626 keep-alive CRLFs between messages
      }
      HeadEnd end = headEnd(b, pos);
      if (end == null) {
        if (b.length - pos > MAX_HEAD) {
          problem = "the answer's SIP header block exceeds " + MAX_HEAD + " bytes";
        } else if (b.length - pos >= 8 && !looksLikeSip(b, pos)) {
          problem = "the answer is not SIP: it starts with \"" + printable(b, pos, 40) + "\"";
        }
        break;
      }
      if (!looksLikeSip(b, pos)) {
        problem = "the answer is not SIP: it starts with \"" + printable(b, pos, 40) + "\"";
        break;
      }
      SipMessage m = head(new String(b, pos, end.headLength(), StandardCharsets.UTF_8));
      pos += end.total();
      if (m.bodyLength() < 0 || m.bodyLength() > MAX_BODY) {
        problem = "the answer's Content-Length is not usable: " + m.header("Content-Length").orElse("?");
        break;
      }
      if (m.bodyLength() > 0) {
        pendingBody = m;
      } else {
        accept(m);
      }
    }
    byte[] rest = java.util.Arrays.copyOfRange(b, pos, b.length);
    buffer.reset();
    buffer.write(rest, 0, rest.length);
  }

  private void accept(SipMessage m) {
    seen.add(m);
    if (m.isResponse() && m.status() >= 200 && (callId == null || m.header("Call-ID").map(callId::equals).orElse(true))) {
      finalResponse = Optional.of(m);
    }
  }

  private record HeadEnd(int headLength, int total) {}

  /** Where the header block ending at the first empty line ends; CRLF per RFC 3261, bare LF tolerated. */
  private static HeadEnd headEnd(byte[] b, int from) {
    for (int i = from; i < b.length - 1; i++) {
      if (b[i] == '\n' && b[i + 1] == '\n') {
        return new HeadEnd(i - from, i + 2 - from);
      }
      if (b[i] == '\n' && b[i + 1] == '\r' && i + 2 < b.length && b[i + 2] == '\n') {
        return new HeadEnd(i - from, i + 3 - from);
      }
    }
    return null;
  }

  /** Whether the bytes at {@code pos} start like a SIP status line or request line. */
  private static boolean looksLikeSip(byte[] b, int pos) {
    String start = new String(b, pos, Math.min(b.length - pos, 256), StandardCharsets.ISO_8859_1);
    int eol = start.indexOf('\n');
    if (eol >= 0) {
      String line = start.substring(0, eol).trim();
      return line.startsWith("SIP/2.0 ") || line.matches("[A-Z]+ \\S+ SIP/2\\.0");
    }
    return start.startsWith("SIP/2.0 ") || start.matches("[A-Z]+ [^\\r]*"); // a start line still arriving
  }

  private static SipMessage head(String text) {
    String[] lines = text.split("\r?\n", -1);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if ((line.startsWith(" ") || line.startsWith("\t")) && !headers.isEmpty()) {
        Map.Entry<String, String> last = headers.remove(headers.size() - 1); // folded continuation line
        headers.add(new AbstractMap.SimpleImmutableEntry<>(last.getKey(), last.getValue() + " " + line.trim()));
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue; // not a header; a robust reader skips it
      }
      headers.add(new AbstractMap.SimpleImmutableEntry<>(SipMessage.canonicalName(line.substring(0, colon).trim()), line.substring(colon + 1).trim()));
    }
    int bodyLength = 0;
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase("Content-Length")) {
        try {
          bodyLength = Integer.parseInt(h.getValue().trim());
        } catch (NumberFormatException e) {
          bodyLength = -1;
        }
      }
    }
    return new SipMessage(lines[0].trim(), headers, bodyLength);
  }

  private static String printable(byte[] b, int pos, int max) {
    StringBuilder s = new StringBuilder();
    for (int i = pos; i < Math.min(b.length, pos + max); i++) {
      int c = b[i] & 0xff;
      s.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
    }
    return s.toString();
  }
}
