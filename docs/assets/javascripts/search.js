// Material's search box, answered by Pagefind (explainer/search.py builds the index).
// material_requests.js loads this module when the reader opens search, or arrives from a
// result with ?h= to highlight; Material keeps its box, results list, keyboard and look, and
// talks to this module as it would to its own search worker.

// Material's messages to and from its worker (integrations/search/worker/message).
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const SHOWN = 10;      // results whose text is loaded and listed (the count is of all)
const MARKED = 12;     // words a result link asks the page to highlight

const config = JSON.parse(document.getElementById("__config").textContent);
const root = new URL(config.base, location.href);

// Readers mix up spellings: compare words with short vowels and tatweel dropped, أ إ آ ٱ as ا,
// ى as ي, ة as ه, Latin letters in one case (the index's Arabic stemmer folds the same way).
export function fold(word) {
  return word.normalize("NFC").toLowerCase()
    .replace(/[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, "")
    .replace(/[\u0623\u0625\u0622\u0671]/g, "\u0627")
    .replace(/\u0649/g, "\u064a")
    .replace(/\u0629/g, "\u0647");
}

// A word is a run of letters, marks and digits: never part of one.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

function escape(text) {
  return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

// Text as HTML with the whole words whose folded form is in `folded` marked.
function markWords(text, folded) {
  let html = "", last = 0;
  for (const match of text.matchAll(WORD)) {
    if (!folded.has(fold(match[0]))) continue;
    html += escape(text.slice(last, match.index)) + `<mark>${escape(match[0])}</mark>`;
    last = match.index + match[0].length;
  }
  return html + escape(text.slice(last));
}

// ---------------------------------------------------------------- the engine

let engine = null;

// Start loading Pagefind (its script, wasm and this language's index entry): on opening search.
export function start() {
  engine = engine || import(new URL("search/pagefind.js", root).href).then(async pagefind => {
    // Page length counts little: an explainer about a name should not lose to a short page
    // that names it once.
    await pagefind.options({ baseUrl: root.pathname, ranking: { pageLength: 0.1 } });
    await pagefind.init();
    return pagefind;
  });
  return engine;
}

// A page's text as Pagefind holds it, split as Pagefind counts its words. It ends with the
// spellings of the entities the page names (explainer/search.py), each entity's after a mark:
// a match there stands for the entity's names as the page writes them.
const SPELLINGS = "\u2042";
const EXCERPT = 24;   // words of text shown under a result

const pages = new Map();  // url -> its words, read once

function readPage(data) {
  if (!pages.has(data.url)) pages.set(data.url, splitPage(data));
  return pages.get(data.url);
}

function splitPage(data) {
  const words = data.content.split(/[\r\n\s]+/g);  // as Pagefind counts them
  const marks = words.flatMap((word, i) => word === SPELLINGS ? [i] : []);
  const end = marks.length ? marks[0] : words.length;
  // The words a match at `location` stands for: the page's word, or the whole spelling (between
  // commas) that a match among an entity's spellings falls in.
  const found = location => {
    if (location < end) return words[location].match(WORD) || [];
    let from = location, to = location + 1;
    while (from > end && !/^[،\u2042]$/.test(words[from - 1])) from--;
    while (to < words.length && !/^[،\u2042]$/.test(words[to])) to++;
    return words.slice(from, to).join(" ").match(WORD) || [];
  };
  return { words, end, found };
}

// The distinct words (by folded form) that matches at `locations` stand for.
function matchedWords(page, locations) {
  const found = new Map();
  for (const at of locations)
    for (const word of page.found(at)) {
      if (word.length < 2) continue;  // the "s" of "Mistral's"
      const key = fold(word);
      if (!found.has(key) && found.size < MARKED) found.set(key, word);
    }
  return [...found.values()];
}

// The stretch of the page's own text (from..to) around its first match, matched words marked.
// A match among the spellings alone (a name the page writes otherwise) is shown where the page
// names it.
function excerpt(page, from, to, locations, folded) {
  let first = locations.find(at => at >= from && at < to);
  for (let i = from; first === undefined && i < to; i++)
    if ((page.words[i].match(WORD) || []).some(w => folded.has(fold(w)))) first = i;
  const start = Math.max(from, Math.min((first === undefined ? from : first) - 4, to - EXCERPT));
  return unspaced(page.words.slice(start, Math.min(to, start + EXCERPT))
    .map(word => markWords(word, folded)).join(" "));
}

// The index reads Arabic punctuation set apart by a space (explainer/search.py): not shown.
function unspaced(text) {
  return text.replace(/\s+(?=[،؛؟»])|(?<=«)\s+/g, "");
}

// A link to a result that asks the page to highlight the words found there (never an empty ?h=).
function linkTo(url, words) {
  const link = new URL(url, location.href);
  if (words.length) link.searchParams.set("h", words.join(" "));
  return `${link.pathname}${link.search}${link.hash}`;
}

// One page's result as Material lists it: the page, then its sections (headings with an id,
// a timeline event among them); the section holding most matches shown under the page, the
// others folded away under "more on this page".
function item(result, data) {
  const page = readPage(data), title = unspaced(data.meta.title || "");
  const anchors = data.anchors.filter(a => /^h[1-6]$/.test(a.element) && a.id).sort((a, b) => a.location - b.location);
  const own = locations => locations.filter(at => at < page.end);
  const words = matchedWords(page, data.locations);
  const folded = new Set(words.map(fold));
  const items = [{
    location: linkTo(data.url, words), title: markWords(title, folded),
    text: excerpt(page, 0, page.end, data.locations, folded),
    score: result.score, terms: {},
  }];
  let best = null;
  for (const sub of data.sub_results) {
    const anchor = anchors.find(a => sub.url.endsWith(`#${a.id}`));
    const matches = own(sub.locations);
    if (!anchor || unspaced(anchor.text) === title || !matches.length) continue;
    const next = anchors.find(a => a.location > anchor.location);
    const subWords = matchedWords(page, matches), subFolded = new Set(subWords.map(fold));
    const section = {
      location: linkTo(sub.url, subWords), title: markWords(unspaced(sub.title), subFolded),
      text: excerpt(page, anchor.location, Math.min(next ? next.location : page.end, page.end), matches, subFolded),
      score: result.score / 2, terms: {},
    };
    if (!best || matches.length > best.matches) best = { section, matches: matches.length };
    items.push(section);
  }
  const lead = own(data.locations).length - data.sub_results.filter(s => s.url !== data.url)
    .reduce((n, s) => n + own(s.locations).length, 0);
  if (best && best.matches > lead) best.section.score = result.score;
  return items;
}

let latest = null;

// Readers write a final ى for ي, ه for ة and ئ for يء (and the other way round) more often than
// the index's stemmer forgives: the query is also searched with those endings swapped, and a
// page found either way is listed once, at its better score.
const RESPELLINGS = [[/ى$/, "ي"], [/ي$/, "ى"], [/ه$/, "ة"], [/ة$/, "ه"], [/ئ$/, "يء"]];

function respelt(word) {
  const rule = RESPELLINGS.find(([ending]) => ending.test(word));
  return rule ? word.replace(...rule) : word;
}

async function searchAll(pagefind, queries) {
  const best = new Map();
  for (const found of await Promise.all([...new Set(queries)].map(q => pagefind.search(q))))
    for (const result of found.results)
      if (!best.has(result.id) || best.get(result.id).score < result.score) best.set(result.id, result);
  return [...best.values()].sort((a, b) => b.score - a.score);
}

// Readers leave out the article («مركز بيانات» for «مركز البيانات»), and the index's stemmer does
// not take it off every word. When a query finds fewer results than a list shows, it is also
// searched with the article added to each Arabic word that lacks it, one word at a time (only
// then: each spelling tried loads index chunks of its own).
const ARABIC_WORD = /^[\u0621-\u064a]{3,}$/;

function withArticle(words) {
  if (words.length > 3) return [];
  return words.flatMap((word, i) => ARABIC_WORD.test(word) && !/^(ال|لل)/.test(word)
    ? [[...words.slice(0, i), "ال" + word, ...words.slice(i + 1)].join(" ")] : []);
}

async function searchWords(pagefind, words) {
  const spellings = [words.join(" "), words.map(respelt).join(" ")];
  const found = await searchAll(pagefind, spellings);
  const more = found.length < SHOWN ? withArticle(words) : [];
  return more.length ? searchAll(pagefind, [...spellings, ...more]) : found;
}

// Pagefind completes the last word only when no word is spelt so: while «بلاك فور» is typed,
// «فور» (a word of its own) finds nothing with «بلاك»; the words before it then answer.
async function search(pagefind, query) {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const results = await searchWords(pagefind, words);
  if (results.length || words.length === 1 || /\s$/.test(query)) return results;
  return searchWords(pagefind, words.slice(0, -1));
}

async function answer(standIn, query) {
  latest = query;
  const pagefind = await start();
  const found = await search(pagefind, query);
  // Only the box's latest text is answered: older queries load no more than their ranking.
  if (query !== latest) return;
  const shown = await Promise.all(found.slice(0, SHOWN).map(r => r.data()));
  if (query !== latest) return;
  const items = shown.map((data, i) => item(found[i], data));
  standIn.dispatchEvent(new MessageEvent("message", { data: { type: RESULT, data: { items } } }));
  // Material counts the results it was given; the reader is told how many pages match.
  const meta = document.querySelector(".md-search-result__meta");
  if (found.length > SHOWN && meta)
    meta.textContent = config.translations["search.result.other"].replace("#", found.length);
  settle(query);
}

// ---------------------------------------------------------------- the box

// aria-busy on the results while they do not yet answer the whole text of the box.
const box = () => document.querySelector("input[data-md-component=search-query]");
const results = () => document.querySelector("[data-md-component=search-result]");
let answered = null;

function settle(query) {
  answered = query;
  const input = box(), list = results();
  if (input && list) list.setAttribute("aria-busy", String(input.value !== answered));
}

document.addEventListener("input", event => {
  if (event.target !== box()) return;
  settle(answered);
  // Material reads the box on keyup; pasted, dictated, predicted or composed text sends none.
  event.target.dispatchEvent(new KeyboardEvent("keyup"));
});

// What Material sends its search worker, answered here.
export function receive(standIn, message) {
  if (message.type === SETUP)
    start().then(() => standIn.dispatchEvent(new MessageEvent("message", { data: { type: READY } })));
  else if (message.type === QUERY)
    answer(standIn, message.data);
}

// ---------------------------------------------------------------- arriving from a result

// Mark the words a result link names (?h=), whole words only, in any of their spellings:
// marking part of an Arabic word would break the joining of its letters.
export function highlight(words) {
  const folded = new Set((words.match(WORD) || []).map(fold));
  const content = document.querySelector(".md-content article");
  if (!folded.size || !content) return;
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (node.parentElement.closest("mark, script, style, [hidden], .glossary-tip") === null) nodes.push(node);
  for (const node of nodes) {
    const html = markWords(node.data, folded);
    if (!html.includes("<mark>")) continue;
    const span = document.createElement("span");
    span.innerHTML = html;
    node.replaceWith(...span.childNodes);
  }
}
