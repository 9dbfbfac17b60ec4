# An edge agent. Build the jar first: mvn -DskipTests package
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 ioc && mkdir /data && chown ioc /data
COPY edge-agent/target/ioc-edge-agent.jar /opt/ioc/ioc-edge-agent.jar
USER ioc
VOLUME /data
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/ioc/ioc-edge-agent.jar"]
