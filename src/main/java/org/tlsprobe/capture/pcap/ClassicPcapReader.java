package org.tlsprobe.capture.pcap;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Classic libpcap format: 24-byte file header, 16-byte record headers; either byte order, µs or ns stamps. */
final class ClassicPcapReader extends CaptureReader {
  private static final byte[] MICRO_BE = {(byte) 0xa1, (byte) 0xb2, (byte) 0xc3, (byte) 0xd4};
  private static final byte[] MICRO_LE = {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1};
  private static final byte[] NANO_BE = {(byte) 0xa1, (byte) 0xb2, (byte) 0x3c, (byte) 0x4d};
  private static final byte[] NANO_LE = {(byte) 0x4d, (byte) 0x3c, (byte) 0xb2, (byte) 0xa1};
  /** libpcap's MAXIMUM_SNAPLEN: a record longer than this and than the file's snaplen is corrupt. */
  static final int MAXIMUM_SNAPLEN = 262144;
  private static final int HEADER = 24;
  private static final int RECORD_HEADER = 16;

  private boolean bigEndian;
  private boolean nanos;
  private int linkType;
  private long maxCaplen;
  private boolean done;

  ClassicPcapReader(Path file, FileChannel channel, ChannelBuffer in) {
    super(file, channel, in);
  }

  static boolean isMagic(byte[] b, int p, int n) {
    return startsWith(b, p, n, MICRO_BE) || startsWith(b, p, n, MICRO_LE) || startsWith(b, p, n, NANO_BE) || startsWith(b, p, n, NANO_LE);
  }

  @Override
  public String format() {
    return "pcap";
  }

  @Override
  void readHeader() throws IOException {
    if (!in.ensure(HEADER)) {
      stopped(0, "the file header is cut short (" + in.available() + " of " + HEADER + " bytes)");
      done = true;
      return;
    }
    byte[] b = in.array();
    int p = in.pos();
    bigEndian = b[p] == (byte) 0xa1;
    nanos = startsWith(b, p, 4, NANO_BE) || startsWith(b, p, 4, NANO_LE);
    long snaplen = Bytes.u32(b, p + 16, bigEndian);
    // The upper bits of the link-type field carry FCS information (LT_FCS_*), not the type.
    linkType = Bytes.i32(b, p + 20, bigEndian) & 0xFFFF;
    maxCaplen = Math.max(snaplen, MAXIMUM_SNAPLEN);
    addLinkType(linkType);
    in.skip(HEADER);
  }

  @Override
  public boolean next(Frame f) throws IOException {
    if (done) {
      return false;
    }
    long offset = in.offset();
    if (!in.ensure(RECORD_HEADER)) {
      if (in.available() > 0) {
        stopped(offset, "its record header is cut short (" + in.available() + " of " + RECORD_HEADER + " bytes)");
      }
      done = true;
      return false;
    }
    byte[] b = in.array();
    int p = in.pos();
    long seconds = Bytes.u32(b, p, bigEndian);
    long fraction = Bytes.u32(b, p + 4, bigEndian);
    long caplen = Bytes.u32(b, p + 8, bigEndian);
    long origlen = Bytes.u32(b, p + 12, bigEndian);
    if (caplen > maxCaplen) {
      stopped(offset, "its record header says incl_len " + caplen + ", more than the snapshot length allows ("
          + maxCaplen + "), so the file is corrupt from here");
      done = true;
      return false;
    }
    int len = (int) caplen;
    if (!in.ensure(RECORD_HEADER + len)) {
      stopped(offset, "the record says " + caplen + " captured bytes but only " + Math.max(0, in.available() - RECORD_HEADER)
          + " remain in the file");
      done = true;
      return false;
    }
    b = in.array();
    p = in.pos();
    f.number = ++frames;
    f.timeNanos = seconds * 1_000_000_000L + (nanos ? fraction : fraction * 1000L);
    f.linkType = linkType;
    f.interfaceId = 0;
    f.data = b;
    f.offset = p + RECORD_HEADER;
    f.capturedLength = len;
    f.originalLength = origlen;
    f.fileOffset = offset;
    in.skip(RECORD_HEADER + len);
    return true;
  }
}
