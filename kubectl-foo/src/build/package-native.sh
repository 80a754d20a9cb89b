#!/bin/sh
# Build step of the native profile: lays out the native plugin as target/native/bin, the folder a
# user (or the native test tier) puts on PATH: kubectl-foo (the image) and kubectl_complete-foo.
# Usage: package-native.sh LAUNCHER_SRC_DIR TARGET_DIR IMAGE_NAME
set -eu
src="$1"
target="$2"
image="$3"
bin="$target/native/bin"
mkdir -p "$bin"
if [ -f "$target/$image.exe" ]; then
  # Windows: kubectl finds kubectl-foo.exe; its completion helper is a shell script, so none there.
  cp "$target/$image.exe" "$bin/kubectl-foo.exe"
else
  [ -x "$target/$image" ] || { echo "package-native.sh: $target/$image was not built" >&2; exit 1; }
  cp "$target/$image" "$bin/kubectl-foo"
  cp "$src/kubectl_complete-foo" "$bin/kubectl_complete-foo"
  chmod 755 "$bin/kubectl-foo" "$bin/kubectl_complete-foo"
fi
echo "[kubectl-foo] native plugin: $bin"
