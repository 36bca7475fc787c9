# jamf-mcp-server: docker build -t jamf-mcp . && docker run -p 8080:8080 --env-file jamf.env jamf-mcp
# Settings come from the environment at run time (docs/CONFIGURATION.md); nothing secret is baked in.

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
# Dependencies first, so source edits reuse the cached layer.
COPY pom.xml .
COPY jamf-mcp-core/pom.xml jamf-mcp-core/
COPY jamf-mcp-javalin/pom.xml jamf-mcp-javalin/
COPY jamf-mcp-examples/pom.xml jamf-mcp-examples/
COPY jamf-mcp-benchmarks/pom.xml jamf-mcp-benchmarks/
RUN mvn -B -q -pl jamf-mcp-examples -am dependency:go-offline || true
COPY . .
RUN mvn -B -q -pl jamf-mcp-examples -am package -DskipTests

FROM eclipse-temurin:21-jre
# The Ubuntu-based Temurin image has no curl or wget; the health check uses bash's /dev/tcp.
RUN groupadd --system --gid 10001 mcp && useradd --system --uid 10001 --gid mcp --no-create-home --shell /usr/sbin/nologin mcp
WORKDIR /app
COPY --from=build /src/jamf-mcp-examples/target/jamf-mcp-server.jar /app/jamf-mcp-server.jar
USER mcp
ENV MCP_BIND=0.0.0.0 \
    MCP_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
# Liveness only: /health answers while the process serves; /health/ready (Jamf Pro reachable) is
# for the load balancer or orchestrator, so a Jamf Pro outage does not restart the container.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${MCP_PORT:-8080} && printf 'GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"up\"' <&3"]
ENTRYPOINT ["java", "-jar", "/app/jamf-mcp-server.jar"]
