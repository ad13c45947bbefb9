#!/usr/bin/env bash
# Builds the local control plane's binaries from the Go modules pinned in k8s/, etcd/ and kwok/
# (go.mod and go.sum checked in) into a cache directory, once: a second run with the same pins
# finds them there and builds nothing. Prints the directory. Needs Go and the Go module proxy.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

if [[ -f "$CLUSTER_BIN/.complete" ]]; then
  echo "$CLUSTER_BIN"
  exit 0
fi
command -v go >/dev/null || { echo "build.sh: Go is needed to build the control plane (go not found)" >&2; exit 1; }
mkdir -p "$CLUSTER_BIN"
export CGO_ENABLED=0 GOFLAGS=-mod=readonly
started=$SECONDS

# As kubernetes' hack/lib/version.sh does: without the stamp, --version says v0.0.0-master.
minor="${K8S_VERSION#v1.}"; minor="${minor%%.*}"
ldflags="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ldflags+=" -X $pkg.gitVersion=$K8S_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
  ldflags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
done

log "building Kubernetes $K8S_VERSION (kube-apiserver, kube-controller-manager, kube-scheduler, kubectl)"
(cd "$CLUSTER_SRC/k8s" && go build -trimpath -p 2 -ldflags "$ldflags" -o "$CLUSTER_BIN/" \
  k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
  k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubectl)
log "building etcd"
(cd "$CLUSTER_SRC/etcd" && go build -trimpath -p 2 -ldflags "-s -w" -o "$CLUSTER_BIN/etcd" .)
log "building kwok"
(cd "$CLUSTER_SRC/kwok" && go build -trimpath -p 2 -ldflags "-s -w" -o "$CLUSTER_BIN/" sigs.k8s.io/kwok/cmd/kwok)

# kwok starts only with stages that say how simulated nodes, pods and volumes move; its module
# ships them as YAML (kustomize/stage/), which we take from the module at the pinned version.
kwok_dir="$(cd "$CLUSTER_SRC/kwok" && go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)"
mkdir -p "$CLUSTER_BIN/stages"
for stage in node/fast/node-initialize node/heartbeat-with-lease/node-heartbeat-with-lease \
  pod/fast/pod-ready pod/fast/pod-complete pod/fast/pod-delete volume/fast/pvc-provision \
  volume/fast/pv-bind volume/fast/pv-delete volume/fast/pvc-delete volume/fast/storage-class; do
  install -m 0644 "$kwok_dir/kustomize/stage/$stage.yaml" "$CLUSTER_BIN/stages/${stage##*/}.yaml"
done

"$CLUSTER_BIN/kube-apiserver" --version >&2
touch "$CLUSTER_BIN/.complete"
log "built in $((SECONDS - started)) s: $(du -sh "$CLUSTER_BIN" | cut -f1) in $CLUSTER_BIN"
echo "$CLUSTER_BIN"
