package org.tlsprobe.model;

import java.time.Instant;
import org.tlsprobe.tls.transcript.HandshakeTranscript;

/**
 * What one TLS connection looked like, from a capture or a live probe. Facts only, no verdicts.
 *
 * @param origin the capture file, or the target as the user typed it
 * @param client the client's {@code ip:port} ({@code [v6]:port} for IPv6)
 * @param server the server's {@code ip:port}
 * @param start the first packet's time, or when the probe connected
 */
public record HandshakeObservation(String origin, String client, String server, Instant start, HandshakeTranscript transcript) {}
