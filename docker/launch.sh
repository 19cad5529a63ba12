#!/bin/sh
# Starts the server as the container image does (CMD), with Liberty's TCP backstop just below
# this process's open-file limit; the bridge's own connection cap sits another 256 lower.
# The cluster and benchmark harness launch nodes through this script too (WLP_DIR set).
limit=$(ulimit -n)
if [ -z "${TCP_MAX_OPEN_CONNECTIONS:-}" ] && [ "$limit" != "unlimited" ]; then
  TCP_MAX_OPEN_CONNECTIONS=$((limit - 256))
  export TCP_MAX_OPEN_CONNECTIONS
fi
exec "${WLP_DIR:-/opt/ol/wlp}/bin/server" "$@"
