#!/usr/bin/env bash
# Generates the small PKI that the cert CLI tests read, into src/test/resources/pki/ (the outputs are
# committed; run this again only to change them). Run from the project root:
#   scripts/gen-test-pki.sh
# Needs openssl (3.x) and keytool (any JDK). Validity is far in the future (100 years) except for the
# deliberately expired certificate. Only server.key is kept, for the "a private key is not a certificate" test.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/test/resources/pki
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
rm -f "$out"/*
DAYS=36500
P12_PASSWORD=tlsprobe-test

cat > "$tmp/ext.cnf" <<'CNF'
[ca]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[server]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:sip.example.test, DNS:pool.example.test, IP:127.0.0.1
crlDistributionPoints = URI:http://pki.example.test/crl/issuing.crl
authorityInfoAccess = caIssuers;URI:http://pki.example.test/aia/issuing.crt
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[md5]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:legacy.example.test
crlDistributionPoints = URI:http://pki.example.test/crl/issuing.crl
authorityInfoAccess = caIssuers;URI:http://pki.example.test/aia/issuing.crt
CNF

# Root and issuing CA.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/root.key" -subj "/O=tlsprobe tests/CN=tlsprobe Test Root CA" \
  -days $DAYS -sha256 -set_serial 0x100 \
  -addext "basicConstraints=critical,CA:true" -addext "keyUsage=critical,keyCertSign,cRLSign" -out "$out/root-ca.pem" 2>/dev/null
openssl x509 -in "$out/root-ca.pem" -outform DER -out "$out/root-ca.der"
openssl req -new -newkey rsa:2048 -nodes -keyout "$tmp/issuing.key" -subj "/O=tlsprobe tests/CN=tlsprobe Test Issuing CA" -out "$tmp/issuing.csr" 2>/dev/null
openssl x509 -req -in "$tmp/issuing.csr" -CA "$out/root-ca.pem" -CAkey "$tmp/root.key" -set_serial 0x200 -days $DAYS -sha256 \
  -extfile "$tmp/ext.cnf" -extensions ca -out "$out/issuing-ca.pem" 2>/dev/null

# A sound server certificate, in every format.
openssl req -new -newkey rsa:2048 -nodes -keyout "$out/server.key" -subj "/O=tlsprobe tests/CN=sip.example.test" -out "$out/server.csr" 2>/dev/null
openssl x509 -req -in "$out/server.csr" -CA "$out/issuing-ca.pem" -CAkey "$tmp/issuing.key" -set_serial 0x1001 -days $DAYS -sha256 \
  -extfile "$tmp/ext.cnf" -extensions server -out "$tmp/server.pem" 2>/dev/null
cat "$tmp/server.pem" "$out/issuing-ca.pem" > "$out/server-chain.pem"
# CRLF line ends and text around the blocks, as Windows exports and "openssl x509 -text" leave them.
{ printf 'Certificate chain exported for the tests\n'; openssl x509 -in "$tmp/server.pem" -noout -subject -issuer
  cat "$tmp/server.pem"; printf 'between the blocks\n'; cat "$out/issuing-ca.pem"; printf 'trailing text\n'; } | sed 's/$/\r/' > "$out/server-chain-crlf.pem"
openssl x509 -in "$tmp/server.pem" -outform DER -out "$out/server.der"
cp "$tmp/server.pem" "$out/server-pem.cer"
cp "$out/server.der" "$out/server-der.cer"
openssl crl2pkcs7 -nocrl -certfile "$out/server-chain.pem" -outform DER -out "$out/server-chain.p7b"
openssl crl2pkcs7 -nocrl -certfile "$out/server-chain.pem" -outform PEM -out "$out/server-chain-pem.p7b"
openssl pkcs12 -export -inkey "$out/server.key" -in "$tmp/server.pem" -certfile "$out/issuing-ca.pem" -name server \
  -passout "pass:$P12_PASSWORD" -out "$out/server.p12"
keytool -importcert -noprompt -storetype JKS -keystore "$out/trust.jks" -storepass changeit -alias root -file "$out/root-ca.pem" >/dev/null 2>&1
keytool -importcert -noprompt -storetype PKCS12 -keystore "$out/trust.p12" -storepass changeit -alias root -file "$out/root-ca.pem" >/dev/null 2>&1
# A PKCS#12 of certificates only, as openssl makes it (the JDK's reader does not list such certificates).
openssl pkcs12 -export -nokeys -in "$out/root-ca.pem" -passout pass:changeit -out "$out/trust-nokeys.p12"

# A CRL, for "a CRL is not a certificate", made by a throwaway "openssl ca" database.
mkdir -p "$tmp/ca"; : > "$tmp/ca/index.txt"; echo 1000 > "$tmp/ca/crlnumber"
cat > "$tmp/ca.cnf" <<CNF
[ca]
default_ca = test
[test]
database = $tmp/ca/index.txt
crlnumber = $tmp/ca/crlnumber
new_certs_dir = $tmp/ca
certificate = $out/issuing-ca.pem
private_key = $tmp/issuing.key
default_md = sha256
default_crl_days = $DAYS
policy = any
serial = $tmp/ca/serial
unique_subject = no
[any]
commonName = supplied
CNF
echo 3001 > "$tmp/ca/serial"
openssl ca -batch -config "$tmp/ca.cnf" -gencrl -out "$out/issuing.crl" 2>/dev/null

# Deliberate defects.
# 1) MD5-signed leaf shipped without its intermediate: the README's "what is wrong" example.
openssl req -new -newkey rsa:2048 -nodes -keyout "$tmp/md5.key" -subj "/O=tlsprobe tests/CN=legacy.example.test" -out "$tmp/md5.csr" 2>/dev/null
openssl x509 -req -in "$tmp/md5.csr" -CA "$out/issuing-ca.pem" -CAkey "$tmp/issuing.key" -set_serial 0x1002 -days $DAYS -md5 \
  -extfile "$tmp/ext.cnf" -extensions md5 -out "$out/md5-no-intermediate.pem" 2>/dev/null
# 2) Expired in 2021.
openssl req -new -newkey rsa:2048 -nodes -keyout "$tmp/old.key" -subj "/O=tlsprobe tests/CN=old.example.test" -out "$tmp/old.csr" 2>/dev/null
openssl ca -batch -config "$tmp/ca.cnf" -in "$tmp/old.csr" -startdate 20200101000000Z -enddate 20210101000000Z \
  -extfile "$tmp/ext.cnf" -extensions server -notext -out "$tmp/expired.pem" 2>/dev/null
cat "$tmp/expired.pem" "$out/issuing-ca.pem" > "$out/expired-chain.pem"
# 3) A self-signed server certificate.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/self.key" -subj "/CN=self.example.test" -days $DAYS -sha256 \
  -addext "subjectAltName=DNS:self.example.test" -addext "extendedKeyUsage=serverAuth" -out "$out/self-signed.pem" 2>/dev/null
# 4) Not certificates at all.
: > "$out/empty.pem"
printf '<html><body>Not found</body></html>\n' > "$out/not-a-cert.html"
echo "generated into $out:"
ls "$out"
