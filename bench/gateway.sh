#!/usr/bin/env bash
# Gateway throughput, written to its own section of docs/benchmarks.md: ujumbe's simulator upstream
# (receipts at once), one `ujumbe gateway` (in memory), and bench/gateway/GatewayBench.java posting
# messages with every callback asked for, at a few concurrencies.
# With Debian's kannel installed (bearerbox, smsbox), the same load also goes through Kannel's
# /cgi-bin/sendsms and ujumbe's, side by side, against the same simulator.
# Usage: bench/gateway.sh [--no-build]   (environment: MESSAGES (default 5000), WARMUP (3000),
#        CONCURRENCY ("8 64"), KANNEL (auto: 1 when bearerbox is on the PATH), JAVA)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/lib.sh
JAVA="${JAVA:-java}"
MESSAGES="${MESSAGES:-5000}"
CONCURRENCY="${CONCURRENCY:-4 32}"
WARMUP="${WARMUP:-3000}"
KANNEL="${KANNEL:-$(command -v bearerbox > /dev/null && echo 1 || echo 0)}"
# The JDK HttpClient starts a thread per completed call when the common pool has one thread (2 cores).
FJP="-Djava.util.concurrent.ForkJoinPool.common.parallelism=4"
if [[ "${1:-}" != "--no-build" ]]; then
  rm -f ujumbe-cli/target/ujumbe.jar ujumbe-cli/target/original-ujumbe.jar
  mvn -q -B -ntp ${MVN_FLAGS:-} -DskipTests -pl ujumbe-cli -am package >&2
fi
work="$(mktemp -d)"
smsc_pid=""
gw_pid=""
bb_pid=""
sb_pid=""
cleanup() {
  [[ -n "$sb_pid" ]] && kill "$sb_pid" 2>/dev/null || true
  [[ -n "$bb_pid" ]] && kill "$bb_pid" 2>/dev/null || true
  [[ -n "$gw_pid" ]] && kill "$gw_pid" 2>/dev/null || true
  [[ -n "$smsc_pid" ]] && kill "$smsc_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
cp ujumbe-cli/target/ujumbe.jar "$work/"
printf 'receiptDelay: 0s\n' > "$work/smsc.yaml"
"$JAVA" -Xmx512m -jar "$work/ujumbe.jar" --log-level WARN smsc --port 0 --config "$work/smsc.yaml" > "$work/smsc.out" 2>&1 &
smsc_pid=$!
for _ in $(seq 1 300); do grep -q '^listening on port' "$work/smsc.out" && break; sleep 0.1; done
smsc_port="$(grep -m1 '^listening on port' "$work/smsc.out" | awk '{print $4}')"
cat > "$work/gateway.yaml" <<YAML
http: {port: 0}
connectors:
  - {name: sim, host: 127.0.0.1, port: $smsc_port, systemId: bench, password: bench, binds: 2, windowSize: 100}
routes:
  - {connector: sim}
users:
  - {name: bench, apiKey: k-bench-123, password: bench}
YAML
"$JAVA" -Xmx1g $FJP -jar "$work/ujumbe.jar" --log-level WARN gateway --config "$work/gateway.yaml" > "$work/gw.out" 2> "$work/gw.err" &
gw_pid=$!
for _ in $(seq 1 300); do grep -q '^gateway on port' "$work/gw.out" && break; sleep 0.1; done
gw_port="$(grep -m1 '^gateway on port' "$work/gw.out" | awk '{print $4}')"
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$gw_port/health" > /dev/null 2>&1 && break; sleep 0.1; done

results="$work/results.jsonl"
"${JAVA%java}javac" -d "$work/bench" "$root/bench/gateway/GatewayBench.java"
bench() { "$JAVA" $FJP -cp "$work/bench" GatewayBench --messages "$MESSAGES" --warmup "$WARMUP" "$@" | tail -n 1 | tee -a "$results" >&2; }
for c in $CONCURRENCY; do
  echo "gateway.sh: ujumbe JSON API, $MESSAGES messages, $c requests in flight" >&2
  bench --url "http://127.0.0.1:$gw_port" --concurrency "$c" --label "ujumbe /v1/messages"
done
# The gateway's own callback timer (a sliding window: read it while the JSON runs are recent).
metrics="$(curl -s "http://127.0.0.1:$gw_port/metrics" | grep '^ujumbe_gateway_callback_latency_seconds{' || true)"
if [[ "$KANNEL" == 1 ]]; then
  for c in $CONCURRENCY; do
    echo "gateway.sh: ujumbe's Kannel API, $c requests in flight" >&2
    bench --kannel --url "http://127.0.0.1:$gw_port" --concurrency "$c" --label "ujumbe /cgi-bin/sendsms"
  done
  read -r kadmin kbox ksend < <(python3 -c 'import socket
ps=[]
for _ in range(3):
    s=socket.socket(); s.bind(("127.0.0.1",0)); ps.append(s)
print(*[s.getsockname()[1] for s in ps])')
  cat > "$work/kannel.conf" <<KCONF
group = core
admin-port = $kadmin
admin-password = bench
smsbox-port = $kbox
log-level = 2
log-file = "$work/bearerbox.log"
dlr-storage = internal

group = smsc
smsc = smpp
smsc-id = sim
host = 127.0.0.1
port = $smsc_port
transceiver-mode = true
smsc-username = bench
smsc-password = bench
system-type = ""
source-addr-ton = 5
source-addr-npi = 0
max-pending-submits = 100

group = smsbox
bearerbox-host = 127.0.0.1
sendsms-port = $ksend
log-file = "$work/smsbox.log"
log-level = 2
max-pending-requests = 4096

group = sendsms-user
username = bench
password = bench
max-messages = 10
KCONF
  bearerbox -v 4 "$work/kannel.conf" > "$work/bb.out" 2>&1 &
  bb_pid=$!
  sleep 2
  smsbox -v 4 "$work/kannel.conf" > "$work/sb.out" 2>&1 &
  sb_pid=$!
  for _ in $(seq 1 100); do curl -s "http://127.0.0.1:$ksend/" > /dev/null 2>&1 && break; sleep 0.1; done
  sleep 2
  for c in $CONCURRENCY; do
    echo "gateway.sh: Kannel $(dpkg-query -W -f='${Version}' kannel 2>/dev/null), $c requests in flight" >&2
    bench --kannel --url "http://127.0.0.1:$ksend" --concurrency "$c" --label "Kannel $(dpkg-query -W -f='${Version}' kannel 2>/dev/null) smsbox"
  done
fi

section="$work/section.md"
when="$(date -u '+%Y-%m-%d %H:%M UTC')"
machine="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), load average $(uptime | sed 's/.*load average: //')"
jdk="$("$JAVA" -version 2>&1 | head -n 1)"
python3 - "$results" "$metrics" "$when" "$machine" "$jdk" "$MESSAGES" "$CONCURRENCY" "$WARMUP" > "$section" <<'PY'
import json, sys
res, metrics, when, machine, jdk, messages, conc, warmup = sys.argv[1:]
rows = [json.loads(l) for l in open(res) if l.strip()]
print("## Gateway (written by bench/gateway.sh)")
print()
print(f"- Date: {when}; machine: {machine}; {jdk}")
print(f"- Command: `MESSAGES={messages} WARMUP={warmup} CONCURRENCY='{conc}' bench/gateway.sh`: ujumbe's simulator "
      "(receipts at once) <- one `ujumbe gateway` (state in memory, one connector of 2 transceiver binds, window 100 each) or Kannel's bearerbox + "
      "smsbox (same simulator, one SMPP transceiver, max-pending-submits 100) <- `bench/gateway/GatewayBench.java` (JDK "
      "HttpClient, HTTP/1.1) sending one message per request and asking for the SMSC-acceptance and delivery callbacks "
      "(JSON API: `dlrLevel: all`; Kannel API: `dlr-mask=9`, `dlr-url` with `%d`) at a receiver in the same program, "
      "after a warm-up of the same kind; servers, simulator and load share the machine.")
print("- requests/s in: 202s per second of the POST phase; messages/s out: SMSC acceptances per second (counted by their "
      "callbacks); latencies from the 202 to the callback's arrival at the receiver.")
print()
print("| server and API | requests in flight | requests/s in | messages/s out | SMSC-accepted callback p50 / p99 | delivered callback p50 / p99 | HTTP failures |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for r in rows:
    print(f"| {r['label']} | {r['concurrency']} | {r['requests_per_s']:,.0f} | {r['messages_out_per_s']:,.0f} | "
          f"{r['accepted_cb_p50_ms']:.1f} / {r['accepted_cb_p99_ms']:.1f} ms | "
          f"{r['delivered_cb_p50_ms']:.1f} / {r['delivered_cb_p99_ms']:.1f} ms | {r['http_failures']} |")
m = metrics.strip()
if m:
    parts = []
    for l in m.splitlines():
        q = l.split('quantile="')[1].split('"')[0]
        parts.append(f"p{float(q)*100:g} = {float(l.split()[-1])*1000:.1f} ms")
    print()
    print("The gateway's own timer (from the event to the receiver's 2xx, every run): " + ", ".join(parts))
PY
write_section gateway.sh "$section"
cat "$section"
