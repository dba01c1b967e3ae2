package org.tlsprobe.tls.wire;

/**
 * Bytes that do not form the TLS structure they should: names the structure, the field and the offset
 * (from the start of the bytes being parsed) where reading broke. Unchecked, so a parser can be called
 * from anywhere, but every caller in tlsprobe turns it into a protocol-violation note, never a crash.
 */
public final class TlsParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String structure;
  private final String field;
  private final int offset;

  public TlsParseException(String structure, String field, int offset, String problem) {
    super(structure + "." + field + " at offset " + offset + ": " + problem);
    this.structure = structure;
    this.field = field;
    this.offset = offset;
  }

  public String structure() {
    return structure;
  }

  public String field() {
    return field;
  }

  public int offset() {
    return offset;
  }
}
