"""Word lists and sentence parts the demo journal composes its text from.

Placeholders: ``{first}`` a person's first name, ``{unit}`` a product unit,
``{topic}`` a topic phrase, ``{meeting}`` a meeting name, ``{n}`` a small number.
All of it is invented for the demo.
"""

from __future__ import annotations

from cxjournal.domain.model import Attitude, NoteKind

Topic = tuple[str, tuple[str, ...]]

#: Topics by the person's function: (phrase, tags).
TOPICS: dict[str, tuple[Topic, ...]] = {
    "Operations": (
        ("the backlog of open claims in {unit}", ("claims",)),
        ("what the handling-time target does to claim calls", ("claims", "cost-to-serve")),
        ("repeat contacts after a claim is settled", ("cost-to-serve", "journey-mapping")),
        ("the first-notice-of-loss journey map", ("journey-mapping", "claims")),
        ("supplier delays on home repairs", ("claims", "complaints")),
        ("the efficiency programme and where CX fits in it", ("cost-to-serve", "governance")),
    ),
    "Executive": (
        ("the customer section of the strategy refresh", ("governance", "nps")),
        ("how the exec team reviews customer metrics", ("governance", "cx-board")),
        ("retention as a board-level target", ("churn", "governance")),
        ("the quarterly customer story for the board", ("nps", "voc")),
    ),
    "Finance": (
        ("the business case for the renewal letter redesign", ("roi", "renewals")),
        ("turning churn into lost premium for {unit}", ("roi", "churn")),
        ("cost-to-serve per policy by channel", ("cost-to-serve", "roi")),
        ("next year's CX budget line", ("budget", "roi")),
        ("payback assumptions for the claims tracker", ("roi", "claims")),
    ),
    "Digital": (
        ("the self-service app reviews", ("digital", "voc")),
        ("failed online renewals and where they drop out", ("digital", "renewals")),
        ("ranking the backlog by customer pain", ("digital", "journey-mapping")),
        ("the chatbot handover to live agents", ("digital", "cost-to-serve")),
    ),
    "Customer Service": (
        ("repeat-call drivers in {unit}", ("cost-to-serve", "complaints")),
        ("agent authority to fix small issues on the spot", ("complaints", "culture")),
        ("complaint themes from last month", ("complaints", "voc")),
        ("attrition in the contact centre and what customers notice", ("people", "nps")),
    ),
    "Marketing": (
        ("customer stories for the brand relaunch", ("voc", "nps")),
        ("overlap between brand tracking and our NPS survey", ("nps", "data")),
        ("what the renewal campaign promises versus what ops delivers", ("renewals", "churn")),
    ),
    "Product": (
        ("price-walking complaints at renewal", ("renewals", "churn", "complaints")),
        ("policy wording customers misread", ("complaints", "journey-mapping")),
        ("the {unit} product review and customer outcomes", ("governance", "churn")),
    ),
    "Data & Analytics": (
        ("the churn model and its top drivers", ("churn", "data")),
        ("linking NPS responses to retention", ("nps", "churn", "data")),
        ("a single customer view for complaints", ("data", "complaints")),
    ),
    "IT": (
        ("the platform migration and its customer impact", ("digital", "governance")),
        ("which legacy screens cause repeat calls", ("cost-to-serve", "digital")),
        ("release timing around the renewal peak", ("renewals", "digital")),
    ),
    "HR": (
        ("customer goals in leaders' objectives", ("culture", "governance")),
        ("CX training for new starters", ("culture", "people")),
        ("recognition for frontline teams", ("culture", "people")),
    ),
    "Legal & Compliance": (
        ("consumer duty evidence from our journeys", ("governance", "journey-mapping")),
        ("plain-language letters and what legal will allow", ("complaints", "governance")),
    ),
    "Customer Experience": (
        ("the monthly NPS driver analysis", ("nps", "voc")),
        ("planning the next journey-mapping workshop", ("journey-mapping",)),
        ("the voice-of-customer dashboard", ("voc", "data")),
        ("their development plan and next step", ("people",)),
        ("workload and what to drop this quarter", ("people", "governance")),
    ),
    "Sales": (
        ("broker feedback on claims service", ("voc", "claims")),
        ("renewal conversations brokers find hard", ("renewals", "churn")),
    ),
    "Strategy": (
        ("where CX sits in the transformation portfolio", ("governance", "roi")),
        ("benefit tracking for customer initiatives", ("roi", "governance")),
    ),
    "Research": (
        ("the next wave of customer interviews", ("voc",)),
        ("the churned-customer study", ("churn", "voc")),
    ),
    "Consulting": (
        ("the CX operating model proposal", ("governance",)),
        ("benchmarks on cost-to-serve", ("cost-to-serve", "roi")),
    ),
    "Coaching": (
        ("how I show up with the exec team", ("career",)),
        ("saying no without losing allies", ("career", "governance")),
        ("my energy and where it goes", ("resilience",)),
    ),
    "Agency": (
        ("the journey-mapping workshop plan", ("journey-mapping",)),
        ("the scope of the next service design sprint", ("journey-mapping", "budget")),
    ),
    "Peer network": (
        ("how other CX leaders fund their teams", ("budget", "career")),
        ("getting a CX board to make decisions, not just listen", ("governance", "cx-board")),
        ("a job rumour and the market for CX roles", ("career",)),
    ),
}

GENERAL_TOPICS: tuple[Topic, ...] = (
    ("the NPS results for {unit}", ("nps",)),
    ("the churn numbers for {unit}", ("churn",)),
    ("the CX board agenda", ("cx-board", "governance")),
    ("the question of who owns complaint root causes", ("complaints", "governance")),
)

_TALK_FRAMES: tuple[str, ...] = (
    "We spent most of the time on {topic}.",
    "{first} wanted to go through {topic}.",
    "I brought up {topic}, and it took the whole slot.",
    "Main subject: {topic}.",
    "We picked up where we left off on {topic}.",
    "{first} raised {topic} before I got to my list.",
    "Started with {topic}, then ran out of time.",
    "Only one real topic: {topic}.",
)
_WRITTEN_FRAMES: tuple[str, ...] = (
    "It was about {topic}.",
    "Subject: {topic}.",
    "{first} asked for my view on {topic}.",
    "Follow-up on {topic}.",
)
_SEEN_FRAMES: tuple[str, ...] = (
    "The subject was {topic}.",
    "{first} spoke about {topic}.",
    "It touched on {topic}.",
    "Heard second-hand that {first} has views on {topic}.",
)

#: How a note introduces its topic, by kind (a win has no topic).
TOPIC_FRAMES: dict[NoteKind, tuple[str, ...]] = {
    NoteKind.ONE_ON_ONE: _TALK_FRAMES,
    NoteKind.MEETING: _TALK_FRAMES,
    NoteKind.CALL: _TALK_FRAMES,
    NoteKind.INFORMAL: _TALK_FRAMES,
    NoteKind.EMAIL: _WRITTEN_FRAMES,
    NoteKind.OBSERVATION: _SEEN_FRAMES,
    NoteKind.OTHER: _SEEN_FRAMES,
}

OPENERS: dict[NoteKind, tuple[str, ...]] = {
    NoteKind.ONE_ON_ONE: (
        "1:1 with {first}.",
        "Regular 1:1 with {first}.",
        "Caught up with {first} in our usual slot.",
        "1:1 with {first} over video, cameras on for once.",
        "Walked over to {first}'s floor for our 1:1.",
        "Moved my 1:1 with {first} to the morning; better for both of us.",
    ),
    NoteKind.MEETING: (
        "{meeting}, {first} in the room.",
        "{meeting} with {first} and the usual group.",
        "{first} chaired the {meeting} today.",
        "Presented at the {meeting}; {first} asked most of the questions.",
    ),
    NoteKind.EMAIL: (
        "Email thread with {first}.",
        "{first} replied to my summary.",
        "Long email from {first}, sent late evening.",
    ),
    NoteKind.CALL: (
        "Quick call with {first}.",
        "{first} rang me between meetings.",
        "Call with {first} from the train.",
    ),
    NoteKind.INFORMAL: (
        "Bumped into {first} at the coffee machine.",
        "Lunch with {first}, not planned.",
        "Walked back from the town hall with {first}.",
        "Chatted with {first} after the all-hands.",
    ),
    NoteKind.OBSERVATION: (
        "Watched {first} present at the town hall.",
        "Noticed how {first} handled a question about complaints.",
        "{first} quoted our NPS numbers in the ops review without being asked.",
    ),
    NoteKind.WIN: ("Win with {first}:", "Good news from {first}:"),
    NoteKind.OTHER: ("Note on {first}.", "Something to remember about {first}."),
}

MEETINGS: tuple[str, ...] = (
    "CX steering group",
    "ops review",
    "claims performance review",
    "quarterly business review",
    "digital backlog refinement",
    "complaints forum",
    "pricing committee",
    "journey working group",
    "CX board",
)

REACTIONS: dict[Attitude | None, tuple[str, ...]] = {
    Attitude.CHAMPION: (
        "{first} offered to sponsor it at the next exec meeting.",
        "{first} now tells the customer story better than I do.",
        "{first} asked for the slides so the team can reuse them.",
        "{first} will put it on the ops review agenda.",
        "{first} volunteered two people for the pilot.",
        "{first} challenged a colleague who called it a nice-to-have.",
    ),
    Attitude.SUPPORTER: (
        "{first} agreed with the diagnosis and asked good questions about effort.",
        "Supportive, though {first} wants to see the numbers first.",
        "{first} is on board as long as it does not land in the busy quarter.",
        "Positive. {first} suggested bringing finance in early.",
        "{first} said yes to a small trial.",
    ),
    Attitude.NEUTRAL: (
        "{first} listened but did not commit either way.",
        "Hard to read {first} today; polite, few questions.",
        "{first} wants to see how the pilot goes before saying more.",
        "{first} asked me to come back with a smaller ask.",
    ),
    Attitude.SKEPTIC: (
        "{first} pushed back on the link between NPS and revenue.",
        "{first} asked, fairly, what we stop doing to make room for this.",
        "{first} thinks the verbatims are cherry-picked.",
        "{first} is not convinced the problem is big enough to fund.",
        "{first} wants a control group before believing any of it.",
    ),
    Attitude.RESISTOR: (
        "{first} said plainly this is not a priority and will not release anyone.",
        "{first} questioned why CX is involved at all.",
        "Tense. {first} reframed the whole thing as a cost I am adding.",
        "{first} cancelled the follow-up and sent a deputy.",
        "{first} asked me to stop taking customer topics to other executives.",
    ),
    None: (
        "Useful exchange.",
        "Good conversation overall.",
        "Mostly listening on my side.",
        "Ended on a practical note.",
    ),
}

#: Afterthoughts of mine: any time, and only after a good meeting.
REFLECTIONS: tuple[str, ...] = (
    "Next time: lead with the customer story, not the chart.",
    "I talked too much; ask more next time.",
    "Frame it in their targets, not ours.",
    "I need an ally in the room before this goes wider.",
    "One page, numbers first. Remember that.",
    "Should have prepared the cost side better.",
    "Check how this lands with their team before the next step.",
    "Keep it short with {first}; detail goes in the appendix.",
)
GOOD_REFLECTIONS: tuple[str, ...] = (
    "Felt heard for once.",
    "Worth a thank-you note.",
    "This is what a sponsor looks like.",
    "Left the room with more energy than I brought.",
)

ARTIFACTS: tuple[str, ...] = (
    "driver analysis",
    "one-page summary",
    "verbatims from last month",
    "draft business case",
    "journey map",
    "complaint themes",
    "pilot results",
    "NPS breakdown for {unit}",
    "meeting notes",
    "churn numbers for {unit}",
)

FOLLOW_UPS: tuple[str, ...] = (
    "Send {first} the {artifact}",
    "Share the {artifact} with {first}'s team",
    "Book time with {first} and finance",
    "Ask {first} for two names for the pilot",
    "Check in with {first} after the steering group",
    "Draft the next CX board agenda with {first}",
    "Update the {artifact} with {first}'s comments",
    "Thank {first} for the support in the meeting",
)

WINS: tuple[str, ...] = (
    "the claims status page went live and calls about it fell within two weeks",
    "finance signed off the business case for the renewal letter redesign",
    "the CX board agreed to track repeat contacts as a company measure",
    "first month with complaint volumes below target",
    "every function sent someone to the journey-mapping workshop",
    "NPS in {unit} up {n} points on the quarter",
    "the churn model now steers the retention campaign",
    "agents may now refund small amounts on the spot",
    "a customer wrote to the CEO to praise a claims handler by name",
    "the exec team opened with customer verbatims for the first time",
)

OBSERVATIONS: tuple[str, ...] = (
    "The town hall mentioned customers once, on the last slide.",
    "Three teams are running their own customer surveys without telling each other.",
    "Nobody in the ops review could say who owns the complaint root causes.",
    "The new intranet page on customer goals has more views than expected.",
    "Budget talk everywhere; customer topics slipping down agendas.",
    "Renewal complaints in {unit} are rising again after the price change.",
)

AUDIT_CONTEXTS: tuple[str, ...] = (
    "Quiet quarter, mostly delivery.",
    "Plenty of asks in both directions this quarter.",
    "After the reorganisation announcement.",
    "Strategy refresh under way; lots of positioning.",
    "A good quarter for the claims work.",
    "Heavy delivery load; everyone stretched.",
    "New people in key seats; relationships to build.",
)
#: One per blocking quarter, in order (the last repeats if the period is longer).
BLOCKING_AUDIT_NOTES: tuple[str, ...] = (
    "{boss} stopped the claims pilot and told me to route every exec contact through him.",
    "{boss} blocked again; my proposals do not reach the exec team. Exit plan started.",
    "Another quarter of {boss} blocking. Kept delivering, kept the exit plan moving.",
)
AFTER_BLOCKING_NOTES: tuple[str, ...] = (
    "{boss} has eased off since the CEO asked for the customer story directly. Plan paused.",
    "Working relationship with {boss} is civil and workable now. Keeping the plan paused.",
)

DRAINS: tuple[str, ...] = (
    "escalations",
    "back-to-back meetings",
    "late emails",
    "budget review",
    "conflict with my manager",
    "travel",
    "reorg uncertainty",
    "unclear priorities",
    "board pack deadline",
    "difficult customer case",
    "team absence",
)
#: Drains that crowd in during the stressful stretch.
HARD_TIME_DRAINS: tuple[str, ...] = (
    "conflict with my manager",
    "reorg uncertainty",
    "escalations",
    "late emails",
)
RESTORERS: tuple[str, ...] = (
    "morning run",
    "walk outside",
    "time with family",
    "cooking",
    "reading",
    "a good 1:1",
    "quiet focus time",
    "yoga",
    "music",
    "early night",
    "cycling",
)
CHECKIN_NOTES: dict[str, tuple[str, ...]] = {
    "low": (
        "Hard day; felt like pushing uphill.",
        "Did not switch off until late.",
        "Snapped at someone in a meeting. Apologised after.",
        "Woke at four thinking about the exec meeting.",
    ),
    "mid": (
        "Ordinary day.",
        "Busy but fine.",
        "Too many meetings, a few good ones.",
    ),
    "high": (
        "Good energy after the workshop.",
        "Felt useful today.",
        "A customer story landed well; carried me through the day.",
        "Left on time and went for a walk.",
    ),
}
