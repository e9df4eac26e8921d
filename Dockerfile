# Orientir application image: `docker compose build orientir`, or `docker build -t orientir .`
# Runs bin/orientir; arguments are its subcommand, e.g. `docker run orientir status`. The tools (demo, generate,
# benchmark) are not in the image: they run from a checkout.

# --- build: the whole Maven reactor; tests run in CI, not here -----------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The cache mount keeps ~/.m2 between builds (BuildKit, the default builder of current Docker).
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests package

# --- runtime: a JRE, the launcher, the jobs jar and its runtime libraries -----------------
FROM eclipse-temurin:17-jre

# The repository layout is kept (bin/, jobs/target/), so bin/orientir finds the jar exactly
# as it does in a checkout.
WORKDIR /opt/orientir
COPY --from=build /src/bin/ bin/
COPY --from=build /src/jobs/target/orientir-jobs.jar jobs/target/orientir-jobs.jar
COPY --from=build /src/jobs/target/lib/ jobs/target/lib/

# Runs as an unprivileged user; ORIENTIR_HOME (run history, Parquet snapshots, marts) is a
# volume in docker-compose.yml, created here so a new volume inherits the ownership.
RUN groupadd --system --gid 10001 orientir \
    && useradd --system --uid 10001 --gid orientir --home-dir /var/lib/orientir --no-create-home orientir \
    && mkdir -p /var/lib/orientir/inbox \
    && chown -R orientir:orientir /var/lib/orientir \
    && chmod 0755 bin/orientir

ENV ORIENTIR_HOME=/var/lib/orientir \
    TZ=UTC
USER 10001:10001

ENTRYPOINT ["/opt/orientir/bin/orientir"]
CMD ["--help"]
