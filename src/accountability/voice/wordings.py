"""The built-in English voice's words, as data, in three registers: what `EnglishVoice` says.

Nothing here but text. The voice speaks in the register of the client's
agreement (`Directness`): `GENTLE_WORDINGS` validate more and ask softly,
`WORDINGS` (balanced) are plain and warm, and `DIRECT_WORDINGS` are short
and plain, naming the facts and the ask. `REGISTERS` maps each register to
its table. Each table has the same ``(MoveKind, topic)`` keys, each with
three to seven variants (the frequent moves have the most); the voice picks
one by a stable checksum of the move and passes over any whose sentences
the client's recent messages already hold (`accountability.voice.english`).
Braces hold the placeholders listed in `accountability.voice.PLACEHOLDERS`.

The test suite holds every wording here to the library's promises: each
passes the tone review and the MI audit and uses only known placeholders;
no sentence is shared by two wordings of one register, so a sentence seen
in an earlier follow-up points at exactly one wording; a wording of a move
that asks (an open question, a smaller step, a recommitment, a challenge,
a buddy) holds exactly one question mark, and every other wording none, so
a follow-up asks one question at most. Change the words here, and the
tests say whether they still keep those promises.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from accountability.policy.followup import MoveKind
from accountability.record.model import Directness, WinSize

__all__ = ["DIRECT_WORDINGS", "GENTLE_WORDINGS", "PRAISE", "REGISTERS", "WORDINGS"]

WORDINGS: Final[Mapping[tuple[MoveKind, str], tuple[str, ...]]] = MappingProxyType(
    {
        (MoveKind.HOLD_SPACE, ""): (
            "You and the people you love come first right now. There is nothing you need to do "
            "for our work, and I'm here whenever you want to talk.",
            "Right now, looking after yourself and the people close to you matters most. Our work "
            "can wait, and I'm here if you'd like to talk.",
            "I'm thinking of you. Our plans will keep for as long as you need, and you can reach "
            "me whenever it would help.",
            "There's nothing to catch up on here. I'm a message away if you want me.",
        ),
        (MoveKind.ACKNOWLEDGE, "setback"): (
            "Thank you for telling me what's going on: {said} That sounds really hard, and I'm "
            "sorry you're going through it.",
            "I'm sorry to hear this: {said} That's a lot to carry, and I'm glad you let me know.",
            "Thank you for sharing this with me: {said} I'm sorry things are so hard right now.",
            "I'm sorry you're dealing with this: {said} It makes sense that things have to give "
            "for a while.",
        ),
        (MoveKind.ACKNOWLEDGE, "crisis"): (
            "I'm so sorry about what you're going through.",
            "I was very sorry to hear your news. There are no words that fit something like this.",
            "What you're facing sounds devastating, and I'm so sorry.",
            "I'm deeply sorry. Thank you for letting me know what happened.",
        ),
        (MoveKind.ACKNOWLEDGE, "after_crisis"): (
            "I've been thinking of you {since}, after everything that happened.",
            "You've been on my mind {since}. What you went through was so hard.",
            "It's been {days} since you told me your news, and I've thought of you often.",
        ),
        (MoveKind.ACKNOWLEDGE, "silence"): (
            "It's been {days} since I last heard from you, and that's okay. Life gets full.",
            "I haven't heard from you in {days}, and that's fine. I know things get busy.",
            "It's been {days} since your last message. I hope you're doing alright.",
            "It's been quiet for {days}, and I wanted to say hello.",
            "I've missed hearing from you: it's been {days}. No need to explain.",
        ),
        (MoveKind.ACKNOWLEDGE, "silence_in_grace"): (
            "It's been {days} since I last heard from you, and I know you've had a lot to carry.",
            "I haven't heard from you in {days}. With everything you're carrying, that makes "
            "sense.",
            "No message from you for {days}, and I imagine your hands have been full. That's okay.",
        ),
        (MoveKind.ACKNOWLEDGE, "lapse"): (
            "It looks like there hasn't been room for {habit} {since}. That happens, and it "
            "doesn't erase what you've built.",
            "I noticed a gap in {habit} {since}. That's part of building any habit.",
            "It seems it's been hard to fit in {habit} {since}. Slips like this are normal, and "
            "they don't undo your work.",
            "There's been a gap in {habit} {since}. The progress you made before still counts.",
            "It looks like things got in the way of {habit} {since}. Every habit has stretches "
            "like that.",
        ),
        (MoveKind.ACKNOWLEDGE, "long_lapse"): (
            "It's been {days} without {habit}.",
            "There's been no sign of {habit} for {days}.",
            "For {days} now, there hasn't been room for {habit}.",
            "I want to be honest with you: it's been {days} since {habit} last happened.",
        ),
        (MoveKind.ACKNOWLEDGE, "single_miss"): (
            "One miss after a run of {count} is a blip, nothing more.",
            "A single miss in a long run of {habit} barely registers.",
            "After {count} in a row, one miss is just a pause.",
        ),
        (MoveKind.ACKNOWLEDGE, "missed_check_ins"): (
            "I haven't heard from you for {check_ins} we agreed on, and that's okay.",
            "I didn't get {check_ins} we planned, and that's alright.",
            "{check_ins} we agreed on went by quietly, and that's fine too.",
        ),
        (MoveKind.ACKNOWLEDGE, "not_started"): (
            "You haven't started {habit} yet, and that's okay. Starting is often the hardest part.",
            "It hasn't been possible to get going with {habit} yet, and that's alright. First "
            "steps are often the trickiest.",
            "It's okay that you haven't begun {habit} yet. Beginnings can take a little time.",
        ),
        (MoveKind.ACKNOWLEDGE, "reason"): (
            "You mentioned {quote}, and that's a real obstacle.",
            "You told me about {quote}. That's a genuine obstacle, and it makes sense that it got "
            "in the way.",
            "You told me: {said} That's understandable, and I'm glad you said so.",
            "Thanks for explaining: {said} That would make anyone's week harder.",
        ),
        (MoveKind.ACKNOWLEDGE, "fear"): (
            "You told me: {said} That fear makes sense, and it deserves to be taken seriously.",
            "You shared this with me: {said} It makes sense to feel that way, and I take it "
            "seriously.",
            "I remember you saying: {said} That worry is understandable, and you don't have to "
            "face it alone.",
        ),
        (MoveKind.ACKNOWLEDGE, "doubt"): (
            "You said {quote}, and that's an honest thing to say. It makes sense to feel unsure.",
            "It sounds like you're unsure right now: {said} That's a very human place to be.",
            "I hear the doubt in {quote}. Feeling that way is part of any real change.",
            "Thank you for being honest: {said} Doubt shows up for everyone who's stretching.",
        ),
        (MoveKind.ACKNOWLEDGE, "busy"): (
            "That sounds like a demanding week: {said} No wonder other things had to give.",
            "You've had a lot on: {said} That's a full week by any measure.",
            "Thanks for the heads-up: {said} It makes sense that other things took a back seat.",
            "A week like that takes everything: {said} I'm glad you told me.",
        ),
        (MoveKind.ACKNOWLEDGE, "obstacle"): (
            "You named a real obstacle: {said} That's useful to know.",
            "So this is what's been in the way: {said} Thanks for spelling it out.",
            "That's a genuine roadblock: {said} Naming it is the first step to getting around it.",
        ),
        (MoveKind.ACKNOWLEDGE, "insight"): (
            "That's a real insight: {said} You've noticed something important about how this "
            "works for you.",
            "You put your finger on something: {said} That's worth holding on to.",
            "I love that you noticed this: {said} It says a lot about how well you know yourself.",
        ),
        (MoveKind.ACKNOWLEDGE, "motivation"): (
            "I can hear what's driving you: {said} That's a strong reason to keep going.",
            "That's what matters to you: {said} It comes through clearly.",
            "Thank you for sharing what moves you: {said} It's a good thing to come back to.",
        ),
        (MoveKind.ACKNOWLEDGE, "check_in"): (
            "Thanks for checking in.",
            "Always good to hear from you.",
            "Thanks for the check-in: {said} I appreciate you keeping me posted.",
            "Got your check-in, thank you.",
            "Thank you for the update: {said} It's good to know where things stand.",
            "Nice to get your check-in. Thanks for staying in touch.",
            "I read your check-in: {said} Thanks for sharing it.",
        ),
        (MoveKind.ACKNOWLEDGE, "rest"): (
            "Rest is the plan until {by}. {habit} will be there when you're ready.",
            "For now, healing comes first, so we'll pause {habit} until {by}.",
            "Resting really is the right answer until {by}. Nothing else is needed from you.",
        ),
        (MoveKind.ACKNOWLEDGE, "renegotiation"): (
            "From {by}, we'll go with {step}.",
            "Agreed: starting {by}, the plan is {step}.",
            "Your new plan, {step}, starts on {by}.",
        ),
        (MoveKind.ACKNOWLEDGE, "sliding"): (
            "It's taken more effort to keep up {habit} over the past couple of weeks.",
            "The last couple of weeks have made {habit} tougher to keep up.",
            "It looks like it's been harder to stay with {habit} these past two weeks.",
        ),
        (MoveKind.ACKNOWLEDGE, ""): (
            "I hear you.",
            "Thank you for letting me know.",
            "I'm listening, and I'm glad you told me.",
            "Thanks for keeping me in the loop.",
            "Good to hear from you, and thank you for writing.",
        ),
        (MoveKind.AFFIRM, "honesty"): (
            "Thank you for telling me honestly that {habit} didn't happen. That kind of honesty "
            "is what makes this work.",
            "I appreciate you letting me know about {habit}. Being open like that helps us both.",
            "Thanks for being straight with me about {habit}. Honest updates are what keep this "
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
        (MoveKind.AFFIRM, "showing_up"): (
            "You've kept checking in even when it was hard, and that matters.",
            "Telling me how things really are, even on hard weeks, is what makes this work.",
            "You show up and tell the truth, even when it's uncomfortable. I notice that.",
        ),
        (MoveKind.AFFIRM, ""): (
            "I appreciate you staying in this with me.",
            "Thank you for sticking with this.",
            "I'm glad we're still working on this together.",
            "Your commitment to this shows.",
            "It means a lot that you're still putting in the effort.",
        ),
        (MoveKind.CELEBRATE, "reported"): (
            "You said: {said} {praise}",
            "In your words: {said} {praise}",
            "Here's what you shared: {said} {praise}",
            "What great news: {said} {praise}",
            "I loved reading this: {said} {praise}",
        ),
        (MoveKind.CELEBRATE, "streak"): (
            "Look at that: {count} {unit} in a row for {habit}. That consistency is something to "
            "be proud of.",
            "That's {count} {unit} in a row. Keeping that up takes real commitment.",
            "You've shown up for {habit} {count} {unit} straight. That kind of steadiness adds up.",
            "{count} {unit} without a break. Nicely done.",
            "A streak of {count} {unit}! You're building something real.",
        ),
        (MoveKind.CELEBRATE, "comeback"): (
            "You got back to {habit} {after}. Coming back is often the hardest part, and you did "
            "it.",
            "You came back to {habit} {after}. Returning takes courage, and you showed it.",
            "Welcome back to {habit} {after}! Restarting is no small thing.",
            "You're back {after}, and that restart counts for a lot.",
            "Back on track with {habit} {after}. That took something, and it shows.",
        ),
        (MoveKind.CELEBRATE, "momentum"): (
            "Your momentum with {habit} is building again. Nice work.",
            "You're finding your rhythm with {habit} again, and it shows.",
            "Things are picking up with {habit} again, and that's great to see.",
            "There's real movement with {habit} lately. That's good to see.",
            "You've built up steam with {habit} again.",
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
            "You once put it like this: {said}",
        ),
        (MoveKind.SURFACE_PLAN, ""): (
            "You made a plan for exactly this: {plan} It's there for you this week.",
            "You already have a plan for this moment: {plan} This looks like the week it was made "
            "for.",
            "This is the situation you planned for: {plan} Your own idea, ready when you are.",
        ),
        (MoveKind.OPEN_QUESTION, "what_got_in_the_way"): (
            "What got in the way?",
            "What made it hard this time?",
            "What came up that made it tricky?",
            "What stood in the way this time?",
            "What do you think made it harder lately?",
        ),
        (MoveKind.OPEN_QUESTION, "what_would_help"): (
            "What would make it a little easier this week?",
            "What could make this week a bit smoother for you?",
            "What would help most right now?",
            "What's one thing that would make it easier?",
            "What support would make a difference this week?",
        ),
        (MoveKind.OPEN_QUESTION, "reconnect"): (
            "How have things been for you lately?",
            "How are you doing these days?",
            "What's been going on for you lately?",
            "How's life treating you?",
            "What's the latest with you?",
        ),
        (MoveKind.OPEN_QUESTION, "how_are_you"): (
            "How are you doing?",
            "How are you holding up?",
            "How have you been?",
            "How are things for you now?",
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
            "What's helped most so far?",
            "What would you like to keep doing from this week?",
        ),
        (MoveKind.OPEN_QUESTION, "doubt"): (
            "What would make it feel more doable?",
            "What would need to change for this to feel possible?",
            "If it felt a bit easier, what would be different?",
            "What part feels hardest to keep up?",
        ),
        (MoveKind.OPEN_QUESTION, "build_plan"): (
            "If that happens again, what could you do instead?",
            "Next time that gets in the way, what's one thing you could do?",
            "If it comes up again, what would you like your plan to be?",
        ),
        (MoveKind.OPEN_QUESTION, "insight"): (
            "What would you like to do with that?",
            "How might you use that going forward?",
            "Where could that take you next?",
        ),
        (MoveKind.OPEN_QUESTION, "another_way"): (
            "Would you like to find another way to serve your goal while you rest, or is rest the "
            "plan for now?",
            "Is rest the whole plan for now, or would another way to work toward your goal feel "
            "good?",
            "While you heal, would another way toward your goal appeal to you, or would you rather "
            "simply rest?",
        ),
        (MoveKind.OPEN_QUESTION, "intention"): (
            "You said {quote}. How did it go?",
            "You planned {quote}. How did that go?",
            "Last time you said {quote}. How did it turn out?",
        ),
        (MoveKind.OPEN_QUESTION, "goal_itself"): (
            "Is this goal still important to you right now, or would pausing it, changing it or "
            "talking it through on a call help more?",
            "Does this goal still matter to you at the moment, or would a pause, a change or a "
            "conversation on a call serve you better?",
            "Where does this goal stand for you now: still important, or ready to be paused, "
            "changed or talked through on a call?",
        ),
        (MoveKind.OPEN_QUESTION, "what_changed"): (
            "What's changed since we last made it easier?",
            "Before we adjust again, what's been making it hard since the last change?",
            "What's happened since the last change that makes this feel like too much?",
        ),
        (MoveKind.OPEN_QUESTION, ""): (
            "What's on your mind about this?",
            "What are your thoughts on this?",
            "How are you feeling about this?",
            "What would you like to focus on next?",
            "Where do you want to take this?",
        ),
        (MoveKind.OFFER_SMALLER_STEP, "setback"): (
            "Would it help to scale things down while you recover, for example {step} instead "
            "of {action}?",
            "While you get back on your feet, would {step} feel more manageable than {action}?",
            "Would easing off for now help, with {step} in place of {action}?",
        ),
        (MoveKind.OFFER_SMALLER_STEP, "adjust_week"): (
            "Would it help to lighten this week, say to {step}?",
            "With a week like this, would a lighter version like {step} suit you better?",
            "Would it make sense to ease the load this week, maybe with {step}?",
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
            "Would it help to make it smaller for a while, say {step} rather than {action}? "
            "Building back up can come later.",
        ),
        (MoveKind.ASK_RECOMMITMENT, "smallest_step"): (
            "If it fits, one option is to hold steady at {step} rather than change it again. Are "
            "you willing to do it by {by}?",
            "If you're open to it, {step} could stay as it is for now. Would you be up for doing "
            "it by {by}?",
            "Rather than change {step} again, would you like to keep it steady and do it by {by}?",
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
            "Can you do {step} again by {by}?",
        ),
        (MoveKind.CHALLENGE, ""): (
            "I know this is hard, and I also know staying stuck isn't what you want. What's one "
            "step toward {habit} you'll take by {by}?",
            "This has been a tough stretch, and I believe you can move it forward. What's one "
            "small thing you'll do toward {habit} by {by}?",
            "It's been hard going, and I know you want more than standing still. Which step "
            "toward {habit} are you willing to take by {by}?",
            "You came here to move forward, and I believe you still can. What's one thing you'll "
            "do to get back to {habit} by {by}?",
        ),
        (MoveKind.INVITE_PEER, ""): (
            "Would it help to check in with your accountability buddy this week?",
            "How would it feel to loop in your accountability buddy this week?",
            "Would a check-in with your buddy be useful this week?",
            "Would your buddy be a good person to talk to this week?",
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
            "However you choose to go, I'm on your side.",
            "What you do next is up to you, and I'll back you.",
        ),
    }
)
"""The balanced register's wordings: for each ``(MoveKind, topic)``, its variants in rotation order.

The default voice's words, and the ones a client who asked for nothing in
particular hears. Topic ``""`` is the wording for a topic without its own.
Read them out loud, or start a coach's own file from them.

>>> WORDINGS[(MoveKind.OPEN_QUESTION, "what_got_in_the_way")][0]
'What got in the way?'
"""

GENTLE_WORDINGS: Final[Mapping[tuple[MoveKind, str], tuple[str, ...]]] = MappingProxyType(
    {
        (MoveKind.HOLD_SPACE, ""): (
            "My thoughts are with you. Nothing we planned needs you right now; it will all keep.",
            "I'm holding you in my thoughts. What we planned can rest completely, for as long as "
            "you need.",
            "You matter far more than any plan. There's nothing to do here, and I'm here to listen "
            "whenever you'd like.",
            "I'm so sorry things are this heavy. Our work is on hold, without any timetable, and "
            "I'm here for you.",
        ),
        (MoveKind.ACKNOWLEDGE, "setback"): (
            "Thank you for trusting me with this: {said} I'm so sorry. That sounds incredibly "
            "hard, and you don't have to carry it alone.",
            "I'm really sorry: {said} Whatever you're feeling about it makes sense, and I'm glad "
            "you told me.",
            "That sounds so hard: {said} I'm sending you care, and I'm grateful you let me know.",
            "I'm sorry this is happening: {said} You deserve the same gentleness you'd give a "
            "friend right now.",
        ),
        (MoveKind.ACKNOWLEDGE, "crisis"): (
            "I'm so very sorry for what you're going through. My heart goes out to you.",
            "I was heartbroken to hear your news. You are in my heart.",
            "There's nothing I can say that makes this easier, and I'm so sorry.",
            "I'm so sorry. Please know I'm thinking of you.",
        ),
        (MoveKind.ACKNOWLEDGE, "after_crisis"): (
            "I've been holding you in my thoughts {since}. What happened was so painful, and "
            "there's no rush about anything.",
            "You've been in my heart {since}. I know these weeks have been so hard.",
            "It's been {days} since your news, and I've been thinking of you with so much care.",
        ),
        (MoveKind.ACKNOWLEDGE, "silence"): (
            "It's been {days} since I last heard from you, and that's completely okay. I'm just "
            "glad to say hello.",
            "I haven't heard from you in {days}, and there's no pressure in that. I've simply been "
            "thinking of you.",
            "It's been {days} since your last message, and I hope life has been kind to you.",
            "A gentle hello after {days} of quiet. Wherever you are with things, it's okay.",
            "I've been wondering how you are; it's been {days} since you last wrote.",
        ),
        (MoveKind.ACKNOWLEDGE, "silence_in_grace"): (
            "It's been {days} since I heard from you, and with all you're carrying, that's "
            "completely understandable.",
            "I haven't heard from you in {days}, and I understand. You've had so much on your "
            "plate.",
            "It's been quiet for {days}, which makes sense given everything. I'm still here for "
            "you.",
        ),
        (MoveKind.ACKNOWLEDGE, "lapse"): (
            "It looks like life made {habit} harder {since}, and that's completely human. What "
            "you've built is still there.",
            "I noticed there hasn't been much room for {habit} {since}. That happens to all of "
            "us, and it takes nothing away from you.",
            "It seems it's been a stretch to fit in {habit} {since}. That's okay, and it's so "
            "common.",
            "I see a little gap in {habit} {since}. Gaps are part of the rhythm, and your effort "
            "so far still matters.",
            "It looks like {habit} got squeezed out {since}. That happens to everyone, and it's "
            "okay.",
        ),
        (MoveKind.ACKNOWLEDGE, "long_lapse"): (
            "It's been {days} without {habit}, and I wanted to name it gently.",
            "I've noticed there's been no room for {habit} for {days}, and I wanted to say so "
            "kindly.",
            "It's been {days} since {habit} last happened, and I'm still right here with you.",
        ),
        (MoveKind.ACKNOWLEDGE, "single_miss"): (
            "One miss after {count} in a row is nothing to worry about; it's simply a breath in a "
            "long run.",
            "After such a steady run, one missed time is completely okay.",
            "A single miss doesn't change the lovely run you've had with {habit}.",
        ),
        (MoveKind.ACKNOWLEDGE, "missed_check_ins"): (
            "{check_ins} we agreed on passed quietly, and that's perfectly okay.",
            "I haven't had {check_ins} from you, and there's no pressure about that.",
            "I noticed {check_ins} didn't come through. That's okay; life fills up.",
        ),
        (MoveKind.ACKNOWLEDGE, "not_started"): (
            "You haven't found your way into {habit} yet, and that's completely fine. Beginnings "
            "take time.",
            "Getting started can feel like the biggest step, and it's okay that you're not there "
            "yet with {habit}.",
            "Not having started {habit} yet is so common, and it says nothing bad about you.",
        ),
        (MoveKind.ACKNOWLEDGE, "reason"): (
            "You shared {quote}, and that sounds genuinely hard. It makes complete sense that it "
            "got in the way.",
            "Thank you for telling me why: {said} Anyone would have found that tough.",
            "I hear you: {said} That's a real weight, and I'm glad you named it.",
        ),
        (MoveKind.ACKNOWLEDGE, "fear"): (
            "Thank you for sharing something so personal: {said} That fear is so understandable, "
            "and we'll go at a pace that feels safe.",
            "You told me: {said} That worry makes so much sense, and you won't face it alone.",
            "I remember your words: {said} Feeling that way is human, and it's safe to bring it "
            "here.",
        ),
        (MoveKind.ACKNOWLEDGE, "doubt"): (
            "Thank you for telling me how you really feel: {said} That doubt is so "
            "understandable, and it's safe to say it here.",
            "It sounds like things feel uncertain right now: {said} You're allowed to feel that "
            "way.",
            "I'm glad you shared {quote}. Doubt is a sign you care about getting this right.",
            "Your words stay with me: {said} Feeling unsure is completely human.",
        ),
        (MoveKind.ACKNOWLEDGE, "busy"): (
            "Oh, that sounds like so much: {said} Of course other things had to wait.",
            "What a week you're having: {said} I hope you can find a moment to breathe.",
            "Thank you for letting me know: {said} That's a lot to carry, and it's okay if some "
            "things slide.",
            "That's a heavy load: {said} You're doing what you can, and that's enough.",
        ),
        (MoveKind.ACKNOWLEDGE, "obstacle"): (
            "Thank you for naming what's in the way: {said} That sounds genuinely hard to work "
            "around.",
            "I can see why that's been tough: {said} It makes sense it's held things up.",
            "That's a real hurdle: {said} It's brave to look at it so honestly.",
        ),
        (MoveKind.ACKNOWLEDGE, "insight"): (
            "What a thoughtful thing to notice: {said} You're learning so much about yourself.",
            "That's beautifully observed: {said} It sounds like something really clicked.",
            "Thank you for sharing this discovery: {said} It matters, and so does the care behind "
            "it.",
        ),
        (MoveKind.ACKNOWLEDGE, "motivation"): (
            "It's lovely to hear what's moving you: {said} That's something truly worth caring "
            "about.",
            "Your words say so much about what matters to you: {said} I'm moved by it.",
            "That's a heartfelt reason: {said} It's a wonderful anchor for you.",
        ),
        (MoveKind.ACKNOWLEDGE, "check_in"): (
            "Thank you so much for checking in. It's always lovely to hear from you.",
            "I'm really glad you checked in: {said} Thank you for sharing how things are.",
            "Your check-in made my day. Thank you for staying connected.",
            "Thank you for your words: {said} I'm grateful you keep me in the loop.",
            "It's so good to hear from you. Thank you for taking a moment to write.",
            "I loved reading this: {said} Thank you for checking in.",
            "What a nice surprise to hear from you. I'm glad you're here.",
        ),
        (MoveKind.ACKNOWLEDGE, "rest"): (
            "Your body needs rest until {by}, and that's exactly what counts right now.",
            "Healing is the most important work until {by}. We'll gently set {habit} aside until "
            "then.",
            "Resting until {by} is the kindest thing for you now. {habit} can wait patiently.",
        ),
        (MoveKind.ACKNOWLEDGE, "renegotiation"): (
            "Thank you for shaping this with me. From {by}, {step} will be your new plan, and we "
            "can revisit it whenever you like.",
            "That sounds like a wise change. Starting {by}, we'll work with {step}.",
            "I'm glad we found something that fits. {step} begins on {by}.",
        ),
        (MoveKind.ACKNOWLEDGE, "sliding"): (
            "It seems the past couple of weeks have asked a lot of you, and there's been less "
            "room for {habit}.",
            "I've noticed it's been a bit harder to keep hold of {habit} lately, and that's okay.",
            "These last two weeks look like they've been heavier going for {habit}, which is so "
            "understandable.",
        ),
        (MoveKind.ACKNOWLEDGE, ""): (
            "I really hear you.",
            "Thank you so much for telling me.",
            "I'm here, and I'm listening.",
            "I'm grateful you shared that with me.",
            "It means a lot that you told me.",
        ),
        (MoveKind.AFFIRM, "honesty"): (
            "Thank you so much for your honesty about {habit}. It takes courage, and I really "
            "value it.",
            "I'm grateful you told me the truth about {habit}. That openness means a lot.",
            "It isn't easy to share a miss, and you did. Thank you for that.",
        ),
        (MoveKind.AFFIRM, "candour"): (
            "Thank you for telling me so honestly what feels possible right now. That's wise.",
            "It's really helpful to hear what feels manageable for you, and I'm grateful you said "
            "it.",
            "Knowing your limits right now is a strength, and thank you for sharing them.",
        ),
        (MoveKind.AFFIRM, "growth"): (
            "You want to stretch to {action}, and I'm so glad to see how far you've come.",
            "Reaching for {action} shows how much you've grown, and it's lovely to see.",
            "Asking for more, {action}, is a real sign of your progress.",
        ),
        (MoveKind.AFFIRM, "showing_up"): (
            "You've kept showing up and being honest, even through hard weeks, and that means so "
            "much.",
            "I'm touched by how honestly you've stayed in touch, even when it wasn't easy.",
            "Staying in touch when things are hard takes courage, and you've done it.",
        ),
        (MoveKind.AFFIRM, ""): (
            "I'm so grateful you're still here with this.",
            "Thank you for staying with it, even when it's hard.",
            "It's a privilege to work on this with you.",
            "You've put so much heart into this.",
            "I admire how you've come back to this again and again.",
        ),
        (MoveKind.CELEBRATE, "reported"): (
            "You shared this: {said} {praise} I'm so happy for you.",
            "Reading this made me smile: {said} {praise}",
            "Look at you: {said} {praise}",
            "This is wonderful news: {said} {praise}",
            "I'm beaming at this: {said} {praise}",
        ),
        (MoveKind.CELEBRATE, "streak"): (
            "What a lovely run: {count} {unit} in a row. I hope you're proud of yourself.",
            "You've stayed with {habit} for {count} {unit} straight, and it's wonderful to see.",
            "{count} {unit} in a row with {habit}! That steady care for yourself really shows.",
            "A streak of {count} {unit}. Every one of those took a choice, and you made it.",
            "Look how steady you've been: {count} {unit} without a gap.",
        ),
        (MoveKind.CELEBRATE, "comeback"): (
            "You found your way back to {habit} {after}, and I'm so happy to see it.",
            "Welcome back, {after}! Coming back like this takes real heart.",
            "It's wonderful to see you back with {habit} {after}.",
            "You returned {after}, and that's something to feel good about.",
            "Starting again {after} takes courage, and you found it.",
        ),
        (MoveKind.CELEBRATE, "momentum"): (
            "Your rhythm with {habit} is coming back, and it's lovely to watch.",
            "I can see your momentum with {habit} growing again. That's something to feel good "
            "about.",
            "Little by little, you're making room for {habit} again.",
            "It's so good to see {habit} gathering pace again.",
            "Your steady effort with {habit} is paying off again.",
        ),
        (MoveKind.CELEBRATE, "outcome"): (
            "Your {what}! What a lovely result.",
            "Your {what}. All your care is showing!",
            "Your {what}, and I'm thrilled for you!",
        ),
        (MoveKind.CELEBRATE, ""): (
            "{what}. How wonderful!",
            "{what}. I'm so glad for you!",
            "{what}. That's really something to celebrate!",
        ),
        (MoveKind.REMIND_WHY, ""): (
            "I keep coming back to what you told me at the start: {said}",
            "Your reason still moves me: {said}",
            "When you began, you shared this: {said}",
        ),
        (MoveKind.SURFACE_PLAN, ""): (
            "You thought ahead for a moment like this: {plan} It's there whenever you'd like it.",
            "You made a lovely plan for this: {plan} It's yours to use, or not.",
            "Past you prepared for this: {plan} That was wise.",
        ),
        (MoveKind.OPEN_QUESTION, "what_got_in_the_way"): (
            "What's been weighing on things lately?",
            "If you feel like sharing, what made it difficult?",
            "What's been going on that made it harder?",
            "What felt like it got in the way?",
            "What made it feel hard this time, if you'd like to say?",
        ),
        (MoveKind.OPEN_QUESTION, "what_would_help"): (
            "What would feel supportive for you this week?",
            "What might make things feel a little lighter?",
            "Is there anything that would make this gentler for you?",
            "What would help you feel more at ease with it?",
            "What kind of help would feel good right now?",
        ),
        (MoveKind.OPEN_QUESTION, "reconnect"): (
            "How are you, really?",
            "How have you been feeling lately?",
            "What's been on your heart these days?",
            "How are things with you?",
            "What has life been like for you lately?",
        ),
        (MoveKind.OPEN_QUESTION, "how_are_you"): (
            "How are you, truly?",
            "How are you feeling these days?",
            "How has it been for you?",
            "How are you holding up, if you feel like saying?",
        ),
        (MoveKind.OPEN_QUESTION, "first_step"): (
            "What's a first step so small it feels easy?",
            "What would feel like a gentle place to start?",
            "Where could you begin that feels comfortable?",
        ),
        (MoveKind.OPEN_QUESTION, "make_it_workable"): (
            "How could we gently shape {step} so it fits your life?",
            "What would make {step} feel doable for you?",
            "What would help {step} feel lighter this week?",
        ),
        (MoveKind.OPEN_QUESTION, "keep_it_up"): (
            "What's been helping you that you'd like to keep close?",
            "How would you like to carry this forward?",
            "What feels good about how it's going?",
            "What would help next week feel this good too?",
            "What do you want to remember from this?",
        ),
        (MoveKind.OPEN_QUESTION, "doubt"): (
            "What would help this feel a little more possible for you?",
            "What could make it feel lighter?",
            "What would help you feel more sure of yourself here?",
            "What might help it feel within reach?",
        ),
        (MoveKind.OPEN_QUESTION, "build_plan"): (
            "If that shows up again, what might you like to do instead?",
            "If this comes around again, what would feel like a kind way through it?",
            "Next time it shows up, what would help you most?",
        ),
        (MoveKind.OPEN_QUESTION, "insight"): (
            "What would you like to do with what you've noticed?",
            "How would you like to carry that with you?",
            "What does that make possible for you?",
        ),
        (MoveKind.OPEN_QUESTION, "another_way"): (
            "Would another gentle way toward your goal feel good while you heal, or would you "
            "rather just rest?",
            "Would you like to explore a different way to care for your goal for now, or is "
            "resting enough?",
            "Is resting all you want right now, or would something else for your goal feel nice?",
        ),
        (MoveKind.OPEN_QUESTION, "intention"): (
            "You mentioned {quote}. How did it feel?",
            "I've been wondering about {quote}. How did it go for you?",
            "You shared {quote}. How was it?",
        ),
        (MoveKind.OPEN_QUESTION, "goal_itself"): (
            "I'd love to check in about the goal itself: does it still feel important to you, or "
            "would pausing it, changing it or talking on a call feel better?",
            "How does this goal feel to you now: still important, or would a pause, a change or a "
            "call together help?",
            "Is this goal still something you want right now, or would it feel kinder to pause "
            "it, change it or talk it through together on a call?",
        ),
        (MoveKind.OPEN_QUESTION, "what_changed"): (
            "I'd love to understand a little more first: what's been feeling hard since we last "
            "eased things?",
            "What's been going on since the last change, so we can find what truly helps?",
            "What has felt different since we made it lighter last time?",
        ),
        (MoveKind.OPEN_QUESTION, ""): (
            "How are you feeling about all this?",
            "What's on your heart about it?",
            "What feels important to you right now?",
            "What would you like me to know?",
            "How does this sit with you?",
        ),
        (MoveKind.OFFER_SMALLER_STEP, "setback"): (
            "Would it feel kinder to scale things down for now, maybe to {step} instead of "
            "{action}?",
            "While you recover, would {step} feel gentler than {action}?",
            "Would a softer version like {step} feel better while you get back on your feet?",
        ),
        (MoveKind.OFFER_SMALLER_STEP, "adjust_week"): (
            "Would it feel kinder to lighten this week, perhaps to {step}?",
            "Would a gentler week, with just {step}, feel better?",
            "Could we make this week lighter for you, with {step}?",
        ),
        (MoveKind.OFFER_SMALLER_STEP, "first_step"): (
            "Would a tiny start, like {step}, feel comfortable?",
            "Could we begin really small, with something like {step}?",
            "Would {step} feel like a gentle way in?",
        ),
        (MoveKind.OFFER_SMALLER_STEP, ""): (
            "Would a smaller step feel kinder for now, like {step} instead of {action}? We can "
            "grow it again whenever you're ready.",
            "Would it help to ease off to {step} for a while, instead of {action}? There's no "
            "rush to go back up.",
            "How would {step} feel for now, in place of {action}? We can always build again later.",
            "Could {step} be a gentler fit than {action} right now? Growing it back can come "
            "later.",
        ),
        (MoveKind.ASK_RECOMMITMENT, "smallest_step"): (
            "If it feels right, {step} can stay just as it is. Would doing it by {by} feel okay?",
            "Would you feel comfortable keeping {step} steady for now, and doing it by {by}?",
            "If you're open to it, {step} could stay the same for a while. How would doing it by "
            "{by} feel?",
        ),
        (MoveKind.ASK_RECOMMITMENT, "own_commitment"): (
            "{step} was your own choice, and a good one. Would you like to give it another go by "
            "{by}?",
            "You chose {step} yourself. Would you like to come back to it by {by}?",
            "{step} is the step you picked. Would you feel ready to return to it by {by}?",
        ),
        (MoveKind.ASK_RECOMMITMENT, "check_in"): (
            "Would you feel up to a little check-in by {by}? Even one line would be lovely.",
            "Could you send me a few words by {by}, whenever it feels okay?",
            "When you have a moment before {by}, would you drop me a line?",
        ),
        (MoveKind.ASK_RECOMMITMENT, ""): (
            "Would you like to give {step} another go by {by}?",
            "How would you feel about {step} again by {by}?",
            "Would {step} by {by} feel doable?",
        ),
        (MoveKind.CHALLENGE, ""): (
            "I know this has been hard, and I believe in you. What's one small step toward "
            "{habit} you'd be willing to take by {by}?",
            "Things have felt stuck, and you deserve to move forward. What's one gentle step "
            "toward {habit} that feels possible by {by}?",
            "This has been a long stretch, and I still see what you're capable of. What's one "
            "thing you'd like to do to return to {habit} by {by}?",
        ),
        (MoveKind.INVITE_PEER, ""): (
            "Would it feel nice to reach out to your buddy this week?",
            "How would a friendly word with your buddy feel this week?",
            "Would sharing this with your buddy feel supportive?",
        ),
        (MoveKind.EMPHASISE_AUTONOMY, "open_door"): (
            "There's no pressure, truly. Whenever you'd like to come back to this, I'll be here "
            "with open arms.",
            "Take all the time you need; I'm here whenever you're ready.",
            "This will keep for as long as you need, and so will I.",
        ),
        (MoveKind.EMPHASISE_AUTONOMY, "crisis"): (
            "Whenever you're ready, and only then, we'll find our way back at your pace.",
            "There's no timeline at all; we'll come back to this gently, when it feels right to "
            "you.",
            "Your pace is the only pace that matters here.",
        ),
        (MoveKind.EMPHASISE_AUTONOMY, "first_step"): (
            "You can go as slowly as feels right.",
            "There's no rush at all; the pace is entirely yours.",
            "Whatever speed feels kind to you is the right one.",
        ),
        (MoveKind.EMPHASISE_AUTONOMY, "their_idea"): (
            "This came from you, and I love it.",
            "It's your idea, and a lovely one.",
            "You thought of this yourself, and it suits you.",
        ),
        (MoveKind.EMPHASISE_AUTONOMY, ""): (
            "Whatever you decide, I'm right here beside you.",
            "It's entirely your choice, and I'll support you either way.",
            "You know best what works for you, and I trust that.",
            "There's no wrong answer here; it's up to you.",
            "You're in charge of this, and I'm cheering you on.",
        ),
    }
)
"""The gentle register's wordings, for clients who asked to be spoken to softly.

The same moves and topics as `WORDINGS`, in other words: more validation,
softer asks, more room.

>>> GENTLE_WORDINGS[(MoveKind.EMPHASISE_AUTONOMY, "")][0]
"Whatever you decide, I'm right here beside you."
"""

DIRECT_WORDINGS: Final[Mapping[tuple[MoveKind, str], tuple[str, ...]]] = MappingProxyType(
    {
        (MoveKind.HOLD_SPACE, ""): (
            "Our work is on hold. Nothing is needed from you, and I'm here if you want to talk.",
            "Everything we planned can wait, and I'm here whenever you want to write.",
            "Nothing to do here for now. Your people come first, and I'm around if you need me.",
            "The plan is paused, for as long as you need. I'm here.",
        ),
        (MoveKind.ACKNOWLEDGE, "setback"): (
            "Thanks for telling me: {said} I'm sorry. That's a lot.",
            "Sorry to hear it: {said} That's hard, and it changes things for now.",
            "Got it: {said} I'm sorry you're dealing with that.",
            "Thank you for the heads-up: {said} I'm sorry, that sounds rough.",
        ),
        (MoveKind.ACKNOWLEDGE, "crisis"): (
            "I'm very sorry about what happened.",
            "I'm so sorry to hear your news.",
            "That's terrible news, and I'm sorry.",
        ),
        (MoveKind.ACKNOWLEDGE, "after_crisis"): (
            "I've thought about you {since}. That was a hard time.",
            "It's been {days} since your news. I've kept you in mind.",
            "You've been on my mind {since}, after what happened.",
        ),
        (MoveKind.ACKNOWLEDGE, "silence"): (
            "I haven't heard from you in {days}.",
            "It's been {days} since your last message.",
            "No word from you for {days}, so I'm checking in.",
            "{days} without a message from you.",
            "Quick hello: it's been {days} since you last wrote.",
        ),
        (MoveKind.ACKNOWLEDGE, "silence_in_grace"): (
            "It's been {days} since I heard from you. Given everything, that's understandable.",
            "No message for {days}, which makes sense with all that's going on.",
            "Quiet for {days}. With what you're dealing with, that's fine.",
        ),
        (MoveKind.ACKNOWLEDGE, "lapse"): (
            "Nothing on record for {habit} {since}.",
            "Nothing logged for {habit} {since}.",
            "{habit}: a gap {since}.",
            "It's been a patchy stretch for {habit} {since}.",
            "A gap in {habit} {since}. That happens.",
        ),
        (MoveKind.ACKNOWLEDGE, "long_lapse"): (
            "{days} without {habit}.",
            "Your last entry for {habit} was {days} ago.",
            "It's been {days} since {habit} last happened. That's the honest picture.",
        ),
        (MoveKind.ACKNOWLEDGE, "single_miss"): (
            "One miss after {count} in a row. Not a problem.",
            "A blip in a strong run of {habit}.",
            "Missed one after a long streak. That's fine.",
        ),
        (MoveKind.ACKNOWLEDGE, "missed_check_ins"): (
            "No reply for {check_ins}.",
            "{check_ins} went by without a word.",
            "I'm still waiting on {check_ins}.",
        ),
        (MoveKind.ACKNOWLEDGE, "not_started"): (
            "No start yet on {habit}.",
            "Nothing started yet with {habit}. That's usual at the beginning.",
            "Day one of {habit} is still ahead.",
        ),
        (MoveKind.ACKNOWLEDGE, "reason"): (
            "Understood: {said} That's a real obstacle.",
            "Makes sense: {said} That would get in anyone's way.",
            "Thanks for the reason: {said} That explains it.",
        ),
        (MoveKind.ACKNOWLEDGE, "fear"): (
            "You said: {said} That fear is real, and we'll take it into account.",
            "Noting your worry: {said} It's valid, and we'll plan around it.",
            "You're worried: {said} That's fair, and I take it seriously.",
        ),
        (MoveKind.ACKNOWLEDGE, "doubt"): (
            "You're unsure: {said} That's a fair thing to feel.",
            "Honest doubt: {said} That's normal at this stage.",
            "I hear it: {said} Doubt is part of the process.",
        ),
        (MoveKind.ACKNOWLEDGE, "busy"): (
            "Big week: {said} Understood.",
            "Busy stretch: {said} Makes sense that things slipped.",
            "Heavy week: {said} We'll adjust.",
        ),
        (MoveKind.ACKNOWLEDGE, "obstacle"): (
            "So the obstacle is: {said} Good to know.",
            "Now I see it: {said} That's what's in the way.",
            "That's the roadblock: {said} Now we can work with it.",
        ),
        (MoveKind.ACKNOWLEDGE, "insight"): (
            "Good insight: {said} That's useful.",
            "Sharp observation: {said} Worth building on.",
            "You spotted something: {said} That kind of thing changes results.",
        ),
        (MoveKind.ACKNOWLEDGE, "motivation"): (
            "Strong reason: {said} That will carry you.",
            "That's your reason in a line: {said} That's clear and strong.",
            "Good motivation: {said} That's fuel.",
        ),
        (MoveKind.ACKNOWLEDGE, "check_in"): (
            "Check-in received, thanks.",
            "Thanks for the check-in.",
            "Got your update: {said} Thanks.",
            "Noted: {said} Good to hear.",
            "Thanks for reporting in.",
            "Update received: {said} Appreciated.",
            "Good to hear from you.",
        ),
        (MoveKind.ACKNOWLEDGE, "rest"): (
            "Until {by}, the plan is rest. We pick {habit} back up after that.",
            "Rest comes first until {by}, and {habit} can wait till then.",
            "Nothing to do for {habit} until {by}. Healing is the job.",
        ),
        (MoveKind.ACKNOWLEDGE, "renegotiation"): (
            "New terms from {by}: {step}.",
            "Starting {by}, it's {step}.",
            "Change agreed: {step}, from {by}.",
        ),
        (MoveKind.ACKNOWLEDGE, "sliding"): (
            "Momentum on {habit} has dropped over two weeks.",
            "Less of {habit} in the past fortnight.",
            "The trend for {habit} is down lately.",
        ),
        (MoveKind.ACKNOWLEDGE, ""): (
            "Got it.",
            "Thanks for the update.",
            "Noted, thank you.",
            "Understood, thanks.",
            "Thanks for telling me.",
        ),
        (MoveKind.AFFIRM, "honesty"): (
            "Thanks for the honest update on {habit}.",
            "A straight answer about {habit}. Appreciated.",
            "Thanks for being upfront about it.",
        ),
        (MoveKind.AFFIRM, "candour"): (
            "Thanks for being clear about what's doable.",
            "Good to know what's realistic right now.",
            "Honest about your capacity, and that helps.",
        ),
        (MoveKind.AFFIRM, "growth"): (
            "Stepping up to {action} is a good sign.",
            "Raising the bar to {action} shows progress.",
            "Ready for {action}. That's growth.",
        ),
        (MoveKind.AFFIRM, "showing_up"): (
            "You've shown up even on bad weeks, and that counts.",
            "Honest check-ins on hard weeks. That's the real work.",
            "Still checking in when it's hard. I respect that.",
        ),
        (MoveKind.AFFIRM, ""): (
            "Good to have you on this.",
            "Thanks for staying with it.",
            "You're still in it, and that's good.",
            "Your effort counts.",
            "I appreciate the persistence.",
        ),
        (MoveKind.CELEBRATE, "reported"): (
            "Nice: {said} {praise}",
            "Great result: {said} {praise}",
            "Logged and celebrated: {said} {praise}",
            "That's a win: {said} {praise}",
            "Good news: {said} {praise}",
        ),
        (MoveKind.CELEBRATE, "streak"): (
            "{count} {unit} in a row. Solid.",
            "Streak: {count} {unit}. Well done.",
            "{count} straight {unit} of {habit}.",
            "That's {count} {unit} without a miss.",
            "{count} {unit} running. Keep it up.",
        ),
        (MoveKind.CELEBRATE, "comeback"): (
            "Back at {habit} {after}. Nice one.",
            "You restarted {after}. That's the hard part done.",
            "Comeback {after}. Well played.",
            "Back {after}. That matters.",
            "Returned {after}. Strong move.",
        ),
        (MoveKind.CELEBRATE, "momentum"): (
            "Momentum on {habit} is up.",
            "Trending up with {habit}.",
            "More of {habit} lately, which is good.",
            "Rhythm's returning with {habit}.",
            "Momentum is back.",
        ),
        (MoveKind.CELEBRATE, "outcome"): (
            "Your {what}: real progress.",
            "Result: your {what}.",
            "Your {what}. Nice outcome.",
        ),
        (MoveKind.CELEBRATE, ""): (
            "{what}. Nice.",
            "{what}. Good work.",
            "{what}. That counts.",
        ),
        (MoveKind.REMIND_WHY, ""): (
            "Your why: {said}",
            "You started because: {said}",
            "The reason you gave: {said}",
        ),
        (MoveKind.SURFACE_PLAN, ""): (
            "Your plan for this: {plan}",
            "You planned for this: {plan} Now's the time.",
            "This is your if-then moment: {plan}",
        ),
        (MoveKind.OPEN_QUESTION, "what_got_in_the_way"): (
            "What got in the way this time?",
            "What stopped it?",
            "What's the blocker?",
            "What happened?",
            "What made it hard?",
        ),
        (MoveKind.OPEN_QUESTION, "what_would_help"): (
            "What would help?",
            "What needs to change to make it work?",
            "What would make it easier this week?",
            "What do you need?",
            "What one change would help most?",
        ),
        (MoveKind.OPEN_QUESTION, "reconnect"): (
            "How are things?",
            "Where are things at?",
            "What's new?",
            "How's it going?",
            "How's the week going?",
        ),
        (MoveKind.OPEN_QUESTION, "how_are_you"): (
            "How are you?",
            "How are you doing now?",
            "How have things been?",
        ),
        (MoveKind.OPEN_QUESTION, "first_step"): (
            "What's the first step?",
            "Where will you start?",
            "What's the smallest first move?",
        ),
        (MoveKind.OPEN_QUESTION, "make_it_workable"): (
            "What would make {step} work?",
            "How do we make {step} fit?",
            "What's needed for {step} to happen this week?",
        ),
        (MoveKind.OPEN_QUESTION, "keep_it_up"): (
            "What's working?",
            "What will keep it going?",
            "What's next?",
            "What made the difference?",
            "How do you keep this up?",
        ),
        (MoveKind.OPEN_QUESTION, "doubt"): (
            "What would make it doable?",
            "What would make this realistic?",
            "Which part is the sticking point?",
            "What needs to shift to make it work?",
        ),
        (MoveKind.OPEN_QUESTION, "build_plan"): (
            "If it happens again, what's your move?",
            "Next time, what will you do instead?",
            "What's the plan if it comes up again?",
        ),
        (MoveKind.OPEN_QUESTION, "insight"): (
            "How will you use it?",
            "What will you do with that?",
            "What changes because of it?",
        ),
        (MoveKind.OPEN_QUESTION, "another_way"): (
            "Another way toward the goal while you rest, or just rest?",
            "Rest only, or something else toward the goal meanwhile?",
            "Do you want another route to the goal for now, or rest?",
        ),
        (MoveKind.OPEN_QUESTION, "intention"): (
            "You said {quote}. Did it happen?",
            "How did {quote} go?",
            "Update on {quote}: how did it go?",
        ),
        (MoveKind.OPEN_QUESTION, "goal_itself"): (
            "Is this goal still a priority, or do we pause it, change it or talk it through on a "
            "call?",
            "Keep the goal, pause it, change it, or talk it through on a call?",
            "Does this goal still matter now, or is it time to pause, change it or get on a call?",
        ),
        (MoveKind.OPEN_QUESTION, "what_changed"): (
            "What's changed since the last adjustment?",
            "What's different since we last lowered it?",
            "What's not working with the new plan?",
        ),
        (MoveKind.OPEN_QUESTION, ""): (
            "Your thoughts?",
            "What's your take?",
            "What do you want to do?",
            "Where do you stand on this?",
            "What's your plan?",
        ),
        (MoveKind.OFFER_SMALLER_STEP, "setback"): (
            "Scale down to {step} while you recover?",
            "Do you want to switch to {step} for now, instead of {action}?",
            "Would {step} be more realistic than {action} for now?",
        ),
        (MoveKind.OFFER_SMALLER_STEP, "adjust_week"): (
            "Lighter week: {step}. Does that work?",
            "Cut this week back to {step}?",
            "Do you want to scale this week to {step}?",
        ),
        (MoveKind.OFFER_SMALLER_STEP, "first_step"): (
            "Start with {step}?",
            "Would {step} work as a start?",
            "Is {step} a good first step?",
        ),
        (MoveKind.OFFER_SMALLER_STEP, ""): (
            "Do you want to drop to {step} for now, instead of {action}?",
            "Would {step} instead of {action} work for now?",
            "Smaller step: {step} instead of {action}. Does that suit you?",
            "Shall we go to {step} for a while, instead of {action}?",
        ),
        (MoveKind.ASK_RECOMMITMENT, "smallest_step"): (
            "{step} stays as is. Can you do it by {by}?",
            "Same step, {step}. Done by {by}?",
            "No more changes to {step} for now. Will you do it by {by}?",
        ),
        (MoveKind.ASK_RECOMMITMENT, "own_commitment"): (
            "{step} was your pick. Back to it by {by}?",
            "Your step: {step}. Recommit by {by}?",
            "You chose {step}. Can you do it again by {by}?",
        ),
        (MoveKind.ASK_RECOMMITMENT, "check_in"): (
            "Can you check in by {by}?",
            "Quick check-in by {by}?",
            "One line by {by}?",
        ),
        (MoveKind.ASK_RECOMMITMENT, ""): (
            "Will you do {step} by {by}?",
            "{step} by {by}: yes?",
            "Can you commit to {step} by {by}?",
        ),
        (MoveKind.CHALLENGE, ""): (
            "It's been stuck a while. What one step toward {habit} will you take by {by}?",
            "Staying stuck isn't what you want. What will you do toward {habit} by {by}?",
            "Time to move this. What's one thing you'll do to restart {habit} by {by}?",
        ),
        (MoveKind.INVITE_PEER, ""): (
            "Check in with your buddy this week?",
            "Want to loop in your buddy?",
            "Would your buddy help here?",
        ),
        (MoveKind.EMPHASISE_AUTONOMY, "open_door"): (
            "The door's open whenever you want to write.",
            "No rush. I'm here when you're ready to pick it up.",
            "Whenever you want to restart, a line is enough.",
        ),
        (MoveKind.EMPHASISE_AUTONOMY, "crisis"): (
            "We'll restart when you say so.",
            "Your timing, not mine.",
            "When you're ready, we pick it back up.",
        ),
        (MoveKind.EMPHASISE_AUTONOMY, "first_step"): (
            "Pace is your call.",
            "You set the speed.",
            "Fast or slow is up to you.",
        ),
        (MoveKind.EMPHASISE_AUTONOMY, "their_idea"): (
            "Your idea. A good one.",
            "Your plan, and it's solid.",
            "You came up with this. I'm behind it.",
        ),
        (MoveKind.EMPHASISE_AUTONOMY, ""): (
            "Your call.",
            "Up to you.",
            "You decide, and I'll back it.",
            "Your choice either way.",
            "It's your decision.",
        ),
    }
)
"""The direct register's wordings, for clients who asked to be spoken to plainly.

The same moves and topics as `WORDINGS`, in fewer words: the facts and the
ask, still respectful, and still held to the tone review and the MI audit.

>>> DIRECT_WORDINGS[(MoveKind.ACKNOWLEDGE, "lapse")][0]
'Nothing on record for {habit} {since}.'
"""

REGISTERS: Final[Mapping[Directness, Mapping[tuple[MoveKind, str], tuple[str, ...]]]] = (
    MappingProxyType(
        {
            Directness.GENTLE: GENTLE_WORDINGS,
            Directness.BALANCED: WORDINGS,
            Directness.DIRECT: DIRECT_WORDINGS,
        }
    )
)
"""Each register's wordings, by the directness an agreement asks for.

>>> REGISTERS[Directness.BALANCED] is WORDINGS
True
"""

PRAISE: Final[Mapping[WinSize, tuple[str, ...]]] = MappingProxyType(
    {
        WinSize.SMALL: (
            "That's worth celebrating.",
            "Small steps like that add up.",
            "That counts, and it's worth noticing.",
            "Every bit of that adds to the whole.",
            "That's a real step.",
        ),
        WinSize.BIG: (
            "That's a big deal. Well done!",
            "That's a real achievement.",
            "That's huge, and you made it happen.",
            "What an effort!",
            "That took real work, and it shows.",
        ),
        WinSize.MILESTONE: (
            "What a milestone!",
            "That's a milestone worth marking.",
            "Look how far you've come.",
            "That's one to remember.",
            "A moment to be proud of.",
        ),
    }
)
"""Praise by the size of a win, in rotation order, filling ``{praise}``.

Two wins of one size in one message are praised in different words, and the
voice passes over praise the client's recent messages already hold.

>>> PRAISE[WinSize.BIG][0]
"That's a big deal. Well done!"
"""
