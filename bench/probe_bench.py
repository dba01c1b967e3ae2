#!/usr/bin/env python3
"""Probe benchmark: tlsprobe against `openssl s_client` and `sslscan`, same machine, same run.

1. Many targets: local `openssl s_server` processes, probed as N targets (repeated targets spread over the
   servers) by `tlsprobe probe --targets FILE --concurrency C` (one JVM) and by one `openssl s_client`
   process per target, C at a time. Prints handshakes/s (wall) and CPU ms per handshake of the client side
   (user+sys of the client processes, JVM start included; the servers' CPU is not counted for either).
2. Enumeration: one s_server that accepts TLS 1.0-1.3 and every suite OpenSSL has at security level 0, enumerated
   by `tlsprobe probe --enumerate` and by `sslscan`; prints wall time, CPU and whether both found the same
   accepted (version, suite) pairs.

Run from the project root after `mvn -B -q package -DskipTests`:
    python3 bench/probe_bench.py [--targets 1000] [--concurrency 64] [--servers 4]
Only loopback is used; every process started here is stopped before it exits.
"""
import argparse
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor

VERSIONS = {"TLSv1.0": "TLSv1.0", "TLSv1.1": "TLSv1.1", "TLSv1.2": "TLSv1.2", "TLSv1.3": "TLSv1.3"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, proc, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline and proc.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("s_server on port %d did not start" % port)


def start_server(cert, key, extra=()):
    port = free_port()
    proc = subprocess.Popen(["openssl", "s_server", "-www", "-quiet", "-accept", "127.0.0.1:%d" % port,
                             "-cert", cert, "-key", key, *extra],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_port(port, proc)
    return port, proc


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def measured(fn):
    cpu0, t0 = children_cpu(), time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t0, children_cpu() - cpu0


TUNED = "bin/tlsprobe"  # the launcher: C1 only, and a class-data-sharing archive made on first use
LAUNCHER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bin", "tlsprobe")


def run_tlsprobe(jar, targets_file, concurrency, extra=(), tuned=False):
    env = dict(os.environ)
    env.pop("TLSPROBE_JAVA_OPTS", None)
    head = [LAUNCHER] if tuned else ["java", "-jar", jar]
    cmd = [*head, "probe", "--format", "json", "--timeout", "10s",
           "--concurrency", str(concurrency), "--targets", targets_file, *extra]
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def openssl_one(target):
    r = subprocess.run(["openssl", "s_client", "-connect", target], stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return r.returncode == 0 and "Cipher is" in r.stdout and "(NONE)" not in r.stdout


def run_openssl(targets, concurrency):
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        return list(pool.map(openssl_one, targets))


def sslscan_pairs(port, xml_file):
    subprocess.run(["sslscan", "--no-colour", "--xml=" + xml_file, "127.0.0.1:%d" % port],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pairs = set()
    for c in ET.parse(xml_file).getroot().iter("cipher"):
        if c.get("status") in ("accepted", "preferred"):
            pairs.add((c.get("sslversion"), int(c.get("id"), 16)))
    return pairs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--targets", type=int, default=1000)
    ap.add_argument("--concurrency", type=int, default=64)
    ap.add_argument("--servers", type=int, default=8)
    ap.add_argument("--jar", default="target/tlsprobe.jar")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if not os.path.exists(args.jar):
        sys.exit("no %s: run `mvn -B -q package -DskipTests` first" % args.jar)
    procs = []
    with tempfile.TemporaryDirectory() as d:
        cert, key = os.path.join(d, "cert.pem"), os.path.join(d, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                        "-days", "30", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            ports = []
            for _ in range(args.servers):
                port, proc = start_server(cert, key)
                ports.append(port)
                procs.append(proc)
            targets = ["127.0.0.1:%d" % ports[i % len(ports)] for i in range(args.targets)]
            # One untimed launcher run, a probe with --enumerate, makes bin/tlsprobe's class-data-sharing
            # archive from the classes a probe loads (the launcher archives its first run's classes).
            # the launcher runs target/tlsprobe.jar of this checkout (--jar applies to the java -jar runs only)
            jsa = os.path.join(os.path.dirname(LAUNCHER), "..", "target", "tlsprobe.jsa")
            if os.path.exists(jsa):
                os.remove(jsa)
            warm = os.path.join(d, "warm.txt")
            with open(warm, "w") as f:
                f.write(targets[0] + "\n")
            run_tlsprobe(args.jar, warm, 1, ["--enumerate"], tuned=True)
            targets_file = os.path.join(d, "targets.txt")
            with open(targets_file, "w") as f:
                f.write("\n".join(targets) + "\n")

            print("== %d targets over %d openssl s_server processes, concurrency %d, %d cores"
                  % (args.targets, args.servers, args.concurrency, os.cpu_count()))
            ours = {}
            for tuned in (False, True):
                label = "tlsprobe probe" + (" (%s)" % TUNED if tuned else "")
                results, wall, cpu = measured(lambda: run_tlsprobe(args.jar, targets_file, args.concurrency, tuned=tuned))
                ok = sum(1 for r in results if r.get("outcome") == "OK")
                ours[label] = (ok / wall, cpu * 1000 / max(ok, 1))
                print("%-62s: %4d/%d OK in %6.2f s wall, %6.2f s CPU -> %7.1f handshakes/s, %5.2f ms CPU/handshake"
                      % (label, ok, len(targets), wall, cpu, ours[label][0], ours[label][1]))
            oks, wall, cpu = measured(lambda: run_openssl(targets, args.concurrency))
            ok = sum(1 for x in oks if x)
            theirs = (ok / wall, cpu * 1000 / max(ok, 1))
            print("%-62s: %4d/%d OK in %6.2f s wall, %6.2f s CPU -> %7.1f handshakes/s, %5.2f ms CPU/handshake"
                  % ("openssl s_client, one process per target", ok, len(targets), wall, cpu, theirs[0], theirs[1]))
            for label, (rate, cpu_ms) in ours.items():
                print("%-62s: %.1fx openssl's handshakes/s, %.1fx less CPU per handshake"
                      % (label, rate / max(theirs[0], 1e-9), theirs[1] / max(cpu_ms, 1e-9)))
        finally:
            for p in procs:
                p.terminate()
            for p in procs:
                p.wait(5)
            procs.clear()

        try:
            port, proc = start_server(cert, key, ["-cipher", "ALL:@SECLEVEL=0"])
            procs.append(proc)
            one = os.path.join(d, "one.txt")
            with open(one, "w") as f:
                f.write("127.0.0.1:%d\n" % port)
            print("== enumeration of one s_server (TLS 1.0-1.3, ALL:@SECLEVEL=0), median of %d runs each" % args.runs)
            iana = iana_codes()
            rows = {"tlsprobe --enumerate": [], "tlsprobe --enumerate (%s)" % TUNED: [], "sslscan": []}
            found = {}
            for _ in range(args.runs):
                for tuned in (False, True):
                    label = "tlsprobe --enumerate" + (" (%s)" % TUNED if tuned else "")
                    results, wall, cpu = measured(lambda: run_tlsprobe(args.jar, one, 64, ["--enumerate"], tuned))
                    r = results[0]
                    found[label] = {(v, iana.get(s, s)) for v, suites in (r.get("cipher_suites") or {}).items() for s in suites}
                    rows[label].append((wall, cpu))
                pairs, wall, cpu = measured(lambda: sslscan_pairs(port, os.path.join(d, "scan.xml")))
                found["sslscan"] = pairs
                rows["sslscan"].append((wall, cpu))
            med = {}
            for label, runs in rows.items():
                runs.sort()
                wall, cpu = runs[len(runs) // 2]
                med[label] = wall
                print("%-62s: %6.2f s wall, %5.2f s CPU, %d accepted (version, suite) pairs"
                      % (label, wall, cpu, len(found[label])))
            for label in rows:
                if label != "sslscan":
                    same = found[label] == found["sslscan"]
                    print("%-62s: same accepted suites as sslscan: %s%s; %.2fx as fast as sslscan by wall clock" % (
                        label, same, "" if same else " (only tlsprobe: %s; only sslscan: %s)" % (
                            sorted(found[label] - found["sslscan"], key=str), sorted(found["sslscan"] - found[label], key=str)),
                        med["sslscan"] / max(med[label], 1e-9)))
        finally:
            for p in procs:
                p.terminate()
                p.wait(5)


def iana_codes():
    """IANA suite name -> code point, from `openssl ciphers -V` plus the TLS 1.3 names."""
    out = subprocess.run(["openssl", "ciphers", "-V", "-stdname", "ALL:COMPLEMENTOFALL:@SECLEVEL=0"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
    codes = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[0].startswith("0x"):
            hi, lo = parts[0].split(",")
            codes[parts[2]] = (int(hi, 16) << 8) | int(lo, 16)
    return codes


if __name__ == "__main__":
    main()
