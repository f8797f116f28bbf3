# Shared by the .ci/*.sh server scripts (sourced, not run): installing a Debian package,
# a free loopback port, an HTTP GET through node, waiting for a daemon, stopping one.
# Each script defines log() before sourcing this file.

# apt_install PKG: installs PKG when we are root with apt-get (updating the lists if needed)
apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing $1"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null 2>&1 ||
      { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null; }
  fi
}

free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'
}

# http_get URL: prints the body of a 2xx answer, else fails
http_get() {
  node -e 'fetch(process.argv[1]).then(async (r) => { if (!r.ok) process.exit(1); process.stdout.write(await r.text()); }, () => process.exit(1))' "$1"
}

# wait_ready DIR LOG CMD...: runs CMD every half second until it succeeds (0), the daemon
# whose pid is in DIR/pid dies, or a minute passes (1, with the end of LOG on stderr and the
# daemon killed)
wait_ready() {
  local dir=$1 logfile=$2 i
  shift 2
  for i in $(seq 1 120); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then break; fi
    sleep 0.5
  done
  log "the server did not become ready:"
  tail -20 "$logfile" >&2
  kill "$(cat "$dir/pid")" 2>/dev/null || true
  return 1
}

# stop_daemon DIR: stops the daemon whose pid is in DIR/pid (TERM, then KILL after 10 s) and
# removes DIR
stop_daemon() {
  local dir=$1 pid i
  [ -n "$dir" ] && [ -f "$dir/pid" ] || { log "no server to stop"; exit 1; }
  pid=$(cat "$dir/pid")
  kill "$pid" 2>/dev/null || true
  for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -9 "$pid" 2>/dev/null || true
  rm -rf "$dir"
}
