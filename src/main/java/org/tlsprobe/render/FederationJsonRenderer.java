package org.tlsprobe.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.tlsprobe.model.FederationReport;
import org.tlsprobe.model.SrvLookup;
import org.tlsprobe.model.SrvTarget;

/**
 * The federation pre-check as JSON Lines: one object per partner domain, flushed as each finishes. Each
 * target is the probe's own object (SPEC.md "probe"), so scripts read both commands alike.
 */
public final class FederationJsonRenderer implements ReportStream<FederationReport> {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final PrintWriter out;

  public FederationJsonRenderer(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void write(FederationReport r) {
    try {
      out.println(MAPPER.writeValueAsString(toJson(r)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
    out.flush();
  }

  static ObjectNode toJson(FederationReport r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("domain", r.domain());
    o.put("ready", r.verdict().ready());
    o.put("verdict", r.verdict().line());
    r.verdict().theirSide().forEach(o.putArray("fix_their_side")::add);
    r.verdict().ourSide().forEach(o.putArray("fix_our_side")::add);
    srv(o.putObject("srv"), r.srv());
    ArrayNode cd = o.putArray("client_discovery");
    r.clientDiscovery().forEach(l -> srv(cd.addObject(), l));
    ArrayNode targets = o.putArray("targets");
    r.targets().forEach(t -> targets.add(ProbeJsonRenderer.toJson(t)));
    ProbeJsonRenderer.findings(o.putArray("findings"), r.findings());
    ProbeJsonRenderer.chain(o.putArray("our_chain"), r.ourChain());
    ProbeJsonRenderer.findings(o.putArray("our_findings"), r.ourFindings());
    return o;
  }

  private static void srv(ObjectNode n, SrvLookup l) {
    n.put("name", l.name());
    n.put("status", l.status().label());
    if (l.problem().isEmpty()) {
      n.putNull("problem");
    } else {
      n.put("problem", l.problem());
    }
    ArrayNode answers = n.putArray("answers");
    for (SrvTarget t : l.targets()) {
      ObjectNode a = answers.addObject();
      a.put("priority", t.priority());
      a.put("weight", t.weight());
      a.put("port", t.port());
      a.put("target", t.host());
      t.addresses().forEach(a.putArray("addresses")::add);
      if (t.problem().isEmpty()) {
        a.putNull("problem");
      } else {
        a.put("problem", t.problem());
      }
    }
  }
}
