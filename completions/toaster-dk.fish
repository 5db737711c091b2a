function __toaster-dk_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __toaster-dk_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __toaster-dk_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __toaster-dk_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __toaster-dk_parse_tokens -S
    set -l unparsed_tokens (__toaster-dk_tokens -pc)
    switch $unparsed_tokens[1]
    case 'toaster-dk'
        __toaster-dk_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'rules'
            __toaster-dk_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'show'
                __toaster-dk_parse_subcommand 0 'root=' 'rules=' 'cdb=' 'json' 'q/quiet' 'version' 'h/help'
            case 'check'
                __toaster-dk_parse_subcommand 1 'host=' 'info=' 'root=' 'rules=' 'cdb=' 'q/quiet' 'version' 'h/help'
            case 'lint'
                __toaster-dk_parse_subcommand 0 'host-lookups' 'root=' 'rules=' 'cdb=' 'q/quiet' 'version' 'h/help'
            case 'compile'
                __toaster-dk_parse_subcommand 0 'root=' 'rules=' 'cdb=' 'json' 'q/quiet' 'version' 'h/help'
            case 'set-sign'
                __toaster-dk_parse_subcommand 1 'selector=' 'root=' 'rules=' 'cdb=' 'json' 'q/quiet' 'dry-run' 'no-compile' 'address=+' 'version' 'h/help'
            case 'set-queue'
                __toaster-dk_parse_subcommand 1 'force' 'root=' 'rules=' 'cdb=' 'json' 'q/quiet' 'dry-run' 'no-compile' 'address=+' 'version' 'h/help'
            case 'set-verify'
                __toaster-dk_parse_subcommand 1 'force' 'root=' 'rules=' 'cdb=' 'json' 'q/quiet' 'dry-run' 'no-compile' 'address=+' 'version' 'h/help'
            case 'unset'
                __toaster-dk_parse_subcommand 1 'force' 'root=' 'rules=' 'cdb=' 'json' 'q/quiet' 'dry-run' 'no-compile' 'address=+' 'version' 'h/help'
            end
        case 'domain'
            __toaster-dk_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'add'
                __toaster-dk_parse_subcommand 1 'root=' 'selector=' 'all' 'missing' 'dry-run' 'vpopmail-home=' 'algorithm=' 'bits=' 'legacy-key-size' 'force' 'owner=' 'group=' 'format=' 'ttl=' 'testing' 'no-testing' 'json' 'q/quiet' 'version' 'h/help'
            case 'list'
                __toaster-dk_parse_subcommand 0 'root=' 'owner=' 'group=' 'signer-user=+' 'json' 'q/quiet' 'served' 'vpopmail-home=' 'version' 'h/help'
            case 'show'
                __toaster-dk_parse_subcommand 1 'root=' 'owner=' 'group=' 'signer-user=+' 'format=' 'ttl=' 'testing' 'no-testing' 'json' 'q/quiet' 'version' 'h/help'
            case 'dns'
                __toaster-dk_parse_subcommand 1 'root=' 'selector=' 'dk' 'dkim' 'format=' 'ttl=' 'testing' 'no-testing' 'q/quiet' 'version' 'h/help'
            case 'remove'
                __toaster-dk_parse_subcommand 1 'root=' 'selector=' 'yes' 'json' 'q/quiet' 'version' 'h/help'
            case 'restore'
                __toaster-dk_parse_subcommand 1 'root=' 'selector=' 'from=' 'owner=' 'group=' 'json' 'q/quiet' 'version' 'h/help'
            case 'fix-perms'
                __toaster-dk_parse_subcommand 1 'root=' 'owner=' 'group=' 'signer-user=+' 'dry-run' 'json' 'q/quiet' 'version' 'h/help'
            end
        case 'test-sign'
            __toaster-dk_parse_subcommand -r 1 'max-size=' 'domain=' 'selector=+' 'key=+' 'method=' 'canon=+' 'legacy-rsasha1' 'time=' 'self-check' 'no-self-check' 'header-only' 'output=' 'output-dir=' 'client-ip=' 'root=' 'rules=' 'cdb=' 'json' 'q/quiet' 'signer-user=+' 'version' 'h/help'
        case 'test-verify'
            __toaster-dk_parse_subcommand -r 1 'max-size=' 'dkverify=' 'key=' 'record=' 'time=' 'client-ip=' 'root=' 'rules=' 'cdb=' 'json' 'q/quiet' 'version' 'h/help'
        case 'snapshot'
            __toaster-dk_parse_subcommand 1 'root=' 'vpopmail-home=' 'json' 'q/quiet' 'version' 'h/help'
        case 'queue'
            __toaster-dk_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'status'
                __toaster-dk_parse_subcommand 0 'root=' 'json' 'q/quiet' 'version' 'h/help'
            case 'install'
                __toaster-dk_parse_subcommand 0 'root=' 'filter=' 'dry-run' 'json' 'q/quiet' 'version' 'h/help'
            case 'uninstall'
                __toaster-dk_parse_subcommand 0 'root=' 'dry-run' 'json' 'q/quiet' 'version' 'h/help'
            end
        case 'remote'
            __toaster-dk_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'status'
                __toaster-dk_parse_subcommand 0 'root=' 'json' 'q/quiet' 'version' 'h/help'
            case 'install'
                __toaster-dk_parse_subcommand 0 'root=' 'launcher=' 'remote-user=' 'owner=' 'group=' 'dry-run' 'json' 'q/quiet' 'version' 'h/help'
            case 'uninstall'
                __toaster-dk_parse_subcommand 0 'root=' 'remote-user=' 'owner=' 'group=' 'dry-run' 'json' 'q/quiet' 'version' 'h/help'
            end
        case 'help'
            __toaster-dk_parse_subcommand -r 1 'version'
        end
    end
end

function __toaster-dk_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __toaster-dk_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __toaster-dk_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __toaster-dk_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__toaster-dk_tokens -p)
    if test -z "$(__toaster-dk_tokens -t)"
        set -l index (count (__toaster-dk_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'toaster-dk' -f
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk" -eq 1' -fa 'rules' -d 'Edit and compile tcp.smtp (the qmailctl cdb step, done safely).'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk" -eq 1' -fa 'domain' -d 'Create, list, publish and remove the DomainKeys/DKIM keys of each domain.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk" -eq 1' -fa 'test-sign' -d 'Sign messages as qmail-dk would for a relaying client (a dry run).'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk" -eq 1' -fa 'test-verify' -d 'Verify every DomainKey-Signature and DKIM-Signature of messages (a dry run).'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk" -eq 1' -fa 'snapshot' -d 'Copy the files toaster-dk reads and writes into DIR, for --root DIR.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk" -eq 1' -fa 'queue' -d 'Switch /var/qmail/bin/qmail-queue between qmail-dk and toaster-dk-queue.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk" -eq 1' -fa 'remote' -d 'Sign what leaves the queue: switch bin/qmail-remote to toaster-dk-remote.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk rules" -eq 1' -fa 'show' -d 'Show the rules of tcp.smtp, what each one does, and whether the cdb is stale.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk rules" -eq 1' -fa 'check' -d 'Show which rule tcpserver applies to a client, as tcprulescheck does.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk rules" -eq 1' -fa 'lint' -d 'Find mistakes in tcp.smtp, including those tcprules accepts silently.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk rules" -eq 1' -fa 'compile' -d 'Compile tcp.smtp into tcp.smtp.cdb, byte for byte as tcprules does.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk rules" -eq 1' -fa 'set-sign' -d 'Set DKSIGN (the signing key template) on the allow rules of tcp.smtp.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk rules" -eq 1' -fa 'set-queue' -d 'Set DKQUEUE (the queue program qmail-dk hands mail to) on non-relay rules.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk rules" -eq 1' -fa 'set-verify' -d 'Set DKVERIFY (which verification results reject mail) on non-relay rules.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk rules" -eq 1' -fa 'unset' -d 'Remove a setting (such as DKSIGN) from every rule, or from the given addresses.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules show" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules show" rules' -l 'rules' -d 'The rules file (default: /etc/tcprules.d/tcp.smtp under --root).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules show" cdb' -l 'cdb' -d 'The compiled rules (default: /etc/tcprules.d/tcp.smtp.cdb under --root).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules show" json' -l 'json' -d 'Print the result as JSON on standard output, for scripts and automation.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules show" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules show" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules check" host' -l 'host' -d 'The client\'s host name (TCPREMOTEHOST).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules check" info' -l 'info' -d 'The client\'s ident answer (TCPREMOTEINFO).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules check" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules check" rules' -l 'rules' -d 'The rules file (default: /etc/tcprules.d/tcp.smtp under --root).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules check" cdb' -l 'cdb' -d 'The compiled rules (default: /etc/tcprules.d/tcp.smtp.cdb under --root).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules check" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules check" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules lint" host-lookups' -l 'host-lookups' -d 'tcpserver runs without -H/-R here, so =host and info@ rules can match.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules lint" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules lint" rules' -l 'rules' -d 'The rules file (default: /etc/tcprules.d/tcp.smtp under --root).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules lint" cdb' -l 'cdb' -d 'The compiled rules (default: /etc/tcprules.d/tcp.smtp.cdb under --root).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules lint" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules lint" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules lint" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules compile" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules compile" rules' -l 'rules' -d 'The rules file (default: /etc/tcprules.d/tcp.smtp under --root).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules compile" cdb' -l 'cdb' -d 'The compiled rules (default: /etc/tcprules.d/tcp.smtp.cdb under --root).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules compile" json' -l 'json' -d 'Print the result as JSON on standard output, for scripts and automation.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules compile" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules compile" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules compile" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-sign" selector' -l 'selector' -d 'Use this selector (the template\'s last component) instead.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-sign" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-sign" rules' -l 'rules' -d 'The rules file (default: /etc/tcprules.d/tcp.smtp under --root).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-sign" cdb' -l 'cdb' -d 'The compiled rules (default: /etc/tcprules.d/tcp.smtp.cdb under --root).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-sign" json' -l 'json' -d 'Print the result as JSON on standard output, for scripts and automation.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-sign" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-sign" dry-run' -l 'dry-run' -d 'Print the change as a unified diff and write nothing.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-sign" no-compile' -l 'no-compile' -d 'Do not recompile tcp.smtp.cdb after changing tcp.smtp (run \'rules compile\' later).'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-sign"' -l 'address' -d 'Change only the rule for this address, as written in tcp.smtp (repeatable).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-sign" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-sign" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-queue" force' -l 'force' -d 'Set a queue program that leads back to qmail-dk anyway.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-queue" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-queue" rules' -l 'rules' -d 'The rules file (default: /etc/tcprules.d/tcp.smtp under --root).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-queue" cdb' -l 'cdb' -d 'The compiled rules (default: /etc/tcprules.d/tcp.smtp.cdb under --root).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-queue" json' -l 'json' -d 'Print the result as JSON on standard output, for scripts and automation.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-queue" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-queue" dry-run' -l 'dry-run' -d 'Print the change as a unified diff and write nothing.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-queue" no-compile' -l 'no-compile' -d 'Do not recompile tcp.smtp.cdb after changing tcp.smtp (run \'rules compile\' later).'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-queue"' -l 'address' -d 'Change only the rule for this address, as written in tcp.smtp (repeatable).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-queue" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-queue" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-verify" force' -l 'force' -d 'Allow A or a, which rejects mail whose signature is good.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-verify" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-verify" rules' -l 'rules' -d 'The rules file (default: /etc/tcprules.d/tcp.smtp under --root).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-verify" cdb' -l 'cdb' -d 'The compiled rules (default: /etc/tcprules.d/tcp.smtp.cdb under --root).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-verify" json' -l 'json' -d 'Print the result as JSON on standard output, for scripts and automation.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-verify" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-verify" dry-run' -l 'dry-run' -d 'Print the change as a unified diff and write nothing.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-verify" no-compile' -l 'no-compile' -d 'Do not recompile tcp.smtp.cdb after changing tcp.smtp (run \'rules compile\' later).'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-verify"' -l 'address' -d 'Change only the rule for this address, as written in tcp.smtp (repeatable).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-verify" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules set-verify" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules unset" force' -l 'force' -d 'Allow removing RELAYCLIENT.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules unset" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules unset" rules' -l 'rules' -d 'The rules file (default: /etc/tcprules.d/tcp.smtp under --root).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules unset" cdb' -l 'cdb' -d 'The compiled rules (default: /etc/tcprules.d/tcp.smtp.cdb under --root).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules unset" json' -l 'json' -d 'Print the result as JSON on standard output, for scripts and automation.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules unset" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules unset" dry-run' -l 'dry-run' -d 'Print the change as a unified diff and write nothing.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules unset" no-compile' -l 'no-compile' -d 'Do not recompile tcp.smtp.cdb after changing tcp.smtp (run \'rules compile\' later).'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules unset"' -l 'address' -d 'Change only the rule for this address, as written in tcp.smtp (repeatable).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules unset" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk rules unset" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk domain" -eq 1' -fa 'add' -d 'Generate a key for a domain and print the DNS records to publish.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk domain" -eq 1' -fa 'list' -d 'List every domain\'s keys: algorithm, size, fingerprint, permissions, problems.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk domain" -eq 1' -fa 'show' -d 'Show one domain\'s keys, their problems and the DNS records to publish.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk domain" -eq 1' -fa 'dns' -d 'Print the DNS records to publish for a domain\'s key.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk domain" -eq 1' -fa 'remove' -d 'Move a domain\'s keys (or one selector\'s) into .removed; needs --yes.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk domain" -eq 1' -fa 'restore' -d 'Bring a removed key (and its record file) back from .removed.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk domain" -eq 1' -fa 'fix-perms' -d 'Audit and repair owner, group and mode of the key tree (or one domain).'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain add" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain add" selector' -l 'selector' -d 'The selector, which is also the key\'s file name.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain add" all' -l 'all' -d 'Make a key for every served domain that has none; print the records of all of them.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain add" missing' -l 'missing' -d 'Make a key for every served domain that has none; print only the new records.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain add" dry-run' -l 'dry-run' -d 'With --all or --missing: say which keys would be made and write nothing.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain add" vpopmail-home' -l 'vpopmail-home' -d 'vpopmail\'s home directory, resolved under --root (default /home/vpopmail).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain add" algorithm' -l 'algorithm' -d 'Key algorithm: rsa or ed25519.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain add" bits' -l 'bits' -d 'RSA key size, 2048 to 4096 (default 2048).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain add" legacy-key-size' -l 'legacy-key-size' -d 'Allow RSA sizes under 2048 (1024, or 384-768 for test keys only).'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain add" force' -l 'force' -d 'Replace an existing key (the old one is kept in .removed).'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain add" owner' -l 'owner' -d 'Owner of keys and domain directories.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain add" group' -l 'group' -d 'Group of keys and domain directories (the group qmail-smtpd runs as).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain add" format' -l 'format' -d 'Record syntax: bind (zone file), tinydns (tinydns-data), plain (the key record\'s value only) or json.' -rfka 'bind tinydns plain json'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain add" ttl' -l 'ttl' -d 'Time to live of the records, in seconds.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain add" testing' -l 'testing' -d 'Publish t=y (testing) in the key record and the DomainKeys policy.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain add" no-testing' -l 'no-testing' -d 'Publish t=y (testing) in the key record and the DomainKeys policy.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain add" json' -l 'json' -d 'Print the result as JSON on standard output, for scripts and automation.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain add" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain add" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain add" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain list" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain list" owner' -l 'owner' -d 'Owner of keys and domain directories.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain list" group' -l 'group' -d 'Group of keys and domain directories (the group qmail-smtpd runs as).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain list"' -l 'signer-user' -d 'The user qmail-dk reads keys as: the user qmail-smtpd runs as (repeatable).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain list" json' -l 'json' -d 'Print the result as JSON on standard output, for scripts and automation.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain list" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain list" served' -l 'served' -d 'List the domains qmail and vpopmail serve, with and without keys.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain list" vpopmail-home' -l 'vpopmail-home' -d 'vpopmail\'s home directory, resolved under --root (default /home/vpopmail).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain list" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain show" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain show" owner' -l 'owner' -d 'Owner of keys and domain directories.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain show" group' -l 'group' -d 'Group of keys and domain directories (the group qmail-smtpd runs as).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain show"' -l 'signer-user' -d 'The user qmail-dk reads keys as: the user qmail-smtpd runs as (repeatable).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain show" format' -l 'format' -d 'Record syntax: bind (zone file), tinydns (tinydns-data), plain (the key record\'s value only) or json.' -rfka 'bind tinydns plain json'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain show" ttl' -l 'ttl' -d 'Time to live of the records, in seconds.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain show" testing' -l 'testing' -d 'Publish t=y (testing) in the key record and the DomainKeys policy.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain show" no-testing' -l 'no-testing' -d 'Publish t=y (testing) in the key record and the DomainKeys policy.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain show" json' -l 'json' -d 'Print the result as JSON on standard output, for scripts and automation.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain show" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain show" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain dns" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain dns" selector' -l 'selector' -d 'The selector, which is also the key\'s file name.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain dns" dk' -l 'dk' -d 'Only the DomainKeys records (key and policy).'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain dns" dkim' -l 'dkim' -d 'Only the DKIM records (key and DMARC).'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain dns" format' -l 'format' -d 'Record syntax: bind (zone file), tinydns (tinydns-data), plain (the key record\'s value only) or json.' -rfka 'bind tinydns plain json'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain dns" ttl' -l 'ttl' -d 'Time to live of the records, in seconds.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain dns" testing' -l 'testing' -d 'Publish t=y (testing) in the key record and the DomainKeys policy.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain dns" no-testing' -l 'no-testing' -d 'Publish t=y (testing) in the key record and the DomainKeys policy.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain dns" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain dns" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain dns" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain remove" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain remove" selector' -l 'selector' -d 'Remove only this selector\'s key.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain remove" yes' -l 'yes' -d 'Really remove (move aside).'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain remove" json' -l 'json' -d 'Print the result as JSON on standard output, for scripts and automation.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain remove" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain remove" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain remove" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain restore" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain restore" selector' -l 'selector' -d 'Restore only this selector\'s key.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain restore" from' -l 'from' -d 'The backup\'s time stamp, as in its name in .removed.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain restore" owner' -l 'owner' -d 'Owner of keys and domain directories.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain restore" group' -l 'group' -d 'Group of keys and domain directories (the group qmail-smtpd runs as).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain restore" json' -l 'json' -d 'Print the result as JSON on standard output, for scripts and automation.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain restore" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain restore" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain restore" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain fix-perms" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain fix-perms" owner' -l 'owner' -d 'Owner of keys and domain directories.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain fix-perms" group' -l 'group' -d 'Group of keys and domain directories (the group qmail-smtpd runs as).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain fix-perms"' -l 'signer-user' -d 'The user qmail-dk reads keys as: the user qmail-smtpd runs as (repeatable).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain fix-perms" dry-run' -l 'dry-run' -d 'List the changes and write nothing.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain fix-perms" json' -l 'json' -d 'Print the result as JSON on standard output, for scripts and automation.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain fix-perms" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain fix-perms" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk domain fix-perms" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-sign" max-size' -l 'max-size' -d 'Refuse a message over this size that is not a regular file (default 64M).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-sign" domain' -l 'domain' -d 'Sign for this domain (d=) instead of the sender\'s.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-sign"' -l 'selector' -d 'Use this selector instead of the template\'s (repeatable, see above).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-sign"' -l 'key' -d 'Sign with this PEM private key (repeatable, see above).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-sign" method' -l 'method' -d 'Which signatures to add.' -rfka 'dk dkim both'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-sign"' -l 'canon' -d 'Canonicalization (repeatable), see above.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-sign" legacy-rsasha1' -l 'legacy-rsasha1' -d 'Sign DKIM with rsa-sha1, which RFC 8301 forbids (legacy receivers only).'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-sign" time' -l 'time' -d 'Sign as at this time (seconds since the epoch).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-sign" self-check' -l 'self-check' -d 'Verify the signed message with the public key.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-sign" no-self-check' -l 'no-self-check' -d 'Verify the signed message with the public key.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-sign" header-only' -l 'header-only' -d 'Print only the headers that would be prepended.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-sign" output' -l 'output' -d 'Write the result to this file instead of standard output.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-sign" output-dir' -l 'output-dir' -d 'Write each result to DIR/NAME, NAME being the message\'s file name (several messages).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-sign" client-ip' -l 'client-ip' -d 'The client\'s IP address; its tcp.smtp rule (from the cdb) sets DKSIGN/DKVERIFY.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-sign" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-sign" rules' -l 'rules' -d 'The rules file (default: /etc/tcprules.d/tcp.smtp under --root).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-sign" cdb' -l 'cdb' -d 'The compiled rules (default: /etc/tcprules.d/tcp.smtp.cdb under --root).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-sign" json' -l 'json' -d 'Print the result as JSON on standard output, for scripts and automation.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-sign" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-sign"' -l 'signer-user' -d 'The user qmail-dk reads keys as: the user qmail-smtpd runs as (repeatable).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-sign" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-sign" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-verify" max-size' -l 'max-size' -d 'Refuse a message over this size that is not a regular file (default 64M).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-verify" dkverify' -l 'dkverify' -d 'DKVERIFY letters to judge by, instead of the rule\'s.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-verify" key' -l 'key' -d 'A PEM key (private or public) to verify with.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-verify" record' -l 'record' -d 'A key record to verify with, e.g. \'k=rsa; p=…\'.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-verify" time' -l 'time' -d 'Judge DKIM t= and x= as at this time (seconds since the epoch).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-verify" client-ip' -l 'client-ip' -d 'The client\'s IP address; its tcp.smtp rule (from the cdb) sets DKSIGN/DKVERIFY.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-verify" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-verify" rules' -l 'rules' -d 'The rules file (default: /etc/tcprules.d/tcp.smtp under --root).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-verify" cdb' -l 'cdb' -d 'The compiled rules (default: /etc/tcprules.d/tcp.smtp.cdb under --root).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-verify" json' -l 'json' -d 'Print the result as JSON on standard output, for scripts and automation.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-verify" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-verify" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk test-verify" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk snapshot" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk snapshot" vpopmail-home' -l 'vpopmail-home' -d 'vpopmail\'s home directory, resolved under --root (default /home/vpopmail).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk snapshot" json' -l 'json' -d 'Print the result as JSON on standard output, for scripts and automation.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk snapshot" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk snapshot" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk snapshot" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk queue" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk queue" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk queue" -eq 1' -fa 'status' -d 'Show whether qmail-dk or toaster-dk-queue is in front of the queue.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk queue" -eq 1' -fa 'install' -d 'Point bin/qmail-queue at toaster-dk-queue, keeping the qmail-dk link.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk queue" -eq 1' -fa 'uninstall' -d 'Put back the qmail-queue link that install replaced, byte for byte.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk queue status" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk queue status" json' -l 'json' -d 'Print the result as JSON on standard output, for scripts and automation.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk queue status" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk queue status" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk queue status" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk queue install" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk queue install" filter' -l 'filter' -d 'The toaster-dk-queue to link to (default: the one beside this toaster-dk).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk queue install" dry-run' -l 'dry-run' -d 'Say what would change and change nothing.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk queue install" json' -l 'json' -d 'Print the result as JSON on standard output, for scripts and automation.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk queue install" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk queue install" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk queue install" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk queue uninstall" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk queue uninstall" dry-run' -l 'dry-run' -d 'Say what would change and change nothing.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk queue uninstall" json' -l 'json' -d 'Print the result as JSON on standard output, for scripts and automation.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk queue uninstall" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk queue uninstall" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk queue uninstall" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk remote" -eq 1' -fa 'status' -d 'Show what bin/qmail-remote is, and the problems of QMT\'s Perl wrapper.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk remote" -eq 1' -fa 'install' -d 'Point bin/qmail-remote at toaster-dk-remote, keeping what was there.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_positional "toaster-dk remote" -eq 1' -fa 'uninstall' -d 'Put back the qmail-remote that install replaced, byte for byte.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote status" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote status" json' -l 'json' -d 'Print the result as JSON on standard output, for scripts and automation.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote status" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote status" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote status" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote install" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote install" launcher' -l 'launcher' -d 'The toaster-dk-remote to link to (default: the one beside this toaster-dk).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote install" remote-user' -l 'remote-user' -d 'The user qmail-rspawn runs qmail-remote as.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote install" owner' -l 'owner' -d 'Owner of keys and domain directories.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote install" group' -l 'group' -d 'Group of keys and domain directories (the group qmail-smtpd runs as).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote install" dry-run' -l 'dry-run' -d 'Say what would change and change nothing.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote install" json' -l 'json' -d 'Print the result as JSON on standard output, for scripts and automation.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote install" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote install" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote install" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote uninstall" root' -l 'root' -d 'Resolve every default path (/etc/tcprules.d, /var/qmail) under DIR.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote uninstall" remote-user' -l 'remote-user' -d 'The user qmail-rspawn runs qmail-remote as.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote uninstall" owner' -l 'owner' -d 'Owner of keys and domain directories.' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote uninstall" group' -l 'group' -d 'Group of keys and domain directories (the group qmail-smtpd runs as).' -rfka ''
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote uninstall" dry-run' -l 'dry-run' -d 'Say what would change and change nothing.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote uninstall" json' -l 'json' -d 'Print the result as JSON on standard output, for scripts and automation.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote uninstall" q quiet' -l 'quiet' -s 'q' -d 'Print nothing but errors on standard error.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote uninstall" version' -l 'version' -d 'Show the version.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk remote uninstall" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'toaster-dk' -n '__toaster-dk_should_offer_completions_for_flags_or_options "toaster-dk help" version' -l 'version' -d 'Show the version.'
