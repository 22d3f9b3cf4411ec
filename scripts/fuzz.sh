#!/usr/bin/env bash
# Runs each libFuzzer target of ties (Sources/TiesFuzz) for an equal share of $1 seconds, from
# a seed corpus of the sample journal, the test fixtures and the built-in theme. What the fuzzer
# learns stays in .build-fuzz/corpus/; an input that crashes, hangs (over 10 s) or takes over
# 2 GiB is saved in .build-fuzz/artifacts/ and fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
total=${1:-300}
targets=(record config wiki-links template imports editor serve)
share=$(( total / ${#targets[@]} ))
(( share > 0 )) || share=1
binary=.build-fuzz/debug/TiesFuzz
seeds=.build-fuzz/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{record,config,wiki-links,template,imports,editor,serve} .build-fuzz/artifacts
n=0
# A record seed starts with a byte that picks its kind (Sources/TiesFuzz): that of its folder.
kinds=(contacts encounters publications orgs goals)
while IFS= read -r -d '' file; do
    n=$((n + 1))
    kind=0
    for index in "${!kinds[@]}"; do
        [[ "$file" == */"${kinds[$index]}"/* ]] && kind=$index
    done
    { printf "\\$(printf '%03o' "$kind")"; cat "$file"; } > "$seeds/record/$n.md"
    cp "$file" "$seeds/wiki-links/$n.md"
    if [[ "$file" == */encounters/* ]]; then cp "$file" "$seeds/editor/$n.md"; fi
done < <(find journal-template Tests/Fixtures -name '*.md' -print0)
while IFS= read -r -d '' file; do
    n=$((n + 1))
    cp "$file" "$seeds/config/$n.yaml"
done < <(find journal-template Tests/Fixtures -name 'ties.yaml' -print0)
cp site-theme/*.mustache "$seeds/template/"
# An import seed starts with a byte that picks its format (Sources/TiesFuzz).
{ printf '\000'; cat Tests/Fixtures/imports/Connections.csv; } > "$seeds/imports/linkedin.csv"
{ printf '\001'; cat Tests/Fixtures/imports/google.csv; } > "$seeds/imports/google.csv"
{ printf '\002'; cat Tests/Fixtures/imports/contacts.vcf; } > "$seeds/imports/contacts.vcf"
{ printf '\003'; cat Tests/Fixtures/mail/archive.mbox; } > "$seeds/imports/mail.txt"
{ printf '\004'; cat Tests/Fixtures/imports/contacts.vcf; } > "$seeds/imports/card.vcf"
{ printf '\005'; cat journal-template/ties.yaml; printf '\000'; sed 's/1m/2w/' journal-template/ties.yaml; printf '\000'; sed 's/1y/6m/' journal-template/ties.yaml; } > "$seeds/imports/merge.yaml"
{ printf '\006'; cat Tests/Fixtures/imports/calendar.ics; } > "$seeds/imports/calendar.ics"
# A serve seed starts with a byte that picks the size of each read (Sources/TiesFuzz).
printf '\007GET /contacts/ada.html?token=ab HTTP/1.1\r\nHost: 127.0.0.1:4321\r\nCookie: ties-4321=ab\r\n\r\nHEAD /%%2e%%2e/x HTTP/1.0\n\n' \
    > "$seeds/serve/pipelined.http"
printf '\377GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\nContent-Length: 3\r\n folded\r\n\r\n' > "$seeds/serve/refused.http"
status=0
for target in "${targets[@]}"; do
    mkdir -p ".build-fuzz/corpus/$target"
    echo "fuzz: $target for ${share} s"
    log=".build-fuzz/$target.log"
    if ! TIES_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 "$binary" ".build-fuzz/corpus/$target" "$seeds/$target" \
        -max_total_time="$share" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
        -artifact_prefix=".build-fuzz/artifacts/$target-" -print_final_stats=1 >"$log" 2>&1; then
        echo "fuzz: $target FAILED; the input is in .build-fuzz/artifacts/, the log in $log"
        tail -40 "$log"
        status=1
    fi
    grep -E "^stat::number_of_executed_units|^Done" "$log" | sed "s/^/fuzz: $target: /" || true
done
exit $status
