package org.tlsprobe.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsprobe.model.SrvLookup;
import org.tlsprobe.model.SrvTarget;
import org.tlsprobe.testing.Dnsmasq;

/** Against a real dnsmasq on loopback. */
class DnsClientTest {
  @TempDir static Path dir;
  private static Dnsmasq dns;
  private static DnsClient client;

  @BeforeAll
  static void start() throws Exception {
    dns = Dnsmasq.builder()
        .localDomain("pool.test")
        .srv("_sipfederationtls._tcp.pool.test", "b.pool.test", 5061, 10, 10)
        .srv("_sipfederationtls._tcp.pool.test", "a.pool.test", 5062, 10, 50)
        .srv("_sipfederationtls._tcp.pool.test", "backup.pool.test", 5063, 20, 100)
        .host("a.pool.test", "127.0.0.2")
        .host("b.pool.test", "127.0.0.3", "::1")
        .host("sip.pool.test", "127.0.0.4")
        .start(dir);
    client = DnsClient.server(dns.address(), Duration.ofSeconds(2));
  }

  @AfterAll
  static void stop() {
    dns.close();
  }

  @Test
  void srvRecords_comeInPriorityThenWeightOrder_withAddresses() {
    SrvLookup got = client.srv("_sipfederationtls._tcp.pool.test");
    assertEquals(SrvLookup.Status.FOUND, got.status());
    List<SrvTarget> t = got.targets();
    assertEquals(List.of("a.pool.test:5062", "b.pool.test:5061", "backup.pool.test:5063"), t.stream().map(SrvTarget::hostPort).toList());
    assertEquals(List.of("127.0.0.2"), t.get(0).addresses());
    assertEquals(List.of("127.0.0.3", "0:0:0:0:0:0:0:1"), t.get(1).addresses());
    assertTrue(t.get(2).addresses().isEmpty());
    assertTrue(t.get(2).problem().contains("NXDOMAIN"), t.get(2).problem());
  }

  @Test
  void existingNameWithoutSrv_isNoRecord() {
    assertEquals(SrvLookup.Status.NO_RECORD, client.srv("sip.pool.test").status());
  }

  @Test
  void unknownName_isNxdomain() {
    SrvLookup got = client.srv("_sipfederationtls._tcp.nothing.pool.test.");
    assertEquals(SrvLookup.Status.NXDOMAIN, got.status());
    assertEquals("_sipfederationtls._tcp.nothing.pool.test", got.name());
  }

  @Test
  void silentServer_isFailedWithinTheTimeout() throws Exception {
    try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      DnsClient mute = DnsClient.server(new InetSocketAddress(InetAddress.getLoopbackAddress(), silent.getLocalPort()), Duration.ofMillis(400));
      long start = System.nanoTime();
      SrvLookup got = mute.srv("_sipfederationtls._tcp.pool.test");
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertEquals(SrvLookup.Status.FAILED, got.status());
      assertTrue(got.problem().contains("failed"), got.problem());
      assertTrue(ms < 3000, "took " + ms + " ms");
    }
  }
}
