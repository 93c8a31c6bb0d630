/* Inlined by main.html before Material's bundle, which it changes in three requests.
   1. Search: the bundle asks for the whole index and starts its worker as soon as a page loads;
      both now wait until the reader opens search (or arrives from a result, ?h=), and the index
      asked for is the page language's (search_on_demand.py writes one per language).
   2. Sitemaps: the bundle fetches sitemap.xml beside every hreflang alternate, to map pages
      between versions of a site; this site's language links already lead to the same page,
      so those requests are not sent. */
(function () {
  var lang = document.documentElement.lang;
  var searchOpened = new Promise(function (resolve) {
    if (new URLSearchParams(location.search).has("h")) return resolve();
    document.addEventListener("change", function (event) {
      if (event.target.matches("[data-md-toggle=search]")) resolve();
    });
    document.addEventListener("focusin", function (event) {
      if (event.target.closest("form[name=search]")) resolve();
    });
  });

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    this.searchIndex = /\/search\/search_index\.json$/.test(url);
    this.sitemap = /\/sitemap\.xml$/.test(url);
    if (this.searchIndex) args[1] = String(url).replace(/\.json$/, "." + lang + ".json");
    return open.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (request.sitemap) return request.dispatchEvent(new ProgressEvent("abort"));
    if (!request.searchIndex) return send.apply(request, args);
    searchOpened.then(function () { send.apply(request, args); });
  };

  /* Material only posts messages to its worker: a stand-in starts it at the first (the index). */
  var RealWorker = window.Worker;
  window.Worker = function (url, options) {
    if (!/\/workers\/search\.[^/]*\.js$/.test(String(url))) return new RealWorker(url, options);
    var standIn = new EventTarget(), worker = null;
    standIn.postMessage = function (message) {
      if (!worker) {
        worker = new RealWorker(url, options);
        worker.addEventListener("message", function (event) {
          standIn.dispatchEvent(new MessageEvent("message", { data: event.data }));
        });
      }
      worker.postMessage(message);
    };
    standIn.terminate = function () { if (worker) worker.terminate(); };
    return standIn;
  };
})();
