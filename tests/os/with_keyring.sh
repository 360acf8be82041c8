#!/usr/bin/env bash
# Runs COMMAND with a keyring of its own, as a desktop session has one: a private D-Bus session
# and GNOME Keyring's Secret Service, unlocked with a throwaway password, keeping its files in
# a temporary HOME that is removed afterwards.
#   tests/os/with_keyring.sh COMMAND [ARGS...]
set -euo pipefail
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME=$home XDG_DATA_HOME=$home/.local/share XDG_CONFIG_HOME=$home/.config
export XDG_RUNTIME_DIR=$home/run
mkdir -p "$XDG_RUNTIME_DIR" "$XDG_DATA_HOME"
chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- bash -c '
    printf "throwaway" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$@"' keyring "$@"
