/* Search waits until the reader opens it, then loads only this language's index: search_on_demand.py says why. */
(function () {
  var lang = document.documentElement.lang;
  var opened = new Promise(function (resolve) {
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
    if (this.searchIndex) args[1] = String(url).replace(/\.json$/, "." + lang + ".json");
    return open.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.searchIndex) return send.apply(request, args);
    opened.then(function () { send.apply(request, args); });
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
