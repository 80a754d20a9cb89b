# fish completion for kubectl-foo. Load it with: kubectl-foo completion fish | source
# (`kubectl foo <TAB>` needs no script: kubectl's own completion asks kubectl_complete-foo.)
# Asks `kubectl-foo __complete WORD...` (kubectl's plugin completion protocol) for candidates.
function __kubectl_foo_complete
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    set -l directive 0
    for entry in ($words[1] __complete $words[2..-1] $current 2>/dev/null)
        if string match -qr '^:[0-9]+$' -- $entry
            set directive (string sub -s 2 -- $entry)
        else if test -n "$entry"
            echo $entry
        end
    end
end
complete -c kubectl-foo -f -a '(__kubectl_foo_complete)'
