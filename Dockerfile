# jamf-mcp-server: docker build -t jamf-mcp . && docker run -p 8080:8080 --env-file jamf.env jamf-mcp
# Settings come from the environment at run time (docs/CONFIGURATION.md); nothing secret is baked in.

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
# Dependencies first, so source edits reuse the cached layer.
COPY pom.xml .
COPY jamf-mcp-simulator/pom.xml jamf-mcp-simulator/
COPY jamf-mcp-core/pom.xml jamf-mcp-core/
COPY jamf-mcp-jwt/pom.xml jamf-mcp-jwt/
COPY jamf-mcp-javalin/pom.xml jamf-mcp-javalin/
COPY jamf-mcp-servlet/pom.xml jamf-mcp-servlet/
COPY jamf-mcp-redis/pom.xml jamf-mcp-redis/
COPY jamf-mcp-examples/pom.xml jamf-mcp-examples/
COPY jamf-mcp-benchmarks/pom.xml jamf-mcp-benchmarks/
COPY jamf-mcp-loadtest/pom.xml jamf-mcp-loadtest/
RUN mvn -B -q -pl jamf-mcp-examples -am dependency:go-offline || true
COPY . .
# -Dcds.skip: the build's own AppCDS archive is for the build JVM; the image makes its own cache.
RUN mvn -B -q -pl jamf-mcp-examples -am package -DskipTests -Dcds.skip

FROM eclipse-temurin:25-jre
# The Ubuntu-based Temurin image has no curl or wget; the health check uses bash's /dev/tcp.
RUN groupadd --system --gid 10001 mcp && useradd --system --uid 10001 --gid mcp --no-create-home --shell /usr/sbin/nologin mcp
WORKDIR /app
COPY --from=build /src/jamf-mcp-examples/target/jamf-mcp-server.jar /app/jamf-mcp-server.jar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# Start-up cache (Java 25 AOT cache, JEP 483/514; docs/BENCHMARKS.md): a training run on this very
# JVM and jar, with the same options as the server's: the demo (a simulated Jamf Pro on loopback,
# no credentials) starts, answers one MCP conversation and exits; the cache is written at exit. If
# the cache cannot be used at run time the JVM says so on stderr and starts without it.
RUN java -XX:AOTCacheOutput=/app/jamf-mcp-server.aot -Xlog:disable -Xlog:all=error:stderr \
        -Djamf.mcp.trainingRun=true -jar /app/jamf-mcp-server.jar --demo --port 0 > /dev/null \
    && test -s /app/jamf-mcp-server.aot
USER mcp
ENV MCP_BIND=0.0.0.0 \
    MCP_PORT=8080
EXPOSE 8080
# Liveness only: /health answers while the process serves; /health/ready (Jamf Pro reachable) is
# for the load balancer or orchestrator, so a Jamf Pro outage does not restart the container.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${MCP_PORT:-8080} && printf 'GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"up\"' <&3"]
# JVM warnings go to stderr: stdout belongs to the MCP stdio transport (--stdio).
ENTRYPOINT ["java", "-XX:AOTCache=/app/jamf-mcp-server.aot", "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", "/app/jamf-mcp-server.jar"]
