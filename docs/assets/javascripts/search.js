// Material's search box, answered by Pagefind (explainer/search.py builds the index).
// material_requests.js loads this module when the reader opens search, or arrives from a
// result with ?h= to highlight; Material keeps its box, results list, keyboard and look, and
// talks to this module as it would to its own search worker.

// Material's messages to and from its worker (integrations/search/worker/message).
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const SHOWN = 10;      // results whose text is loaded and listed (the count is of all)
const MARKED = 12;     // words and names a result link asks the page to highlight

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

// What to mark, from words and names as found or as a result link names them: each as its
// folded words. A name of several words is marked only where they stand together («إيه» of
// «ميسترال إيه آي» is not marked in «ستابيليتي إيه آي»).
function toMark(terms) {
  return terms.map(term => (term.match(WORD) || []).map(fold)).filter(words => words.length);
}

// Between two words of one name: spaces, and the marks that isolate a name's direction.
const JOIN = /^[\s\u200e\u200f\u2066-\u2069]+$/;

// Text as HTML with `marks` (toMark) marked, whole words only.
function markTerms(text, marks) {
  const words = [...text.matchAll(WORD)];
  const folded = words.map(word => fold(word[0]));
  const end = i => words[i].index + words[i][0].length;
  const marked = new Set();
  for (const mark of marks)
    for (let i = 0; i + mark.length <= words.length; i++)
      if (mark.every((word, k) => folded[i + k] === word && (k === 0 || JOIN.test(text.slice(end(i + k - 1), words[i + k].index)))))
        mark.forEach((_, k) => marked.add(i + k));
  let html = "", last = 0;
  words.forEach((word, i) => {
    if (!marked.has(i)) return;
    html += escape(text.slice(last, word.index)) + `<mark>${escape(word[0])}</mark>`;
    last = end(i);
  });
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
// a match there stands for the entity, in whichever of its spellings the page writes.
const SPELLINGS = "\u2042";
const EXCERPT = 24;   // words of text shown under a result

const pages = new Map();  // url -> its words, read once

function readPage(data) {
  if (!pages.has(data.url)) pages.set(data.url, splitPage(data));
  return pages.get(data.url);
}

// Whether the reader typed `word`: it and one of the reader's words (folded) begin alike, as far as
// the shorter goes or four letters (stems, unfinished words). Pagefind also matches a part of a
// word ("AI" of "OpenAI"), which is not typed.
function typed(word, query) {
  const folded = fold(word);
  return query.some(q => {
    let same = 0;
    while (same < folded.length && same < q.length && folded[same] === q[same]) same++;
    return same >= Math.min(4, folded.length, q.length);
  });
}

function splitPage(data) {
  const words = data.content.split(/[\r\n\s]+/g);  // as Pagefind counts them
  const end = words.includes(SPELLINGS) ? words.indexOf(SPELLINGS) : words.length;
  // Each word among the spellings -> its entity's spellings, as ranges of words.
  const entityOf = new Map();
  let names = [], from = end + 1;
  for (let i = end + 1; i <= words.length; i++) {
    if (i < words.length && words[i] !== SPELLINGS && words[i] !== "،") continue;
    if (i > from) names.push([from, i]);
    from = i + 1;
    if (i < words.length && words[i] === "،") continue;
    for (const [a, b] of names) for (let k = a; k < b; k++) entityOf.set(k, names);
    names = [];
  }
  const text = ([a, b]) => (words.slice(a, b).join(" ").match(WORD) || []).join(" ");
  // What the match at `location` stands for, given all the page's matches (`locations`, a Set) and
  // the reader's words (`query`, folded):
  // - in the page's text, its word (less the "s" of "Mistral's"); of a word in parts, the parts
  //   the reader typed ("US" of "US-controlled" is not marked for "controls");
  // - among the spellings, every spelling of the entity, once the matches cover one of its
  //   spellings whole, each part of each word typed ("R1" of "DeepSeek-R1" too): the page writes
  //   one of them.
  const found = (location, locations, query) => {
    if (location < end) {
      const parts = (words[location].match(WORD) || []).filter(word => word.length > 1);
      const meant = parts.filter(part => typed(part, query));
      return parts.length > 1 && meant.length ? meant : parts;
    }
    const spellings = entityOf.get(location) || [];
    const whole = spellings.some(([a, b]) => words.slice(a, b).every((word, k) =>
      (word.match(WORD) || []).every(part => locations.has(a + k) && typed(part, query))));
    return whole ? spellings.map(text).filter(Boolean) : [];
  };
  return { words, end, found };
}

// The distinct words and names (by folded form) that matches at `locations` of the reader's
// words `query` (folded) stand for.
function matchedTerms(page, locations, query) {
  const found = new Map(), at = new Set(locations);
  for (const location of locations)
    for (const term of page.found(location, at, query)) {
      const key = toMark([term])[0].join(" ");
      if (!found.has(key) && found.size < MARKED) found.set(key, term);
    }
  return [...found.values()];
}

// The stretch of the page's own text (from..to) around its first match, `marks` marked. A match
// among the spellings alone (a name the page writes otherwise) is shown where the page names it.
function excerpt(page, from, to, locations, marks) {
  let first = locations.find(at => at >= from && at < to);
  const starts = new Set(marks.map(mark => mark[0]));
  for (let i = from; first === undefined && i < to; i++)
    if ((page.words[i].match(WORD) || []).some(word => starts.has(fold(word)))) first = i;
  const start = Math.max(from, Math.min((first === undefined ? from : first) - 4, to - EXCERPT));
  return unspaced(markTerms(page.words.slice(start, Math.min(to, start + EXCERPT)).join(" "), marks));
}

// The index reads Arabic punctuation set apart by a space (explainer/search.py): not shown.
function unspaced(text) {
  return text.replace(/\s+(?=[،؛؟»])|(?<=«)\s+/g, "");
}

// A link to a result that asks the page to highlight the words and names found there, an ?h=
// each (never an empty one).
function linkTo(url, terms) {
  const link = new URL(url, location.href);
  for (const term of terms) link.searchParams.append("h", term);
  return `${link.pathname}${link.search}${link.hash}`;
}

// One page's result as Material lists it: the page, then its sections (headings with an id,
// a timeline event among them); the section holding most matches shown under the page, the
// others folded away under "more on this page".
function item(result, data, query) {
  const page = readPage(data), title = unspaced(data.meta.title || "");
  const anchors = data.anchors.filter(a => /^h[1-6]$/.test(a.element) && a.id).sort((a, b) => a.location - b.location);
  const own = locations => locations.filter(at => at < page.end);
  const terms = matchedTerms(page, data.locations, query), marks = toMark(terms);
  const items = [{
    location: linkTo(data.url, terms), title: markTerms(title, marks),
    text: excerpt(page, 0, page.end, data.locations, marks),
    score: result.score, terms: {},
  }];
  let best = null;
  for (const sub of data.sub_results) {
    const anchor = anchors.find(a => sub.url.endsWith(`#${a.id}`));
    const matches = own(sub.locations);
    if (!anchor || unspaced(anchor.text) === title || !matches.length) continue;
    const next = anchors.find(a => a.location > anchor.location);
    const subTerms = matchedTerms(page, matches, query), subMarks = toMark(subTerms);
    const section = {
      location: linkTo(sub.url, subTerms), title: markTerms(unspaced(sub.title), subMarks),
      text: excerpt(page, anchor.location, Math.min(next ? next.location : page.end, page.end), matches, subMarks),
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

// `word` by the first of `rules` ([pattern, replacement]) that matches it, or as it is.
function respell(word, rules) {
  const rule = rules.find(([pattern]) => pattern.test(word));
  return rule ? word.replace(...rule) : word;
}

// Lists of results as one: each page once, at its best score.
function merged(lists) {
  const best = new Map();
  for (const results of lists)
    for (const result of results)
      if (!best.has(result.id) || best.get(result.id).score < result.score) best.set(result.id, result);
  return [...best.values()].sort((a, b) => b.score - a.score);
}

async function searchAll(pagefind, queries) {
  return merged(await Promise.all([...new Set(queries)].map(async q => (await pagefind.search(q)).results)));
}

// When a query finds fewer results than a list shows, it is also searched as it may be written
// on the pages (only then: each spelling tried loads index chunks of its own):
// - Readers leave out the article («مركز بيانات» for «مركز البيانات»), and the index's stemmer does
//   not take it off every word: the article is added to each Arabic word that lacks it, one word
//   at a time.
// - The English pages are in British spelling, and readers type American too ("data centers").
const ARABIC_WORD = /^[\u0621-\u064a]{3,}$/;
const BRITISH = [
  [/^(cent|fib|lit|met|theat)er(s?)$/i, "$1re$2"],
  [/^(defen|offen|licen)se(s?)$/i, "$1ce$2"],
  [/^(behavio|colo|favo|flavo|hono|humo|labo|neighbo)r(s|ed|ing|able)?$/i, "$1ur$2"],
  [/^program(s?)$/i, "programme$1"],
  [/^(\p{L}{3,}[iy])z(e|es|ed|ing|ation|ations)$/iu, "$1s$2"],
];

// Each other spelling: the query's words with some respelt, and the respelt words.
function asWritten(words) {
  const spellings = [];
  const add = (spelt, changed) => changed.length && spellings.push({ words: spelt, changed });
  if (words.length <= 3)
    words.forEach((word, i) => {
      if (ARABIC_WORD.test(word) && !/^(ال|لل)/.test(word))
        add(words.map((w, j) => j === i ? "ال" + w : w), ["ال" + word]);
    });
  const inBritish = words.map(word => respell(word, BRITISH));
  add(inBritish, inBritish.filter((word, i) => word !== words[i]));
  return spellings;
}

// The pages a respelt query finds that hold its respelt words, ranked. Pagefind's exact search
// ("…") finds just the pages that hold a word, but ranks them all alike; its ordinary search
// ranks, but a word the index does not hold («الكوين», "theatre") stands there for the longest
// word it holds that begins it («ال», "the"), on every page.
async function searchAsWritten(pagefind, { words, changed }) {
  const [ranked, ...exact] = await Promise.all([words.join(" "), ...changed.map(word => `"${word}"`)].map(q => pagefind.search(q)));
  const holding = exact.map(found => new Set(found.results.map(result => result.id)));
  return ranked.results.filter(result => holding.every(pages => pages.has(result.id)));
}

async function searchWords(pagefind, words) {
  const found = await searchAll(pagefind, [words.join(" "), words.map(word => respell(word, RESPELLINGS)).join(" ")]);
  const more = found.length < SHOWN ? asWritten(words) : [];
  return more.length ? merged([found, ...await Promise.all(more.map(q => searchAsWritten(pagefind, q)))]) : found;
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
  const queryWords = (query.match(WORD) || []).map(fold);
  const items = shown.map((data, i) => item(found[i], data, queryWords));
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

// Mark the words and names a result link names (an ?h= each), whole words only, in any of their
// spellings: marking part of an Arabic word would break the joining of its letters.
export function highlight(terms) {
  const marks = toMark(terms);
  const content = document.querySelector(".md-content article");
  if (!marks.length || !content) return;
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (node.parentElement.closest("mark, script, style, [hidden], .glossary-tip") === null) nodes.push(node);
  for (const node of nodes) {
    const html = markTerms(node.data, marks);
    if (!html.includes("<mark>")) continue;
    const span = document.createElement("span");
    span.innerHTML = html;
    node.replaceWith(...span.childNodes);
  }
}
