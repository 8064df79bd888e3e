#!/usr/bin/env bash
# Side-by-side load benchmark: ujumbe's, cloudhopper-smpp's and jSMPP's clients against ujumbe's
# simulator and against cloudhopper's server, windows 1, 10, 100, 1000; a p99 run at half of
# ujumbe's peak rate; the two codec JMH classes. Client and SMSC run in separate JVMs with the same
# JDK and -Xmx. Writes its section of docs/benchmarks.md (between the compare.sh markers; the rest
# of the file is left as it is) and keeps raw output in bench/results/.
#
# Every run ends by printing, on stdout, ujumbe's throughput and client CPU per message relative to
# cloudhopper-smpp and jSMPP per window, and the targets of issue 14 with PASS/FAIL.
#
# Usage: bench/compare.sh [--quick] [--no-build] [--no-jmh]
#   --quick     the regression check (bench/check.sh): a quarter of the message counts, against
#               ujumbe's simulator only, no paced runs, no JMH; raw results go to /tmp and
#               docs/benchmarks.md is NOT touched. A few minutes on 2 cores.
#   --no-build  use the jars already in ujumbe-cli/target and ujumbe-bench/target
#   --no-jmh    skip the codec benchmarks
# Environment: XMX (default 1g), MVN_FLAGS (e.g. -o), JAVA (default java), WARMUP_SECONDS (the least
# time every client run warms up before it is measured; default 5, 2 with --quick).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/lib.sh
quick=0 build=1 jmh=1
for a in "$@"; do
  case "$a" in
    --quick) quick=1 jmh=0 ;;
    --no-build) build=0 ;;
    --no-jmh) jmh=0 ;;
    *) echo "compare.sh: unknown option $a" >&2; exit 2 ;;
  esac
done
JAVA="${JAVA:-java}"
XMX="${XMX:-1g}"
# AlwaysPreTouch: every JVM here is a fresh one, and without it the first touches of its heap's
# pages fell in the measured runs: 8 % of the simulator's CPU at window 100 was page faults
# (async-profiler, cpu mode, 2026-12-07; 0.2 % with it), which a long-running process has long
# paid. The same flags for every client and SMSC, so no peer is favoured.
JOPTS=(-Xmx"$XMX" -Xms"$XMX" -XX:+AlwaysPreTouch)
# A quarter of the count, then more until this time has passed (io.ujumbe.process.WarmUp): with a
# count alone the fastest client's warm-up ended soonest, and its JIT compiled through its measured run.
WARMUP_SECONDS="${WARMUP_SECONDS:-$([[ $quick == 1 ]] && echo 2 || echo 5)}"
command_line="bench/compare.sh $*"

if [[ $build == 1 ]]; then
  echo "compare.sh: building ujumbe-cli and ujumbe-bench (tests skipped)..." >&2
  # ujumbe-cli's shaded jar replaces its main jar; when the CLI's own classes have not changed, the
  # jar plugin keeps the old shaded jar and the shade step keeps its (stale) library classes.
  rm -f ujumbe-cli/target/ujumbe.jar ujumbe-cli/target/original-ujumbe.jar
  mvn -q -B -ntp ${MVN_FLAGS:-} -DskipTests -pl ujumbe-cli,ujumbe-bench -am package >&2
fi

# Private copies: a rebuild during the run must not change what is measured.
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
cp ujumbe-cli/target/ujumbe.jar "$work/ujumbe.jar"
cp ujumbe-bench/target/benchmarks.jar "$work/benchmarks.jar"
results="$root/bench/results"
if [[ $quick == 1 ]]; then
  # A check, not figures to publish: nothing under bench/ or docs/ changes.
  results="${TMPDIR:-/tmp}/ujumbe-check-$$"
fi
mkdir -p "$results"
raw="$results/compare-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
: > "$raw"

# recordLimit 0: nothing in an `ujumbe smsc` process reads the test record of submissions, and
# cloudhopper's server keeps none either; query/cancel/replace still work (they use the message store).
cat > "$work/smsc.yaml" <<'EOF'
recordLimit: 0
accounts:
  - systemId: bench
    password: bench
EOF

# ---- the two SMSCs, each in its own JVM --------------------------------------------------------
wait_for_line() { # file, prefix -> rest of the line
  for _ in $(seq 1 300); do
    local line
    line="$(grep -m1 "^$2" "$1" 2>/dev/null || true)"
    if [[ -n "$line" ]]; then echo "${line#"$2"}" | tr -d ' '; return 0; fi
    sleep 0.1
  done
  echo "compare.sh: no '$2' in $1:" >&2; cat "$1" >&2; return 1
}

"$JAVA" "${JOPTS[@]}" -jar "$work/ujumbe.jar" --log-level WARN smsc --port 0 --config "$work/smsc.yaml" \
  > "$work/ujumbe-smsc.out" 2> "$work/ujumbe-smsc.err" &
ujumbe_smsc_pid=$!; pids+=("$ujumbe_smsc_pid")
ujumbe_port="$(wait_for_line "$work/ujumbe-smsc.out" "listening on port")"
ch_port=$(( ujumbe_port == 65535 ? 40000 : ujumbe_port + 1 ))
"$JAVA" "${JOPTS[@]}" -cp "$work/benchmarks.jar" io.ujumbe.bench.load.CloudhopperServer --port "$ch_port" \
  > "$work/ch-smsc.out" 2> "$work/ch-smsc.err" &
ch_smsc_pid=$!; pids+=("$ch_smsc_pid")
wait_for_line "$work/ch-smsc.out" "listening on port" > /dev/null

ticks_per_s="$(getconf CLK_TCK)"

# ---- one client run ----------------------------------------------------------------------------
# run CLIENT SERVER PORT SMSC_PID WINDOW COUNT WARMUP [extra flags...]: appends one JSON line to $raw
run() {
  local client="$1" server="$2" port="$3" spid="$4" window="$5" count="$6" warmup="$7"; shift 7
  local flags=(--port "$port" --count "$count" --warmup "$warmup" --warmup-seconds "$WARMUP_SECONDS" --window "$window" --json "$@")
  local cmd
  client_command "$client" "${flags[@]}" || return 1
  local t0 t1 out cpid
  # The SMSC's CPU is read from the client's first measured message (the line WarmUp prints on
  # stderr) to its exit, as the clients' own figures cover their measured runs only: over the warm-up
  # too, the SMSC's figure held the slow start of each client's JVM (fewer PDUs per read).
  : > "$work/client.err"
  timeout 180 "${cmd[@]}" > "$work/client.out" 2> "$work/client.err" &
  cpid=$!
  while kill -0 "$cpid" 2>/dev/null && ! grep -q "^measuring after warm-up:" "$work/client.err"; do sleep 0.01; done
  t0="$(cpu_ticks "$spid")" j0="$(jit_ticks "$spid")"
  if wait "$cpid" && out="$(tail -n 1 "$work/client.out")" && [[ "$out" == "{"* ]]; then
    t1="$(cpu_ticks "$spid")" j1="$(jit_ticks "$spid")"
    # SMSC CPU per measured message, and the same without its JIT compiler threads' time (the
    # SMSC's JVM is still compiling in later runs). A compiler thread that ended during the run
    # takes its ticks out of the sum: never below 0.
    local smsc_us smsc_excl
    read -r smsc_us smsc_excl < <(awk -v a="$t0" -v b="$t1" -v ja="$j0" -v jb="$j1" -v hz="$ticks_per_s" \
      -v n="$count" 'BEGIN{jit = jb > ja ? jb - ja : 0; printf "%.2f %.2f\n", (b-a)/hz*1e6/n, (b-a-jit)/hz*1e6/n}')
    echo "${out%\}},\"server\":\"$server\",\"smsc_cpu_us_per_msg\":$smsc_us,\"smsc_cpu_us_per_msg_excl_jit\":$smsc_excl}" >> "$raw"
    echo "  $client -> $server window $window: $(echo "$out" | sed -E 's/.*"throughput_per_s":([0-9.]+).*"p99":([0-9.]+).*/\1 msg\/s, p99 \2 ms/')" >&2
  else
    echo "{\"client\":\"$client\",\"server\":\"$server\",\"window\":$window,\"count\":$count,\"error\":\"run failed or timed out\"}" >> "$raw"
    echo "  $client -> $server window $window: FAILED ($(tail -n 3 "$work/client.err" | tr '\n' ' '))" >&2
  fi
}

scale() { echo $(( $1 * (quick ? 1 : 4) / 4 )); }

# warm PORT: one discarded run of each client against a fresh SMSC. Each SMSC's JVM compiles its
# hot code during the first runs against it, on the same 2 cores; without this the first client in
# the order (ujumbe, window 1) paid for it: the simulator spent 83 µs per message in that run and
# 26 µs in jSMPP's, the third, with the same load (compare-20261202T201832Z.jsonl).
warm() {
  local port="$1" client cmd
  for client in ujumbe cloudhopper jsmpp; do
    client_command "$client" --port "$port" --count "$(scale 80000)" --warmup "$(scale 20000)" --window 10 --json || return 1
    timeout 180 "${cmd[@]}" > /dev/null 2> "$work/client.err" \
      || echo "compare.sh: warm-up run of $client failed ($(tail -n 3 "$work/client.err" | tr '\n' ' '))" >&2
  done
}
# Counts sized so that a run takes roughly 5-15 s on a 2-core machine; window 1 is bounded by the
# round trip (~10-20k msg/s at best), so it gets fewer messages rather than minutes of runtime.
count_for() {
  case "$1" in
    1) scale 40000 ;;
    10) scale 200000 ;;
    *) scale 400000 ;;
  esac
}

load_before="$(uptime)"
echo "compare.sh: load runs (raw results in $raw)" >&2
servers="ujumbe cloudhopper"
[[ $quick == 1 ]] && servers="ujumbe"
for server in $servers; do
  if [[ $server == ujumbe ]]; then port=$ujumbe_port spid=$ujumbe_smsc_pid; else port=$ch_port spid=$ch_smsc_pid; fi
  echo "compare.sh: warming the $server SMSC (one discarded run per client)" >&2
  if [[ $server == ujumbe ]]; then
    # A simulator that has run a while: its store holds the latest 1,000,000 messages, and during
    # the first million it allocates the blocks it then reuses (io.ujumbe.smsc.MessageRows), which
    # the collector copies while they are young. Without this the first runs (all of --quick's)
    # measured that one-off cost: 3.9 µs per message at window 100 against 0.8-1.3 once filled.
    client_command ujumbe --port "$port" --count 1100000 --warmup 0 --window 100 --json || exit 1
    timeout 180 "${cmd[@]}" > /dev/null 2> "$work/client.err" \
      || echo "compare.sh: filling the simulator's store failed ($(tail -n 3 "$work/client.err" | tr '\n' ' '))" >&2
  fi
  warm "$port"
  for window in 1 10 100 1000; do
    for client in ujumbe cloudhopper jsmpp; do
      count="$(count_for "$window")"
      run "$client" "$server" "$port" "$spid" "$window" "$count" $(( count / 4 ))
    done
  done
done

# ---- p99 at half of ujumbe's peak (against ujumbe's simulator) ---------------------------------
peak="$(python3 - "$raw" <<'EOF'
import json, sys
best = 0
for line in open(sys.argv[1]):
    d = json.loads(line)
    if d.get("client") == "ujumbe" and d.get("server") == "ujumbe" and "throughput_per_s" in d:
        best = max(best, d["throughput_per_s"])
print(int(best))
EOF
)"
half=$(( peak / 2 ))
(( quick == 0 )) && echo "compare.sh: paced runs at $half msg/s (half of ujumbe's peak $peak)" >&2
if (( half > 0 && quick == 0 )); then
  for client in ujumbe cloudhopper jsmpp; do
    count=$(( half * (quick ? 1 : 10) ))
    run "$client" ujumbe-paced "$ujumbe_port" "$ujumbe_smsc_pid" 100 "$count" $(( count / 4 )) --rate "$half"
  done
fi
load_after="$(uptime)"

# ---- codec JMH ---------------------------------------------------------------------------------
jmh_csv="$work/jmh.csv"
if [[ $jmh == 1 ]]; then
  echo "compare.sh: JMH codec benchmarks" >&2
  "$JAVA" -jar "$work/benchmarks.jar" '(CodecBenchmark|CloudhopperCodecBenchmark)\.' -wi 3 -i 5 -w 1 -r 1 -f 1 \
    -rf csv -rff "$jmh_csv" > "$work/jmh.out" 2>&1 || { echo "compare.sh: JMH failed" >&2; tail "$work/jmh.out" >&2; }
  cp "$jmh_csv" "$results/jmh-$(basename "$raw" .jsonl).csv" 2>/dev/null || true
fi

# ---- the summary on stdout: ratios against both peers and the targets (issue 14) ----------------
summary() {
  python3 - "$raw" "$load_before" "$load_after" <<'PY'
import json, sys
raw, before, after = sys.argv[1:4]
rows = [json.loads(l) for l in open(raw) if l.strip()]
def get(client, window, server="ujumbe"):
    for r in rows:
        if r.get("server") == server and r.get("client") == client and r.get("window") == window and "throughput_per_s" in r:
            return r
    return None
print()
print("ujumbe's throughput relative to cloudhopper-smpp and jSMPP, against ujumbe's simulator, and the peers' client CPU per message as a multiple of ujumbe's (higher is better for ujumbe in both)")
print(f"  raw: {raw}")
print(f"  load average before / after: {before.split('load average: ')[-1]} / {after.split('load average: ')[-1]}")
import os
if float(before.split('load average: ')[-1].split(',')[0]) > os.cpu_count():
    print(f"  WARNING: the 1-minute load average was above the {os.cpu_count()} cores before the runs: the figures are the machine's, not ujumbe's")
# A client's CPU per message without its JIT compiler threads' time during the run (the one-off
# cost of compiling, which a fresh JVM pays for seconds, on the same cores); the process total
# where a harness could not tell (not Linux).
steady = lambda r: r.get("cpu_us_per_msg_excl_jit", r["cpu_us_per_msg"])
for w in (1, 10, 100, 1000):
    u, c, j = get("ujumbe", w), get("cloudhopper", w), get("jsmpp", w)
    if not u:
        print(f"  w{w}: ujumbe run missing")
        continue
    t = lambda o: f"{u['throughput_per_s'] / o['throughput_per_s']:.1f}×" if o else "n/a"
    cpu = lambda o: f"{steady(o) / steady(u):.1f}×" if o and steady(u) > 0 else "n/a"
    p99 = lambda o: f"{o['latency_ms']['p99']:.2f}" if o else "n/a"
    print(f"  w{w}: {t(c)} cloudhopper, {t(j)} jsmpp (ujumbe {u['throughput_per_s']:,.0f}/s)"
          f" | client CPU/msg without JIT: cloudhopper's {cpu(c)}, jsmpp's {cpu(j)} ujumbe's {steady(u):.1f} µs"
          f" ({u['cpu_us_per_msg']:.1f} with it)"
          f" | p99 ms: ujumbe {p99(u)}, cloudhopper {p99(c)}, jsmpp {p99(j)}")
print()
print("Targets (issue 14):")
def line(name, ok, detail):
    print(f"  {'PASS' if ok else 'FAIL' if ok is not None else 'n/a '}  {name}: {detail}")
u100, u1000, u1 = get("ujumbe", 100), get("ujumbe", 1000), get("ujumbe", 1)
line("client CPU <= 2.5 µs/msg at w100 (without the JIT compiler's time)", u100 and steady(u100) <= 2.5,
     f"{steady(u100):.2f} µs/msg ({u100['cpu_us_per_msg']:.2f} with the JIT compiler's {u100.get('cpu_jit_s', 0):.1f} s)"
     if u100 else "no run")
smsc_steady = lambda r: r.get("smsc_cpu_us_per_msg_excl_jit", r["smsc_cpu_us_per_msg"])
line("simulator CPU <= 1 µs/msg at w100 (without the JIT compiler's time)", u100 and smsc_steady(u100) <= 1.0,
     f"{smsc_steady(u100):.2f} µs/msg ({u100['smsc_cpu_us_per_msg']:.2f} with it)" if u100 else "no run")
c100, j100 = get("cloudhopper", 100), get("jsmpp", 100)
if u100 and c100 and j100:
    rc, rj = u100["throughput_per_s"] / c100["throughput_per_s"], u100["throughput_per_s"] / j100["throughput_per_s"]
    line(">= 5x both peers' throughput at w100", rc >= 5 and rj >= 5, f"{rc:.1f}× cloudhopper, {rj:.1f}× jsmpp")
else:
    line(">= 5x both peers' throughput at w100", None, "a run is missing")
line(">= 400,000 msg/s at w1000", u1000 and u1000["throughput_per_s"] >= 400_000,
     f"{u1000['throughput_per_s']:,.0f}/s" if u1000 else "no run")
c1, j1 = get("cloudhopper", 1), get("jsmpp", 1)
peers = [p for p in (c1, j1) if p]
if u1 and peers:
    f = max(peers, key=lambda p: p["throughput_per_s"])
    ok = u1["throughput_per_s"] >= f["throughput_per_s"] and u1["latency_ms"]["p99"] < f["latency_ms"]["p99"]
    line("w1 >= the faster peer's throughput, with a lower p99", ok,
         f"ujumbe {u1['throughput_per_s']:,.0f}/s p99 {u1['latency_ms']['p99']:.2f} ms; "
         f"{f['client']} {f['throughput_per_s']:,.0f}/s p99 {f['latency_ms']['p99']:.2f} ms")
else:
    line("w1 >= the faster peer's throughput, with a lower p99", None, "a run is missing")
PY
}

if [[ $quick == 1 ]]; then
  echo "compare.sh --quick: docs/benchmarks.md left as it is (a check, not published figures)" >&2
  summary
  exit 0
fi

# ---- the section of docs/benchmarks.md ---------------------------------------------------------
machine_cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
machine_ram="$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
jdk="$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.vm.name|java.runtime.version/ {printf "%s ", $2}')"
section="$work/section.md"
python3 - "$raw" "$jmh_csv" > "$section" <<EOF
import json, sys, os, csv
raw, jmh = sys.argv[1], sys.argv[2]
rows = [json.loads(l) for l in open(raw)]
print("## Load: ujumbe vs cloudhopper-smpp vs jSMPP (written by bench/compare.sh)")
print()
print("- Date: $(date -u '+%Y-%m-%d %H:%M UTC')")
print("- Machine: $(nproc) cores, ${machine_cpu}, ${machine_ram} RAM; JDK: ${jdk}")
print("- Load average before / after the load runs: \`${load_before##*load average: }\` / \`${load_after##*load average: }\` (the machine is shared; figures move with it)")
print("- Command: \`${command_line}\` (JVM flags for every client and SMSC: \`${JOPTS[*]}\`)")
print("- Each run: one session, the given window, 20-character GSM submit_sm, no receipts; first a warm-up, not measured: a quarter of the count, then more until ${WARMUP_SECONDS} s have passed (the same time for every client; see io.ujumbe.process.WarmUp).")
print("  Latency is submit to submit_sm_resp as the application sees it. Client CPU is the client process during the measured run,")
print("  and in brackets the same without its JIT compiler threads (C1, C2), which compile the hot code for seconds in every fresh client JVM;")
print("  SMSC CPU is the SMSC process from the client's first measured message to its exit, per measured message, and in brackets the same without its JIT compiler threads.")
print()
def table(server, title):
    sel = [r for r in rows if r.get("server") == server]
    if not sel:
        return
    print("### " + title)
    print()
    print("| window | client | msg/s | p50 ms | p90 ms | p99 ms | max ms | client CPU µs/msg (without JIT) | SMSC CPU µs/msg (without JIT) | count |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in sel:
        if "error" in r:
            print(f"| {r['window']} | {r['client']} | {r['error']} | | | | | | | {r['count']} |")
            continue
        l = r["latency_ms"]
        # No f-string inside an f-string with the same quotes: Python before 3.12 rejects it.
        excl = " (%.1f)" % r["cpu_us_per_msg_excl_jit"] if "cpu_us_per_msg_excl_jit" in r else ""
        smsc_excl = " (%.1f)" % r["smsc_cpu_us_per_msg_excl_jit"] if "smsc_cpu_us_per_msg_excl_jit" in r else ""
        print(f"| {r['window']} | {r['client']} | {r['throughput_per_s']:,.0f} | {l['p50']:.2f} | {l['p90']:.2f} | {l['p99']:.2f} | {l['max']:.1f} | {r['cpu_us_per_msg']:.1f}{excl} | {r['smsc_cpu_us_per_msg']:.1f}{smsc_excl} | {r['count']:,} |")
    print()
table("ujumbe", "Against ujumbe's simulator (\`ujumbe smsc\`)")
table("cloudhopper", "Against cloudhopper-smpp's server (\`CloudhopperServer\`)")
table("ujumbe-paced", "Paced at half of ujumbe's peak rate, against ujumbe's simulator (window 100, \`--rate\`)")
def ratio(server, window, other):
    u = [r for r in rows if r.get("server") == server and r.get("window") == window and r.get("client") == "ujumbe" and "throughput_per_s" in r]
    o = [r for r in rows if r.get("server") == server and r.get("window") == window and r.get("client") == other and "throughput_per_s" in r]
    return f"{u[0]['throughput_per_s'] / o[0]['throughput_per_s']:.1f}×" if u and o else "n/a"
print("### ujumbe's throughput relative to the others")
print()
print("| SMSC | window | vs cloudhopper | vs jSMPP |")
print("| --- | ---: | ---: | ---: |")
for server in ("ujumbe", "cloudhopper"):
    for w in (1, 10, 100, 1000):
        print(f"| {server} | {w} | {ratio(server, w, 'cloudhopper')} | {ratio(server, w, 'jsmpp')} |")
print()
if os.path.exists(jmh) and os.path.getsize(jmh) > 0:
    print("### Codec (JMH, average ns/op, lower is better; same PDUs, byte-identical encodings)")
    print()
    res = {}
    for r in csv.DictReader(open(jmh)):
        cls, name = r["Benchmark"].rsplit(".", 1)
        res.setdefault(name, {})[cls.rsplit(".", 1)[-1]] = (float(r["Score"]), r["Score Error (99.9%)"])
    print("| operation | ujumbe ns/op | cloudhopper ns/op |")
    print("| --- | ---: | ---: |")
    for name, v in res.items():
        u = v.get("CodecBenchmark"); c = v.get("CloudhopperCodecBenchmark")
        fmt = lambda x: f"{x[0]:.1f} ± {float(x[1]):.1f}" if x and x[1] not in ("", "NaN") else (f"{x[0]:.1f}" if x else "n/a")
        print(f"| {name} | {fmt(u)} | {fmt(c)} |")
    print()
print(f"Raw results: \`bench/results/{os.path.basename(raw)}\`.")
EOF

write_section compare.sh "$section"
summary
