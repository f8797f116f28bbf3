#!/usr/bin/env bash
# A throwaway Prometheus server for the check-mode tests (tests/check/prometheus.test.mjs).
#
#   eval "$(.ci/prometheus.sh start)"   starts Prometheus on a free port of 127.0.0.1, with its
#                                       data in a new temporary directory and one scrape job,
#                                       `prometheus`, scraping itself every second; waits until
#                                       it is ready and has scraped itself once (so `up` has a
#                                       sample); prints shell `export` lines for:
#                                         ASSAY_TEST_PROM_URL  http://127.0.0.1:<port>
#                                         ASSAY_TEST_PROM_DIR  its directory (config, data, log,
#                                                              pid file), for stop
#                                       With PROM_RULES=<file>, the rule file is loaded too
#                                       (rule_files) and ASSAY_TEST_PROM_RULES=1 is exported.
#   .ci/prometheus.sh stop [DIR]        stops the server of DIR (default $ASSAY_TEST_PROM_DIR)
#                                       and removes the directory
#
# Needs the Debian `prometheus` package (/usr/bin/prometheus); when it is missing and we are
# root with apt-get, it is installed first (the package's own service is not used: it is not
# started without systemd, and this server is separate from it anyway). Progress and errors
# go to stderr; exit status 1 when the server cannot be started.
set -euo pipefail

log() { echo "prometheus.sh: $*" >&2; }
. "$(dirname "$0")/lib.sh"

start() {
  local bin dir port url
  bin=$(command -v prometheus) || { apt_install prometheus; bin=$(command -v prometheus); } || { log "Prometheus is not installed (no prometheus command)"; exit 1; }
  dir=$(mktemp -d /tmp/assay-prom.XXXXXX)
  port=$(free_port)
  url="http://127.0.0.1:$port"
  cat >"$dir/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: prometheus
    static_configs:
      - targets: ["127.0.0.1:$port"]
EOF
  if [ -n "${PROM_RULES:-}" ]; then
    printf 'rule_files: ["%s"]\n' "$(readlink -f "$PROM_RULES")" >>"$dir/prometheus.yml"
  fi
  # (setsid: the server outlives this script and is not in the caller's process group)
  setsid "$bin" --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
    --web.listen-address="127.0.0.1:$port" --storage.tsdb.retention.time=1h \
    >"$dir/prometheus.log" 2>&1 </dev/null &
  echo $! >"$dir/pid"
  # ready once it has scraped itself (so `up` has a sample)
  wait_ready "$dir" "$dir/prometheus.log" has_up "$url" || exit 1
  log "$("$bin" --version 2>&1 | head -1 | awk '{print $1, $3}') on $url, data in $dir"
  echo "export ASSAY_TEST_PROM_URL='$url'"
  echo "export ASSAY_TEST_PROM_DIR='$dir'"
  if [ -n "${PROM_RULES:-}" ]; then echo "export ASSAY_TEST_PROM_RULES=1"; fi
}

has_up() {
  http_get "$1/api/v1/query?query=up" | grep -q '"value"'
}

stop() {
  stop_daemon "${1:-${ASSAY_TEST_PROM_DIR:-}}"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop [DIR]" >&2; exit 2 ;;
esac
