# shellcheck shell=bash
# Installs what Breathing Room needs to build and test, when it is missing.
# Sourced by ./run and ./test (not run on its own); every function either
# makes its need true or explains what to do and exits 1. They run in the
# calling shell (not a subshell), so a PATH fix for cargo carries over.
#
#   br_ensure_system_packages build|test   apt packages for Tauri, Xvfb, WebDriver
#   br_ensure_rust build|test   cargo (and, for "test", rustfmt + clippy)
#   br_ensure_node              Node.js >= 20.19 with npm
#   br_ensure_npm_deps DIR      npm ci in DIR when its node_modules is stale
#   br_ensure_tauri_driver      tauri-driver, for the end-to-end tests

BR_ROOT="${BR_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"

# Debian/Ubuntu names; see TAURI-HERE.md for what each is for.
BR_APT_PACKAGES=(
  libwebkit2gtk-4.1-dev build-essential curl wget file libssl-dev
  libayatana-appindicator3-dev librsvg2-dev libxdo-dev pkg-config
  xvfb xauth dbus-x11 webkit2gtk-driver xdotool x11-utils imagemagick dunst python3
  desktop-file-utils appstream
)
BR_TAURI_DRIVER_VERSION="2.1.0"
BR_PREREQS_URL="https://v2.tauri.app/start/prerequisites/"

br_say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
br_warn() { printf '\033[33m%s\033[0m\n' "$*" >&2; }
br_die() {
  printf '\033[31m%s\033[0m\n' "$*" >&2
  exit 1
}

# Runs a command as root: directly when we are root, else through sudo.
br_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    br_die "Need root to run: $*  (no sudo found). Run it as root, then try again."
  fi
}

br_missing_apt_packages() {
  local pkg
  for pkg in "${BR_APT_PACKAGES[@]}"; do
    if [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" != "install ok installed" ]; then
      printf '%s\n' "$pkg"
    fi
  done
}

br_other_distro_help() {
  cat >&2 <<EOF
This is not a Debian/Ubuntu system, so the system libraries cannot be installed
automatically. Install the equivalents of:

  ${BR_APT_PACKAGES[*]}

  Fedora: sudo dnf install webkit2gtk4.1-devel openssl-devel curl wget file \\
            libappindicator-gtk3-devel librsvg2-devel libxdo-devel pkgconf-pkg-config \\
            xorg-x11-server-Xvfb xorg-x11-xauth dbus-x11 xdotool xorg-x11-utils \\
            ImageMagick dunst python3
          sudo dnf group install "c-development"
  Arch:   sudo pacman -S --needed webkit2gtk-4.1 base-devel curl wget file openssl \\
            libappindicator-gtk3 librsvg xdotool xorg-server-xvfb xorg-xauth \\
            xorg-xwininfo imagemagick dunst python

WebKitWebDriver (for ./test) comes with the WebKitGTK package on some
distributions and separately on others; it must end up on PATH.
The build prerequisites are explained at $BR_PREREQS_URL
EOF
}

# $1 = "build" (./run) or "test" (./test, which also needs Xvfb, D-Bus and
# WebDriver). With apt, the whole list is installed either way.
br_ensure_system_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    # Not apt-based: go on if the essentials are there, else say what to install.
    local need=() cmds=(cc pkg-config)
    pkg-config --exists webkit2gtk-4.1 2>/dev/null || need+=("webkit2gtk-4.1 (development files)")
    [ "${1:-}" = "test" ] && cmds+=(xvfb-run dbus-run-session WebKitWebDriver xdotool import python3)
    local cmd
    for cmd in "${cmds[@]}"; do
      command -v "$cmd" >/dev/null 2>&1 || need+=("$cmd")
    done
    if [ ${#need[@]} -gt 0 ]; then
      br_warn "Missing: ${need[*]}"
      br_other_distro_help
      exit 1
    fi
    return 0
  fi

  local missing
  mapfile -t missing < <(br_missing_apt_packages)
  [ ${#missing[@]} -eq 0 ] && return 0
  br_say "Installing system packages (about a minute): ${missing[*]}"
  br_as_root apt-get update || br_die "apt-get update failed; see above."
  br_as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${BR_APT_PACKAGES[@]}" ||
    br_die "apt-get install failed; see above."
  mapfile -t missing < <(br_missing_apt_packages)
  [ ${#missing[@]} -eq 0 ] || br_die "These packages are still missing after apt-get install: ${missing[*]}"
}

# $1 = "build", or "test" to also require rustfmt and clippy.
br_ensure_rust() {
  if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
  if ! command -v cargo >/dev/null 2>&1; then
    br_die "Rust is not installed (no cargo on PATH).
Install it with rustup from https://rustup.rs, open a new terminal (or run
'. \"\$HOME/.cargo/env\"'), then run this again."
  fi
  if [ "${1:-}" = "test" ]; then
    local comp
    for comp in fmt clippy; do
      if ! cargo "$comp" --version >/dev/null 2>&1; then
        if command -v rustup >/dev/null 2>&1; then
          br_say "Adding the Rust components rustfmt and clippy"
          rustup component add rustfmt clippy || br_die "rustup component add rustfmt clippy failed."
          break
        fi
        br_die "cargo $comp is missing; install the rustfmt and clippy components of your Rust toolchain."
      fi
    done
  fi
}

# Vite 8 and jsdom need Node ^20.19, ^22.13 or >= 24.
br_node_ok() {
  local v major minor
  v="$(node --version 2>/dev/null)" || return 1
  v="${v#v}"
  major="${v%%.*}"
  minor="${v#*.}"
  minor="${minor%%.*}"
  case "$major" in
    20) [ "$minor" -ge 19 ] ;;
    22) [ "$minor" -ge 13 ] ;;
    *) [ "$major" -ge 24 ] ;;
  esac
}

br_ensure_node() {
  if ! br_node_ok || ! command -v npm >/dev/null 2>&1; then
    local have
    have="$(node --version 2>/dev/null || echo 'no node')"
    br_die "Node.js 20.19 or newer (20.19+, 22.13+ or 24+) with npm is needed; found: $have.
(Debian 12's own nodejs package is 18, too old for the UI's build tools.)
Install a current Node.js, for example:
  - NodeSource: https://github.com/nodesource/distributions (apt install nodejs after adding their repository)
  - nvm: https://github.com/nvm-sh/nvm, then 'nvm install 22'
then run this again."
  fi
}

# npm ci in $1 when node_modules is missing or older than package-lock.json.
br_ensure_npm_deps() {
  local dir="$1"
  [ -f "$dir/package-lock.json" ] || return 0 # no dependencies to install
  if [ ! -f "$dir/node_modules/.package-lock.json" ] ||
    [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    br_say "Installing npm packages in ${dir#"$BR_ROOT"/} (npm ci)"
    npm --prefix "$dir" ci --no-audit --no-fund || br_die "npm ci failed in $dir; see above."
  fi
}

br_ensure_tauri_driver() {
  if command -v tauri-driver >/dev/null 2>&1; then
    return 0
  fi
  br_say "Installing tauri-driver $BR_TAURI_DRIVER_VERSION (cargo install, about a minute)"
  cargo install tauri-driver --locked --version "$BR_TAURI_DRIVER_VERSION" ||
    br_die "cargo install tauri-driver failed; see above."
  command -v tauri-driver >/dev/null 2>&1 ||
    br_die "tauri-driver was installed but is not on PATH; add \$HOME/.cargo/bin to PATH."
}
