#!/usr/bin/env bash
# Fuzz one target, then minimise its corpus.
#
#   fuzz/run.sh TARGET SECONDS [LIBFUZZER_ARGS...]
#
# TARGET is parse, symbolic, eval or npy. Builds the target without a
# sanitizer (AddressSanitizer needs nightly; the pinned stable toolchain
# builds with `-s none`), fuzzes for SECONDS starting from the committed
# corpus fuzz/corpus/TARGET (new inputs go to fuzz/corpus-raw/TARGET,
# ignored by git), keeps going after a failure (-fork, -ignore_crashes:
# every failing input lands in fuzz/artifacts/TARGET/), then merges the new
# inputs into fuzz/corpus/TARGET with `cargo fuzz cmin` (the smallest set
# with the same edge coverage). Replay a failure with
#   cargo fuzz run -s none TARGET fuzz/artifacts/TARGET/crash-...
# or under cargo test:
#   RICCI_FUZZ_DIR=fuzz/artifacts cargo test --test fuzz_corpus
# Needs cargo-fuzz (`cargo install cargo-fuzz`, 0.13.2 works). Runs at
# nice 10 on one core (JOBS=N for more).
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: fuzz/run.sh TARGET SECONDS [LIBFUZZER_ARGS...]}
secs=${2:?usage: fuzz/run.sh TARGET SECONDS [LIBFUZZER_ARGS...]}
shift 2
jobs=${JOBS:-1}
corpus=corpus/$target
raw=corpus-raw/$target
mkdir -p "$corpus" "$raw" "artifacts/$target"

nice -n 10 cargo fuzz build -s none "$target"
status=0
nice -n 10 cargo fuzz run -s none "$target" "$raw" "$corpus" -- \
    -max_total_time="$secs" -fork="$jobs" -ignore_crashes=1 -ignore_timeouts=1 \
    -ignore_ooms=1 -timeout=20 -rss_limit_mb=2048 -max_len=4096 "$@" || status=$?

# Merge what was found into the committed corpus, minimised: the smallest
# set of inputs that covers every edge (hit counts ignored, which keeps the
# committed corpus to a few hundred files).
cp -n "$raw"/* "$corpus"/ 2>/dev/null || true
nice -n 10 cargo fuzz cmin -s none "$target" "$corpus" -- \
    -use_counters=0 -set_cover_merge=1 -timeout=20 -rss_limit_mb=2048
echo "corpus: $(ls "$corpus" | wc -l) files, $(du -sh "$corpus" | cut -f1)"
failures=$(ls "artifacts/$target" 2>/dev/null | wc -l)
echo "failing inputs in fuzz/artifacts/$target: $failures"
exit "$status"
