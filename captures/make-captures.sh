#!/usr/bin/env bash
# Records the shipped captures: real TLS handshakes of real peers (openssl s_server/s_client,
# small python3 peers for the Schannel-style resets) on loopback, one capture per outcome,
# each taken by tcpdump filtered to that scenario's own server address and port.
#
#   sudo captures/make-captures.sh            # reuse captures/pki (committed), re-record every capture
#   sudo captures/make-captures.sh --new-pki  # first make a fresh PKI (then the golden JSON must be redone)
#   sudo captures/make-captures.sh expired-5061 ...   # re-record only the named scenarios
#
# Needs root (tcpdump on lo, ports 443/5061), bash, openssl 3, tcpdump, python3; tshark (optional)
# checks that each capture shows what captures/README.md says it shows.
# Every server binds its own loopback address (127.0.5.N; all of 127/8 is loopback on Linux) and
# every client its own source address (127.0.6.N), so other people's servers on this machine
# neither clash with ours nor leak into the captures.
set -euo pipefail
export LC_ALL=C

HERE=$(cd "$(dirname "$0")" && pwd)
PKI="$HERE/pki"
NEW_PKI=0
ONLY=()
for a in "$@"; do
  case "$a" in
    --new-pki) NEW_PKI=1 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) ONLY+=("$a") ;;
  esac
done
[ "$(id -u)" -eq 0 ] || { echo "run as root (tcpdump on lo, ports 443 and 5061)" >&2; exit 2; }
for tool in openssl tcpdump python3 ss; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
done

WORK=$(mktemp -d /tmp/make-captures.XXXXXX)
PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  [ -n "${KEEP_WORK:-}" ] && log "kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

log() { printf '%s\n' "$*" >&2; }

# ---------------------------------------------------------------------------------------------
# PKI: Tlsprobe Test Root CA -> Tlsprobe Test Issuing CA -> leaves; a separate foreign root.
# Test-only keys, committed on purpose so captures can be re-judged and tests can use them.
# ---------------------------------------------------------------------------------------------
SERVER_NAMES="DNS:sip.tlsprobe.test,DNS:pool.tlsprobe.test,DNS:fe01.tlsprobe.test,DNS:meet.tlsprobe.test"
FAR_START=20250101000000Z
FAR_END=21250101000000Z

ca_config() { # dir -> openssl ca config for the CA living in dir
  cat >"$1/ca.cnf" <<EOF
[ ca ]
default_ca = this_ca
[ this_ca ]
dir = $1
database = \$dir/index.txt
new_certs_dir = \$dir/newcerts
serial = \$dir/serial
crlnumber = \$dir/crlnumber
default_md = sha256
policy = anything
unique_subject = no
copy_extensions = none
email_in_dn = no
[ anything ]
organizationName = optional
commonName = supplied
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ v3_root ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ v3_issuing ]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
crlDistributionPoints = URI:http://pki.tlsprobe.test/root.crl
[ v3_server ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = $SERVER_NAMES
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
crlDistributionPoints = URI:http://pki.tlsprobe.test/issuing.crl
[ v3_wrongname ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:wrong.tlsprobe.test
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
crlDistributionPoints = URI:http://pki.tlsprobe.test/issuing.crl
[ v3_clientauth_only ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = clientAuth
subjectAltName = $SERVER_NAMES
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
crlDistributionPoints = URI:http://pki.tlsprobe.test/issuing.crl
[ v3_client ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:fe02.tlsprobe.test
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
crlDistributionPoints = URI:http://pki.tlsprobe.test/issuing.crl
[ v3_foreign_client ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:sip.foreign.example
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
  mkdir -p "$1/newcerts"
  : >"$1/index.txt"
  echo 1000 >"$1/serial"
  echo 1000 >"$1/crlnumber"
}

newkey() { openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1" 2>/dev/null; }

issue() { # ca-dir ca-cert ca-key ext subject start end key out
  local csr="$WORK/$(basename "$9").csr"
  openssl req -new -config "$1/ca.cnf" -key "$8" -subj "$5" -out "$csr"
  openssl ca -batch -notext -config "$1/ca.cnf" -cert "$2" -keyfile "$3" -extensions "$4" \
    -startdate "$6" -enddate "$7" -in "$csr" -out "$9" 2>"$WORK/ca.err" ||
    { cat "$WORK/ca.err" >&2; return 1; }
}

make_pki() {
  log "making a new PKI in $PKI"
  rm -rf "$PKI"; mkdir -p "$PKI"
  local ca="$WORK/ca" fca="$WORK/foreign-ca"
  mkdir -p "$ca" "$fca"; ca_config "$ca"; ca_config "$fca"

  newkey "$PKI/root.key"
  openssl req -new -config "$ca/ca.cnf" -key "$PKI/root.key" -subj "/O=tlsprobe test/CN=Tlsprobe Test Root CA" -out "$WORK/root.csr"
  openssl ca -batch -notext -selfsign -config "$ca/ca.cnf" -keyfile "$PKI/root.key" -extensions v3_root \
    -startdate $FAR_START -enddate $FAR_END -in "$WORK/root.csr" -out "$PKI/root.pem" 2>/dev/null

  newkey "$PKI/intermediate.key"
  issue "$ca" "$PKI/root.pem" "$PKI/root.key" v3_issuing "/O=tlsprobe test/CN=Tlsprobe Test Issuing CA" \
    $FAR_START $FAR_END "$PKI/intermediate.key" "$PKI/intermediate.pem"

  # The leaves are issued by the intermediate: a fresh database for it.
  local ica="$WORK/issuing-ca"; mkdir -p "$ica"; ca_config "$ica"; echo 2000 >"$ica/serial"
  local i="$PKI/intermediate.pem" k="$PKI/intermediate.key"
  newkey "$PKI/server.key"
  issue "$ica" "$i" "$k" v3_server "/O=tlsprobe test/CN=sip.tlsprobe.test" 20250601000000Z $FAR_END "$PKI/server.key" "$PKI/server.pem"
  newkey "$PKI/expired.key"
  issue "$ica" "$i" "$k" v3_server "/O=tlsprobe test/CN=sip.tlsprobe.test" 20240101000000Z 20250101000000Z "$PKI/expired.key" "$PKI/expired.pem"
  newkey "$PKI/wrongname.key"
  issue "$ica" "$i" "$k" v3_wrongname "/O=tlsprobe test/CN=wrong.tlsprobe.test" 20250601000000Z $FAR_END "$PKI/wrongname.key" "$PKI/wrongname.pem"
  newkey "$PKI/revoked.key"
  issue "$ica" "$i" "$k" v3_server "/O=tlsprobe test/CN=sip.tlsprobe.test" 20250601000000Z $FAR_END "$PKI/revoked.key" "$PKI/revoked.pem"
  newkey "$PKI/clientauth-only.key"
  issue "$ica" "$i" "$k" v3_clientauth_only "/O=tlsprobe test/CN=sip.tlsprobe.test" 20250601000000Z $FAR_END "$PKI/clientauth-only.key" "$PKI/clientauth-only.pem"
  newkey "$PKI/client.key"
  issue "$ica" "$i" "$k" v3_client "/O=tlsprobe test/CN=fe02.tlsprobe.test" 20250601000000Z $FAR_END "$PKI/client.key" "$PKI/client.pem"
  openssl ca -batch -config "$ica/ca.cnf" -cert "$i" -keyfile "$k" -revoke "$PKI/revoked.pem" -crl_reason keyCompromise 2>/dev/null
  openssl ca -batch -config "$ica/ca.cnf" -cert "$i" -keyfile "$k" -gencrl -crldays 36500 -out "$PKI/intermediate.crl" 2>/dev/null

  newkey "$PKI/foreign-root.key"
  openssl req -new -config "$fca/ca.cnf" -key "$PKI/foreign-root.key" -subj "/O=foreign example/CN=Foreign Example Root CA" -out "$WORK/froot.csr"
  openssl ca -batch -notext -selfsign -config "$fca/ca.cnf" -keyfile "$PKI/foreign-root.key" -extensions v3_root \
    -startdate $FAR_START -enddate $FAR_END -in "$WORK/froot.csr" -out "$PKI/foreign-root.pem" 2>/dev/null
  newkey "$PKI/foreign-client.key"
  issue "$fca" "$PKI/foreign-root.pem" "$PKI/foreign-root.key" v3_foreign_client "/O=foreign example/CN=sip.foreign.example" \
    20250601000000Z $FAR_END "$PKI/foreign-client.key" "$PKI/foreign-client.pem"

  # What the servers send and accept: the chain file (the intermediate), the CA names an MTLS
  # server lists in its CertificateRequest (root and issuing CA, as a Lync front end would).
  cp "$PKI/intermediate.pem" "$PKI/chain.pem"
  cat "$PKI/root.pem" "$PKI/intermediate.pem" >"$PKI/client-cas.pem"
  rm -f "$PKI"/*.csr
}

if [ "$NEW_PKI" -eq 1 ] || [ ! -f "$PKI/root.pem" ]; then make_pki; fi
for f in root.pem intermediate.pem server.pem server.key expired.pem wrongname.pem revoked.pem \
         clientauth-only.pem client.pem foreign-root.pem foreign-client.pem intermediate.crl chain.pem client-cas.pem; do
  [ -f "$PKI/$f" ] || { echo "incomplete PKI: $PKI/$f missing (run with --new-pki)" >&2; exit 2; }
done

# ---------------------------------------------------------------------------------------------
# Peers written in python3 (the stdlib only): Schannel-style resets, a plaintext SIP listener,
# a listener that never answers.
# ---------------------------------------------------------------------------------------------
cat >"$WORK/peers.py" <<'PY'
"""Small loopback peers for make-captures.sh. Each prints READY once listening, then serves one connection."""
import socket, ssl, struct, sys, time

LINGER_0 = struct.pack('ii', 1, 0)  # close -> RST, as Windows Schannel does when it gives up


def listen(host, port):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, port))
    s.listen(1)
    s.settimeout(20)
    print('READY', flush=True)
    c, _ = s.accept()
    c.settimeout(10)
    s.close()
    return c


def read_record(c):
    """One whole TLS record (header + body) from the socket."""
    buf = b''
    while len(buf) < 5 or len(buf) < 5 + struct.unpack('>H', buf[3:5])[0]:
        d = c.recv(65536)
        if not d:
            raise EOFError('peer closed after %d bytes' % len(buf))
        buf += d
    return buf


def handshake_types(data):
    """Types of the plaintext handshake messages in a byte string of TLS records (stops at non-handshake)."""
    hs, i = b'', 0
    while i + 5 <= len(data):
        ctype, n = data[i], struct.unpack('>H', data[i + 3:i + 5])[0]
        if i + 5 + n > len(data):
            break
        if ctype == 22:
            hs += data[i + 5:i + 5 + n]
        i += 5 + n
    types, j = [], 0
    while j + 4 <= len(hs):
        n = int.from_bytes(hs[j + 1:j + 4], 'big')
        if j + 4 + n > len(hs):
            break
        types.append(hs[j])
        j += 4 + n
    return types


def rst_after_client_hello(host, port):
    """A server that reads the ClientHello and resets: Schannel finding no common cipher suite."""
    c = listen(host, port)
    rec = read_record(c)
    print('ClientHello record of %d bytes read; resetting' % len(rec), flush=True)
    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, LINGER_0)
    c.close()


def client_rst_after_server_flight(host, port, bind, cafile, sni):
    """A client whose ClientHello is a real one (python's OpenSSL, TLS 1.2), that reads the server's
    flight up to ServerHelloDone, lets OpenSSL judge the chain and, instead of sending the alert
    OpenSSL wrote, resets the connection, as Schannel clients do."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.load_verify_locations(cafile)
    ctx.maximum_version = ssl.TLSVersion.TLSv1_2
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    tls = ctx.wrap_bio(incoming, outgoing, server_hostname=sni)
    try:
        tls.do_handshake()
    except ssl.SSLWantReadError:
        pass
    s = socket.socket()
    s.bind((bind, 0))
    s.settimeout(10)
    s.connect((host, port))
    s.sendall(outgoing.read())
    flight = b''
    while 14 not in handshake_types(flight):
        d = s.recv(65536)
        if not d:
            raise EOFError('server closed before ServerHelloDone')
        flight += d
    incoming.write(flight)
    try:
        tls.do_handshake()
        print('chain accepted?! resetting anyway', flush=True)
    except ssl.SSLCertVerificationError as e:
        print('chain rejected (%s); resetting instead of alerting' % e.verify_message, flush=True)
    except ssl.SSLError as e:
        print('handshake error (%s); resetting' % e, flush=True)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, LINGER_0)
    s.close()


def server_rst_after_client_finished(host, port, certfile, keyfile, chainfile, client_cas=None):
    """A real TLS 1.2 server (python's OpenSSL) that reads the client's whole last flight
    ([Certificate,] ClientKeyExchange, [CertificateVerify,] ChangeCipherSpec, Finished) and then
    resets instead of finishing. With client_cas it asks for a client certificate (Schannel-style
    MTLS server), lets OpenSSL judge what came, and resets instead of alerting."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.maximum_version = ssl.TLSVersion.TLSv1_2
    with open(certfile) as a, open(chainfile) as b, open(sys.argv[0] + '.fullchain.pem', 'w') as out:
        out.write(a.read() + b.read())
    ctx.load_cert_chain(sys.argv[0] + '.fullchain.pem', keyfile)
    if client_cas:
        ctx.verify_mode = ssl.CERT_REQUIRED
        ctx.load_verify_locations(client_cas)
    c = listen(host, port)
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    tls = ctx.wrap_bio(incoming, outgoing, server_side=True)
    incoming.write(read_record(c))
    try:
        tls.do_handshake()
    except ssl.SSLWantReadError:
        pass
    c.sendall(outgoing.read())
    # The client's flight ends with ChangeCipherSpec then its (encrypted) Finished record.
    got = b''
    while True:
        d = c.recv(65536)
        if not d:
            raise EOFError('client closed before its Finished')
        got += d
        i, kinds = 0, []
        while i + 5 <= len(got):
            n = struct.unpack('>H', got[i + 3:i + 5])[0]
            if i + 5 + n > len(got):
                break
            kinds.append(got[i])
            i += 5 + n
        if 20 in kinds and kinds.index(20) < len(kinds) - 1:
            break
    incoming.write(got)
    try:
        tls.do_handshake()
        print('client flight accepted; resetting instead of sending our Finished', flush=True)
    except ssl.SSLError as e:
        print('client flight rejected (%s); resetting instead of alerting' % e, flush=True)
    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, LINGER_0)
    c.close()


def plaintext_sip(host, port):
    """A SIP-over-TCP listener on the TLS port: reads what came and answers in text."""
    c = listen(host, port)
    data = c.recv(65536)
    print('read %d bytes' % len(data), flush=True)
    c.sendall(b'SIP/2.0 400 Bad Request\r\nVia: SIP/2.0/TCP 127.0.6.14;branch=z9hG4bK-none\r\n'
              b'Server: plain-sip/1.0\r\nContent-Length: 0\r\n\r\n')
    time.sleep(0.5)
    c.close()


def silent(host, port):
    """Accepts, reads, never answers."""
    c = listen(host, port)
    c.settimeout(None)
    c.recv(65536)
    time.sleep(60)


if __name__ == '__main__':
    mode, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    globals()[mode](host, port, *sys.argv[4:])
PY

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
TCPDUMP_PID=""
SCENARIO=""

bg() { # name cmd... : start a peer in the background, output to $WORK/name.log
  local name=$1; shift
  rm -f "$WORK/$name.log"
  "$@" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  LAST_PID=$!
}

wait_for() { # file pattern seconds
  local i
  for ((i = 0; i < $3 * 20; i++)); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.05
  done
  log "timed out waiting for '$2' in $1:"; cat "$1" >&2 || true
  return 1
}

wait_listening() { # host port
  local i
  for ((i = 0; i < 200; i++)); do
    [ -n "$(ss -Hltn "src $1:$2")" ] && return 0
    sleep 0.05
  done
  log "nothing listens on $1:$2"; return 1
}

stop() { # pid: end a process we started, wait for it
  kill "$1" 2>/dev/null || true
  local i
  for ((i = 0; i < 40; i++)); do kill -0 "$1" 2>/dev/null || break; sleep 0.05; done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

capture_start() { # host port
  # A log of its own per scenario: the next tcpdump must not be taken as ready by the last one's words.
  # --immediate-mode: without it TPACKET_V3 holds packets for up to a second and SIGINT drops them.
  tcpdump -i lo -U --immediate-mode -n -w "$WORK/$SCENARIO.pcap" "host $1 and tcp port $2" >"$WORK/tcpdump-$SCENARIO.log" 2>&1 &
  TCPDUMP_PID=$!
  PIDS+=("$TCPDUMP_PID")
  wait_for "$WORK/tcpdump-$SCENARIO.log" "listening on" 10
}

capture_stop() {
  sleep 0.5 # let the last FIN/RST reach the capture
  kill -INT "$TCPDUMP_PID" 2>/dev/null || true
  wait "$TCPDUMP_PID" 2>/dev/null || true
  mv "$WORK/$SCENARIO.pcap" "$HERE/$SCENARIO.pcap"
  log "  -> captures/$SCENARIO.pcap ($(stat -c %s "$HERE/$SCENARIO.pcap") bytes)"
}

# check 'display filter' 'what it means': tshark must find at least one packet matching
check() {
  command -v tshark >/dev/null || return 0
  local n
  n=$(tshark -r "$HERE/$SCENARIO.pcap" -Y "$1" 2>/dev/null | wc -l)
  if [ "$n" -eq 0 ]; then
    log "  CHECK FAILED for $SCENARIO: no packet matches '$1' ($2)"
    FAILED+=("$SCENARIO")
  else
    log "  ok: $2"
  fi
}

SERVER_KEYS=(-cert "$PKI/server.pem" -key "$PKI/server.key" -cert_chain "$PKI/chain.pem")
NO_DEFAULT_CA=(-no-CAfile -no-CApath -no-CAstore)
# The client's input: a SIP OPTIONS line after the handshake, then EOF (s_client sends close_notify).
options_then_eof() { sleep 1; printf 'OPTIONS sip:sip.tlsprobe.test SIP/2.0\r\nContent-Length: 0\r\n\r\n'; sleep 0.5; }

# s_server in the background for one connection; waits until it listens. -rev: it answers each
# line reversed and never reads stdin (whose EOF would make it hang up at once).
server() { # host port args...
  local host=$1 port=$2; shift 2
  bg server timeout 20 openssl s_server -accept "$host:$port" -naccept 1 -rev "$@"
  SERVER_PID=$LAST_PID
  wait_listening "$host" "$port"
}

# s_client in the foreground (bounded), its output kept in client.log.
client() { # host port bind args...
  local host=$1 port=$2 bind=$3; shift 3
  if [ -n "${CLIENT_INPUT:-}" ]; then
    $CLIENT_INPUT | timeout 15 openssl s_client -connect "$host:$port" -bind "$bind:0" "$@" >"$WORK/client.log" 2>&1 || true
  else
    timeout 15 openssl s_client -connect "$host:$port" -bind "$bind:0" "$@" </dev/null >"$WORK/client.log" 2>&1 || true
  fi
}

py() { # name mode args... : a python peer in the background, waits for READY when it serves
  local name=$1; shift
  bg "$name" timeout 30 python3 "$WORK/peers.py" "$@"
  PY_PID=$LAST_PID
}

wanted() { # scenario: in the ONLY list (or no list given)
  [ ${#ONLY[@]} -eq 0 ] && return 0
  local o; for o in "${ONLY[@]}"; do [ "$o" = "$1" ] && return 0; done
  return 1
}

FAILED=()
begin() { # scenario host port
  SCENARIO=$1
  wanted "$1" || return 1
  log "== $1 (server $2:$3)"
  capture_start "$2" "$3"
}

TRUST=(-CAfile "$PKI/root.pem" -verify_return_error)
VERIFY_SIP=(-servername sip.tlsprobe.test -verify_hostname sip.tlsprobe.test)
CLIENT_CERT=(-cert "$PKI/client.pem" -key "$PKI/client.key" -cert_chain "$PKI/chain.pem")

# ---------------------------------------------------------------------------------------------
# Scenarios. Server 127.0.5.N, client 127.0.6.N.
# ---------------------------------------------------------------------------------------------

# 1. MTLS as between two front ends: TLS 1.2, CertificateRequest listing our CAs, client cert from our CA.
if begin ok-tls12-mtls-5061 127.0.5.1 5061; then
  server 127.0.5.1 5061 -tls1_2 "${SERVER_KEYS[@]}" -Verify 3 -verify_return_error -CAfile "$PKI/client-cas.pem"
  CLIENT_INPUT=options_then_eof client 127.0.5.1 5061 127.0.6.1 -tls1_2 "${TRUST[@]}" "${VERIFY_SIP[@]}" "${CLIENT_CERT[@]}"
  stop "$SERVER_PID"; capture_stop
  check 'tls.handshake.type == 13 && tls.handshake.dnames_len > 0' 'CertificateRequest with CA names'
  check 'tls.handshake.type == 11 && tcp.srcport != 5061' 'client Certificate'
  check 'tls.record.content_type == 23 && tcp.srcport != 5061' 'client application data'
fi

# 2. HTTPS with TLS 1.3 on 443 (the chain travels encrypted).
if begin ok-tls13-443 127.0.5.2 443; then
  server 127.0.5.2 443 -tls1_3 "${SERVER_KEYS[@]}" "${NO_DEFAULT_CA[@]}"
  CLIENT_INPUT=options_then_eof client 127.0.5.2 443 127.0.6.2 -tls1_3 "${TRUST[@]}" -servername meet.tlsprobe.test -verify_hostname meet.tlsprobe.test
  stop "$SERVER_PID"; capture_stop
  check 'tls.handshake.type == 2 && tls.handshake.extensions.supported_version == 0x0304' 'ServerHello choosing TLS 1.3'
  check 'tls.record.opaque_type == 23 && tcp.dstport == 443 && frame.number > 8' 'client application data'
fi

# 3. Client that does not trust our root (a non-domain-joined client): alert unknown_ca (48).
if begin untrusted-root-5061 127.0.5.3 5061; then
  server 127.0.5.3 5061 -tls1_2 "${SERVER_KEYS[@]}" "${NO_DEFAULT_CA[@]}"
  client 127.0.5.3 5061 127.0.6.3 -tls1_2 -CAfile "$PKI/foreign-root.pem" -verify_return_error "${VERIFY_SIP[@]}"
  stop "$SERVER_PID"; capture_stop
  check 'tls.alert_message.desc == 48 && tcp.dstport == 5061' 'client alert unknown_ca'
fi

# 4. Server that sends its leaf only; the client holds the root but not the issuing CA.
if begin missing-intermediate-5061 127.0.5.4 5061; then
  server 127.0.5.4 5061 -tls1_2 -cert "$PKI/server.pem" -key "$PKI/server.key" "${NO_DEFAULT_CA[@]}"
  client 127.0.5.4 5061 127.0.6.4 -tls1_2 "${TRUST[@]}" "${VERIFY_SIP[@]}"
  stop "$SERVER_PID"; capture_stop
  check 'tls.handshake.certificates_length < 1500 && tls.handshake.type == 11' 'a one-certificate chain'
  check 'tls.alert_message.desc == 48 && tcp.dstport == 5061' 'client alert unknown_ca'
fi

# 5. Expired server certificate: alert certificate_expired (45).
if begin expired-5061 127.0.5.5 5061; then
  server 127.0.5.5 5061 -tls1_2 -cert "$PKI/expired.pem" -key "$PKI/expired.key" -cert_chain "$PKI/chain.pem" "${NO_DEFAULT_CA[@]}"
  client 127.0.5.5 5061 127.0.6.5 -tls1_2 "${TRUST[@]}" "${VERIFY_SIP[@]}"
  stop "$SERVER_PID"; capture_stop
  check 'tls.alert_message.desc == 45 && tcp.dstport == 5061' 'client alert certificate_expired'
fi

# 6. Certificate for another name (TLS 1.2 so the chain is visible): OpenSSL says bad_certificate (42).
if begin name-mismatch-443 127.0.5.6 443; then
  server 127.0.5.6 443 -tls1_2 -cert "$PKI/wrongname.pem" -key "$PKI/wrongname.key" -cert_chain "$PKI/chain.pem" "${NO_DEFAULT_CA[@]}"
  client 127.0.5.6 443 127.0.6.6 -tls1_2 "${TRUST[@]}" -servername meet.tlsprobe.test -verify_hostname meet.tlsprobe.test
  stop "$SERVER_PID"; capture_stop
  check 'tls.alert_message.desc == 42 && tcp.dstport == 443' 'client alert bad_certificate'
fi

# 7. No common cipher suite: server alert handshake_failure (40) in answer to the ClientHello.
if begin no-common-cipher-5061 127.0.5.7 5061; then
  server 127.0.5.7 5061 -tls1_2 "${SERVER_KEYS[@]}" "${NO_DEFAULT_CA[@]}" -cipher ECDHE-RSA-AES256-GCM-SHA384
  client 127.0.5.7 5061 127.0.6.7 -tls1_2 "${TRUST[@]}" "${VERIFY_SIP[@]}" -cipher AES128-SHA256
  stop "$SERVER_PID"; capture_stop
  check 'tls.alert_message.desc == 40 && tcp.srcport == 5061' 'server alert handshake_failure'
fi

# 8. Schannel-style server: reads the ClientHello, resets (SO_LINGER 0).
if begin server-rst-after-clienthello-5061 127.0.5.8 5061; then
  py rstserver rst_after_client_hello 127.0.5.8 5061; wait_for "$WORK/rstserver.log" READY 10
  client 127.0.5.8 5061 127.0.6.8 -tls1_2 "${TRUST[@]}" "${VERIFY_SIP[@]}"
  stop "$PY_PID"; capture_stop
  check 'tcp.flags.reset == 1 && tcp.srcport == 5061' 'server RST'
fi

# 9. Schannel-style client: reads the server flight (expired certificate), resets instead of alerting.
if begin client-rst-expired-5061 127.0.5.9 5061; then
  server 127.0.5.9 5061 -tls1_2 -cert "$PKI/expired.pem" -key "$PKI/expired.key" -cert_chain "$PKI/chain.pem" "${NO_DEFAULT_CA[@]}"
  timeout 15 python3 "$WORK/peers.py" client_rst_after_server_flight 127.0.5.9 5061 127.0.6.9 "$PKI/root.pem" sip.tlsprobe.test >"$WORK/client.log" 2>&1 || cat "$WORK/client.log" >&2
  stop "$SERVER_PID"; capture_stop
  check 'tcp.flags.reset == 1 && tcp.dstport == 5061' 'client RST'
  check 'tls.handshake.type == 14' 'ServerHelloDone before it'
fi

# 10. Client offers TLS 1.3 only, server speaks TLS 1.2 only: alert protocol_version (70).
if begin protocol-mismatch-5061 127.0.5.10 5061; then
  server 127.0.5.10 5061 -tls1_2 "${SERVER_KEYS[@]}" "${NO_DEFAULT_CA[@]}"
  client 127.0.5.10 5061 127.0.6.10 -tls1_3 "${TRUST[@]}" "${VERIFY_SIP[@]}"
  stop "$SERVER_PID"; capture_stop
  check 'tls.alert_message.desc == 70 && tcp.srcport == 5061' 'server alert protocol_version'
fi

# 11. MTLS server requires a client certificate, the client has none (TLS 1.2): alert 40.
if begin client-cert-missing-tls12-5061 127.0.5.11 5061; then
  server 127.0.5.11 5061 -tls1_2 "${SERVER_KEYS[@]}" -Verify 3 -verify_return_error -CAfile "$PKI/client-cas.pem"
  client 127.0.5.11 5061 127.0.6.11 -tls1_2 "${TRUST[@]}" "${VERIFY_SIP[@]}"
  stop "$SERVER_PID"; capture_stop
  check 'tls.handshake.type == 11 && tcp.dstport == 5061 && tls.handshake.certificates_length == 0' 'empty client Certificate'
  check 'tls.alert_message.desc == 40 && tcp.srcport == 5061' 'server alert handshake_failure'
fi

# 12. The same with TLS 1.3: alert certificate_required (116), encrypted on the wire.
if begin client-cert-missing-tls13-5061 127.0.5.12 5061; then
  server 127.0.5.12 5061 -tls1_3 "${SERVER_KEYS[@]}" -Verify 3 -verify_return_error -CAfile "$PKI/client-cas.pem"
  # The client's handshake is over once its Finished is out; it learns of the alert while sending data.
  CLIENT_INPUT=options_then_eof client 127.0.5.12 5061 127.0.6.12 -tls1_3 "${TRUST[@]}" "${VERIFY_SIP[@]}"
  stop "$SERVER_PID"; capture_stop
  check 'tls.record.opaque_type == 23 && tcp.srcport == 5061' 'server encrypted records'
  grep -q 'certificate required' "$WORK/client.log" && log "  ok: client saw alert certificate required" ||
    { log "  CHECK FAILED: client did not report 'certificate required'"; FAILED+=("$SCENARIO"); }
fi

# 13. Client certificate from a foreign CA: the server rejects it with alert unknown_ca (48).
if begin client-cert-foreign-ca-5061 127.0.5.13 5061; then
  server 127.0.5.13 5061 -tls1_2 "${SERVER_KEYS[@]}" -Verify 3 -verify_return_error -CAfile "$PKI/client-cas.pem"
  client 127.0.5.13 5061 127.0.6.13 -tls1_2 "${TRUST[@]}" "${VERIFY_SIP[@]}" -cert "$PKI/foreign-client.pem" -key "$PKI/foreign-client.key"
  stop "$SERVER_PID"; capture_stop
  check 'tls.handshake.type == 11 && tcp.dstport == 5061 && tls.handshake.certificates_length > 0' 'client Certificate'
  check 'tls.alert_message.desc == 48 && tcp.srcport == 5061' 'server alert unknown_ca'
fi

# 14. Not TLS: a plaintext SIP listener on 5061 answers the ClientHello in text.
if begin not-tls-5061 127.0.5.14 5061; then
  py plainsip plaintext_sip 127.0.5.14 5061; wait_for "$WORK/plainsip.log" READY 10
  client 127.0.5.14 5061 127.0.6.14 -tls1_2 "${TRUST[@]}" "${VERIFY_SIP[@]}"
  stop "$PY_PID"; capture_stop
  check 'sip || (tcp.srcport == 5061 && frame contains "SIP/2.0 400")' 'SIP text from the server'
fi

# 15. A handshake that never completes: the server accepts, reads, never answers; the capture
#     ends while the client still waits.
if begin never-completes-5061 127.0.5.15 5061; then
  py silent silent 127.0.5.15 5061; wait_for "$WORK/silent.log" READY 10
  bg slowclient timeout 20 openssl s_client -connect 127.0.5.15:5061 -bind 127.0.6.15:0 -tls1_2 "${TRUST[@]}" "${VERIFY_SIP[@]}"
  CLIENT_PID=$LAST_PID
  sleep 2
  capture_stop
  stop "$CLIENT_PID"; stop "$PY_PID"
  check 'tls.handshake.type == 1' 'ClientHello'
fi

# 16. Revoked server certificate (the client checks the issuing CA's CRL): alert certificate_revoked (44).
if begin revoked-5061 127.0.5.16 5061; then
  server 127.0.5.16 5061 -tls1_2 -cert "$PKI/revoked.pem" -key "$PKI/revoked.key" -cert_chain "$PKI/chain.pem" "${NO_DEFAULT_CA[@]}"
  client 127.0.5.16 5061 127.0.6.16 -tls1_2 "${TRUST[@]}" "${VERIFY_SIP[@]}" -crl_check -CRL "$PKI/intermediate.crl"
  stop "$SERVER_PID"; capture_stop
  check 'tls.alert_message.desc == 44 && tcp.dstport == 5061' 'client alert certificate_revoked'
fi

# 17. Server certificate without Server Authentication EKU: the client refuses it (alert unsupported_certificate 43).
if begin bad-certificate-eku-443 127.0.5.17 443; then
  server 127.0.5.17 443 -tls1_2 -cert "$PKI/clientauth-only.pem" -key "$PKI/clientauth-only.key" -cert_chain "$PKI/chain.pem" "${NO_DEFAULT_CA[@]}"
  client 127.0.5.17 443 127.0.6.17 -tls1_2 "${TRUST[@]}" -servername meet.tlsprobe.test -verify_hostname meet.tlsprobe.test
  stop "$SERVER_PID"; capture_stop
  check 'tls.alert_message.desc == 43 && tcp.dstport == 443' 'client alert unsupported_certificate'
fi

# 18. A server that knows only one name answers another SNI with fatal alert unrecognized_name (112).
if begin unrecognized-name-443 127.0.5.18 443; then
  server 127.0.5.18 443 -tls1_2 "${SERVER_KEYS[@]}" "${NO_DEFAULT_CA[@]}" \
    -servername sip.tlsprobe.test -servername_fatal -cert2 "$PKI/server.pem" -key2 "$PKI/server.key"
  client 127.0.5.18 443 127.0.6.18 -tls1_2 "${TRUST[@]}" -servername webmail.tlsprobe.test
  stop "$SERVER_PID"; capture_stop
  check 'tls.alert_message.desc == 112 && tcp.srcport == 443' 'server alert unrecognized_name'
fi

# 19. A server that resets after the client's Finished (nothing wrong in sight): a reset during the handshake.
if begin server-rst-after-finished-443 127.0.5.19 443; then
  py rstfin server_rst_after_client_finished 127.0.5.19 443 "$PKI/server.pem" "$PKI/server.key" "$PKI/chain.pem"
  wait_for "$WORK/rstfin.log" READY 10
  client 127.0.5.19 443 127.0.6.19 -tls1_2 "${TRUST[@]}" -servername meet.tlsprobe.test -verify_hostname meet.tlsprobe.test
  stop "$PY_PID"; capture_stop
  check 'tls.record.content_type == 20 && tcp.dstport == 443' 'client ChangeCipherSpec'
  check 'tcp.flags.reset == 1 && tcp.srcport == 443' 'server RST'
fi

# 20. A phone-like Schannel client on 443 that holds the root only; the server sends its leaf only;
#     the client resets after ServerHelloDone instead of alerting.
if begin client-rst-missing-intermediate-443 127.0.5.20 443; then
  server 127.0.5.20 443 -tls1_2 -cert "$PKI/server.pem" -key "$PKI/server.key" "${NO_DEFAULT_CA[@]}"
  timeout 15 python3 "$WORK/peers.py" client_rst_after_server_flight 127.0.5.20 443 127.0.6.20 "$PKI/root.pem" meet.tlsprobe.test >"$WORK/client.log" 2>&1 || cat "$WORK/client.log" >&2
  stop "$SERVER_PID"; capture_stop
  grep -q 'unable to get local issuer' "$WORK/client.log" && log "  ok: client could not build the chain" ||
    { log "  CHECK FAILED: $(cat "$WORK/client.log")"; FAILED+=("$SCENARIO"); }
  check 'tcp.flags.reset == 1 && tcp.dstport == 443' 'client RST'
fi

# 21. Schannel-style MTLS server: asks for a client certificate, gets one from a foreign CA, resets.
if begin server-rst-foreign-client-cert-5061 127.0.5.21 5061; then
  py rstcc server_rst_after_client_finished 127.0.5.21 5061 "$PKI/server.pem" "$PKI/server.key" "$PKI/chain.pem" "$PKI/client-cas.pem"
  wait_for "$WORK/rstcc.log" READY 10
  client 127.0.5.21 5061 127.0.6.21 -tls1_2 "${TRUST[@]}" "${VERIFY_SIP[@]}" -cert "$PKI/foreign-client.pem" -key "$PKI/foreign-client.key"
  stop "$PY_PID"; capture_stop
  grep -q 'rejected' "$WORK/rstcc.log" && log "  ok: server rejected the client certificate" ||
    { log "  CHECK FAILED: $(cat "$WORK/rstcc.log")"; FAILED+=("$SCENARIO"); }
  check 'tls.handshake.type == 11 && tcp.dstport == 5061 && tls.handshake.certificates_length > 0' 'client Certificate'
  check 'tcp.flags.reset == 1 && tcp.srcport == 5061' 'server RST'
fi

# 22. The same server, and a client without a certificate: empty Certificate, then the server resets.
if begin server-rst-no-client-cert-5061 127.0.5.22 5061; then
  py rstnc server_rst_after_client_finished 127.0.5.22 5061 "$PKI/server.pem" "$PKI/server.key" "$PKI/chain.pem" "$PKI/client-cas.pem"
  wait_for "$WORK/rstnc.log" READY 10
  client 127.0.5.22 5061 127.0.6.22 -tls1_2 "${TRUST[@]}" "${VERIFY_SIP[@]}"
  stop "$PY_PID"; capture_stop
  grep -q 'rejected' "$WORK/rstnc.log" && log "  ok: server refused the empty client Certificate" ||
    { log "  CHECK FAILED: $(cat "$WORK/rstnc.log")"; FAILED+=("$SCENARIO"); }
  check 'tls.handshake.type == 11 && tcp.dstport == 5061 && tls.handshake.certificates_length == 0' 'empty client Certificate'
  check 'tcp.flags.reset == 1 && tcp.srcport == 5061' 'server RST'
fi

if [ ${#FAILED[@]} -gt 0 ]; then
  log "captures that do not show what they should: ${FAILED[*]}"
  exit 1
fi
log "done"
