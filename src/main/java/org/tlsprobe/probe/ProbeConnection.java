package org.tlsprobe.probe;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Vector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.HandshakeType;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.SignatureScheme;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.tlsprobe.tls.Side;
import org.tlsprobe.tls.TlsVersion;
import org.tlsprobe.tls.wire.ByteReader;
import org.tlsprobe.tls.wire.ClientHello;
import org.tlsprobe.tls.wire.ServerHello;
import org.tlsprobe.tls.wire.TlsParseException;

/**
 * Drives one handshake over one TCP connection: bytes from the server go into Bouncy Castle, its output goes
 * to the server, and everything seen on the way is recorded. It never judges: any chain is accepted, and the
 * connection ends when the handshake completed (after a short wait in TLS 1.3 for a late rejection), failed,
 * the server closed or reset, or the timeout passed. Lives on its channel's event loop.
 */
final class ProbeConnection extends ChannelInboundHandlerAdapter implements HandshakeEvents {
  private final ProbeSettings settings;
  private final Offer offer;
  private final String sni;
  private final BcTlsCrypto crypto;
  private final Clock clock;
  private final long connectStartNanos;
  private final CompletableFuture<ConnectionOutcome> done = new CompletableFuture<>();
  private final ConnectionRecorder recorder;
  private final ByteArrayOutputStream appResponse = new ByteArrayOutputStream();

  private RecordingClientProtocol protocol;
  private ChannelHandlerContext ctx;
  private Instant start;
  private long connectMs;
  private long activeNanos;
  private Long handshakeMs;
  private ScheduledFuture<?> timer;
  private boolean finished;
  private boolean handshakeComplete;
  /** What to send after the handshake, if anything. */
  private final Optional<ApplicationExchange> exchange;
  private boolean exchangeSent;
  /** When the application request went out (0: not sent). */
  private long exchangeNanos;
  private boolean tls13;
  private List<String> caNames;
  private boolean timedOut;
  private String localFailure;
  private ServerHello serverHello;
  private boolean lastInputFailed;
  private boolean serverCcs;
  private boolean clientCcs;
  private boolean serverAnsweredFlight;
  private final RecordSplitter fromServer = new RecordSplitter();
  private final RecordSplitter fromClient = new RecordSplitter();

  ProbeConnection(ProbeSettings settings, Offer offer, String sni, Optional<ApplicationExchange> exchange, BcTlsCrypto crypto, Clock clock,
      long connectStartNanos) {
    this.exchange = exchange;
    this.settings = settings;
    this.offer = offer;
    this.sni = sni;
    this.crypto = crypto;
    this.clock = clock;
    this.connectStartNanos = connectStartNanos;
    this.recorder = new ConnectionRecorder(clock);
  }

  CompletableFuture<ConnectionOutcome> done() {
    return done;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    activeNanos = System.nanoTime();
    start = clock.instant();
    connectMs = TimeUnit.NANOSECONDS.toMillis(activeNanos - connectStartNanos);
    timer = ctx.executor().schedule(this::handshakeTimedOut, settings.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    protocol = new RecordingClientProtocol(this);
    try {
      protocol.connect(new ProbeTlsClient(crypto, offer, sni, settings.credential().orElse(null), this));
    } catch (IOException | RuntimeException e) {
      localFailure = "could not build the ClientHello: " + e;
      flush();
      finish();
      return;
    }
    flush();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    byte[] data = ChannelBytes.take(msg);
    if (finished) {
      return;
    }
    lastInputFailed = false;
    for (byte[] record : fromServer.add(data)) {
      if (lastInputFailed) {
        recorder.bytes(Side.SERVER, record); // after a failure: what the server still sent, as it came
        continue;
      }
      offer(record);
    }
    flush();
    if (lastInputFailed || serverHello != null && offer.stopAfterServerHello() || protocol.isClosed()) {
      finish();
      return;
    }
    readApplicationData();
    if (handshakeComplete && !exchangeSent) {
      afterHandshake();
    } else if (exchangeSent && serverAnsweredFlight && exchange.isEmpty()) {
      finish(); // a session ticket after our Finished: the server took our flight, no rejection is coming
    }
  }

  /**
   * Hands one server record to Bouncy Castle. The transcript gets the raw record, except where the probe saw
   * more than the wire shows: an encrypted record that held handshake messages or an alert is recorded as
   * what it held (so a TLS 1.3 rejection after the client's Finished reads as the alert it is).
   */
  private void offer(byte[] record) {
    boolean raw = fromServer.passThrough();
    int type = record[0] & 0xff;
    boolean decryptable = !raw && (type == 23 && tls13 && serverHello != null || type == 21 && serverEncrypting());
    int before = recorder.decryptedCount();
    if (!decryptable) {
      recorder.bytes(Side.SERVER, record);
    }
    try {
      protocol.offerInput(record);
    } catch (TlsFatalAlertReceived e) {
      lastInputFailed = true; // the alert itself was recorded by alertReceived
    } catch (StopHandshake e) {
      lastInputFailed = true;
    } catch (IOException | RuntimeException e) {
      lastInputFailed = true;
      noteLocal(e);
    }
    if (decryptable && recorder.decryptedCount() == before) {
      recorder.bytes(Side.SERVER, record); // application data, or nothing Bouncy Castle could read
    }
  }

  private void noteLocal(Exception e) {
    if (localFailure == null) {
      localFailure = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
  }

  private void afterHandshake() {
    exchangeSent = true;
    timer.cancel(false);
    if (exchange.isPresent()) {
      try {
        byte[] req = exchange.get().request();
        exchangeNanos = System.nanoTime();
        protocol.writeApplicationData(req, 0, req.length);
        flush();
      } catch (IOException e) {
        noteLocal(e);
        finish();
        return;
      }
      timer = ctx.executor().schedule(this::finish, exchange.get().timeout().toMillis(), TimeUnit.MILLISECONDS);
    } else if (tls13 && caNames != null && !serverAnsweredFlight && !settings.postHandshakeWait().isZero()) {
      // TLS 1.3: the server judges our certificate only after our Finished; give a rejection time to come
      timer = ctx.executor().schedule(this::finish, settings.postHandshakeWait().toMillis(), TimeUnit.MILLISECONDS);
    } else {
      finish();
    }
  }

  private long exchangeMillis() {
    return exchangeNanos == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - exchangeNanos);
  }

  private void readApplicationData() {
    int n = protocol.getAvailableInputBytes();
    if (n <= 0) {
      return;
    }
    byte[] b = new byte[n];
    protocol.readInput(b, 0, n);
    int max = exchange.map(ApplicationExchange::maxBytes).orElse(0);
    int room = Math.max(0, max - appResponse.size());
    appResponse.write(b, 0, Math.min(room, n));
    if (exchange.isPresent() && (room <= n || exchange.get().complete().test(appResponse.toByteArray()))) {
      finish();
    }
  }

  private void flush() {
    int n = protocol == null ? 0 : protocol.getAvailableOutputBytes();
    if (n > 0 && ctx != null && ctx.channel().isActive()) {
      byte[] out = new byte[n];
      protocol.readOutput(out, 0, n);
      if (!finished) { // our own close_notify at teardown is not part of what the handshake showed
        for (byte[] record : fromClient.add(out)) {
          int type = record[0] & 0xff;
          boolean shownDecrypted = !fromClient.passThrough()
              && (type == 23 && tls13 && serverHello != null && !exchangeSent || type == 21 && clientEncrypting());
          if (!shownDecrypted) {
            recorder.bytes(Side.CLIENT, record);
          }
        }
      }
      ctx.writeAndFlush(Unpooled.wrappedBuffer(out));
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (finished) {
      return;
    }
    if (ChannelBytes.isReset(cause)) {
      recorder.close(Side.SERVER, true);
    } else {
      localFailure = "connection error: " + cause;
    }
    finish();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (!finished) {
      recorder.close(Side.SERVER, false);
      finish();
    }
  }

  private void handshakeTimedOut() {
    if (!handshakeComplete && !finished) {
      timedOut = true;
      finish();
    }
  }

  private void finish() {
    if (finished) {
      return;
    }
    finished = true;
    if (timer != null) {
      timer.cancel(false);
    }
    if (protocol != null && !protocol.isClosed()) {
      try {
        protocol.close();
      } catch (IOException | RuntimeException ignored) {
        // closing is best effort: the outcome is already recorded
      }
      flush();
    }
    SocketAddress local = ctx.channel().localAddress();
    done.complete(new ConnectionOutcome(
        local instanceof InetSocketAddress ? Addresses.format((InetSocketAddress) local) : String.valueOf(local),
        start, connectMs, handshakeMs, recorder.build(), caNames, timedOut, localFailure,
        appResponse.size() > 0 ? new ApplicationAnswer(appResponse.toByteArray(), exchangeMillis()) : null, serverHello));
    ctx.close();
  }

  // ---- HandshakeEvents (called by Bouncy Castle inside offerInput / connect) ----

  @Override
  public void received(int type, byte[] body) throws IOException {
    if (tls13 && serverHello != null && type != HandshakeType.server_hello) {
      recorder.decryptedMessage(Side.SERVER, type, body); // TLS 1.2's encrypted Finished stays as the wire shows it
    }
    if (type == HandshakeType.new_session_ticket && handshakeComplete) {
      serverAnsweredFlight = true;
    }
    if (type == HandshakeType.server_hello) {
      serverHello = parseServerHello(body);
      if (serverHello != null) {
        tls13 = serverHello.version() == TlsVersion.TLSv1_3;
      }
      if (offer.stopAfterServerHello()) {
        throw new StopHandshake();
      }
    }
  }

  /**
   * The server's choice, read by the same parser as the transcript's; null when the body does not parse
   * (Bouncy Castle rejects it too, and the transcript records why).
   */
  private static ServerHello parseServerHello(byte[] body) {
    try {
      return ServerHello.parse(ByteReader.of(body, "ServerHello"));
    } catch (TlsParseException e) {
      return null;
    }
  }

  @Override
  public void sent(int type, byte[] body) {
    if (tls13 && serverHello != null && type != HandshakeType.client_hello) {
      recorder.decryptedMessage(Side.CLIENT, type, body);
    }
  }

  @Override
  public void changeCipherSpecSent() {
    clientCcs = true;
  }

  @Override
  public void changeCipherSpecReceived() {
    serverCcs = true;
  }

  /** Whether the server's records are encrypted now: after its ServerHello in TLS 1.3, after its ChangeCipherSpec before. */
  private boolean serverEncrypting() {
    return tls13 && serverHello != null || serverCcs && !tls13;
  }

  private boolean clientEncrypting() {
    return tls13 && serverHello != null || clientCcs && !tls13;
  }

  @Override
  public void alertReceived(short level, short description) {
    if (!finished && serverEncrypting()) {
      recorder.decryptedAlert(Side.SERVER, level, description);
    }
  }

  @Override
  public void alertRaised(short level, short description, String message, Throwable cause) {
    if (finished || offer.stopAfterServerHello() && serverHello != null) {
      return; // our own teardown, not part of what the server did
    }
    if (clientEncrypting()) {
      recorder.decryptedAlert(Side.CLIENT, level, description);
    }
    if (level == AlertLevel.fatal && localFailure == null) {
      localFailure = message != null ? message : cause != null ? String.valueOf(cause.getMessage()) : null;
    }
  }

  @Override
  public void serverVersion(ProtocolVersion version) {
    tls13 = TlsUtils.isTLSv13(version);
  }

  @Override
  public void serverCertificate(List<byte[]> der) {
    // the transcript reads the chain from the Certificate message itself
  }

  @Override
  public void certificateRequested(CertificateRequest request) {
    List<String> dns = new ArrayList<>();
    Vector<?> cas = request.getCertificateAuthorities();
    if (cas != null) {
      for (Object o : cas) {
        try {
          byte[] der = ((X500Name) o).getEncoded();
          dns.add(new X500Principal(der).getName(X500Principal.RFC2253));
        } catch (IOException | IllegalArgumentException e) {
          dns.add(String.valueOf(o));
        }
      }
    }
    caNames = dns;
  }

  @Override
  public void clientCertificateSent(List<byte[]> der) {
    // the transcript reads it from the Certificate message
  }

  @Override
  public void handshakeComplete() {
    handshakeComplete = true;
    handshakeMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - activeNanos);
  }

  /** Thrown from inside Bouncy Castle to end an enumeration handshake once the server's choice is known. */
  static final class StopHandshake extends IOException {
    StopHandshake() {
      super("enumeration: server choice recorded", null);
    }
  }

}
