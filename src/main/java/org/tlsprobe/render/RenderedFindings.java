package org.tlsprobe.render;

import java.util.List;
import org.tlsprobe.model.Finding;

/**
 * A findings list rendered once (text lines or an HTML table, as UTF-8), its counts for a reference back to it
 * ("2 errors, 1 warning"), and the list it was rendered for, which stands for every equal list after it (so
 * that report order compares lists by identity, not finding by finding: flows with other chains or names
 * often have equal findings).
 */
record RenderedFindings(byte[] utf8, String counts, List<Finding> findings) {}
