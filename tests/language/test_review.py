"""The tone review: judgment is flagged with a kinder reframe; care, firmness and quotes pass."""

from __future__ import annotations

import ast
import functools
import importlib.util
import inspect
import re
import string
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from accountability import testing
from accountability.exceptions import InvalidValueError
from accountability.language._lazy import LazyPattern
from accountability.language.tone import Finding, Review, ToneCategory, review
from accountability.voice.wordings import WORDINGS

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
# The module, not the function of the same name that the package exports.
review_module = importlib.import_module("accountability.language.tone")


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
        (ToneCategory.BLAME, "Honestly, this is your fault."),
        (ToneCategory.BLAME, "You failed to send the log again."),
        (ToneCategory.BLAME, "That one's on you."),
        (ToneCategory.BLAME, "You let the whole group down."),
        (ToneCategory.SHAMING, "You're so lazy."),
        (ToneCategory.SHAMING, "You are such a quitter."),
        (ToneCategory.SHAMING, "I'm really disappointed in you."),
        (ToneCategory.SHAMING, "I'm disappointed."),
        (ToneCategory.SHAMING, "Honestly, I am so disappointed."),
        (ToneCategory.SHAMING, "That's disappointing."),
        (ToneCategory.SHAMING, "That was a pathetic effort."),
        (ToneCategory.ABSOLUTE, "You always have an excuse."),
        (ToneCategory.ABSOLUTE, "You never follow through on anything."),
        (ToneCategory.ABSOLUTE, "Every time we plan a run, you cancel it."),
        (ToneCategory.ABSOLUTE, "You keep skipping the Monday session."),
        (ToneCategory.SHOULD, "You should have started last month."),
        (ToneCategory.SHOULD, "You shouldn't have skipped the session."),
        (ToneCategory.SHOULD, "You were supposed to call me on Tuesday."),
        (ToneCategory.SHOULD, "You could have at least texted."),
        (ToneCategory.ACCUSATORY_QUESTION, "Why didn't you do it?"),
        (ToneCategory.ACCUSATORY_QUESTION, "Why can't you just stick to the plan?"),
        (ToneCategory.ACCUSATORY_QUESTION, "How could you forget again?"),
        (ToneCategory.ACCUSATORY_QUESTION, "What were you thinking?"),
        (ToneCategory.THREAT, "Send it by Friday, or else."),
        (ToneCategory.THREAT, "If you don't log your runs, I'll stop coaching you."),
        (ToneCategory.THREAT, "This is your last chance."),
        (ToneCategory.THREAT, "There will be consequences if this happens again."),
        (ToneCategory.MINIMISING, "Just do it."),
        (ToneCategory.MINIMISING, "It's not that hard."),
        (ToneCategory.MINIMISING, "All you have to do is show up."),
        (ToneCategory.MINIMISING, "Stop making excuses."),
        (ToneCategory.COMPARISON, "Everyone else manages to log their meals."),
        (ToneCategory.COMPARISON, "My other clients don't struggle with this."),
        (ToneCategory.COMPARISON, "Unlike you, Sam did the homework."),
        (ToneCategory.COMPARISON, "Why can't you be more like Priya?"),
        (ToneCategory.SARCASM, "Oh great, another missed day."),
        (ToneCategory.SARCASM, "Nice of you to show up."),
        (ToneCategory.SARCASM, "Wow, what a surprise."),
        (ToneCategory.SARCASM, "Well, look who finally decided to check in."),
    ],
)
def test_judgmental_language_is_flagged_with_its_category(
    category: ToneCategory, text: str
) -> None:
    assert category in review(text).categories


@pytest.mark.parametrize(
    "text",
    [
        # Disappointment felt with the client, not about them.
        "I'm not disappointed in you.",
        "I know you're disappointed, and that makes sense.",
        "I was disappointed for you when the race was cancelled.",
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

    assert ToneCategory.ACCUSATORY_QUESTION == finding.category
    assert "What got in the way?" == finding.reframe
    assert finding.explanation


def test_a_findings_span_slices_out_its_words() -> None:
    text = "Thanks for coming. Honestly, you always have an excuse, and that's on you."

    result = review(text)

    assert [ToneCategory.ABSOLUTE, ToneCategory.BLAME] == [f.category for f in result.findings]
    for finding in result.findings:
        start, end = finding.span
        assert finding.matched == text[start:end]
    assert "you always have an excuse" == result.findings[0].matched


def test_a_review_is_truthy_only_when_the_text_passes() -> None:
    passing, failing = review("What would help this week?"), review("Just do it.")

    assert (True, True) == (bool(passing), passing.ok)
    assert (False, False) == (bool(failing), failing.ok)
    assert frozenset({ToneCategory.MINIMISING}) == failing.categories
    assert frozenset() == passing.categories


def test_every_reframe_passes_the_review_itself() -> None:
    reframes = {
        rule.reframe for rules in review_module._RULES.values() for rule in rules
    }  # every suggestion the review can make

    for reframe in sorted(reframes):
        assert () == review(reframe).findings, reframe


def test_every_category_has_a_docstring_saying_what_it_catches() -> None:
    tree = ast.parse(inspect.getsource(ToneCategory))
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

    assert {category.name for category in ToneCategory} == documented


def _filled(wording: str, value: str) -> str:
    return "".join(
        literal + (value if name is not None else "")
        for literal, name, _spec, _conversion in string.Formatter().parse(wording)
    )


def _default_wordings() -> list[str]:
    return [wording for variants in WORDINGS.values() for wording in variants]


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
    per_category = {c: sum(1 for row in ROWS if c in row.labels) for c in ToneCategory}
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
        Finding(ToneCategory.BLAME, (5, 2), "x", "What got in the way?", "Blames.")


def test_a_review_refuses_a_finding_whose_span_misses_its_words() -> None:
    finding = Finding(ToneCategory.BLAME, (0, 4), "nope", "What got in the way?", "Blames.")

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
    order = list(ToneCategory)  # the documented tie-break: the enum's own order
    assert sorted(result.findings, key=lambda f: (f.span, order.index(f.category))) == list(
        result.findings
    )
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


@functools.cache
def _rules_with_first_words() -> tuple[tuple[str, frozenset[str], Any], ...]:
    """Every rule's pattern, the words it can begin with, and its compiled form (once)."""
    return tuple(
        (
            rule.pattern,
            review_module._first_words(rule.pattern),
            review_module._compile(rule.pattern),
        )
        for rules in review_module._RULES.values()
        for rule in rules
    )


@given(st.lists(st.sampled_from(JUDGMENTAL + [row.text for row in ROWS]), min_size=1, max_size=4))
def test_a_rule_only_ever_matches_at_one_of_its_first_words(sentences: list[str]) -> None:
    # The review tries a rule only where a sentence has a word the rule can begin with;
    # searching with every rule everywhere must find nothing that this would skip.
    text = " ".join(sentences)
    for pattern, firsts, compiled in _rules_with_first_words():
        for match in compiled.finditer(text):
            word = re.match(r"[A-Za-z]+", text[match.start() :])
            assert word is not None, (pattern, match.group())
            assert word.group().lower() in firsts, (pattern, match.group())


# Structure, not wordlists: the review must generalise to wordings it has never seen.

_UNLISTED_DEEDS = (
    "reschedule",
    "postpone the call",
    "text me at midnight",
    "wander off halfway",
    "say yes and then disappear",
    "start strong and fade",
    "leave the log till Sunday",
    "change the plan on the day",
)
_ABSOLUTE_ADVERBS = ("always", "constantly", "forever", "perpetually")


@given(deed=st.sampled_from(_UNLISTED_DEEDS), adverb=st.sampled_from(_ABSOLUTE_ADVERBS))
def test_an_absolute_bound_to_the_client_is_flagged_whatever_the_verb(
    deed: str, adverb: str
) -> None:
    assert ToneCategory.ABSOLUTE in review(f"You {adverb} {deed}.").categories


@given(
    deed=st.sampled_from(_UNLISTED_DEEDS),
    adverb=st.sampled_from(_ABSOLUTE_ADVERBS),
    frame=st.sampled_from(
        [
            "You feel like you {adverb} {deed}.",
            "It sounds like you think you {adverb} {deed}.",
            "It's not that you {adverb} {deed}.",
            "Nobody is saying you {adverb} {deed}.",
            "Make sure you {adverb} {deed}.",
            'You wrote "I {adverb} {deed}" and I hear how tired you are.',
        ]
    ),
)
def test_an_absolute_reflected_negated_quoted_or_wished_for_passes(
    deed: str, adverb: str, frame: str
) -> None:
    assert () == review(frame.format(adverb=adverb, deed=deed)).findings


@pytest.mark.parametrize(
    "text",
    [
        "You always find an excuse.",
        "You constantly reschedule on me.",
        "You never answer before noon.",
        "You've never stuck with anything.",
        "You never, ever do the reading.",
        "You're never on time for our calls.",
        "You keep letting it slide.",
        "Every single week you come up short.",
        "Whenever things get tough, you bail.",
        "Each time we set a goal, you abandon it.",
        "You skip the stretches every single time.",
        "All you ever do is complain.",
    ],
)
def test_absolutes_are_caught_in_new_wordings(text: str) -> None:
    assert ToneCategory.ABSOLUTE in review(text).categories


@pytest.mark.parametrize(
    "text",
    [
        # Praise: what follows the absolute is a strength.
        "You always bring such good energy.",
        "You always come back stronger.",
        "You never give up, even on the hard weeks.",
        "You never let a bad week define you.",
        "You've never been one to give up.",
        "You keep showing up, and it shows.",
        "Every week you get a little stronger.",
        # What the client has, wants or may do.
        "You always have a choice here.",
        "You always said you wanted to run a marathon.",
        "You never have to do this alone.",
        "You can always message me.",
        "You always seem calmer after a walk.",
        # The client's own pattern reflected, or a frequency without a lapse.
        "You're feeling like you always let yourself down.",
        "Every time you check in, I learn something about what works for you.",
        "Whenever you're ready, you can message me.",
    ],
)
def test_absolutes_that_praise_reassure_or_reflect_pass(text: str) -> None:
    assert () == review(text).findings


@pytest.mark.parametrize(
    "text",
    [
        "Your sister managed it, so can you.",
        "Your colleague hit every target this month, and you hit none.",
        "Sarah did twice as much in half the time.",
        "Jenny started after you and she's already finished.",
        "Your teammates are all ahead of you.",
        "A ten-year-old could keep this streak going.",
        "Everyone in your cohort has submitted except you.",
        "Look at Tom, he never misses a session.",
    ],
)
def test_someone_elses_success_set_against_the_client_is_a_comparison(text: str) -> None:
    assert ToneCategory.COMPARISON in review(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Your sister sounds like a great support.",
        "Your brother finished his chemo last month; how are you all doing?",
        "Lots of my clients struggle with mornings too.",
        "Most people hit a wall around week three.",
        "Other clients have found a buddy helps; would that appeal?",
        "Compared to last month, you've made real progress.",
        "Sam did a lovely job leading the walk; would you like to lead the next one?",
    ],
)
def test_news_of_others_and_normalising_are_not_comparisons(text: str) -> None:
    assert () == review(text).findings


def test_a_comparison_with_a_named_person_spans_the_name() -> None:
    finding = review("Honestly, Sarah did twice as much.").findings[0]

    assert (ToneCategory.COMPARISON, "Sarah did twice") == (finding.category, finding.matched)


_PRAISE = ("Great job", "Nice work", "Well done on", "Congrats on", "Way to go,", "Brilliant,")
_LAPSES = (
    "forgetting again",
    "skipping the session",
    "missing three in a row",
    "ignoring the plan",
    "cancelling again",
    "bailing on Monday",
)


@given(praise=st.sampled_from(_PRAISE), lapse=st.sampled_from(_LAPSES))
def test_praise_aimed_at_a_lapse_is_sarcasm(praise: str, lapse: str) -> None:
    assert ToneCategory.SARCASM in review(f"{praise} {lapse}.").categories


@given(
    praise=st.sampled_from(_PRAISE),
    lapse=st.sampled_from(_LAPSES),
    turn=st.sampled_from(["getting back after", "coming back after", "being honest about"]),
)
def test_praise_for_coming_back_after_a_lapse_is_sincere(
    praise: str, lapse: str, turn: str
) -> None:
    assert () == review(f"{praise} {turn} {lapse}.").findings


@pytest.mark.parametrize(
    "text",
    [
        "Fantastic effort, zero workouts.",
        "Lovely, another excuse.",
        "Another stellar week of doing nothing.",
        "Wow, you actually showed up.",
        "Impressive, even by your standards.",
        "Amazing how you always find time for TV.",
        "Great, just great.",
    ],
)
def test_sarcasm_is_caught_in_new_wordings(text: str) -> None:
    assert ToneCategory.SARCASM in review(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Well done for skipping dessert all week.",
        "Nice work on quitting vaping.",
        "Congrats on missing only one day this month!",
        "Thanks for letting me know you missed it; that honesty helps.",
        "Good call skipping the run with that knee.",
        "Thanks to you, the group walk was a joy.",
        "Great question. I forgot to mention the time.",
        "Amazing how you always find a way.",
    ],
)
def test_praise_near_a_miss_that_is_sincere_passes(text: str) -> None:
    assert () == review(text).findings


@pytest.mark.parametrize(
    ("category", "text"),
    [
        (ToneCategory.BLAME, "You made a complete mess of the plan."),
        (ToneCategory.BLAME, "You're the one who let this slide."),
        (ToneCategory.SHAMING, "You're an excuse machine."),
        (ToneCategory.SHAMING, "That was a sorry excuse for a week."),
        (ToneCategory.SHOULD, "You ought not to have skipped the session."),
        (ToneCategory.SHOULD, "You could have let me know."),
        (ToneCategory.ACCUSATORY_QUESTION, "Are you even taking this seriously?"),
        (ToneCategory.ACCUSATORY_QUESTION, "Why do you bother signing up?"),
        (ToneCategory.THREAT, "Next time you miss, I'm cancelling our sessions."),
        (ToneCategory.THREAT, "I won't keep working with someone who doesn't show up."),
        (ToneCategory.MINIMISING, "You're making a mountain out of a molehill."),
        (ToneCategory.MINIMISING, "Being tired is no excuse."),
    ],
)
def test_other_categories_catch_new_wordings(category: ToneCategory, text: str) -> None:
    assert category in review(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "You're the one who decides what happens next.",
        "It's all down to you now, and that's exciting.",
        "You were told to rest by your doctor, so let's honour that.",
        "You might have asked yourself why this matters.",
        "Do you even like running? It's okay if not.",
        "If you miss a session, I'll send you a recap.",
        "I'll never give up on you.",
        "I'll tell the group your good news!",
        "There'll be a fee waiver for anyone who needs it.",
        "It's not an excuse, it's a reason, and it matters.",
    ],
)
def test_near_misses_of_the_new_wordings_pass(text: str) -> None:
    assert () == review(text).findings


# --- Compiled when first used ----------------------------------------------------------------

IMPORT_ONLY = """
import functools
import sys

import accountability
from accountability.language import mi, tone
from accountability.language._lazy import LazyPattern

patterns = [v for m in (mi, tone) for v in vars(m).values() if isinstance(v, LazyPattern)]
compiled = [p.pattern for p in patterns if not isinstance(p.search, functools.partial)]
print(len(patterns), len(compiled), tone._keyed.cache_info().currsize)
print(sorted(m for m in ("cattrs", "tomllib", "pandas", "matplotlib") if m in sys.modules))
"""


def test_importing_the_library_compiles_no_pattern_and_loads_no_heavy_module() -> None:
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_ONLY], capture_output=True, text=True, check=True
    )

    counts, loaded = done.stdout.splitlines()
    patterns, compiled, keyed = (int(count) for count in counts.split())
    assert patterns > 40
    assert (0, 0) == (compiled, keyed)
    assert "[]" == loaded


def _span(match: re.Match[str] | None) -> tuple[int, int] | None:
    return None if match is None else match.span()


@pytest.mark.parametrize("text", ["", "a1 b2  C3", "\u00e9t\u00e9 b2\nb3"])
def test_a_lazy_pattern_matches_as_the_compiled_pattern_does_before_and_after_first_use(
    text: str,
) -> None:
    source = r"(?<!\w)[a-z](\d)"
    compiled = re.compile(source, re.IGNORECASE)
    lazy = LazyPattern(source, re.IGNORECASE)

    first = _span(lazy.search(text))  # compiles the pattern

    assert _span(compiled.search(text)) == first == _span(lazy.search(text))
    assert [_span(m) for m in compiled.finditer(text)] == [_span(m) for m in lazy.finditer(text)]
    assert _span(compiled.match(text)) == _span(lazy.match(text))
    assert _span(compiled.fullmatch(text)) == _span(lazy.fullmatch(text))
    assert compiled.sub("#", text) == lazy.sub("#", text)
    assert compiled.subn("#", text) == lazy.subn("#", text)
    assert compiled.split(text) == lazy.split(text)
    assert compiled.findall(text) == lazy.findall(text)
    assert compiled == lazy.search.__self__  # type: ignore[attr-defined]


def test_every_pattern_of_the_review_and_the_audit_compiles() -> None:
    audit_module = importlib.import_module("accountability.language.mi")
    table = review_module._keyed()
    patterns = [
        *(value for m in (review_module, audit_module) for value in vars(m).values()),
        *(screen for screen, _ in table.values()),
        *(keyed.pattern for _, entries in table.values() for keyed in entries),
        *(single for _, entries in table.values() for keyed in entries for single in keyed.singles),
        *(
            getattr(rule, field)
            for rules in review_module._RULES.values()
            for rule in rules
            for field in ("requires", "forbids", "lead", "not_after")
        ),
    ]
    lazy = [pattern for pattern in patterns if isinstance(pattern, LazyPattern)]

    compiled = [re.compile(pattern.pattern, pattern.flags) for pattern in lazy]

    assert len(compiled) > 1000
