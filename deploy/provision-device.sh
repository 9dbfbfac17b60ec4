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
touch "$file"
mosquitto_passwd -b "$file" "$site" "$password"
echo "site $site provisioned in $file; its MQTT password (shown once): $password"
echo "reload the broker to apply: docker compose -f deploy/compose.yaml kill -s HUP mosquitto"
