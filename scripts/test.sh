#!/usr/bin/env bash
# `npm test`: the static checks first, then the unit and integration tests beside the browser
# tests. The browser tests spend most of their time waiting on the app they drive, so running
# them beside the unit tests keeps both cores busy and the whole suite short. Each line of the
# browser tests' and the infrastructure check's output is prefixed so the two logs stay readable.
set -uo pipefail

npm run -s lint && npm run -s lint:layers && npm run -s typecheck || exit 1

prefixed() { sed -u "s/^/[$1] /"; }
(set -o pipefail; npm run -s typecheck:infra 2>&1 | prefixed infra) &
infra=$!
(set -o pipefail; npm run -s test:e2e 2>&1 | prefixed e2e) &
e2e=$!

npm run -s test:unit
unit=$?
wait "$infra"
infra_status=$?
wait "$e2e"
e2e_status=$?

echo "unit and integration tests: exit $unit; browser tests: exit $e2e_status; infrastructure check: exit $infra_status"
[ "$unit" -eq 0 ] && [ "$e2e_status" -eq 0 ] && [ "$infra_status" -eq 0 ]
