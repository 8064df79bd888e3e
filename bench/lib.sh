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
