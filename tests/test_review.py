"""The tone review: judgment is flagged with a kinder reframe; care, firmness and quotes pass."""

from __future__ import annotations

import ast
import importlib.util
import inspect
import re
import string
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from accountability import phrase, testing
from accountability.exceptions import InvalidValueError
from accountability.review import Category, Finding, Review, review

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
# The module, not the function of the same name that the package exports.
review_module = importlib.import_module("accountability.review")


def _load_eval() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_review", BENCHMARKS / "eval_review.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # attrs resolves the module's annotations through it
    spec.loader.exec_module(module)
    return module


EVAL = _load_eval()
ROWS = EVAL.load()
JUDGMENTAL = sorted(row.text for row in ROWS if row.labels)


@pytest.mark.parametrize(
    ("category", "text"),
    [
        (Category.BLAME, "Honestly, this is your fault."),
        (Category.BLAME, "You failed to send the log again."),
        (Category.BLAME, "That one's on you."),
        (Category.BLAME, "You let the whole group down."),
        (Category.SHAMING, "You're so lazy."),
        (Category.SHAMING, "You are such a quitter."),
        (Category.SHAMING, "I'm really disappointed in you."),
        (Category.SHAMING, "That was a pathetic effort."),
        (Category.ABSOLUTE, "You always have an excuse."),
        (Category.ABSOLUTE, "You never follow through on anything."),
        (Category.ABSOLUTE, "Every time we plan a run, you cancel it."),
        (Category.ABSOLUTE, "You keep skipping the Monday session."),
        (Category.SHOULD, "You should have started last month."),
        (Category.SHOULD, "You shouldn't have skipped the session."),
        (Category.SHOULD, "You were supposed to call me on Tuesday."),
        (Category.SHOULD, "You could have at least texted."),
        (Category.ACCUSATORY_QUESTION, "Why didn't you do it?"),
        (Category.ACCUSATORY_QUESTION, "Why can't you just stick to the plan?"),
        (Category.ACCUSATORY_QUESTION, "How could you forget again?"),
        (Category.ACCUSATORY_QUESTION, "What were you thinking?"),
        (Category.THREAT, "Send it by Friday, or else."),
        (Category.THREAT, "If you don't log your runs, I'll stop coaching you."),
        (Category.THREAT, "This is your last chance."),
        (Category.THREAT, "There will be consequences if this happens again."),
        (Category.MINIMISING, "Just do it."),
        (Category.MINIMISING, "It's not that hard."),
        (Category.MINIMISING, "All you have to do is show up."),
        (Category.MINIMISING, "Stop making excuses."),
        (Category.COMPARISON, "Everyone else manages to log their meals."),
        (Category.COMPARISON, "My other clients don't struggle with this."),
        (Category.COMPARISON, "Unlike you, Sam did the homework."),
        (Category.COMPARISON, "Why can't you be more like Priya?"),
        (Category.SARCASM, "Oh great, another missed day."),
        (Category.SARCASM, "Nice of you to show up."),
        (Category.SARCASM, "Wow, what a surprise."),
        (Category.SARCASM, "Well, look who finally decided to check in."),
    ],
)
def test_judgmental_language_is_flagged_with_its_category(category: Category, text: str) -> None:
    assert category in review(text).categories


@pytest.mark.parametrize(
    "text",
    [
        # Supportive firmness, as the issue words it.
        "I get this is hard, but staying stuck isn't an option. Let's move forward.",
        "That's your call, and I'd like us to agree on one step by Friday.",
        "I'm going to hold you to the plan you made.",
        "If you don't feel ready, we'll start smaller.",
        # Negations.
        "This is not your fault.",
        "You're not lazy; you're exhausted.",
        "No one is blaming you for the missed week.",
        "I'm not saying you should have done more.",
        "This isn't a last chance; you can start again any day.",
        # Self-directed.
        "I should have checked in sooner.",
        "I never want you to feel judged.",
        "That's on me; I forgot to send the worksheet.",
        "I was supposed to email you the plan, sorry about that.",
        # Curious why-questions.
        "Why does this goal matter to you?",
        "Why do you think Tuesdays are harder?",
        "Why don't we try a smaller step this week?",
        "What got in the way?",
        # Always and never, not aimed at the client's failings.
        "I'm always here for you.",
        "It's never too late to start again.",
        "You can always message me if something comes up.",
        "You never give up, even on the hard weeks.",
        "You always show up, even when it's hard.",
        # Normalising rather than comparing.
        "Lots of people find the second week the hardest.",
        "Other clients have found it helpful to set a phone reminder.",
        "Compared to last month, you've made real progress.",
        # Sincere praise.
        "Wow, three runs this week, that's amazing!",
        "Great job getting back on track.",
        # Reflections of the client's own view.
        "You feel like a failure right now, and that's a painful place to be.",
        "So part of you feels you should have done more for your dad.",
        "You're worried people think you're lazy.",
        "You never really felt heard growing up.",
        # Echoed back as a question.
        "Your fault? Not at all.",
    ],
)
def test_care_firmness_negation_and_reflection_pass(text: str) -> None:
    assert () == review(text).findings


@pytest.mark.parametrize(
    "text",
    [
        'You said "I\'m so lazy," and I want to gently push back on that.',
        "You wrote, \u201cI always mess this up.\u201d That sounds painful.",
        "Your note said 'I never finish anything', and I hear how frustrated you are.",
        "\u201cWhy can't I just do it?\u201d is a question a lot of people ask themselves.",
        'When your trainer said "no excuses, just do it," how did you react?',
        "You wrote \u2018it's all my fault\u2019 in your journal.",
        'You said "I should have known better. I always give up." Tell me more.',
    ],
)
def test_the_clients_quoted_words_are_never_flagged(text: str) -> None:
    assert () == review(text).findings


def test_a_judgment_outside_the_quote_is_still_flagged() -> None:
    result = review("You said \"I'm lazy\". You're lazy.")

    assert ["You're lazy"] == [finding.matched for finding in result.findings]


def test_why_didnt_you_becomes_what_got_in_the_way() -> None:
    finding = review("Why didn't you do it?").findings[0]

    assert Category.ACCUSATORY_QUESTION == finding.category
    assert "What got in the way?" == finding.reframe
    assert finding.explanation


def test_a_findings_span_slices_out_its_words() -> None:
    text = "Thanks for coming. Honestly, you always have an excuse, and that's on you."

    result = review(text)

    assert [Category.ABSOLUTE, Category.BLAME] == [f.category for f in result.findings]
    for finding in result.findings:
        start, end = finding.span
        assert finding.matched == text[start:end]
    assert "you always have an excuse" == result.findings[0].matched


def test_a_review_is_truthy_only_when_the_text_passes() -> None:
    passing, failing = review("What would help this week?"), review("Just do it.")

    assert (True, True) == (bool(passing), passing.ok)
    assert (False, False) == (bool(failing), failing.ok)
    assert frozenset({Category.MINIMISING}) == failing.categories
    assert frozenset() == passing.categories


def test_every_reframe_passes_the_review_itself() -> None:
    reframes = {
        rule.reframe for rules in review_module._RULES.values() for rule in rules
    }  # every suggestion the review can make

    for reframe in sorted(reframes):
        assert () == review(reframe).findings, reframe


def test_every_category_has_a_docstring_saying_what_it_catches() -> None:
    tree = ast.parse(inspect.getsource(Category))
    documented = {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        for statement, following in zip(node.body, node.body[1:], strict=False)
        if isinstance(statement, ast.Assign)
        and isinstance(following, ast.Expr)
        and isinstance(following.value, ast.Constant)
        for target in statement.targets
        if isinstance(target, ast.Name)
    }

    assert {category.name for category in Category} == documented


def _filled(wording: str, value: str) -> str:
    return "".join(
        literal + (value if name is not None else "")
        for literal, name, _spec, _conversion in string.Formatter().parse(wording)
    )


def _default_wordings() -> list[str]:
    return [wording for variants in phrase._WORDINGS.values() for wording in variants]


@pytest.mark.parametrize("value", ["\u201ca short walk\u201d", "this", "Friday"])
def test_every_built_in_wording_of_the_default_voice_passes(value: str) -> None:
    flagged = {
        wording: [(f.category.value, f.matched) for f in review(_filled(wording, value)).findings]
        for wording in _default_wordings()
    }

    assert {} == {wording: found for wording, found in flagged.items() if found}


def test_the_labelled_set_meets_the_quality_targets() -> None:
    overall = EVAL.evaluate(ROWS).overall

    assert overall.precision >= 0.9, overall
    assert overall.recall >= 0.85, overall


def test_the_labelled_set_is_large_varied_and_split() -> None:
    per_category = {c: sum(1 for row in ROWS if c in row.labels) for c in Category}
    splits = {row.split for row in ROWS}

    assert len(ROWS) >= 400
    assert all(count >= 25 for count in per_category.values()), per_category
    assert sum(1 for row in ROWS if not row.labels) >= 120
    assert {"dev", "test"} == splits
    assert len({row.text for row in ROWS}) == len(ROWS)


@pytest.mark.parametrize("value", [None, 42, b"Just do it.", ["Just do it."]])
def test_anything_but_text_is_refused_naming_the_field(value: object) -> None:
    with pytest.raises(InvalidValueError) as raised:
        review(value)  # type: ignore[arg-type]

    assert ("text", value) == (raised.value.field, raised.value.value)


def test_a_finding_refuses_a_span_that_is_not_an_ordered_pair() -> None:
    with pytest.raises(InvalidValueError, match="span"):
        Finding(Category.BLAME, (5, 2), "x", "What got in the way?", "Blames.")


def test_a_review_refuses_a_finding_whose_span_misses_its_words() -> None:
    finding = Finding(Category.BLAME, (0, 4), "nope", "What got in the way?", "Blames.")

    with pytest.raises(InvalidValueError, match="span"):
        Review("Your fault.", (finding,))


_ANY_TEXT = st.one_of(st.text(), testing.client_words(), st.sampled_from(JUDGMENTAL))
_NO_QUOTES = re.compile("[\"'\u2018\u2019\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]")


@given(_ANY_TEXT)
@example("")
@example('"')
@example("'")
@example("\x00You're so lazy.\x00")
@example("Why didn't you do it?" * 50)
def test_the_review_is_total_ordered_and_deterministic(text: str) -> None:
    result = review(text)

    assert result == review(text)
    assert text == result.text
    assert sorted(result.findings, key=lambda f: (f.span, f.category)) == list(result.findings)
    for finding in result.findings:
        start, end = finding.span
        assert 0 <= start < end <= len(text)
        assert finding.matched == text[start:end]


@given(
    before=st.one_of(st.text(), st.sampled_from(JUDGMENTAL)).map(lambda s: _NO_QUOTES.sub("", s)),
    quoted=st.one_of(_ANY_TEXT, st.sampled_from(JUDGMENTAL)).map(lambda s: _NO_QUOTES.sub("", s)),
    after=st.one_of(st.text(), st.sampled_from(JUDGMENTAL)).map(lambda s: _NO_QUOTES.sub("", s)),
    marks=st.sampled_from([('"', '"'), ("\u201c", "\u201d"), ("\u00ab", "\u00bb")]),
)
@example(before="You said ", quoted="You're so lazy.", after=" Why?", marks=('"', '"'))
def test_words_inside_quotation_marks_never_yield_a_finding(
    before: str, quoted: str, after: str, marks: tuple[str, str]
) -> None:
    opening, closing = marks
    text = f"{before}{opening}{quoted}{closing}{after}"
    inside = (len(before), len(before) + len(quoted) + 2)

    for finding in review(text).findings:
        start, end = finding.span
        assert end <= inside[0] or start >= inside[1], finding


@given(st.lists(st.sampled_from(JUDGMENTAL + [row.text for row in ROWS]), min_size=1, max_size=4))
def test_a_rule_only_ever_matches_at_one_of_its_first_words(sentences: list[str]) -> None:
    # The review tries a rule only where a sentence has a word the rule can begin with;
    # searching with every rule everywhere must find nothing that this would skip.
    text = " ".join(sentences)
    for rules in review_module._RULES.values():
        for rule in rules:
            firsts = review_module._first_words(rule.pattern)
            for match in review_module._compile(rule.pattern).finditer(text):
                word = re.match(r"[A-Za-z]+", text[match.start() :])
                assert word is not None, (rule.pattern, match.group())
                assert word.group().lower() in firsts, (rule.pattern, match.group())
