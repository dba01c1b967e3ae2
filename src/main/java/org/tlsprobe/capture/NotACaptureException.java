package org.tlsprobe.capture;

import java.io.IOException;

/** The file is neither pcap nor pcapng (or is empty); the CLI turns this into exit code 3 with this message. */
public final class NotACaptureException extends IOException {
  public NotACaptureException(String message) {
    super(message);
  }
}
