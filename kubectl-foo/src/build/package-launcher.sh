#!/bin/sh
# Build step (mvn package): lays out the JVM plugin as target/jvm/bin (the only folder a user puts on
# PATH: kubectl treats every kubectl-* file on PATH as a plugin) and target/jvm/lib (the jar, its
# dependencies, and the class-data-sharing archive recorded from a training run that touches no cluster).
# Usage: package-launcher.sh LAUNCHER_SRC_DIR TARGET_DIR [true|false]
set -eu
src="$1"
target="$2"
cds="${3:-true}"
bin="$target/jvm/bin"
lib="$target/jvm/lib"
mkdir -p "$bin" "$lib"
for f in kubectl-foo kubectl_complete-foo; do
  cp "$src/$f" "$bin/$f"
  chmod 755 "$bin/$f"
done
cp "$target/kubectl-foo.jar" "$lib/kubectl-foo.jar"
rm -f "$lib/kubectl-foo.jsa"
if [ "$cds" = true ]; then
  KUBECTL_FOO_CDS=off KUBECTL_FOO_JAVA_OPTS="-XX:ArchiveClassesAtExit=$lib/kubectl-foo.jsa -Xlog:cds=off -Xlog:cds+dynamic=off" \
    "$bin/kubectl-foo" __cds-training >/dev/null
  echo "[kubectl-foo] class-data-sharing archive: $lib/kubectl-foo.jsa"
fi
echo "[kubectl-foo] JVM plugin: $bin"
