package org.tlsprobe.capture.pcap;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tlsprobe.capture.NotACaptureException;
import org.tlsprobe.capture.ProgressListener;

/**
 * Streams the frames of a classic pcap or a pcapng file, one at a time, out of a large reusable
 * buffer. A file that ends early or turns corrupt stops the stream with a warning naming the frame
 * and byte offset; everything before it has been delivered. A file that is not a capture at all is
 * refused on {@link #open}.
 */
public abstract class CaptureReader implements Closeable {
  private final Path file;
  private final FileChannel channel;
  final ChannelBuffer in;
  private final List<String> warnings = new ArrayList<>();
  private final Set<String> linkTypeNames = new LinkedHashSet<>();
  long frames;

  CaptureReader(Path file, FileChannel channel, ChannelBuffer in) {
    this.file = file;
    this.channel = channel;
    this.in = in;
  }

  public static CaptureReader open(Path file) throws IOException {
    return open(file, ProgressListener.NONE);
  }

  /** Opens {@code file} and reads its header; throws {@link NotACaptureException} if it is no capture. */
  public static CaptureReader open(Path file, ProgressListener progress) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      long size = channel.size();
      // A small file gets a buffer of its own size: analyzing many small files should not zero 4 MiB each.
      int bufferSize = (int) Math.max(64, Math.min(ChannelBuffer.DEFAULT_SIZE, size));
      ChannelBuffer in = new ChannelBuffer(channel, size, bufferSize, progress);
      in.ensure(4);
      int n = Math.min(4, in.available());
      byte[] b = in.array();
      int p = in.pos();
      if (n == 0) {
        throw new NotACaptureException(file + " is empty, not a pcap or pcapng capture");
      }
      CaptureReader reader;
      if (startsWith(b, p, n, PcapNgReader.SHB_MAGIC)) {
        reader = new PcapNgReader(file, channel, in);
      } else if (ClassicPcapReader.isMagic(b, p, n)) {
        reader = new ClassicPcapReader(file, channel, in);
      } else {
        throw new NotACaptureException(file + " is not a pcap or pcapng capture (starts with " + Bytes.hex(java.util.Arrays.copyOfRange(b, p, p + n), n) + ")");
      }
      reader.readHeader();
      return reader;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** True when the first {@code n} bytes at {@code p} are a prefix of {@code magic} (a file cut inside its magic still counts). */
  static boolean startsWith(byte[] b, int p, int n, byte[] magic) {
    for (int i = 0; i < n && i < magic.length; i++) {
      if (b[p + i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  abstract void readHeader() throws IOException;

  /**
   * Makes every frame's bytes stay valid after {@link #next(Frame)} moves on: each refill of the read
   * buffer takes a new array from {@code windows} (which learns which array is retired) rather than
   * overwriting the old one. Without this, a frame's bytes are valid only until the next frame.
   */
  public void readWindowsFrom(ReadWindows windows) {
    in.readWindowsFrom(windows);
  }

  /** Fills {@code frame} with the next frame; false at the end of the file or where reading had to stop. */
  public abstract boolean next(Frame frame) throws IOException;

  /** "pcap" or "pcapng". */
  public abstract String format();

  /** Why reading stopped early, or what was skipped; empty for a clean file. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** libpcap names of the link types in the file (pcapng: of every interface), in order of appearance. */
  public List<String> linkTypeNames() {
    return List.copyOf(linkTypeNames);
  }

  public long frames() {
    return frames;
  }

  public long bytesRead() {
    return in.offset();
  }

  public long fileSize() {
    return in.fileSize();
  }

  public Path file() {
    return file;
  }

  void addLinkType(int linkType) {
    linkTypeNames.add(LinkType.name(linkType));
  }

  void warn(String text) {
    warnings.add(text);
  }

  /** Records why reading stopped at the frame about to be read, which starts at byte {@code offset}. */
  void stopped(long offset, String why) {
    long frame = frames + 1;
    warnings.add(String.format("%s: reading stopped at frame %d (byte offset %d): %s; the %d frame%s before it %s analyzed",
        file, frame, offset, why, frames, frames == 1 ? "" : "s", frames == 1 ? "was" : "were"));
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
