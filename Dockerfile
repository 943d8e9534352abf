# syntax=docker/dockerfile:1

# --- build: compile and package the Spring Boot jar, then split it into layers ---
FROM eclipse-temurin:25-jdk AS build
WORKDIR /workspace
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -DskipTests package \
 && cp "$(find target -maxdepth 1 -name 'edumatrix-*.jar' ! -name '*-plain.jar')" app.jar \
 && java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

# --- runtime: JRE only, non-root, least-changing layers first ---
FROM eclipse-temurin:25-jre
RUN groupadd --system edumatrix && useradd --system --gid edumatrix --no-create-home edumatrix
WORKDIR /app
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
USER edumatrix
EXPOSE 8080
# The bean definitions Spring AOT generated at build time, for application.yaml's module list (ADR 0017). Every 30 s
# the JVM hands native memory it freed back to the system: glibc keeps what the JIT compiler and start-up freed, and
# under load that was 33 MB of the process's 455 MB (ADR 0041).
ENTRYPOINT ["java", "-Dspring.aot.enabled=true", "-XX:TrimNativeHeapInterval=30000", \
    "org.springframework.boot.loader.launch.JarLauncher"]
