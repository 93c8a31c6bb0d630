/* Inlined by main.html before Material's bundle, which it changes in three requests.
   1. Search: Material's search box stays, and is answered by Pagefind through
      assets/javascripts/search.js instead of Material's own worker. Nothing of it loads until the
      reader reaches for search (presses or focuses it); a page reached from a result (?h=) loads
      only what marks the words found there. Material's own index request waits the same way
      (search_index.py leaves it its settings and no documents).
   2. Sitemaps: the bundle fetches sitemap.xml beside every hreflang alternate, to map pages
      between versions of a site; this site's language links already lead to the same page,
      so those requests are not sent. */
(function () {
  var base = new URL(JSON.parse(document.getElementById("__config").textContent).base, location.href);
  var module = null;
  function search() {
    return module || (module = import(new URL("assets/javascripts/search.js", base).href));
  }

  var searchOpened = new Promise(function (resolve) {
    function reached(event) {
      if (event.target.closest && event.target.closest("form[name=search], label[for=__search]")) resolve();
    }
    document.addEventListener("pointerdown", reached);
    document.addEventListener("focusin", reached);
    document.addEventListener("change", function (event) {
      if (event.target.matches("[data-md-toggle=search]")) resolve();
    });
  });
  searchOpened.then(function () { search().then(function (s) { s.start(); }); });

  var marked = new URLSearchParams(location.search).getAll("h");
  if (marked.length) search().then(function (s) { s.highlight(marked); });

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.searchIndex = /\/search\/search_index\.json$/.test(url);
    this.sitemap = /\/sitemap\.xml$/.test(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (request.sitemap) return request.dispatchEvent(new ProgressEvent("abort"));
    if (!request.searchIndex) return send.apply(request, args);
    searchOpened.then(function () { send.apply(request, args); });
  };

  /* Material only posts messages to its worker: search.js answers them in its place. */
  var RealWorker = window.Worker;
  window.Worker = function (url, options) {
    if (!/\/workers\/search\.[^/]*\.js$/.test(String(url))) return new RealWorker(url, options);
    var standIn = new EventTarget();
    standIn.postMessage = function (message) {
      search().then(function (s) { s.receive(standIn, message); });
    };
    standIn.terminate = function () {};
    return standIn;
  };
})();
