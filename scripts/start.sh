#!/usr/bin/env bash
# `npm start`: install, build the web app, then start Fazhi (PGlite in ./data unless DATABASE_URL is set).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
npx vite build --logLevel warn
exec node --import tsx src/server/main.ts
