# Sourced by the launch scripts: JVM options every JVM that runs Spark needs on Java 17
# (the --add-opens list of Spark's JavaModuleOptions; without them Kryo fails), and a loopback
# address for embedded Spark. Sets SPARK_JVM_OPTS.
SPARK_JVM_OPTS="-XX:+IgnoreUnrecognizedVMOptions"
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  SPARK_JVM_OPTS="$SPARK_JVM_OPTS --add-opens=java.base/$p=ALL-UNNAMED"
done
SPARK_JVM_OPTS="$SPARK_JVM_OPTS -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
