# Sourced by hack/control-plane and hack/olm: builds commands of k8s.io/kubernetes from its
# published Go module. The caller sets K8S_VERSION, BIN_DIR, `step` and defines log() and have().
#
# k8s_build WORK CMD...   builds each k8s.io/kubernetes/cmd/CMD not yet in $BIN_DIR, smoke-checks
#                         it with --version and only then renames it into $BIN_DIR.
k8s_build() {
  local work="$1" minor staging cmd t
  shift
  minor="$(echo "$K8S_VERSION" | cut -d. -f2)"
  step="fetch k8s.io/kubernetes v$K8S_VERSION go.mod"
  mkdir -p "$work/k8s" "$work/out" && cd "$work/k8s"
  go mod init foo-operator.local/k8s-build >/dev/null 2>&1
  local modfile
  modfile="$(go mod download -json "k8s.io/kubernetes@v$K8S_VERSION" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')"
  # k8s.io/kubernetes pins its staging modules at v0.0.0 and maps them to ./staging; replace
  # directives of a dependency are ignored, so point each one at its published v0.Y.Z twin.
  staging="$(sed -n 's#^[[:space:]]*\(k8s.io/[a-z0-9-]*\) => ./staging/.*#\1#p' "$modfile")"
  [ -n "$staging" ] || { log "no staging modules found in $modfile"; return 1; }
  for m in $staging; do
    go mod edit -replace="$m=$m@v0.${K8S_VERSION#1.}"
  done
  step="resolve k8s.io/kubernetes v$K8S_VERSION dependencies"
  log "resolving k8s.io/kubernetes v$K8S_VERSION ($(echo "$staging" | wc -w) staging modules replaced)"
  local pkgs=()
  for cmd in "$@"; do pkgs+=("k8s.io/kubernetes/cmd/$cmd@v$K8S_VERSION"); done
  go get "${pkgs[@]}" >&2
  local ld="-s -w"
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ld="$ld -X $p.gitVersion=v$K8S_VERSION -X $p.gitMajor=1 -X $p.gitMinor=$minor -X $p.gitTreeState=clean"
  done
  for cmd in "$@"; do
    if have "$cmd"; then continue; fi
    step="go build $cmd"
    log "building $cmd v$K8S_VERSION (a cold build takes several minutes)"
    t=$SECONDS
    ${K8S_BUILD_PREFIX:-} go build -trimpath -ldflags "$ld" -o "$work/out/$cmd" "k8s.io/kubernetes/cmd/$cmd"
    step="smoke-check $cmd"
    "$work/out/$cmd" --version >/dev/null 2>&1 || "$work/out/$cmd" version --client >/dev/null
    mv -f "$work/out/$cmd" "$BIN_DIR/$cmd"
    log "built $cmd in $((SECONDS - t))s"
  done
}
