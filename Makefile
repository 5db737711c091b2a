# toaster-dk: the two commands a newcomer needs are `make demo` and `make test`.
SHELL := /bin/bash
export PATH := /opt/swift/usr/bin:$(PATH)
PREFIX ?= /usr/local
SWIFT ?= swift
RELEASE_FLAGS := -c release --static-swift-stdlib

.PHONY: deps build release demo test asan fuzz lint docs check-docs bench install clean

deps:
	Scripts/install-deps.sh

build:
	$(SWIFT) build

# The qmail-remote launcher is plain C on libc alone: SwiftPM would link the Swift runtime
# into it, and it must start even when the signer's libraries cannot be loaded.
release:
	$(SWIFT) build $(RELEASE_FLAGS)
	$(CC) -O2 -Wall -Wextra -o "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/toaster-dk-remote" \
	  Launcher/toaster-dk-remote.c

demo: deps release
	Scripts/demo.sh "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/toaster-dk"

# The full test run ends with the main suite, so its summary is the last line printed.
test: deps lint check-docs asan fuzz
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel

# The library unit tests again under AddressSanitizer (C wrappers, unsafe buffers), in a
# separate build folder so the normal build is not thrown away; the check fails when a
# library's test target is missing from the filter.
asan:
	Scripts/check-asan-filter.sh
	LSAN_OPTIONS=suppressions=$(CURDIR)/Scripts/lsan.supp $(SWIFT) test --sanitize=address --scratch-path .build-asan --parallel \
	  --filter 'ToasterSupportTests|CDBTests|TcpRulesTests|LibCryptoTests|DKEngineTests|KeyStoreTests|QmailControlTests|SnapshotTests|DNSTests|MailPathTests|DomainCheckTests|QmailDKConfigTests|RotationTests'

# A short pass over every fuzz target (about a minute in all; FUZZ_SECONDS per target).
# Long campaigns: Scripts/fuzz.sh TARGET -runs=N (see CONTRIBUTING.md).
fuzz:
	Scripts/fuzz.sh

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Fuzz

docs:
	Scripts/regenerate-docs.sh

check-docs:
	Scripts/check-generated.sh

bench: deps release
	Scripts/bench.sh "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/toaster-dk"

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/man/man5 $(DESTDIR)$(PREFIX)/share/man/man8 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 0755 "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/toaster-dk" \
	  $(DESTDIR)$(PREFIX)/bin/toaster-dk
	install -m 0755 "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/toaster-dk-queue" \
	  $(DESTDIR)$(PREFIX)/bin/toaster-dk-queue
	install -m 0755 "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/toaster-dk-remote" \
	  $(DESTDIR)$(PREFIX)/bin/toaster-dk-remote
	install -m 0755 "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/toaster-dk-remote-signer" \
	  $(DESTDIR)$(PREFIX)/bin/toaster-dk-remote-signer
	install -m 0644 man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 0644 man/*.5 $(DESTDIR)$(PREFIX)/share/man/man5/
	install -m 0644 man/*.8 $(DESTDIR)$(PREFIX)/share/man/man8/
	install -m 0644 completions/toaster-dk.bash \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/toaster-dk
	install -m 0644 completions/_toaster-dk $(DESTDIR)$(PREFIX)/share/zsh/site-functions/
	install -m 0644 completions/toaster-dk.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/

clean:
	rm -rf .build
