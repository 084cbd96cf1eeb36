#!/usr/bin/env bash
# `npm test`: installs what the tests need, then type-checks, lints and runs every test:
# unit and integration tests on PGlite (or on PostgreSQL when DATABASE_URL is set), then the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system-packages.sh
bash scripts/install.sh
echo "== 类型检查 typecheck"; npx tsc --noEmit -p .
echo "== 代码检查 lint + format"; npx eslint . --max-warnings 0; npx prettier --check "src/**/*.{ts,tsx}" "e2e/**/*.ts" "bench/**/*.ts" "scripts/**/*.ts" "*.ts" > /dev/null
echo "== 单元与集成测试 unit + integration ($([ -n "${DATABASE_URL:-}" ] && echo PostgreSQL || echo PGlite))"; bash scripts/test.sh
echo "== 日期与期限测试（UTC 时区） calendar and deadline tests under TZ=UTC"; TZ=UTC node --import tsx --test src/shared/law/*.test.ts src/shared/procedure/*.test.ts > /dev/null
echo "== 前端单元测试 web unit tests (vitest)"; npx vitest run --reporter=dot
if [ "${SKIP_E2E:-0}" != "1" ]; then
  echo "== 浏览器测试 browser tests (Chromium)"
  npx playwright test
fi
