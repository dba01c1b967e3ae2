package org.tlsprobe.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real DNS server for tests: dnsmasq in the foreground on a free 127.0.0.1 port, authoritative for the
 * given local domains (other names NXDOMAIN), serving only the SRV and A records a test adds. No upstream,
 * no /etc/hosts, no config file.
 */
public final class Dnsmasq implements AutoCloseable {
  private final ChildProcess process;
  private final int port;

  private Dnsmasq(ChildProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  public static Builder builder() {
    return new Builder();
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  /** {@code 127.0.0.1:PORT}, as {@code --dns-server} takes it. */
  public String hostPort() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.close();
  }

  public static final class Builder {
    private final List<String> records = new ArrayList<>();
    private final List<String> domains = new ArrayList<>();

    /** Names under {@code domain} that the test did not add are NXDOMAIN. */
    public Builder localDomain(String domain) {
      domains.add(domain);
      return this;
    }

    public Builder srv(String name, String target, int port, int priority, int weight) {
      records.add("--srv-host=" + name + "," + target + "," + port + "," + priority + "," + weight);
      return this;
    }

    public Builder host(String name, String... addresses) {
      records.add("--host-record=" + name + "," + String.join(",", addresses));
      return this;
    }

    public Dnsmasq start(Path dir) throws IOException, InterruptedException {
      IOException last = null;
      for (int attempt = 0; attempt < 5; attempt++) {
        int port = ChildProcess.freePort();
        List<String> cmd = new ArrayList<>(List.of("dnsmasq", "--keep-in-foreground", "--log-facility=-", "--conf-file=/dev/null",
            "--no-resolv", "--no-hosts", "--no-poll", "--pid-file=", "--port=" + port, "--listen-address=127.0.0.1", "--bind-interfaces",
            "--cache-size=0"));
        for (String d : domains) {
          cmd.add("--local=/" + d + "/");
        }
        cmd.addAll(records);
        Path log = dir.resolve("dnsmasq-" + port + ".log");
        ChildProcess p = ChildProcess.start(cmd, log);
        if (answers(port, p)) {
          return new Dnsmasq(p, port);
        }
        last = new IOException("dnsmasq did not start on port " + port + ": " + p.log());
        p.close();
      }
      throw last;
    }

    private static boolean answers(int port, ChildProcess p) throws InterruptedException {
      SimpleResolver r = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      r.setTimeout(Duration.ofMillis(200));
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (System.nanoTime() < deadline && p.alive()) {
        try {
          r.send(Message.newQuery(Record.newRecord(Name.fromString("probe.invalid."), Type.A, DClass.IN)));
          return true;
        } catch (IOException e) {
          Thread.sleep(50);
        }
      }
      return false;
    }
  }

}
