# bash completion for kubectl-foo. Load it with: source <(kubectl-foo completion bash)
# (`kubectl foo <TAB>` needs no script: kubectl's own completion asks kubectl_complete-foo.)
# Asks `kubectl-foo __complete WORD...` (kubectl's plugin completion protocol) for candidates.
_kubectl_foo_complete() {
  local line="${COMP_LINE:0:COMP_POINT}" words=() candidates=() out directive=0 cur prefix=""
  read -ra words <<< "$line"
  [[ "$line" == *" " ]] && words+=("")
  cur="${words[${#words[@]}-1]}"
  out=$("${words[0]}" __complete "${words[@]:1}" 2>/dev/null) || return 0
  while IFS='' read -r entry; do
    case "$entry" in
      :[0-9]*) directive="${entry#:}" ;;
      *) [[ -n "$entry" ]] && candidates+=("${entry%%$'\t'*}") ;;
    esac
  done <<< "$out"
  if [[ "$cur" == --*=* ]]; then
    prefix="${cur%%=*}="
    cur="${cur#*=}"
  fi
  COMPREPLY=()
  local c
  for c in "${candidates[@]}"; do
    c="${c#"$prefix"}"
    [[ "$c" == "$cur"* ]] && COMPREPLY+=("$c")
  done
  if (( ${#COMPREPLY[@]} == 0 && (directive & 4) == 0 )); then
    compopt -o default 2>/dev/null
  fi
  return 0
}
complete -o nosort -F _kubectl_foo_complete kubectl-foo 2>/dev/null \
  || complete -F _kubectl_foo_complete kubectl-foo
