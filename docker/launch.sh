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
# HotSpot's AOT cache (Java 25, JEP 483/514) when PORTFOLIO_AOT_CACHE names a file: start from it
# when it exists, else record one on this run (written when the server stops). It holds Liberty's
# and the libraries' classes loaded and linked (start-up figures: bench/RESULTS.md, issue 26).
# OpenJ9 (the image's JVM) ignores both options and keeps its own shared class cache.
# One recording at a time: while a stopped JVM still assembles the cache (its .config exists), a
# new start goes without.
aot=
if [ -n "${PORTFOLIO_AOT_CACHE:-}" ]; then
  if [ -f "$PORTFOLIO_AOT_CACHE" ]; then
    aot="-XX:AOTCache=$PORTFOLIO_AOT_CACHE"
  elif [ ! -e "$PORTFOLIO_AOT_CACHE.config" ]; then
    mkdir -p "$(dirname "$PORTFOLIO_AOT_CACHE")"
    aot="-XX:AOTCacheOutput=$PORTFOLIO_AOT_CACHE"
  fi
fi
if [ -n "$aot" ]; then
  JVM_ARGS="${JVM_ARGS:+$JVM_ARGS }$aot"
  export JVM_ARGS
fi
exec "${WLP_DIR:-/opt/ol/wlp}/bin/server" "$@"
