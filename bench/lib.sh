# Shared by the bench scripts (sourced after they set $root); functions only, no side effects.

# cpu_ticks PID: the process's user + system CPU so far, in clock ticks (getconf CLK_TCK per second).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

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
