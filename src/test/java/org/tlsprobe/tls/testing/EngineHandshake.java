package org.tlsprobe.tls.testing;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.tlsprobe.tls.Side;

/**
 * A real TLS handshake between two JDK SSLEngines in this JVM, no network: each engine's output is
 * handed to the other, and every flight is recorded as a {@link Chunk} (one "packet" each), in the
 * order it was produced. Both directions' bytes are the real wire bytes of the protocol.
 */
public final class EngineHandshake {
  /** Bytes one side put on the wire in one go. */
  public record Chunk(Side from, byte[] bytes) {}

  public enum ClientAuth { NONE, WANT, NEED }

  /** What to run. */
  public record Setup(String protocol, ClientAuth clientAuth, TestPki.Identity server, TestPki.Identity client,
      TestPki clientTrusts, TestPki serverTrusts, String sni, List<String> alpn, boolean exchangeData) {}

  /** The recorded flights, and whether the handshake completed, and the error if it did not. */
  public record Recording(List<Chunk> chunks, boolean completed, String failure) {
    public byte[] stream(Side side) {
      int n = 0;
      for (Chunk c : chunks) {
        if (c.from() == side) {
          n += c.bytes().length;
        }
      }
      byte[] out = new byte[n];
      int p = 0;
      for (Chunk c : chunks) {
        if (c.from() == side) {
          System.arraycopy(c.bytes(), 0, out, p, c.bytes().length);
          p += c.bytes().length;
        }
      }
      return out;
    }
  }

  private EngineHandshake() {}

  public static Recording run(Setup setup) throws Exception {
    SSLContext serverCtx = context(setup.server(), setup.serverTrusts());
    SSLContext clientCtx = context(setup.client(), setup.clientTrusts());
    SSLEngine server = serverCtx.createSSLEngine();
    server.setUseClientMode(false);
    server.setEnabledProtocols(new String[] {setup.protocol()});
    if (setup.clientAuth() == ClientAuth.NEED) {
      server.setNeedClientAuth(true);
    } else if (setup.clientAuth() == ClientAuth.WANT) {
      server.setWantClientAuth(true);
    }
    SSLEngine client = clientCtx.createSSLEngine(setup.sni() != null ? setup.sni() : "localhost", 443);
    client.setUseClientMode(true);
    client.setEnabledProtocols(new String[] {setup.protocol()});
    SSLParameters p = client.getSSLParameters();
    if (setup.sni() != null) {
      p.setServerNames(List.of(new SNIHostName(setup.sni())));
    }
    if (setup.alpn() != null && !setup.alpn().isEmpty()) {
      p.setApplicationProtocols(setup.alpn().toArray(new String[0]));
    }
    client.setSSLParameters(p);
    if (setup.alpn() != null && !setup.alpn().isEmpty()) {
      SSLParameters sp = server.getSSLParameters();
      sp.setApplicationProtocols(setup.alpn().toArray(new String[0]));
      server.setSSLParameters(sp);
    }
    return new Pump(client, server, setup.exchangeData()).run();
  }

  private static SSLContext context(TestPki.Identity identity, TestPki trusts) throws Exception {
    KeyManagerFactory kmf = null;
    if (identity != null) {
      kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(identity.keyStore(), TestPki.PASSWORD);
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trusts.trustStore());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return ctx;
  }

  /** Moves bytes between the two engines until both are done or one fails. */
  private static final class Pump {
    private final SSLEngine client;
    private final SSLEngine server;
    private final boolean exchangeData;
    private final List<Chunk> chunks = new ArrayList<>();
    private final ByteBuffer toServer = ByteBuffer.allocate(1 << 20);
    private final ByteBuffer toClient = ByteBuffer.allocate(1 << 20);
    private String failure;

    Pump(SSLEngine client, SSLEngine server, boolean exchangeData) {
      this.client = client;
      this.server = server;
      this.exchangeData = exchangeData;
    }

    Recording run() throws Exception {
      client.beginHandshake();
      server.beginHandshake();
      boolean clientSent = false;
      boolean serverSent = false;
      for (int round = 0; round < 200; round++) {
        boolean progress = false;
        progress |= step(client, Side.CLIENT, toClient, toServer);
        progress |= step(server, Side.SERVER, toServer, toClient);
        boolean done = done(client) && done(server);
        if (done && exchangeData && !clientSent) {
          send(client, Side.CLIENT, toServer, "GET / HTTP/1.0\r\n\r\n");
          clientSent = true;
          progress = true;
        } else if (done && exchangeData && clientSent && !serverSent && toServer.position() == 0) {
          send(server, Side.SERVER, toClient, "HTTP/1.0 200 OK\r\n\r\nhello");
          serverSent = true;
          progress = true;
        }
        if (!progress && toServer.position() == 0 && toClient.position() == 0) {
          break;
        }
      }
      boolean completed = failure == null && done(client) && done(server);
      return new Recording(List.copyOf(chunks), completed, failure);
    }

    private static boolean done(SSLEngine e) {
      HandshakeStatus s = e.getHandshakeStatus();
      return s == HandshakeStatus.NOT_HANDSHAKING || s == HandshakeStatus.FINISHED;
    }

    private void send(SSLEngine engine, Side side, ByteBuffer out, String text) throws SSLException {
      ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
      engine.wrap(ByteBuffer.wrap(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), net);
      record(side, net, out);
    }

    private void record(Side side, ByteBuffer net, ByteBuffer out) {
      net.flip();
      if (net.hasRemaining()) {
        byte[] b = new byte[net.remaining()];
        net.get(b);
        chunks.add(new Chunk(side, b));
        out.put(b);
      }
    }

    /** One engine: read what the peer sent, then write what it has to say. */
    private boolean step(SSLEngine engine, Side side, ByteBuffer in, ByteBuffer out) throws Exception {
      boolean progress = false;
      in.flip();
      ByteBuffer app = ByteBuffer.allocate(1 << 17);
      while (in.hasRemaining()) {
        SSLEngineResult r;
        try {
          r = engine.unwrap(in, app);
        } catch (SSLException e) {
          if (System.getenv("ENGINE_DEBUG") != null) {
            e.printStackTrace();
          }
          failure = failure == null ? side + ": " + e.getMessage() : failure;
          progress |= flushAlerts(engine, side, out);
          break;
        }
        runTasks(engine);
        if (r.bytesConsumed() > 0) {
          progress = true;
        }
        if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW || r.getStatus() == SSLEngineResult.Status.CLOSED
            || (r.bytesConsumed() == 0 && r.getHandshakeStatus() == HandshakeStatus.NEED_WRAP)) {
          break;
        }
        if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
          break;
        }
      }
      in.compact();
      for (int i = 0; i < 20 && engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP; i++) {
        ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        try {
          engine.wrap(ByteBuffer.allocate(0), net);
        } catch (SSLException e) {
          failure = failure == null ? side + ": " + e.getMessage() : failure;
        }
        runTasks(engine);
        if (net.position() > 0) {
          progress = true;
        }
        record(side, net, out);
      }
      return progress;
    }

    private boolean flushAlerts(SSLEngine engine, Side side, ByteBuffer out) {
      boolean progress = false;
      for (int i = 0; i < 5 && engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP; i++) {
        ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        try {
          engine.wrap(ByteBuffer.allocate(0), net);
        } catch (SSLException e) {
          break;
        }
        if (net.position() > 0) {
          progress = true;
        }
        record(side, net, out);
      }
      return progress;
    }

    private static void runTasks(SSLEngine e) {
      Runnable t;
      while ((t = e.getDelegatedTask()) != null) {
        t.run();
      }
    }
  }

  /** Copies {@code n} bytes; for tests that cut streams. */
  public static byte[] prefix(byte[] b, int n) {
    return Arrays.copyOf(b, n);
  }
}
