# Build first: mvn package   (the image only assembles the WAR and RAR; it does not run Maven)
# Java 25 (IBM Semeru, OpenJ9): Open Liberty's base images for Java 25 exist from 25.0.0.10 on.
# The WAR is compiled for Java 17, so it also deploys to a Java 17 or 21 server.
FROM icr.io/appcafe/open-liberty:26.0.0.3-kernel-slim-java25-openj9-ubi-minimal

ARG VERSION=0.1.0-SNAPSHOT
LABEL org.opencontainers.image.title="portfolio-bridge" \
      org.opencontainers.image.description="Socket.IO v4 bridge delivering JMS domain events to portfolio clients" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="Proprietary"

# Server configuration first (server.xml, the bus files, jvm.options: the heap policy), so the
# feature layer is cached across app changes.
COPY --chown=1001:0 liberty/ /config/
COPY --chown=1001:0 docker/container.xml /config/configDropins/overrides/container.xml
COPY --chown=1001:0 docker/bus-features.xml /config/configDropins/defaults/bus-features.xml
RUN features.sh

# The app, declared in apps/ (not dropins/: nothing is polled in production, see liberty/server.xml).
# Context root / comes from WEB-INF/ibm-web-ext.xml.
COPY --chown=1001:0 docker/app.xml /config/configDropins/defaults/app.xml
COPY --chown=1001:0 target/portfolio-bridge.war /config/apps/portfolio-bridge.war
# The Artemis resource adapter, where liberty/bus-artemis.xml looks by default. The embedded bus
# (the default) ignores it; PORTFOLIO_BUS=artemis plus PORTFOLIO_NODE_ID and PORTFOLIO_ARTEMIS_*
# switch a container to the broker (README, "Many nodes").
COPY --chown=1001:0 target/artemis-ra.rar /opt/ol/wlp/usr/shared/resources/artemis/artemis-ra.rar

# The server extension that lets `server stop` drain (liberty/server.xml, <bell>).
COPY --chown=1001:0 target/portfolio-quiesce.jar /opt/ol/wlp/usr/shared/resources/portfolio/portfolio-quiesce.jar

# Production mode: the app refuses to start without a JWT key (PORTFOLIO_JWT_SECRET,
# PORTFOLIO_JWT_PUBLIC_KEY or PORTFOLIO_JWT_JWKS_URL). See README "Configuration".
ENV PORTFOLIO_MODE=prod
EXPOSE 9080

# Sets Liberty's connection backstop from the container's open-file limit (README, "Never wedged").
COPY --chown=1001:0 --chmod=755 docker/launch.sh /opt/ol/helpers/runtime/portfolio-launch.sh
CMD ["/opt/ol/helpers/runtime/portfolio-launch.sh", "run", "defaultServer"]

RUN configure.sh
