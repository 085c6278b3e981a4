# Hearth's front door. `make run` and `make test` are the two commands a new machine needs.
JOBS ?= $(shell nproc)
HEARTH_STORE ?= sqlite:var/hearth.db
LISTEN ?= 127.0.0.1:8080

.PHONY: all deps web release debug deb deb-test run demo test bench fuzz format format-check clean

all: release

deps:
	@scripts/install-deps.sh

# The web front end (TypeScript, GOV.UK Frontend) → web/dist, served by hearth serve.
web: deps
	@scripts/build-web.sh

release: deps web
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

debug: deps web
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug -j $(JOBS)

# The Debian package build/release/hearth_<version>_<arch>.deb: the release binary, the web front
# end, reference data, /etc/hearth/hearth.toml and the hearth.service unit (packaging/). Only the
# hearth target is built; cpack packages it without building anything else.
deb: deps web
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS) --target hearth
	@cd build/release && cpack -G DEB

# Install the package on this machine, run it from the installed paths, remove and purge it
# (tests/package/deb_test.sh; root, on a machine without hearth installed: CI or a container).
DEB_VERSION = $(shell grep -m1 -o 'hearth VERSION [0-9.]*' CMakeLists.txt | cut -d' ' -f3)
DEB_FILE = build/release/hearth_$(DEB_VERSION)_$(shell dpkg --print-architecture).deb
deb-test: deb
	@tests/package/deb_test.sh $(DEB_FILE)

# Build, create the synthetic demo council if the store has none, and serve it.
run: release
	@mkdir -p var
	@build/release/bin/hearth --store $(HEARTH_STORE) db upgrade
	@build/release/bin/hearth --store $(HEARTH_STORE) demo --if-empty
	@build/release/bin/hearth --store $(HEARTH_STORE) serve --listen $(LISTEN)

# Build with AddressSanitizer + UndefinedBehaviorSanitizer and run every test — unit,
# integration on SQLite and a throwaway PostgreSQL, and the browser tests (Chromium) — with
# screenshots in build/debug/e2e-artifacts.
test: debug
	@scripts/oidc-provider-deps.sh
	@scripts/with-postgres.sh ctest --preset debug

# Benchmarks are built with the release preset; results belong in docs/performance.md.
bench: release
	@scripts/run-benchmarks.sh

# libFuzzer targets (clang, ASan, UBSan): the 903 and local-record readers, the TOML
# configuration and the HTTP request path. `make fuzz SECONDS=600` (docs/fuzzing.md).
SECONDS ?= 60
fuzz: deps
	@scripts/fuzz.sh $(SECONDS)

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.hpp')

format-check:
	@clang-format --dry-run --Werror $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf build web/dist
