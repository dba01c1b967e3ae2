package org.tlsprobe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs tlsprobe as the command line would and keeps exit code, output and errors; reads JSON Lines. */
record CliRun(int exit, String out, String err) {
  static CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TlsProbeCommand.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }

  List<JsonNode> jsonLines() {
    List<JsonNode> nodes = new ArrayList<>();
    try {
      ObjectMapper m = new ObjectMapper();
      for (String line : out.split("\n")) {
        if (!line.isBlank()) {
          nodes.add(m.readTree(line));
        }
      }
    } catch (Exception e) {
      throw new AssertionError("not JSON Lines: " + out + "\nerr: " + err, e);
    }
    return nodes;
  }

  JsonNode json() {
    List<JsonNode> all = jsonLines();
    if (all.size() != 1) {
      throw new AssertionError("expected one JSON object, got " + all.size() + ": " + out + "\nerr: " + err);
    }
    return all.get(0);
  }
}
