#!/usr/bin/env bash
# The browser end-to-end test needs Debian's chromium, and an emoji font for the pictures (the
# draft card's ✅/⬜ are boxes without one). Install them when we may (root, apt); otherwise the
# test skips and says why.
set -u
command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi emoji && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium \
    fonts-noto-color-emoji >/dev/null
else
  echo "chromium mangler og kan ikke installeres her (krever root og apt-get); e2e-testen hoppes over." >&2
  exit 1
fi
