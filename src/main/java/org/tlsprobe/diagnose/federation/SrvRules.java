package org.tlsprobe.diagnose.federation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;
import org.tlsprobe.model.SrvLookup;
import org.tlsprobe.model.SrvTarget;

/**
 * What the DNS answers mean for a SIP domain: how partners find its Access Edge
 * ({@code _sipfederationtls._tcp}) and how its clients find their pool ({@code _sipinternaltls._tcp},
 * {@code _sip._tls}), with the exact-domain rule Lync/Skype clients apply to SRV targets.
 *
 * <p>Codes: SRV_MISSING (nothing published), SRV_LOOKUP_FAILED (the DNS did not answer), SRV_TARGET_UNRESOLVED
 * (a target without A/AAAA), SRV_TARGET_DOMAIN_MISMATCH (a target outside the SIP domain).
 */
public final class SrvRules {
  public static final String FEDERATION_SERVICE = "_sipfederationtls._tcp";
  public static final List<String> CLIENT_SERVICES = List.of("_sipinternaltls._tcp", "_sip._tls");

  private SrvRules() {}

  /** Findings about the federation SRV record of {@code domain}. */
  public static List<Finding> federation(String domain, SrvLookup lookup) {
    List<Finding> out = new ArrayList<>();
    switch (lookup.status()) {
      case NXDOMAIN:
      case NO_RECORD:
        out.add(new Finding("SRV_MISSING", Severity.ERROR,
            lookup.name() + " has no SRV record (" + (lookup.status() == SrvLookup.Status.NXDOMAIN ? "NXDOMAIN" : "the name has no SRV data")
                + "): partners that discover federation through DNS cannot find " + domain + "'s Access Edge.",
            null,
            "Publish in " + domain + "'s public DNS: " + FEDERATION_SERVICE + "." + domain + ". 3600 IN SRV 100 1 5061 sip." + domain
                + ". and an A record for sip." + domain + " pointing at the Access Edge's external address (the SRV target must be"
                + " a name the edge certificate covers)."));
        return out;
      case FAILED:
        out.add(new Finding("SRV_LOOKUP_FAILED", Severity.ERROR, "The DNS query for " + lookup.name() + " failed: " + lookup.problem() + ".",
            null, "Check the DNS server (--dns-server) and the domain's delegation; partners' edges ask public DNS."));
        return out;
      default:
        break;
    }
    for (SrvTarget t : lookup.targets()) {
      unresolved(lookup, t).ifPresent(out::add);
      if (!".".equals(t.host()) && !inDomain(t.host(), domain)) {
        out.add(new Finding("SRV_TARGET_DOMAIN_MISMATCH", Severity.WARNING,
            lookup.name() + " points at " + t.host() + ", outside " + domain + ": an Access Edge that federates by DNS SRV expects the"
                + " target in the partner's own domain, unless the edge certificate also names " + domain + ".",
            null, "Point the SRV record at a name in " + domain + " (e.g. sip." + domain + ") that the edge certificate covers, or add "
                + domain + " to the edge certificate's subject alternative names (hosted edges)."));
      }
    }
    return out;
  }

  /**
   * Findings about the client sign-in records of {@code domain} (one lookup per name of
   * {@link #CLIENT_SERVICES}): a target outside the SIP domain is refused by clients ("not trusted to provide
   * support for the domain"); no record at all leaves clients to guess A records.
   */
  public static List<Finding> clientDiscovery(String domain, List<SrvLookup> lookups) {
    List<Finding> out = new ArrayList<>();
    boolean any = false;
    for (SrvLookup lookup : lookups) {
      if (lookup.status() == SrvLookup.Status.FAILED) {
        out.add(new Finding("SRV_LOOKUP_FAILED", Severity.WARNING, "The DNS query for " + lookup.name() + " failed: " + lookup.problem() + ".",
            null, "Check the DNS server and the domain's delegation."));
        continue;
      }
      if (lookup.status() != SrvLookup.Status.FOUND) {
        continue;
      }
      any = true;
      for (SrvTarget t : lookup.targets()) {
        unresolved(lookup, t).ifPresent(out::add);
        if (!".".equals(t.host()) && !inDomain(t.host(), domain)) {
          out.add(new Finding("SRV_TARGET_DOMAIN_MISMATCH", Severity.ERROR,
              lookup.name() + " points at " + t.host() + ", whose domain is not exactly " + domain + ": Lync/Skype clients refuse it"
                  + " (\"the server is not trusted to provide support for the domain\") or prompt users to trust it.",
              null, "Point the record at a pool or director name directly in " + domain + " (e.g. sip." + domain
                  + "), covered by its certificate; or add the target's domain to the clients' TrustModelData policy."));
        }
      }
    }
    if (!any && lookups.stream().noneMatch(l -> l.status() == SrvLookup.Status.FAILED)) {
      out.add(new Finding("SRV_MISSING", Severity.WARNING,
          "No client sign-in SRV record (" + String.join(", ", lookups.stream().map(SrvLookup::name).toList())
              + "): clients fall back to guessing A records (sipinternal." + domain + ", sip." + domain + ").",
          null, "Publish _sipinternaltls._tcp." + domain + " (internal DNS) and _sip._tls." + domain + " (external DNS) pointing at"
              + " the pool/Edge FQDN in " + domain + "."));
    }
    return out;
  }

  private static java.util.Optional<Finding> unresolved(SrvLookup lookup, SrvTarget t) {
    if (".".equals(t.host())) {
      return java.util.Optional.of(new Finding("SRV_MISSING", Severity.ERROR, lookup.name() + " says the service is not available (target \".\").",
          null, "Publish a real target if the service should be reachable."));
    }
    if (t.addresses().isEmpty()) {
      return java.util.Optional.of(new Finding("SRV_TARGET_UNRESOLVED", Severity.ERROR,
          lookup.name() + " points at " + t.host() + ", which has no address: " + t.problem() + ".",
          null, "Publish an A (and/or AAAA) record for " + t.host() + "."));
    }
    return java.util.Optional.empty();
  }

  /**
   * The exact-domain rule: the target is the SIP domain itself, or its domain part (the name without its
   * first label) is exactly the SIP domain. {@code pool.contoso.com} is in {@code contoso.com};
   * {@code pool.emea.contoso.com} and {@code sip.contoso.net} are not.
   */
  public static boolean inDomain(String host, String domain) {
    String h = strip(host);
    String d = strip(domain);
    if (h.equals(d)) {
      return true;
    }
    int dot = h.indexOf('.');
    return dot > 0 && h.substring(dot + 1).equals(d);
  }

  private static String strip(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }
}
