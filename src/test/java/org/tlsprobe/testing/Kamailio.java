package org.tlsprobe.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A real SIP server over TLS for tests: Kamailio 5.6 in the foreground on a free loopback TLS port, with
 * a minimal configuration written here (modules tls, sl and pv only: OPTIONS gets a stateless 200, anything
 * else a 404), presenting a given chain, optionally requiring a client certificate from given CAs.
 */
public final class Kamailio implements AutoCloseable {
  private static final String MODULES = "/usr/lib/x86_64-linux-gnu/kamailio/modules/";

  private final ChildProcess process;
  private final String address;
  private final int port;

  private Kamailio(ChildProcess process, String address, int port) {
    this.process = process;
    this.address = address;
    this.port = port;
  }

  public int port() {
    return port;
  }

  public String address() {
    return address;
  }

  public String log() {
    return process.log();
  }

  public static boolean installed() {
    return Files.isRegularFile(Path.of(MODULES, "tls.so")) && Files.isRegularFile(Path.of("/usr/sbin/kamailio"));
  }

  @Override
  public void close() {
    process.close();
  }

  public static Builder builder(List<X509Certificate> chain, KeyPair key) {
    return new Builder(chain, key);
  }

  public static final class Builder {
    private final List<X509Certificate> chain;
    private final KeyPair key;
    private final List<X509Certificate> clientCas = new ArrayList<>();
    private String address = "127.0.0.1";

    private Builder(List<X509Certificate> chain, KeyPair key) {
      this.chain = chain;
      this.key = key;
    }

    /** Require a client certificate issued by one of these CAs (Kamailio's require_certificate). */
    public Builder requireClientCertificate(X509Certificate... cas) {
      clientCas.addAll(List.of(cas));
      return this;
    }

    /** Listen on another loopback address, e.g. 127.0.0.5 (an SRV target's A record). */
    public Builder address(String loopback) {
      address = loopback;
      return this;
    }

    public Kamailio start(Path parent) throws IOException, InterruptedException {
      IOException last = null;
      for (int attempt = 0; attempt < 3; attempt++) {
        int port = ChildProcess.freePort();
        Path dir = Files.createDirectories(parent.resolve("kamailio-" + port));
        Path cert = MiniPki.writePem(dir.resolve("cert.pem"), chain.toArray());
        Path keyFile = MiniPki.writePem(dir.resolve("key.pem"), key);
        boolean mtls = !clientCas.isEmpty();
        String tls = "[server:default]\n"
            + "method = TLSv1.2+\n"
            + "verify_certificate = " + (mtls ? "yes" : "no") + "\n"
            + "require_certificate = " + (mtls ? "yes" : "no") + "\n"
            + "private_key = " + keyFile + "\n"
            + "certificate = " + cert + "\n"
            + (mtls ? "ca_list = " + MiniPki.writePem(dir.resolve("client-cas.pem"), clientCas.toArray()) + "\n" : "")
            + "\n[client:default]\nverify_certificate = no\nrequire_certificate = no\n";
        Files.writeString(dir.resolve("tls.cfg"), tls);
        String cfg = "#!KAMAILIO\n"
            + "debug=2\nlog_stderror=yes\nchildren=1\ntcp_children=1\nauto_aliases=no\nenable_tls=yes\n"
            + "listen=tls:" + address + ":" + port + "\n"
            + "mpath=\"" + MODULES + "\"\n"
            + "loadmodule \"tls.so\"\nloadmodule \"sl.so\"\nloadmodule \"pv.so\"\n"
            + "modparam(\"tls\", \"config\", \"" + dir.resolve("tls.cfg") + "\")\n"
            + "request_route {\n"
            // the reason phrase carries the Request-URI, so tests see which name the OPTIONS was addressed to
            + "  if (method==\"OPTIONS\") { sl_send_reply(\"200\", \"OK for $ru\"); exit; }\n"
            + "  sl_send_reply(\"404\", \"Not here\");\n"
            + "  exit;\n"
            + "}\n";
        Path cfgFile = dir.resolve("kamailio.cfg");
        Files.writeString(cfgFile, cfg);
        ChildProcess p = ChildProcess.start(List.of("/usr/sbin/kamailio", "-f", cfgFile.toString(), "-DD", "-E",
            "-Y", dir.toString(), "-P", dir.resolve("kamailio.pid").toString(), "-m", "32", "-M", "8"), dir.resolve("kamailio.log"));
        if (listening(address, port, p)) {
          return new Kamailio(p, address, port);
        }
        last = new IOException("kamailio did not start on " + address + ":" + port + ":\n" + p.log());
        p.close();
      }
      throw last;
    }

    private static boolean listening(String address, int port, ChildProcess p) throws InterruptedException, IOException {
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (System.nanoTime() < deadline && p.alive()) {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress(InetAddress.getByName(address), port), 200);
          return true;
        } catch (IOException e) {
          Thread.sleep(50);
        }
      }
      return false;
    }
  }
}
