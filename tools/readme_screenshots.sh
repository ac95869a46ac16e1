#!/usr/bin/env bash
# Regenerates the README's screenshots: 3,000 demo customers (seed 1) as of a fixed day,
# every main screen rendered offscreen in Chinese at 1440×900 into docs/screenshots/.
# Run from the checkout with the project installed (or PYTHONPATH=.).
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ACCOUNTDESK_DATA_DIR="$work/data" QT_QPA_PLATFORM=offscreen
"$python" -m accountdesk demo --db "$work/demo.accountdesk" --customers 3000 --seed 1 --today 2026-11-20
rm -rf docs/screenshots
mkdir -p docs/screenshots
"$python" -m tools.screenshots docs/screenshots --db "$work/demo.accountdesk" --today 2026-11-20 --lang zh_CN
