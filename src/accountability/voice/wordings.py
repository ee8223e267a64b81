"""The built-in English voice's words, as data: what `EnglishVoice` says by default.

Nothing here but text. Each kind of move (a `MoveKind`) and topic has two to
four variants, all in the same plain, warm register; the voice picks one by
a stable checksum of the move and passes over any whose sentences the last
follow-up already holds (`accountability.voice.english`). Braces hold the
placeholders listed in `accountability.voice.PLACEHOLDERS`.

The test suite holds every wording here to the library's promises: each
passes the tone review and the MI audit, uses only known placeholders, and
shares no sentence with another, so a sentence seen in the previous
follow-up points at exactly one wording. Change the words here, and the
tests say whether they still keep those promises.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from accountability.policy.followup import MoveKind
from accountability.record.model import WinSize

__all__ = ["PRAISE", "WORDINGS"]

WORDINGS: Final[Mapping[tuple[MoveKind, str], tuple[str, ...]]] = MappingProxyType(
    {
        (MoveKind.HOLD_SPACE, ""): (
            "You and the people you love come first right now. There is nothing you need to do "
            "for our work, and I'm here whenever you want to talk.",
            "Right now, looking after yourself and the people close to you matters most. Our work "
            "can wait, and I'm here if you'd like to talk.",
            "I'm thinking of you. Our plans will keep for as long as you need, and you can reach "
            "me whenever it would help.",
        ),
        (MoveKind.ACKNOWLEDGE, "setback"): (
            "Thank you for telling me what's going on: {said} That sounds really hard, and I'm "
            "sorry you're going through it.",
            "I'm sorry to hear this: {said} That's a lot to carry, and I'm glad you let me know.",
            "Thank you for sharing this with me: {said} I'm sorry things are so hard right now.",
        ),
        (MoveKind.ACKNOWLEDGE, "silence"): (
            "It's been {count} days since I last heard from you, and that's okay. Life gets full.",
            "I haven't heard from you in {count} days, and that's fine. I know things get busy.",
            "We haven't been in touch for {count} days. I hope you're doing alright.",
        ),
        (MoveKind.ACKNOWLEDGE, "silence_in_grace"): (
            "It's been {count} days since we last spoke, and I know you've had a lot to carry.",
            "We haven't talked in {count} days. With everything you're carrying, that makes sense.",
            "It's been {count} days since we spoke. I imagine your hands have been full, and "
            "that's okay.",
        ),
        (MoveKind.ACKNOWLEDGE, "lapse"): (
            "It looks like {action} slipped recently. That happens to everyone, and it doesn't "
            "erase what you've already built.",
            "{action} has slipped a little lately. That's part of building any habit, and the "
            "progress you've made still counts.",
            "It seems {action} has been hard to fit in lately. Slips like this are normal, and "
            "they don't undo the work you've put in.",
        ),
        (MoveKind.ACKNOWLEDGE, "missed_check_ins"): (
            "I haven't heard from you for {check_ins} we agreed on, and that's okay.",
            "We haven't connected for {check_ins} we planned, and that's alright.",
            "{check_ins} we agreed on went by quietly, and that's fine too.",
        ),
        (MoveKind.ACKNOWLEDGE, "not_started"): (
            "Getting {action} going hasn't happened yet, and that's okay. Starting is often the "
            "hardest part.",
            "{action} hasn't got off the ground yet, and that's alright. First steps are often "
            "the trickiest.",
            "It's okay that {action} hasn't started yet. Beginnings can take a little time.",
        ),
        (MoveKind.ACKNOWLEDGE, "reason"): (
            "You mentioned {quote}, and that's a real obstacle.",
            "You told me about {quote}. That's a genuine obstacle, and it makes sense that it got "
            "in the way.",
            "You told me: {said} That's understandable, and I'm glad you said so.",
        ),
        (MoveKind.ACKNOWLEDGE, "fear"): (
            "You told me: {said} That fear makes sense, and it deserves to be taken seriously.",
            "You shared this with me: {said} It makes sense to feel that way, and I take it "
            "seriously.",
            "I remember you saying: {said} That worry is understandable, and you don't have to "
            "face it alone.",
        ),
        (MoveKind.ACKNOWLEDGE, "sliding"): (
            "{action} has been a bit harder to keep up over the past couple of weeks.",
            "Keeping {action} going seems to have taken more effort these past two weeks.",
            "It looks like the last couple of weeks have made {action} tougher to keep up.",
        ),
        (MoveKind.ACKNOWLEDGE, ""): (
            "I hear you.",
            "Thank you for letting me know.",
            "I'm listening, and I'm glad you told me.",
        ),
        (MoveKind.AFFIRM, "honesty"): (
            "Thank you for telling me honestly that {action} didn't happen. That kind of honesty "
            "is what makes this work.",
            "I appreciate you letting me know that {action} didn't happen. Being open like that "
            "helps us both.",
            "Thanks for being straight with me about {action}. Honest updates are what keep this "
            "working.",
        ),
        (MoveKind.AFFIRM, "candour"): (
            "Thank you for being honest about what feels doable right now.",
            "I appreciate you telling me plainly what feels manageable at the moment.",
            "It helps a lot to know what feels realistic for you right now, so thank you.",
        ),
        (MoveKind.AFFIRM, "growth"): (
            "You're asking for more ({action}), and that says a lot about how far you've come.",
            "Wanting to step up to {action} shows how much you've grown.",
            "You're ready to stretch to {action}, and that's a sign of real progress.",
        ),
        (MoveKind.AFFIRM, ""): (
            "I appreciate you staying in this with me.",
            "Thank you for sticking with this.",
            "I'm glad we're still working on this together.",
        ),
        (MoveKind.CELEBRATE, "reported"): (
            "You said: {said} {praise}",
            "In your words: {said} {praise}",
            "Here's what you shared: {said} {praise}",
        ),
        (MoveKind.CELEBRATE, "streak"): (
            "Look at that: {action} {count} {unit} in a row. That consistency is something to "
            "be proud of.",
            "That's {count} {unit} in a row for {action}. Keeping that up takes real commitment.",
            "You've kept up {action} for {count} {unit} straight. That kind of steadiness adds up.",
        ),
        (MoveKind.CELEBRATE, "comeback"): (
            "You got back to {action} {after}. Coming back is often the hardest part, and you did "
            "it.",
            "You picked {action} up again {after}. Returning takes courage, and you showed it.",
            "Welcome back to {action} {after}! Restarting is no small thing.",
        ),
        (MoveKind.CELEBRATE, "momentum"): (
            "Your momentum with {action} is building again. Nice work.",
            "{action} is gathering pace again. Well done.",
            "You're finding your rhythm with {action} again, and it shows.",
        ),
        (MoveKind.CELEBRATE, "outcome"): (
            "Your {what}. That's real progress!",
            "Look at this: your {what}. That's a real step forward!",
            "Your {what}, and that shows how far you've come!",
        ),
        (MoveKind.CELEBRATE, ""): (
            "{what}. That's worth celebrating!",
            "{what}. Well done, that's something to be glad about!",
            "{what}. I'm really happy for you!",
        ),
        (MoveKind.REMIND_WHY, ""): (
            "When you started, you told me why this matters to you: {said}",
            "It's worth remembering what you told me at the start: {said}",
            "In your own words, this is why it matters: {said}",
        ),
        (MoveKind.SURFACE_PLAN, ""): (
            "You made a plan for exactly this: {plan} Would it help to lean on it this week?",
            "You already have a plan for this moment: {plan} Would it be useful to put it to work "
            "this week?",
            "This is the situation you planned for: {plan} How would it feel to try it this week?",
        ),
        (MoveKind.OPEN_QUESTION, "what_got_in_the_way"): (
            "What got in the way?",
            "What made it hard this time?",
            "What came up that made it tricky?",
        ),
        (MoveKind.OPEN_QUESTION, "what_would_help"): (
            "What would make it a little easier this week?",
            "What could make this week a bit smoother for you?",
            "What would help most right now?",
        ),
        (MoveKind.OPEN_QUESTION, "reconnect"): (
            "How have things been for you lately?",
            "How are you doing these days?",
            "What's been going on for you lately?",
        ),
        (MoveKind.OPEN_QUESTION, "first_step"): (
            "What would a first step look like that feels small enough to actually try?",
            "What's the smallest first step you could see yourself taking?",
            "Where would you like to begin, in a way that feels easy to try?",
        ),
        (MoveKind.OPEN_QUESTION, "make_it_workable"): (
            "What would make {step} workable for you this week?",
            "What would help {step} fit into your week?",
            "How could we shape {step} so it works for you this week?",
        ),
        (MoveKind.OPEN_QUESTION, "keep_it_up"): (
            "What will help you keep this going?",
            "What's working for you that you'd like to hold on to?",
            "How would you like to build on this?",
        ),
        (MoveKind.OPEN_QUESTION, ""): (
            "What's on your mind about this?",
            "What are your thoughts on this?",
            "How are you feeling about this?",
        ),
        (MoveKind.OFFER_SMALLER_STEP, "setback"): (
            "Would it help to scale things down while you recover, for example {step} instead "
            "of {action}?",
            "While you get back on your feet, would {step} feel more manageable than {action}?",
            "Would easing off for now help, with {step} in place of {action}?",
        ),
        (MoveKind.OFFER_SMALLER_STEP, "first_step"): (
            "What if the first step were tiny, like {step}? Or anything else small enough to "
            "actually try.",
            "Would a very small start help, such as {step}? Anything that feels easy to try "
            "counts.",
            "Would starting tiny feel better, say with {step}? Whatever feels doable is a good "
            "beginning.",
        ),
        (MoveKind.OFFER_SMALLER_STEP, ""): (
            "Would a smaller step help for now, for example {step} instead of {action}? We can "
            "build back up from there.",
            "Would it feel better to scale back to {step} for a while, instead of {action}? "
            "There's room to build up again later.",
            "What would you think of {step} instead of {action} for now? We can grow it again once "
            "it feels steady.",
        ),
        (MoveKind.ASK_RECOMMITMENT, "smallest_step"): (
            "If it fits, one option is to hold steady at {step} rather than change it again. Are "
            "you willing to do it by {by}?",
            "Could we keep {step} as it is for now, rather than change it again? Would you be up "
            "for doing it by {by}?",
            "Rather than change {step} again, would you like to keep it steady? Are you up for "
            "doing it by {by}?",
        ),
        (MoveKind.ASK_RECOMMITMENT, "own_commitment"): (
            "{step} was the step you chose. Are you willing to commit to it again by {by}?",
            "You picked {step} yourself. Would you like to recommit to it by {by}?",
            "{step} is the step you set for yourself. Are you up for giving it another go by {by}?",
        ),
        (MoveKind.ASK_RECOMMITMENT, "check_in"): (
            "Could you send me a quick check-in by {by}, even just a line?",
            "Would you be up for a short check-in by {by}? A line or two is plenty.",
            "Could we catch up with a quick check-in by {by}? A few words would be great.",
        ),
        (MoveKind.ASK_RECOMMITMENT, ""): (
            "Are you willing to commit to {step} again by {by}?",
            "Would you like to recommit to {step} by {by}?",
            "Are you up for {step} again by {by}?",
        ),
        (MoveKind.CHALLENGE, ""): (
            "I know this is hard, and I also know staying stuck isn't what you want. What's one "
            "step toward {action} you'll take by {by}?",
            "This has been a tough stretch, and I believe you can move it forward. What's one "
            "small thing you'll do toward {action} by {by}?",
            "It's been hard going, and I know you want more than standing still. Which step "
            "toward {action} are you willing to take by {by}?",
        ),
        (MoveKind.INVITE_PEER, ""): (
            "Would it help to check in with your accountability buddy this week?",
            "How would it feel to loop in your accountability buddy this week?",
            "Would a check-in with your buddy be useful this week?",
        ),
        (MoveKind.EMPHASISE_AUTONOMY, "open_door"): (
            "No pressure at all. The door is open whenever you want to pick this up again, and "
            "I'll be glad to hear from you.",
            "There's no rush. Whenever you feel like picking this back up, I'm here and happy to "
            "hear from you.",
            "Take the time you need. If and when you want to come back to this, send me a line "
            "and we'll go from there.",
        ),
        (MoveKind.EMPHASISE_AUTONOMY, "crisis"): (
            "Whenever you're ready, we can pick things up again at whatever pace feels right to "
            "you.",
            "When the time feels right, we can start again at a pace that suits you.",
            "There's no timetable here; we'll pick things back up when you're ready, at your pace.",
        ),
        (MoveKind.EMPHASISE_AUTONOMY, "first_step"): (
            "You get to decide the pace.",
            "The pace is yours to set.",
            "How quickly to go is up to you.",
        ),
        (MoveKind.EMPHASISE_AUTONOMY, "their_idea"): (
            "This was your idea, and it's a good one.",
            "You came up with this yourself, and I think it's a strong plan.",
            "It's your plan, and I like it.",
        ),
        (MoveKind.EMPHASISE_AUTONOMY, ""): (
            "It's your call, and I'm with you either way.",
            "You decide what's right here, and I'll support you whichever way you go.",
            "The choice is yours, and I'm in your corner.",
        ),
    }
)
"""The default voice's wordings: for each ``(MoveKind, topic)``, its variants in rotation order.

Topic ``""`` is the wording for a topic without its own. Read them out loud,
or start a coach's own file from them.

>>> WORDINGS[(MoveKind.OPEN_QUESTION, "what_got_in_the_way")][0]
'What got in the way?'
"""

PRAISE: Final[Mapping[WinSize, tuple[str, ...]]] = MappingProxyType(
    {
        WinSize.SMALL: (
            "That's worth celebrating.",
            "Small steps like that add up.",
            "That counts, and it's worth noticing.",
        ),
        WinSize.BIG: (
            "That's a big deal. Well done!",
            "That's a real achievement.",
            "That's huge, and you made it happen.",
        ),
        WinSize.MILESTONE: (
            "What a milestone!",
            "That's a milestone worth marking.",
            "Look how far you've come.",
        ),
    }
)
"""Praise by the size of a win, in rotation order, filling ``{praise}``.

Two wins of one size in one message are praised in different words.

>>> PRAISE[WinSize.BIG][0]
"That's a big deal. Well done!"
"""
