#!/bin/sh
# Capture analyzer speed and memory: builds a >1 GB capture from real recorded handshakes
# (captures/ and ../shared/captures-public, replicated with new addresses and shifted times),
# times tlsprobe (-Xmx256m) and tshark on it, prints packets/s, MB/s and the ratio, deletes the file.
# Options: -Dbench.bytes=N (file size, default 1.1e9), -Dbench.runs=N (runs of ours, median taken).
set -e
cd "$(dirname "$0")/.."
[ -f target/tlsprobe.jar ] || mvn -B -q -o package -DskipTests
exec mvn -B -o test -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=CaptureBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
