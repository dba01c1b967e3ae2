package org.tlsprobe.probe;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Formats socket addresses as reports show them: {@code ip:port}, {@code [v6]:port}. */
final class Addresses {
  private Addresses() {}

  static String format(InetSocketAddress a) {
    return format(a.getAddress(), a.getPort());
  }

  static String format(InetAddress ip, int port) {
    String host = ip.getHostAddress();
    int zone = host.indexOf('%');
    if (ip instanceof Inet6Address) {
      return "[" + (zone >= 0 ? host.substring(0, zone) : host) + "]:" + port;
    }
    return host + ":" + port;
  }
}
