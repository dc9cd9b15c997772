#!/usr/bin/env bash
# Side-by-side benchmark: Gazette (as README runs it, bin/gazette, each build a fresh process) against Hugo when
# installed, on the generated news corpus of the shared bench kit, clean full builds, runs interleaved round by
# round; then `gazette serve`'s edit-to-reload time.
#
#   bench/run.sh [SIZES...]          default sizes: 100 1000 10000
#
# Environment:
#   BENCH_KIT=../shared/bench   the kit with gen_corpus.py, layout_corpus.py and peers/hugo
#   WORK=/tmp/gazette-bench      corpora, sites and outputs
#   RUNS_100=10 RUNS_1000=5 RUNS_10000=3   timed runs per size (after one untimed warm-up round)
#   INCR=1                       also time a rebuild (fresh process) after editing one article
#   SERVE=1                      also time gazette serve: an edit to one article until the browser's reload event
#   EDITS=30                     edits timed in gazette serve (the JIT compiler is still at work in the first ones)
#   SHAPE=baseline               the site the peers build (tags only, no term feeds); SHAPE=defaults builds the
#                                same content with Gazette's default settings (author and category pages, term feeds)
# Needs GNU time (apt-get install time); Hugo is optional (apt-get install hugo).
# Prints, per size and tool: median wall seconds, min-max, median peak RSS, CPU, and the Gazette/Hugo ratios.
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
echo "site: $shape (Gazette's settings: $([ "$shape" = baseline ] && echo "taxonomies [tags], no term feeds, one page per tag" || echo defaults))"

# one_run TOOL N -> prints "wall_seconds peak_rss_kb user_seconds system_seconds"
one_run() {
  local tool=$1 n=$2 log="$work/time-$1-$2.log"
  case $tool in
    gazette)
      rm -rf "$work/g-$n/public" "$work/g-$n/.public.gazette-cache"
      sync
      "$TIME" -v "$repo/bin/gazette" build -q "$work/g-$n" 2>"$log" >/dev/null ;;
    hugo)
      rm -rf "$work/h-$n/public" "$work/h-$n/resources" "$work/h-$n/.hugo_build.lock"
      sync
      "$TIME" -v hugo --quiet -s "$work/h-$n" -d "$work/h-$n/public" 2>"$log" >/dev/null ;;
  esac
  awk -F': ' '
    /Elapsed \(wall clock\)/{n=split($2,t,":"); s=(n==3)?t[1]*3600+t[2]*60+t[3]:t[1]*60+t[2]}
    /Maximum resident set size/{m=$2} /User time/{u=$2} /System time/{y=$2}
    END{printf "%.3f %d %.2f %.2f\n", s, m, u, y}' "$log"
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
  for site in "$work/g-$n"; do
    mkdir -p "$site"
    rm -rf "$site/content"; ln -s "$corpus/content" "$site/content"
    # The corpus repeats titles within a month; file names are unique, as in the peers' skeletons.
    printf 'title: Bench News\nbase_url: https://news.example.org/\nlanguage: fr\npermalink: /articles/:year/:month/:filename/\n' > "$site/site.yaml"
    if [ "$shape" = baseline ]; then
      # The site every peer builds (the kit's BASELINE.md, "What was built"): article pages, the paginated home,
      # one page per tag with all its articles, one site feed. Gazette's defaults add a page per author and per
      # category, a feed per term and tag pages paginated by 20, which these settings turn off; what it cannot
      # turn off it still writes (site feeds in three formats, sitemaps, the search page and index, year
      # archives, the tag index).
      printf 'taxonomies: [tags]\nterm_feeds: []\nterm_pagination: all\n' >> "$site/site.yaml"
    fi
  done
  if [ $have_hugo = 1 ]; then
    rm -rf "$work/h-$n"; mkdir -p "$work/h-$n"; cp -r "$kit/peers/hugo/." "$work/h-$n/"
    python3 "$kit/layout_corpus.py" hugo "$corpus" "$work/h-$n" >/dev/null
  fi
  runs_var="RUNS_$n"; runs=${!runs_var:-$([ "$n" -ge 10000 ] && echo 3 || ([ "$n" -ge 1000 ] && echo 5 || echo 10))}
  # Interleaved round by round, each tool deleting and writing its own output once a round, in a folder of its
  # own (ext4 here looks at every inode deleted in the last minute before it reuses one: tools sharing folders
  # pay for each other's deletions).
  phases="gazette"
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
  article=$(find -L "$work/g-$n/content" -name '*.md' | LC_ALL=C sort | sed -n 1p)
  cp "$article" "$work/edited.bak"
  if [ "${INCR:-1}" = 1 ]; then
    "$repo/bin/gazette" build -q "$work/g-$n" >/dev/null
    : > "$work/incr-$n.txt"
    for ((r = 1; r <= runs; r++)); do
      printf '\nA paragraph added by the benchmark, round %d.\n' "$r" >> "$article"
      "$TIME" -v "$repo/bin/gazette" build -q "$work/g-$n" 2>"$work/time-incr.log" >/dev/null
      awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,t,":"); s=(n==3)?t[1]*3600+t[2]*60+t[3]:t[1]*60+t[2]} END{printf "%.3f\n", s}' \
        "$work/time-incr.log" >> "$work/incr-$n.txt"
    done
    cp "$work/edited.bak" "$article"
    printf '  gazette build after editing one article (fresh process, build cache): wall median %.2f s (min %s, max %s)\n' \
      "$(median < "$work/incr-$n.txt")" "$(sort -n "$work/incr-$n.txt" | head -1)" "$(sort -n "$work/incr-$n.txt" | tail -1)"
  fi
  if [ "${SERVE:-1}" = 1 ]; then
    port=$((20000 + RANDOM % 20000))
    # serve keeps its folder for the next start on this site and port: in the bench's folder, removed after
    XDG_CACHE_HOME="$work/serve-cache" "$repo/bin/gazette" serve "$work/g-$n" --port "$port" >"$work/serve-$n.log" 2>&1 &
    serve_pid=$!
    for ((i = 0; i < 600; i++)); do grep -q '^Serving' "$work/serve-$n.log" && break; sleep 0.1; done
    # the article's page: /articles/YYYY/MM/FILENAME/
    rel=${article#"$work/g-$n/content/articles/"}
    page="/articles/${rel%.md}/"
    python3 "$repo/bench/reload_latency.py" "http://127.0.0.1:$port/" "$article" "$page" "${EDITS:-30}" \
      > "$work/serve-$n.txt" || echo "  (serve measurement failed; see $work/serve-$n.log)"
    kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true
    rm -rf "$work/serve-cache"
    cp "$work/edited.bak" "$article"
    if [ -s "$work/serve-$n.txt" ]; then
      printf '  gazette serve, edit to reload event: median %.0f ms (min %s, max %s, %d edits); first 5 edits median %.0f ms, last 12 median %.0f ms\n' \
        "$(median < "$work/serve-$n.txt")" "$(sort -n "$work/serve-$n.txt" | head -1)" \
        "$(sort -n "$work/serve-$n.txt" | tail -1)" "$(wc -l < "$work/serve-$n.txt")" \
        "$(head -5 "$work/serve-$n.txt" | median)" "$(tail -12 "$work/serve-$n.txt" | median)"
    fi
  fi
done
