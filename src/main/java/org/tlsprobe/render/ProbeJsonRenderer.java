package org.tlsprobe.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.tlsprobe.model.CertificateDetails;
import org.tlsprobe.model.Diagnosis;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.HandshakeFacts;
import org.tlsprobe.model.ProbeReport;

/**
 * The probe's JSON (SPEC.md "probe"): one object per probed address, one line each (JSON Lines), written
 * and flushed as each finishes so an interrupted run keeps what it finished. Field names are the contract.
 */
public final class ProbeJsonRenderer implements ReportStream<ProbeReport> {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final PrintWriter out;

  public ProbeJsonRenderer(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void write(ProbeReport r) {
    try {
      out.println(MAPPER.writeValueAsString(toJson(r)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
    out.flush();
  }

  static ObjectNode toJson(ProbeReport r) {
    Diagnosis d = r.diagnosis();
    ObjectNode o = MAPPER.createObjectNode();
    o.put("target", r.target());
    o.put("address", r.address());
    o.put("sni", r.sni());
    o.put("outcome", d.outcome().name());
    o.put("explanation", d.explanation());
    strings(o.putArray("windows"), d.windows());
    o.put("tls_version", r.tlsVersion());
    o.put("cipher_suite", r.cipherSuite());
    chain(o.putArray("chain"), d.chain());
    if (r.clientCaNames() == null) {
      o.putNull("client_ca_names");
      o.putNull("client_ca_names_bytes");
    } else {
      strings(o.putArray("client_ca_names"), r.clientCaNames());
      o.put("client_ca_names_bytes", r.clientCaNamesBytes());
    }
    findings(o.putArray("findings"), d.findings());
    if (!d.clientChain().isEmpty() || !d.clientFindings().isEmpty()) {
      chain(o.putArray("client_chain"), d.clientChain());
      findings(o.putArray("client_findings"), d.clientFindings());
    }
    ObjectNode t = o.putObject("timing_ms");
    t.put("dns", r.timing().dns());
    t.put("connect", r.timing().connect());
    t.put("handshake", r.timing().handshake());
    HandshakeFacts f = d.facts();
    if (f.alert().isPresent()) {
      HandshakeFacts.AlertFact a = f.alert().get();
      ObjectNode an = o.putObject("alert");
      an.put("from", a.from().label());
      an.put("level", a.levelLabel());
      if (a.encrypted()) {
        an.putNull("code");
      } else {
        an.put("code", a.code());
      }
      an.put("description", a.description());
    } else {
      o.putNull("alert");
    }
    close(o, "reset", f.reset().orElse(null));
    close(o, "closed", f.closedFirst().orElse(null));
    o.put("failure", r.failure());
    if (r.versions() != null) {
      strings(o.putArray("versions"), r.versions());
      ObjectNode cs = o.putObject("cipher_suites");
      for (Map.Entry<String, List<String>> e : r.cipherSuites().entrySet()) {
        strings(cs.putArray(e.getKey()), e.getValue());
      }
    }
    if (r.sip() != null) {
      ObjectNode s = o.putObject("sip");
      s.put("status", r.sip().status());
      s.put("reason", r.sip().reason());
      s.put("server", r.sip().server());
      s.put("user_agent", r.sip().userAgent());
      s.put("ms_diagnostics", r.sip().msDiagnostics());
      if (r.sip().timeMs() >= 0) {
        s.put("time_ms", r.sip().timeMs());
      } else {
        s.putNull("time_ms"); // not measured
      }
    }
    return o;
  }

  private static void close(ObjectNode o, String field, HandshakeFacts.CloseFact c) {
    if (c == null) {
      o.putNull(field);
      return;
    }
    ObjectNode n = o.putObject(field);
    n.put("from", c.from().label());
    n.put("reset", c.reset());
    n.put("after", c.after());
  }

  private static void strings(ArrayNode a, List<String> values) {
    values.forEach(a::add);
  }

  static void chain(ArrayNode a, List<CertificateDetails> chain) {
    for (CertificateDetails c : chain) {
      ObjectNode n = a.addObject();
      n.put("subject", c.subject());
      n.put("issuer", c.issuer());
      n.put("serial", c.serial());
      n.put("not_before", c.notBefore() == null ? null : c.notBefore().toString());
      n.put("not_after", c.notAfter() == null ? null : c.notAfter().toString());
      strings(n.putArray("san"), c.san());
      strings(n.putArray("eku"), c.eku());
      n.put("key", c.key());
      n.put("signature", c.signature());
      strings(n.putArray("cdp"), c.cdp());
      strings(n.putArray("aia"), c.aia());
      n.put("sha256", c.sha256());
    }
  }

  static void findings(ArrayNode a, List<Finding> findings) {
    for (Finding f : findings) {
      ObjectNode n = a.addObject();
      n.put("code", f.code());
      n.put("severity", f.severity().label());
      n.put("message", f.message());
      n.put("certificate", f.certificate());
      n.put("advice", f.advice());
    }
  }
}
