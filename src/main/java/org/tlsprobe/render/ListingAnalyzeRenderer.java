package org.tlsprobe.render;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.tlsprobe.model.BoundedCache;
import org.tlsprobe.model.Diagnosis;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.FlowReport;

/**
 * What the text and the HTML report of {@code analyze} share: which flows are listed (failed, or with
 * certificate errors; all with {@code --all}), each findings list rendered once, the spool that holds the
 * listed flows until the summary above them is known, and findings blocks shown once, then referred back to
 * (the same chain, judged the same, in flow after flow). Subclasses say how a flow, a findings list and a
 * reference look, and write the summary.
 */
abstract class ListingAnalyzeRenderer implements AnalyzeRenderer {
  private static final byte[] NOTHING = {};

  final boolean all;
  final OutputStream stream;
  final Spool spool = new Spool();
  final AnalyzeSummary summary = new AnalyzeSummary();
  /** The findings of a chain, rendered once: flow after flow shows the same ones. */
  private final BoundedCache<List<Finding>, RenderedFindings> renderedFindings = new BoundedCache<>(4096);
  private final PrintedBlocks printed = new PrintedBlocks();
  private long listed;
  long unlisted;

  ListingAnalyzeRenderer(boolean all, OutputStream stream) {
    this.all = all;
    this.stream = stream;
  }

  /** The flow's heading, verdict, notes and (with {@code withLadder}) ladder: everything but its findings. Thread-safe. */
  abstract String flowText(FlowReport flow, boolean withLadder);

  /** A findings list as the report shows it. Thread-safe. */
  abstract RenderedFindings renderFindings(List<Finding> findings);

  /** What opens the {@code index}th listed flow (1 for the first). */
  byte[] flowStart(long index) {
    return NOTHING;
  }

  byte[] flowEnd() {
    return NOTHING;
  }

  /** What goes above a findings block shown in full. */
  abstract byte[] blockHeading(String heading);

  /** What a later flow shows instead of block {@code b}, first shown for the {@code index}th flow, {@code name}. */
  abstract byte[] reference(RenderedFlow.FindingsBlock b, String name, long index);

  @Override
  public final RenderedFlow render(FlowReport flow) {
    if (!AnalyzeSummary.listed(flow, all)) {
      return RenderedFlow.of(flow, null, null, List.of());
    }
    Diagnosis d = flow.diagnosis();
    List<RenderedFlow.FindingsBlock> blocks = new ArrayList<>(2);
    block(blocks, "findings (server certificate and handshake)", d.findings());
    block(blocks, "findings (client certificate)", d.clientFindings());
    // the name is what a later flow's reference to these blocks says: none without blocks
    String name = blocks.isEmpty() ? null : RenderedFlow.name(flow.observation());
    return RenderedFlow.of(flow, flowText(flow, all || flow.failed()), name, blocks);
  }

  private void block(List<RenderedFlow.FindingsBlock> blocks, String heading, List<Finding> findings) {
    if (!findings.isEmpty()) {
      RenderedFindings rendered = renderedFindings.find(findings); // not get(.., this::renderFindings): see BoundedCache.find
      if (rendered == null) {
        rendered = renderedFindings.put(findings, renderFindings(findings));
      }
      blocks.add(new RenderedFlow.FindingsBlock(heading, rendered.findings(), rendered.utf8(), rendered.counts()));
    }
  }

  /** Spools the flow, and its findings blocks in full the first time; a block shown before becomes a reference. */
  @Override
  public final void add(RenderedFlow flow) throws IOException {
    summary.add(flow);
    if (flow.utf8() == null) {
      unlisted++;
      return;
    }
    long index = ++listed;
    spool.write(flowStart(index));
    spool.write(flow.utf8());
    for (RenderedFlow.FindingsBlock b : flow.blocks()) {
      byte[] reference = printed.earlier(b.heading(), b.findings());
      if (reference == null) {
        printed.remember(b.heading(), b.findings(), reference(b, flow.name(), index));
        spool.write(blockHeading(b.heading()));
        spool.write(b.utf8());
      } else {
        spool.write(reference);
      }
    }
    spool.write(flowEnd());
  }

  @Override
  public final void close() {
    spool.close();
  }
}
