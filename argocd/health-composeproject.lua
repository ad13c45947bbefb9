-- Argo CD health check for composeoperator.io/ComposeProject.
--
-- Install under argocd-cm key resource.customizations.health.composeoperator.io_ComposeProject
-- (see argocd-cm-patch.yaml). Argo CD runs custom health scripts in gopher-lua (Lua 5.1) with
-- only the base and table libraries (plus a two-function os), so this script uses no string,
-- math, os or io functions, no goto and no integer division.
--
--   Healthy      Ready=True, for the current generation
--   Degraded     Reconciled=False (InvalidCompose, Forbidden, Conflict, ...): the operator
--                refuses the current spec and keeps what already runs
--   Progressing  no status yet, the operator has not observed the current generation,
--                or Ready=False while services start (ServicesNotReady, WaitingForSecret)

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

-- Reasons for which the operator refuses the spec: Degraded even if only Ready carries them.
local refusals = {InvalidCompose = true, Forbidden = true, Conflict = true}

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
if reconciled ~= nil and reconciled.status == "False" and isCurrent(reconciled, generation) then
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

if ready.status == "False" and ready.reason ~= nil and refusals[ready.reason] then
  hs.status = "Degraded"
  hs.message = describe(ready, "The Compose project could not be applied")
  return hs
end

-- Ready=False while services start (ServicesNotReady, WaitingForSecret), or Ready=Unknown.
hs.status = "Progressing"
hs.message = describe(ready, "Services are starting")
return hs
