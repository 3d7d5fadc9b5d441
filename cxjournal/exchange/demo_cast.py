"""The invented organisation and people of the demo journal.

Everyone here is fictional: a CX director at a mid-sized insurer, Calloway
Mutual, with the colleagues, reports and outside contacts such a person
depends on. :mod:`cxjournal.exchange.demo` brings them to life over time.
"""

from __future__ import annotations

from dataclasses import dataclass

from cxjournal.domain.model import Attitude, PreferredFormat, Relationship

ORGANISATION = "Calloway Mutual"
PRODUCT_UNITS = ("Home Insurance", "Motor", "Life & Pensions", "Commercial")


@dataclass(frozen=True, slots=True)
class CastMember:
    """One person of the demo and how they behave over the journal's time span.

    ``joins`` and ``leaves`` are fractions of the time span (0 = its first day,
    1 = today); ``arc`` is the attitude from each fraction on. ``weight`` is how
    much the journal's owner depends on them (for the top ten and note
    frequency); ``scores`` the usual (value, irreplaceability, my_value,
    my_irreplaceability); ``profile`` picks the aspects of value they give.
    """

    name: str
    role: str
    relationship: Relationship
    team: str
    function: str
    unit: str
    location: str
    weight: float
    scores: tuple[int, int, int, int]
    profile: str
    arc: tuple[tuple[float, Attitude], ...]
    organisation: str = ORGANISATION
    joins: float = 0.0
    leaves: float = 2.0
    key: bool = False
    cx_board: bool = False
    cadence_days: int | None = None
    information_needs: str = ""
    preferred_format: PreferredFormat | None = None
    motivations: str = ""
    called: str = ""  # the name used in notes, when not the first word of ``name``


A = Attitude
R = Relationship
F = PreferredFormat

#: The boss who leaves, and the boss who arrives and later blocks: ``demo`` sets
#: their dates around the blocking period and writes the second one's arc itself.
FORMER_BOSS = "Helena Marsh"
BLOCKING_BOSS = "Viktor Brandt"

# fmt: off
CAST: tuple[CastMember, ...] = (
    CastMember(
        FORMER_BOSS, "Chief Operating Officer", R.SUPERIOR, "Executive Team", "Operations",
        "Group", "Leeds HQ", 9.5, (8, 7, 6, 5), "boss", ((0, A.CHAMPION),),
        key=True, cx_board=True, cadence_days=14,
        information_needs="Fortnightly one-pager: NPS trend, top three complaint drivers, "
        "progress on the claims journey fixes",
        preferred_format=F.ACTION_LIST,
        motivations="Wants operations seen as the engine of customer loyalty, not a cost line",
    ),
    CastMember(
        BLOCKING_BOSS, "Chief Operating Officer", R.SUPERIOR, "Executive Team", "Operations",
        "Group", "Leeds HQ", 9.5, (7, 8, 3, 3), "boss", ((0, A.NEUTRAL),),
        key=True, cx_board=True, cadence_days=14,
        information_needs="Cost-to-serve impact of every CX initiative, in numbers, before "
        "any meeting with the CEO",
        preferred_format=F.SPREADSHEET,
        motivations="Delivering the efficiency programme he was hired for; wary of anything "
        "that looks like extra spend",
    ),
    CastMember(
        "Adaeze Nwosu", "Chief Executive Officer", R.OTHER, "Executive Team", "Executive",
        "Group", "Leeds HQ", 7.0, (8, 9, 4, 2), "exec",
        ((0, A.SUPPORTER), (0.55, A.CHAMPION)),
        key=True, cx_board=True, cadence_days=90,
        information_needs="Quarterly story: what customers feel, what it is worth, what we "
        "ask of the exec team",
        preferred_format=F.PRESENTATION,
        motivations="Retention and reputation ahead of the next strategy cycle",
    ),
    CastMember(
        "Rahul Mehta", "Chief Financial Officer", R.OTHER, "Finance Leadership", "Finance",
        "Group", "Leeds HQ", 7.5, (7, 8, 3, 2), "exec",
        ((0, A.SKEPTIC), (0.35, A.NEUTRAL), (0.7, A.SUPPORTER)),
        key=True, cx_board=True, cadence_days=30,
        information_needs="Business cases with payback periods; churn converted into premium",
        preferred_format=F.SPREADSHEET,
        motivations="Combined ratio and capital discipline",
    ),
    CastMember(
        "Priya Raman", "Finance Business Partner", R.PEER, "FP&A", "Finance", "Home Insurance",
        "Leeds HQ", 7.0, (7, 6, 6, 5), "peer",
        ((0, A.NEUTRAL), (0.2, A.SUPPORTER), (0.5, A.CHAMPION)),
        key=True, cadence_days=14,
        information_needs="Assumptions behind every value estimate, early, before the numbers "
        "go to the CFO",
        preferred_format=F.SPREADSHEET,
        motivations="Being seen as a partner to the business rather than a gatekeeper",
    ),
    CastMember(
        "Tomás Ferreira", "Head of Digital", R.PEER, "Digital Channels", "Digital", "Group",
        "Lisbon hub", 7.5, (8, 7, 7, 6), "peer", ((0, A.CHAMPION),),
        key=True, cx_board=True, cadence_days=14,
        information_needs="Journey pain points ranked by volume, so the backlog can follow them",
        preferred_format=F.INFOGRAPHIC,
        motivations="App ratings and digital adoption targets",
    ),
    CastMember(
        "Mei Lin Chen", "VP Operations", R.PEER, "Claims Operations", "Operations",
        "Home Insurance", "Glasgow", 8.5, (9, 8, 4, 4), "peer",
        ((0, A.SKEPTIC), (0.3, A.NEUTRAL), (0.5, A.SUPPORTER), (0.75, A.CHAMPION)),
        key=True, cx_board=True, cadence_days=14, called="Mei Lin",
        information_needs="Claims verbatims tied to handling time; no survey jargon",
        preferred_format=F.ACTION_LIST,
        motivations="Handling time and claims leakage; proud of her teams",
    ),
    CastMember(
        "Kwame Asante", "Head of Contact Centre", R.PEER, "Contact Centre", "Customer Service",
        "Motor", "Glasgow", 7.0, (7, 6, 7, 6), "peer",
        ((0, A.SUPPORTER), (0.6, A.CHAMPION)),
        key=True, cadence_days=21,
        information_needs="Weekly complaint themes and repeat-call drivers",
        preferred_format=F.ACTION_LIST,
        motivations="Agent attrition and first-contact resolution",
    ),
    CastMember(
        "Sofia Lindqvist", "Chief Marketing Officer", R.OTHER, "Brand & Insight", "Marketing",
        "Group", "Leeds HQ", 6.0, (6, 6, 5, 4), "exec",
        ((0, A.NEUTRAL), (0.45, A.SUPPORTER)),
        key=True, cx_board=True, cadence_days=30,
        information_needs="Customer stories that can carry the brand promise",
        preferred_format=F.VIDEO,
        motivations="Brand consideration and the relaunch campaign",
    ),
    CastMember(
        "Daniel Okoro", "Head of Pricing", R.PEER, "Pricing", "Product", "Motor", "Leeds HQ",
        5.5, (6, 7, 3, 3), "peer",
        ((0, A.RESISTOR), (0.4, A.SKEPTIC), (0.8, A.NEUTRAL)),
        key=True, cadence_days=30,
        information_needs="Evidence that price-walking complaints affect renewal rates",
        preferred_format=F.SPREADSHEET,
        motivations="Hitting the motor margin plan",
    ),
    CastMember(
        "Aisha Rahman", "Head of Data Science", R.PEER, "Data & Analytics", "Data & Analytics",
        "Group", "Bangalore centre", 6.5, (8, 7, 6, 5), "expert",
        ((0, A.SUPPORTER), (0.4, A.CHAMPION)),
        key=True, cadence_days=30,
        information_needs="Clear questions and a customer outcome to model",
        preferred_format=F.PRESENTATION,
        motivations="Getting her churn model used in decisions",
    ),
    CastMember(
        "Jonas Weber", "Chief Information Officer", R.OTHER, "Platform Engineering", "IT",
        "Group", "Leeds HQ", 5.5, (6, 8, 3, 2), "exec",
        ((0, A.NEUTRAL), (0.3, A.SKEPTIC), (0.65, A.NEUTRAL)),
        key=True, cadence_days=45,
        information_needs="Which systems customers trip over, with volumes",
        preferred_format=F.PRESENTATION,
        motivations="Platform migration on time and on budget",
    ),
    CastMember(
        "Fatima Zahra El Idrissi", "HR Business Partner", R.PEER, "People Partners", "HR",
        "Group", "Leeds HQ", 4.0, (5, 4, 4, 3), "peer", ((0, A.SUPPORTER),),
    ),
    CastMember(
        "Luca Romano", "General Counsel", R.OTHER, "Risk & Compliance", "Legal & Compliance",
        "Group", "Leeds HQ", 4.0, (5, 7, 2, 2), "exec", ((0, A.NEUTRAL),),
    ),
    CastMember(
        "Hana Sato", "Product Owner, Self-service App", R.PEER, "Digital Channels", "Digital",
        "Motor", "Lisbon hub", 5.0, (6, 5, 6, 5), "peer",
        ((0, A.SUPPORTER), (0.5, A.CHAMPION)), joins=0.15,
    ),
    CastMember(
        "Oliver Bennett", "Claims Team Leader", R.OTHER, "Claims Operations", "Operations",
        "Home Insurance", "Glasgow", 3.5, (5, 3, 5, 4), "peer", ((0, A.SUPPORTER),),
    ),
    CastMember(
        "Grace Mwangi", "Senior CX Analyst", R.REPORT, "Customer Experience", "Customer Experience",
        "Group", "Leeds HQ", 6.5, (7, 6, 8, 7), "report", ((0, A.CHAMPION),),
        leaves=0.8,
    ),
    CastMember(
        "Mateo García", "Journey Manager", R.REPORT, "Customer Experience", "Customer Experience",
        "Group", "Lisbon hub", 6.0, (7, 5, 8, 6), "report", ((0, A.CHAMPION),),
    ),
    CastMember(
        "Ingrid Solberg", "Voice of Customer Lead", R.REPORT, "Customer Experience",
        "Customer Experience", "Group", "Leeds HQ", 5.5, (7, 6, 7, 6), "report",
        ((0, A.SUPPORTER), (0.5, A.CHAMPION)), joins=0.3,
    ),
    CastMember(
        "Arjun Nair", "Head of Broker Sales", R.PEER, "Broker Sales", "Sales", "Commercial",
        "Leeds HQ", 4.5, (5, 5, 4, 3), "peer", ((0, A.NEUTRAL), (0.6, A.SUPPORTER)),
    ),
    CastMember(
        "Chloé Dubois", "Head of Product, Life & Pensions", R.PEER, "Product Management",
        "Product", "Life & Pensions", "Leeds HQ", 4.5, (5, 6, 5, 4), "peer",
        ((0, A.SKEPTIC), (0.5, A.SUPPORTER)),
    ),
    CastMember(
        "Samuel Adeyemi", "Operations Excellence Manager", R.PEER, "Ops Excellence", "Operations",
        "Home Insurance", "Leeds HQ", 5.0, (6, 5, 6, 5), "peer", ((0, A.SUPPORTER),),
    ),
    CastMember(
        "Yuki Tanaka", "Head of Transformation Office", R.PEER, "Transformation Office",
        "Strategy", "Group", "Leeds HQ", 5.0, (6, 6, 5, 4), "expert",
        ((0, A.NEUTRAL), (0.3, A.SUPPORTER)), joins=0.1, leaves=0.7,
    ),
    CastMember(
        "Nadia Haddad", "Compliance Manager", R.OTHER, "Risk & Compliance", "Legal & Compliance",
        "Group", "Leeds HQ", 3.0, (4, 5, 4, 3), "peer", ((0, A.NEUTRAL),),
    ),
    CastMember(
        "Ewan Fraser", "Contact Centre Manager", R.OTHER, "Contact Centre", "Customer Service",
        "Motor", "Glasgow", 3.5, (5, 4, 5, 4), "peer", ((0, A.SKEPTIC), (0.4, A.SUPPORTER)),
    ),
    CastMember(
        "Leila Karimi", "UX Research Lead", R.PEER, "Digital Channels", "Digital", "Group",
        "Remote", 4.5, (6, 6, 6, 5), "expert", ((0, A.CHAMPION),), joins=0.25,
    ),
    CastMember(
        "Olga Petrova", "Head of Complaints", R.PEER, "Customer Relations", "Customer Service",
        "Group", "Glasgow", 5.5, (7, 6, 6, 5), "peer", ((0, A.SUPPORTER),),
    ),
    CastMember(
        "Diego Hernández", "Workforce Planning Lead", R.OTHER, "Contact Centre",
        "Customer Service", "Motor", "Bangalore centre", 2.5, (4, 4, 3, 3), "peer",
        ((0, A.NEUTRAL),),
    ),
    CastMember(
        "Siobhan O'Neill", "Chief of Staff to the CEO", R.OTHER, "Executive Office", "Executive",
        "Group", "Leeds HQ", 6.0, (7, 6, 5, 4), "expert",
        ((0, A.NEUTRAL), (0.3, A.SUPPORTER)), joins=0.2,
    ),
    CastMember(
        "Kofi Boateng", "Head of Commercial Claims", R.PEER, "Commercial Claims", "Operations",
        "Commercial", "Leeds HQ", 4.0, (5, 5, 4, 4), "peer",
        ((0, A.SKEPTIC), (0.55, A.NEUTRAL)),
    ),
    CastMember(
        "Anna Kowalska", "Marketing Insight Manager", R.PEER, "Brand & Insight", "Marketing",
        "Group", "Leeds HQ", 3.5, (5, 4, 5, 4), "peer", ((0, A.SUPPORTER),), leaves=0.6,
    ),
    CastMember(
        "Ravi Shankar", "Head of Engineering, Digital Platforms", R.OTHER, "Platform Engineering",
        "IT", "Group", "Bangalore centre", 4.0, (6, 7, 3, 3), "expert",
        ((0, A.NEUTRAL), (0.5, A.SUPPORTER)),
    ),
    CastMember(
        "Emily Watson", "Head of Internal Communications", R.PEER, "Internal Comms", "HR",
        "Group", "Leeds HQ", 3.5, (5, 4, 5, 4), "peer", ((0, A.SUPPORTER),), joins=0.05,
    ),
    CastMember(
        "Joseph Mensah", "Senior CX Analyst", R.REPORT, "Customer Experience",
        "Customer Experience", "Group", "Leeds HQ", 5.0, (6, 5, 7, 6), "report",
        ((0, A.SUPPORTER),), joins=0.82,
    ),
    CastMember(
        "Isabel Moreau", "Research Partner", R.EXTERNAL, "Client Services", "Research",
        "Group", "Paris", 4.5, (6, 5, 6, 3), "partner", ((0, A.CHAMPION),),
        organisation="Fieldnote Research",
    ),
    CastMember(
        "Thabo Nkosi", "Senior Consultant", R.EXTERNAL, "Customer Strategy", "Consulting",
        "Group", "Johannesburg", 4.0, (6, 5, 5, 3), "partner", ((0, A.SUPPORTER),),
        organisation="Meridian Advisory", joins=0.3, leaves=0.65,
    ),
    CastMember(
        "Clara Jensen", "Executive Coach", R.EXTERNAL, "", "Coaching", "", "Remote", 5.5,
        (7, 5, 4, 2), "coach", ((0, A.CHAMPION),), organisation="Independent",
    ),
    CastMember(
        "Noah Goldberg", "Account Director", R.EXTERNAL, "Accounts", "Agency", "Group",
        "Manchester", 3.0, (5, 4, 6, 3), "partner", ((0, A.SUPPORTER),),
        organisation="Loop & Line Journey Design", joins=0.2,
    ),
    CastMember(
        "Zainab Bello", "CX Director", R.EXTERNAL, "Customer Experience", "Peer network",
        "", "London", 4.0, (6, 4, 6, 4), "coach", ((0, A.CHAMPION),),
        organisation="Harbourline Bank",
    ),
    CastMember(
        "Pedro Alves", "Chair, CX Leaders Circle", R.EXTERNAL, "", "Peer network", "", "Lisbon",
        3.0, (5, 4, 4, 2), "coach", ((0, A.SUPPORTER),), organisation="CX Leaders Circle",
    ),
)

#: What each kind of contact tends to give, as a mean 0-10 per aspect, in
#: model.ASPECTS order: career guidance, emotional support, daily assistance,
#: information sharing, resource access.
ASPECT_PROFILES: dict[str, tuple[int, int, int, int, int]] = {
    "boss": (7, 4, 3, 7, 8),
    "exec": (4, 2, 1, 6, 8),
    "peer": (2, 4, 6, 7, 4),
    "report": (1, 5, 9, 6, 2),
    "expert": (3, 3, 5, 8, 4),
    "partner": (2, 3, 5, 7, 3),
    "coach": (8, 8, 1, 4, 1),
}
