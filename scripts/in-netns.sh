#!/usr/bin/env bash
# Runs a command in a network namespace of its own (video tests: shared/notes/video.md). Janus cannot send media over
# loopback, so the namespace gets one non-loopback address that exists only inside it, 10.213.0.1 on a veth pair whose
# both ends stay inside; nothing the command does can reach the machine's real network. Needs root (CAP_NET_ADMIN).
# The namespace (unshare -n) disappears with the command; nothing is left under /run/netns.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: scripts/in-netns.sh COMMAND [ARGS…]" >&2; exit 2; }
exec unshare --net -- bash -c '
  set -e
  ip link set lo up
  ip link add d0 type veth peer name d0peer
  ip link set d0peer up
  ip addr add 10.213.0.1/24 dev d0
  ip link set d0 up
  exec "$@"' in-netns "$@"
