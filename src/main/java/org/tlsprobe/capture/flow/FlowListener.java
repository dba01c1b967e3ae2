package org.tlsprobe.capture.flow;

/** Creates the sink for each new TCP connection and learns when the connection is over. */
public interface FlowListener {
  /** A new connection was seen; content follows once the client is known. */
  FlowSink started(TcpFlow flow);

  /** The connection ended (FIN both ways or RST, then a short linger; idle; or end of file): nothing more comes. */
  void finished(TcpFlow flow);
}
