#!/usr/bin/env bash
# vumi2 AMQP path (`ujumbe vumi2`): ujumbe-bench's io.ujumbe.bench.amqp.Vumi2AmqpLoad against a
# broker this script starts for itself, written to its own section of docs/benchmarks.md.
#
# Broker: RabbitMQ when installed (RABBITMQ_SERVER, /usr/lib/rabbitmq/bin/rabbitmq-server or the
# PATH), as its own node -- own node name, AMQP and distribution ports, data, log and config
# directories in a temporary directory, no plugins -- the way ujumbe-amqp's tests start it
# (AmqpBroker); otherwise (or with BROKER=qpid) Apache Qpid Broker-J, the tests' embedded broker,
# from ujumbe-amqp's test classpath.
# Each run: COUNT vumi2 messages preloaded on <transport>.outbound, then the transport (in-process
# simulator upstream, one bind, window 100) runs until the COUNT-th ack event (messages/s); then,
# with the transport running, LATENCY_COUNT more published with at most INFLIGHT unacknowledged,
# publish -> ack event p50/p90/p99.
#
# Usage: bench/vumi2.sh [--no-build] [--no-doc]   (environment: COUNT (20000), LATENCY_COUNT
#        (10000), INFLIGHT ("10 100"), PREFETCH (500), BROKER (auto|rabbitmq|qpid), JAVA)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/lib.sh
JAVA="${JAVA:-java}"
COUNT="${COUNT:-20000}"
LATENCY_COUNT="${LATENCY_COUNT:-10000}"
INFLIGHT="${INFLIGHT:-10 100}"
PREFETCH="${PREFETCH:-500}"
BROKER="${BROKER:-auto}"
build=1 doc=1
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    --no-doc) doc=0 ;;
    *) echo "vumi2.sh: unknown option $a" >&2; exit 2 ;;
  esac
done

rabbit=""
if [[ "$BROKER" != qpid ]]; then
  if [[ -n "${RABBITMQ_SERVER:-}" ]]; then rabbit="$RABBITMQ_SERVER"
  # Debian's /usr/sbin/rabbitmq-server switches to the rabbitmq user; the real script runs as us.
  elif [[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]]; then rabbit=/usr/lib/rabbitmq/bin/rabbitmq-server
  elif command -v rabbitmq-server > /dev/null; then rabbit="$(command -v rabbitmq-server)"
  fi
  if [[ -z "$rabbit" && "$BROKER" == rabbitmq ]]; then
    echo "vumi2.sh: BROKER=rabbitmq but no rabbitmq-server found (apt-get install rabbitmq-server, or set RABBITMQ_SERVER)" >&2
    exit 1
  fi
fi

if [[ $build == 1 ]]; then
  echo "vumi2.sh: building ujumbe-bench (tests skipped)..." >&2
  mvn -q -B -ntp ${MVN_FLAGS:-} -DskipTests -pl ujumbe-bench -am package >&2
fi
work="$(mktemp -d /tmp/ujumbe-vumi2-bench.XXXXXX)"
broker_pgid=""
cleanup() {
  # The broker runs in its own process group (setsid): its script, the Erlang VM and their children.
  if [[ -n "$broker_pgid" ]]; then
    kill -- -"$broker_pgid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 -- -"$broker_pgid" 2>/dev/null || break; sleep 0.1; done
    kill -9 -- -"$broker_pgid" 2>/dev/null || true
    wait "$broker_pgid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
cp ujumbe-bench/target/benchmarks.jar "$work/benchmarks.jar"

read -r amqp_port dist_port < <(python3 -c 'import socket
ps=[]
for _ in range(2):
    s=socket.socket(); s.bind(("127.0.0.1",0)); ps.append(s)
print(*[s.getsockname()[1] for s in ps])')

if [[ -n "$rabbit" ]]; then
  broker_kind="RabbitMQ $(dpkg-query -W -f='${Version}' rabbitmq-server 2>/dev/null || echo '?') (own node, no plugins)"
  mkdir -p "$work/rabbit"
  echo '[].' > "$work/rabbit/enabled_plugins"
  printf 'listeners.tcp.default = 127.0.0.1:%s\nloopback_users.guest = false\n' "$amqp_port" > "$work/rabbit/rabbitmq.conf"
  RABBITMQ_NODENAME="ujumbe-bench-$amqp_port@localhost" RABBITMQ_NODE_PORT="$amqp_port" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
  RABBITMQ_DIST_PORT="$dist_port" RABBITMQ_MNESIA_BASE="$work/rabbit/mnesia" RABBITMQ_LOG_BASE="$work/rabbit/log" \
  RABBITMQ_ENABLED_PLUGINS_FILE="$work/rabbit/enabled_plugins" RABBITMQ_CONFIG_FILE="$work/rabbit/rabbitmq.conf" \
  RABBITMQ_ADVANCED_CONFIG_FILE="$work/rabbit/advanced.config" RABBITMQ_PID_FILE="$work/rabbit/rabbit.pid" \
  RABBITMQ_USE_LONGNAME=false setsid "$rabbit" > "$work/broker.log" 2>&1 &
  broker_pgid=$!
else
  echo "vumi2.sh: no RabbitMQ here; using Qpid Broker-J from ujumbe-amqp's test classpath" >&2
  broker_kind="Apache Qpid Broker-J (embedded, Derby store; the tests' broker)"
  mvn -q -B -ntp ${MVN_FLAGS:-} -DskipTests -pl ujumbe-amqp -am test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/vumi2-bench-test-cp.txt >&2
  cp_amqp="$root/ujumbe-amqp/target/test-classes:$root/ujumbe-amqp/target/classes:$(cat ujumbe-amqp/target/vumi2-bench-test-cp.txt)"
  setsid "$JAVA" -Xmx256m -XX:+UseSerialGC -cp "$cp_amqp" io.ujumbe.amqp.QpidBrokerMain "$work/qpid" "$amqp_port" \
    > "$work/broker.log" 2>&1 &
  broker_pgid=$!
fi
# Ready when the port answers the AMQP 0-9-1 protocol header with a frame (connection.start).
for i in $(seq 1 450); do
  if python3 - "$amqp_port" <<'PY' 2>/dev/null; then break; fi
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1)
s.sendall(b"AMQP\x00\x00\x09\x01")
s.settimeout(2)
sys.exit(0 if s.recv(1) == b"\x01" else 1)
PY
  if ! kill -0 "$broker_pgid" 2>/dev/null; then echo "vumi2.sh: the broker exited:" >&2; tail -30 "$work/broker.log" >&2; exit 1; fi
  if (( i == 450 )); then echo "vumi2.sh: the broker did not start in 90 s:" >&2; tail -30 "$work/broker.log" >&2; exit 1; fi
  sleep 0.2
done
if [[ -z "$rabbit" ]]; then
  # Qpid answers the protocol header before its virtual host is active; it prints "qpid ready" after.
  for i in $(seq 1 450); do
    grep -q '^qpid ready' "$work/broker.log" && break
    if (( i == 450 )); then echo "vumi2.sh: Qpid did not become ready in 90 s:" >&2; tail -30 "$work/broker.log" >&2; exit 1; fi
    sleep 0.2
  done
fi
echo "vumi2.sh: $broker_kind on 127.0.0.1:$amqp_port" >&2

vumi2_python="$(python3 -c 'import vumi2' 2>&1 | tail -n 1 || true)"
[[ -z "$vumi2_python" ]] && vumi2_python="importable"
results="$work/results.jsonl"
load_before="$(uptime | sed 's/.*load average: //')"
for inflight in $INFLIGHT; do
  echo "vumi2.sh: $COUNT preloaded + $LATENCY_COUNT at $inflight in flight, prefetch $PREFETCH" >&2
  "$JAVA" -Xmx1g -cp "$work/benchmarks.jar" io.ujumbe.bench.amqp.Vumi2AmqpLoad \
    --amqp "amqp://guest:guest@127.0.0.1:$amqp_port/%2F" --count "$COUNT" --prefetch "$PREFETCH" \
    --latency-count "$LATENCY_COUNT" --inflight "$inflight" 2> "$work/load.err" | tail -n 1 | tee -a "$results" >&2 \
    || { echo "vumi2.sh: the load failed:" >&2; tail -20 "$work/load.err" >&2; exit 1; }
done
load_after="$(uptime | sed 's/.*load average: //')"

section="$work/section.md"
python3 - "$results" "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'))" \
  "$("$JAVA" -version 2>&1 | head -n 1)" "$load_before" "$load_after" "$broker_kind" "$vumi2_python" \
  "COUNT=$COUNT LATENCY_COUNT=$LATENCY_COUNT INFLIGHT='$INFLIGHT' PREFETCH=$PREFETCH bench/vumi2.sh" > "$section" <<'PY'
import json, sys
res, when, machine, jdk, before, after, broker, vumi2, cmd = sys.argv[1:]
rows = [json.loads(l) for l in open(res) if l.strip()]
print("## vumi2 AMQP path (written by bench/vumi2.sh)")
print()
print(f"- Date: {when}; machine: {machine}; {jdk}; load average before / after: `{before}` / `{after}` (shared machine)")
print(f"- Broker: {broker}, on the same machine. Command: `{cmd}`")
print("- Harness: `io.ujumbe.bench.amqp.Vumi2AmqpLoad` (ujumbe-bench). A `Vumi2Transport` (one bind, window 100) against an "
      "in-process `ujumbe smsc` simulator. Throughput: the messages preloaded on `<transport>.outbound` (persistent, "
      "confirmed), clock from the transport's start to the last `ack` event read from `<transport>.event`. Latency: "
      "then, with the transport running, messages published one by one with at most *in flight* not yet acknowledged "
      "by their `ack` event; each message's time from its publish to its `ack` event's arrival at the consumer "
      "(publish time stamped in `helper_metadata.bench_published_nanos`).")
print(f"- The incumbent, vumi2's own Python SMPP transport, cannot run here: `python3 -c 'import vumi2'` gives "
      f"`{vumi2}` and there is no PyPI access on this machine, so there is no side-by-side figure.")
print()
print("| prefetch | preloaded | messages/s (outbound queue → ack event) | in flight | latency phase messages/s | publish → ack p50 / p90 / p99 / max ms | complete |")
print("| ---: | ---: | ---: | ---: | ---: | ---: | --- |")
for r in rows:
    l = r["latency_ms"]
    ok = "yes" if r["complete"] and r["latencyComplete"] and r["acks"] == r["count"] else f"no ({r['acks']} + {r['latencyAcks']} acks)"
    print(f"| {r['prefetch']} | {r['count']:,} | {r['messagesPerSecond']:,.0f} | {r['inflight']} | {r['latencyMessagesPerSecond']:,.0f} | "
          f"{l['p50']:.2f} / {l['p90']:.2f} / {l['p99']:.2f} / {l['max']:.1f} | {ok} |")
PY
cat "$section"
if [[ $doc == 1 ]]; then
  write_section vumi2.sh "$section"
fi
