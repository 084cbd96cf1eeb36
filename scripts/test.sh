#!/usr/bin/env bash
# Runs every node:test file (server and shared) once, on PGlite, or on PostgreSQL when DATABASE_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find src bench scripts -name '*.test.ts' -not -path '*/node_modules/*' | sort)
export TZ="${TZ:-Asia/Shanghai}"
export FONTCONFIG_FILE="${FONTCONFIG_FILE:-$PWD/src/server/platform/documents/fonts.conf}"
exec node --import tsx --test --test-concurrency="${TEST_CONCURRENCY:-2}" "${files[@]}"
