#!/bin/sh
# Build step (mvn package): puts the launchers beside the jar and records the class-data-sharing
# archive from a training run of the plugin that touches no cluster.
# Usage: package-launcher.sh LAUNCHER_SRC_DIR TARGET_DIR [true|false]
set -eu
src="$1"
target="$2"
cds="${3:-true}"
for f in kubectl-foo kubectl_complete-foo; do
  cp "$src/$f" "$target/$f"
  chmod 755 "$target/$f"
done
rm -f "$target/kubectl-foo.jsa"
if [ "$cds" = true ]; then
  KUBECTL_FOO_CDS=off KUBECTL_FOO_JAVA_OPTS="-XX:ArchiveClassesAtExit=$target/kubectl-foo.jsa -Xlog:cds=off -Xlog:cds+dynamic=off" \
    "$target/kubectl-foo" __cds-training >/dev/null
  echo "[kubectl-foo] class-data-sharing archive: $target/kubectl-foo.jsa"
fi
