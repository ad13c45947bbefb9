#!/usr/bin/env bash
# Stops the control plane that up.sh started and removes its state (certificates, etcd data,
# logs): nothing keeps running and nothing is left but the cached binaries.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

if [[ -f "$CLUSTER_DIR/pids" ]]; then
  # Reverse start order: kwok and the controllers before the API server, the API server before etcd.
  tac "$CLUSTER_DIR/pids" | while read -r pid _; do stop_pid "$pid"; done
fi
rm -rf "$CLUSTER_DIR"
