#!/usr/bin/env bash
# A throwaway Alertmanager for the stdlib integration tests
# (stdlib/alertmanager/tests/integration/).
#
#   eval "$(.ci/alertmanager.sh start)"   starts Alertmanager on a free port of 127.0.0.1, with
#                                         its data in a new temporary directory, clustering off,
#                                         and two receivers that send nowhere: `default` (the
#                                         route's) and `team-x` (for alerts labelled
#                                         team="x"); waits until it is ready; prints shell
#                                         `export` lines for:
#                                           ASSAY_TEST_AM_URL  http://127.0.0.1:<port>
#                                           ASSAY_TEST_AM_DIR  its directory (config, data, log,
#                                                              pid file), for stop
#   .ci/alertmanager.sh stop [DIR]        stops the server of DIR (default $ASSAY_TEST_AM_DIR)
#                                         and removes the directory
#
# Needs the Debian `prometheus-alertmanager` package (/usr/bin/prometheus-alertmanager); when
# it is missing and we are root with apt-get, it is installed first (the package's own
# service is not used). Progress and errors go to stderr; exit status 1 when the server
# cannot be started.
set -euo pipefail

log() { echo "alertmanager.sh: $*" >&2; }
. "$(dirname "$0")/lib.sh"

find_bin() {
  command -v prometheus-alertmanager || command -v alertmanager
}

# succeeds when GET URL answers 2xx
start() {
  local bin dir port url
  bin=$(find_bin) || { apt_install prometheus-alertmanager; bin=$(find_bin); } || { log "Alertmanager is not installed (no prometheus-alertmanager command)"; exit 1; }
  dir=$(mktemp -d /tmp/assay-am.XXXXXX)
  port=$(free_port)
  url="http://127.0.0.1:$port"
  cat >"$dir/alertmanager.yml" <<'EOF'
route:
  receiver: default
  group_by: ["alertname"]
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
  routes:
    - receiver: team-x
      matchers: ['team="x"']
receivers:
  - name: default
  - name: team-x
EOF
  # (setsid: the server outlives this script and is not in the caller's process group;
  # --cluster.listen-address= turns the gossip cluster off, so no second port is bound)
  setsid "$bin" --config.file="$dir/alertmanager.yml" --storage.path="$dir/data" \
    --web.listen-address="127.0.0.1:$port" --cluster.listen-address= \
    >"$dir/alertmanager.log" 2>&1 </dev/null &
  echo $! >"$dir/pid"
  wait_ready "$dir" "$dir/alertmanager.log" http_get "$url/-/ready" || exit 1
  log "$("$bin" --version 2>&1 | head -1 | awk '{print $1, $3}') on $url, data in $dir"
  echo "export ASSAY_TEST_AM_URL='$url'"
  echo "export ASSAY_TEST_AM_DIR='$dir'"
}

stop() {
  stop_daemon "${1:-${ASSAY_TEST_AM_DIR:-}}"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop [DIR]" >&2; exit 2 ;;
esac
