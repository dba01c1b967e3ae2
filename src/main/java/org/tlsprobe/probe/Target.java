package org.tlsprobe.probe;

import java.util.Locale;
import java.util.Objects;

/**
 * A target as the user typed it: {@code host}, {@code host:port}, {@code [v6]:port}, a bare IPv6 address.
 *
 * @param input the text as typed (reports name the target by it)
 * @param host the name or address literal, without brackets
 * @param port the TCP port
 */
public record Target(String input, String host, int port) {
  public static final int DEFAULT_PORT = 5061;

  public Target {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(host, "host");
  }

  /** Parses one target; throws {@link IllegalArgumentException} naming what is wrong and what would be valid. */
  public static Target parse(String text, int defaultPort) {
    String s = text == null ? "" : text.trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty target: give host[:port] or [v6addr]:port");
    }
    String host;
    int port = defaultPort;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("target '" + s + "' has '[' without ']': write an IPv6 target as [v6addr]:port");
      }
      host = s.substring(1, close);
      String rest = s.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException("target '" + s + "': expected ':port' after ']'");
        }
        port = parsePort(s, rest.substring(1));
      }
    } else if (s.indexOf(':') != s.lastIndexOf(':')) {
      host = s; // a bare IPv6 address: several colons, no port
    } else {
      int colon = s.indexOf(':');
      host = colon < 0 ? s : s.substring(0, colon);
      if (colon >= 0) {
        port = parsePort(s, s.substring(colon + 1));
      }
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("target '" + s + "' has no host: give host[:port] or [v6addr]:port");
    }
    if (!host.contains(":") && !host.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("target '" + s + "': '" + host + "' is not a host name or address");
    }
    return new Target(s, host.toLowerCase(Locale.ROOT), port);
  }

  private static int parsePort(String target, String text) {
    try {
      int p = Integer.parseInt(text);
      if (p >= 1 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException("target '" + target + "': port '" + text + "' is not a number from 1 to 65535");
  }

  /** Whether the host is an IP literal (no DNS lookup, no SNI by default). */
  public boolean isAddressLiteral() {
    return host.contains(":") || host.matches("[0-9.]+");
  }
}
