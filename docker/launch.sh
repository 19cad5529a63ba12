#!/bin/sh
# Container start: Liberty's TCP backstop just below this process's open-file limit (the
# connection cap the bridge derives sits another 256 lower), then the server as the image runs it.
limit=$(ulimit -n)
if [ -z "${TCP_MAX_OPEN_CONNECTIONS:-}" ] && [ "$limit" != "unlimited" ]; then
  TCP_MAX_OPEN_CONNECTIONS=$((limit - 256))
  export TCP_MAX_OPEN_CONNECTIONS
fi
exec /opt/ol/wlp/bin/server "$@"
