-- Argo CD health check for composeoperator.io/ComposeProject.
--
-- Install under argocd-cm key resource.customizations.health.composeoperator.io_ComposeProject
-- (see argocd-cm-patch.yaml). Argo CD runs custom health scripts in gopher-lua (Lua 5.1) with
-- only the base and table libraries (plus a two-function os), so this script uses no string,
-- math, os or io functions, no goto and no integer division.
--
--   Healthy      Ready=True, for the current generation
--   Degraded     Reconciled=False (InvalidCompose, Forbidden, Conflict, ImmutableField,
--                MissingCRD, ...):
--                the operator refuses (part of) the current spec and keeps what already runs;
--                or Ready=False for a reason that does not heal by waiting (CrashLoopBackOff,
--                ImagePullBackOff, ErrImagePull, CreateContainerConfigError, FailedCreate,
--                JobFailed, ReconcileError), as Argo CD judges Pods, ReplicaSets and Jobs
--   Progressing  no status yet, the operator has not observed the current generation,
--                or Ready=False while services start (ServicesNotReady, WaitingForSecret, Unschedulable,
--                VolumeNotBound, or a reason this script does not know)

local hs = {}

local function findCondition(conditions, conditionType)
  if conditions == nil then
    return nil
  end
  for _, condition in ipairs(conditions) do
    if condition.type == conditionType then
      return condition
    end
  end
  return nil
end

-- "Reason: message", or whichever of the two is set.
local function describe(condition, fallback)
  local reason = condition.reason
  local message = condition.message
  if reason ~= nil and message ~= nil and message ~= "" then
    return reason .. ": " .. message
  end
  if message ~= nil and message ~= "" then
    return message
  end
  if reason ~= nil then
    return reason
  end
  return fallback
end

-- A condition written for an older generation says nothing about the current spec.
local function isCurrent(condition, generation)
  if generation == nil or condition.observedGeneration == nil then
    return true
  end
  return condition.observedGeneration >= generation
end

-- Ready=False reasons that waiting does not fix. The operator writes them on Ready when it
-- refuses the spec, or when a service is blocked (names from the pod's waiting reason).
-- A table, not pattern matching: Argo CD gives custom scripts no string library.
local degradedReasons = {
  InvalidCompose = true, Forbidden = true, Conflict = true, InvalidName = true,
  ImmutableField = true, MissingCRD = true, CrashLoopBackOff = true, ImagePullBackOff = true,
  ErrImagePull = true, CreateContainerConfigError = true, FailedCreate = true,
  JobFailed = true, ReconcileError = true
}

local generation = obj.metadata.generation
local status = obj.status

if status == nil or status.conditions == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for compose-operator to reconcile this project"
  return hs
end

if generation ~= nil and (status.observedGeneration == nil or status.observedGeneration < generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for compose-operator to observe generation " .. tostring(generation)
  return hs
end

local reconciled = findCondition(status.conditions, "Reconciled")
-- Reconciled=False WaitingForSecret: a Secret in spec.variablesFrom does not exist yet (a GitOps
-- tool may be about to sync it); nothing is changed meanwhile, so it is Progressing, not Degraded.
if reconciled ~= nil and reconciled.status == "False" and isCurrent(reconciled, generation)
    and reconciled.reason ~= "WaitingForSecret" then
  hs.status = "Degraded"
  hs.message = describe(reconciled, "The Compose project could not be applied")
  return hs
end

local ready = findCondition(status.conditions, "Ready")
if ready == nil or not isCurrent(ready, generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for compose-operator to report readiness"
  return hs
end

if ready.status == "True" then
  hs.status = "Healthy"
  hs.message = describe(ready, "All services are ready")
  return hs
end

if ready.status == "False" and ready.reason ~= nil and degradedReasons[ready.reason] then
  hs.status = "Degraded"
  hs.message = describe(ready, "The Compose project could not be applied")
  return hs
end

-- Ready=False while services start (ServicesNotReady, WaitingForSecret, VolumeNotBound,
-- Unschedulable),
-- or Ready=Unknown.
hs.status = "Progressing"
hs.message = describe(ready, "Services are starting")
return hs
