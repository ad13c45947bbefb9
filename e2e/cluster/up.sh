#!/usr/bin/env bash
# Starts a real Kubernetes control plane on 127.0.0.1 and prints the path of an admin kubeconfig:
# etcd, kube-apiserver (RBAC, the default admission plugins including PodSecurity, an audit log),
# kube-controller-manager (garbage collector and workload controllers), kube-scheduler, and kwok,
# which plays the kubelet for two simulated nodes: pods are scheduled and become Running/Ready,
# Job pods complete, and claims are bound. No container runs. The Gateway API's standard-channel
# CRDs are installed (gateway-api/go.mod). Builds the binaries first when the
# cache does not have them (build.sh). Stop it with down.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

bin="$("$CLUSTER_SRC/build.sh")"
if [[ -f "$CLUSTER_DIR/pids" ]]; then
  "$CLUSTER_SRC/down.sh"
fi
mkdir -p "$CLUSTER_DIR"/{pki,etcd,logs,cmd}
ln -sfn "$bin" "$CLUSTER_DIR/bin" # the binaries beside the kubeconfig, for tests (bin/kubectl)
cd "$CLUSTER_DIR"
pki="$CLUSTER_DIR/pki"
server="https://127.0.0.1:$APISERVER_PORT"

# --- certificates: one CA, the API server's serving certificate, a client certificate per user ---
openssl_quiet() { openssl "$@" 2>/dev/null; }
openssl_quiet req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=compose-operator-test-ca" \
  -keyout "$pki/ca.key" -out "$pki/ca.crt"
openssl_quiet genrsa -out "$pki/sa.key" 2048
openssl_quiet rsa -in "$pki/sa.key" -pubout -out "$pki/sa.pub"
cat > "$pki/server.ext" <<EXT
subjectAltName=IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local
extendedKeyUsage=serverAuth
EXT
openssl_quiet req -newkey rsa:2048 -nodes -subj "/CN=kube-apiserver" -keyout "$pki/server.key" -out "$pki/server.csr"
openssl_quiet x509 -req -in "$pki/server.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -CAcreateserial \
  -days 30 -extfile "$pki/server.ext" -out "$pki/server.crt"

# kubeconfig NAME SUBJECT: a client certificate for SUBJECT and a kubeconfig that uses it.
kubeconfig() {
  local name=$1 subject=$2
  printf 'extendedKeyUsage=clientAuth\n' > "$pki/client.ext"
  openssl_quiet req -newkey rsa:2048 -nodes -subj "$subject" -keyout "$pki/$name.key" -out "$pki/$name.csr"
  openssl_quiet x509 -req -in "$pki/$name.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -CAcreateserial \
    -days 30 -extfile "$pki/client.ext" -out "$pki/$name.crt"
  cat > "$CLUSTER_DIR/$name.kubeconfig" <<KC
apiVersion: v1
kind: Config
clusters:
- name: local
  cluster:
    server: $server
    certificate-authority: $pki/ca.crt
users:
- name: $name
  user:
    client-certificate: $pki/$name.crt
    client-key: $pki/$name.key
contexts:
- name: local
  context: {cluster: local, user: $name}
current-context: local
KC
}
kubeconfig admin "/O=system:masters/CN=admin"
kubeconfig controller-manager "/CN=system:kube-controller-manager"
kubeconfig scheduler "/CN=system:kube-scheduler"
kubeconfig kwok "/O=system:masters/CN=kwok"

: > pids
start() { # start NAME COMMAND...: runs it in the background, its output in logs/NAME.log
  local name=$1; shift
  printf '%s\0' "$@" > "cmd/$name" # restart.sh starts it again from here
  start_saved "$name"
}
wait_for() { # wait_for WHAT SECONDS COMMAND...
  local what=$1 seconds=$2; shift 2
  for ((i = 0; i < seconds * 5; i++)); do
    if "$@" > /dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  log "$what did not come up in ${seconds}s; its log:"
  tail -30 "logs/$what.log" >&2 || true
  "$CLUSTER_SRC/down.sh"
  exit 1
}

log "starting etcd on 127.0.0.1:$ETCD_PORT"
start etcd "$bin/etcd" --name local --data-dir "$CLUSTER_DIR/etcd" \
  --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
  --listen-peer-urls "http://127.0.0.1:$((ETCD_PORT + 10))" --initial-advertise-peer-urls "http://127.0.0.1:$((ETCD_PORT + 10))" \
  --initial-cluster "local=http://127.0.0.1:$((ETCD_PORT + 10))" \
  --unsafe-no-fsync --quota-backend-bytes 4294967296 --log-level warn
wait_for etcd 30 curl -sf "http://127.0.0.1:$ETCD_PORT/health"

log "starting kube-apiserver on $server"
start kube-apiserver "$bin/kube-apiserver" \
  --etcd-servers "http://127.0.0.1:$ETCD_PORT" \
  --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$APISERVER_PORT" \
  --tls-cert-file "$pki/server.crt" --tls-private-key-file "$pki/server.key" \
  --client-ca-file "$pki/ca.crt" \
  --service-account-issuer https://kubernetes.default.svc.cluster.local \
  --service-account-key-file "$pki/sa.pub" --service-account-signing-key-file "$pki/sa.key" \
  --service-cluster-ip-range 10.96.0.0/16 \
  --authorization-mode Node,RBAC --allow-privileged=true \
  --audit-policy-file "$CLUSTER_SRC/audit-policy.yaml" --audit-log-path "$CLUSTER_DIR/logs/audit.log" \
  --audit-log-format json --audit-log-maxbackup 0 --audit-log-maxsize 0 \
  --profiling=false
wait_for kube-apiserver 120 "$bin/kubectl" --kubeconfig admin.kubeconfig get --raw /readyz

log "starting kube-controller-manager, kube-scheduler and kwok"
start kube-controller-manager "$bin/kube-controller-manager" \
  --kubeconfig controller-manager.kubeconfig \
  --authentication-kubeconfig controller-manager.kubeconfig --authorization-kubeconfig controller-manager.kubeconfig \
  --bind-address 127.0.0.1 --secure-port 0 --leader-elect=false \
  --use-service-account-credentials --service-account-private-key-file "$pki/sa.key" \
  --root-ca-file "$pki/ca.crt" --cluster-signing-cert-file "$pki/ca.crt" --cluster-signing-key-file "$pki/ca.key" \
  --controllers '*' --concurrent-gc-syncs 5 --profiling=false \
  --kube-api-qps 300 --kube-api-burst 500 --concurrent-deployment-syncs 20 \
  --concurrent-replicaset-syncs 20 --concurrent-job-syncs 20
start kube-scheduler "$bin/kube-scheduler" \
  --kubeconfig scheduler.kubeconfig \
  --authentication-kubeconfig scheduler.kubeconfig --authorization-kubeconfig scheduler.kubeconfig \
  --bind-address 127.0.0.1 --secure-port 0 --leader-elect=false --profiling=false \
  --kube-api-qps 300 --kube-api-burst 500
stage_configs=()
for f in "$bin"/stages/*.yaml; do
  [[ "$f" == */storage-class.yaml ]] || stage_configs+=(--config "$f")
done
start kwok "$bin/kwok" --kubeconfig kwok.kubeconfig \
  --manage-all-nodes=false --manage-nodes-with-annotation-selector kwok.x-k8s.io/node=fake \
  --node-ip 127.0.0.1 --node-port 0 --cidr 10.244.0.0/16 --node-lease-duration-seconds 40 \
  --server-address "127.0.0.1:$KWOK_PORT" "${stage_configs[@]}"

kubectl() { "$bin/kubectl" --kubeconfig admin.kubeconfig "$@"; }
kubectl apply -f "$bin/stages/storage-class.yaml" > /dev/null
for n in 0 1; do
  kubectl apply -f - > /dev/null <<NODE
apiVersion: v1
kind: Node
metadata:
  name: kwok-node-$n
  annotations: {kwok.x-k8s.io/node: fake, node.alpha.kubernetes.io/ttl: "0"}
  labels: {type: kwok, kubernetes.io/hostname: kwok-node-$n, kubernetes.io/os: linux, kubernetes.io/arch: amd64}
spec: {}
status:
  allocatable: {cpu: "64", memory: 256Gi, pods: "1500"}
  capacity: {cpu: "64", memory: 256Gi, pods: "1500"}
NODE
done
# The Gateway API's standard-channel CRDs (pinned in gateway-api/go.mod), so that the operator's
# HTTPRoutes are checked by a real API server. They are kept beside the binaries once read from
# the Go module cache, so a later start needs neither the module cache nor the network.
gateway_crds="$(gateway_api_crds)"
log "installing the Gateway API CRDs from $gateway_crds"
for crd in gatewayclasses gateways httproutes referencegrants; do
  kubectl apply --server-side --field-manager compose-operator-cluster \
    -f "$gateway_crds/gateway.networking.k8s.io_$crd.yaml" > /dev/null
done
wait_for kube-apiserver 60 kubectl wait --for condition=Established --timeout 1s \
  crd/gatewayclasses.gateway.networking.k8s.io crd/gateways.gateway.networking.k8s.io \
  crd/httproutes.gateway.networking.k8s.io crd/referencegrants.gateway.networking.k8s.io
wait_for kwok 60 kubectl wait --for=condition=Ready node --all --timeout 1s
# The namespace "default" gets its ServiceAccount from the controller manager: pods wait for it.
wait_for kube-controller-manager 60 kubectl get serviceaccount default -n default
log "control plane ready: $server (logs in $CLUSTER_DIR/logs, stop with $CLUSTER_SRC/down.sh)"
echo "$CLUSTER_DIR/admin.kubeconfig"
