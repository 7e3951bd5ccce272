#!/usr/bin/env bash
# scripts/deploy.sh ENVIRONMENT RESOURCE_GROUP [LOCATION] [--step infra|code|events|all]
#
# Deploys Alerts to Azure in three steps, each safe to re-run:
#   1. infra   az deployment group create with infra/environments/ENV/main.bicepparam (Event Grid subscriptions off)
#   2. code    dotnet publish src/Alerts.Functions, zip, az functionapp deployment source config-zip; then wait until the
#              host has created the blobs extension's webhook key
#   3. events  the same deployment with ALERTS_SUBSCRIBE_EVENTS=true: Event Grid subscriptions to that webhook
# Secrets come from the environment only (SMTP_PASSWORD, TEAMS_WEBHOOK_URL_0); unset ones keep the Key Vault value.
# Needs: az (logged in, Bicep built in), dotnet 10 SDK, zip. Not run by CI: CI has no Azure subscription.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
die() { printf 'error: %s\n' "$*" >&2; exit 2; }
say() { printf '\033[1m%s\033[0m\n' "$*" >&2; }

STEP=all
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --step) STEP=${2:?--step needs infra, code, events or all}; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
[ ${#ARGS[@]} -ge 2 ] || die "usage: scripts/deploy.sh ENVIRONMENT RESOURCE_GROUP [LOCATION] [--step infra|code|events|all]"
ENVIRONMENT=${ARGS[0]}
RESOURCE_GROUP=${ARGS[1]}
LOCATION=${ARGS[2]:-}
PARAMS="$ROOT/infra/environments/$ENVIRONMENT/main.bicepparam"
DEPLOYMENT="alerts-$ENVIRONMENT"
[ -f "$PARAMS" ] || die "no parameter file $PARAMS"
case "$STEP" in infra|code|events|all) ;; *) die "--step must be infra, code, events or all" ;; esac
command -v az >/dev/null || die "the Azure CLI (az) is not on PATH"
az account show >/dev/null 2>&1 || die "not logged in to Azure: run 'az login' (and 'az account set -s SUBSCRIPTION')"

output() { # name: an output of the last deployment of this environment
  az deployment group show -g "$RESOURCE_GROUP" -n "$DEPLOYMENT" --query "properties.outputs.$1.value" -o tsv
}

deploy_infra() { # subscribe-events (true|false)
  if ! az group show -n "$RESOURCE_GROUP" >/dev/null 2>&1; then
    [ -n "$LOCATION" ] || die "resource group $RESOURCE_GROUP does not exist: give a LOCATION to create it"
    say "Creating resource group $RESOURCE_GROUP in $LOCATION…"
    az group create -n "$RESOURCE_GROUP" -l "$LOCATION" -o none
  fi
  say "Deploying infra/main.bicep ($ENVIRONMENT, subscribeEvents=$1)…"
  ALERTS_SUBSCRIBE_EVENTS=$1 az deployment group create -g "$RESOURCE_GROUP" -n "$DEPLOYMENT" \
    --parameters "$PARAMS" -o none
}

deploy_code() {
  local app out zip
  app=$(output appName)
  out=$(mktemp -d)
  zip="$out.zip"
  say "Publishing src/Alerts.Functions…"
  dotnet publish "$ROOT/src/Alerts.Functions" -c Release -o "$out" -nologo -v q
  [ ! -e "$out/local.settings.json" ] || die "local.settings.json is in the package; refusing to deploy it"
  (cd "$out" && zip -qr "$zip" .)
  say "Deploying the package to $app…"
  az functionapp deployment source config-zip -g "$RESOURCE_GROUP" -n "$app" --src "$zip" -o none
  rm -rf "$out" "$zip"
  say "Waiting for the host to create the blobs extension key…"
  for _ in $(seq 1 30); do
    if [ -n "$(az functionapp keys list -g "$RESOURCE_GROUP" -n "$app" --query 'systemKeys.blobs_extension' -o tsv 2>/dev/null)" ]; then
      return 0
    fi
    sleep 10
  done
  die "no blobs_extension key after 5 minutes: check the app's logs in Application Insights, then run --step events"
}

case "$STEP" in
  infra) deploy_infra false ;;
  code) deploy_code ;;
  events) deploy_infra true ;;
  all) deploy_infra false; deploy_code; deploy_infra true ;;
esac

say "Done. App $(output appName), storage $(output storageAccountName), Key Vault $(output keyVaultName), Language $(output languageEndpoint)"
