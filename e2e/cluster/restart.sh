#!/usr/bin/env bash
# Restarts one component of the running local control plane (for example kube-apiserver) with the
# command line up.sh gave it, and waits until the API server answers again. For tests that prove
# the operator survives a restart of the API server.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
name=${1:?usage: restart.sh COMPONENT (etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kwok)}
[[ -f "$CLUSTER_DIR/cmd/$name" ]] || { echo "restart.sh: no running $name in $CLUSTER_DIR" >&2; exit 1; }
grep " $name\$" "$CLUSTER_DIR/pids" | while read -r pid _; do stop_pid "$pid"; done
sed -i "/ $name\$/d" "$CLUSTER_DIR/pids"
start_saved "$name"
bin="$(dirname "$(head -zn1 "$CLUSTER_DIR/cmd/kube-apiserver" | tr -d '\0')")"
for _ in $(seq 600); do
  if "$bin/kubectl" --kubeconfig "$CLUSTER_DIR/admin.kubeconfig" get --raw /readyz > /dev/null 2>&1; then
    log "$name restarted"
    exit 0
  fi
  sleep 0.2
done
echo "restart.sh: the API server did not answer within 120 s after restarting $name" >&2
exit 1
