package org.tlsprobe.probe;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A hello-only connection: sends one hand-built ClientHello (an SSL 3.0 one, which Bouncy Castle cannot
 * send) and reads until the server's answer is known, then closes. Ends, always with a {@link HelloAnswer},
 * on the ServerHello, a fatal alert, the server closing or resetting, bytes that are not an answer, or the
 * timeout; reading is bounded by {@link HelloAnswerReader}. Lives on its channel's event loop.
 */
final class Ssl3HelloConnection extends ChannelInboundHandlerAdapter {
  private final byte[] hello;
  private final Duration timeout;
  private final HelloAnswerReader reader = new HelloAnswerReader();
  private final CompletableFuture<HelloAnswer> done = new CompletableFuture<>();
  private ChannelHandlerContext ctx;
  private ScheduledFuture<?> timer;

  Ssl3HelloConnection(byte[] hello, Duration timeout) {
    this.hello = hello.clone();
    this.timeout = timeout;
  }

  /** Completes once, with the answer; never exceptionally. */
  CompletableFuture<HelloAnswer> done() {
    return done;
  }

  /** TCP never came up, so no handler event will end the connection: the prober says why. */
  void connectFailed(String why) {
    finish(HelloAnswer.ended(why));
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    timer = ctx.executor().schedule(() -> finish(HelloAnswer.ended("no answer within " + timeout.toMillis() + " ms")),
        timeout.toMillis(), TimeUnit.MILLISECONDS);
    ctx.writeAndFlush(Unpooled.wrappedBuffer(hello));
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    byte[] data = ChannelBytes.take(msg);
    if (!done.isDone()) {
      reader.bytes(data).ifPresent(this::finish);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    finish(HelloAnswer.ended(ChannelBytes.isReset(cause) ? "reset by the server" : "connection error: " + cause));
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    finish(HelloAnswer.ended("closed by the server"));
  }

  private void finish(HelloAnswer answer) {
    if (!done.complete(answer)) {
      return;
    }
    if (timer != null) {
      timer.cancel(false);
    }
    if (ctx != null) {
      ctx.close(); // we only wanted the answer; the server sees the connection end mid-handshake
    }
  }
}
