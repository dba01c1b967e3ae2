package org.tlsprobe.probe;

/** Milliseconds spent per phase; null when the phase did not happen (no DNS for an address, no connection). */
public record Timing(Long dnsMs, Long connectMs, Long handshakeMs) {}
