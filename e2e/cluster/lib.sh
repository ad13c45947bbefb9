# Shared settings of the local control plane scripts (build.sh, up.sh, down.sh). Sourced, not run.
# Everything is overridable from the environment; see README.md beside this file.

CLUSTER_SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
K8S_VERSION="$(awk '/^require k8s.io\/kubernetes /{print $3}' "$CLUSTER_SRC/k8s/go.mod")"
# The binaries are cached under a key made of everything that decides them: the pinned modules
# and this directory's build script. A change of either builds a new set beside the old one.
cache_key() {
  cat "$CLUSTER_SRC"/k8s/go.mod "$CLUSTER_SRC"/k8s/go.sum "$CLUSTER_SRC"/etcd/go.mod \
    "$CLUSTER_SRC"/etcd/go.sum "$CLUSTER_SRC"/etcd/main.go "$CLUSTER_SRC"/kwok/go.mod \
    "$CLUSTER_SRC"/kwok/go.sum "$CLUSTER_SRC"/build.sh | sha256sum | cut -c1-16
}
CLUSTER_CACHE="${COMPOSE_OPERATOR_CLUSTER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/compose-operator/cluster}"
CLUSTER_BIN="$CLUSTER_CACHE/$K8S_VERSION-$(cache_key)"
# Where a running cluster keeps its certificates, data, logs and pids.
CLUSTER_DIR="${COMPOSE_OPERATOR_CLUSTER_DIR:-${TMPDIR:-/tmp}/compose-operator-cluster}"
ETCD_PORT="${COMPOSE_OPERATOR_ETCD_PORT:-23790}"
APISERVER_PORT="${COMPOSE_OPERATOR_APISERVER_PORT:-16443}"
KWOK_PORT="${COMPOSE_OPERATOR_KWOK_PORT:-10247}"

# The Gateway API version whose CRDs up.sh installs, and where they are kept once read.
GATEWAY_API_VERSION="$(awk '/^require sigs.k8s.io\/gateway-api /{print $3}' "$CLUSTER_SRC/gateway-api/go.mod")"
GATEWAY_API_CRDS="$CLUSTER_CACHE/gateway-api-$GATEWAY_API_VERSION"

# gateway_api_crds: prints the directory holding the pinned standard-channel CRDs. The first time
# it copies them from the module (the Go module cache; the Go module proxy only when the module is
# not there, checked against gateway-api/go.sum); afterwards it reads the copy.
gateway_api_crds() {
  if [[ ! -f "$GATEWAY_API_CRDS/.complete" ]]; then
    local dir
    dir="$(cd "$CLUSTER_SRC/gateway-api" && GOFLAGS=-mod=readonly go mod download -json sigs.k8s.io/gateway-api \
      | awk -F'"' '/"Dir":/{print $4}')"
    [[ -d "$dir/config/crd/standard" ]] || { echo "gateway-api $GATEWAY_API_VERSION: no config/crd/standard in '$dir'" >&2; return 1; }
    mkdir -p "$GATEWAY_API_CRDS"
    install -m 0644 "$dir"/config/crd/standard/*.yaml "$GATEWAY_API_CRDS/"
    touch "$GATEWAY_API_CRDS/.complete"
  fi
  echo "$GATEWAY_API_CRDS"
}

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# start_saved NAME: starts the command that up.sh saved for NAME in the background (in its own
# process group, so that down.sh stops it whole), appending to logs/NAME.log; records its pid.
start_saved() {
  local name=$1 args=()
  mapfile -d '' args < "$CLUSTER_DIR/cmd/$name"
  # exec: no shell stays between us and the component, so that $! is its pid and nothing keeps
  # the caller's standard output open (up.sh's output is read with $(...)).
  (cd "$CLUSTER_DIR" && exec setsid "${args[@]}" >> "logs/$name.log" 2>&1 < /dev/null) &
  echo "$! $name" >> "$CLUSTER_DIR/pids"
}

# stop_pid PID: SIGTERM to its process group, SIGKILL after 5 s.
stop_pid() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
}
