# The stream job on Flink, for the Kubernetes operator (application mode, jarURI
# local:///opt/flink/usrlib/ioc-streaming.jar) and for compose's job manager and task managers.
# Build the jar first: mvn -DskipTests package
FROM flink:2.3.0-java17
COPY --chown=flink:flink streaming/target/ioc-streaming.jar /opt/flink/usrlib/ioc-streaming.jar
