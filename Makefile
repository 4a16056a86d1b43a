# YuGang: the README's two commands are `make run` and `make test`.
SWIFT ?= swift
HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: deps build run test bench check-security clean

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build --product yugang --explicit-target-dependency-import-check error

run: build
	$(SWIFT) run yugang serve --hostname $(HOST) --port $(PORT)

test:
	@scripts/test

bench: deps
	@bench/run

# sqlmap against the public parameters and the long crash test (10 runs of 1,000).
check-security:
	@scripts/check-security

clean:
	rm -rf .build
