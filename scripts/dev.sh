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

echo "Venter på boten (laster modeller) …"
for _ in $(seq 1 180); do
  curl -fsS "http://127.0.0.1:$BOT_PORT/readyz" >/dev/null 2>&1 && break
  kill -0 "$BOT_PID" 2>/dev/null || { echo "Boten stoppet; se feilmeldingen over." >&2; exit 1; }
  sleep 1
done

# The playground writes a devTools/ log folder where it runs: keep it in the data dir.
mkdir -p "$LAERINGSBOT_DATA_DIR/playground"
PLAYGROUND="$PWD/node_modules/.bin/agentsplayground"
(cd "$LAERINGSBOT_DATA_DIR/playground" && exec "$PLAYGROUND" \
  -e "http://127.0.0.1:$BOT_PORT/api/messages" -c msteams -p "$PLAYGROUND_PORT" --disable-telemetry) &
PLAYGROUND_PID=$!

echo
echo "Åpne http://localhost:$PLAYGROUND_PORT i nettleseren og still et spørsmål, f.eks."
echo "  «Når er neste samling i Hordaland?»"
echo "Merk: Playground lytter på alle nettverksgrensesnitt; bruk den bare på en utviklermaskin."
wait "$BOT_PID"
