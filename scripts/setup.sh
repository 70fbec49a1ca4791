#!/usr/bin/env bash
# Installs what building, running and testing need, and nothing twice: a second run takes seconds.
# Everything comes from the package registries (crates.io, npm, Debian); nothing downloads a
# binary from elsewhere. Facts behind each pin: docs/toolchain.md.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14            # 0.22+ needs rustc >= 1.96.1
say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

# --- Debian packages: Chromium + ChromeDriver for browser tests, curl for the copied-curl test. NOT binaryen: Debian's
# wasm-opt 108 turns wasm-bindgen's externref table into anyref and the page stays blank.
need=()
for pkg in chromium chromium-driver curl; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]} (apt)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
fi

# --- Rust: the wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# --- Trunk, pinned.
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 7 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# --- wasm-bindgen-cli at exactly the Cargo.lock version (Trunk and wasm-bindgen-test need the
# same). Not --locked: its own lockfile wants a webpki-roots the registry does not serve.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WB_VERSION" ]; then
  say "installing wasm-bindgen-cli $WB_VERSION (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi
if ! grep -q "wasm_bindgen = \"$WB_VERSION\"" Trunk.toml; then
  echo "Trunk.toml pins a wasm_bindgen other than Cargo.lock's $WB_VERSION: update it" >&2
  exit 1
fi

# --- npm tools, locked: wasm-opt 132 (binaryen) and playwright-core (drives Debian's Chromium;
# it never downloads a browser).
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/hawk ] || [ ! -d node_modules/terser ] || [ ! -d node_modules/csso ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
if [ "$(node_modules/.bin/wasm-opt --version)" != "wasm-opt version 132 (version_132)" ]; then
  echo "node_modules has the wrong wasm-opt: $(node_modules/.bin/wasm-opt --version)" >&2
  exit 1
fi

say "toolchain ready"
