package org.tlsprobe.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tlsprobe.model.AnalyzedFile;
import org.tlsprobe.model.BoundedCache;
import org.tlsprobe.model.CertificateDetails;
import org.tlsprobe.model.Diagnosis;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.FlowReport;
import org.tlsprobe.model.HandshakeFacts;
import org.tlsprobe.model.HandshakeObservation;
import org.tlsprobe.model.Outcome;
import org.tlsprobe.tls.CipherSuites;
import org.tlsprobe.tls.TlsVersion;
import org.tlsprobe.tls.transcript.HandshakeTranscript;

/**
 * SPEC.md's {@code analyze} JSON, written with an explicit schema: one flow object per line inside
 * {@code flows}, so the document streams and diffs well. Beyond SPEC: {@code closed_first},
 * {@code client_chain}, {@code client_findings} (the client's certificate, MTLS; {@code certificate}
 * indexes point into {@code client_chain}), {@code warnings} (what limits the evidence), and per file
 * {@code warnings}.
 */
final class AnalyzeJsonRenderer implements AnalyzeRenderer {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory JSON = MAPPER.getFactory();
  private static final byte[] FIRST = {'\n'};
  private static final byte[] NEXT = {',', '\n'};

  private final String version;
  private final boolean all;
  private final OutputStream out;
  private final AnalyzeSummary summary = new AnalyzeSummary();
  private boolean first = true;
  /** Chains and findings serialized once: flow after flow carries the same ones. */
  private final BoundedCache<List<CertificateDetails>, SerializedString> chains = new BoundedCache<>(4096);
  private final BoundedCache<List<Finding>, SerializedString> findings = new BoundedCache<>(4096);

  AnalyzeJsonRenderer(String version, boolean all, OutputStream out) {
    this.version = version;
    this.all = all;
    this.out = out;
  }

  @Override
  public RenderedFlow render(FlowReport flow) {
    if (!AnalyzeSummary.listed(flow, all)) {
      return RenderedFlow.of(flow, (byte[]) null);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      writeFlow(g, flow);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an in-memory stream does not fail
    }
    return RenderedFlow.of(flow, out.toByteArray());
  }

  @Override
  public void add(RenderedFlow flow) throws IOException {
    summary.add(flow);
    if (flow.utf8() == null) {
      return;
    }
    if (first) {
      out.write(head());
    }
    out.write(first ? FIRST : NEXT);
    out.write(flow.utf8());
    first = false;
  }

  /** The document up to the opening of {@code flows}: written before the first flow (or at the end). */
  private byte[] head() throws IOException {
    StringWriter head = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(head)) {
      g.writeStartObject();
      g.writeStringField("tool", "tlsprobe");
      g.writeStringField("version", version);
      g.writeEndObject();
    }
    // a closed object: reopen it to append the flows
    String h = head.toString();
    return (h.substring(0, h.length() - 1) + ",\n\"flows\":[").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void finish(List<AnalyzedFile> files) throws IOException {
    if (first) {
      out.write(head());
    }
    StringWriter tail = new StringWriter();
    tail.write(first ? "],\n\"files\":" : "\n],\n\"files\":");
    try (JsonGenerator g = JSON.createGenerator(tail)) {
      g.writeStartArray();
      for (AnalyzedFile f : files) {
        g.writeStartObject();
        g.writeStringField("path", f.path());
        g.writeNumberField("packets", f.packets());
        g.writeNumberField("bytes", f.bytes());
        g.writeStringField("linktype", String.join(",", f.linktypes()));
        g.writeFieldName("linktypes");
        strings(g, f.linktypes());
        g.writeFieldName("warnings");
        strings(g, f.warnings());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    tail.write(",\n\"summary\":");
    try (JsonGenerator g = JSON.createGenerator(tail)) {
      g.writeStartObject();
      g.writeNumberField("flows", summary.flows());
      g.writeNumberField("failed", summary.failed());
      g.writeNumberField("with_errors", summary.withErrors());
      g.writeFieldName("by_outcome");
      g.writeStartObject();
      for (Map.Entry<Outcome, Long> e : summary.byOutcome().entrySet()) {
        g.writeNumberField(e.getKey().name(), e.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    tail.write("}\n");
    out.write(tail.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() {}

  private void writeFlow(JsonGenerator g, FlowReport flow) throws IOException {
    HandshakeObservation o = flow.observation();
    HandshakeTranscript t = o.transcript();
    Diagnosis d = flow.diagnosis();
    HandshakeFacts facts = d.facts();
    g.writeStartObject();
    g.writeStringField("file", o.origin());
    g.writeStringField("client", o.client());
    g.writeStringField("server", o.server());
    g.writeStringField("start", o.start() == null ? null : o.start().toString());
    Optional<TlsVersion> v = t.serverHello().map(sh -> sh.version()).filter(x -> x != TlsVersion.UNKNOWN);
    g.writeStringField("tls_version", v.map(TlsVersion::label).orElse(null));
    g.writeStringField("sni", t.clientHello().flatMap(ch -> ch.serverName()).orElse(null));
    g.writeStringField("cipher_suite", t.serverHello().filter(sh -> sh.version() != TlsVersion.SSLv2).map(sh -> CipherSuites.name(sh.cipherSuite())).orElse(null));
    g.writeFieldName("handshake");
    g.writeStartArray();
    for (Ladder.Step s : Ladder.handshake(t)) {
      g.writeStartObject();
      g.writeNumberField("packet", s.packet());
      g.writeStringField("from", s.from().label());
      g.writeStringField("message", s.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeFieldName("alert");
    if (facts.alert().isPresent()) {
      HandshakeFacts.AlertFact a = facts.alert().get();
      g.writeStartObject();
      g.writeNumberField("packet", a.packet());
      g.writeStringField("from", a.from().label());
      g.writeStringField("level", a.levelLabel());
      if (a.encrypted()) {
        g.writeNullField("code");
      } else {
        g.writeNumberField("code", a.code());
      }
      g.writeStringField("description", a.description());
      g.writeEndObject();
    } else {
      g.writeNull();
    }
    g.writeFieldName("reset");
    close(g, facts.reset().orElse(null), false);
    g.writeFieldName("closed_first");
    close(g, facts.closedFirst().orElse(null), true);
    g.writeStringField("outcome", d.outcome().name());
    g.writeStringField("explanation", d.explanation());
    g.writeFieldName("windows");
    strings(g, d.windows());
    g.writeFieldName("chain");
    g.writeRawValue(chains.get(d.chain(), AnalyzeJsonRenderer::chainJson));
    g.writeFieldName("findings");
    g.writeRawValue(findings.get(d.findings(), AnalyzeJsonRenderer::findingsJson));
    g.writeFieldName("client_chain");
    g.writeRawValue(chains.get(d.clientChain(), AnalyzeJsonRenderer::chainJson));
    g.writeFieldName("client_findings");
    g.writeRawValue(findings.get(d.clientFindings(), AnalyzeJsonRenderer::findingsJson));
    g.writeFieldName("warnings");
    strings(g, facts.notes());
    g.writeEndObject();
  }

  private static void close(JsonGenerator g, HandshakeFacts.CloseFact c, boolean withKind) throws IOException {
    if (c == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeNumberField("packet", c.packet());
    g.writeStringField("from", c.from().label());
    if (withKind) {
      g.writeStringField("kind", c.reset() ? "RST" : "FIN");
    }
    g.writeStringField("after", c.after());
    g.writeEndObject();
  }

  static void strings(JsonGenerator g, List<String> values) throws IOException {
    g.writeStartArray();
    for (String s : values) {
      g.writeString(s);
    }
    g.writeEndArray();
  }

  /** A chain or a list of findings as compact JSON text, to be written raw into each flow that has it. */
  private static SerializedString chainJson(List<CertificateDetails> chain) {
    return json(ReportJson.chain(chain));
  }

  private static SerializedString findingsJson(List<Finding> findings) {
    return json(ReportJson.findings(findings));
  }

  private static SerializedString json(JsonNode node) {
    try {
      return new SerializedString(MAPPER.writeValueAsString(node));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
