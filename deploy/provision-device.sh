#!/usr/bin/env bash
# Provisions an edge site on the Mosquitto of deploy/: a user named after the site with a
# fresh random password (printed once, for the agent's IOC_MQTT_PASSWORD). The ACL's
# "pattern write ioc/v1/%u/#" then lets it publish only under ioc/v1/<site>/.
#   deploy/provision-device.sh hue-phuhoi [password-file]
set -euo pipefail
site=${1:?usage: provision-device.sh SITE_ID [PASSWORD_FILE]}
file=${2:-$(dirname "$0")/mosquitto/passwd}
[[ $site =~ ^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$ ]] || { echo "not a valid site id: $site" >&2; exit 2; }
case $site in incidents|reports|ops|system|ioc-job|ioc-console|ioc-replay) echo "reserved name: $site" >&2; exit 2;; esac
password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 24)
umask 077  # the file holds password hashes
touch "$file"
mosquitto_passwd -b "$file" "$site" "$password"
echo "site $site provisioned in $file; its MQTT password (shown once): $password"
echo "apply it (deploy/README.md): with compose,"
echo "  docker compose -f deploy/compose.yaml exec mosquitto sh -c 'cp /run/ioc/passwd /mosquitto/config/passwd && kill -HUP 1'"
echo "on Kubernetes,"
echo "  kubectl -n ioc create secret generic mosquitto-passwd --from-file=passwd=$file --dry-run=client -o yaml | kubectl apply -f -"
echo "  and after a minute: kubectl -n ioc exec mosquitto-0 -- kill -HUP 1"
