# Shared by the bench scripts (sourced after they set $root); functions only, no side effects.

# cpu_ticks PID: the process's user + system CPU so far, in clock ticks (getconf CLK_TCK per second).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# jit_ticks PID: the user + system CPU so far of the process's JIT compiler threads (C1, C2), in
# clock ticks. A fresh JVM's C2 compiles the hot code for seconds on the same cores as the work it
# is compiling; a per-message figure without it is the steady state (io.ujumbe.process.CpuTime
# does the same for the load clients). The name is in brackets and may hold blanks: the fields are
# counted from the last ')'.
jit_ticks() {
  cat /proc/"$1"/task/*/stat 2>/dev/null | awk '{
    lp = index($0, "("); rp = match($0, /\)[^)]*$/)
    name = substr($0, lp + 1, rp - lp - 1)
    if (name ~ /^C[12] Compiler/) { split(substr($0, rp + 2), f, " "); sum += f[12] + f[13] }
  } END { print sum + 0 }'
}

# write_section NAME SECTION_FILE: puts SECTION_FILE between NAME's generated markers in
# docs/benchmarks.md, replacing what was there (appended, with its markers, when they are absent);
# the rest of the page is left as it is.
write_section() {
  local name="$1" section="$2" doc="$root/docs/benchmarks.md"
  local begin="<!-- $name: begin (generated; edit bench/$name, not this section) -->"
  local end="<!-- $name: end -->"
  mkdir -p "$(dirname "$doc")"
  [[ -f "$doc" ]] || printf '# Benchmarks\n\n' > "$doc"
  python3 - "$doc" "$section" "$begin" "$end" <<'PY'
import sys
doc, section, begin, end = sys.argv[1:5]
text = open(doc).read()
body = begin + "\n" + open(section).read().rstrip() + "\n" + end
if begin in text and end in text:
    text = text[:text.index(begin)] + body + text[text.index(end) + len(end):]
else:
    text = text.rstrip() + "\n\n" + body + "\n"
open(doc, "w").write(text)
PY
  echo "$name: wrote its section of docs/benchmarks.md" >&2
}

# client_command CLIENT ARGS...: sets the caller's array `cmd` to run one of the load clients
# (ujumbe's `ujumbe bench`, jsmpp, cloudhopper) with ARGS, from the private copies of the jars in
# $work, with $JAVA and ${JOPTS[@]}.
client_command() {
  local client="$1"; shift
  case "$client" in
    ujumbe) cmd=("$JAVA" "${JOPTS[@]}" -jar "$work/ujumbe.jar" --log-level WARN bench "$@") ;;
    jsmpp) cmd=("$JAVA" "${JOPTS[@]}" -cp "$work/benchmarks.jar" io.ujumbe.bench.load.JsmppClientLoad "$@") ;;
    cloudhopper) cmd=("$JAVA" "${JOPTS[@]}" -cp "$work/benchmarks.jar" io.ujumbe.bench.load.CloudhopperClientLoad "$@") ;;
    *) echo "unknown client $client (ujumbe, jsmpp, cloudhopper)" >&2; return 1 ;;
  esac
}
