#!/usr/bin/env bash
# Throughput through the gateway's SMPP front door, for docs/benchmarks.md ("Gateway SMPP front"):
# ujumbe's simulator upstream (receipts at once), one `ujumbe gateway` (in memory) with `smpp:`,
# and a jSMPP transceiver (io.ujumbe.bench.load.GatewayFrontLoad) submitting MESSAGES submit_sm with
# registered_delivery 1, WINDOW in flight, counting the receipts that carry the ids it was given.
# Three processes on one machine. Usage: bench/gateway-smpp.sh [--no-build]
# (environment: MESSAGES (default 20000), WARMUP (2000), WINDOW (100), RATE (submit_sm/s, default unpaced),
#  BINDS (upstream binds, 2), JAVA)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
JAVA="${JAVA:-java}"
MESSAGES="${MESSAGES:-20000}"
WARMUP="${WARMUP:-2000}"
WINDOW="${WINDOW:-100}"
BINDS="${BINDS:-2}"
if [[ "${1:-}" != "--no-build" ]]; then
  mvn -q -B -ntp ${MVN_FLAGS:-} -DskipTests -pl ujumbe-cli,ujumbe-bench -am package >&2
fi
work="$(mktemp -d /tmp/ujumbe-gwsmpp-XXXXXX)"
smsc_pid=""
gw_pid=""
cleanup() {
  [[ -n "$gw_pid" ]] && kill "$gw_pid" 2>/dev/null || true
  [[ -n "$smsc_pid" ]] && kill "$smsc_pid" 2>/dev/null || true
  [[ -n "${KEEP_LOGS:-}" ]] && cp "$work"/*.err "$work"/*.out "$KEEP_LOGS"/ 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# Run from copies: a rebuild under a running JVM kills it at its next class load.
cp ujumbe-cli/target/ujumbe.jar ujumbe-bench/target/benchmarks.jar "$work/"
printf 'receiptDelay: 0s\n' > "$work/smsc.yaml"
"$JAVA" -Xmx512m -jar "$work/ujumbe.jar" --log-level WARN smsc --port 0 --config "$work/smsc.yaml" > "$work/smsc.out" 2>&1 &
smsc_pid=$!
for _ in $(seq 1 300); do grep -q '^listening on port' "$work/smsc.out" && break; sleep 0.1; done
smsc_port="$(grep -m1 '^listening on port' "$work/smsc.out" | awk '{print $4}')"
cat > "$work/gateway.yaml" <<YAML
http: {port: 0}
smpp: {port: 0}
connectors:
  - {name: sim, host: 127.0.0.1, port: $smsc_port, systemId: bench, password: bench, binds: $BINDS, windowSize: 100}
routes:
  - {connector: sim}
users:
  - {name: bench, apiKey: k-bench-123, systemId: bench, password: bench, smppWindow: $((WINDOW * 2))}
YAML
"$JAVA" -Xmx1g -jar "$work/ujumbe.jar" --log-level INFO gateway --config "$work/gateway.yaml" > "$work/gw.out" 2> "$work/gw.err" &
gw_pid=$!
for _ in $(seq 1 300); do grep -q '^gateway SMPP front on port' "$work/gw.out" && break; sleep 0.1; done
gw_port="$(grep -m1 '^gateway on port' "$work/gw.out" | awk '{print $4}')"
front_port="$(grep -m1 '^gateway SMPP front on port' "$work/gw.out" | awk '{print $6}')"
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$gw_port/health" > /dev/null 2>&1 && break; sleep 0.1; done
load() {
  "$JAVA" -Xmx512m -cp "$work/benchmarks.jar" io.ujumbe.bench.load.GatewayFrontLoad --port "$front_port" \
    --system-id bench --password bench --window "$WINDOW" --count "$1" ${RATE:+--rate "$RATE"}
}
if [[ "$WARMUP" -gt 0 ]]; then
  echo "gateway-smpp.sh: warm-up, $WARMUP messages" >&2
  load "$WARMUP" >&2 || echo "gateway-smpp.sh: the warm-up did not get every receipt" >&2
fi
echo "gateway-smpp.sh: $MESSAGES messages, window $WINDOW, $BINDS upstream binds" >&2
load "$MESSAGES" 2> "$work/load.err" || { cat "$work/load.err" >&2; for id in $(grep -o 'no receipt for .*' "$work/load.err" | awk '{print $4}'); do
  curl -s -H 'Authorization: Bearer k-bench-123' "http://127.0.0.1:$gw_port/v1/messages/$id" >&2; echo >&2; done; }
curl -s "http://127.0.0.1:$gw_port/health" >&2; echo >&2
