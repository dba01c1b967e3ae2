package org.tlsprobe.probe;

import java.time.Instant;
import java.util.List;
import org.tlsprobe.tls.transcript.HandshakeTranscript;
import org.tlsprobe.tls.wire.ServerHello;

/** What one TCP + TLS connection showed, before it becomes a {@link ProbeResult}. */
record ConnectionOutcome(
    String localAddress,
    Instant start,
    long connectMs,
    Long handshakeMs,
    HandshakeTranscript transcript,
    List<String> clientCaNames,
    boolean timedOut,
    String localFailure,
    ApplicationAnswer applicationResponse,
    ServerHello serverHello) {}
