#!/usr/bin/env bash
# The gateway's SMPP front door (downstream submit_sm -> submit_sm_resp with the gateway's id ->
# routed upstream), written to its own section of docs/benchmarks.md.
#
# ujumbe's simulator upstream (receipts at once); one `ujumbe gateway` (in memory) with `smpp:` and a
# user with systemId/password; downstream, one bind at WINDOW in flight, from each of ujumbe's
# client (`ujumbe bench`), jSMPP (JsmppClientLoad) and cloudhopper-smpp (CloudhopperClientLoad):
# submit_sm -> submit_sm_resp messages/s, latency, client CPU and the gateway's CPU per message.
# Then receipts (io.ujumbe.bench.load.GatewayFrontLoad, jSMPP): registered_delivery 1, deliver_sm
# receipts carrying the ids the front gave, receipts/s; RATE paces its submits (default unpaced).
# The same clients also run against the simulator directly ("direct" rows): the front's cost is the
# difference, and the rows check the script's mechanics on a gateway without a front.
# A gateway that rejects the `smpp` key (before the front door exists) makes the front part skip
# with a message; the direct rows still run.
# The incumbent: Kannel has no SMPP server side here (see the section the script writes).
#
# Usage: bench/front.sh [--no-build] [--no-doc]   (environment: MESSAGES (20000), WARMUP (5000),
#        WINDOW (100), BINDS (upstream binds, 2), CLIENTS ("ujumbe jsmpp cloudhopper"), JAVA,
#        RATE (submit_sm/s of the receipts run, default unpaced),
#        UJUMBE_JAR and BENCH_JAR to run other jars than this tree's)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/lib.sh
JAVA="${JAVA:-java}"
MESSAGES="${MESSAGES:-20000}"
WARMUP="${WARMUP:-5000}"
WINDOW="${WINDOW:-100}"
BINDS="${BINDS:-2}"
CLIENTS="${CLIENTS:-ujumbe jsmpp cloudhopper}"
JOPTS=(-Xmx1g -Xms1g -XX:+AlwaysPreTouch) # as in compare.sh: no first touches of the heap in the measured runs
build=1 doc=1
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    --no-doc) doc=0 ;;
    *) echo "front.sh: unknown option $a" >&2; exit 2 ;;
  esac
done
if [[ $build == 1 ]]; then
  echo "front.sh: building ujumbe-cli and ujumbe-bench (tests skipped)..." >&2
  rm -f ujumbe-cli/target/ujumbe.jar ujumbe-cli/target/original-ujumbe.jar
  mvn -q -B -ntp ${MVN_FLAGS:-} -DskipTests -pl ujumbe-cli,ujumbe-bench -am package >&2
fi
work="$(mktemp -d /tmp/ujumbe-front-bench.XXXXXX)"
smsc_pid="" gw_pid=""
cleanup() {
  [[ -n "$gw_pid" ]] && kill "$gw_pid" 2>/dev/null || true
  [[ -n "$smsc_pid" ]] && kill "$smsc_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# Run from copies: a rebuild under a running JVM kills it at its next class load.
# UJUMBE_JAR / BENCH_JAR (with --no-build): measure jars built elsewhere, e.g. another branch's.
cp "${UJUMBE_JAR:-ujumbe-cli/target/ujumbe.jar}" "$work/ujumbe.jar"
cp "${BENCH_JAR:-ujumbe-bench/target/benchmarks.jar}" "$work/benchmarks.jar"

cat > "$work/smsc.yaml" <<'EOF'
receiptDelay: 0s
recordLimit: 0
EOF
"$JAVA" "${JOPTS[@]}" -jar "$work/ujumbe.jar" --log-level WARN smsc --port 0 --config "$work/smsc.yaml" > "$work/smsc.out" 2>&1 &
smsc_pid=$!
for _ in $(seq 1 300); do grep -q '^listening on port' "$work/smsc.out" && break; sleep 0.1; done
smsc_port="$(grep -m1 '^listening on port' "$work/smsc.out" | awk '{print $4}')"

hz="$(getconf CLK_TCK)"
results="$work/results.jsonl"
: > "$results"
# run DOOR PORT PID CLIENT: one client run, appended to $results with the server's CPU per message.
run() {
  local door="$1" port="$2" spid="$3" client="$4"
  local flags=(--port "$port" --system-id bench --password bench --count "$MESSAGES" --warmup "$WARMUP" --window "$WINDOW" --json)
  local cmd
  client_command "$client" "${flags[@]}" || return 1
  local t0 t1 out
  t0="$(cpu_ticks "$spid")"
  if out="$(timeout 300 "${cmd[@]}" 2> "$work/client.err" | tail -n 1)" && [[ "$out" == "{"* ]]; then
    t1="$(cpu_ticks "$spid")"
    local us
    us="$(awk -v a="$t0" -v b="$t1" -v hz="$hz" -v n=$((MESSAGES + WARMUP)) 'BEGIN{printf "%.1f", (b-a)/hz*1e6/n}')"
    echo "${out%\}},\"door\":\"$door\",\"server_cpu_us_per_msg\":$us}" >> "$results"
    echo "  $client -> $door: $(echo "$out" | sed -E 's/.*"throughput_per_s":([0-9.]+).*"p99":([0-9.]+).*/\1 msg\/s, p99 \2 ms/')" >&2
  else
    echo "{\"client\":\"$client\",\"door\":\"$door\",\"error\":\"failed: $(tail -n 2 "$work/client.err" | tr '\n"' ' \047' | cut -c1-200)\"}" >> "$results"
    echo "  $client -> $door: FAILED ($(tail -n 3 "$work/client.err" | tr '\n' ' '))" >&2
  fi
}

load_before="$(uptime | sed 's/.*load average: //')"
echo "front.sh: direct to the simulator (port $smsc_port), window $WINDOW, $MESSAGES messages after $WARMUP" >&2
for c in $CLIENTS; do run simulator "$smsc_port" "$smsc_pid" "$c"; done

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
"$JAVA" "${JOPTS[@]}" -jar "$work/ujumbe.jar" --log-level WARN gateway --config "$work/gateway.yaml" > "$work/gw.out" 2> "$work/gw.err" &
gw_pid=$!
front_port="" skipped=""
for _ in $(seq 1 600); do
  front_port="$(grep -m1 '^gateway SMPP front on port' "$work/gw.out" 2>/dev/null | awk '{print $6}' || true)"
  [[ -n "$front_port" ]] && break
  if ! kill -0 "$gw_pid" 2>/dev/null; then
    skipped="$(grep -v '^\s*$' "$work/gw.err" "$work/gw.out" 2>/dev/null | grep -i -m1 'smpp' | sed 's/^[^:]*://' || true)"
    [[ -z "$skipped" ]] && skipped="the gateway exited at start: $(tail -n 2 "$work/gw.err" | tr '\n' ' ')"
    gw_pid=""
    break
  fi
  sleep 0.1
done
if [[ -z "$front_port" && -z "$skipped" ]]; then skipped="the gateway printed no 'gateway SMPP front on port' line within 60 s"; fi
has_receipt_load=0
if [[ -n "$skipped" ]]; then
  echo "front.sh: SKIPPING the SMPP front: this gateway has no SMPP front door ($skipped)" >&2
else
  gw_http="$(grep -m1 '^gateway on port' "$work/gw.out" | awk '{print $4}')"
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$gw_http/health" > /dev/null 2>&1 && break; sleep 0.1; done
  echo "front.sh: through the gateway's SMPP front (port $front_port), window $WINDOW, $BINDS upstream binds" >&2
  for c in $CLIENTS; do run gateway-front "$front_port" "$gw_pid" "$c"; done
  if python3 -c 'import sys, zipfile; sys.exit(0 if "io/ujumbe/bench/load/GatewayFrontLoad.class" in zipfile.ZipFile(sys.argv[1]).namelist() else 1)' "$work/benchmarks.jar"; then
    has_receipt_load=1
    echo "front.sh: receipts through the front (GatewayFrontLoad, registered_delivery 1)" >&2
    "$JAVA" -Xmx512m -cp "$work/benchmarks.jar" io.ujumbe.bench.load.GatewayFrontLoad --port "$front_port" \
      --system-id bench --password bench --window "$WINDOW" --count "$WARMUP" > /dev/null 2>&1 || true
    t0="$(cpu_ticks "$gw_pid")"
    # It exits 1 when a receipt is missing; its JSON line says how many matched.
    out="$(timeout 300 "$JAVA" -Xmx512m -cp "$work/benchmarks.jar" io.ujumbe.bench.load.GatewayFrontLoad --port "$front_port" \
        --system-id bench --password bench --window "$WINDOW" --count "$MESSAGES" ${RATE:+--rate "$RATE"} 2> "$work/receipts.err" | tail -n 1 || true)"
    if [[ "$out" == "{"* ]]; then
      t1="$(cpu_ticks "$gw_pid")"
      us="$(awk -v a="$t0" -v b="$t1" -v hz="$hz" -v n="$MESSAGES" 'BEGIN{printf "%.1f", (b-a)/hz*1e6/n}')"
      echo "${out%\}},\"door\":\"gateway-front-receipts\",\"server_cpu_us_per_msg\":$us}" >> "$results"
      echo "  $out" >&2
    else
      echo "{\"client\":\"jsmpp-receipts\",\"door\":\"gateway-front-receipts\",\"error\":\"failed\"}" >> "$results"
      echo "  receipts run FAILED: $(tail -n 3 "$work/receipts.err" | tr '\n' ' ')" >&2
    fi
  fi
fi
load_after="$(uptime | sed 's/.*load average: //')"

# The incumbent: is there an SMPP server (Kannel's opensmppbox) to put beside the front?
incumbent="$( (apt-cache policy opensmppbox 2>/dev/null | grep -q 'Candidate: [0-9]' && echo "opensmppbox is in this machine's package archive but not measured by this script") \
  || echo "Kannel (bearerbox/smsbox) has no SMPP server side; its SMPP front, opensmppbox, is not in this machine's Debian archive (\`apt-cache policy opensmppbox\` finds nothing) and no SMPP server is installed (\`ls /usr/sbin | grep -i smpp\`: $(ls /usr/sbin | grep -i smpp | tr '\n' ' ' || true)none), so there is no incumbent row")"

section="$work/section.md"
python3 - "$results" "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'))" \
  "$("$JAVA" -version 2>&1 | head -n 1)" "$load_before" "$load_after" "$skipped" "$incumbent" \
  "${UJUMBE_JAR:+UJUMBE_JAR=$UJUMBE_JAR }${BENCH_JAR:+BENCH_JAR=$BENCH_JAR }MESSAGES=$MESSAGES WARMUP=$WARMUP WINDOW=$WINDOW BINDS=$BINDS bench/front.sh" > "$section" <<'PY'
import json, sys
res, when, machine, jdk, before, after, skipped, incumbent, cmd = sys.argv[1:]
rows = [json.loads(l) for l in open(res) if l.strip()]
print("## Gateway SMPP front (written by bench/front.sh)")
print()
print(f"- Date: {when}; machine: {machine}; {jdk}; load average before / after: `{before}` / `{after}` (shared machine)")
print(f"- Command: `{cmd}`. ujumbe's simulator upstream (receipts at once, `recordLimit: 0`); one `ujumbe gateway` "
      f"(state in memory, one connector of {cmd.split('BINDS=')[1].split()[0]} transceiver binds, window 100 each, `smpp: {{port: 0}}`, one user with "
      "`systemId`/`password`); downstream one bind at the window, 20-character GSM submit_sm, no receipts, the warm-up "
      "first and not measured. *direct* rows: the same clients against the simulator itself. Server CPU: the gateway "
      "process (or the simulator for direct rows) over warm-up and run, per message.")
print(f"- Incumbent: {incumbent}.")
if skipped:
    print(f"- **Front skipped**: this build's gateway has no SMPP front door ({skipped}).")
print()
print("| door | client | msg/s (submit → submit_sm_resp) | p50 ms | p99 ms | max ms | client CPU µs/msg | server CPU µs/msg | count |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for r in rows:
    if "error" in r:
        print(f"| {r['door']} | {r['client']} | {r['error']} | | | | | | |")
    elif r["door"] == "gateway-front-receipts":
        continue
    else:
        l = r["latency_ms"]
        print(f"| {r['door']} | {r['client']} | {r['throughput_per_s']:,.0f} | {l['p50']:.2f} | {l['p99']:.2f} | {l['max']:.1f} | "
              f"{r['cpu_us_per_msg']:.1f} | {r['server_cpu_us_per_msg']:.1f} | {r['count']:,} |")
rec = [r for r in rows if r.get("door") == "gateway-front-receipts" and "error" not in r]
if rec:
    r = rec[0]
    print()
    print("With receipts (`io.ujumbe.bench.load.GatewayFrontLoad`: jSMPP transceiver, registered_delivery 1, receipts matched "
          "to the ids the front gave):")
    print()
    print("| messages | window | submit → resp msg/s | receipts matched | receipts/s (first submit → last receipt) | gateway CPU µs/msg |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    print(f"| {r['messages']:,} | {r['window']} | {r['messagesPerSecond']:,.0f} | {r['receiptsMatched']:,} | {r['receiptsPerSecond']:,.0f} | {r['server_cpu_us_per_msg']} |")
PY
cat "$section"
if [[ $doc == 1 ]]; then
  write_section front.sh "$section"
fi
