{{/* The chart's name, truncated to 63 characters (a label value). */}}
{{- define "compose-operator.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The release's full name, used for every object: the release name alone when it already
contains the chart name (helm install compose-operator ...), otherwise release-chart.
*/}}
{{- define "compose-operator.fullname" -}}
{{- if contains .Chart.Name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "compose-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Selector labels: immutable on a Deployment, so only name and instance. */}}
{{- define "compose-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "compose-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The standard labels on every object. */}}
{{- define "compose-operator.labels" -}}
helm.sh/chart: {{ include "compose-operator.chart" . }}
{{ include "compose-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: operator
{{- end }}

{{- define "compose-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "compose-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The operator image: repository@digest when a digest is set, else repository:tag. */}}
{{- define "compose-operator.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* The wait containers' image: waitImage, or the operator image itself. */}}
{{- define "compose-operator.waitImage" -}}
{{- default (include "compose-operator.image" .) .Values.waitImage }}
{{- end }}

{{/*
The rules for the objects the operator manages, exactly the API calls it makes (no
wildcards). Shared by the ClusterRole (all namespaces) and the per-namespace Roles.
The operator creates Roles for depends_on wait containers that grant pods and jobs
get/list/watch: RBAC escalation prevention lets it only because it holds those
permissions itself (in the namespace, or cluster-wide). Do not remove them.
*/}}
{{- define "compose-operator.managedRules" -}}
- apiGroups: ["composeoperator.io"]
  resources: ["composeprojects"]
  verbs: ["get", "list", "watch", "patch", "update"]
- apiGroups: ["composeoperator.io"]
  resources: ["composeprojects/status"]
  verbs: ["get", "patch", "update"]
- apiGroups: ["apps"]
  resources: ["deployments", "daemonsets"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
- apiGroups: ["batch"]
  resources: ["jobs"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
- apiGroups: [""]
  resources: ["services", "configmaps", "persistentvolumeclaims", "serviceaccounts"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
- apiGroups: ["networking.k8s.io"]
  resources: ["networkpolicies", "ingresses"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
- apiGroups: ["rbac.authorization.k8s.io"]
  resources: ["roles", "rolebindings"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
# Gateway API routes: used only when the cluster serves them (the operator checks at start-up).
- apiGroups: ["gateway.networking.k8s.io"]
  resources: ["httproutes"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
- apiGroups: [""]
  resources: ["secrets", "pods"]
  verbs: ["get", "list", "watch"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- end }}
