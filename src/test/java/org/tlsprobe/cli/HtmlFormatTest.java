package org.tlsprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tlsprobe.probe.OpenSslServer;
import org.tlsprobe.probe.ProbePkiFiles;
import org.tlsprobe.testing.MiniPki;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code --format html} of analyze, cert and probe, read back with an XML parser (the pages are well-formed XML
 * as well as HTML5): the same flows, outcomes and counts as the JSON report, links that land, and names from
 * certificates shown as text, never as markup.
 */
@Timeout(120)
class HtmlFormatTest {
  @TempDir static Path dir;
  static ProbePkiFiles pki;

  @BeforeAll
  static void pki() throws Exception {
    pki = ProbePkiFiles.create(dir);
  }

  static Document parse(String html) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + html, e);
    }
  }

  static List<Element> elements(Element scope, String tag) {
    NodeList nodes = scope.getElementsByTagName(tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  static List<Element> withClass(Element scope, String tag, String cls) {
    return elements(scope, tag).stream().filter(e -> List.of(e.getAttribute("class").split(" ")).contains(cls)).toList();
  }

  @Test
  void analyze_listsTheFlowsOutcomesAndCountsOfTheJsonReport_withLinksThatLand() throws Exception {
    CliRun html = CliRun.run("analyze", "--format", "html", "--trust", "captures/pki/root.pem", "captures/");
    CliRun json = CliRun.run("analyze", "--format", "json", "--trust", "captures/pki/root.pem", "captures/");
    JsonNode report = new ObjectMapper().readTree(json.out());
    assertEquals(json.exit(), html.exit(), html.err());
    assertTrue(html.out().startsWith("<!DOCTYPE html>"), html.out() + html.err());
    Element body = (Element) parse(html.out()).getElementsByTagName("body").item(0);

    List<String> fromJson = new ArrayList<>();
    for (JsonNode f : report.get("flows")) {
      fromJson.add(f.get("client").asText() + " -> " + f.get("server").asText() + " " + f.get("outcome").asText());
    }
    List<String> fromHtml = new ArrayList<>();
    List<Element> sections = elements(body, "section");
    for (Element s : sections) {
      String heading = elements(s, "h2").get(0).getFirstChild().getTextContent(); // the endpoints, before the details
      String outcome = withClass(s, "span", "outcome").get(0).getTextContent();
      fromHtml.add(heading.replace(" \u2192 ", " -> ").split(" \u00a0 ")[0] + " " + outcome);
    }
    assertEquals(fromJson, fromHtml, "the same flows in the same order, with the same outcomes");

    Map<String, Integer> byOutcome = new TreeMap<>();
    report.get("summary").get("by_outcome").fields().forEachRemaining(e -> byOutcome.put(e.getKey(), e.getValue().asInt()));
    Map<String, Integer> table = new TreeMap<>();
    Element outcomes = elements(body, "table").get(0);
    for (Element row : elements(outcomes, "tr").subList(1, elements(outcomes, "tr").size())) {
      List<Element> cells = elements(row, "td");
      table.put(cells.get(0).getTextContent(), Integer.parseInt(cells.get(1).getTextContent()));
    }
    assertEquals(byOutcome, table);

    List<Element> references = withClass(body, "p", "same");
    assertFalse(references.isEmpty(), "captures/ repeats a chain judged the same: shown once, then referred to");
    List<String> ids = sections.stream().map(s -> s.getAttribute("id")).toList();
    for (Element p : references) {
      String target = elements(p, "a").get(0).getAttribute("href");
      assertTrue(target.startsWith("#") && ids.contains(target.substring(1)), "a reference lands on a flow: " + target);
    }
  }

  @Test
  void cert_namesFromTheCertificate_areShownAsText_neverAsMarkup() throws Exception {
    String hostileSan = "<img src=x onerror=alert(1)>.example";
    MiniPki.Issued leaf = MiniPki.cert("\\<script\\>alert(\\\"cn\\\")\\</script\\> & co").san(hostileSan).serverAuth().issue();
    Path pem = MiniPki.writePem(dir.resolve("hostile.pem"), leaf.cert());
    CliRun run = CliRun.run("cert", "--format", "html", "--name", "sip.contoso.com", pem.toString());
    assertEquals(1, run.exit(), run.err());
    Document doc = parse(run.out());
    assertEquals(0, doc.getElementsByTagName("script").getLength());
    assertEquals(0, doc.getElementsByTagName("img").getLength());
    String text = doc.getDocumentElement().getTextContent();
    // the subject as the reports print a DN (RFC 4514 escapes), its <, ", & arriving as characters
    assertTrue(text.contains("CN=\\<script\\>alert(\\\"cn\\\")\\</script\\> & co"), text);
    assertTrue(text.contains(hostileSan), text);
    assertTrue(text.contains("NAME_MISMATCH"), text);
    assertFalse(run.out().contains("<script>"), "the name's markup is escaped in the page itself");
  }

  @Test
  void probe_isOnePage_withASectionPerAddress_asEachFinishes() throws Exception {
    try (OpenSslServer s = OpenSslServer.start(pki.leafCert, pki.leafKey, "-cert_chain", pki.intermediateCert.toString())) {
      int closed = OpenSslServer.freePort();
      CliRun run = CliRun.run("probe", "--format", "html", "--timeout", "3s", "--concurrency", "1", "--trust", pki.rootCert.toString(),
          "127.0.0.1:" + s.port, "127.0.0.1:" + closed);
      assertEquals(1, run.exit(), run.err()); // the closed port fails the run
      Element body = (Element) parse(run.out()).getElementsByTagName("body").item(0);
      List<Element> sections = elements(body, "section");
      assertEquals(2, sections.size(), run.out());
      Map<String, String> outcomes = new TreeMap<>();
      for (Element section : sections) {
        String heading = elements(section, "h2").get(0).getTextContent();
        outcomes.put(heading.substring(0, heading.indexOf(' ')), withClass(section, "span", "outcome").get(0).getTextContent());
      }
      assertEquals(Map.of("127.0.0.1:" + s.port, "OK", "127.0.0.1:" + closed, "CONNECT_FAILED"), outcomes);
      Element ok = sections.stream().filter(e -> e.getTextContent().contains("127.0.0.1:" + s.port)).findFirst().orElseThrow();
      assertEquals(2, withClass(ok, "table", "cert").size(), "the chain presented: leaf and intermediate");
      assertTrue(ok.getTextContent().contains("TLSv1.3"), ok.getTextContent());
    }
  }
}
