#!/usr/bin/env bash
# Vellum beside DSS 6.3: builds the bench module and what it needs (tests and the modules' own
# benchmark executions skipped), then runs the benchmark. Options: ./bench.sh --help; quick: --quick.
# BENCH_NO_BUILD=1 skips the build; BENCH_MVN_ARGS adds Maven options (e.g. -o).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
for a in "$@"; do
  if [ "$a" = "--help" ] || [ "$a" = "-h" ]; then BENCH_NO_BUILD="${BENCH_NO_BUILD:-1}"; fi
done
if [ "${BENCH_NO_BUILD:-0}" != "1" ] || [ ! -f bench/target/bench.classpath ]; then
  echo "bench: building (./mvnw -Pbench -pl bench -am package, tests skipped)..." >&2
  # -Dexec.skip: -Pbench also activates es-formats', reports' and timestamping's own benchmark runs
  ./mvnw -q -B ${BENCH_MVN_ARGS:-} -Pbench -pl bench -am package -Dmaven.test.skip=true -Dexec.skip >&2
fi
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  dev.vellum.bench.BenchMain "$@"
