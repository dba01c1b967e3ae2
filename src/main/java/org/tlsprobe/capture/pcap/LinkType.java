package org.tlsprobe.capture.pcap;

/** The link-layer header types we decode (tcpdump.org/linktypes.html), and their libpcap names. */
public final class LinkType {
  public static final int NULL = 0;
  public static final int ETHERNET = 1;
  public static final int RAW_12 = 12;
  public static final int RAW_14 = 14;
  public static final int RAW = 101;
  public static final int LOOP = 108;
  public static final int LINUX_SLL = 113;
  public static final int IPV4 = 228;
  public static final int IPV6 = 229;
  public static final int LINUX_SLL2 = 276;

  private LinkType() {}

  /** The DLT name libpcap and tcpdump print (EN10MB, LINUX_SLL2, ...), or "LINKTYPE_n" for others. */
  public static String name(int linkType) {
    switch (linkType) {
      case NULL: return "NULL";
      case ETHERNET: return "EN10MB";
      case RAW_12:
      case RAW_14:
      case RAW: return "RAW";
      case LOOP: return "LOOP";
      case LINUX_SLL: return "LINUX_SLL";
      case IPV4: return "IPV4";
      case IPV6: return "IPV6";
      case LINUX_SLL2: return "LINUX_SLL2";
      default: return "LINKTYPE_" + linkType;
    }
  }
}
