# Sourced by bench/throughput.sh and bench/picker.sh (after bench/serve-site.sh, for $BASE):
# pages measured with wrk against the minimal view on the same server.
#
#   measure_paired PAGE...     (DURATION and ROUNDS set; the minimal view is $MINIMAL)
# Each page is measured right after the minimal view, and its ratio is to that measurement; each
# figure is the median of ROUNDS rounds. Load from another process on the machine then skews a
# pair, not one side of every ratio. Fills RATE, P99 and RATIO for the minimal view and each page.

MINIMAL=/bench/minimal/
declare -A RATE P99 RATIO
# A browser's user agent, as a patient's phone sends: without one every request would be counted
# as a bot's (visits/), and the visitor's path, the one that costs most, would go unmeasured.
BENCH_USER_AGENT=${BENCH_USER_AGENT:-"Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"}

measure() {  # prints "requests/s p99-in-ms"; fails if any response was not 2xx/3xx
  local result
  result=$(wrk -t2 -c16 -d"$2" --latency -H "Accept-Encoding: gzip" -H "User-Agent: $BENCH_USER_AGENT" "$BASE$1")
  if grep -q "Non-2xx or 3xx" <<<"$result"; then
    echo "error responses from $1:" >&2
    echo "$result" >&2
    exit 1
  fi
  awk '/Requests\/sec/ {rate = $2}
       $1 == "99%" {p = $2; unit = p; gsub(/[0-9.]/, "", unit); sub(/[a-z]+$/, "", p)
                    p99 = unit == "us" ? p / 1000 : unit == "s" ? p * 1000 : p}
       END {printf "%s %.1f\n", rate, p99}' <<<"$result"
}

# The middle value of a space-separated list (the lower of the two middle ones for an even
# count); blank entries, such as a trailing space's, are not values.
median() { tr ' ' '\n' | sort -g | awk 'NF {v[++n] = $1} END {print v[int((n + 1) / 2)]}'; }

measure_paired() {
  local -A rates p99s ratios
  local url base base_p99 rate p99
  for url in "$MINIMAL" "$@"; do measure "$url" 2s >/dev/null; done  # warm-up, discarded
  for _ in $(seq "$ROUNDS"); do
    for url in "$@"; do
      read -r base base_p99 < <(measure "$MINIMAL" "${DURATION}s")
      read -r rate p99 < <(measure "$url" "${DURATION}s")
      rates[$MINIMAL]+="$base "
      p99s[$MINIMAL]+="$base_p99 "
      rates[$url]+="$rate "
      p99s[$url]+="$p99 "
      ratios[$url]+="$(awk -v a="$rate" -v b="$base" 'BEGIN {printf "%.2f", a / b}') "
    done
  done
  for url in "$MINIMAL" "$@"; do
    RATE[$url]=$(median <<<"${rates[$url]}")
    P99[$url]=$(median <<<"${p99s[$url]}")
    RATIO[$url]=$(median <<<"${ratios[$url]:-1.00}")
  done
}
