package org.tlsprobe.model;

/** One TLS flow of a capture with the judge's diagnosis: what renderers turn into a ladder or a JSON flow. */
public record FlowReport(HandshakeObservation observation, Diagnosis diagnosis) {
  public boolean failed() {
    return !diagnosis.outcome().isOk();
  }
}
