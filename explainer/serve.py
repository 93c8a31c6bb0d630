"""Serve a built site the way GitHub Pages serves a project site, for the tests and `make audit`.

Under a path prefix (/<repo>/), with the site's 404.html (status 404) for missing paths, gzip for
text when the client accepts it, `Cache-Control: max-age=600`, ETag and Last-Modified, index.html
for folders and a redirect from `folder` to `folder/`. Paths outside the prefix are not the
site's: they get a bare 404.

    python -m explainer.serve site/ --prefix /ai-race-explained/ --port 8000
"""
from __future__ import annotations

import argparse
import email.utils
import gzip
import http.server
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

# As GitHub Pages labels them (a fixed table: the platform's mimetypes database varies).
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
    ".woff2": "font/woff2",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".gz": "application/gzip",
}
# What GitHub Pages gzips; fonts and images are compressed already.
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}
CACHE_CONTROL = "max-age=600"


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether an Accept-Encoding header allows gzip (named, or `*`, with a non-zero q)."""
    for part in accept_encoding.split(","):
        coding, _, params = part.partition(";")
        if coding.strip().lower() in ("gzip", "*"):
            q = params.strip().removeprefix("q=")
            try:
                return float(q or 1) > 0
            except ValueError:
                return False
    return False


def etag(path: Path) -> str:
    """nginx's form, which GitHub Pages sends: modification time and size in hex."""
    stat = path.stat()
    return f'"{int(stat.st_mtime):x}-{stat.st_size:x}"'


class GitHubPagesHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as browsers get from GitHub Pages
    directory: Path
    prefix = "/"

    def log_message(self, *args):  # keep test and audit output clean
        pass

    def do_GET(self):
        self.respond(send_body=True)

    def do_HEAD(self):
        self.respond(send_body=False)

    def respond(self, send_body: bool):
        url = urlsplit(self.path)
        if url.path + "/" == self.prefix:
            return self.redirect(self.prefix, url.query)
        if not url.path.startswith(self.prefix):
            return self.send_bare_404(send_body)
        root = self.directory.resolve()
        target = (root / unquote(url.path[len(self.prefix):])).resolve()
        if not target.is_relative_to(root):
            return self.send_bare_404(send_body)
        if target.is_dir():
            if not url.path.endswith("/"):
                return self.redirect(url.path + "/", url.query)
            target = target / "index.html"
        if target.is_file():
            return self.send_file(200, target, send_body)
        not_found = root / "404.html"
        if not_found.is_file():
            return self.send_file(404, not_found, send_body)
        return self.send_bare_404(send_body)

    def send_file(self, status: int, path: Path, send_body: bool):
        compressible = path.suffix in COMPRESSIBLE
        gzipped = compressible and accepts_gzip(self.headers.get("Accept-Encoding", ""))
        # A compressed body is another representation: a weak validator, as nginx makes it.
        tag = ("W/" if gzipped else "") + etag(path)
        mtime = path.stat().st_mtime
        if status == 200 and self.not_modified(tag, mtime):
            self.send_response(304)
            self.send_header("ETag", tag)
            self.send_header("Cache-Control", CACHE_CONTROL)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = path.read_bytes()
        if gzipped:
            body = gzip.compress(body, compresslevel=6, mtime=0)  # zlib's default level
        self.send_response(status)
        self.send_header("Content-Type", CONTENT_TYPES.get(path.suffix, "application/octet-stream"))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        if compressible:
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", CACHE_CONTROL)
        self.send_header("Last-Modified", email.utils.formatdate(mtime, usegmt=True))
        self.send_header("ETag", tag)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def not_modified(self, tag: str, mtime: float) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            plain = tag.removeprefix("W/")
            return any(candidate.strip().removeprefix("W/") in (plain, "*") for candidate in if_none_match.split(","))
        if_modified_since = self.headers.get("If-Modified-Since")
        if if_modified_since is None:
            return False
        try:
            since = email.utils.parsedate_to_datetime(if_modified_since).timestamp()
        except (TypeError, ValueError):
            return False
        return int(mtime) <= since

    def redirect(self, location: str, query: str):
        self.send_response(301)
        self.send_header("Location", location + (f"?{query}" if query else ""))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def send_bare_404(self, send_body: bool):
        body = b"Not found\n"
        self.send_response(404)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that leaves a page (a redirect, a closed tab) drops its requests: not an error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class SiteServer:
    """`directory` served at http://127.0.0.1:<port><prefix> on a background thread (port 0: any
    free port). The folder is read on each request, so the site may be built after this starts."""

    def __init__(self, directory: Path, prefix: str, port: int = 0):
        handler = type("Handler", (GitHubPagesHandler,), {"directory": Path(directory), "prefix": prefix})
        self.httpd = QuietServer(("127.0.0.1", port), handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_port}{prefix}"
        self.directory = Path(directory)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve a built site as GitHub Pages does.")
    parser.add_argument("directory", type=Path, help="the built site (mkdocs build --site-dir)")
    parser.add_argument("--prefix", default="/", help="the path it is served under, e.g. /ai-race-explained/")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    prefix = "/" + args.prefix.strip("/") + "/" if args.prefix.strip("/") else "/"
    server = SiteServer(args.directory, prefix, args.port)
    print(f"serving {args.directory} at {server.base} (Ctrl-C stops)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.close()


if __name__ == "__main__":
    main()
