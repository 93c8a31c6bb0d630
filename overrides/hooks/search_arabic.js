/* Appended to Material's lunr.ar by search_arabic.py; runs in the search worker.
   Readers mix up spellings, so the index and every query fold them the same way: short vowels
   and tatweel dropped, أ إ آ ٱ → ا, ى → ي, ة → ه; then lunr-languages' Arabic stemmer strips
   attached prefixes and suffixes (و ب ل ال …). Material adds a trailing wildcard to each query
   word, and lunr skips its pipeline for wildcard words, so queries are folded and stemmed here. */
;(function (lunr) {
  if (!lunr || !lunr.ar || !lunr.ar.stemmer) return;
  var stem = lunr.ar.stemmer;
  var fold = function (word) {
    return word
      .replace(/[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, "")
      .replace(/[\u0623\u0625\u0622\u0671]/g, "\u0627")
      .replace(/\u0649/g, "\u064a")
      .replace(/\u0629/g, "\u0647");
  };
  lunr.ar.stemmer = function (token) {
    return stem(token.update ? token.update(fold) : fold(token));
  };
  // Take the original's place under its label (registerFunction would log a warning).
  lunr.ar.stemmer.label = "stemmer-ar";
  lunr.Pipeline.registeredFunctions["stemmer-ar"] = lunr.ar.stemmer;

  var search = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function (query) {
    var folded = query.replace(/[\u0600-\u06ff]+/g, function (word) {
      var token = lunr.ar.stemmer(new lunr.Token(word, {}));
      return token ? token.toString() : word;
    });
    return search.call(this, folded);
  };
})(typeof lunr !== "undefined" ? lunr : undefined);
