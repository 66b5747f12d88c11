#!/usr/bin/env bash
# Chat with laeringsbot in a browser, no Microsoft account needed: indexes the sample corpus,
# starts the bot on 127.0.0.1:3978 (anonymous, local only) and the Microsoft 365 Agents
# Playground on http://localhost:56150. Ctrl+C stops both.
#   scripts/dev.sh                 # uses ./knowledge and ./.laeringsbot
#   BOT_PORT=3979 PLAYGROUND_PORT=56151 scripts/dev.sh
set -euo pipefail
cd "$(dirname "$0")/.."

BOT_PORT="${BOT_PORT:-3978}"
PLAYGROUND_PORT="${PLAYGROUND_PORT:-56150}"
export LAERINGSBOT_DATA_DIR="${LAERINGSBOT_DATA_DIR:-.laeringsbot}"
BIN=.venv/bin

[ -x "$BIN/laeringsbot" ] || { echo "Fant ikke $BIN/laeringsbot: installer prosjektet først (pip install -e '.[dev]')." >&2; exit 1; }
[ -x node_modules/.bin/agentsplayground ] || npm ci --no-audit --no-fund

SERVE=("$BIN/laeringsbot" serve)

"$BIN/laeringsbot" index knowledge

"${SERVE[@]}" --host 127.0.0.1 --port "$BOT_PORT" &
BOT_PID=$!
PLAYGROUND_PID=""
cleanup() {
  [ -n "$PLAYGROUND_PID" ] && kill "$PLAYGROUND_PID" 2>/dev/null || true
  kill "$BOT_PID" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

# wait_for URL SECONDS PID WHAT: until URL answers, or PID dies, or time runs out.
wait_for() {
  for _ in $(seq 1 "$2"); do
    curl -fsS -o /dev/null "$1" >/dev/null 2>&1 && return 0
    kill -0 "$3" 2>/dev/null || { echo "$4 stoppet; se feilmeldingen over." >&2; return 1; }
    sleep 1
  done
  echo "$4 svarte ikke på $1 innen $2 sekunder." >&2
  return 1
}

echo "Venter på boten (laster modeller) …"
wait_for "http://127.0.0.1:$BOT_PORT/readyz" 180 "$BOT_PID" "Boten" || exit 1

# The playground writes a devTools/ log folder where it runs: keep it in the data dir.
mkdir -p "$LAERINGSBOT_DATA_DIR/playground"
PLAYGROUND="$PWD/node_modules/.bin/agentsplayground"
(cd "$LAERINGSBOT_DATA_DIR/playground" && exec "$PLAYGROUND" \
  -e "http://127.0.0.1:$BOT_PORT/api/messages" -c msteams -p "$PLAYGROUND_PORT" --disable-telemetry) &
PLAYGROUND_PID=$!

echo "Venter på Playground …"
wait_for "http://localhost:$PLAYGROUND_PORT" 120 "$PLAYGROUND_PID" "Playground" || exit 1

echo
echo "Klar: åpne http://localhost:$PLAYGROUND_PORT"
echo "Still et spørsmål, f.eks. «Når er neste samling i Hordaland?», eller skriv /utkast."
echo "Merk: Playground lytter på alle nettverksgrensesnitt; bruk den bare på en utviklermaskin."
echo "Ctrl+C stopper både boten og Playground."
wait "$BOT_PID"
