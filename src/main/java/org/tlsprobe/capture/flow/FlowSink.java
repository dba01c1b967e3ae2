package org.tlsprobe.capture.flow;

import org.tlsprobe.tls.Side;

/**
 * Receives one TCP connection's content once it is known who is client: in-order bytes per side,
 * holes, FINs and RSTs, in capture order. Times are nanoseconds since the epoch.
 */
public interface FlowSink {
  void bytes(Side from, byte[] data, int offset, int length, long frame, long timeNanos);

  void gap(Side from, long missingBytes, long frame, long timeNanos);

  void close(Side from, boolean reset, long frame, long timeNanos);
}
