# cotan: build, test, demo, bench.
#   make          the cotan binary
#   make test     every test (unit, round trip, headers, diagnostics, mutation)
#   make demo     cotan on real examples, showing the results
#   make bench    front-end speed; gradient/primal time ratios (bench/grad.sh)
CC ?= cc
CFLAGS ?= -O2 -g
WARN = -std=c11 -Wall -Wextra -pedantic -Wshadow -Wmissing-prototypes \
       -Wstrict-prototypes
ALL_CFLAGS = $(WARN) $(CFLAGS) -D_POSIX_C_SOURCE=200809L

SRCS = $(filter-out src/main.c,$(wildcard src/*.c))
OBJS = $(SRCS:src/%.c=build/%.o)
# The sanitizer build that the tests use.
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
SAN_OBJS = $(SRCS:src/%.c=build/san/%.o)

all: cotan

cotan: build/libcotan.a build/main.o
	$(CC) $(ALL_CFLAGS) -o $@ build/main.o build/libcotan.a -lm

build/%.o: src/%.c src/cotan.h | build
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The rule table is compiled into rules.c.
build/rules.o build/san/rules.o: src/rules.def

build/libcotan.a: $(OBJS)
	rm -f $@; ar rcs $@ $(OBJS)

build/san/%.o: src/%.c src/cotan.h | build
	$(CC) $(ALL_CFLAGS) -O1 -g $(SAN) -c -o $@ $<

build/san/libcotan.a: $(SAN_OBJS)
	rm -f $@; ar rcs $@ $(SAN_OBJS)

build/cotan-san: build/san/libcotan.a build/san/main.o
	$(CC) $(ALL_CFLAGS) -O1 -g $(SAN) -o $@ build/san/main.o build/san/libcotan.a -lm

build:
	mkdir -p build/san

test: cotan build/cotan-san
	@bash tests/run-all.sh

demo: cotan
	@bash demo/run.sh

bench: cotan
	@bash bench/frontend.sh
	@bash bench/grad.sh

clean:
	rm -rf build cotan

.PHONY: all test demo bench clean
