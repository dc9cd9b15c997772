#!/usr/bin/env bash
# Lighthouse on each kind of page of the sample site, served with gzip compression and cache headers as a static
# host serves it. Prints the four category scores per page and any weighted audit below a full score.
#
#   bench/lighthouse.sh            (builds the sample site into public/ first)
#
# Needs Debian's chromium, Node.js and npm (Lighthouse 12 is installed into $WORK/lighthouse once), python3.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${WORK:-/tmp/gazette-bench}
port=${PORT:-8770}
mkdir -p "$work/lighthouse"
[ -x "$work/lighthouse/node_modules/.bin/lighthouse" ] ||
  npm install --prefix "$work/lighthouse" --no-audit --no-fund lighthouse@12.8.2 >/dev/null
[ -f "$repo/target/gazette.jar" ] || (cd "$repo" && mvn -q package -DskipTests)
"$repo/bin/gazette" build -q "$repo"

cat > "$work/lighthouse/serve.py" <<'PY'
import gzip, http.server, os, sys
root, port = os.path.realpath(sys.argv[1]), int(sys.argv[2])
types = {'.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
         '.json': 'application/json', '.svg': 'image/svg+xml', '.xml': 'application/xml', '.png': 'image/png',
         '.jpg': 'image/jpeg', '.webmanifest': 'application/manifest+json'}
class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args): pass
    def do_GET(self):
        path = os.path.realpath(os.path.join(root, self.path.split('?')[0].lstrip('/')))
        if os.path.isdir(path): path = os.path.join(path, 'index.html')
        code = 200
        if not path.startswith(root) or not os.path.isfile(path): path, code = os.path.join(root, '404.html'), 404
        body = open(path, 'rb').read(); ext = os.path.splitext(path)[1]
        self.send_response(code); self.send_header('Content-Type', types.get(ext, 'application/octet-stream'))
        self.send_header('Cache-Control', 'max-age=3600')
        if ext in ('.html', '.css', '.js', '.json', '.svg', '.xml', '.webmanifest') and 'gzip' in self.headers.get('Accept-Encoding', ''):
            body = gzip.compress(body); self.send_header('Content-Encoding', 'gzip')
        self.send_header('Content-Length', str(len(body))); self.end_headers(); self.wfile.write(body)
http.server.ThreadingHTTPServer(('127.0.0.1', port), Handler).serve_forever()
PY
python3 "$work/lighthouse/serve.py" "$repo/public" "$port" &
server=$!
trap 'kill $server' EXIT
sleep 1

article=$(cd "$repo/public" && ls -d 20*/*/*/ | grep cia-director | head -1)
for page in / "/$article" /tags/nasa/ /authors/priya-raman/ /categories/science/ /2022/ /search/ /404.html; do
  profile=$(mktemp -d)
  report="$work/lighthouse/report.json"
  "$work/lighthouse/node_modules/.bin/lighthouse" "http://127.0.0.1:$port$page" --quiet --chrome-path="$(command -v chromium)" \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$profile" \
    --only-categories=performance,accessibility,best-practices,seo --output=json --output-path="$report" >/dev/null 2>&1
  rm -rf "$profile"
  python3 - "$report" "$page" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"{sys.argv[2]:<40}", '  '.join(f"{k} {round(v['score'] * 100)}" for k, v in r['categories'].items()))
for name, category in r['categories'].items():
    for ref in category['auditRefs']:
        audit = r['audits'][ref['id']]
        if audit.get('score') is not None and audit['score'] < 1 and ref.get('weight', 0) > 0:
            print(f"    {name}: {ref['id']} {audit['score']} {audit.get('displayValue', '')}")
PY
done
