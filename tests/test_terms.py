"""The glossary term matcher: Arabic prefixes and suffixes, spelling variants, English forms,
abbreviations, one link per term, and the parts of a page that are never linked."""
from __future__ import annotations

import markdown

from explainer.markup import TermLinks
from explainer.terms import Term, TermMatcher, normalise

INFERENCE = Term("inference", ("الاستدلال",))
OPEN_WEIGHTS = Term("open-weights", ("الأوزان المفتوحة", "مفتوح الأوزان", "مفتوحة الأوزان"))
GPU = Term("gpu", ("وحدة معالجة الرسوميات", "وحدات معالجة الرسوميات"), abbr="GPU")
LLM = Term("llm", ("النموذج اللغوي الكبير", "النماذج اللغوية الكبيرة"), abbr="LLM")
ARABIC = TermMatcher([INFERENCE, OPEN_WEIGHTS, GPU, LLM])


def found(text: str, matcher: TermMatcher = ARABIC) -> list[tuple[str, str]]:
    return [(term, text[s:e]) for s, e, term in matcher.find(text)]


def test_arabic_prefixes_and_their_combinations():
    for word in ["الاستدلال", "والاستدلال", "فالاستدلال", "بالاستدلال", "كالاستدلال", "للاستدلال",
                 "وبالاستدلال", "فبالاستدلال", "وللاستدلال", "وكالاستدلال"]:
        assert found(f"يعتمد ذلك على {word} اليوم") == [("inference", word)], word


def test_arabic_suffixes_and_multiword_terms():
    assert found("النماذج اللغوية الكبيرة مكلفة") == [("llm", "النماذج اللغوية الكبيرة")]
    assert found("للنموذج اللغوي الكبير") == [("llm", "للنموذج اللغوي الكبير")]
    assert found("ونموذج مفتوح الأوزان") == [("open-weights", "مفتوح الأوزان")]
    assert found("وحداتها") == []
    assert found("وتقييمها واستدلاله") == [("inference", "واستدلاله")]  # one-word term before a pronoun
    assert found("استدلال") == []


def test_spelling_variants_hamza_vowels_and_taa_marbuta():
    assert found("الاوزان المفتوحه") == [("open-weights", "الاوزان المفتوحه")]
    assert found("الأوزانُ المفتوحةُ") == [("open-weights", "الأوزانُ المفتوحةُ")]
    assert normalise("أإآى ة")[0] == "اااي ه"


def test_no_match_inside_a_longer_word():
    assert found("الاستدلالات") == [("inference", "الاستدلالات")]  # plural suffix
    assert found("استدلاليه") == []  # no article, no prefix: not the term's form
    assert found("LLMs and GPUs") == [("llm", "LLMs"), ("gpu", "GPUs")]
    assert found("GPUX") == []


def test_english_terms_are_matched_whole_and_case_blind():
    english = TermMatcher([Term("open-weights", ("open weights", "open-weight")), Term("gpu", ("graphics processing unit",), "GPU")])
    assert found("Open weights and an open-weight model on a GPU", english) == [
        ("open-weights", "Open weights"), ("open-weights", "open-weight"), ("gpu", "GPU")]
    assert found("reopen weightsX", english) == []


def test_first_mentions_gives_each_term_once():
    text = "الاستدلال ثم الاستدلال ثم GPU ثم وحدة معالجة الرسوميات"
    assert [(t, text[s:e]) for s, e, t in ARABIC.first_mentions(text)] == [("inference", "الاستدلال"), ("gpu", "GPU")]


def test_first_mentions_in_order_reads_the_texts_of_a_page_in_turn():
    model = Term("model", ("النموذج",))
    matcher = TermMatcher([model, LLM, INFERENCE])
    texts = ["النموذج اللغوي الكبير", "ثم النموذج اللغوي الكبير", "", "والاستدلال والنموذج"]
    found = matcher.first_mentions_in_order(texts)
    assert [[(t, text[s:e]) for s, e, t in spans] for text, spans in zip(texts, found)] == [
        [("llm", "النموذج اللغوي الكبير")],
        # The longer term, already linked, no longer hides the shorter one inside it.
        [("model", "النموذج")],
        [],
        [("inference", "والاستدلال")],
    ]
    # No match runs from one text into the next.
    assert matcher.first_mentions_in_order(["قال النموذج اللغوي", "الكبير"]) == [[(4, 11, "model")], []]


def render(md_text: str) -> str:
    targets = {t.id: (f"../glossary/{t.id}.md", f"name of {t.id}", f"definition of {t.id}") for t in (INFERENCE, OPEN_WEIGHTS, GPU, LLM)}

    class Links(markdown.Extension):
        def extendMarkdown(self, md):  # noqa: N802
            md.treeprocessors.register(TermLinks(md, ARABIC, targets, "ar"), "glossary-terms", 7)

    return markdown.markdown(md_text, extensions=["attr_list", "md_in_html", Links()])


def test_links_skip_headings_links_code_and_other_languages():
    html = render(
        "## الاستدلال {#x}\n\n"
        "[الاستدلال](http://example.org) و`الاستدلال`\n\n"
        '<div lang="en" markdown>\nالاستدلال\n</div>\n\n'
        "وأخيرًا وبالاستدلال ثم الاستدلال."
    )
    assert html.count('class="glossary-term"') == 1
    assert '<a aria-describedby="glossary-tip-inference" class="glossary-term" data-term="inference" href="../glossary/inference.md">وبالاستدلال</a>' in html
    assert '<span class="glossary-tip" data-term-name="name of inference" id="glossary-tip-inference" role="tooltip">definition of inference</span>' in html
