# The settings every bench script shares (sourced, after `cd` to the repository): the shared folder, the Docent
# binary, rounds, where corpora and results go (WORK) and where sites are written (OUT: a tmpfs when there is one;
# see build-bench.sh for why).
SHARED=${SHARED:-../shared}
DOCENT=${DOCENT:-$PWD/.build/release/docent}
ROUNDS=${ROUNDS:-$DEFAULT_ROUNDS}
WARMUP=${WARMUP:-$DEFAULT_WARMUP}
WORK=${WORK:-/tmp/docent-build-bench}
if [[ -z "${OUT:-}" ]]; then
    OUT=$WORK
    if [[ "$(stat -f -c %T /dev/shm 2>/dev/null)" == tmpfs && -w /dev/shm ]]; then OUT=/dev/shm/docent-build-bench; fi
fi
