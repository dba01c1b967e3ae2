package org.tlsprobe.probe;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;

/** What the probe's channel handlers need from Netty's inbound events, said once. */
final class ChannelBytes {
  private ChannelBytes() {}

  /** The bytes of an inbound message; its buffer is released, as the handler that consumes it must. */
  static byte[] take(Object msg) {
    ByteBuf buf = (ByteBuf) msg;
    try {
      return ByteBufUtil.getBytes(buf);
    } finally {
      buf.release();
    }
  }

  /** Whether an exception from the channel is the peer's TCP reset (NIO names it only in the message). */
  static boolean isReset(Throwable cause) {
    return cause instanceof IOException && String.valueOf(cause.getMessage()).toLowerCase().contains("reset");
  }
}
