#!/usr/bin/env bash
# The regression check: bench/compare.sh --quick. ujumbe's, cloudhopper-smpp's and jSMPP's clients
# against ujumbe's simulator at windows 1, 10, 100, 1000 (a quarter of the published counts), then a
# table on stdout of ujumbe's throughput and client CPU per message relative to both peers, and the
# issue's targets with PASS/FAIL. docs/benchmarks.md is not touched. A few minutes on 2 cores.
# Usage: bench/check.sh [--no-build]   (environment as for compare.sh: XMX, MVN_FLAGS, JAVA)
exec "$(dirname "${BASH_SOURCE[0]}")/compare.sh" --quick "$@"
