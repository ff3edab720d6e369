#!/usr/bin/env bash
# Real-editor end-to-end tests (see ../shared/E2E.md and issue 4).
#
#   bash e2e/setup.sh          # once: apt + code-server/playwright-core into e2e/.work
#   bash e2e/run.sh            # all editors
#   bash e2e/run.sh nvim vscode   # a subset: nvim vim emacs vscode
#
# Env: CI=true        a missing tool FAILS its test (locally it is skipped with a message)
#      E2E_SERVER     server to drive (default dist/server.js)
#      E2E_SKIP_BUILD=1  do not run `npm run package` first (dist/server.js and
#                        dist/keepalived.vsix must exist)
# Prints one line per test, then `N passed, M failed` (skips counted apart); exits 1 on failure.
set -uo pipefail
E2E="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$E2E/.." && pwd)"
WORK="$E2E/.work"
cd "$ROOT"

export TMPDIR="$WORK/tmp"
mkdir -p "$TMPDIR" "$E2E/screenshots"
RUN_DIR="$(mktemp -d "$TMPDIR/run.XXXXXX")"
SERVER="${E2E_SERVER:-$ROOT/dist/server.js}"
VSIX="${E2E_VSIX:-$ROOT/dist/keepalived.vsix}"
IS_CI=false
case "${CI:-}" in true|1|yes) IS_CI=true ;; esac

PASSED=0; FAILED=0; SKIPPED=0; FAILED_NAMES=()
pass() { PASSED=$((PASSED + 1)); printf 'PASS  %-8s %s\n' "$1" "${2:-}"; }
fail() { FAILED=$((FAILED + 1)); FAILED_NAMES+=("$1"); printf 'FAIL  %-8s %s\n' "$1" "${2:-}"; }
skip() {
  if $IS_CI; then fail "$1" "missing in CI: $2 (run e2e/setup.sh)"; else
    SKIPPED=$((SKIPPED + 1)); printf 'SKIP  %-8s %s (run e2e/setup.sh)\n' "$1" "$2"; fi
}
now_ms() { date +%s%3N; }

# A fresh copy of the fixture under a `keepalived/` folder (so the file-name patterns match).
fixture() {
  local d="$RUN_DIR/$1/keepalived"
  mkdir -p "$d"
  cp "$E2E/fixtures/keepalived.conf" "$d/keepalived.conf"
  echo "$d/keepalived.conf"
}

# ---- build -------------------------------------------------------------------
PACKAGE_FAILED=""
if [ -z "${E2E_SKIP_BUILD:-}" ]; then
  echo "== npm run package (bundles + dist/keepalived.vsix)"
  rm -f "$RUN_DIR/keepalived.vsix"
  if npm run -s package >"$RUN_DIR/package.log" 2>&1 && [ -f "$ROOT/dist/keepalived.vsix" ]; then
    cp "$ROOT/dist/keepalived.vsix" "$RUN_DIR/keepalived.vsix"
    [ -z "${E2E_VSIX:-}" ] && VSIX="$RUN_DIR/keepalived.vsix"
  else
    PACKAGE_FAILED="npm run package failed: $(grep -m1 -iE 'error' "$RUN_DIR/package.log" | cut -c1-300)"
    sed 's/^/    /' "$RUN_DIR/package.log" | tail -20
    echo "== $PACKAGE_FAILED; falling back to npm run build for the server"
    npm run -s build >"$RUN_DIR/build.log" 2>&1 || { echo "== npm run build failed too:"; sed 's/^/    /' "$RUN_DIR/build.log" | tail -20; }
  fi
fi

want() { # want NAME: true when NAME selected on the command line (or none given)
  [ $# -gt 0 ] || return 0
  local n="$1"; shift
  [ "${#SELECTED[@]}" -eq 0 ] && return 0
  for s in "${SELECTED[@]}"; do [ "$s" = "$n" ] && return 0; done
  return 1
}
SELECTED=("$@")

checks() { node -e 'const r=require(process.argv[1]);console.log(`${r.passed} checks`)' "$1" 2>/dev/null; }

server_ok() {
  if [ ! -f "$SERVER" ]; then fail "$1" "no language server at $SERVER (npm run build)"; return 1; fi
}

# ---- Neovim ------------------------------------------------------------------
test_nvim() {
  command -v nvim >/dev/null || { skip nvim "nvim not installed"; return; }
  server_ok nvim || return
  local f out t0 rc
  f="$(fixture nvim)"; out="$RUN_DIR/nvim.json"; t0=$(now_ms)
  E2E_SERVER="$SERVER" E2E_FILE="$f" E2E_OUT="$out" \
    timeout 60 nvim --headless -n -i NONE -u "$E2E/nvim/test-init.lua" >"$RUN_DIR/nvim.log" 2>&1
  rc=$?
  if [ $rc -eq 0 ]; then pass nvim "$(( $(now_ms) - t0 )) ms  $(node -e 'const r=require(process.argv[1]);console.log(`${r.passed} checks, diagnostics in ${r.diagnostics_ms} ms, cleared in ${r.clear_ms} ms`)' "$out" 2>/dev/null)"
  else
    fail nvim "exit $rc after $(( $(now_ms) - t0 )) ms"
    sed 's/^/    /' "$RUN_DIR/nvim.log"
    [ -f "$out" ] && echo "    results: $out"
  fi
}

# ---- Vim + ALE ---------------------------------------------------------------
test_vim() {
  command -v vim >/dev/null || { skip vim "vim not installed"; return; }
  [ -d /usr/share/vim-ale ] || { skip vim "vim-ale not installed"; return; }
  server_ok vim || return
  local f out t0 rc
  f="$(fixture vim)"; out="$RUN_DIR/vim.json"; t0=$(now_ms)
  E2E_SERVER="$SERVER" E2E_FILE="$f" E2E_OUT="$out" \
    timeout 60 vim -N -u "$E2E/vim/test.vim" -i NONE -n -es </dev/null >"$RUN_DIR/vim.log" 2>&1
  rc=$?
  if [ $rc -eq 0 ] && grep -q '"failed": *0' "$out" 2>/dev/null; then pass vim "$(( $(now_ms) - t0 )) ms  $(checks "$out")"
  else
    fail vim "exit $rc after $(( $(now_ms) - t0 )) ms"
    sed 's/^/    /' "$RUN_DIR/vim.log"; [ -f "$out" ] && sed 's/^/    /' "$out"
  fi
}

# ---- Emacs + eglot -------------------------------------------------------------
test_emacs() {
  command -v emacs >/dev/null || { skip emacs "emacs not installed"; return; }
  [ -d /usr/share/emacs/site-lisp/elpa-src ] && ls /usr/share/emacs/site-lisp/elpa-src | grep -q '^eglot' \
    || { skip emacs "elpa-eglot not installed"; return; }
  server_ok emacs || return
  local f out t0 rc
  f="$(fixture emacs)"; out="$RUN_DIR/emacs.json"; t0=$(now_ms)
  E2E_SERVER="$SERVER" E2E_FILE="$f" E2E_OUT="$out" \
    timeout 60 emacs --batch -l "$E2E/emacs/test.el" >"$RUN_DIR/emacs.log" 2>&1
  rc=$?
  if [ $rc -eq 0 ]; then pass emacs "$(( $(now_ms) - t0 )) ms  $(checks "$out")"
  else
    fail emacs "exit $rc after $(( $(now_ms) - t0 )) ms"
    sed 's/^/    /' "$RUN_DIR/emacs.log"
  fi
}

# ---- VS Code (code-server + chromium + playwright-core) -------------------------
test_vscode() {
  local cs="$WORK/node_modules/.bin/code-server"
  [ -x "$cs" ] || { skip vscode "code-server not installed in e2e/.work"; return; }
  [ -f "$WORK/node_modules/playwright-core/package.json" ] || { skip vscode "playwright-core not installed in e2e/.work"; return; }
  local chromium="${E2E_CHROMIUM:-$(command -v chromium || true)}"
  [ -n "$chromium" ] || { skip vscode "chromium not installed"; return; }
  [ -n "$PACKAGE_FAILED" ] && [ -z "${E2E_VSIX:-}" ] && { fail vscode "$PACKAGE_FAILED"; return; }
  [ -f "$VSIX" ] || { fail vscode "no $VSIX (npm run package)"; return; }
  local f t0 rc
  f="$(fixture vscode)"; t0=$(now_ms)
  E2E_CODE_SERVER="$cs" E2E_CHROMIUM="$chromium" E2E_VSIX="$VSIX" E2E_FILE="$f" \
    E2E_DIR="$RUN_DIR/vscode-state" E2E_SHOTS="$E2E/screenshots" \
    timeout --kill-after=10 150 node "$E2E/vscode/test.mjs" 2>&1 | tee "$RUN_DIR/vscode.log" | sed 's/^/    /'
  rc=${PIPESTATUS[0]}
  local pg
  pg="$(cat "$RUN_DIR/vscode-state/code-server.pgid" 2>/dev/null || true)"
  if [ -n "$pg" ] && ps -o stat= -g "$pg" 2>/dev/null | grep -qv '^ *Z'; then
    echo "    (code-server process group $pg still alive: killing it)"; ps -o pid,stat,etime,cmd -g "$pg" | sed "s/^/      /" | cut -c1-160; kill -KILL -- "-$pg" 2>/dev/null || true
  fi
  # a chromium left behind by a killed test: only the one using this run's profile directory
  local stray
  stray="$(pgrep -f -- "--user-data-dir=$RUN_DIR/vscode-state/chromium" || true)"
  [ -n "$stray" ] && { echo "    (stray chromium $stray: killing it)"; kill -KILL $stray 2>/dev/null || true; }
  if [ "$rc" -eq 0 ]; then pass vscode "$(( $(now_ms) - t0 )) ms, screenshots in e2e/screenshots/"
  else fail vscode "exit $rc after $(( $(now_ms) - t0 )) ms (log above)"; fi
}

want nvim && test_nvim
want vim && test_vim
want emacs && test_emacs
want vscode && test_vscode

echo "-- e2e run directory: $RUN_DIR"
[ "$FAILED" -gt 0 ] && echo "-- failed: ${FAILED_NAMES[*]}"
[ "$SKIPPED" -gt 0 ] && echo "-- $SKIPPED skipped"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
