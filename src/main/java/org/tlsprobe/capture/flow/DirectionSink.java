package org.tlsprobe.capture.flow;

/** What a {@link StreamReassembler} delivers: in-order bytes and holes of one direction. */
interface DirectionSink {
  void bytes(byte[] data, int offset, int length, long frame, long timeNanos);

  void gap(long missing, long frame, long timeNanos);
}
