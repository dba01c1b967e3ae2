package org.tlsprobe.render;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.FlowReport;
import org.tlsprobe.model.HandshakeObservation;
import org.tlsprobe.model.Outcome;
import org.tlsprobe.tls.TlsVersion;

/**
 * One flow as a report needs it after rendering: what the summary counts, and the flow's finished text as
 * UTF-8 ({@code null} when the report does not list it), encoded on the thread that rendered it. A text
 * report also keeps the flow's name and its findings blocks apart, so that a block already printed for an
 * earlier flow can be referred to instead of repeated (which is decided in report order). Small, so flows
 * held back for ordering cost little.
 */
public record RenderedFlow(Outcome outcome, boolean failed, boolean withErrors, byte[] utf8, String name, List<FindingsBlock> blocks) {

  /**
   * A heading and the findings under it, with their lines already rendered and their counts ("2 errors,
   * 1 warning") for a reference back to them (text reports only).
   */
  public record FindingsBlock(String heading, List<Finding> findings, byte[] utf8, String counts) {}

  static RenderedFlow of(FlowReport flow, byte[] utf8) {
    return new RenderedFlow(flow.diagnosis().outcome(), flow.failed(), flow.diagnosis().hasError(), utf8, null, List.of());
  }

  static RenderedFlow of(FlowReport flow, String text, String name, List<FindingsBlock> blocks) {
    return new RenderedFlow(flow.diagnosis().outcome(), flow.failed(), flow.diagnosis().hasError(),
        text == null ? null : text.getBytes(StandardCharsets.UTF_8), name, blocks);
  }

  /**
   * How a later flow refers to this one: its addresses, and its file and first packet, since several files
   * (or a reused port) can repeat the addresses.
   */
  static String name(HandshakeObservation o) {
    long first = o.transcript().events().isEmpty() ? 0 : o.transcript().events().get(0).packet();
    String file = o.origin().substring(Math.max(o.origin().lastIndexOf('/'), o.origin().lastIndexOf('\\')) + 1);
    return o.client() + " -> " + o.server() + " (" + file + (first > 0 ? ", from packet #" + first : "") + ")";
  }

  /** The version the ServerHello chose, as reports print it; null when there was none (or it is unknown). */
  static String version(HandshakeObservation o) {
    TlsVersion v = o.transcript().serverHello().map(sh -> sh.version()).orElse(TlsVersion.UNKNOWN);
    return v == TlsVersion.UNKNOWN ? null : v.label();
  }

  /** The name the client asked for (SNI); null when it sent none. */
  static String sni(HandshakeObservation o) {
    return o.transcript().clientHello().flatMap(ch -> ch.serverName()).orElse(null);
  }

  /** Whether this flow makes the run's exit code 1: it failed, or a certificate has an error. */
  public boolean bad() {
    return failed || withErrors;
  }
}
