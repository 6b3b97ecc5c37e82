#!/usr/bin/env bash
# The project's test command (see README). Also what CI runs via .ci/run.
#
#   1. installs the apt packages the tests need (only if missing),
#   2. dotnet restore / build (Release) / format --verify-no-changes,
#   3. runs every tests/*.Tests/*.csproj with a trx logger, one project at a
#      time, continuing past failures, then the web app's lint and unit tests
#      (ClientApp: `npm run lint`, node:test with a TAP file),
#   4. sums the trx and TAP counters (lint counts as one test) and prints, as
#      the very last line of output:
#          N passed, N failed
#
# Exit status is non-zero if any test failed, any test project crashed or
# timed out, or any step (apt, restore, build, format, the committed OpenAPI
# document being current) failed.
#
# Environment overrides:
#   TEST_PROJECT_TIMEOUT  seconds per test project before it is killed (1200)
#   TEST_HANG_TIMEOUT     --blame-hang-timeout for a single test (10m: the crash suite's embedded run
#                         takes 2-3 min alone and up to 7 min on a busy machine)
#   TEST_HANG_DUMP_TYPE   --blame-hang-dump-type: mini, full or none (mini)
#   TEST_RESULTS_DIR      where the .trx files go (artifacts/test-results)
# shellcheck disable=SC2317 # functions below are invoked indirectly via run_step
set -euo pipefail

# apt packages the tests need, space separated (e.g. add dovecot-imapd).
# The integration fixture starts its own /usr/bin/redis-server on a free port;
# the web tests drive Debian's /usr/bin/chromium (Playwright downloads no browser); the email tests run Dovecot and
# aiosmtpd; this script only makes sure they are installed.
APT_PACKAGES="redis-server dovecot-imapd dovecot-lmtpd dovecot-submissiond python3-aiosmtpd chromium"

PROJECT_TIMEOUT="${TEST_PROJECT_TIMEOUT:-1200}"
HANG_TIMEOUT="${TEST_HANG_TIMEOUT:-10m}"
HANG_DUMP_TYPE="${TEST_HANG_DUMP_TYPE:-mini}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SLN="Omnichannel.sln"
RESULTS_DIR="${TEST_RESULTS_DIR:-$ROOT/artifacts/test-results}"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No lingering MSBuild worker nodes holding CI's output pipes open.
export MSBUILDDISABLENODEREUSE=1

FAILED_STEPS=()

log() { printf '\n==> %s\n' "$*"; }

# run_step NAME CMD... : run CMD, record NAME as failed on non-zero exit.
run_step() {
  local name="$1" rc=0
  shift
  log "$name: $*"
  "$@" || rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "!! step '$name' failed (exit $rc)"
    FAILED_STEPS+=("$name")
    return 1
  fi
}

pkg_installed() {
  if command -v dpkg-query >/dev/null 2>&1; then
    # shellcheck disable=SC2016 # ${Status} is a dpkg-query format field
    [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
  else
    command -v "$1" >/dev/null 2>&1
  fi
}

ensure_apt_packages() {
  local pkg missing=() sudo=()
  for pkg in $APT_PACKAGES; do
    pkg_installed "$pkg" || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    echo "already installed: $APT_PACKAGES"
    return 0
  fi
  echo "missing apt packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      echo "not root and no sudo: install ${missing[*]} manually"
      return 1
    fi
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# counter FILE-CONTENT ATTR : value of ATTR in the <Counters .../> element, or empty.
counter() {
  printf '%s' "$1" | sed -n "s/.*[[:space:]]$2=\"\([0-9]*\)\".*/\1/p"
}

# --- 1. system packages ------------------------------------------------------
run_step "apt packages" ensure_apt_packages || true

# --- 2. web app dependencies, restore / build / format ------------------------
# The server's build bundles its web app (ClientApp) with esbuild; its packages
# come from the committed lockfile. (Node 20 + npm are on the machine.)
CLIENT_APP="src/Omnichannel.Server/ClientApp"
run_step "npm ci" env -C "$CLIENT_APP" npm ci --no-audit --no-fund || true

BUILD_OK=0
if run_step "restore" dotnet restore "$SLN"; then
  if run_step "build" dotnet build "$SLN" -c Release --no-restore -nodeReuse:false; then
    BUILD_OK=1
  fi
  run_step "format" dotnet format "$SLN" --verify-no-changes --no-restore ||
    echo "   fix with: dotnet format $SLN"
  # The build rewrites the web app's copy of the server's OpenAPI document when the contract changed.
  if [ "$BUILD_OK" -eq 1 ] && git rev-parse --git-dir >/dev/null 2>&1; then
    run_step "openapi document up to date" git diff --exit-code --stat -- "$CLIENT_APP/openapi/v1.json" ||
      echo "   the build updated $CLIENT_APP/openapi/v1.json: commit it"
  fi
fi

# --- 3. tests ----------------------------------------------------------------
shopt -s nullglob
PROJECTS=(tests/*.Tests/*.csproj)
shopt -u nullglob

rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

declare -A RC=()
for proj in "${PROJECTS[@]}"; do
  name="$(basename "$proj" .csproj)"
  if [ "$BUILD_OK" -ne 1 ]; then
    RC[$name]=-1
    continue
  fi
  log "test $name"
  rc=0
  timeout --kill-after=60 "$PROJECT_TIMEOUT" \
    dotnet test "$proj" -c Release --no-build \
    --logger "trx;LogFileName=$name.trx" \
    --results-directory "$RESULTS_DIR" \
    --blame-hang-timeout "$HANG_TIMEOUT" \
    --blame-hang-dump-type "$HANG_DUMP_TYPE" || rc=$?
  RC[$name]=$rc
done

# The web app's lint and unit tests need no .NET build; node:test writes TAP totals to a file for the summary.
WEB_TAP="$(cd "$RESULTS_DIR" && pwd)/webapp.tap"
log "web app lint"
WEB_LINT_RC=0
(cd "$CLIENT_APP" && npm run --silent lint) || WEB_LINT_RC=$?
log "web app unit tests"
WEB_TEST_RC=0
(cd "$CLIENT_APP" && npm run --silent gen:api &&
  node --import tsx --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$WEB_TAP" test/*.test.ts) || WEB_TEST_RC=$?

# --- 4. summary --------------------------------------------------------------
if [ -n "${CI:-}" ]; then
  dotnet build-server shutdown >/dev/null 2>&1 || true
fi

total_passed=0
total_failed=0
log "summary"
for proj in "${PROJECTS[@]}"; do
  name="$(basename "$proj" .csproj)"
  rc="${RC[$name]}"
  trx="$RESULTS_DIR/$name.trx"
  if [ "$rc" -eq -1 ]; then
    echo "  $name: NOT RUN (build failed) - counted as 1 failed"
    total_failed=$((total_failed + 1))
    continue
  fi
  why="exit $rc"
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    why="timed out after ${PROJECT_TIMEOUT}s"
  fi
  counters=""
  if [ -f "$trx" ]; then
    counters="$(tr -d '\r\n' <"$trx" | grep -o '<Counters [^>]*>' || true)"
  fi
  if [ -z "$counters" ]; then
    echo "  $name: CRASHED - no test results written ($why) - counted as 1 failed"
    total_failed=$((total_failed + 1))
    continue
  fi
  p="$(counter "$counters" passed)"
  f=0
  for attr in failed error timeout aborted; do
    v="$(counter "$counters" "$attr")"
    f=$((f + ${v:-0}))
  done
  p="${p:-0}"
  note=""
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    # Test host crashed / run aborted / killed without a failed test recorded.
    f=1
    note=" - ABORTED ($why) with no failed test recorded, counted as 1 failed"
  fi
  echo "  $name: $p passed, $f failed$note"
  total_passed=$((total_passed + p))
  total_failed=$((total_failed + f))
done

if [ "$WEB_LINT_RC" -eq 0 ]; then
  echo "  web app lint: 1 passed, 0 failed"
  total_passed=$((total_passed + 1))
else
  echo "  web app lint: 0 passed, 1 failed (exit $WEB_LINT_RC)"
  total_failed=$((total_failed + 1))
fi
tap_total() { { sed -n "s/^# $1 \([0-9]*\)$/\1/p" "$WEB_TAP" 2>/dev/null || true; } | tail -n 1; }
p="$(tap_total pass)"
if [ -z "$p" ]; then
  echo "  web app unit tests: CRASHED - no TAP totals written (exit $WEB_TEST_RC) - counted as 1 failed"
  total_failed=$((total_failed + 1))
else
  fails="$(tap_total fail)"
  cancelled="$(tap_total cancelled)"
  f=$((${fails:-0} + ${cancelled:-0}))
  note=""
  if [ "$WEB_TEST_RC" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1
    note=" - ABORTED (exit $WEB_TEST_RC) with no failed test recorded, counted as 1 failed"
  fi
  echo "  web app unit tests: $p passed, $f failed$note"
  total_passed=$((total_passed + p))
  total_failed=$((total_failed + f))
fi

status=0
if [ "${#PROJECTS[@]}" -eq 0 ]; then
  echo "!! no test projects found (tests/*.Tests/*.csproj)"
  status=1
fi
if [ "${#FAILED_STEPS[@]}" -gt 0 ]; then
  echo "!! failed steps: ${FAILED_STEPS[*]}"
  status=1
fi
[ "$total_failed" -eq 0 ] || status=1
echo "  results: $RESULTS_DIR"
echo
echo "$total_passed passed, $total_failed failed"
exit "$status"
