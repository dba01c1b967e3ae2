package org.tlsprobe.capture.pcap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes frames as classic pcap or pcapng, in either byte order, for tests only. */
public final class TestCaptureWriter {
  private TestCaptureWriter() {}

  public static byte[] pcap(List<RecordedFrame> frames, ByteOrder order, boolean nanos) {
    int linkType = frames.isEmpty() ? LinkType.ETHERNET : frames.get(0).linkType();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer h = ByteBuffer.allocate(24).order(order);
    h.putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(linkType);
    out.writeBytes(h.array());
    for (RecordedFrame f : frames) {
      ByteBuffer r = ByteBuffer.allocate(16).order(order);
      long sec = Math.floorDiv(f.timeNanos(), 1_000_000_000L);
      long frac = Math.floorMod(f.timeNanos(), 1_000_000_000L);
      r.putInt((int) sec).putInt((int) (nanos ? frac : frac / 1000)).putInt(f.data().length).putInt((int) f.originalLength());
      out.writeBytes(r.array());
      out.writeBytes(f.data());
    }
    return out.toByteArray();
  }

  /** One interface per distinct link type, in order of first use; stamps in units of 10^-exp (or 2^-exp when binary). */
  public static byte[] pcapng(List<RecordedFrame> frames, ByteOrder order, int tsresol) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer shb = ByteBuffer.allocate(28).order(order);
    shb.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1).putInt(28);
    out.writeBytes(shb.array());
    List<Integer> linkTypes = new ArrayList<>();
    for (RecordedFrame f : frames) {
      if (!linkTypes.contains(f.linkType())) {
        linkTypes.add(f.linkType());
        ByteBuffer idb = ByteBuffer.allocate(32).order(order);
        idb.putInt(1).putInt(32).putShort((short) f.linkType()).putShort((short) 0).putInt(262144)
            .putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]).putInt(0).putInt(32);
        out.writeBytes(idb.array());
      }
      int pad = (4 - f.data().length % 4) % 4;
      int len = 32 + f.data().length + pad;
      ByteBuffer epb = ByteBuffer.allocate(len).order(order);
      long ticks = ticks(f.timeNanos(), tsresol);
      epb.putInt(6).putInt(len).putInt(linkTypes.indexOf(f.linkType())).putInt((int) (ticks >>> 32)).putInt((int) ticks)
          .putInt(f.data().length).putInt((int) f.originalLength()).put(f.data()).put(new byte[pad]).putInt(len);
      out.writeBytes(epb.array());
    }
    return out.toByteArray();
  }

  static long ticks(long nanos, int tsresol) {
    int exp = tsresol & 0x7F;
    if ((tsresol & 0x80) != 0) {
      long sec = nanos / 1_000_000_000L;
      long frac = nanos % 1_000_000_000L;
      return (sec << exp) + (frac << exp) / 1_000_000_000L;
    }
    long t = nanos;
    for (int i = exp; i < 9; i++) {
      t /= 10;
    }
    for (int i = 9; i < exp; i++) {
      t *= 10;
    }
    return t;
  }

  public static void write(Path file, byte[] bytes) throws IOException {
    try (OutputStream o = Files.newOutputStream(file)) {
      o.write(bytes);
    }
  }
}
