#!/usr/bin/env bash
# Side-by-side benchmark: Gazette (as README runs it, bin/gazette) against Hugo when installed, on the
# generated news corpus of the shared bench kit, clean full builds, runs interleaved round by round.
#
#   bench/run.sh [SIZES...]          default sizes: 100 1000 10000
#
# Environment:
#   BENCH_KIT=../shared/bench   the kit with gen_corpus.py, layout_corpus.py and peers/hugo
#   WORK=/tmp/gazette-bench      corpora, sites and outputs
#   RUNS_100=10 RUNS_1000=5 RUNS_10000=3   timed runs per size (after one untimed warm-up round)
#   INCR=1                       also time a rebuild after editing one article (Gazette only)
#   SHAPE=baseline               the site the peers build (tags only, no term feeds); SHAPE=defaults builds the
#                                same content with Gazette's default settings (author and category pages, term feeds)
#   SERVER=1                     also time Gazette through its build server ("gazette+server", site folder
#                                g-N; GAZETTE_DAEMON is off for the plain "gazette" runs, folder gj-N): a fresh
#                                server per size, started by the untimed warm-up round; its peak RSS during each build (VmHWM, reset before the
#                                build) is added to the client's
# Needs GNU time (apt-get install time); Hugo is optional (apt-get install hugo).
# Prints, per size and tool: median wall seconds, min-max, median peak RSS, and the Gazette/Hugo ratios.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
kit=$(cd "${BENCH_KIT:-$repo/../shared/bench}" && pwd)
work=${WORK:-/tmp/gazette-bench}
sizes=${*:-100 1000 10000}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench: needs GNU time at $TIME (apt-get install time)" >&2; exit 2; }
[ -f "$repo/target/gazette.jar" ] || (cd "$repo" && mvn -q package -DskipTests)
have_hugo=0; command -v hugo >/dev/null && have_hugo=1
mkdir -p "$work"

echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "java: $(java -version 2>&1 | head -1)"
[ $have_hugo = 1 ] && echo "hugo: $(hugo version | cut -d' ' -f1-2)"
shape=${SHAPE:-baseline}
echo "site: $shape (Gazette's settings: $([ "$shape" = baseline ] && echo "taxonomies [tags], no term feeds" || echo defaults))"

# the build server of the measured jar, if one is running
server_pid() { pgrep -f -- "-cp ${GAZETTE_JAR:-$repo/target/gazette.jar} dev.gazette.daemon.BuildServer" | head -1 || true; }
stop_server() { local pid; pid=$(server_pid); if [ -n "$pid" ]; then kill "$pid"; sleep 1; fi; }
# waits until the server has used no CPU for 0.3 s (after a build it collects its heap and its JIT compiler may
# still be busy; a new server rehearses its site first), so that what it does after answering is not timed as part
# of the next tool's run; gives up after about three minutes
settle_server() {
  local pid before after i
  pid=$(server_pid); [ -n "$pid" ] || return 0
  for ((i = 0; i < 600; i++)); do
    before=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    sleep 0.3
    after=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    [ "$before" = "$after" ] && return 0
  done
}

# CPU seconds (user and system) a process has used so far
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f %.2f\n", $14 / hz, $15 / hz}' "/proc/$1/stat" 2>/dev/null || echo "0 0"; }

# one_run TOOL N -> prints "wall_seconds peak_rss_kb user_seconds system_seconds" (through the server: the
# client's CPU plus what the server used until it answered)
one_run() {
  local tool=$1 n=$2 log="$work/time-$1-$2.log" pid extra=0 before="0 0" after="0 0"
  case $tool in
    gazette)
      rm -rf "$work/gj-$n/public" "$work/gj-$n/.public.gazette-cache"
      sync
      GAZETTE_DAEMON=off "$TIME" -v "$repo/bin/gazette" build -q "$work/gj-$n" 2>"$log" >/dev/null ;;
    gazette+server)
      rm -rf "$work/g-$n/public" "$work/g-$n/.public.gazette-cache"
      sync
      pid=$(server_pid)
      if [ -n "$pid" ]; then echo 5 > "/proc/$pid/clear_refs"; before=$(cpu_of "$pid"); fi
      GAZETTE_DAEMON=on "$TIME" -v "$repo/bin/gazette" build -q "$work/g-$n" 2>"$log" >/dev/null
      if [ -n "$pid" ]; then
        extra=$(awk '/^VmHWM/{print $2}' "/proc/$pid/status"); after=$(cpu_of "$pid")
      else
        sleep 1
      fi
      settle_server ;;
    hugo)
      rm -rf "$work/h-$n/public" "$work/h-$n/resources" "$work/h-$n/.hugo_build.lock"
      sync
      "$TIME" -v hugo --quiet -s "$work/h-$n" -d "$work/h-$n/public" 2>"$log" >/dev/null ;;
  esac
  awk -F': ' -v extra="$extra" -v before="$before" -v after="$after" '
    /Elapsed \(wall clock\)/{n=split($2,t,":"); s=(n==3)?t[1]*3600+t[2]*60+t[3]:t[1]*60+t[2]}
    /Maximum resident set size/{m=$2} /User time/{u=$2} /System time/{y=$2}
    END{split(before,b," "); split(after,a," ");
        printf "%.3f %d %.2f %.2f\n", s, m + extra, u + a[1] - b[1], y + a[2] - b[2]}' "$log"
}

# median of numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END{if(NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# field MODE TOOL N: field N of the results lines of TOOL in the phase of MODE ("mode tool wall rss user sys")
field() { awk -v m="$1" -v t="$2" -v c="$3" '$1==m && $2==t{print $c}' "$results"; }

for n in $sizes; do
  corpus="$work/corpus-$n"
  if [ ! -d "$corpus/content" ]; then
    python3 "$kit/gen_corpus.py" --articles "$n" --out "$corpus" --seed 42 >/dev/null
  fi
  # Each Gazette mode builds a site folder of its own (the same content and settings), as Hugo does (see the
  # phases below).
  for site in "$work/g-$n" "$work/gj-$n"; do
    mkdir -p "$site"
    rm -rf "$site/content"; ln -s "$corpus/content" "$site/content"
    # The corpus repeats titles within a month; file names are unique, as in the peers' skeletons.
    printf 'title: Bench News\nbase_url: https://news.example.org/\nlanguage: fr\npermalink: /articles/:year/:month/:filename/\n' > "$site/site.yaml"
    if [ "$shape" = baseline ]; then
      # The site every peer builds (the kit's BASELINE.md, "What was built"): article pages, the paginated home,
      # a page per tag, one site feed. Gazette's defaults add a page per author and per category and a feed per
      # term, which these two settings turn off; what it cannot turn off it still writes (site feeds in three
      # formats, sitemaps, the search page and index, year archives, the tag index, tag pages paginated by 20).
      printf 'taxonomies: [tags]\nterm_feeds: []\n' >> "$site/site.yaml"
    fi
  done
  if [ $have_hugo = 1 ]; then
    rm -rf "$work/h-$n"; mkdir -p "$work/h-$n"; cp -r "$kit/peers/hugo/." "$work/h-$n/"
    python3 "$kit/layout_corpus.py" hugo "$corpus" "$work/h-$n" >/dev/null
  fi
  runs_var="RUNS_$n"; runs=${!runs_var:-$([ "$n" -ge 10000 ] && echo 3 || ([ "$n" -ge 1000 ] && echo 5 || echo 10))}
  # One phase per Gazette mode, each interleaved round by round with Hugo: two tools at a time, each deleting and
  # writing its own output once a round, so that neither pays for a third tool's files in the block groups it
  # writes to (ext4 here looks at every inode deleted in the last minute before it reuses one, and folders made
  # one after the other share block groups: the plain mode's folder shared Hugo's, whose system time went from
  # 0.07 to 0.32 s at 100 articles).
  phases="gazette"
  if [ "${SERVER:-1}" = 1 ]; then
    stop_server
    phases="gazette+server gazette"
  fi
  results="$work/results-$n.txt"
  : > "$results"
  for mode in $phases; do
    tools=$mode; [ $have_hugo = 1 ] && tools="$mode hugo"
    for tool in $tools; do one_run "$tool" "$n" >/dev/null; done   # warm-up round, untimed
    for ((r = 1; r <= runs; r++)); do
      for tool in $tools; do echo "$mode $tool $(one_run "$tool" "$n")" >> "$results"; done
    done
  done
  echo
  echo "N=$n, $runs runs interleaved with Hugo's for each mode (clean full builds):"
  for mode in $phases; do
    tools=$mode; [ $have_hugo = 1 ] && tools="$mode hugo"
    for tool in $tools; do
      walls=$(field "$mode" "$tool" 3); rss=$(field "$mode" "$tool" 4 | median)
      user=$(field "$mode" "$tool" 5 | median); sys=$(field "$mode" "$tool" 6 | median)
      label=$tool; [ "$tool" = hugo ] && label="  hugo"
      printf '  %-14s wall median %6.2f s (min %s, max %s)  peak RSS median %5d MB  CPU median user %.2f s, system %.2f s\n' \
        "$label" "$(echo "$walls" | median)" "$(echo "$walls" | sort -n | head -1)" "$(echo "$walls" | sort -n | tail -1)" \
        "$((${rss%.*} / 1024))" "$user" "$sys"
    done
    if [ $have_hugo = 1 ]; then
      gw=$(field "$mode" "$mode" 3 | median); hw=$(field "$mode" hugo 3 | median)
      gm=$(field "$mode" "$mode" 4 | median); hm=$(field "$mode" hugo 4 | median)
      printf '  %s/hugo: time %.2fx, peak memory %.2fx\n' "$mode" "$(echo "$gw / $hw" | bc -l)" "$(echo "$gm / $hm" | bc -l)"
    fi
  done
  if [ "${INCR:-1}" = 1 ]; then
    article=$(find -L "$work/g-$n/content" -name '*.md' | LC_ALL=C sort | sed -n 1p)
    cp "$article" "$work/edited.bak"
    modes="off"; [ "${SERVER:-1}" = 1 ] && modes="off on"
    for mode in $modes; do
      GAZETTE_DAEMON=$mode "$repo/bin/gazette" build -q "$work/g-$n" >/dev/null
      : > "$work/incr-$n-$mode.txt"
      for ((r = 1; r <= runs; r++)); do
        printf '\nA paragraph added by the benchmark, round %d.\n' "$r" >> "$article"
        GAZETTE_DAEMON=$mode "$TIME" -v "$repo/bin/gazette" build -q "$work/g-$n" 2>"$work/time-incr.log" >/dev/null
        settle_server
        awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,t,":"); s=(n==3)?t[1]*3600+t[2]*60+t[3]:t[1]*60+t[2]} END{printf "%.3f\n", s}' \
          "$work/time-incr.log" >> "$work/incr-$n-$mode.txt"
      done
      cp "$work/edited.bak" "$article"
      label=gazette; [ "$mode" = on ] && label=gazette+server
      printf '  %s rebuild after editing one article: wall median %.2f s (min %s, max %s)\n' "$label" \
        "$(median < "$work/incr-$n-$mode.txt")" "$(sort -n "$work/incr-$n-$mode.txt" | head -1)" \
        "$(sort -n "$work/incr-$n-$mode.txt" | tail -1)"
    done
  fi
done
