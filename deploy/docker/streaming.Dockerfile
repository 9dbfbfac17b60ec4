# The stream job on Flink, for the Kubernetes operator (application mode, jarURI
# local:///opt/flink/usrlib/ioc-streaming.jar) and for compose's job manager and task managers.
# Build the jar first: mvn -DskipTests package
FROM flink:2.3.0-java17
COPY --chown=flink:flink streaming/target/ioc-streaming.jar /opt/flink/usrlib/ioc-streaming.jar
# compose keeps checkpoints in a named volume at /flink/checkpoints: Docker gives a new volume the
# owner of the folder it is mounted on, and the processes run as user flink
RUN mkdir -p /flink/checkpoints && chown -R flink:flink /flink
