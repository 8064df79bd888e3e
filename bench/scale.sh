#!/usr/bin/env bash
# Scale figures that are not throughput, written to their own section of docs/benchmarks.md:
#  - the client's heap with 1,000,000 messages queued in memory (no SMSC reachable);
#  - ujumbe's simulator with 1,000 bound sessions: heap, RSS and threads per session, CPU idle and
#    under a light paced load spread over all sessions.
# Usage: bench/scale.sh [--no-build]   (environment: MVN_FLAGS, JAVA)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/lib.sh
JAVA="${JAVA:-java}"
if [[ "${1:-}" != "--no-build" ]]; then
  # See compare.sh: a stale shaded ujumbe.jar would keep old library classes.
  rm -f ujumbe-cli/target/ujumbe.jar ujumbe-cli/target/original-ujumbe.jar
  mvn -q -B -ntp ${MVN_FLAGS:-} -DskipTests -pl ujumbe-cli,ujumbe-bench -am package >&2
fi
work="$(mktemp -d)"
smsc_pid=""
trap '[[ -n "$smsc_pid" ]] && kill "$smsc_pid" 2>/dev/null; rm -rf "$work"' EXIT
cp ujumbe-cli/target/ujumbe.jar ujumbe-bench/target/benchmarks.jar "$work/"
printf 'accounts:\n  - systemId: bench\n    password: bench\n' > "$work/smsc.yaml"

echo "scale.sh: client heap with 1,000,000 queued messages" >&2
outbox_json="$("$JAVA" -Xmx2g -cp "$work/benchmarks.jar" io.ujumbe.bench.load.ScaleProbe outbox --messages 1000000 2>/dev/null | tail -n 1)"

echo "scale.sh: simulator with 1,000 bound sessions" >&2
"$JAVA" -Xmx1g -jar "$work/ujumbe.jar" --log-level WARN smsc --port 0 --config "$work/smsc.yaml" > "$work/smsc.out" 2>&1 &
smsc_pid=$!
for _ in $(seq 1 300); do grep -q '^listening on port' "$work/smsc.out" && break; sleep 0.1; done
port="$(grep -m1 '^listening on port' "$work/smsc.out" | awk '{print $4}')"
heap_used_kb() { "${JAVA%java}jcmd" "$smsc_pid" GC.run > /dev/null; "${JAVA%java}jcmd" "$smsc_pid" GC.heap_info | awk '/heap/ && /used/ {for (i=1;i<=NF;i++) if ($i=="used") {gsub(/[K,]/,"",$(i+1)); print $(i+1); exit}}'; }
heap_before="$(heap_used_kb)"
"$JAVA" -Xmx1g -cp "$work/benchmarks.jar" io.ujumbe.bench.load.ScaleProbe sessions --port "$port" --sessions 1000 \
  --smsc-pid "$smsc_pid" --idle-seconds 20 --load-seconds 20 --rate 2000 > "$work/probe.out" 2> "$work/probe.err" &
probe_pid=$!
for _ in $(seq 1 1200); do grep -q '^bound' "$work/probe.err" && break; sleep 0.1; done
heap_bound="$(heap_used_kb)"
wait "$probe_pid"
sessions_json="$(tail -n 1 "$work/probe.out")"

section="$work/section.md"
python3 - "$outbox_json" "$sessions_json" "$heap_before" "$heap_bound" > "$section" <<PY
import json, sys
o = json.loads(sys.argv[1]); s = json.loads(sys.argv[2]); hb = int(sys.argv[3]); hs = int(sys.argv[4])
print("## Scale (written by bench/scale.sh)")
print()
print("- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, load average \`$(uptime | sed 's/.*load average: //')\`; command: \`bench/scale.sh\`")
print()
print("| measure | figure |")
print("| --- | ---: |")
print(f"| client heap, {o['messages']:,} messages queued (InMemoryOutbox, send() futures held, no SMSC) | {o['heap_after_mb']:.0f} MB ({o['bytes_per_message']:.0f} bytes per message) |")
print(f"| client send() rate while queueing | {o['send_per_s']:,.0f} /s |")
print(f"| simulator sessions bound | {s['bound']:,} of {s['sessions']:,} |")
print(f"| simulator heap after GC, before / with the sessions | {hb/1024:.1f} MB / {hs/1024:.1f} MB ({(hs-hb)/max(1,s['bound']):.1f} KB per session) |")
print(f"| simulator RSS, before / with the sessions | {s['smsc_rss_base_mb']:.0f} MB / {s['smsc_rss_mb']:.0f} MB ({s['smsc_rss_kb_per_session']:.1f} KB per session) |")
print(f"| simulator threads with the sessions | {s['smsc_threads']} |")
print(f"| simulator CPU, sessions idle ({s['idle_s']} s, enquire_link every 30 s) | {s['smsc_idle_cpu_pct']:.2f} % of one core ({s['smsc_idle_cpu_us_per_session_s']:.1f} µs per session per second) |")
print(f"| simulator CPU, {s['load_per_s']:,.0f} submit_sm/s spread over all sessions | {s['smsc_load_cpu_pct']:.0f} % of one core ({s['smsc_load_cpu_us_per_msg']:.0f} µs per message) |")
PY
write_section scale.sh "$section"
