package org.tlsprobe.capture.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tlsprobe.capture.packet.PacketDecoder;
import org.tlsprobe.capture.packet.TcpSegment;
import org.tlsprobe.capture.pcap.LinkType;
import org.tlsprobe.capture.pcap.RecordedFrame;

/**
 * Builds a big capture from real recorded handshakes: every Ethernet/IPv4 TCP frame of the seed files,
 * copied again and again; each copy moves every address to a new one (bytes 2 and 3 XOR the copy
 * number, checksums fixed up) and is shifted in time after the previous copy, so each copy is a new
 * set of connections and not a retransmission of the last.
 */
public final class ReplicatedCapture {
  /** Gaps between packets of a seed are capped, so a round (all seeds once) lasts seconds, not years. */
  private static final long MAX_GAP_NANOS = 50_000_000L;

  private final List<byte[]> frames = new ArrayList<>();
  private final List<Long> offsets = new ArrayList<>();
  private final List<int[]> layout = new ArrayList<>(); // {ipStart, tcpChecksumOffset}
  private long roundNanos;
  private long roundBytes;

  public ReplicatedCapture(List<Path> seeds) throws IOException {
    PacketDecoder decoder = new PacketDecoder();
    TcpSegment s = new TcpSegment();
    long clock = 0;
    for (Path seed : seeds) {
      long previous = Long.MIN_VALUE;
      for (RecordedFrame f : RecordedFrame.readAll(seed)) {
        if (f.linkType() != LinkType.ETHERNET || !decoder.decode(f.linkType(), f.data(), 0, f.data().length, s) || s.addressLength != 4) {
          continue;
        }
        if (f.data().length != f.originalLength()) {
          continue; // keep whole frames only, as a live capture with a large snaplen would have them
        }
        long gap = previous == Long.MIN_VALUE ? MAX_GAP_NANOS : Math.max(0, Math.min(MAX_GAP_NANOS, f.timeNanos() - previous));
        previous = f.timeNanos();
        clock += gap;
        int ipStart = s.srcAddress - 12;
        int tcpStart = ipStart + (f.data()[ipStart] & 0x0F) * 4;
        frames.add(f.data());
        offsets.add(clock);
        layout.add(new int[] {ipStart, tcpStart + 16});
        roundBytes += 16 + f.data().length;
      }
    }
    roundNanos = clock + MAX_GAP_NANOS;
  }

  int framesPerRound() {
    return frames.size();
  }

  /** Writes copies until the file holds at least {@code minBytes}; returns the number of frames written. */
  public long write(Path file, long minBytes) throws IOException {
    long start = 1_700_000_000L * 1_000_000_000L;
    long written = 24;
    long count = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
      header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(LinkType.ETHERNET);
      out.write(header.array());
      ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
      for (int copy = 0; written < minBytes; copy++) {
        int mask = copy + 1;
        for (int i = 0; i < frames.size(); i++) {
          byte[] d = frames.get(i).clone();
          int[] at = layout.get(i);
          readdress(d, at[0], at[1], mask);
          long t = start + copy * roundNanos + offsets.get(i);
          record.clear();
          record.putInt((int) (t / 1_000_000_000L)).putInt((int) (t % 1_000_000_000L / 1000)).putInt(d.length).putInt(d.length);
          out.write(record.array());
          out.write(d);
          written += 16 + d.length;
          count++;
        }
      }
    }
    return count;
  }

  /** XORs bytes 2-3 of both IPv4 addresses with {@code mask}, updating the IP and TCP checksums (RFC 1624). */
  static void readdress(byte[] d, int ip, int tcpChecksum, int mask) {
    int ipSum = u16(d, ip + 10);
    int tcpSum = u16(d, tcpChecksum);
    for (int address = ip + 12; address <= ip + 16; address += 4) {
      int old = u16(d, address + 2);
      int now = old ^ (mask & 0xFFFF);
      d[address + 2] = (byte) (now >> 8);
      d[address + 3] = (byte) now;
      ipSum = adjust(ipSum, old, now);
      tcpSum = adjust(tcpSum, old, now);
    }
    d[ip + 10] = (byte) (ipSum >> 8);
    d[ip + 11] = (byte) ipSum;
    d[tcpChecksum] = (byte) (tcpSum >> 8);
    d[tcpChecksum + 1] = (byte) tcpSum;
  }

  private static int adjust(int checksum, int oldWord, int newWord) {
    int sum = (~checksum & 0xFFFF) + (~oldWord & 0xFFFF) + newWord;
    sum = (sum & 0xFFFF) + (sum >>> 16);
    sum = (sum & 0xFFFF) + (sum >>> 16);
    return ~sum & 0xFFFF;
  }

  private static int u16(byte[] d, int i) {
    return (d[i] & 0xFF) << 8 | (d[i + 1] & 0xFF);
  }
}
