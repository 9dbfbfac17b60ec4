# The console (and citizen portal). Build the jar first: mvn -DskipTests package
# The jar is a plain jar whose manifest names its libraries in lib/ beside it.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 ioc
COPY console/target/lib/ /opt/ioc/lib/
COPY console/target/ioc-console.jar /opt/ioc/ioc-console.jar
USER ioc
EXPOSE 8080
HEALTHCHECK --interval=15s CMD wget -qO- http://127.0.0.1:8080/actuator/health | grep -q UP || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/ioc/ioc-console.jar"]
