package org.tlsprobe.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain TCP servers on 127.0.0.1 that misbehave the ways real edges do: answer in another protocol, accept
 * and never answer, or reset the connection after the ClientHello (as Schannel does when it has no common
 * cipher). Each runs on a daemon thread until closed.
 */
public final class RawServers implements AutoCloseable {
  public enum Behavior { NOT_TLS, SILENT, RESET_AFTER_HELLO }

  private final ServerSocket socket;
  private final List<Socket> accepted = new ArrayList<>();
  private final Thread thread;

  private RawServers(Behavior behavior) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    thread = new Thread(() -> serve(behavior), "raw-server-" + behavior);
    thread.setDaemon(true);
    thread.start();
  }

  public static RawServers start(Behavior behavior) throws IOException {
    return new RawServers(behavior);
  }

  public int port() {
    return socket.getLocalPort();
  }

  private void serve(Behavior behavior) {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        synchronized (accepted) {
          accepted.add(s);
        }
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        switch (behavior) {
          case NOT_TLS:
            in.read(buf);
            s.getOutputStream().write("SIP/2.0 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            break;
          case SILENT:
            break; // keep it open, say nothing
          case RESET_AFTER_HELLO:
            in.read(buf);
            s.setSoLinger(true, 0);
            s.close();
            break;
          default:
            break;
        }
      } catch (IOException e) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    synchronized (accepted) {
      for (Socket s : accepted) {
        s.close();
      }
    }
  }
}
