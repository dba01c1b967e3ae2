package org.tlsprobe.probe;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.tlsprobe.model.HandshakeObservation;

/**
 * Probes targets live: resolves each name to every address, connects to each (at most {@code concurrency}
 * at once, on one shared event loop group), runs one recorded handshake, and hands back one
 * {@link ProbeResult} per address, whatever happened. Close it to stop its threads.
 */
public final class Prober implements AutoCloseable {
  private final ProbeSettings settings;
  private final Clock clock;
  private final EventLoopGroup group;
  private final BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
  private final ExecutorService resolvers;
  private final Offer broadOffer;
  /** Results are handed out on this thread, so judging and writing them never holds up an event loop. */
  private final ExecutorService reporters = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "tlsprobe-report");
    t.setDaemon(true);
    return t;
  });

  public Prober(ProbeSettings settings) {
    this(settings, Clock.systemUTC());
  }

  public Prober(ProbeSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.group = new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());
    this.resolvers = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.concurrency(), 16)), r -> {
      Thread t = new Thread(r, "tlsprobe-dns");
      t.setDaemon(true);
      return t;
    });
    this.broadOffer = new Offer(ProtocolVersion.TLSv13.downTo(ProtocolVersion.TLSv10), SuiteCatalog.broad(crypto), false);
  }

  /**
   * Probes every target (every address of it) and calls {@code onResult} once per address as each finishes
   * (from several threads, one call at a time). Returns when all are done.
   */
  public void probe(List<Target> targets, Consumer<ProbeResult> onResult) {
    probe(targets, false, onResult);
  }

  /** As {@link #probe(List, Consumer)}; with {@code enumerate}, each result also lists the versions and suites accepted. */
  public void probe(List<Target> targets, boolean enumerate, Consumer<ProbeResult> onResult) {
    Semaphore slots = new Semaphore(Math.max(1, settings.concurrency()));
    Object lock = new Object();
    Consumer<ProbeResult> serialized = r -> {
      synchronized (lock) {
        onResult.accept(r);
      }
    };
    CompletableFuture<?>[] all = new CompletableFuture<?>[targets.size()];
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      all[i] = CompletableFuture.supplyAsync(() -> resolve(t), resolvers)
          .thenCompose(resolved -> probeAll(t, resolved, slots, enumerate, serialized));
    }
    CompletableFuture.allOf(all).join();
  }

  private record Resolved(List<InetAddress> addresses, Long dnsMs, String failure) {}

  private Resolved resolve(Target t) {
    long t0 = System.nanoTime();
    try {
      InetAddress[] all = InetAddress.getAllByName(t.host());
      Long ms = t.isAddressLiteral() ? null : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      return new Resolved(List.of(all), ms, null);
    } catch (UnknownHostException e) {
      return new Resolved(List.of(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
          "DNS: the name " + t.host() + " does not resolve");
    } catch (RuntimeException e) {
      return new Resolved(List.of(), null, "DNS: " + e.getMessage());
    }
  }

  private CompletableFuture<Void> probeAll(Target t, Resolved r, Semaphore slots, boolean enumerate, Consumer<ProbeResult> out) {
    String sni = settings.sni().orElse(t.isAddressLiteral() ? null : t.host());
    if (r.failure() != null) {
      out.accept(failed(t, null, sni, new Timing(r.dnsMs(), null, null), r.failure()));
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<?>[] each = new CompletableFuture<?>[r.addresses().size()];
    for (int i = 0; i < each.length; i++) {
      InetSocketAddress address = new InetSocketAddress(r.addresses().get(i), t.port());
      slots.acquireUninterruptibly();
      CompletableFuture<ProbeResult> one = probeAddress(t, address, sni, r.dnsMs());
      if (enumerate) { // runs beside the main handshake; an address that cannot be reached yields no enumeration
        CompletableFuture<Enumeration> e = new Enumerator(this, address, sni).run();
        one = one.thenCombine(e, (res, en) -> res.observation().isEmpty() ? res : res.withEnumeration(en));
      }
      each[i] = one.whenComplete((res, err) -> slots.release()).whenCompleteAsync((res, err) -> {
        out.accept(res != null ? res
            : failed(t, Addresses.format(address), sni, new Timing(r.dnsMs(), null, null), "internal error: " + err));
      }, reporters);
    }
    return CompletableFuture.allOf(each).exceptionally(e -> null);
  }

  private static ProbeResult failed(Target t, String address, String sni, Timing timing, String why) {
    return new ProbeResult(t, address, sni, timing, Optional.empty(), Optional.of(why), null, false, null,
        Optional.empty(), Optional.empty());
  }

  /** One connection to one address with the default broad offer. */
  CompletableFuture<ProbeResult> probeAddress(Target t, InetSocketAddress address, String sni, Long dnsMs) {
    String addr = Addresses.format(address);
    return connect(address, sni, broadOffer, settings.exchangeFor().apply(t)).handle((c, err) -> {
      if (err != null) {
        return failed(t, addr, sni, new Timing(dnsMs, null, null), describeConnectFailure(err));
      }
      HandshakeObservation obs = new HandshakeObservation(t.input(), c.localAddress(), addr, c.start(), c.transcript());
      return new ProbeResult(t, addr, sni, new Timing(dnsMs, c.connectMs(), c.handshakeMs()), Optional.of(obs),
          Optional.empty(), c.clientCaNames(), c.timedOut(), c.localFailure(),
          Optional.ofNullable(c.applicationResponse()), Optional.empty());
    });
  }

  /** Opens a TCP connection and runs one recorded handshake with the given offer, no exchange after it. */
  CompletableFuture<ConnectionOutcome> connect(InetSocketAddress address, String sni, Offer offer) {
    return connect(address, sni, offer, Optional.empty());
  }

  /** Opens a TCP connection, runs one recorded handshake with the given offer, then the exchange; fails only when TCP fails. */
  CompletableFuture<ConnectionOutcome> connect(InetSocketAddress address, String sni, Offer offer, Optional<ApplicationExchange> exchange) {
    long t0 = System.nanoTime();
    ProbeConnection handler = new ProbeConnection(settings, offer, sni, exchange, crypto, clock, t0);
    CompletableFuture<ConnectionOutcome> result = new CompletableFuture<>();
    ChannelFuture f = open(address, handler);
    f.addListener(cf -> {
      if (!cf.isSuccess()) {
        result.completeExceptionally(cf.cause());
      }
    });
    handler.done().whenComplete((c, err) -> {
      if (err != null) {
        result.completeExceptionally(err);
      } else {
        result.complete(c);
      }
    });
    return result;
  }

  /**
   * Sends an SSL 3.0 ClientHello offering {@code suites} (in that order) and reads the server's answer,
   * within the connect and handshake timeouts. Completes with an answer whatever happens, never
   * exceptionally: an unreachable port is an answer without a ServerHello.
   */
  CompletableFuture<HelloAnswer> ssl3Hello(InetSocketAddress address, int[] suites) {
    Ssl3HelloConnection handler =
        new Ssl3HelloConnection(Ssl3ClientHello.record(suites, crypto.getSecureRandom()), settings.handshakeTimeout());
    open(address, handler).addListener(cf -> {
      if (!cf.isSuccess()) {
        handler.connectFailed(describeConnectFailure(cf.cause()));
      }
    });
    return handler.done();
  }

  /** A TCP connection on the shared event loop group, with the connect timeout, driven by {@code handler}. */
  private ChannelFuture open(InetSocketAddress address, ChannelHandler handler) {
    return new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
        .handler(handler)
        .connect(address);
  }

  private String describeConnectFailure(Throwable err) {
    Throwable e = err instanceof java.util.concurrent.CompletionException && err.getCause() != null ? err.getCause() : err;
    if (e instanceof ConnectTimeoutException) {
      return "TCP connect timed out after " + settings.connectTimeout().toMillis() + " ms";
    }
    if (e instanceof ConnectException) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("refused")) {
        return "TCP connection refused (nothing listens on that port)";
      }
      return "TCP connect failed: " + m.replaceFirst("^[^:]*: ", "");
    }
    return "TCP connect failed: " + e;
  }

  BcTlsCrypto crypto() {
    return crypto;
  }

  ProbeSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    resolvers.shutdownNow();
    reporters.shutdown();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
