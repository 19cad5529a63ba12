#!/bin/sh
# Starts the server as the container image does (CMD), with Liberty's TCP backstop below this
# process's open-file limit by half the bridge's descriptor reserve (the bridge's own connection
# cap sits a whole reserve below it). The cluster and benchmark harness launch nodes through this
# script too (WLP_DIR set).
limit=$(ulimit -n)
reserve=${PORTFOLIO_LIMITS_DESCRIPTOR_RESERVE:-512}
if [ -z "${TCP_MAX_OPEN_CONNECTIONS:-}" ] && [ "$limit" != "unlimited" ]; then
  TCP_MAX_OPEN_CONNECTIONS=$((limit - reserve / 2))
  export TCP_MAX_OPEN_CONNECTIONS
fi
exec "${WLP_DIR:-/opt/ol/wlp}/bin/server" "$@"
