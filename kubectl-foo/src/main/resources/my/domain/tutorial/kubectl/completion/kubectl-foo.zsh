#compdef kubectl-foo
# zsh completion for kubectl-foo. Load it with: source <(kubectl-foo completion zsh)
# (`kubectl foo <TAB>` needs no script: kubectl's own completion asks kubectl_complete-foo.)
# Asks `kubectl-foo __complete WORD...` (kubectl's plugin completion protocol) for candidates.
_kubectl_foo() {
  local -a lines described
  local directive=0 entry value desc
  lines=("${(@f)$(${words[1]} __complete "${(@)words[2,CURRENT]}" 2>/dev/null)}")
  for entry in "${lines[@]}"; do
    if [[ "$entry" == :[0-9]* ]]; then
      directive="${entry#:}"
    elif [[ -n "$entry" ]]; then
      value="${entry%%$'\t'*}"
      desc=""
      [[ "$entry" == *$'\t'* ]] && desc="${entry#*$'\t'}"
      value="${value//:/\\:}"
      if [[ -n "$desc" ]]; then described+=("$value:$desc"); else described+=("$value"); fi
    fi
  done
  if (( ${#described} == 0 )); then
    (( (directive & 4) == 0 )) && _files
    return
  fi
  _describe -t kubectl-foo 'kubectl-foo' described
}
if [[ "$funcstack[1]" == "_kubectl_foo" ]]; then
  _kubectl_foo "$@"
else
  compdef _kubectl_foo kubectl-foo
fi
