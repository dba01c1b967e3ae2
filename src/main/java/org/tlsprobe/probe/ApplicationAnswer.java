package org.tlsprobe.probe;

/**
 * The server's answer to an {@link ApplicationExchange}: the bytes collected, and the milliseconds from
 * sending the request to the answer being complete (or the connection ending, or the timeout).
 */
public record ApplicationAnswer(byte[] bytes, long millis) {}
