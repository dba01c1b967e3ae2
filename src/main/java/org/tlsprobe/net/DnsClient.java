package org.tlsprobe.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tlsprobe.model.SrvLookup;
import org.tlsprobe.model.SrvTarget;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks DNS what a SIP client or a federation partner would ask: SRV records and the A/AAAA addresses of
 * their targets, from one given server ({@code --dns-server}) or the system's resolvers. Direct queries,
 * no cache shared across runs, bounded by a timeout; never throws for a DNS answer, only says what it was.
 */
public final class DnsClient {
  private final Resolver resolver;

  private DnsClient(Resolver resolver, Duration timeout) {
    this.resolver = resolver;
    resolver.setTimeout(timeout);
  }

  /** Asks the resolvers of the system configuration (/etc/resolv.conf, Windows' adapters). */
  public static DnsClient system(Duration timeout) {
    return new DnsClient(new ExtendedResolver(), timeout);
  }

  /** Asks one server only. */
  public static DnsClient server(InetSocketAddress server, Duration timeout) {
    return new DnsClient(new SimpleResolver(server), timeout);
  }

  /** The SRV records of {@code name}, ordered as clients try them: priority ascending, weight descending. */
  public SrvLookup srv(String name) {
    String query = stripDot(name);
    Answer answer = ask(query, Type.SRV);
    if (answer.problem.isPresent()) {
      return new SrvLookup(query, SrvLookup.Status.FAILED, List.of(), answer.problem.get());
    }
    if (answer.rcode == Rcode.NXDOMAIN) {
      return new SrvLookup(query, SrvLookup.Status.NXDOMAIN, List.of(), "");
    }
    if (answer.rcode != Rcode.NOERROR) {
      return new SrvLookup(query, SrvLookup.Status.FAILED, List.of(), "the DNS server answered " + Rcode.string(answer.rcode));
    }
    List<SRVRecord> records = new ArrayList<>();
    for (Record r : answer.records) {
      if (r instanceof SRVRecord) {
        records.add((SRVRecord) r);
      }
    }
    if (records.isEmpty()) {
      return new SrvLookup(query, SrvLookup.Status.NO_RECORD, List.of(), "");
    }
    records.sort(Comparator.<SRVRecord>comparingInt(SRVRecord::getPriority)
        .thenComparing(Comparator.comparingInt(SRVRecord::getWeight).reversed())
        .thenComparing(r -> r.getTarget().toString().toLowerCase(Locale.ROOT))
        .thenComparingInt(SRVRecord::getPort));
    List<SrvTarget> targets = new ArrayList<>();
    for (SRVRecord r : records) {
      String host = stripDot(r.getTarget().toString());
      if (host.isEmpty()) {
        // RFC 2782: a target of "." means the service is decidedly not available at this domain.
        targets.add(new SrvTarget(r.getPriority(), r.getWeight(), r.getPort(), ".", List.of(), "the SRV target is \".\": the service is declared unavailable"));
        continue;
      }
      Addresses a = addresses(host);
      targets.add(new SrvTarget(r.getPriority(), r.getWeight(), r.getPort(), host, a.addresses(), a.problem()));
    }
    return new SrvLookup(query, SrvLookup.Status.FOUND, targets, "");
  }

  /** The A and AAAA addresses of {@code host}, IPv4 first; a problem when there are none. */
  public Addresses addresses(String host) {
    List<String> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int type : new int[] {Type.A, Type.AAAA}) {
      Answer answer = ask(host, type);
      if (answer.problem.isPresent()) {
        problems.add(Type.string(type) + ": " + answer.problem.get());
        continue;
      }
      if (answer.rcode == Rcode.NXDOMAIN) {
        return new Addresses(host, List.of(), host + " does not exist in DNS (NXDOMAIN)");
      }
      if (answer.rcode != Rcode.NOERROR) {
        problems.add(Type.string(type) + ": " + Rcode.string(answer.rcode));
        continue;
      }
      for (Record r : answer.records) {
        InetAddress address = r instanceof ARecord ? ((ARecord) r).getAddress()
            : r instanceof AAAARecord ? ((AAAARecord) r).getAddress() : null;
        if (address != null && !out.contains(address.getHostAddress())) {
          out.add(address.getHostAddress());
        }
      }
    }
    if (!out.isEmpty()) {
      return new Addresses(host, out, "");
    }
    return new Addresses(host, List.of(), problems.isEmpty() ? host + " has no A or AAAA record" : String.join("; ", problems));
  }

  /** A host's addresses, or why there are none. */
  public record Addresses(String host, List<String> addresses, String problem) {
    public Addresses {
      addresses = List.copyOf(addresses);
    }
  }

  private record Answer(int rcode, List<Record> records, Optional<String> problem) {}

  private Answer ask(String name, int type) {
    Name qname;
    try {
      qname = Name.fromString(stripDot(name) + ".");
    } catch (TextParseException e) {
      return new Answer(-1, List.of(), Optional.of("\"" + name + "\" is not a valid DNS name: " + e.getMessage()));
    }
    try {
      Message response = resolver.send(Message.newQuery(Record.newRecord(qname, type, DClass.IN)));
      List<Record> wanted = new ArrayList<>();
      for (Record r : response.getSection(Section.ANSWER)) {
        if (r.getType() == type) {
          wanted.add(r); // CNAME chains: the records of the wanted type follow in the same answer
        }
      }
      return new Answer(response.getRcode(), wanted, Optional.empty());
    } catch (IOException e) {
      String why = e instanceof java.net.SocketTimeoutException || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("timed out")
          ? "no answer within " + resolver.getTimeout().toMillis() + " ms"
          : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Answer(-1, List.of(), Optional.of("DNS query " + stripDot(name) + " " + Type.string(type) + " failed: " + why));
    }
  }

  private static String stripDot(String name) {
    String n = name.trim();
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }
}
