# Outcomes: every target installs what it needs on a fresh Debian machine with the .NET SDK, then runs.
SHELL := /bin/bash
CONFIG ?= Release
OUT ?= out
CLI := dotnet run --project src/Outcomes.Cli -c $(CONFIG) --
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup demo test serve bench loadtest clean

## setup: Debian packages the product and its tests use (Chromium prints the PDF packs; poppler renders them for checks).
setup:
	@if ! command -v chromium >/dev/null || ! command -v pdftoppm >/dev/null || [ ! -d /usr/share/fonts/truetype/liberation ]; then \
	  echo "Installing chromium, poppler-utils and fonts from Debian..."; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
	    chromium poppler-utils fonts-liberation fonts-dejavu-core >/dev/null; \
	fi
	@# npm builds the GOV.UK Frontend styles and installs axe-core for the browser tests; Debian's npm when the machine has none.
	@if ! command -v npm >/dev/null; then \
	  echo "Installing npm from Debian..."; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends npm >/dev/null \
	    || echo "npm could not be installed: the web pages will be unstyled and the accessibility checks will fail."; \
	fi
	@dotnet restore Outcomes.sln --verbosity quiet
	@# GOV.UK Frontend for the web pages (npm, pinned by package-lock.json). Without npm the pages work unstyled.
	@if command -v npm >/dev/null; then \
	  (cd src/Outcomes.Web/frontend && npm ci --no-audit --no-fund --loglevel=error >/dev/null && npm run --silent build) \
	    || echo "GOV.UK Frontend was not built: the web pages will work, unstyled."; \
	else \
	  echo "npm not found: the web pages will work, unstyled (apt-get install npm to style them)."; \
	fi
	@# axe-core for the browser tests' accessibility check (npm, pinned by package-lock.json); without it those tests fail and say so.
	@if command -v npm >/dev/null; then \
	  (cd tests/Outcomes.Web.BrowserTests && npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
	    || echo "axe-core was not installed: the browser tests' accessibility checks will fail until it is."; \
	fi

## demo: fresh SQLite store, every sample framework and return loaded and scored, packs written to out/.
demo: setup
	$(CLI) demo --out $(OUT) --store $(OUT)/outcomes.db

## test: every test project against the real parts (SQLite file, .xlsx, Chromium PDFs); ends with "N passed, N failed".
test: setup
	@bash .ci/test

## serve: the web service on http://127.0.0.1:5080 over the embedded default store (built from the samples if missing).
## It prints a demo sign-in (an administrator over every sample authority, with a new password at each start) and
## answers only this machine (Outcomes:LoopbackHttp lets its cookies work over plain http).
serve: setup
	@[ -f $(OUT)/outcomes.db ] || $(CLI) demo --no-packs --out $(OUT) --store $(OUT)/outcomes.db
	Outcomes__Store__ConnectionString="Data Source=$(CURDIR)/$(OUT)/outcomes.db" Outcomes__DemoSignIn=true Outcomes__LoopbackHttp=true \
	  dotnet run --project src/Outcomes.Web -c $(CONFIG) -- --urls http://127.0.0.1:5080

## bench: the scoring benchmark; `outcomes bench packs` times pack rendering (pages/s; model → HTML, Chromium,
## contents pass) and `outcomes bench import` imports (figures go to docs/performance.md by hand, with machine and date).
bench: setup
	$(CLI) bench

## loadtest: the web service on a loopback port over a fresh sample store, 50 signed-in readers of dashboards and 5
## concurrent uploads (validate, confirm); prints p50/p95/max per request kind and errors, then checks every upload
## was stored exactly once (figures go to docs/performance.md by hand, with machine and date).
loadtest: setup
	dotnet run --project tests/Outcomes.Web.LoadTest -c $(CONFIG) -- --readers 50 --requests 40 --uploads 5

clean:
	rm -rf $(OUT) TestResults */*/bin */*/obj
