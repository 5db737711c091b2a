#!/bin/bash

__toaster-dk_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__toaster-dk_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__toaster-dk_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__toaster-dk_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_toaster-dk() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __toaster-dk_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    rules|domain|test-sign|test-verify|snapshot|queue|remote|rotate|status|help)
        # Offer subcommand argument completions
        "_toaster-dk_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'rules domain test-sign test-verify snapshot queue remote rotate status help' -- "${cur}"))
        ;;
    esac
}

_toaster-dk_rules() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __toaster-dk_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    show|check|lint|compile|set-sign|set-queue|set-verify|unset)
        # Offer subcommand argument completions
        "_toaster-dk_rules_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'show check lint compile set-sign set-queue set-verify unset' -- "${cur}"))
        ;;
    esac
}

_toaster-dk_rules_show() {
    repeating_flags=()
    non_repeating_flags=(--json --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--root --rules --cdb)
    __toaster-dk_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--rules')
        return
        ;;
    '--cdb')
        return
        ;;
    esac
}

_toaster-dk_rules_check() {
    repeating_flags=()
    non_repeating_flags=(--quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--host --info --root --rules --cdb)
    __toaster-dk_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--info')
        return
        ;;
    '--root')
        return
        ;;
    '--rules')
        return
        ;;
    '--cdb')
        return
        ;;
    esac
}

_toaster-dk_rules_lint() {
    repeating_flags=()
    non_repeating_flags=(--host-lookups --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--root --rules --cdb)
    __toaster-dk_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--rules')
        return
        ;;
    '--cdb')
        return
        ;;
    esac
}

_toaster-dk_rules_compile() {
    repeating_flags=()
    non_repeating_flags=(--json --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--root --rules --cdb)
    __toaster-dk_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--rules')
        return
        ;;
    '--cdb')
        return
        ;;
    esac
}

_toaster-dk_rules_set-sign() {
    repeating_flags=()
    non_repeating_flags=(--dkim --no-dkim --json --quiet -q --dry-run --no-compile --version -h --help)
    repeating_options=(--address)
    non_repeating_options=(--selector --ed25519-selector --key-failure --root --rules --cdb)
    __toaster-dk_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--selector')
        return
        ;;
    '--ed25519-selector')
        return
        ;;
    '--key-failure')
        __toaster-dk_add_completions -W 'defer'$'\n''bounce'
        return
        ;;
    '--root')
        return
        ;;
    '--rules')
        return
        ;;
    '--cdb')
        return
        ;;
    '--address')
        return
        ;;
    esac
}

_toaster-dk_rules_set-queue() {
    repeating_flags=()
    non_repeating_flags=(--force --json --quiet -q --dry-run --no-compile --version -h --help)
    repeating_options=(--address)
    non_repeating_options=(--root --rules --cdb)
    __toaster-dk_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--rules')
        return
        ;;
    '--cdb')
        return
        ;;
    '--address')
        return
        ;;
    esac
}

_toaster-dk_rules_set-verify() {
    repeating_flags=()
    non_repeating_flags=(--force --json --quiet -q --dry-run --no-compile --version -h --help)
    repeating_options=(--address)
    non_repeating_options=(--root --rules --cdb)
    __toaster-dk_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--rules')
        return
        ;;
    '--cdb')
        return
        ;;
    '--address')
        return
        ;;
    esac
}

_toaster-dk_rules_unset() {
    repeating_flags=()
    non_repeating_flags=(--force --json --quiet -q --dry-run --no-compile --version -h --help)
    repeating_options=(--address)
    non_repeating_options=(--root --rules --cdb)
    __toaster-dk_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--rules')
        return
        ;;
    '--cdb')
        return
        ;;
    '--address')
        return
        ;;
    esac
}

_toaster-dk_domain() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __toaster-dk_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|list|show|dns|check|remove|restore|fix-perms)
        # Offer subcommand argument completions
        "_toaster-dk_domain_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add list show dns check remove restore fix-perms' -- "${cur}"))
        ;;
    esac
}

_toaster-dk_domain_add() {
    repeating_flags=()
    non_repeating_flags=(--all --missing --dry-run --legacy-key-size --force --testing --no-testing --json --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--root --selector --vpopmail-home --algorithm --bits --owner --group --format --ttl)
    __toaster-dk_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--selector')
        return
        ;;
    '--vpopmail-home')
        return
        ;;
    '--algorithm')
        return
        ;;
    '--bits')
        return
        ;;
    '--owner')
        return
        ;;
    '--group')
        return
        ;;
    '--format')
        __toaster-dk_add_completions -W 'bind'$'\n''tinydns'$'\n''plain'$'\n''json'
        return
        ;;
    '--ttl')
        return
        ;;
    esac
}

_toaster-dk_domain_list() {
    repeating_flags=()
    non_repeating_flags=(--json --quiet -q --served --version -h --help)
    repeating_options=(--signer-user)
    non_repeating_options=(--root --owner --group --vpopmail-home)
    __toaster-dk_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--owner')
        return
        ;;
    '--group')
        return
        ;;
    '--signer-user')
        return
        ;;
    '--vpopmail-home')
        return
        ;;
    esac
}

_toaster-dk_domain_show() {
    repeating_flags=()
    non_repeating_flags=(--testing --no-testing --json --quiet -q --version -h --help)
    repeating_options=(--signer-user)
    non_repeating_options=(--root --owner --group --format --ttl)
    __toaster-dk_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--owner')
        return
        ;;
    '--group')
        return
        ;;
    '--signer-user')
        return
        ;;
    '--format')
        __toaster-dk_add_completions -W 'bind'$'\n''tinydns'$'\n''plain'$'\n''json'
        return
        ;;
    '--ttl')
        return
        ;;
    esac
}

_toaster-dk_domain_dns() {
    repeating_flags=()
    non_repeating_flags=(--dk --dkim --testing --no-testing --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--root --selector --format --ttl)
    __toaster-dk_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--selector')
        return
        ;;
    '--format')
        __toaster-dk_add_completions -W 'bind'$'\n''tinydns'$'\n''plain'$'\n''json'
        return
        ;;
    '--ttl')
        return
        ;;
    esac
}

_toaster-dk_domain_check() {
    repeating_flags=()
    non_repeating_flags=(--dns-authoritative --dnssec --json --quiet -q --version -h --help)
    repeating_options=(--dns-server)
    non_repeating_options=(--root --resolv-conf --dns-timeout --trust-anchor)
    __toaster-dk_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--dns-server')
        return
        ;;
    '--resolv-conf')
        return
        ;;
    '--dns-timeout')
        return
        ;;
    '--trust-anchor')
        return
        ;;
    esac
}

_toaster-dk_domain_remove() {
    repeating_flags=()
    non_repeating_flags=(--yes --json --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--root --selector)
    __toaster-dk_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--selector')
        return
        ;;
    esac
}

_toaster-dk_domain_restore() {
    repeating_flags=()
    non_repeating_flags=(--json --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--root --selector --from --owner --group)
    __toaster-dk_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--selector')
        return
        ;;
    '--from')
        return
        ;;
    '--owner')
        return
        ;;
    '--group')
        return
        ;;
    esac
}

_toaster-dk_domain_fix-perms() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --json --quiet -q --version -h --help)
    repeating_options=(--signer-user)
    non_repeating_options=(--root --owner --group)
    __toaster-dk_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--owner')
        return
        ;;
    '--group')
        return
        ;;
    '--signer-user')
        return
        ;;
    esac
}

_toaster-dk_test-sign() {
    repeating_flags=()
    non_repeating_flags=(--legacy-rsa-sha1 --self-check --no-self-check --check-dns --dns-authoritative --dnssec --header-only --json --quiet -q --version -h --help)
    repeating_options=(--selector --key --canon --dns-server --signer-user)
    non_repeating_options=(--max-size --domain --method --time --resolv-conf --dns-timeout --trust-anchor --output --output-dir --client-ip --root --rules --cdb)
    __toaster-dk_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--max-size')
        return
        ;;
    '--domain')
        return
        ;;
    '--selector')
        return
        ;;
    '--key')
        return
        ;;
    '--method')
        __toaster-dk_add_completions -W 'dk'$'\n''dkim'$'\n''both'
        return
        ;;
    '--canon')
        return
        ;;
    '--time')
        return
        ;;
    '--dns-server')
        return
        ;;
    '--resolv-conf')
        return
        ;;
    '--dns-timeout')
        return
        ;;
    '--trust-anchor')
        return
        ;;
    '--output')
        return
        ;;
    '--output-dir')
        return
        ;;
    '--client-ip')
        return
        ;;
    '--root')
        return
        ;;
    '--rules')
        return
        ;;
    '--cdb')
        return
        ;;
    '--signer-user')
        return
        ;;
    esac
}

_toaster-dk_test-verify() {
    repeating_flags=()
    non_repeating_flags=(--accept-rsa-sha1 --dns-authoritative --dnssec --json --quiet -q --version -h --help)
    repeating_options=(--dns-server)
    non_repeating_options=(--max-size --dkverify --time --keys --key --record --resolv-conf --dns-timeout --trust-anchor --client-ip --root --rules --cdb)
    __toaster-dk_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--max-size')
        return
        ;;
    '--dkverify')
        return
        ;;
    '--time')
        return
        ;;
    '--keys')
        __toaster-dk_add_completions -W 'dns'$'\n''local'
        return
        ;;
    '--key')
        return
        ;;
    '--record')
        return
        ;;
    '--dns-server')
        return
        ;;
    '--resolv-conf')
        return
        ;;
    '--dns-timeout')
        return
        ;;
    '--trust-anchor')
        return
        ;;
    '--client-ip')
        return
        ;;
    '--root')
        return
        ;;
    '--rules')
        return
        ;;
    '--cdb')
        return
        ;;
    esac
}

_toaster-dk_snapshot() {
    repeating_flags=()
    non_repeating_flags=(--json --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--root --vpopmail-home)
    __toaster-dk_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--vpopmail-home')
        return
        ;;
    esac
}

_toaster-dk_queue() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __toaster-dk_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    status|install|uninstall)
        # Offer subcommand argument completions
        "_toaster-dk_queue_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'status install uninstall' -- "${cur}"))
        ;;
    esac
}

_toaster-dk_queue_status() {
    repeating_flags=()
    non_repeating_flags=(--json --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--root --rules --cdb)
    __toaster-dk_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--rules')
        return
        ;;
    '--cdb')
        return
        ;;
    esac
}

_toaster-dk_queue_install() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --json --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--root --filter)
    __toaster-dk_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--filter')
        return
        ;;
    esac
}

_toaster-dk_queue_uninstall() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --json --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--root)
    __toaster-dk_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    esac
}

_toaster-dk_remote() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __toaster-dk_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    status|install|uninstall)
        # Offer subcommand argument completions
        "_toaster-dk_remote_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'status install uninstall' -- "${cur}"))
        ;;
    esac
}

_toaster-dk_remote_status() {
    repeating_flags=()
    non_repeating_flags=(--json --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--root)
    __toaster-dk_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    esac
}

_toaster-dk_remote_install() {
    repeating_flags=()
    non_repeating_flags=(--import-keys --dry-run --json --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--root --launcher --remote-user --owner --group)
    __toaster-dk_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--launcher')
        return
        ;;
    '--remote-user')
        return
        ;;
    '--owner')
        return
        ;;
    '--group')
        return
        ;;
    esac
}

_toaster-dk_remote_uninstall() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --json --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--root --remote-user --owner --group)
    __toaster-dk_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--remote-user')
        return
        ;;
    '--owner')
        return
        ;;
    '--group')
        return
        ;;
    esac
}

_toaster-dk_rotate() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __toaster-dk_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    start|status|switch|finish|abort)
        # Offer subcommand argument completions
        "_toaster-dk_rotate_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'start status switch finish abort' -- "${cur}"))
        ;;
    esac
}

_toaster-dk_rotate_start() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --json --quiet -q --legacy-key-size --testing --no-testing --version -h --help)
    repeating_options=()
    non_repeating_options=(--root --time --selector --from --algorithm --bits --owner --group --format --ttl)
    __toaster-dk_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--time')
        return
        ;;
    '--selector')
        return
        ;;
    '--from')
        return
        ;;
    '--algorithm')
        return
        ;;
    '--bits')
        return
        ;;
    '--owner')
        return
        ;;
    '--group')
        return
        ;;
    '--format')
        __toaster-dk_add_completions -W 'bind'$'\n''tinydns'$'\n''plain'$'\n''json'
        return
        ;;
    '--ttl')
        return
        ;;
    esac
}

_toaster-dk_rotate_status() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --json --quiet -q --dns-authoritative --dnssec --version -h --help)
    repeating_options=(--dns-server)
    non_repeating_options=(--root --time --resolv-conf --dns-timeout --trust-anchor --negative-ttl)
    __toaster-dk_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--time')
        return
        ;;
    '--dns-server')
        return
        ;;
    '--resolv-conf')
        return
        ;;
    '--dns-timeout')
        return
        ;;
    '--trust-anchor')
        return
        ;;
    '--negative-ttl')
        return
        ;;
    esac
}

_toaster-dk_rotate_switch() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --json --quiet -q --dns-authoritative --dnssec --force --version -h --help)
    repeating_options=(--dns-server --only)
    non_repeating_options=(--root --time --resolv-conf --dns-timeout --trust-anchor --negative-ttl)
    __toaster-dk_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--time')
        return
        ;;
    '--dns-server')
        return
        ;;
    '--resolv-conf')
        return
        ;;
    '--dns-timeout')
        return
        ;;
    '--trust-anchor')
        return
        ;;
    '--negative-ttl')
        return
        ;;
    '--only')
        return
        ;;
    esac
}

_toaster-dk_rotate_finish() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --json --quiet -q --force --testing --no-testing --version -h --help)
    repeating_options=()
    non_repeating_options=(--root --time --format --ttl)
    __toaster-dk_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--time')
        return
        ;;
    '--format')
        __toaster-dk_add_completions -W 'bind'$'\n''tinydns'$'\n''plain'$'\n''json'
        return
        ;;
    '--ttl')
        return
        ;;
    esac
}

_toaster-dk_rotate_abort() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --json --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--root --time)
    __toaster-dk_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--time')
        return
        ;;
    esac
}

_toaster-dk_status() {
    repeating_flags=()
    non_repeating_flags=(--dns-authoritative --dnssec --json --quiet -q --version -h --help)
    repeating_options=(--dns-server --signer-user)
    non_repeating_options=(--root --resolv-conf --dns-timeout --trust-anchor --negative-ttl --owner --group --max-key-age --time)
    __toaster-dk_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--root')
        return
        ;;
    '--dns-server')
        return
        ;;
    '--resolv-conf')
        return
        ;;
    '--dns-timeout')
        return
        ;;
    '--trust-anchor')
        return
        ;;
    '--negative-ttl')
        return
        ;;
    '--signer-user')
        return
        ;;
    '--owner')
        return
        ;;
    '--group')
        return
        ;;
    '--max-key-age')
        return
        ;;
    '--time')
        return
        ;;
    esac
}

_toaster-dk_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __toaster-dk_offer_flags_options -1
}

complete -o filenames -F _toaster-dk toaster-dk
