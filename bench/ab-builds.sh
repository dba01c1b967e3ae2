#!/bin/bash
# Interleaved A/B timing of several checkouts' bin/tlsprobe on one capture, so that the shared machine's
# drift (10-20% from one minute to the next) hits every build alike. Each run must exit 0 or 1 and print
# as many bytes as the first run of the first checkout, or it is flagged: a build that fails fast is not
# a fast build.
#   bench/ab-builds.sh RUNS CAPTURE DIR_A DIR_B ...   (each DIR a built checkout: DIR/bin/tlsprobe)
#   ARGS="--format json" bench/ab-builds.sh 5 big.pcap ../a ../b
# Prints, per checkout, the median and minimum wall clock and CPU (user+sys) seconds, with a 256 MB heap.
set -u
if [ $# -lt 3 ]; then
  echo "usage: $0 RUNS CAPTURE DIR..." >&2
  exit 2
fi
runs=$1
capture=$(realpath "$2") # each run starts in its own checkout
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for d in "$@"; do
  # one untimed run each: the launcher makes its class-data-sharing archive
  (cd "$d" && bin/tlsprobe analyze "$capture" >/dev/null 2>&1)
done
ref=
for ((i = 0; i < runs; i++)); do
  k=0
  for d in "$@"; do
    # shellcheck disable=SC2086 # ARGS are words on purpose
    (cd "$d" && JDK_JAVA_OPTIONS=-Xmx256m /usr/bin/time -o "$tmp/time" -f "%e %U %S" \
      bin/tlsprobe analyze ${ARGS:-} "$capture" >"$tmp/out" 2>"$tmp/err")
    rc=$?
    size=$(stat -c %s "$tmp/out")
    [ -z "$ref" ] && ref=$size
    if [ "$rc" -gt 1 ] || [ "$size" != "$ref" ]; then
      echo "BAD RUN in $d: exit $rc, $size bytes of output (first run: $ref)" >&2
      tail -3 "$tmp/err" >&2
    fi
    read -r wall user sys < <(tail -1 "$tmp/time")
    echo "$wall $(echo "$user $sys" | awk '{print $1 + $2}')" >>"$tmp/runs.$k"
    k=$((k + 1))
  done
done
k=0
for d in "$@"; do
  wall=$(cut -d' ' -f1 "$tmp/runs.$k" | sort -n | awk '{v[NR] = $1} END {print "median " v[int((NR + 1) / 2)] " min " v[1]}')
  cpu=$(cut -d' ' -f2 "$tmp/runs.$k" | sort -n | awk '{v[NR] = $1} END {print "median " v[int((NR + 1) / 2)] " min " v[1]}')
  echo "wall $wall   cpu $cpu   [$d]"
  k=$((k + 1))
done
