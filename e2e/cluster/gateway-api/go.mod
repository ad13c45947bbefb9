// Pins the Gateway API CRDs that up.sh installs into the test cluster (see ../README.md).
// Nothing is built from it: up.sh reads config/crd/standard/ from the downloaded module.
module composeoperator.io/e2e/cluster/gateway-api

go 1.26.0

require sigs.k8s.io/gateway-api v1.6.3
