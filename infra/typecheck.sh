#!/usr/bin/env bash
# Type-checks sst.config.ts and infra/ against SST's platform types, so a wrong resource argument
# fails the tests without deploying. `sst install` generates those types under .sst/platform from
# npm packages (never committed): the first run, or one after an sst upgrade, installs them.
set -euo pipefail
cd "$(dirname "$0")/.."

wanted=$(node -p "require('./node_modules/sst/package.json').version")
installed=$(cat .sst/platform/version 2>/dev/null || true)
if [ ! -f .sst/platform/config.d.ts ] || [ "$installed" != "$wanted" ]; then
  echo "Installing SST $wanted platform types into .sst/ (once)…" >&2
  # Without these variables sst first downloads Pulumi and Bun from GitHub; with them the
  # providers come from the npm registry alone. The stage only names this local install.
  SST_SKIP_DEPENDENCY_CHECK=1 SST_NO_BUN=1 SST_TELEMETRY_DISABLED=1 npx sst install --stage typecheck >&2
fi

exec npx tsc -p infra/tsconfig.json
