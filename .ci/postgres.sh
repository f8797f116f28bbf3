#!/usr/bin/env bash
# A throwaway PostgreSQL server for the db tests (tests/db/postgres.test.mjs).
#
#   eval "$(.ci/postgres.sh start)"   starts a new cluster in a temporary directory and prints
#                                     shell `export` lines for:
#                                       ASSAY_TEST_PG_URL     postgres://assay:assay-pw@127.0.0.1:<port>/assay_test
#                                                             (TCP, scram-sha-256 password)
#                                       ASSAY_TEST_PG_SOCKET  the unix-socket directory (local
#                                                             connections are trusted)
#                                       ASSAY_TEST_PG_DIR     the cluster's directory (for stop)
#                                       ASSAY_TEST_PG_CA      a CA certificate (PEM file) that signed
#                                                             the server's TLS certificate (for
#                                                             localhost and 127.0.0.1); only when
#                                                             openssl is installed, else the server
#                                                             has no TLS
#   .ci/postgres.sh stop [DIR]        stops the cluster in DIR (default $ASSAY_TEST_PG_DIR) and
#                                     removes the directory
#
# Needs the Debian `postgresql` package (/usr/lib/postgresql/*/bin/initdb and pg_ctl); when it
# is missing and we are root with apt-get, it is installed first. PostgreSQL refuses to run as
# root, so as root the cluster belongs to the `postgres` user (created by the package) and runs
# through runuser. The port is a free one chosen at start; the server listens on 127.0.0.1
# only, with fsync off (a test server). Progress and errors go to stderr; exit status 1 when
# the server cannot be started.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }
. "$(dirname "$0")/lib.sh"

find_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  return 1
}

# runs a command as the cluster's owner
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# a CA and a server certificate signed by it, in $1 (owned by the cluster's owner)
make_certs() {
  local d=$1
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=assay test CA" -keyout "$d/ca.key" -out "$d/ca.pem" >/dev/null 2>&1 &&
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$d/server.key" -out "$d/server.csr" >/dev/null 2>&1 &&
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >"$d/san.ext" &&
    openssl x509 -req -in "$d/server.csr" -CA "$d/ca.pem" -CAkey "$d/ca.key" -CAcreateserial -days 2 -extfile "$d/san.ext" -out "$d/server.pem" >/dev/null 2>&1 || return 1
  chmod 600 "$d/server.key"
  [ "$(id -u)" = 0 ] && chown postgres: "$d/server.key" "$d/server.pem"
  return 0
}

start() {
  local bin dir port
  bin=$(find_bin) || { apt_install postgresql; bin=$(find_bin); } || { log "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb)"; exit 1; }
  dir=$(mktemp -d /tmp/assay-pg.XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  port=$(free_port)
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { log "initdb failed:"; cat "$dir/initdb.log" >&2; exit 1; }
  local tls=""
  if command -v openssl >/dev/null 2>&1 && make_certs "$dir"; then
    tls="-c ssl=on -c ssl_cert_file=$dir/server.pem -c ssl_key_file=$dir/server.key"
  fi
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off $tls" start >/dev/null ||
    { log "the server did not start:"; cat "$dir/server.log" >&2; exit 1; }
  as_owner "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE assay LOGIN SUPERUSER PASSWORD 'assay-pw'" -c "CREATE DATABASE assay_test OWNER assay" >/dev/null ||
    { log "cannot create the test database"; exit 1; }
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port${tls:+ (TLS)}, socket in $dir"
  echo "export ASSAY_TEST_PG_URL='postgres://assay:assay-pw@127.0.0.1:$port/assay_test'"
  echo "export ASSAY_TEST_PG_SOCKET='$dir'"
  echo "export ASSAY_TEST_PG_DIR='$dir'"
  [ -n "$tls" ] && echo "export ASSAY_TEST_PG_CA='$dir/ca.pem'"
  return 0
}

stop() {
  local dir=${1:-${ASSAY_TEST_PG_DIR:-}} bin
  [ -n "$dir" ] && [ -d "$dir/data" ] || { log "no cluster to stop"; exit 1; }
  bin=$(find_bin)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop [DIR]" >&2; exit 2 ;;
esac
