package org.tlsprobe.capture.pcap;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * pcapng: sections (SHB, each with its own byte order), interfaces (IDB: link type, snaplen,
 * if_tsresol, if_tsoffset) and packets (EPB, SPB, the obsolete PB). Other blocks are skipped.
 */
final class PcapNgReader extends CaptureReader {
  static final byte[] SHB_MAGIC = {0x0a, 0x0d, 0x0d, 0x0a};
  private static final int SHB = 0x0A0D0D0A;
  private static final int IDB = 1;
  private static final int PB = 2;
  private static final int SPB = 3;
  private static final int EPB = 6;
  private static final int OPT_END = 0;
  private static final int IF_TSRESOL = 9;
  private static final int IF_TSOFFSET = 14;
  /** libpcap refuses blocks above 16 MiB; a length beyond that means the file is corrupt here. */
  private static final int MAX_BLOCK = 16 << 20;

  /** One interface of the current section. */
  private static final class Interface {
    final int linkType;
    final long snaplen;
    final boolean binaryResolution;
    final int exponent;
    final long offsetNanos;

    Interface(int linkType, long snaplen, boolean binaryResolution, int exponent, long offsetNanos) {
      this.linkType = linkType;
      this.snaplen = snaplen;
      this.binaryResolution = binaryResolution;
      this.exponent = exponent;
      this.offsetNanos = offsetNanos;
    }

    long nanos(long ticks) {
      long n;
      if (binaryResolution) {
        if (exponent <= 33) {
          long whole = ticks >>> exponent;
          long fraction = ticks & ((1L << exponent) - 1);
          n = whole * 1_000_000_000L + (fraction * 1_000_000_000L >>> exponent);
        } else {
          n = new BigInteger(Long.toUnsignedString(ticks)).multiply(BigInteger.valueOf(1_000_000_000L)).shiftRight(exponent).longValue();
        }
      } else if (exponent <= 9) {
        n = ticks * POW10[9 - exponent];
      } else {
        n = exponent - 9 < POW10.length ? Long.divideUnsigned(ticks, POW10[exponent - 9]) : 0;
      }
      return n + offsetNanos;
    }
  }

  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private boolean bigEndian;
  private final List<Interface> interfaces = new ArrayList<>();
  private boolean done;

  PcapNgReader(Path file, FileChannel channel, ChannelBuffer in) {
    super(file, channel, in);
  }

  @Override
  public String format() {
    return "pcapng";
  }

  @Override
  void readHeader() throws IOException {
    // The first SHB is read by next() like any other; a file cut inside it gets the same warning.
  }

  @Override
  public boolean next(Frame f) throws IOException {
    while (!done) {
      long offset = in.offset();
      if (!in.ensure(12)) {
        if (in.available() > 0) {
          stopped(offset, "a block header is cut short (" + in.available() + " of at least 12 bytes)");
        }
        done = true;
        return false;
      }
      byte[] b = in.array();
      int p = in.pos();
      boolean shb = startsWith(b, p, 4, SHB_MAGIC);
      if (shb) {
        int magic = Bytes.i32be(b, p + 8);
        if (magic == 0x1A2B3C4D) {
          bigEndian = true;
        } else if (magic == 0x4D3C2B1A) {
          bigEndian = false;
        } else {
          stopped(offset, "a section header block has no valid byte-order magic");
          done = true;
          return false;
        }
      } else if (offset == 0) {
        stopped(offset, "the file does not begin with a section header block");
        done = true;
        return false;
      }
      int type = shb ? SHB : Bytes.i32(b, p, bigEndian);
      long length = Bytes.u32(b, p + 4, bigEndian);
      if (length < 12 || length % 4 != 0 || length > MAX_BLOCK) {
        stopped(offset, "a block of type " + Integer.toUnsignedString(type) + " says its length is " + length
            + " bytes (valid: a multiple of 4 from 12 to " + MAX_BLOCK + "), so the file is corrupt from here");
        done = true;
        return false;
      }
      int len = (int) length;
      if (!in.ensure(len)) {
        stopped(offset, "a block of " + len + " bytes runs past the end of the file (" + in.available() + " bytes remain)");
        done = true;
        return false;
      }
      b = in.array();
      p = in.pos();
      boolean packet;
      switch (type) {
        case SHB:
          interfaces.clear();
          packet = false;
          break;
        case IDB:
          if (!readInterface(b, p, len, offset)) {
            return false;
          }
          packet = false;
          break;
        case EPB:
          packet = readEnhanced(b, p, len, offset, f);
          break;
        case SPB:
          packet = readSimple(b, p, len, offset, f);
          break;
        case PB:
          packet = readObsolete(b, p, len, offset, f);
          break;
        default:
          packet = false; // name resolution, statistics, custom, decryption secrets...: not ours
      }
      if (done) {
        return false;
      }
      in.skip(len);
      if (packet) {
        return true;
      }
    }
    return false;
  }

  private boolean readInterface(byte[] b, int p, int len, long offset) {
    if (len < 20) {
      stopped(offset, "an interface description block is too short (" + len + " bytes)");
      done = true;
      return false;
    }
    int linkType = Bytes.u16(b, p + 8, bigEndian);
    long snaplen = Bytes.u32(b, p + 12, bigEndian);
    boolean binary = false;
    int exponent = 6;
    long offsetNanos = 0;
    int o = p + 16;
    int end = p + len - 4;
    while (o + 4 <= end) {
      int code = Bytes.u16(b, o, bigEndian);
      int optLen = Bytes.u16(b, o + 2, bigEndian);
      if (code == OPT_END || o + 4 + optLen > end) {
        break;
      }
      if (code == IF_TSRESOL && optLen >= 1) {
        int r = b[o + 4] & 0xFF;
        binary = (r & 0x80) != 0;
        exponent = r & 0x7F;
      } else if (code == IF_TSOFFSET && optLen >= 8) {
        offsetNanos = Bytes.i64(b, o + 4, bigEndian) * 1_000_000_000L;
      }
      o += 4 + (optLen + 3 & ~3);
    }
    interfaces.add(new Interface(linkType, snaplen, binary, exponent, offsetNanos));
    addLinkType(linkType);
    return true;
  }

  private Interface interfaceFor(long id, long offset) {
    if (id >= interfaces.size()) {
      stopped(offset, "a packet refers to interface " + id + " but the section describes only " + interfaces.size());
      done = true;
      return null;
    }
    return interfaces.get((int) id);
  }

  private boolean readEnhanced(byte[] b, int p, int len, long offset, Frame f) {
    return readWithTimestamp(b, p, len, offset, f, "an enhanced packet block", len < 32 ? -1 : Bytes.u32(b, p + 8, bigEndian));
  }

  /** The obsolete Packet Block: an EPB whose interface id is 16 bits, followed by a drops count. */
  private boolean readObsolete(byte[] b, int p, int len, long offset, Frame f) {
    return readWithTimestamp(b, p, len, offset, f, "a packet block", len < 32 ? -1 : Bytes.u16(b, p + 8, bigEndian));
  }

  /** EPB and PB share the rest of their layout: timestamp high/low, captured and original length, data. */
  private boolean readWithTimestamp(byte[] b, int p, int len, long offset, Frame f, String block, long id) {
    if (len < 32) {
      stopped(offset, block + " is too short (" + len + " bytes)");
      done = true;
      return false;
    }
    Interface itf = interfaceFor(id, offset);
    if (itf == null) {
      return false;
    }
    long ticks = Bytes.u32(b, p + 12, bigEndian) << 32 | Bytes.u32(b, p + 16, bigEndian);
    long caplen = Bytes.u32(b, p + 20, bigEndian);
    long origlen = Bytes.u32(b, p + 24, bigEndian);
    if (caplen > len - 32) {
      stopped(offset, block + " says " + caplen + " captured bytes but holds only " + (len - 32));
      done = true;
      return false;
    }
    fill(f, itf, (int) id, itf.nanos(ticks), b, p + 28, (int) caplen, origlen, offset);
    return true;
  }

  private boolean readSimple(byte[] b, int p, int len, long offset, Frame f) {
    if (len < 16) {
      stopped(offset, "a simple packet block is too short (" + len + " bytes)");
      done = true;
      return false;
    }
    Interface itf = interfaceFor(0, offset);
    if (itf == null) {
      return false;
    }
    long origlen = Bytes.u32(b, p + 8, bigEndian);
    long caplen = Math.min(origlen, len - 16);
    if (itf.snaplen > 0) {
      caplen = Math.min(caplen, itf.snaplen);
    }
    // A simple packet block has no timestamp; libpcap and Wireshark report 0.
    fill(f, itf, 0, 0, b, p + 12, (int) caplen, origlen, offset);
    return true;
  }

  private void fill(Frame f, Interface itf, int id, long nanos, byte[] b, int dataOffset, int caplen, long origlen, long offset) {
    f.number = ++frames;
    f.timeNanos = nanos;
    f.linkType = itf.linkType;
    f.interfaceId = id;
    f.data = b;
    f.offset = dataOffset;
    f.capturedLength = caplen;
    f.originalLength = origlen;
    f.fileOffset = offset;
  }
}
