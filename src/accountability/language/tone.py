"""Review: a tone check that flags judgment in any text and proposes a kinder reframe.

`review` reads a message, built-in or a coach's own, sentence by sentence and
flags the language that turns accountability into judgment: blame, shaming or
labelling, absolutes ("you always", "you never"), should-statements about the
past, accusatory why-questions, threats, minimising, comparison with others and
sarcasm. Each `Finding` says where the words are, which kind of judgment they
carry, why, and what a coach could say instead.

It reads structure, not a list of banned sentences: a judgment needs the
client as its target ("you failed to", "your fault", "you never follow
through"), so the coach's own admissions ("I should have checked in sooner"),
negations ("this is not your fault"), reflections of what the client feels
("you feel you should have done more") and firm but supportive asks ("staying
stuck isn't an option") pass. Text inside quotation marks, straight or curly,
is the client's own words and is never flagged.

Where it can, a rule reads the shape of a sentence rather than a list of verbs.
An absolute bound to the client as subject ("you always ...", "you never ...",
"every week you ...", "you keep ...ing") is a charge whatever verb follows,
unless the rest of the clause is praise ("you always show up", "you never give
up") or says what the client has or wants ("you always have a choice").
Someone else's success set against the client ("your sister managed it, so can
you") is a comparison. Praise aimed straight at a lapse ("great job forgetting
again") is sarcasm, unless something between them makes it sincere ("well done
for coming back after missing a week") or the lapse is a vice the client gave
up ("well done for skipping dessert").

>>> result = review("Why didn't you do it? This is not your fault.")
>>> [(finding.category.value, finding.matched) for finding in result.findings]
[('accusatory_question', "Why didn't you")]
>>> result.findings[0].reframe
'What got in the way?'
>>> review("I should have checked in sooner.").ok
True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Any, Final

import attrs

from accountability import _validate as v
from accountability.exceptions import InvalidValueError
from accountability.language._lazy import LazyPattern

__all__ = ["Finding", "Review", "ToneCategory", "review"]


class ToneCategory(StrEnum):
    """The kinds of judgment the tone review flags.

    The values are stable lowercase names, fit for storage and for JSON.
    """

    BLAME = "blame"
    """Fault laid on the client: "your fault", "this is on you", "you failed to",
    "you let everyone down", "you didn't even try"."""

    SHAMING = "shaming"
    """Shaming or labelling the person instead of describing what happened:
    "you're lazy", "you're a quitter", "that's pathetic", "I'm disappointed in you",
    "I'm disappointed", "that's disappointing"."""

    ABSOLUTE = "absolute"
    """Absolutes bound to the client's behaviour: "you always have an excuse",
    "you never follow through", "every time ... you drop it", "you keep missing",
    "every single week you come up short", whatever the verb, unless it is praise."""

    SHOULD = "should"
    """Should-statements about the client's past: "you should have started",
    "you shouldn't have skipped", "you were supposed to", "you could have at least"."""

    ACCUSATORY_QUESTION = "accusatory_question"
    """Why-questions that accuse rather than ask: "Why didn't you...?", "Why can't
    you...?", "How could you...?", "What were you thinking?"."""

    THREAT = "threat"
    """Threats or punishment: "or else", "last chance", "if you don't ..., I'll stop
    coaching you", "there will be consequences"."""

    MINIMISING = "minimising"
    """Minimising the client's difficulty: "just do it", "it's not that hard", "all you
    have to do is", "no excuses", "stop making excuses"."""

    COMPARISON = "comparison"
    """Comparison with others: "everyone else manages", "my other clients don't
    struggle", "unlike you, Sam...", "why can't you be more like...", "your sister
    managed it, so can you"; not normalising ("lots of people find week two hard")."""

    SARCASM = "sarcasm"
    """Sarcasm: "Oh great, another missed day", "nice of you to show up", "wow, what a
    surprise", "look who finally decided to check in", "great job forgetting again"."""


_ORDER: Final = {category: index for index, category in enumerate(ToneCategory)}


def _check_span(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if (
        not isinstance(value, tuple)
        or len(value) != 2  # a (start, end) pair
        or not all(type(bound) is int for bound in value)
        or not 0 <= value[0] <= value[1]
    ):
        raise InvalidValueError(
            v.field_name(instance, attribute),
            value,
            "expected a (start, end) pair of ints with 0 <= start <= end",
        )


def _check_any_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidValueError(
            v.field_name(instance, attribute), value, f"expected a str, got {type(value).__name__}"
        )


@attrs.frozen
class Finding:
    """One piece of judgmental language, where it is, and a kinder way to say it.

    Attributes:
        category: The kind of judgment.
        span: ``(start, end)`` character offsets into the reviewed text, so
            ``text[start:end] == matched``.
        matched: The words that carry the judgment.
        reframe: A suggestion the coach could say instead, in the library's
            own voice; it passes the review itself.
        explanation: One line on why the words were flagged.

    >>> finding = review("You always have an excuse.").findings[0]
    >>> finding.category, finding.span, finding.matched
    (<ToneCategory.ABSOLUTE: 'absolute'>, (0, 25), 'You always have an excuse')
    """

    category: ToneCategory = attrs.field(validator=v.member_of(ToneCategory))
    span: tuple[int, int] = attrs.field(validator=_check_span)
    matched: str = attrs.field(validator=v.text())
    reframe: str = attrs.field(validator=v.text())
    explanation: str = attrs.field(validator=v.text())


def _check_findings(instance: Review, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(item, Finding) for item in value):
        raise InvalidValueError("Review.findings", value, "expected a tuple of Finding")
    text = instance.text
    for finding in value:
        start, end = finding.span
        if end > len(text) or text[start:end] != finding.matched:
            raise InvalidValueError(
                "Review.findings", finding, "the span does not hold the matched words in the text"
            )
    keys = [_sort_key(finding) for finding in value]
    if keys != sorted(keys):
        raise InvalidValueError("Review.findings", value, "findings must be ordered by span")


def _sort_key(finding: Finding) -> tuple[int, int, int]:
    return (finding.span[0], finding.span[1], _ORDER[finding.category])


@attrs.frozen
class Review:
    """The tone review of one text.

    A review is truthy when the text passes, that is when it has no finding,
    so ``if review(text): send(text)`` reads as it should. ``ok`` says the
    same thing by name.

    Attributes:
        text: The text that was reviewed, exactly as given.
        findings: Every finding, ordered by span (start, then end, then
            category in `ToneCategory` order).

    >>> bool(review("What got in the way?"))
    True
    >>> sorted(review("You never listen. Just do it.").categories)
    [<ToneCategory.ABSOLUTE: 'absolute'>, <ToneCategory.MINIMISING: 'minimising'>]
    """

    text: str = attrs.field(validator=_check_any_text)
    findings: tuple[Finding, ...] = attrs.field(default=(), validator=_check_findings)

    @property
    def ok(self) -> bool:
        """True when nothing in the text was flagged."""
        return not self.findings

    @property
    def categories(self) -> frozenset[ToneCategory]:
        """The kinds of judgment found, without repeats."""
        return frozenset(finding.category for finding in self.findings)

    def __bool__(self) -> bool:
        return self.ok


# ---------------------------------------------------------------------------------------------
# Patterns, written in a light notation: a space stands for any run of whitespace (" *" for an
# optional run) and a straight apostrophe for either apostrophe, straight or curly.


def _regex(pattern: str) -> str:
    return pattern.replace("'", "['\u2019]").replace(" *", r"\s*").replace(" ", r"\s+")


def _alt(words: str) -> str:
    """A non-capturing alternation of ``|``-separated wordings, longest first.

    Only the top-level bars separate wordings; a wording may hold its own groups.
    """
    parts: list[str] = []
    depth, start = 0, 0
    for index, char in enumerate(words):
        if char == "(" and words[index - 1 : index] != "\\":
            depth += 1
        elif char == ")" and words[index - 1 : index] != "\\":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(words[start:index])
            start = index + 1
    parts.append(words[start:])
    return "(?:" + "|".join(sorted(parts, key=len, reverse=True)) + ")"


# "you're ... lazy": the client's name for themselves, as the coach puts it.
_YOU_ARE: Final = _alt("you're|you are|you've been|you have been|you're being|you are being")
_INTENSIFIER: Final = _alt(
    "so|such|really|just|kind of|kinda|sort of|a bit|a little|pretty|too|incredibly|totally|"
    "completely|very|clearly|honestly|simply|quite|utterly|absolutely|frankly|literally|"
    "basically|becoming|getting|acting|such a|such an|a|an|an absolute|a total|a complete|"
    "a real|a bit of a|kind of a|sort of a|being|being a|being such a|such a|being so"
)
_LABEL: Final = _alt(
    "lazy|undisciplined|unreliable|irresponsible|hopeless|pathetic|useless|selfish|stubborn|"
    "careless|sloppy|flaky|immature|childish|spoiled|spoilt|dramatic|incompetent|stupid|dumb|"
    "worthless|unmotivated|uncommitted|undependable|spineless|gutless|pitiful|embarrassing|"
    "shameful|disgraceful|entitled|whiny|disorganised|disorganized|scatterbrained|"
    "unprofessional|ungrateful|thoughtless|inconsiderate|clueless|weak-willed|a disappointment|"
    "a letdown|a let-down|an idiot|a liar|a hypocrite|a joke|a flake|a slacker|a quitter|"
    "a loser|a failure|a procrastinator|a lost cause|a mess|a hot mess|a wreck|a couch potato|"
    "a wimp|a lightweight|a write-off|a brat|in denial|an alcoholic|an addict|a drunk|a junkie|"
    "flake|slacker|quitter|loser|failure|"
    "procrastinator|lost cause|mess|idiot|hypocrite|disappointment|your own worst enemy|all talk"
)
_VIRTUE: Final = _alt(
    "disciplined|committed|motivated|reliable|responsible|serious|dedicated|trying hard enough"
)
_JUDGED: Final = _alt(
    "pathetic|embarrassing|shameful|disgraceful|pitiful|laughable|a joke|a disgrace|"
    "a disappointment"
)
_WEAK: Final = _alt("lame|lazy|weak|feeble|sloppy|half-hearted|poor|pitiful|pathetic")
_EFFORT: Final = _alt("effort|excuse|attempt|week|performance|showing|job|try")

# The client's failures, after "you" (or "you've", "you have", "you had").
_FAILED: Final = _alt(
    r"failed to|failed me|failed us|failed yourself|failed the team|failed everyone|"
    r"failed again|failed miserably|dropped the ball|"
    r"let (?!(?:your|my|the|their) (?:guard|hair)\b)(?:[\w-]+ ){1,3}down|"
    r"messed (?:it |this |that |things |everything |the \w+ )?up|"
    r"screwed (?:it |this |that |things |everything |the \w+ )?up|blew it|"
    r"blew (?:your|the|our) \w+|ruined|wasted (?!no\b)|sabotaged|threw away|thrown away|"
    r"botched|made a mess of|couldn't be bothered|didn't bother|didn't even bother|"
    r"didn't even (?:try|attempt|start|look|open|read|show)|"
    r"didn't (?:put in|do) (?:the|any|much|enough) (?:work|effort|time)|"
    r"didn't follow through|didn't keep your (?:word|promise)|"
    r"broke your (?:word|promise|commitment)|went back on your word|"
    r"brought (?:this|it|that) on yourself"
)
_NOT_TRYING: Final = _alt(
    r"trying(?! to\b)|taking (?:this|it|things|any of this|your \w+) seriously|"
    r"(?:putting in|making) (?:the|any|an|enough) (?:work|effort|time)|pulling your weight"
)
# A lapse: what "every time" or "keep" turns into a charge.
_LAPSE: Final = _alt(
    "give up|gave up|giving up|quit|stop|skip|miss|forget|forgot|cancel|drop|bail|slip|"
    "fall off|fell off|disappear|back out|backed out|pull out|pulled out|procrastinate|"
    "make excuses|made excuses|complain|avoid|flake|ghost|let (?:me|us|yourself) down"
)
# What a client is told they "never" do, when it is a charge rather than praise: "you never
# give up" and "you never miss a session" are praise, "you never follow through" is not.
_NEVER_DO: Final = _alt(
    r"finish|follow through|follow up|listen|do (?:your|the|what|it|anything|this|that|as)|"
    r"try|stick|commit|show up|turn up|call|text|reply|respond|answer|log|track|complete|"
    r"start|keep (?:your|a|to|up|it|going)|make (?:time|an effort|the effort|any effort|it)|"
    r"take (?:my|this|it|anything|things|responsibility|advice|your|me|the)|put in|"
    r"get anything done|get (?:it|things|round|around) (?:done|to)|read|practise|practice|"
    r"prepare|plan|remember|bother|care|think ahead|think before|own up|admit|pay attention|"
    r"hand in|send|check in|get back to|even|seem to|manage to|hit|deliver|exercise|train|"
    r"work out|study|contribute|attend|participate|learn|help|ask|get up|wake up|"
    r"go (?:to|out)|reach out|open"
)
# What a client is told they "always" do, when it is a charge: "you always show up" is praise.
_ALWAYS_DO: Final = _alt(
    r"(?:have|has|got|come up with|make|making|having) (?:an |another |some |a )?"
    r"(?:excuse|reason|story|way out)|"
    r"find (?:a|some|another) (?:reason|excuse)|find (?:a|some) way (?:out|not|to avoid)|"
    r"(?:do|doing|say|saying|pull|pulling) (?:this|that|the same)|say you(?:'ll| will)|"
    r"wait (?:until|till|til)|leave (?:it|things|everything)|"
    r"(?:back|backing|bail|bailing|pull|pulling|chicken|chickening|drop|dropping) out|"
    r"late|behind|running late|too busy|too tired|cancelling|canceling|complaining|"
    r"forgetting|skipping|missing|quitting|procrastinating|making excuses|blaming|avoiding|"
    r"on your phone|putting (?:it|things|this|that|everything) off|quit|give up|cancel|skip|"
    r"miss|forget|complain|procrastinate|put (?:it|things|this|that|everything) off|"
    r"put (?:everything|work|your job|your phone) (?:else )?(?:first|before)|blame|avoid|"
    r"make (?:everything|it|this|things) about|need reminding|"
    r"need to be (?:reminded|chased|pushed)|overthink|overcomplicate|interrupt|argue|"
    r"drop (?:it|the ball|things|everything|the plan)|mess (?:it|things|this|everything) up|"
    r"let (?:me|us|people|yourself|everyone|the team) down|break your|flake|disappear|ghost|"
    r"go quiet|go silent|change the subject|ignore|fall off|stop|stall"
)
_NEVER_BE: Final = _alt(
    "ready|on time|prepared|around|available|satisfied|finished|serious|reachable|focused"
)
_KEEP_DOING: Final = _alt(
    r"missing|skipping|forgetting|cancelling|canceling|making the same|making excuses|"
    r"putting (?:it|things|this|that) off|giving up|quitting|dropping|avoiding|blaming|"
    r"complaining|letting (?:me|us|yourself|people|everyone) down|failing|breaking|ignoring|"
    r"doing (?:this|that|the same)|coming up with|procrastinating|slipping|bailing|"
    r"backing out|flaking|disappearing"
)
_PARTICIPLE: Final = (
    r"(?:(?!received\b|gotten\b|need\b|seed\b)\w+ed|(?!often\b)\w+en|done|gone|known|told|seen|"
    r"been|made|had|got|taken|given|thought|left|kept|sent|said|put|let|run|begun|come|become|"
    r"brought|bought|caught|felt|found|held|lost|meant|met|paid|read|sold|spent|stood|taught|"
    r"understood|won|written|spoken|chosen|eaten|driven|slept|stuck|quit|set|cut|shut|dealt|"
    r"built|fought|sought|shown|grown|drawn|thrown|worn|forgotten|hidden|woken|broken|stolen|"
    r"drunk|swum)\b"
)
# A punishment the coach holds over the client.
_PUNISH: Final = _alt(
    r"stop (?:coaching|working|seeing|replying|responding|helping|answering|meeting)|"
    r"(?:drop|dropping|kick|kicking|remove|removing|cut|cutting) you|"
    r"(?:end|ending|terminate|terminating|cancel|cancelling|canceling|stop) (?:our|the|your|this) "
    r"(?:coaching|sessions|work|agreement|contract|relationship|membership|package|program|"
    r"programme)|"
    r"(?:report|reporting) (?:you|this|it|that|your \w+)|"
    r"(?:inform|informing) (?:HR|your \w+|the \w+)|"
    r"(?:tell|telling) (?:your|the) (?:manager|boss|sponsor|court|judge|group|team|employer|"
    r"probation officer|parole officer|parents|partner|doctor|school|teacher)|"
    r"let (?:your|the) (?:manager|boss|sponsor|court|judge|group|team|employer|probation officer|"
    r"parole officer|parents|school|HR) know|"
    r"charge you|fine you|give up on you|"
    r"find (?:someone|somebody|a client|another client|a new client) (?:who|that|else)|"
    r"keep your deposit|(?:won't|will not|not) (?:renew|continue|keep working)|"
    r"(?:cancel|end|stop|close|terminate|suspend|freeze) (?:your|our|the|this) (?:plan|spot|"
    r"place|account|access|membership|subscription|booking)|refund you|"
    r"move on (?:to|from) (?:other|another|someone|you)|walk away|(?:ban|block|bill) you"
)
_DONE: Final = r"(?:done|out|through|finished|over)\b(?! for\b| with (?:the|that|this) \w+ing\b)"
_CONSEQUENCE: Final = _alt(
    r"(?:I|we)(?:'ll| will|'m going to| am going to|'re going to| are going to)"
    r"(?: have to)? " + _PUNISH + "|"
    r"(?:I|we) (?:can't|cannot|won't|will not) (?:keep|continue) (?:working|coaching)|"
    r"(?:I|we) (?:won't|will not) (?:renew|extend|continue) (?:your|our|the)|"
    r"(?:I'm|we're|it's) " + _DONE + r"|you're out\b|"
    r"you(?:'ll| will)? (?:lose|forfeit) your|"
    r"you(?:'ll| will) (?:regret|be (?:out|dropped|removed|kicked))|"
    r"(?:I'm|I am) (?:dropping you|ending (?:our|this|the)|reporting (?:you|this)|walking away)|"
    r"(?:I'm|I am|we're|we are) (?:cancelling|canceling|ending|stopping|dropping|charging|"
    r"fining|removing|kicking|handing|passing|pulling) (?:you|your|our|the|this)\b"
)
_SLIP: Final = _alt(
    r"(?:missed |late |cancelled |skipped |wasted )?(?:excuse|miss|no-show|cancellation|strike|"
    r"slip|skip|lapse|missed \w+|late \w+|skipped \w+|cancelled \w+|wasted \w+)"
)
_IF_LAPSE: Final = LazyPattern(
    _regex(
        r"\b(?:if you (?:don't|do not|won't|will not|can't|cannot|aren't|are not|'re not|fail|"
        r"skip|miss|keep|still|ever|continue|'re going to|are going to)\b"
        r"(?! mind\b| feel\b| want\b| like\b| know\b| need\b| think\b| have\b| see\b| hear\b|"
        r" get\b| agree\b| wish\b)|"
        r"if (?:this|that|it|nothing|things) (?:doesn't|does not|don't|continues|happens|keeps|"
        r"changes|goes on)|if you're not (?:going|willing|serious|committed|prepared)|"
        r"unless(?! you(?:'d| would) (?:rather|prefer|like))|or (?:I|we)'ll|"
        r"(?:one more|another) " + _SLIP + r"|keep (?:this|that|it|\w+ing) (?:up )?and|"
        r"^\W*(?:miss|skip|fail|cancel|forget)\b|(?:the )?next time you\b|"
        r"any (?:more|further) (?:excuses|misses|no-shows|cancellations|missed|skipped|late)\b|"
        r"once more\b|one more time\b|if you(?:'re| are) (?:late|absent|a no-show)\b)"
    ),
    re.IGNORECASE,
)

# Others the client is measured against, and how they are said to do better.
_PEERS: Final = _alt(
    r"everyone else|everybody else|every one else|"
    r"(?:my |the |your |all the |all my )?other (?:clients|people(?!'s)|students|parents|"
    r"members|participants|coachees|folks|women|men|mums|moms|dads|team members|runners|"
    r"guys|ones)|"
    r"most (?:people|of my clients|of the (?:group|team|class|clients|people))|"
    r"(?:plenty|lots|a lot|loads) of (?:my )?(?:people|clients)|many (?:of my )?clients|"
    r"normal people|regular people|the rest of (?:the|your|us|them)(?: \w+)?|"
    r"my (?:last|previous|other|old) (?:client|clients)"
)
_PEERS_DO: Final = _alt(
    r"manage|manages|managed|do it|did it|"
    r"(?:can|could) (?:manage|do (?:it|this|that)|stick|handle|cope|find (?:the )?time|"
    r"get (?:it|this|that) done|make it|keep up)|did (?:this|that|their|theirs|the)|"
    r"do (?:this|that|their)|hit|finish|finished|would have|would've|'d have|on time|"
    r"find (?:the )?time|found (?:the )?time|get (?:it|their|on with)|got (?:it|their)|"
    r"(?:don't|doesn't|didn't) (?:struggle|need|have (?:this|that|a|any) problem|complain|"
    r"make excuses|miss)|"
    r"(?:never|rarely) (?:seem|seems|struggle|struggles|complain|complains|need|needs|miss|"
    r"misses)|"
    r"(?:have|had|has) no (?:trouble|problem|problems|issue|issues)|make it|made it|stick to|"
    r"(?:handed|turned) (?:it|theirs|them|their \w+) in|sent (?:it|theirs|their)|submitted|"
    r"completed|showed up|turned up|got it done|"
    r"stick with|are done|is done|keep up|cope|step up|have it (?:much |so |way |far )?worse"
)
_FAMILY: Final = _alt(
    "brother|sister|colleagues|coworkers|co-workers|friends|friend|partner|husband|wife|mum|"
    "mom|dad|cousin|neighbour|neighbor|classmates|teammates|peers|siblings|flatmate|roommate"
)
# What takes the sting out of a comparison: others struggle too, it helped them.
_NORMALISING: Final = LazyPattern(
    r"(?<!n't )(?<!n\u2019t )(?<!not )(?<!never )\b(?:struggl\w*|finds?\s+(?:it|this)\s+"
    r"(?:hard|tough|difficult)|found\s+(?:it|this)\s+(?:hard|tough|difficult|helpful|useful)|"
    r"been\s+(?:exactly\s+)?(?:where|there)|helpful|useful)\b|"
    r"(?:n['\u2019]t|\bnot|\bnever|\brarely)\s+(?:manage|get|make|finish|stick|keep\s+up|"
    r"do\s+(?:it|this|that))\b",
    re.IGNORECASE,
)
# A bad outcome nearby turns "because of you" and "you're the reason" into blame.
_BAD_OUTCOME: Final = LazyPattern(
    r"\b(?:behind|late|fail\w*|fell|falling|apart|miss\w*|delay\w*|lost|los\w+|ruin\w*|"
    r"problem\w*|mess|wrong|cancel\w*|stuck|suffer\w*|broke\w*|slipp\w*|blew|bad|worse)\b",
    re.IGNORECASE,
)
# What makes "Oh great" sarcastic rather than glad.
_LAPSE_CUE: Final = LazyPattern(
    _regex(
        r"\b(?:another|again|excuses?|missed|skipped|nothing|zero|remembered|empty|late|"
        r"the dog|as always|as usual|no-show|forgot|yet again)\b"
    ),
    re.IGNORECASE,
)
_MOCK_PRAISE_CUE: Final = LazyPattern(
    _regex(
        r"\b(?:zero (?:progress|runs|days|sessions|effort)|nothing|down the drain|no progress|"
        r"(?:miss|skip|missed|skipped) (?:every|all)|another (?:week|day|month|excuse|missed|"
        r"wasted))\b"
    ),
    re.IGNORECASE,
)


# ---------------------------------------------------------------------------------------------
# Structure rather than wordlists. An absolute ("always", "never"), a frequency ("every time",
# "whenever") or "keep" bound to the client as subject is a charge whatever verb follows, unless
# what follows is plainly praise ("you always show up") or, after "never", a lapse the client
# is praised for avoiding ("you never give up"). The polarity is read within the clause.
_CLAUSE_TAIL: Final = r"[^.!?;,:\n\u2014\u2013]"
# Lapses and failings: what turns an absolute into a charge whatever else the clause says.
_LAPSE_WORDS: Final = (
    r"\b(?:excuses?|late|lateness|behind|miss\w*|skip\w*|forg[eo]t\w*|cancel\w*|quit\w*|"
    r"give up|gave up|giving up|gives up|bail\w*|back(?:s|ed|ing)? (?:out|off)|"
    r"pull(?:s|ed|ing)? out|drop(?:s|ped|ping)? (?:out|it|the|things|everything)|dodg\w*|"
    r"avoid\w*|complain\w*|whin\w*|moan\w*|blam\w*|procrastinat\w*|"
    r"put\w* (?:it|things|this|that|everything) off|putting off|"
    r"(?:leave|leaves|leaving|left) (?:it|things|everything)|last minute|disappear\w*|"
    r"vanish\w*|ghost\w*|go(?:es|ing)? (?:quiet|silent|missing|dark|AWOL)|ignor\w*|"
    r"fail(?:s|ed|ing)?|break (?:your|the|a)|broke (?:your|the|a)|breaking (?:your|the|a)|"
    r"mess\w* (?:it|things|this|up)|ruin\w*|wast\w*|sabotag\w*|slip\w*|slid\w*|"
    r"cav(?:e|es|ed|ing)|fall(?:s|ing)? (?:off|behind|short|apart)|fell (?:off|behind|short|apart)|"
    r"come up short|coming up short|too busy|too tired|lazy|nothing|abandon\w*|easy way|"
    r"flak\w*|cop(?:s|ping)? out|chicken\w*|stall\w*|bad|worse|worst|terrible|awful|halfway|"
    r"half-hearted|argu\w*|interrupt\w*|overthink\w*|overcomplicat\w*|"
    r"let(?:ting|s)? (?:me|us|yourself|people|everyone|the team|them|others) down|no-show\w*|"
    r"let(?:ting|s)? (?:it|this|that|things|everything) (?:slide|slip)|"
    r"stor(?:y|ies)|sofa|couch|TV|snooz\w*|undermin\w*|cut(?:ting)? corners|"
    r"cheat\w*|lie|lies|lying|lied|sulk\w*|panic\w*|shut\w* down|zon\w* out|check\w* out|"
    r"derail\w*|neglect\w*|dither\w*|drag\w* your feet|fad(?:e|es|ed|ing)|fizzl\w*|"
    r"peter\w* out|run out of steam|lose (?:steam|interest|motivation)|tail\w* off|"
    r"trail\w* off|drift\w*|wander\w* off)\b"
)
# Praise: what keeps "you always ..." from being a charge when no lapse is named.
_PRAISE_WORDS: Final = (
    r"\b(?:great|good|brilliant|wonderful|lovely|kind|kindness|thoughtful|generous|honest|"
    r"brave|courage\w*|strong|stronger|strength|energy|positive|creative|curious|insight\w*|"
    r"wise|smart|clever|funny|fun|warm|care|cares|caring|welcome|free to|here for|there for|"
    r"know (?:what|how|where|when)|find (?:a|the) way(?! out)|show(?:s|ing)? up|"
    r"turn(?:s|ing)? up|com(?:e|es|ing) back|bounce\w* back|bring\w*|deliver\w*|your best|"
    r"your all|follow(?:s|ing)? through|keep your word|keep(?:ing)? going|keep at it|"
    r"laugh\w*|smil\w*|make time|make it work|making time|progress|surpris\w*|impress\w*|"
    r"inspir\w*|amaz\w*|learn\w*|improv\w*|grow\w*|help\w*|support\w*|cheer\w*|encourag\w*|"
    r"willing|open|ready to|on time|prepared|ask (?:great|good|such|the right|thoughtful)|"
    r"listen\w*|patient|patience|pleasure|joy|better|best|happier|lighter|calm\w*|proud|"
    r"own it|speak up|pick (?:yourself|it) (?:back )?up|get back up|work(?:s|ing)? hard|"
    r"tr(?:y|ies) (?:your|so|really) hard|push yourself|give (?:it|everything)|put (?:in|others)|"
    r"look(?:s|ing)? (?:out|after)|remember\w*|think(?:ing)? of|in my (?:thoughts|corner)|"
    r"on my mind|a credit|an? (?:inspiration|example|star|natural|pro)|worth|prov(?:e|es|ed|ing)|"
    r"first to|on a high|adapt\w{0,5}|volunteer\w{0,3}|win|wins|winning|succeed\w{0,3}|"
    r"nail\w{0,3}|crush\w{0,3}|smash\w{0,3}|rock|thriv\w{0,3}|excel\w{0,3}|step up|rise to|"
    r"figure (?:it|things) out|find (?:the|a) (?:positive|silver|bright|good)|"
    r"manag(?:e|es|ed|ing) to (?:find|make|keep|get|stay|turn|smile|laugh))\b"
)
# After "you never": what makes it praise or care rather than a charge ("you never give up",
# "you never have to do this alone", "you never really felt heard").
_NEVER_PASSES: Final = _alt(
    r"give up|gave up|quit|miss|fail to|failed to|stop|stopped|cease|ceased|complain|"
    r"complained|moan|whine|skip|skipped|let (?:me|us|anyone|anybody|people|them|yourself|"
    r"the team|others|anything) (?:down|slide|slip)|hesitate|hesitated|make excuses|"
    r"made excuses|back down|backed down|back out|backed out|bail|bailed|falter|faltered|"
    r"flinch|waver|shy away|shied away|disappoint|forget|forgot|slack|slacked|cut corners|"
    r"cheat|lie|lied|blame|blamed|judge|judged|take (?:it|things|anything|this|that) for granted|"
    r"settle|lose (?:sight|hope|heart|faith)|lost (?:sight|hope|heart|faith)|have to|had to|"
    r"need to|needed to|need|needed|know|knew|felt|feel|thought|think|believed|believe|"
    r"wanted|meant|mean|asked for|deserved|deserve|been (?:more|better|so|this|as|stronger|"
    r"closer|fitter|happier)|looked|run out|ran out|tire|tired|walk alone|walked alone|"
    r"leave (?:anyone|anybody|someone|people) (?:behind|out)|doubt|doubted|waver|wavered|"
    r"panic|panicked|rush|rushed|ask for much|seem to (?:stop|give up|run out|tire|quit)|"
    r"let (?:\w{1,20} ){1,3}(?:stop|define|beat|hold|get to|break|keep|win|drag|pull) you|"
    r"been (?:one|someone|somebody|the (?:type|kind|sort)) (?:to|who)|been a quitter"
)
_NEVER_BE_PASSES: Final = _alt(
    r"alone|a burden|a bother|a nuisance|too (?:old|late|young|busy|far)|on your own|boring|"
    r"dull|judged|late|short of|without|out of (?:ideas|options)|far from|lazy|rude|unkind|"
    r"stuck for long|wrong to|in trouble|less than|a failure|a disappointment|bothering|"
    r"disappointing|a problem|one to|afraid to|shy"
)
# Words after the subject that make the sentence something other than a charge about what the
# client does: a modal ("you can always message me"), an impression ("you always seem calmer"),
# a feeling, or a negation.
_NOT_A_DEED: Final = (
    r"(?!(?:can|could|will|would|may|might|must|should|shall|get to|know|deserve|deserved|"
    r"seem|seemed|look|looked|sound|sounded|feel|felt|have to|had to|need to|don't|do not|"
    r"didn't|did not|won't|can't|cannot)\b)"
)
# Verbs that describe, without a lapse, what the client has, wants or says: "you always have a
# choice", "you always said you wanted to run a marathon".
_BENIGN_VERBS: Final = (
    r"(?:have|has|had|get|got|know|knew|said|say|says|talk|talked|wanted|want|dreamed|dreamt|"
    r"hoped|wished|liked|loved|love|like|enjoy\w{0,3}|light|lit|glow|shine|beam|appreciat\w{0,4}|"
    r"admire|value|allowed|permitted|entitled|able|welcome|invited|free)\b"
)
_NAMES_A_LAPSE: Final = "(?=" + _CLAUSE_TAIL + "{0,60}?" + _LAPSE_WORDS + ")"
_NAMES_NO_PRAISE: Final = (
    "(?!" + _CLAUSE_TAIL + "{0,60}?" + _PRAISE_WORDS + ")(?!" + _BENIGN_VERBS + ")"
)
_REST_OF_CLAUSE: Final = r"\w{1,30}\b(?:" + _CLAUSE_TAIL + r"{0,40}(?<=\w)\b)?"
# A charge: the rest of the clause names a lapse, or at least neither praise nor a benign verb.
_CHARGE: Final = (
    "(?:" + _NAMES_A_LAPSE + "|" + _NAMES_NO_PRAISE + ")" + _NOT_A_DEED + _REST_OF_CLAUSE
)
# How often a client does something is only a charge when what they do is a lapse.
_LAPSE_CHARGE: Final = _NAMES_A_LAPSE + _NOT_A_DEED + _REST_OF_CLAUSE
_ABSOLUTE_ADVERB: Final = _alt(
    "always|forever|constantly|continually|perpetually|repeatedly|invariably|eternally|"
    "chronically|habitually|endlessly|incessantly"
)
# How often, as an adverbial ("every single week you ...") or opening a clause of its own
# ("every time we plan a run, you ...").
_EVERY_ADVERBIAL: Final = _alt(
    r"every (?:single )?(?:week|day|month|morning|evening|night|weekend|session|check-in|call|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|time after time|"
    r"time and (?:time )?again|again and again|over and over(?: again)?|day after day|"
    r"week after week|month after month|each and every time|every single time|without fail"
)
_ABSOLUTELY: Final = _ABSOLUTE_ADVERB + "(?:,? " + _ABSOLUTE_ADVERB + ")?,? (?:just |so )?"
# After "you never", a charge unless what follows is praise or care.
_NEVER_CHARGE: Final = (
    r"(?:,? ever| once| really| ever| actually| even)?,? (?:really |ever |once |actually |even )?"
    r"(?!"
    + _NEVER_PASSES
    + r"\b)"
    + _NOT_A_DEED
    + r"(?!(?:really|ever|once|actually|even)\b)"
    + _REST_OF_CLAUSE
)
_EVERY_AFTER: Final = (
    r"(?:every (?:single )?time|each and every time|all the time|time after time|without fail|"
    r"over and over(?: again)?)\b"
)
_EVERY_CLAUSE: Final = _alt(r"every (?:single )?time|each time|whenever|any time|anytime")

# Third parties the client is measured against, and their success.
_RELATIONS: Final = _alt(
    r"brothers?|sisters?|colleagues?|co-?workers?|co-workers?|(?:best )?friends?|partner|"
    r"husband|wife|mum|mom|dad|mother|father|cousins?|neighbou?rs?|classmates?|team-?mates?|"
    r"peers|siblings?|flatmates?|roommates?|housemates?|twin|son|daughter|kids|boss|manager|"
    r"buddy|boyfriend|girlfriend|parents|grandma|grandmother|grandad|grandfather|nan|"
    r"old (?:teammate|colleague|friend|classmate)s?"
)
_OTHERS: Final = _alt(
    r"(?:your|his|her|my) (?:own )?(?:older |younger |little |big |best |old |twin )?"
    + _RELATIONS
    + r"|everyone|everybody|the others|others|(?:the )?rest of (?:the|your|us|them)|"
    r"(?:my |the |your |all the |all my |every )?other (?:clients|client|people(?!'s)|"
    r"students|parents|members|member|participants|coachees|folks|women|men|mums|moms|dads|"
    r"runners|guys|ones|person|one)|"
    r"most (?:people|clients|of my clients|of the (?:group|team|class|clients|people))|"
    r"people (?:your age|with|in your (?:position|situation|shoes)|like you|half your age)|"
    r"half (?:of )?(?:the|your) (?:group|class|team|cohort|circle)|"
    r"(?:plenty|lots|a lot|loads|many|hundreds|thousands) of (?:my )?\w{1,30}(?: \w{1,30})?|"
    r"my (?:last|previous|other|old|busiest|oldest|youngest|new) (?:client|clients)|"
    r"(?:clients|people|parents|folks) (?:with|who have|who work)|"
    r"(?:a|an|any) (?:[\w-]{1,30}-year-old|child|kid|toddler|teenager|grandma|granny|beginner|"
    r"novice)|teenagers|kids|beginners|even (?:my|your) \w{1,30}"
)
_SUCCEEDS: Final = _alt(
    r"manag(?:e|es|ed) (?:it|this|that|to (?!visit|come|make it to))|manages|managed|"
    r"did (?:it|this|that|theirs|their|his|hers|her|the|all|twice|double|more|better|"
    r"everything|every|each)|does (?:it|this|that|double|twice|more|better|every|each)|"
    r"do (?:it|this|that|theirs)|finish(?:ed|es)?|complet(?:ed|es)|submit(?:ted|s)?|"
    r"hit (?:their|his|her|every|all|the|it|its|targets?|goals?)|hits|lost|loses|"
    r"ran|runs every|run every|kept (?:it|going|up|at)|keeps? (?:it|going|up|at)|"
    r"stuck (?:with|to|at)|sticks? (?:with|to)|got (?:it|this|that|theirs|their \w{1,30}) done|"
    r"gets (?:it|this) done|made it|makes it|f(?:ou|i)nds? (?:the )?time|found (?:the )?time|"
    r"logged|checked in|show(?:ed|s)? up|turn(?:ed|s)? up|handed (?:it|theirs|them) in|"
    r"turned (?:it|theirs|them) in|quit smoking|gave up smoking|"
    r"never (?:misses|miss|missed|needs|need|needed|skips|skip|complains|complain|had|has|"
    r"have|struggles|struggle|gives up|give up|forgets|forget|makes excuses|cancels|"
    r"seems? to (?:struggle|miss|need|complain))|"
    r"(?:doesn't|don't|didn't) (?:need|miss|skip|complain|struggle|make excuses|forget|cancel|"
    r"have (?:this|that|a|any) problem)|"
    r"(?:is|are|was|were|'s|'re) (?:all |way |well |already |much |so |far |miles )*"
    r"(?:ahead|further along|done|finished|on track|doing (?:so |really |much |very )?"
    r"(?:well|better))|"
    r"(?:can|could) (?:run|do|manage|find|keep|stick|handle|cope|get|make|finish|hit|lose)|"
    r"cope|coped|still (?:show up|shows up|make it|made it|manage|do it|train|trains|got)|"
    r"(?:did|do|does|doing) better|more committed|further along|"
    r"would (?:have|be|'ve)|'d have|get (?:this|it) in|got (?:there|the hang)|"
    r"(?:have|has|had) no (?:trouble|problem|problems|issue|issues)|"
    r"(?:started|began) (?:after|later than) you|double your|twice (?:as|your)"
)
# What makes a mention of someone else's success a comparison with the client.
_CONTRAST: Final = LazyPattern(
    _regex(
        r"\b(?:so|and|but|while|yet|whereas|except|than|unlike|ahead of|after|before|behind|"
        r"compared (?:to|with)) you\b(?!r)|"
        r"\bso (?:can|could|should|why can't|why don't|what's stopping) you\b|"
        r"\byou (?:can|could)(?: do it| do this| do that)? too\b|\bwhat's your excuse\b|"
        r"\bwhy (?:can't|don't|didn't|won't|haven't) you\b|"
        r"\byou(?:'re| are|'ve| have)? (?:still|only|haven't|hasn't|didn't|can't|won't|never|"
        r"barely|hardly)\b|"
        r"\b(?:twice|double|half the (?:time|effort)|already|even|without (?:complaining|fail|"
        r"a break|excuses|any)|every (?:single |other )?(?:day|morning|week|session|time)|"
        r"all (?:managed|did|finished|made|got|hit|stuck|kept|submitted|logged)|better|faster|"
        r"harder|further|more committed|with a (?:broken|bad|newborn|new baby)|"
        r"at (?:his|her|their) age|and (?:she|he)(?:'s| is) (?:seventy|eighty|ninety|\d+)|"
        r"never (?:misses|needs|skips|complains|had|has|struggles|gives up|forgets|cancels))\b"
    ),
    re.IGNORECASE,
)
# A capitalised name just before the words ("Sarah did twice as much").
_NAME_BEFORE: Final = LazyPattern(
    r"(?:\beven\s+)?\b(?!(?:I|You|We|They|He|She|It|This|That|These|Those|There|Here|Who|What|"
    r"Which|When|Where|Why|How|Nobody|Somebody|Someone|Anyone|Everyone|Everybody|Noone|No|Yes|"
    r"And|But|So|Or|If|Then|Well|Oh|Wow|Great|Good|Nice|Today|Yesterday|Tomorrow|Monday|"
    r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|God|Honestly|Really|Sure|Also|Just|"
    r"Still|Maybe|Perhaps|Please|Thanks|Hi|Hey|Dear|Okay|Ok|Everything|Nothing|Something|"
    r"Anything|Life|Work|Time|Last|Next|Lately|Finally|Together|Again|Both|Each|Every|All|"
    r"Most|Some|Many|Few|Our|Your|My|His|Her|Their|Its|Team)\b)(?-i:[A-Z][a-z]{1,20})\s+$"
)
# More that takes the sting out of a comparison: a shared wall, a question, "too".
_NORMALISING_MORE: Final = LazyPattern(
    _regex(
        r"\b(?:hit a (?:wall|snag|rough patch|plateau|low)|rough|hard time|"
        r"found (?:it|that|this|a \w{1,30}) (?:hard|tough|difficult|helpful|useful|helps)|helps|"
        r"find (?:it|this|the \w{1,30} \w*) ?(?:hard|hardest|tough|tricky|difficult)|"
        r"sounds? (?:like|really|so)|would (?:you|that)|could you|did you|too\b(?= *[.!?]))"
    ),
    re.IGNORECASE,
)
# "Make sure you always warm up", "if you never ask": a purpose, a wish or a condition.
_PURPOSE: Final = LazyPattern(
    r"\b(?:so|so that|make sure|making sure|ensure|if|unless|hope|hoping|wish|until|in case|"
    r"whether|once|when|that way)(?:\s+that)?\s*$",
    re.IGNORECASE,
)
_NORMALISING_ANY: Final = LazyPattern(
    _NORMALISING.pattern + "|" + _NORMALISING_MORE.pattern, re.IGNORECASE
)

# Sarcasm: praise aimed at a failure ("Great job forgetting again"). The failure must follow
# the praise with nothing between them that makes the praise sincere ("after", "back",
# "honest", a negation) and must not be a vice the client is praised for dropping.
_MOCK_PRAISE: Final = _alt(
    r"great|good|nice|fine|fantastic|fabulous|wonderful|brilliant|lovely|super|superb|"
    r"marvellous|marvelous|excellent|amazing|impressive|incredible|perfect|terrific|"
    r"outstanding|stellar|splendid|awesome|bravo|congrats|congratulations|kudos|well done|"
    r"way to go|wow|thanks(?! to\b)|thank you|love|loving|glad|real nice|real smooth|smooth|"
    r"classy|sweet|how original|how novel|good to see|nice to see|great to see|lovely to see|"
    r"another (?:stellar|great|brilliant|fantastic|productive|wonderful|amazing|excellent|"
    r"stunning|banner|cracking|top-notch|glorious|superb)"
)
_SINCERE: Final = (
    r"(?:after|despite|even|though|although|through|back|bounc\w*|recover\w*|restart\w*|"
    r"return\w*|honest\w*|know|knowing|telling|told|tell|owning|owned|own|admit\w*|notic\w*|"
    r"spott\w*|realis\w*|realiz\w*|catch\w*|caught|instead|rather|without|not|never|no|"
    r"none|n't|zero (?=\w{1,30} (?:missed|skipped))|update|heads-up|notice|news|note|message|"
    r"fix\w*|plan\w*|around|still|anyway|up again|again after|picking|picked|less|fewer|"
    r"longer|cut down|I'll|I will|I'm|we'll|we're|worry|worries|sorry|call|choice|decision|"
    r"idea|move|wise|smart|sensible|thinking)"
)
_VICE: Final = (
    r"(?:the |your |that |those |all the |all that )?(?:dessert|desserts|sugar|sweets|snacks?|"
    r"junk|soda|fizzy|drinks?|alcohol|booze|beer|wine|smoking|cigarettes?|vap\w*|coffee|"
    r"caffeine|takeaways?|takeouts?|fast food|lift|elevator|snooze|social media|scroll\w*|"
    r"doomscroll\w*|gambling|biscuits|cookies|chocolate|cravings?|temptations?|urges?|"
    r"negative|noise|doubts?|critics|haters|inner critic|bad habits?|weight|kilos?|kg|pounds|"
    r"lbs|sizes?|a dress size|fries|crisps|chips|pizza|nightcap|late-night|second helping|"
    r"seconds|the habit|rest day guilt|guilt|perfectionism|voices?|self-talk|naysayers|"
    r"doubters|comments|scale)\b"
)
_FAILURE: Final = (
    r"(?:(?:forget|forgett|forgot|skipp|skip|miss|ignor|cancel|bail|flak|ghost|quitt|quit|"
    r"avoid|procrastinat)(?:s|ed|ing|en|ten|ting|led|ling|e|es)?\b(?! (?:you|us|me|only|just|"
    r"one|a single|fewer|less|barely|in advance|early|ahead|about)\b| " + _VICE + r")|"
    r"no-shows?\b|excuses?\b|late (?:again|once more)\b|gave up\b|giving up\b|"
    r"(?:did|done|doing|do|achieved|achieving|accomplished|logged|to show for)"
    r" (?:absolutely |precisely |exactly )?nothing\b|nothing (?:all|this|last) (?:week|day|"
    r"month)\b|"
    r"(?:with|of) nothing\b|zero (?:\w{1,30} )?(?:workouts?|runs?|sessions?|days?|progress|effort|"
    r"check-ins?|logs?|entries|steps|pages|reps|minutes|hours|miles|km|walks?|meals|classes|"
    r"lessons|practice|attempts?|replies|work)\b|down the drain\b|wasted\b|blew it\b|"
    r"dropp(?:ed|ing) the ball\b|(?:actually|finally|even) (?:showed|turned|bothered|replied|"
    r"answered|remembered|decided|made it|came|logged|responded|deigned)\b|"
    r"by your standards\b|too busy\b|another (?:week|day|month) (?:of|with|down)\b)"
)


@attrs.frozen
class _Rule:
    """One structure the review recognises, and what it says about it."""

    pattern: str
    reframe: str
    explanation: str
    negatable: bool = True  # a negation earlier in the clause ("not", "no one") cancels it
    reportable: bool = True  # a reported feeling earlier in the clause ("you feel") cancels it
    requires: LazyPattern | None = None  # the sentence must also match this
    forbids: LazyPattern | None = None  # the sentence from the match on must not match this
    at: str = ""  # "sentence" or "clause": the words must open the sentence or a clause
    lead: LazyPattern | None = None  # must match the words just before; the finding takes them
    not_after: LazyPattern | None = None  # the clause before must not end with this


_ASK: Final = "What got in the way?"
_LOOK_TOGETHER: Final = "Let's look at what happened together, and what would help next time."
_MATTERS: Final = "I'm wondering how much this goal still matters to you. Where are you with it?"
_GETTING_GOING: Final = "It's been hard to get going lately. What would help?"
_PATTERN: Final = "This has happened a few times now. What's getting in the way?"
_LATELY: Final = "Lately this has been hard to keep up. What's getting in the way?"
_YOUR_CALL: Final = "It's your call. What would help you keep this commitment?"
_EASIER: Final = "This might be harder than it looks. What would make it a little easier?"
_SMALLEST: Final = "It can be harder than it looks. What's the smallest step that feels doable?"
_OWN_PATH: Final = "Everyone's path is different. What would work for you?"
_NOTICED: Final = "I noticed this didn't happen. How are things going?"
_WEIGHING: Final = "This sounds like it's weighing on you. What would make it more manageable?"

_BLAMES: Final = "Assigns fault to the client instead of looking at what happened."
_LABELS: Final = "Labels the person instead of describing what happened."
_ABSOLUTE: Final = "Turns some misses into 'always' or 'never', which the client will dispute."
_THREATENS: Final = "Makes fear of a punishment the reason to follow through."
_TRIVIAL: Final = "Treats the client's difficulty as trivial."
_COMPARES: Final = "Comparing the client with others breeds shame, not motivation."
_SARCASTIC: Final = "Sarcasm reads as contempt, even when it is meant as a joke."
_WHY: Final = "A why-question about a miss sounds like an accusation; an open question invites."

_WHY_LEAD: Final = r"\bwhy(?: on earth| the hell| the heck| in the world| exactly)?"

_RULES: Final[dict[ToneCategory, tuple[_Rule, ...]]] = {
    ToneCategory.BLAME: (
        _Rule(r"\b(?:your|yer) (?:own )?fault\b", _ASK, _BLAMES),
        _Rule(
            r"\b(?:it|this|that|this one|that one|it all|all this|all of this|this mess|"
            r"that mess|the blame|the failure)(?:'s| is| was) (?:all |entirely |completely |"
            r"totally |squarely |really )?on you\b(?! to\b)",
            _LOOK_TOGETHER,
            _BLAMES,
        ),
        _Rule(
            r"\byou(?:'ve| have| had|'d)? (?:only )?(?:got |have )?(?:only )?yourself to blame\b|"
            r"\byou(?:'re| are| were) (?:the one |partly |entirely |totally )?to blame\b|"
            r"\byou(?:'re| are) the (?:whole |main |real |only )?(?:problem|issue)\b",
            _ASK,
            _BLAMES,
        ),
        _Rule(
            r"\b(?:because of you|you(?:'re| are) the (?:whole |main |real |only )?"
            r"(?:reason|cause))\b(?!r)",
            _LOOK_TOGETHER,
            "Makes the client the cause of a bad outcome.",
            requires=_BAD_OUTCOME,
        ),
        _Rule(
            r"\byou(?:'ve| have| had|'d)? (?:really |just |totally |completely |clearly |"
            r"basically |kind of |sort of |simply |obviously )?" + _FAILED,
            _ASK,
            "Charges the client with failing instead of asking what happened.",
        ),
        _Rule(
            r"\byou(?: just| clearly| obviously| simply| really)?(?:'re| are)?"
            r"(?: just| clearly| obviously| simply| really)? (?:not|n't|aren't) (?:even )?"
            + _NOT_TRYING,
            _MATTERS,
            "Judges the client's effort or commitment from the outside.",
        ),
        _Rule(
            r"\byou (?:clearly |obviously |just |simply |really )don't (?:really |even )?care\b|"
            r"\byou don't even care\b",
            _MATTERS,
            "Judges the client's effort or commitment from the outside.",
        ),
        _Rule(
            r"\byour (?:lack of (?:effort|discipline|commitment|motivation|follow-through|"
            r"willpower|focus|drive)|laziness|attitude|excuses|procrastination|negativity) "
            r"(?:is|are|was|were) (?:the|a|your) (?:real |whole |main |big |biggest |only )?"
            r"(?:problem|issue|reason)",
            _MATTERS,
            "Blames the client's character for the lapse.",
        ),
        _Rule(
            r"\b(?:this|that|it)(?:'s| is| was) (?:all |entirely |completely |totally |squarely |"
            r"solely )?(?:down to you|your (?:own )?doing)\b(?! to\b| what\b| whether\b| how\b|"
            r" which\b| if\b| when\b| now\b| from\b)|"
            r"\b(?:this|that|the) (?:failure|mess|setback|blame|fault|disaster|slip|lapse)"
            r"(?: \w{1,30})? (?:is|was|'s) (?:all |entirely )?yours\b|"
            r"\b(?:nobody|no one|no-one) (?:but|except|other than) (?:you|yourself)\b|"
            r"\bthe only (?:one|person) (?:to blame|responsible|at fault)[^.!?]{0,20}? "
            r"(?:is|was) you\b|"
            r"\byou(?:'re| are| were) (?:at fault|(?:solely |entirely |fully |directly )?"
            r"(?:responsible|accountable) for\b(?=[^.!?]{0,40}" + _LAPSE_WORDS + r"))|"
            r"\byou(?:'re| are| were) the one (?:who|that) (?:always |just |keeps? |really )?(?="
            + _LAPSE_WORDS
            + r")",
            _LOOK_TOGETHER,
            _BLAMES,
        ),
        _Rule(
            r"\bblame (?:yourself|no one but yourself|nobody but yourself)\b",
            _LOOK_TOGETHER,
            _BLAMES,
            at="clause",
        ),
        _Rule(
            r"\b(?:thanks to you|all down to you)\b",
            _LOOK_TOGETHER,
            "Makes the client the cause of a bad outcome.",
            requires=_BAD_OUTCOME,
        ),
        _Rule(
            r"\byou(?:'ve| have| had)? (?:really |just |totally |completely |clearly |basically |"
            r"simply |obviously )?(?:failed (?:your|the) (?:team|group|family|partner|clients|kids|"
            r"circle|class|teammates)|caused (?:this|that|the|all (?:this|of this|that)|it)\b|"
            r"wrecked|torpedoed|squandered|undid|undone|derailed|neglected|bailed on|"
            r"made (?:a |such a )?(?:complete |total |real |right |proper |huge )?(?:mess|hash) of|"
            r"made (?:us|me|the (?:team|group|circle)|everyone|everybody) (?:lose|miss|fail|fall|"
            r"look bad|late)|"
            r"didn't (?:even )?lift a finger|didn't care enough)",
            _ASK,
            "Charges the client with failing instead of asking what happened.",
        ),
    ),
    ToneCategory.SHAMING: (
        _Rule(
            r"\b" + _YOU_ARE + r" (?:" + _INTENSIFIER + r" ){0,3}" + _LABEL + r"\b(?!-)",
            _GETTING_GOING,
            _LABELS,
        ),
        _Rule(
            r"\byou(?:'re| are)(?: being| acting| behaving)? (?:like |such )?(?:a |an )"
            r"(?:child|baby|toddler|brat|teenager|kid)\b|\bsuch a baby\b",
            _WEIGHING,
            _LABELS,
        ),
        _Rule(
            r"\b(?:you're|you are) (?:just |simply |really )?not (?:a |an |very |the )?"
            + _VIRTUE
            + r"(?: (?:person|type|kind of person))?\b",
            _GETTING_GOING,
            _LABELS,
        ),
        _Rule(
            r"\b(?:that's|that is|that was|this is|this was|how|what an?)(?: " + _INTENSIFIER + r")"
            r"{0,2} (?:" + _JUDGED + r"(?: " + _EFFORT + r")?|" + _WEAK + r" " + _EFFORT + r")"
            r"(?= *[.!?,;:\u2026]| *$)",
            "That was a hard stretch. What would help next time?",
            "Passes a verdict on the client's effort instead of describing it.",
        ),
        _Rule(
            r"\bshame on you\b|\byou should be ashamed\b|\bashamed of (?:you|yourself)\b|"
            r"\b(?:disappointed|let down) (?:in|with|by) you\b|"
            r"\bI(?:'m| am| was| feel| felt)(?: (?:so|really|very|quite|pretty|honestly|frankly|"
            r"a bit|a little))? disappointed\b(?! for\b)|"
            r"\b(?:that's|that is|that was|this is|this was|it's|it is|it was)(?: (?:so|really|"
            r"very|quite|pretty|honestly|frankly|a bit|a little))? disappointing\b|"
            r"\bexpected (?:more|better) (?:from|of) you\b|"
            r"\bwhat kind of (?:a )?person (?:skips|misses|quits|gives up|forgets|cancels|would|"
            r"does that|does this|doesn't|can't|won't|ignores|lies|flakes)\b|"
            r"\bact your age\b",
            "Setbacks happen. What would help you get back on track?",
            "Shames the client, which makes it harder to come back.",
        ),
        _Rule(
            r"\b(?:grow up|man up)\b",
            "Setbacks happen. What would help you get back on track?",
            "Shames the client, which makes it harder to come back.",
            at="clause",
        ),
        _Rule(
            r"\byou(?:'re| are) (?:just |only |simply )?(?:kidding|fooling|lying to) "
            r"(?:yourself|me)\b|\byou(?:'re| are) (?:just |only |simply )?lying\b|"
            r"\b(?:that's|that was|this is|this was) (?:a |such a |a complete |a total |"
            r"an absolute )?waste of (?:time|a \w+|the \w+|everyone's time|my time)\b",
            "I'd like to understand how this looks from where you stand.",
            "Passes a verdict on the client instead of exploring with them.",
        ),
        _Rule(
            r"\b(?:only|any|what) (?:a |an )?(?:lazy|weak|undisciplined|selfish|irresponsible|"
            r"hopeless|pathetic) (?:person|people|individual)\b",
            _GETTING_GOING,
            _LABELS,
        ),
        _Rule(
            r"\byou(?: have|'ve got| got| have got)(?: absolutely)? (?:no|zero) "
            r"(?:willpower|discipline|self-control|backbone|spine|drive|follow-through|"
            r"self-discipline)\b|\byou lack (?:willpower|discipline|self-control|backbone|drive)\b",
            _GETTING_GOING,
            _LABELS,
        ),
        _Rule(
            r"\b(?:stop|quit) being (?:so |such )?(?:a |an )?(?:dramatic|lazy|sensitive|negative|"
            r"childish|baby|difficult|stubborn|silly|precious)\b|"
            r"\bdon't be (?:so |such )?(?:a |an )?(?:dramatic|lazy|baby|child|childish|wimp|"
            r"quitter|silly|precious)\b",
            _WEIGHING,
            "Shames the client's reaction instead of acknowledging it.",
        ),
        _Rule(
            r"\b(?:normal|decent|grown) (?:people|adults)\b",
            _GETTING_GOING,
            "Implies the client is not normal.",
            requires=LazyPattern(r"\b(?:can|could|manage\w*|would|don't)\b", re.IGNORECASE),
        ),
        _Rule(
            r"\b(?:a|such a|what a) (?:sorry|poor|pathetic|lame|feeble|weak|joke of an?) excuse "
            r"for "
            r"(?:a|an)\b|\b(?:a|such a|what a) joke of (?:a|an)\b|"
            r"\bwhat (?:a|an) (?:(?:total|complete|absolute|utter|real) )?(?:flake|slacker|quitter|"
            r"loser|baby|wimp|liar|joke|letdown|let-down|disappointment|lightweight|"
            r"waste of (?:time|space|potential))\b(?= *[.!?,]| you\b| *$)|"
            r"\b(?:only|any|what kind of) (?:a |an )?(?:slacker|loser|quitter|coward|fool|idiot|"
            r"wimp)\b|"
            r"\byou(?:'re| are) (?:just |simply |clearly |obviously )?not cut out for\b|"
            r"\byou(?:'re| are) (?:such |just |basically |a total |a complete )?(?:an? |the )?"
            r"(?:excuse|excuses|procrastination|quitting|skipping|flaking|whining|complaining) "
            r"(?:machine|factory|expert|champion|master|specialist|pro|queen|king)\b|"
            r"\byou(?:'re| are) (?:by far )?the (?:laziest|flakiest|worst|least (?:committed|"
            r"reliable|"
            r"motivated|disciplined)|most (?:unreliable|lazy|difficult|undisciplined|hopeless))"
            r"(?: \w{1,30})? (?:person|client|member|one|people)\b|"
            r"\byour (?:effort|efforts|attempt|work|performance|commitment|excuses?|follow-through|"
            r"discipline|attitude) (?:is|was|has been|are|were) (?:frankly |honestly |just |"
            r"simply |"
            r"quite |really |so )?(?:laughable|pathetic|embarrassing|a joke|shameful|disgraceful|"
            r"pitiful|lame|feeble|appalling|abysmal|a disgrace|an embarrassment)\b|"
            r"\byou (?:should|ought to|oughta) be (?:embarrassed|ashamed)\b|"
            r"\b(?:disappointed|let down) (?:in|with|by) (?:how|what|the way) you\b|"
            r"\b(?:it's|it is|it was) (?:a |an absolute |a complete |a total |frankly a |just a )?"
            r"(?:disgrace|disgraceful|shameful|pathetic|embarrassing|laughable)(?= *[.!?,;]| *$)|"
            r"\byou (?:act|acted|behave|behaved|are acting|'re acting) like (?:a |an "
            r")?(?:\w{1,30} )?"
            r"(?:child|baby|toddler|brat|teenager|kid)\b|"
            r"\byou lack (?:any|all|the most basic|basic|the) (?:willpower|discipline|self-control|"
            r"backbone|drive|commitment|self-discipline)\b|"
            r"\byou(?:'re| are) (?:so |such |just |really |completely |totally )?(?:a |an )?"
            r"(?:incapable|terrible|awful|rubbish|useless|hopeless)"
            r"(?: client| person| at (?:this|it|everything|keeping|following|routines))?\b(?!-)",
            _GETTING_GOING,
            _LABELS,
        ),
    ),
    ToneCategory.ABSOLUTE: (
        _Rule(
            r"\byou(?:'re| are|'ve| have| just| still| seem to)? (?:always|forever|constantly|"
            r"continually|perpetually|repeatedly|invariably) (?:just )?" + _ALWAYS_DO + r"\b",
            _LATELY,
            _ABSOLUTE,
            not_after=_PURPOSE,
        ),
        _Rule(
            r"\byou(?:'ve| have| just| still| seem to)? never (?:once |really |ever )?"
            + _NEVER_DO
            + r"\b",
            _LATELY,
            _ABSOLUTE,
            not_after=_PURPOSE,
        ),
        _Rule(
            r"\byou(?:'re| are) never " + _NEVER_BE + r"\b", _LATELY, _ABSOLUTE, not_after=_PURPOSE
        ),
        _Rule(r"\b(?:not once|never once) (?:have|did) you\b", _LATELY, _ABSOLUTE),
        _Rule(
            r"\byou (?:just |still )?keep (?:on )?" + _KEEP_DOING + r"\b",
            _PATTERN,
            "Frames a few lapses as a fixed pattern of the person.",
            not_after=_PURPOSE,
        ),
        _Rule(
            r"\b(?:every (?:single )?time|each time) (?!you\b)[^.!?]{0,60}?, *you(?:'ve| have)? "
            r"(?:just )?" + _LAPSE + r"\w*\b|"
            r"\byou (?:\w+ ){0,2}?(?:" + _LAPSE + r"|do (?:this|that|the same))\w*\b[^.!?]{0,40}?"
            r"\b(?:every (?:single )?time|each time|all the time)\b",
            _PATTERN,
            _ABSOLUTE,
        ),
        _Rule(
            r"\b(?:it's|it is|there's|there is) always (?:something|an excuse|some excuse|"
            r"one thing or another)\b",
            _PATTERN,
            _ABSOLUTE,
            requires=LazyPattern(r"\bwith you\b|\bexcuse", re.IGNORECASE),
        ),
        _Rule(
            r"\byou(?:'re| are|'ve| have|'ve been| have been)?"
            r"(?: just| still| really| seem to| so)? " + _ABSOLUTELY + _CHARGE,
            _LATELY,
            _ABSOLUTE,
            not_after=_PURPOSE,
        ),
        _Rule(
            r"\byou(?:'ve| have)?(?: just| still| really| seem to)? never" + _NEVER_CHARGE,
            _LATELY,
            _ABSOLUTE,
            not_after=_PURPOSE,
        ),
        _Rule(
            r"\byou(?:'re| are) never (?!"
            + _NEVER_BE_PASSES
            + r"\b)"
            + _NOT_A_DEED
            + _REST_OF_CLAUSE,
            _LATELY,
            _ABSOLUTE,
            not_after=_PURPOSE,
        ),
        _Rule(
            r"\byou(?:'ve| have)?(?: just| still)? keep(?: on)? (?!(?:telling yourself|thinking|"
            r"wondering|feeling|asking yourself|coming back|going|trying|at it|improving|growing|"
            r"learning|getting (?:better|stronger|fitter|closer|there)|moving|showing up|"
            r"turning up|pushing|surprising|impressing|amazing|inspiring|making progress|"
            r"asking (?:great|good)|bouncing back|smiling|laughing|helping|reaching out|"
            r"checking in|practi[sc]ing|chipping away|plugging away)\b)(?=\w+ing\b)" + _CHARGE,
            _PATTERN,
            "Frames a few lapses as a fixed pattern of the person.",
            not_after=_PURPOSE,
        ),
        _Rule(
            r"\b"
            + _EVERY_ADVERBIAL
            + r",? you(?:'ve| have)?(?: just| still| always)? "
            + _LAPSE_CHARGE,
            _PATTERN,
            _ABSOLUTE,
        ),
        _Rule(
            r"\b" + _EVERY_CLAUSE + r"\b(?=\W)" + _CLAUSE_TAIL + r"{1,60}?, *you(?:'ve| have)?"
            r"(?: just| still| always)? " + _LAPSE_CHARGE,
            _PATTERN,
            _ABSOLUTE,
        ),
        _Rule(
            r"\byou(?: just| still| always)? (?=(?:[\w'-]{1,30} ){1,5}?"
            + _EVERY_AFTER
            + r")"
            + _NAMES_A_LAPSE
            + _NOT_A_DEED
            + r"\w{1,30}(?: [\w'-]{1,30}){0,4}? "
            + _EVERY_AFTER,
            _PATTERN,
            _ABSOLUTE,
        ),
        _Rule(
            r"\ball you (?:ever |really |seem to |seem to ever )?(?:do|did|say|said|talk about|"
            r"think about|care about|want to do)(?: is| was)\b",
            _PATTERN,
            _ABSOLUTE,
        ),
        _Rule(
            r"\b(?:is|isn't|was) (?:it|there) always (?:something|an excuse|some excuse|"
            r"one thing or another)\b",
            _PATTERN,
            _ABSOLUTE,
            requires=LazyPattern(r"\bwith you\b|\bexcuse", re.IGNORECASE),
        ),
    ),
    ToneCategory.SHOULD: (
        _Rule(
            r"\byou(?: really| probably| honestly| definitely| clearly| just| obviously)? "
            r"(?:should|shoulda|ought to|oughta)(?:n't| not)?(?: really| probably| at least| just|"
            r" definitely| never| not| all)?(?:'ve| have| of)(?: at least| really| just| never|"
            r" not| all| already)? (?!seen (?:how|what|the look|her|his|their|it)\b|been there\b)"
            + _PARTICIPLE,
            "Looking back, what would you do differently next time?",
            "Judges the past with 'should have', which invites guilt rather than a next step.",
        ),
        _Rule(
            r"\byou(?: really)? (?:could|might)(?:'ve| have| of) (?:at least|at the very least)\b|"
            r"\byou(?: really)? (?:could|might) at least have\b",
            "Next time, what would make it easier to let me know?",
            "Implies the client owed at least that much.",
        ),
        _Rule(
            r"\byou(?: really)? (?:should|ought to|oughta) (?:know|have known) better\b",
            "What would help you next time?",
            "Implies the client should have known better, which invites guilt.",
        ),
        _Rule(
            r"\byou (?:were|was) (?:supposed|meant) to\b|\byou (?:needed|had) to have\b",
            "We'd planned this for then. What got in the way?",
            "Holds the client to what they were 'supposed to' do instead of looking forward.",
        ),
        _Rule(
            r"\byou(?: really)? (?:ought not to|oughtn't(?: to)?|ought to not|should never) have\b|"
            r"\byou (?:were|was) (?:expected|required|due|told) to\b(?![^.!?]{0,40}\bby (?:your|"
            r"the|a)"
            r" (?:doctor|GP|physio|nurse|therapist|consultant|surgeon|midwife|specialist)\b)|"
            r"\byou had one job\b|"
            r"\byou (?:had|needed) to [^.!?]{1,40}?,? remember\?|"
            r"\byou needed to (?:\w{1,30} ){1,4}?(?:ago|yesterday|last \w{1,30}|earlier|sooner|"
            r"already|"
            r"by now|by then|first|on \w+day|at (?:\d+|one|two|three|four|five|six|seven|eight|"
            r"nine|ten|eleven|twelve|noon|midnight))\b",
            "We'd planned this for then. What got in the way?",
            "Holds the client to what they were 'supposed to' do instead of looking forward.",
        ),
        _Rule(
            r"\byou(?: really)? (?:could|might)(?:'ve| have| of) (?:at least |just |easily |"
            r"simply |"
            r"always )?(?:told|let (?:me|us|someone|anyone|somebody|anybody) know|warned|"
            r"asked(?! yourself)|"
            r"called|texted|messaged|mentioned|emailed|replied|rung|phoned|said something|"
            r"checked|made (?:time|the time|an effort|the effort)|tried(?! \w{1,30}ing)|"
            r"given (?:me|us) (?:a )?(?:heads-up|warning|notice)|shown up|turned up|planned|"
            r"prepared|bothered)\b",
            "Next time, what would make it easier to let me know?",
            "Implies the client owed that much, which invites guilt rather than a next step.",
        ),
    ),
    ToneCategory.ACCUSATORY_QUESTION: (
        _Rule(
            _WHY_LEAD + r" (?:didn't|did not|hadn't|had not) you\b|"
            r"\bhow come you (?:didn't|did not|never)\b",
            _ASK,
            _WHY,
        ),
        _Rule(
            _WHY_LEAD + r" (?:haven't|have not|hasn't|has not) you\b|"
            r"\bhow come you (?:haven't|have not|still haven't)\b",
            "What's been getting in the way?",
            _WHY,
        ),
        _Rule(
            _WHY_LEAD + r" (?:can't|cannot|can not|couldn't|could not|won't|will not|wouldn't|"
            r"would not) you\b|\bhow come you (?:can't|cannot|won't|couldn't)\b",
            "What's making this hard right now?",
            "A why-question about what the client cannot do sounds like an accusation.",
        ),
        _Rule(
            _WHY_LEAD + r" (?:don't|do not) you (?:ever|just|even|care|listen|bother|"
            r"try harder|follow)\b|"
            + _WHY_LEAD
            + r" (?:aren't|are not|weren't|were not) you\b|"
            + _WHY_LEAD
            + r" (?:do|did|are|were|would|have) you (?:always|never|still|keep|even|not|"
            r"constantly|insist|refuse|continue to)\b",
            "What keeps pulling you away from this?",
            "A why-question about a pattern sounds like an accusation.",
        ),
        _Rule(
            _WHY_LEAD + r" (?:did|would|do|have) you (?:just )?(?:" + _LAPSE + r"|let|ignore|"
            r"wait|leave it|lie|waste)\w*\b|"
            r"\bwhy would you (?!want\b|like\b|need\b|choose\b|consider\b|say\b|think\b)\w+ "
            r"(?:that|this)\b|\bwhy on earth (?:did|would|do) you\b",
            "What was going on for you when that happened?",
            "A why-question about a choice sounds like an accusation.",
        ),
        _Rule(
            r"\bhow could you (?:possibly |even |just )?(?:" + _LAPSE + r"|let|do (?:this|that)|"
            r"be so|not|ignore|lie|abandon|waste|forget)\w*\b",
            "What happened?",
            "'How could you' accuses rather than asks.",
        ),
        _Rule(
            _WHY_LEAD + r" (?:isn't|is not|wasn't|was not|aren't|weren't) (?:your|this|that|it|"
            r"the) (?:\w+ )?(?:done|finished|completed|sent|submitted|ready|filled|logged|"
            r"handed|in)\b",
            "I noticed it isn't in yet. What got in the way?",
            "A why-question about a missing task sounds like an accusation.",
        ),
        _Rule(
            r"\bwhy is it so (?:hard|difficult) for you to (?:just |even |simply |"
            r"\w+ (?:one|a single|a simple|something (?:this|so) simple)\b)",
            "What makes this hard right now?",
            "Implies the task is trivial and the client is failing at it.",
        ),
        _Rule(
            r"\bwhat (?:were|was) you (?:even )?thinking\b(?! about| of| when| at| before| then)|"
            r"\bwhat(?:'s| is) (?:wrong|the matter) with you\b|"
            r"\bwhat(?:'s| is) your (?:excuse|problem)\b(?!-)|"
            r"\bwhat excuse (?:do you have|have you got)\b|"
            r"\bhow many times (?:do|have|must|will|did) (?:I|we) (?:have to |need to |got to )?"
            r"(?:tell|remind|ask|say|go over|talk about|explain|discuss)\b|"
            r"\b(?:do|are) you even\b(?! (?:know|realise|realize) how\b| (?:like|enjoy|need|"
            r"have to|want to (?:keep|continue))\b)|"
            r"\bwhy (?:do|did|would|should) you (?:even )?bother\b",
            "What was going on for you then?",
            "An accusing question puts the client on trial.",
        ),
        _Rule(
            _WHY_LEAD + r" (?:is|was) (?:it|this|that) (?:always|so (?:hard|difficult|tough|"
            r"complicated))\b(?=[^.!?]*\byou\b)|"
            r"\bwhy (?:would|does|do|did) (?:anyone|anybody|someone|a person) (?:ever |even )?"
            r"(?:" + _LAPSE + r")\w*\b|"
            r"\bwhy (?:even )?bother\b(?=[^.!?]{0,60}\b(?:if|when) you\b)|"
            + _WHY_LEAD
            + r" (?:did|do|would) you (?:even )?\w{1,30}[^.!?]{0,40}?\bif you (?:weren't|were not|"
            r"won't|will not|didn't|don't|never|aren't|are not)\b|"
            r"\bwhy (?:are|were) you (?:like (?:this|that)|so \w{1,30}|wasting|ignoring|avoiding|"
            r"being (?:so|such|like))\b|"
            r"\bwhat (?:were|are|have) you (?:even|actually|honestly) (?:doing|thinking|been "
            r"doing)\b|"
            r"\bwhat (?:made|makes) you think (?:that|this|it)(?:'s| is| was| would be) (?:okay|ok|"
            r"acceptable|fine|alright|all right|a good idea)\b|"
            r"\bwho (?:told|said) (?:you|that)[^.!?]{0,40}?(?:was|is|would be) (?:okay|ok|"
            r"acceptable|fine|alright|all right)\b|"
            r"\b(?:do|are|did) you (?:even|actually|honestly) (?:care|want|try|trying|listening|"
            r"listen|serious|committed|mean|remember|read)\b|"
            r"\b(?:don't|do not) you (?:even )?(?:care|want|realise|realize|get it|remember)\b|"
            r"\bhow do you expect (?:to|me to|us to)\b|"
            r"\bwhat on earth (?:happened|were|was|is|did)\b(?=[^.!?]*\byou\b)",
            _ASK,
            "An accusing question puts the client on trial.",
        ),
    ),
    ToneCategory.THREAT: (
        _Rule(
            r"\bor else\b(?= *(?:[.!?\u2026]|$|(?:I|you)'ll\b))",
            "It's your call, and I'd like us to agree on one next step together.",
            "A threat replaces the client's own reasons with fear.",
        ),
        _Rule(
            r"\b(?:your|a|the|one) (?:very )?(?:last|final) (?:chance|warning)\b(?! to\b)|"
            r"\b(?:last|final) warning\b|\bstrike (?:one|two|three|1|2|3)\b",
            "This matters, and I'd like us to agree on one next step together.",
            "A threat replaces the client's own reasons with fear.",
            requires=LazyPattern(r"\b(?:your|this is|consider|warning|strike)\b", re.IGNORECASE),
        ),
        _Rule(
            r"\b(?:there will be|there'll be|you'll face|you will face|face the) "
            r"(?:serious |real |some )?(?:consequences|repercussions|hell to pay)\b|"
            r"\bor there(?:'ll| will) be (?:trouble|problems)\b",
            _YOUR_CALL,
            _THREATENS,
        ),
        _Rule(
            r"\b(?:if|unless|or|and) (?:[^.!?]{0,80}?\b)?" + _CONSEQUENCE,
            _YOUR_CALL,
            _THREATENS,
            negatable=False,
            requires=_IF_LAPSE,
        ),
        _Rule(
            r"\b(?:I|we)(?:'ll| will)(?: have to)? " + _PUNISH + r"[^.!?]{0,60}?"
            r"\b(?:if|unless) you\b(?! like\b| want\b| wish\b| prefer\b| need\b|'d like\b)|"
            r"\b(?:I|we) (?:can't|cannot|won't) (?:keep|continue) (?:working|coaching) with you\b|"
            r"\b(?:I'm|I am|we're|we are) going to have to " + _PUNISH + r"|"
            r"\bI'll have to (?:report|inform|let (?:your|the) \w+(?: \w+)? know|drop you|"
            r"stop (?:coaching|working with) you)",
            _YOUR_CALL,
            _THREATENS,
            negatable=False,
        ),
        _Rule(
            r"\bdon't make me\b(?! laugh| cry| blush| smile)|"
            r"\byou(?:'ll| will) regret (?:it|this|that)\b|"
            r"\byou(?:'d| had)? better (?!believe\b|than\b|off\b|rest\b|take care\b|look after\b|"
            r"enjoy\b|go easy\b|treat\b)\w+|\bor you're out\b",
            _YOUR_CALL,
            _THREATENS,
            negatable=False,
        ),
        _Rule(
            r"\b(?:I|we) (?:won't|will not|can't|cannot|don't|do not) (?:keep |continue )?"
            r"(?:working with|coaching|work with|coach|help|support|waste (?:my|our) time on) "
            r"(?:someone|somebody|anyone|anybody|people|a client|clients) (?:who|that)\b|"
            r"\b(?:there(?:'ll| will) be|you(?:'ll| will) (?:get|pay|face)) an? (?:penalty|fine|"
            r"charge|fee|forfeit|strike)\b(?=[^.!?]{0,40}" + _LAPSE_WORDS + r")|"
            r"\byou(?:'ll| will) (?:be sorry|pay for (?:it|this|that))\b|"
            r"\bshape up or ship out\b|\bor you(?:'re| are) (?:out|done|off)\b|"
            r"\b(?:I'm|I am|we're|we are) (?:giving|offering) you (?:one|a|your) (?:last|final) "
            r"(?:shot|chance|opportunity|warning)\b|"
            r"\b(?:give|giving|gave) up on you\b|"
            r"\bdon't (?:test|push) (?:me|my patience|your luck)\b|"
            r"\bmy patience is (?:wearing|running) (?:thin|out)\b|"
            r"\bdon't bother (?:coming back|returning|showing up again)\b|"
            r"\b(?:I'm|I am|we're|we are) (?:done|finished|through) with you\b|"
            r"\byou(?:'re| are| will be|'ll be) (?:off|out of|kicked out of|removed from|"
            r"dropped from) (?:the|our|this|my) (?:programme|program|group|circle|team|list|"
            r"roster|plan)\b",
            _YOUR_CALL,
            _THREATENS,
        ),
        _Rule(
            r"\b(?:I'm|I am) warning you\b",
            _YOUR_CALL,
            _THREATENS,
            requires=LazyPattern(
                _LAPSE_WORDS
                + r"|"
                + _regex(r"\b(?:again|can't happen|last time|or else|one more)\b"),
                re.IGNORECASE,
            ),
        ),
        _Rule(
            r"\bkeep (?:on )?(?:"
            + _LAPSE
            + r")\w{0,5} (?:up )?(?:and|,) (?:just )?see what happens\b",
            _YOUR_CALL,
            _THREATENS,
            negatable=False,
        ),
        _Rule(
            r"\b(?:(?:the )?next time you|any (?:more|further) \w{1,30})\b(?=\W)[^.!?]{0,80}?\b"
            + _CONSEQUENCE,
            _YOUR_CALL,
            _THREATENS,
            negatable=False,
        ),
        _Rule(
            r"\b(?:I|we)(?:'ll| will|'m going to| am going to) (?:make sure |let |tell |inform )"
            r"(?:everyone|everybody|the (?:group|circle|team|class|others)|your \w{1,30})\b",
            _YOUR_CALL,
            _THREATENS,
            negatable=False,
            requires=LazyPattern(_LAPSE_WORDS + r"|\bflaked\b|\bquit\b", re.IGNORECASE),
        ),
    ),
    ToneCategory.MINIMISING: (
        _Rule(
            r"\bjust do it\b|\bjust get (?:it done|over it|on with it)\b|\bget over it\b|"
            r"\bsnap out of it\b|\bsuck it up\b|\btoughen up\b|\bjust push(?: through)?\b|"
            r"\band push through\b|\bjust cheer up\b|"
            r"\bjust (?:calm down|stop (?:worrying|thinking|eating|it|being)|try harder|"
            r"wake up earlier|be (?:more|less|positive|happy|confident|disciplined)|move on|"
            r"deal with it|change it|ignore (?:it|them))\b",
            _EASIER,
            _TRIVIAL,
        ),
        _Rule(r"\bpush through\b", _EASIER, _TRIVIAL, at="clause"),
        _Rule(
            r"\bjust do (?:the|your) (?:thing|work|task|tasks|reps|exercises?|homework|run|walk|"
            r"workout|session|job)\b",
            _EASIER,
            _TRIVIAL,
            at="clause",
        ),
        _Rule(
            r"\b(?:it|this|that)(?:'s| is)(?: really| honestly| actually)? not (?:that|so|very|"
            r"even that|really that|all that) (?:hard|difficult|complicated|tough|complex|"
            r"much to ask)\b(?! to (?:see|understand|imagine|tell))|"
            r"\b(?:it|this|that) (?:isn't|really isn't)(?: really| honestly)? (?:that|so|very|"
            r"all that) (?:hard|difficult|complicated|tough|complex|much to ask)\b|"
            r"\bnot (?:exactly )?(?:rocket science|brain surgery)\b|"
            r"\bhow (?:hard|difficult) (?:can it be|could it be|can it really be)\b",
            _SMALLEST,
            "Tells the client it is easy, which leaves them feeling worse when it isn't.",
        ),
        _Rule(
            r"\ball you (?:have|need|got|gotta)(?: to)? do is\b|\ball it takes is\b|"
            r"\byou (?:just|simply|only) (?:need|have|got|gotta)(?: to)? (?:try harder|want it|"
            r"push|get on|stop|be more|be less|do it|make yourself|force|suck|toughen|"
            r"snap|get over|commit|decide|stick)\b",
            "What would make this feel doable for you right now?",
            _TRIVIAL,
        ),
        _Rule(
            r"\bno (?:more )?excuses\b(?! needed| necessary| required| here)|\bno excuse for\b|"
            r"\bthere's no excuse\b|"
            r"\b(?:stop|quit|enough) (?:with )?(?:making |the )?excuses\b|"
            r"\bspare me the excuses\b|\bI don't want (?:to hear )?(?:any )?excuses\b|"
            r"\b(?:that's|that is|it's|those are) (?:just |only |all |simply )?(?:an? )?"
            r"excuses?\b(?= *[.!?,;]| *$)|"
            r"\byou(?:'re| are) (?:just |only |always |simply |still )?making excuses\b",
            "What's been getting in the way?",
            "Dismisses the client's reasons before hearing them.",
            negatable=False,
        ),
        _Rule(
            r"\bsimply (?:do|get|start|stop|go|put(?!,)|eat|decide|stick|make|choose|wake|quit|"
            r"cut|drop)\b",
            "What would make this feel doable for you right now?",
            _TRIVIAL,
            at="clause",
        ),
        _Rule(
            r"\b(?:it's|it is) (?:that|just that|really that|as simple as that|that simple|"
            r"that easy)(?: simple| easy)?\b(?= *[.!?,;]| *$)",
            _SMALLEST,
            "Tells the client it is easy, which leaves them feeling worse when it isn't.",
        ),
        _Rule(
            r"\b(?:it's|it is|that's|that is)(?: really| super| actually| just)? easy\b"
            r"(?! to\b| when\b| for\b| enough\b)",
            _SMALLEST,
            "Tells the client it is easy, which leaves them feeling worse when it isn't.",
            requires=LazyPattern(r"\b(?:you|anyone|anybody|just)\b", re.IGNORECASE),
        ),
        _Rule(
            r"\byou(?:'re| are) (?:just )?(?:overthinking|overcomplicating|overreacting)\b|"
            r"\b(?:stop|quit) (?:overthinking|over-thinking|overcomplicating|worrying|whining|"
            r"complaining|moaning|stressing)\b|"
            r"\b(?:don't|stop) mak(?:e|ing) (?:it|this|that) (?:a |into a )?bigger(?: deal)? "
            r"than\b",
            _WEIGHING,
            "Waves away the client's worry instead of hearing it.",
        ),
        _Rule(
            r"\b(?:it's|it is|that's)(?: just| only| literally| simply) (?:one|two|three|four|"
            r"five|six|ten|fifteen|twenty|thirty|a few|a couple of|\d+) (?:minutes?|push-?ups|"
            r"reps|steps|emails|pages|squats|laps|glasses|texts|calls|miles|km|words|lines)\b"
            r"(?! away| from| until| till| left| late)|"
            r"\b(?:it's|it is|that's) (?:one|two|three|four|five|ten|fifteen|twenty|\d+) "
            r"(?:minutes|push-?ups|reps|steps|emails|pages|squats|laps)(?= *[.!])|"
            r"\b(?:it's|it is|that's)(?: just| only| simply) a (?:habit|walk|phone call|email|"
            r"text|workout|little thing|small thing|tiny thing|diet)\b(?= *[,.!;])",
            _SMALLEST,
            "Shrinks the task to make the client's difficulty look unreasonable.",
        ),
        _Rule(
            r"\b(?:no|not a) (?:reason|excuse) (?:to|for) (?:skip|stop|quit|"
            r"give up|miss|not|avoid|cancel)\w*\b|"
            r"\byou can't (?:really |possibly |seriously )?be (?:that|so|too) (?:busy|tired|"
            r"stressed|overwhelmed)\b|\bit's not like I'm asking\b|"
            r"\b(?:anyone|anybody) (?:can|could) (?:do|manage) (?:that|this|it)\b|"
            r"\b(?:other |some )?(?:people|others) have it (?:much |so |way |far |a lot )?worse\b",
            _EASIER,
            _TRIVIAL,
        ),
        _Rule(
            r"\b(?:it|this|that)(?:'s| is)? (?:couldn't|could not|can't|cannot) (?:be|get) "
            r"(?:any )?(?:easier|simpler)\b|"
            r"\b(?:there's|there is|it's got|it has) nothing to it\b|\bnothing to it\b|"
            r"\b(?:it's a |it is a |that's a |this is a )?(?:piece of cake|walk in the park|"
            r"no-brainer|doddle|cinch)\b|"
            r"\b(?:mak(?:e|es|ing)|made) (?:a mountain out of a molehill|(?:such |so much of )?"
            r"(?:a )?(?:big )?fuss|a drama)\b|"
            r"\bblow(?:ing|n)? (?:this|it|that|things) (?:way |completely |all )?out of "
            r"proportion\b|"
            r"\bthere's nothing (?:hard|difficult|complicated|tough|scary) about\b|"
            r"\bjust (?:force|make|push|drag) yourself\b|\bpull yourself together\b|"
            r"\b(?:it's|it is|that's|it's all) (?:just |only |simply |all about )(?:a (?:bit|"
            r"little) "
            r"of |some )?(?:discipline|willpower|self-control|mindset)\b|"
            r"\b(?:being \w+|tiredness|stress|work|busyness|a busy week) (?:isn't|is not|"
            r"is no|was no|wasn't|'s no) (?:an |a valid |a real |a good )?excuse\b"
            r"(?!,? (?:it's|that's|it is|that is|just|but))|"
            r"\bno reason (?:why )?you (?:can't|couldn't|shouldn't|wouldn't)\b|"
            r"\bnothing(?:'s| is) stopping you\b(?=[^.!?]*\bbut (?:you|yourself)\b)|"
            r"\b(?:come on|c'mon),? (?:it's|it is|this is|that's) (?:easy|simple|nothing|"
            r"not hard)\b|"
            r"\b(?:anyone|anybody|everyone|everybody) can (?:find|spare|manage|do) "
            r"(?:\w{1,30} ){0,2}(?:minutes|time|that|this|it)\b",
            _EASIER,
            _TRIVIAL,
        ),
    ),
    ToneCategory.COMPARISON: (
        _Rule(
            r"\b" + _PEERS + r"\b[^.!?;]{0,60}?\b" + _PEERS_DO + r"\b(?!'t|n't| not)",
            _OWN_PATH,
            _COMPARES,
            forbids=_NORMALISING_ANY,
        ),
        _Rule(
            r"\b(?:your|his|her) " + _FAMILY + r"\b[^.!?;]{0,60}?(?:, so (?:you|why)\b|"
            r"never seems?|doesn't seem to (?:struggle|have)|has no (?:trouble|problem))",
            _OWN_PATH,
            _COMPARES,
            forbids=_NORMALISING_ANY,
        ),
        _Rule(
            r"\b(?:anyone|anybody) else would(?:'ve| have)\b|\bunlike you\b|"
            r"\bunlike (?:the others|the rest|your \w{1,30}|(?-i:[A-Z])\w{1,30})\b|"
            r"\bcompared (?:to|with) (?:the others|everyone(?: else)?|everybody(?: else)?|"
            r"the rest|the group|your (?:peers|colleagues|brother|sister|friends|classmates|"
            r"teammates))\b|"
            r"\byou(?:'re| are) the only one (?:who|that|in [^.!?]{0,30}? who|left) (?:hasn't|"
            r"haven't|didn't|can't|isn't|doesn't|won't|never|still|keeps|missed|skipped|forgot|"
            r"is late|is behind)\b|"
            r"\byou(?:'re| are)(?: way| so| really)? (?:behind|slower than|worse than|"
            r"further behind) (?:the rest|everyone|the others|the group|your peers)|"
            r"\b(?:falling|fallen|lagging) behind (?:the rest|everyone|the others|the group)|"
            r"\bthe (?:slowest|worst|weakest|laziest|last one)\b[^.!?]{0,20}\bin (?:the|your) "
            r"(?:group|cohort|class|team|program|programme)\b|"
            r"\beven (?:my|your) (?:[\w-]+-year-old|kids?|son|daughter|child|grandma|grandmother|"
            r"granny|nan|grandad|grandfather|dog)\b[^.!?]{0,40}?\b(?:could|can|manages?|"
            r"makes? it|did|does)\b|"
            r"\beven (?:a child|a kid|a toddler|people with|someone with|somebody with)\b"
            r"[^.!?]{0,40}?\b(?:could|can|manages?|makes? it|did|does)\b|"
            r"\blook at (?-i:[A-Z])\w{1,30}, (?:he|she|they)(?:'s| is|'re| are|'ve| has| have) "
            r"(?:already|managed|done|finished)\b",
            _OWN_PATH,
            _COMPARES,
            forbids=_NORMALISING_ANY,
        ),
        _Rule(
            # Asked, and usually after "why can't you", so a negation does not cancel it.
            r"\bbe (?:more |just )?like (?:everyone|everybody|the others|the rest|your \w+|"
            r"(?-i:[A-Z])\w+)(?: else)?\b(?=[^.!?]*\?)",
            _OWN_PATH,
            _COMPARES,
            negatable=False,
        ),
        _Rule(
            # Others who by their very naming stand against the client: the rest, everyone else.
            r"\b(?:everyone else|everybody else|the others|others|(?:the )?rest of (?:the|your|us|"
            r"them)(?: \w{1,30})?|every other \w{1,30}|(?:my |the |your |all the |all my )?other "
            r"(?:clients|people(?!'s)|students|parents|members|participants|coachees|folks|"
            r"runners)|"
            r"(?:most )?people (?:your age|half your age|in your (?:position|situation|shoes))|"
            r"my (?:last|previous|other|old|busiest|new) (?:client|clients)|"
            r"(?:a|an) (?:[\w-]{1,30}-year-old|child|kid|toddler|teenager|grandma|granny)|"
            r"your (?:classmates|teammates|team-mates|colleagues|co-?workers|co-workers|peers)"
            r")\b(?=\W)[^.!?;]{0,60}?\b" + _SUCCEEDS + r"\b(?!'t|n't| not)",
            _OWN_PATH,
            _COMPARES,
            forbids=_NORMALISING_ANY,
        ),
        _Rule(
            r"\b" + _OTHERS + r"\b(?=\W)[^.!?;]{0,60}?\b" + _SUCCEEDS + r"\b(?!'t|n't| not)",
            _OWN_PATH,
            _COMPARES,
            requires=_CONTRAST,
            forbids=_NORMALISING_ANY,
        ),
        _Rule(
            r"\b(?:did (?:it|this|that|all|twice|double|more|better|everything|every|each)|"
            r"does (?:it|this|that|double|twice|more|better|every|each)|managed|manages|finished|"
            r"completed|hit|hits|lost|ran|runs|started (?:after|later than) you|"
            r"never (?:misses|needs|skips|complains|had|has|struggles|gives up|forgets|cancels|"
            r"seems)|(?:is|was) (?:already |way |well |so |far )*(?:ahead|further along|done|"
            r"finished|doing (?:so |really )?(?:well|better))|kept|keeps|stuck|sticks|submitted|"
            r"logged|showed up|turned up|quit smoking|has (?:already|never))\b",
            _OWN_PATH,
            _COMPARES,
            lead=_NAME_BEFORE,
            requires=_CONTRAST,
            forbids=_NORMALISING_ANY,
        ),
        _Rule(
            r"\blook at (?-i:[A-Z])\w{1,30}\b(?=\W)[^.!?]{0,40}?\b" + _SUCCEEDS + r"\b|"
            r"\bcompared (?:to|with) you\b",
            _OWN_PATH,
            _COMPARES,
            forbids=_NORMALISING_ANY,
        ),
    ),
    ToneCategory.SARCASM: (
        _Rule(
            r"\boh,? (?:great|good|wonderful|perfect|brilliant|fantastic|lovely|sure|joy|"
            r"fabulous|marvellous|marvelous|nice|super|terrific)\b",
            _NOTICED,
            _SARCASTIC,
            negatable=False,
            reportable=False,
            requires=_LAPSE_CUE,
        ),
        _Rule(
            r"\boh,? so now you\b|\b(?:nice|good|kind|generous|sweet) of you to (?:finally |"
            r"actually )?(?:show|turn up|join|grace|bother|remember|drop in|make it|"
            r"show your face|finally)\b|\bhow (?:nice|kind|good|generous|sweet) of you to "
            r"(?:finally |actually )?(?:show|turn up|join|grace|bother|remember|drop in|make it)\b",
            "I'm glad you're here. How have things been?",
            _SARCASTIC,
            negatable=False,
            reportable=False,
        ),
        _Rule(
            r"\b(?:wow|well|gee|geez|boy|oh),? what a (?:surprise|shock|shocker)\b"
            r"(?= *(?:[.!?\u2026]|$|, *(?:another|the|you)))|"
            r"\bbig surprise there\b|\bsurprise,? surprise\b|"
            r"\bno surprise there\b|\bcol(?:o|ou)r me (?:shocked|surprised|stunned|amazed)\b|"
            r"\bwho (?:could|would) have (?:seen|guessed|predicted) (?:that|this) coming\b|"
            r"\bhow convenient\b|\bwell,? that went (?:well|great|brilliantly)\b|"
            r"\bthat went (?:well|great|brilliantly),? didn't it\b",
            _NOTICED,
            _SARCASTIC,
            negatable=False,
            reportable=False,
        ),
        _Rule(
            r"\bwhat a (?:surprise|shock|shocker)\b(?= *(?:[.!?\u2026]|$|, *(?:another|the|you)))|"
            r"\bbig surprise\b(?= *[,.!])|\b(?:shocking|shocker)\b(?= *[,.!])",
            _NOTICED,
            _SARCASTIC,
            negatable=False,
            reportable=False,
            at="sentence",
        ),
        _Rule(
            r"\blook (?:who|who's|who is) (?:finally|decided|bothered|remembered)\b|"
            r"\bfinally decided to (?:show|check|join|grace|turn up|bother)\b|"
            r"\bthanks (?:a lot |so much )?for (?:finally|gracing|bothering|nothing|"
            r"the (?:late )?notice)\b|"
            r"\bthanks (?:a lot |so much )?for letting me know (?:\w+ ){0,3}(?:minutes|seconds|"
            r"hours) before\b|\bcongrat(?:ulation)?s on (?:doing )?(?:absolutely )?nothing\b|"
            r"\bcongrat(?:ulation)?s on (?:yet )?another (?:missed|wasted|excuse|week of)\b|"
            r"\b(?:fit|squeeze|pencil) (?:us|me|this|it) (?:in|into) your (?:very )?busy\b|"
            r"\bmust be nice to (?:have (?:so much|all that|that much)|be able to just|"
            r"not have to)\b|"
            r"\b(?:yeah|sure|oh sure|yeah sure),? (?:I'm|I am) sure (?:that's|that|you)\b|"
            r"\byeah,? right\b|\bsure you (?:did|were|are|will|do)(?= *[.!?,])|"
            r"\banother (?:brilliant|great|fantastic|stellar|productive|wonderful|amazing|"
            r"excellent|stunning) (?:week|day|month|effort|performance|session),? I see\b|"
            r"\bnew record for (?:excuses|missed|skipped|lateness|cancellations)\b|"
            r"\b(?:perfect|great|impeccable|excellent|brilliant) timing,? as "
            r"(?:always|usual|ever)\b|"
            r"\bwhen you finally (?:decide|get around|bother|deign|can be bothered)\b|"
            r"\b(?:if|when) you can be bothered\b|\bdog ate (?:your|my|the)\b|"
            r"\b(?:real|very) mature\b",
            _NOTICED,
            _SARCASTIC,
            negatable=False,
            reportable=False,
        ),
        _Rule(
            r"\b(?:bravo|well done|great job|good job|nice work|nice job|way to go|"
            r"congratulations|congrats|brilliant|great work|good work)\b",
            _NOTICED,
            "Praise wrapped around a lapse reads as mockery.",
            negatable=False,
            reportable=False,
            requires=_MOCK_PRAISE_CUE,
            at="sentence",
        ),
        _Rule(
            r"\b(?:(?:oh|ah|well|yeah|gee|wow),? )?"
            + _MOCK_PRAISE
            + r"\b(?:(?!\b"
            + _SINCERE
            + r"\b|n't\b|\b(?:I|we)\b(?! needed| wanted))[^.!?]){0,60}?\b(?:even by your standards|"
            + _FAILURE
            + r")",
            _NOTICED,
            "Praise aimed at a lapse reads as mockery.",
            negatable=False,
            reportable=False,
            at="clause",
        ),
        _Rule(
            r"\bbecause that (?:worked|went) (?:so |really )?(?:well|great|brilliantly)\b|"
            r"\boh,? look,? (?:who|someone|somebody|it's)\b|"
            r"\b(?:great|perfect|brilliant|wonderful|fantastic|lovely|marvellous|super),? just "
            r"(?:great|perfect|brilliant|wonderful|fantastic|lovely|marvellous|super)\b|"
            r"\baren't you (?:just )?(?:a|the) (?:model|picture|paragon|shining example|beacon) "
            r"of\b|\bnice try,? but\b|"
            r"\bwhat a (?:surprise|shock|shocker)\b(?=[^.!?]{0,40}\b(?:no|zero|another|again|late|"
            r"missed|skipped|forgot|nothing)\b)|"
            r"\b(?:amazing|incredible|funny|interesting|remarkable|impressive|strange|curious|"
            r"fascinating|astonishing) how\b(?=[^.!?]{0,40}?\byou\b[^.!?]{0,20}?\b(?:always|"
            r"constantly|somehow|forever)\b)(?![^.!?]{0,80}?" + _PRAISE_WORDS + r")|"
            r"\byou actually (?:showed|turned) up\b|\beven by your standards\b",
            _NOTICED,
            _SARCASTIC,
            negatable=False,
            reportable=False,
        ),
    ),
}


def _group_end(pattern: str, start: int) -> int:
    """The index of the parenthesis that closes the group opening at *start*."""
    depth = 0
    index = start
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    raise ValueError(f"unbalanced group in {pattern!r}")


def _top_level(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern."""
    parts: list[str] = []
    depth, begin, index = 0, 0, 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[begin:index])
            begin = index + 1
        index += 1
    parts.append(pattern[begin:])
    return parts


def _first_words(pattern: str, prefix: str = "") -> frozenset[str]:
    """Every word a match of *pattern* (in the notation above) can begin with, lowercased.

    The review only tries a rule where a sentence has one of these words, so a
    rule must begin with a word; anything else is refused when the rules are compiled.
    """
    alternatives = _top_level(pattern)
    if len(alternatives) > 1:
        return frozenset().union(*(_first_words(part, prefix) for part in alternatives))
    if pattern.startswith("\\b"):
        return _first_words(pattern[2:], prefix)
    if pattern.startswith("(?:"):
        end = _group_end(pattern, 0)
        after = pattern[end + 1 :]
        optional = after[:1] == "?" or after.startswith("{0,")
        if optional:
            after = after[after.index("}") + 1 :] if after[0] == "{" else after[1:]
        words: frozenset[str] = frozenset()
        for alternative in _top_level(pattern[3:end]):
            words |= _first_words(alternative + after, prefix)
        return words | _first_words(after, prefix) if optional else words
    if pattern[:1].isalpha():
        length = 1
        while pattern[length : length + 1].isalpha():
            length += 1
        if pattern[length : length + 1] == "?":  # "finds?": the last letter is optional
            rest = pattern[length + 1 :]
            shorter = _first_words(rest, prefix + pattern[: length - 1])
            return shorter | _first_words(rest, prefix + pattern[:length])
        return _first_words(pattern[length:], prefix + pattern[:length])
    if prefix and not pattern.startswith(("\\w", "[", "(?-i:")):
        return frozenset({prefix.lower()})
    raise ValueError(f"a rule must begin with a word: {prefix + pattern!r}")


@attrs.frozen
class _Keyed:
    """The rules of one category that can begin with one word, compiled together."""

    category: ToneCategory
    pattern: LazyPattern
    rules: tuple[_Rule, ...]
    singles: tuple[LazyPattern, ...]


def _compile(pattern: str) -> LazyPattern:
    return LazyPattern(_regex(pattern), re.IGNORECASE)


_Table = dict[str, tuple[LazyPattern, tuple[_Keyed, ...]]]


@functools.cache
def _keyed() -> _Table:
    """For each word a rule can begin with, a screen and the rules of each category.

    The screen is one pattern of every rule that can begin with the word, so a word that
    begins no judgment costs one failed match. Only the alternatives of a rule that can
    begin with a word are tried at that word.

    Compiling the thousand patterns of the table would take most of a second, paid by
    every process that imports the library. So the table is built on the first review and
    cached, and each of its patterns is compiled the first time a text holds its word.
    """
    by_word: dict[str, list[_Keyed]] = {}
    raw: dict[str, list[str]] = {}
    for category, rules in _RULES.items():
        words: dict[str, dict[int, list[str]]] = {}
        for index, rule in enumerate(rules):
            for alternative in _top_level(rule.pattern):
                for word in sorted(_first_words(alternative)):
                    words.setdefault(word, {}).setdefault(index, []).append(alternative)
        for word, chosen in words.items():
            patterns = ["|".join(alternatives) for alternatives in chosen.values()]
            combined = "|".join(f"(?P<r{at}>{pattern})" for at, pattern in enumerate(patterns))
            raw.setdefault(word, []).extend(patterns)
            by_word.setdefault(word, []).append(
                _Keyed(
                    category=category,
                    pattern=_compile(combined),
                    rules=tuple(rules[index] for index in chosen),
                    singles=tuple(_compile(pattern) for pattern in patterns),
                )
            )
    return {
        word: (_compile("|".join(f"(?:{pattern})" for pattern in raw[word])), tuple(entries))
        for word, entries in by_word.items()
    }


# Most words begin no judgment at all, and one failed match is cheaper than one per category.
_NO_RULES: Final[tuple[None, tuple[_Keyed, ...]]] = (None, ())
# Where a word begins: letters not preceded by a letter, digit or an apostrophe inside a word.
_WORD: Final = LazyPattern(r"(?<![A-Za-z0-9])(?<![A-Za-z]['\u2019])[A-Za-z]+")
_LETTER: Final = LazyPattern(r"[A-Za-z]")
_CLAUSE_MARK: Final = frozenset(",;:\u2014\u2013")

# Words earlier in the clause that cancel a match: "not your fault", "no one is blaming you".
_NEGATION: Final = LazyPattern(
    _regex(
        r"\b(?:not|no|never|nobody|no one|none|nothing|neither|nor|without|hardly|barely|"
        r"stop saying|stop telling yourself)\b|n't\b"
    ),
    re.IGNORECASE,
)
# A reported feeling or belief: the client's view reflected back, not the coach's verdict.
_REPORTED: Final = LazyPattern(
    _regex(
        r"\b(?:you|part of you|people|they|others|someone|somebody|he|she|everyone|anyone|"
        r"your \w+)(?: \w+)? (?:feel|feels|felt|think|thinks|thought|believe|believes|believed|"
        r"say|says|said|told|tell|call|calls|called|worry|worries|worried|fear|fears|feared|"
        r"wonder|wonders|wondered|assume|assumes|assumed|heard|describe|described|"
        r"see yourself|saw yourself)\b|"
        r"\b(?:you're|you are|you've been|you have been|you keep|you seem to be) (?:\w+ )?"
        r"(?:telling|saying|thinking|feeling|worrying|wondering|believing|calling|blaming|"
        r"judging|describing|imagining|fearing|asking) *(?:yourself|that|like)?\b|"
        r"\b(?:worried|afraid|scared|fear|fearing|wondering|convinced|feeling like|feel like|"
        r"felt like|feels like|sounds like|as if)\b"
    ),
    re.IGNORECASE,
)
# Where a clause begins, looking back from a match.
_CLAUSE_START: Final = LazyPattern(r"[,;:()\u2014\u2013]|\s-\s|\bbut\b", re.IGNORECASE)
_WINDOW: Final = 60
_CONTEXT: Final = 200

_DOUBLE_MARKS: Final = frozenset('"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033')
_SINGLE_OPEN: Final = "'\u2018"
_SINGLE_CLOSE: Final = "'\u2019"
_QUOTE_MARK: Final = LazyPattern("[\"'\u2018\u2019\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]")
_SENTENCE_END: Final = LazyPattern(r"(?<=[.!?\u2026])\s+|\n+")
_MASK: Final = "\x00"


def _single_opens(text: str, index: int) -> bool:
    """A single mark that opens a quotation: a left one, or a straight one before a word."""
    if text[index] == "\u2018":
        return True
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return not before.isalnum() and after.isalnum()


def _single_closes(text: str, index: int) -> bool:
    """A single mark that closes a quotation: after a word, and not inside one ("don't")."""
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the client's quoted words, quotation marks included.

    Double marks of any kind pair up in turn, and an unclosed one runs to the
    end of the text. A single mark opens a quotation only before a word and
    closes it only after one, so apostrophes ("don't", "runners'") are left
    alone; a single mark that is never closed was an apostrophe after all.
    """
    spans: list[tuple[int, int]] = []
    marks = [(match.start(), match.group()) for match in _QUOTE_MARK.finditer(text)]
    size, count, index = len(text), len(marks), 0
    while index < count:
        at, mark = marks[index]
        index += 1
        if mark in _DOUBLE_MARKS:
            while index < count and marks[index][1] not in _DOUBLE_MARKS:
                index += 1
            spans.append((at, marks[index][0] + 1 if index < count else size))
            index += 1
        elif mark in _SINGLE_OPEN and _single_opens(text, at):
            close = index
            while close < count and not (
                marks[close][1] in _SINGLE_CLOSE and _single_closes(text, marks[close][0])
            ):
                close += 1
            if close < count:
                spans.append((at, marks[close][0] + 1))
                index = close + 1
    return spans


def _masked(text: str) -> str:
    """The text with every quoted span blanked out, so nothing matches inside one."""
    spans = _quoted_spans(text)
    if not spans:
        return text
    parts: list[str] = []
    last = 0
    for start, end in spans:
        parts.append(text[last:start])
        parts.append(_MASK * (end - start))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for boundary in _SENTENCE_END.finditer(text):
        if boundary.start() > start:
            yield start, boundary.start()
        start = boundary.end()
    if start < len(text):
        yield start, len(text)


def _clause_before(sentence: str, at: int) -> str:
    window = sentence[max(0, at - _WINDOW) : at]
    cut = 0
    for boundary in _CLAUSE_START.finditer(window):
        cut = boundary.end()
    return window[cut:]


def _cancelled(rule: _Rule, sentence: str, match: re.Match[str], begin: int) -> bool:
    # Context is read near the match, so a long run-on text costs no more per finding.
    start, end = begin, match.end()
    if rule.requires is not None and not rule.requires.search(
        sentence, max(0, start - _CONTEXT), end + _CONTEXT
    ):
        return True
    if rule.forbids is not None and rule.forbids.search(sentence, start, end + _CONTEXT):
        return True
    if rule.negatable or rule.reportable:
        before = _clause_before(sentence, begin)
        if rule.negatable and _NEGATION.search(before):
            return True
        if rule.reportable and _REPORTED.search(before):
            return True
    return rule.not_after is not None and bool(
        rule.not_after.search(_clause_before(sentence, begin))
    )


# Categories that assert something; asked back as a bare question ("Lazy?") they are an echo
# of the client's words.
_ASSERTIONS: Final = frozenset(
    {
        ToneCategory.BLAME,
        ToneCategory.SHAMING,
        ToneCategory.ABSOLUTE,
        ToneCategory.SHOULD,
        ToneCategory.COMPARISON,
    }
)
_ECHO: Final = LazyPattern(r"\s*\?+\s*$")


def _placed(rule: _Rule, sentence: str, at: int) -> bool:
    """Whether a rule that must open the sentence or a clause does."""
    if rule.at == "sentence":
        return _LETTER.search(sentence, 0, at) is None
    if rule.at == "clause":
        before = sentence[max(0, at - _WINDOW) : at].rstrip()
        return not before or before[-1] in _CLAUSE_MARK or _LETTER.search(before) is None
    return True


def _begins(rule: _Rule, sentence: str, at: int) -> int | None:
    """Where a rule's words begin: at *at*, or earlier where its lead begins.

    None when the rule takes a lead and the words before *at* do not hold it.
    """
    if rule.lead is None:
        return at
    lead = rule.lead.search(sentence, max(0, at - _WINDOW), at)
    return None if lead is None else lead.start()


def _first_hit(keyed: _Keyed, sentence: str, at: int) -> tuple[_Rule, int, int] | None:
    """The first rule of *keyed* that holds at *at*, with where its words begin and end."""
    match = keyed.pattern.match(sentence, at)
    if match is None:
        return None
    rule = keyed.rules[int(str(match.lastgroup)[1:])]
    begin = _begins(rule, sentence, at)
    if (
        begin is not None
        and _placed(rule, sentence, begin)
        and not _cancelled(rule, sentence, match, begin)
    ):
        return rule, begin, match.end()
    for other, single in zip(keyed.rules, keyed.singles, strict=True):
        if other is rule:
            continue
        again = single.match(sentence, at)
        if again is None:
            continue
        begin = _begins(other, sentence, at)
        if (
            begin is not None
            and _placed(other, sentence, begin)
            and not _cancelled(other, sentence, again, begin)
        ):
            return other, begin, again.end()
    return None


def _findings_in(sentence: str, offset: int, text: str, by_word: _Table) -> Iterator[Finding]:
    for word in _WORD.finditer(sentence):
        screen, entries = by_word.get(word.group().lower(), _NO_RULES)
        if screen is None or screen.match(sentence, word.start()) is None:
            continue
        for keyed in entries:
            hit = _first_hit(keyed, sentence, word.start())
            if hit is None:
                continue
            rule, start, end = hit
            while end > start and sentence[end - 1].isspace():
                end -= 1  # an alternative may end on the space before a lookahead
            if end == start or _MASK in sentence[start:end]:
                continue
            if (
                keyed.category in _ASSERTIONS
                and _ECHO.match(sentence, end)
                and not _LETTER.search(sentence, 0, start)
            ):
                continue  # "Your fault? Not at all.": the words are asked back, not asserted
            yield Finding(
                category=keyed.category,
                span=(offset + start, offset + end),
                matched=text[offset + start : offset + end],
                reframe=rule.reframe,
                explanation=rule.explanation,
            )


def review(text: str) -> Review:
    """Review a text for judgmental language, sentence by sentence.

    Total: any ``str`` gives a review, and the same text always gives the same
    review. Quoted words (between straight or curly quotation marks) are the
    client's and are never flagged. The review's patterns are compiled when a
    text first needs them, not at import, so the first reviews in a process
    take longer than the rest.

    Args:
        text: The message to review, such as a follow-up a coach wrote.

    Returns:
        A `Review` whose findings are ordered by span; it is truthy when the
        text passes.

    Raises:
        InvalidValueError: If *text* is not a ``str``.

    >>> review("You're not lazy, and this is not your fault.").ok
    True
    >>> [f.matched for f in review('You said "I am so lazy". You are so lazy.').findings]
    ['You are so lazy']
    """
    if not isinstance(text, str):
        raise InvalidValueError("text", text, f"expected a str, got {type(text).__name__}")
    masked = _masked(text)
    by_word = _keyed()
    found: list[Finding] = []
    for start, end in _sentences(masked):
        found.extend(_findings_in(masked[start:end], start, text, by_word))
    found.sort(key=_sort_key)
    kept: list[Finding] = []
    reach: dict[ToneCategory, int] = {}  # where each category's last kept finding ends
    for finding in found:
        if finding.span[0] < reach.get(finding.category, 0):
            continue  # one finding per stretch of words and category
        kept.append(finding)
        reach[finding.category] = finding.span[1]
    return Review(text=text, findings=tuple(kept))
