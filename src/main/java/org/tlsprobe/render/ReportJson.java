package org.tlsprobe.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import org.tlsprobe.model.CertificateDetails;
import org.tlsprobe.model.Finding;

/**
 * The JSON pieces every report shares, with SPEC.md's field names written out (no reflection, so a renamed
 * Java field can never rename a JSON field): {@code chain[]} certificates and {@code findings[]}.
 */
public final class ReportJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

  private ReportJson() {}

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** One {@code chain[]} entry: subject, issuer, serial, not_before, not_after, san, eku, key, signature, cdp, aia, sha256. */
  public static ObjectNode certificate(CertificateDetails c) {
    ObjectNode o = object();
    o.put("subject", c.subject());
    o.put("issuer", c.issuer());
    o.put("serial", c.serial());
    o.put("not_before", instant(c.notBefore()));
    o.put("not_after", instant(c.notAfter()));
    o.set("san", strings(c.san()));
    o.set("eku", strings(c.eku()));
    o.put("key", c.key());
    o.put("signature", c.signature());
    o.set("cdp", strings(c.cdp()));
    o.set("aia", strings(c.aia()));
    o.put("sha256", c.sha256());
    return o;
  }

  public static ArrayNode chain(List<CertificateDetails> chain) {
    ArrayNode a = array();
    chain.forEach(c -> a.add(certificate(c)));
    return a;
  }

  /** One {@code findings[]} entry: code, severity, message, certificate (index or null), advice. */
  public static ObjectNode finding(Finding f) {
    ObjectNode o = object();
    o.put("code", f.code());
    o.put("severity", f.severity().label());
    o.put("message", f.message());
    if (f.certificate() == null) {
      o.putNull("certificate");
    } else {
      o.put("certificate", f.certificate().intValue());
    }
    o.put("advice", f.advice());
    return o;
  }

  public static ArrayNode findings(List<Finding> findings) {
    ArrayNode a = array();
    findings.forEach(f -> a.add(finding(f)));
    return a;
  }

  public static ArrayNode strings(List<String> values) {
    ArrayNode a = array();
    values.forEach(a::add);
    return a;
  }

  /** ISO-8601 UTC ({@code 2026-06-01T12:00:00Z}), or null. */
  public static String instant(Instant t) {
    return t == null ? null : t.toString();
  }

  /** Writes one document, indented, followed by a newline. */
  public static void writePretty(JsonNode node, Writer out) {
    try {
      MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, node);
      out.write(System.lineSeparator());
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes one JSON Lines record (one line) and flushes it, so a reader sees each result as it comes. */
  public static void writeLine(JsonNode node, Writer out) {
    try {
      MAPPER.writeValue(out, node);
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
