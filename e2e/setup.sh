#!/usr/bin/env bash
# Idempotent installer for the real-editor end-to-end tests (see ../shared/E2E.md).
#   apt: neovim, vim + ALE, emacs + eglot, chromium, ripgrep, libkrb5-dev (kerberos build for code-server)
#   npm: code-server@4.100.3 + playwright-core, inside e2e/.work (git-ignored, own package.json)
# Safe to run repeatedly: skips what is already there.
set -euo pipefail
E2E="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="$E2E/.work"
CODE_SERVER_VERSION=4.100.3
SKIP_APT="${E2E_SKIP_APT:-}"

log() { printf '[e2e setup] %s\n' "$*"; }

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

# ---- apt -------------------------------------------------------------------
APT_PKGS=(neovim vim vim-ale emacs-nox elpa-eglot chromium ripgrep libkrb5-dev build-essential python3)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ] && [ -z "$SKIP_APT" ]; then
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq || $SUDO apt-get update
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  log "apt packages present"
fi

# ---- code-server + playwright-core in e2e/.work ------------------------------
mkdir -p "$WORK"
export TMPDIR="$WORK/tmp"   # VS Code and @vscode/ripgrep drop files here
mkdir -p "$TMPDIR"
if [ ! -f "$WORK/package.json" ]; then
  cat > "$WORK/package.json" <<JSON
{
  "name": "keepalived-tools-e2e-work",
  "private": true,
  "description": "git-ignored install folder for the real-editor e2e tests",
  "dependencies": {}
}
JSON
fi

have_cs() { [ -x "$WORK/node_modules/.bin/code-server" ] && [ -d "$WORK/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin" ] && "$WORK/node_modules/.bin/code-server" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION"; }
have_pw() { [ -f "$WORK/node_modules/playwright-core/package.json" ]; }

if ! have_cs; then
  # @vscode/ripgrep downloads its binary from GitHub unless the cache already holds it.
  RGC="$TMPDIR/vscode-ripgrep-cache-1.15.11"
  if [ ! -f "$RGC/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" ]; then
    mkdir -p "$RGC/s"
    cp "$(command -v rg)" "$RGC/s/rg"
    tar czf "$RGC/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$RGC/s" rg
  fi
  log "npm install code-server@$CODE_SERVER_VERSION (about 50 s)"
  (cd "$WORK" && npm_config_yes=true npm install --no-audit --no-fund --unsafe-perm "code-server@$CODE_SERVER_VERSION")
else
  log "code-server $CODE_SERVER_VERSION present"
fi
if ! have_pw; then
  log "npm install playwright-core"
  (cd "$WORK" && npm install --no-audit --no-fund playwright-core)
else
  log "playwright-core present"
fi
have_cs || { log "code-server install failed"; exit 1; }
have_pw || { log "playwright-core install failed"; exit 1; }
log "done"
