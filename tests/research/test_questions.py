"""Researcher questions answered from the graph: each is a question in plain English, the Cypher
that answers it (parameters always bound) and the answer expected from the curated data.

The questions run on the session `store` fixture (the embedded engine loaded once from data/). When a
data edit changes an answer, the test fails: check the new answer against its sources, then update
the expectation here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from eucan.graph.store import GraphStore


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    cypher: str
    expected: list[list[Any]]
    params: dict[str, Any] = field(default_factory=dict)


QUESTIONS: list[Question] = [
    Question(
        id="sdp-signature",
        question="When and where was the EU–Canada Security and Defence Partnership signed, and on what occasion?",
        cypher="""
MATCH (i:Instrument {id: $id})
OPTIONAL MATCH (e:Event:Signature)-[:ABOUT_INSTRUMENT]->(i)
RETURN i.signedDate AS signed, i.signedDatePrecision AS precision, e.place AS place, i.signedAt AS
  occasion
""",
        params={"id": "sdp-2025"},
        expected=[["2025-06-23", "day", ["Brussels"], ["Brussels, on the margins of the EU–Canada Summit"]]],
    ),
    Question(
        id="sdp-signatories",
        question="Who signed the 2025 Partnership, and on behalf of whom?",
        cypher="""
MATCH (p:Participation)-[:INSTRUMENT]->(:Instrument {id: $id}), (p)-[:ROLE]->(:ParticipantRole {id:
  'signatory'}), (p)-[:PARTICIPANT]->(a:Actor), (p)-[:ON_BEHALF_OF]->(o:Actor)
RETURN a.id AS signatory, o.id AS on_behalf_of
ORDER BY signatory
""",
        params={"id": "sdp-2025"},
        expected=[["anita-anand", "canada"], ["david-mcguinty", "canada"], ["kaja-kallas", "eu"]],
    ),
    Question(
        id="sdp-signatory-posts",
        question="Which posts did the signatories of the Partnership hold on the day it was signed?",
        cypher="""
MATCH (i:Instrument {id: $id})
MATCH (p:Participation)-[:INSTRUMENT]->(i), (p)-[:ROLE]->(:ParticipantRole {id: 'signatory'}),
  (p)-[:PARTICIPANT]->(person:Person)
MATCH (t:Tenure)-[:HOLDER]->(person), (t)-[:POST]->(post:Post)
WHERE t.startDate <= i.signedDate AND (t.endDate IS NULL OR t.endDate >= i.signedDate)
RETURN person.id AS person, post.id AS post
ORDER BY person
""",
        params={"id": "sdp-2025"},
        expected=[
            ["anita-anand", "canada-minister-foreign-affairs"],
            ["david-mcguinty", "canada-minister-national-defence"],
            ["kaja-kallas", "hrvp"],
        ],
    ),
    Question(
        id="sdp-domain-count",
        question="How many cooperation areas does the 2025 Partnership cover?",
        cypher="""
MATCH (:Instrument {id: $id})-[:COVERS_DOMAIN]->(d:CooperationDomain)
RETURN count(d) AS areas
""",
        params={"id": "sdp-2025"},
        expected=[[16]],
    ),
    Question(
        id="sdp-implemented-through",
        question="Through which dialogue is the Partnership implemented, and since when has it been held?",
        cypher="""
MATCH (d:Dialogue {id: $id})
RETURN d.name AS dialogue, d.startDate AS since, d.startDatePrecision AS precision
""",
        params={"id": "eu-canada-security-defence-dialogue"},
        expected=[["EU–Canada Security and Defence Dialogue", "2015-01-01", "year"]],
    ),
    Question(
        id="sdd-rounds",
        question="Which rounds of the Security and Defence Dialogue are recorded, with their dates?",
        cypher="""
MATCH (e:Event)-[:ABOUT_INSTRUMENT]->(:Instrument {id: $id})
RETURN e.id AS round, e.date AS date, e.datePrecision AS precision
ORDER BY date
""",
        params={"id": "eu-canada-security-defence-dialogue"},
        expected=[
            ["sdd-2015", "2015-01-01", "year"],
            ["sdd-2017", "2017-01-01", "year"],
            ["sdd-2024-03", "2024-03-01", "month"],
        ],
    ),
    Question(
        id="summits",
        question="Which EU–Canada summits are recorded, when and where?",
        cypher="""
MATCH (s:Summit)
RETURN s.id AS summit, s.date AS date, s.place AS place
ORDER BY date
""",
        expected=[
            ["summit-2000-06-26", "2000-06-26", ["Lisbon"]],
            ["summit-2000-12-19", "2000-12-19", ["Ottawa"]],
            ["summit-2001-12-18", "2001-12-18", ["Ottawa"]],
            ["summit-2002-05", "2002-05-01", ["Toledo, Spain"]],
            ["summit-2002-12-19", "2002-12-19", ["Ottawa"]],
            ["summit-2004-03-18", "2004-03-18", ["Ottawa"]],
            ["summit-2005-06-19", "2005-06-19", ["Niagara-on-the-Lake, Ontario"]],
            ["summit-2005-11-24", "2005-11-24", ["Kelowna, Brussels and London (video conference)"]],
            ["summit-2007-06-04", "2007-06-04", ["Berlin"]],
            ["summit-2008-10-17", "2008-10-17", ["Quebec City"]],
            ["summit-2009-05-06", "2009-05-06", ["Prague"]],
            ["summit-2010-05-05", "2010-05-05", ["Brussels"]],
            ["summit-2014", "2014-09-26", ["Ottawa and Toronto"]],
            ["summit-2016", "2016-10-30", ["Brussels"]],
            ["summit-2019", "2019-07-17", ["Montreal"]],
            ["summit-2021", "2021-06-14", ["Brussels"]],
            ["summit-2023", "2023-11-23", ["St. John's, Newfoundland and Labrador"]],
            ["summit-2025", "2025-06-23", ["Brussels"]],
        ],
    ),
    Question(
        id="summit-2025-place",
        question="Where was the 2025 EU–Canada summit held, and which leaders took part?",
        cypher="""
MATCH (s:Summit {id: $id})-[:EVENT_PARTICIPANT]->(p:Person)
WITH s, p
ORDER BY p.id
RETURN s.place AS place, collect(p.id) AS leaders
""",
        params={"id": "summit-2025"},
        expected=[[["Brussels"], ["antonio-costa", "mark-carney", "ursula-von-der-leyen"]]],
    ),
    Question(
        id="summits-domain",
        question="Which summits addressed counter-terrorism?",
        cypher="""
MATCH (s:Summit)-[:COVERS_DOMAIN]->(:CooperationDomain {id: $domain})
RETURN s.id AS summit
ORDER BY summit
""",
        params={"domain": "counterterrorism"},
        expected=[
            ["summit-2000-12-19"],
            ["summit-2001-12-18"],
            ["summit-2002-05"],
            ["summit-2002-12-19"],
            ["summit-2004-03-18"],
            ["summit-2005-06-19"],
            ["summit-2005-11-24"],
            ["summit-2014"],
            ["summit-2016"],
        ],
    ),
    Question(
        id="pesco-projects",
        question="Which PESCO projects does Canada take part in, and who coordinates them?",
        cypher="""
MATCH (:Actor {id: $actor})<-[:PARTICIPANT]-(:Participation)-[:INSTRUMENT]->(proj:PescoProject)
MATCH (c:Participation)-[:INSTRUMENT]->(proj), (c)-[:ROLE]->(:ParticipantRole {id: 'coordinator'}),
  (c)-[:PARTICIPANT]->(coord:Actor)
WITH proj, coord
ORDER BY coord.id
RETURN proj.id AS project, collect(coord.id) AS coordinators
ORDER BY project
""",
        params={"actor": "canada"},
        expected=[["pesco-military-mobility", ["netherlands"]], ["pesco-netloghubs", ["cyprus", "france", "germany"]]],
    ),
    Question(
        id="pesco-decisions",
        question="Which Council decisions admitted Canada to PESCO projects, and when were they adopted?",
        cypher="""
MATCH (:Actor {id: $actor})<-[:PARTICIPANT]-(p:Participation)-[:INSTRUMENT]->(:PescoProject),
  (p)-[:LEGAL_BASIS]->(d:LegalAct)
WHERE d.name CONTAINS 'Canada'
RETURN d.id AS decision, d.celex AS celex, d.adoptedDate AS adopted
ORDER BY adopted
""",
        params={"actor": "canada"},
        expected=[["la-2021-748-cfsp", "32021D0748", "2021-05-06"], ["la-2023-385-cfsp", "32023D0385", "2023-02-20"]],
    ),
    Question(
        id="pesco-third-states",
        question="Which other third states take part in PESCO Military Mobility?",
        cypher="""
MATCH (p:Participation)-[:INSTRUMENT]->(:PescoProject {id: $project}),
  (p)-[:ROLE]->(:ParticipantRole {id: 'participant'}), (p)-[:PARTICIPANT]->(s:State)
WHERE s.id <> $actor
OPTIONAL MATCH (m:Membership)-[:MEMBER]->(s), (m)-[:ORGANISATION]->(:Actor {id: 'eu'})
WHERE m.endDate IS NULL
WITH s, count(m) AS eu
WHERE eu = 0
RETURN s.id AS state
ORDER BY state
""",
        params={"project": "pesco-military-mobility", "actor": "canada"},
        expected=[["norway"], ["switzerland"], ["united-kingdom"], ["united-states"]],
    ),
    Question(
        id="pesco-general-conditions",
        question="Which act sets the general conditions for third states in PESCO projects, and when was it adopted?",
        cypher="""
MATCH (d:LegalAct {id: $id})
WHERE d.name CONTAINS 'general conditions'
RETURN d.id AS act, d.adoptedDate AS adopted, d.name STARTS WITH 'Council Decision (CFSP) 2020/1639' AS named
""",
        params={"id": "la-2020-1639-cfsp"},
        expected=[["la-2020-1639-cfsp", "2020-11-05", True]],
    ),
    Question(
        id="csdp-by-type",
        question="To which CSDP missions and operations has Canada contributed, and of which type?",
        cypher="""
MATCH (:Actor {id: $actor})<-[:PARTICIPANT]-(:Participation)-[:INSTRUMENT]->(m:Instrument)
WHERE m:CsdpMission OR m:CsdpOperation
RETURN DISTINCT m.id AS mission, CASE WHEN m:CsdpOperation THEN 'military operation' ELSE 'civilian mission' END AS type
ORDER BY mission
""",
        params={"actor": "canada"},
        expected=[
            ["artemis-drc", "military operation"],
            ["euam-iraq", "civilian mission"],
            ["euam-ukraine", "civilian mission"],
            ["eucap-sahel-mali", "civilian mission"],
            ["eufor-althea", "military operation"],
            ["euma-armenia", "civilian mission"],
            ["eupm-bih", "civilian mission"],
            ["eupol-afghanistan", "civilian mission"],
            ["eupol-copps", "civilian mission"],
        ],
    ),
    Question(
        id="csdp-national-ops",
        question="Under which Canadian national operation names were CSDP contributions made?",
        cypher="""
MATCH (p:Participation)-[:INSTRUMENT]->(m:Instrument)
WHERE (m:CsdpMission OR m:CsdpOperation) AND p.nationalOperation IS NOT NULL
RETURN DISTINCT m.id AS mission, p.nationalOperation AS operation
ORDER BY mission, operation
""",
        expected=[["artemis-drc", ["Operation CARAVAN"]], ["eufor-althea", ["Operation BOREAS"]]],
    ),
    Question(
        id="csdp-active-as-of",
        question="In which CSDP missions or operations, running on 1 June 2024, was Canada taking part?",
        cypher="""
MATCH (:Actor {id: $actor})<-[:PARTICIPANT]-(p:Participation)-[:INSTRUMENT]->(m:Instrument)
WHERE (m:CsdpMission OR m:CsdpOperation)
  AND (p.startDateFirst IS NULL OR p.startDateFirst <= $as_of) AND (p.endDateLast IS NULL OR p.endDateLast >= $as_of)
RETURN DISTINCT m.id AS mission
ORDER BY mission
""",
        params={"actor": "canada", "as_of": "2024-06-01"},
        expected=[["euam-iraq"], ["euam-ukraine"], ["eucap-sahel-mali"], ["euma-armenia"], ["eupol-copps"]],
    ),
    Question(
        # The one as-of rule (eucan.dates): a participation that states no end ends with its mission. The
        # missions' ends rest on their sources: EUAM Ukraine's mandate "until 31 May 2027" (Council, primary),
        # EUMA's "until February 19, 2027"; EUPOL Afghanistan closed "on 31 December 2016" (EEAS, primary),
        # EUCAP Sahel Mali's mandate ran "until 31 January 2025", EUAM Iraq's "until 30 April 2026" and
        # EUPOL COPPS's "until 30 June 2026" (Council, primary): none of those four is held on 2026-12-01.
        id="csdp-as-of-2026-12",
        question="Which CSDP missions and operations does Canada take part in as of 2026-12-01, and until when at the latest?",
        cypher="""
MATCH (:Actor {id: $actor})<-[:PARTICIPANT]-(p:Participation)-[:INSTRUMENT]->(m:Instrument)
WHERE (m:CsdpMission OR m:CsdpOperation)
  AND (p.startDateFirst IS NULL OR p.startDateFirst <= $as_of) AND (p.endDateLast IS NULL OR p.endDateLast >= $as_of)
RETURN m.id AS mission, p.endDate AS own_end, p.endDateLast AS held_until, m.endDate AS mission_end
ORDER BY mission
""",
        params={"actor": "canada", "as_of": "2026-12-01"},
        expected=[
            ["euam-ukraine", None, "2027-05-31", "2027-05-31"],
            ["euma-armenia", None, "2027-02-19", "2027-02-19"],
        ],
    ),
    Question(
        # A participation that states no start begins no earlier than the Council decision admitting it
        # (eucan.dates.not_before): the UK (Decision 2022/2244 of 14 November 2022), Canada in NetLogHubs
        # (2023/385 of 20 February 2023) and Switzerland (2025/75 of 13 January 2025) were not yet in on
        # 2022-01-01, although their projects began in 2018. The three admitted in May 2021 state their
        # formal accession, 14 December 2021.
        id="pesco-third-states-as-of-2022",
        question="Which non-EU states took part in PESCO projects on 1 January 2022, and under which Council decisions?",
        cypher="""
MATCH (s:State)<-[:PARTICIPANT]-(p:Participation)-[:INSTRUMENT]->(proj:PescoProject)
WHERE (p.startDateFirst IS NULL OR p.startDateFirst <= $as_of) AND (p.endDateLast IS NULL OR p.endDateLast >= $as_of)
  AND NOT (s)<-[:MEMBER]-(:Membership)-[:ORGANISATION]->(:Actor {id: 'eu'})
MATCH (p)-[:LEGAL_BASIS]->(act:LegalAct)
WITH proj, s, p, act
ORDER BY act.id
RETURN proj.id AS project, s.id AS state, p.startDateFirst AS from, collect(act.id) AS decisions
ORDER BY project, state
""",
        params={"as_of": "2022-01-01"},
        expected=[
            ["pesco-military-mobility", "canada", "2021-12-14", ["la-2020-1639-cfsp", "la-2021-748-cfsp"]],
            ["pesco-military-mobility", "norway", "2021-12-14", ["la-2020-1639-cfsp", "la-2021-749-cfsp"]],
            ["pesco-military-mobility", "united-states", "2021-12-14", ["la-2020-1639-cfsp", "la-2021-750-cfsp"]],
        ],
    ),
    Question(
        id="pesco-third-states-admitted-later",
        question=(
            "From which day at the earliest did the states taking part in PESCO projects as third states (not EU"
            " members on that day) take part, where no accession day is stated?"
        ),
        cypher="""
MATCH (s:State)<-[:PARTICIPANT]-(p:Participation)-[:INSTRUMENT]->(proj:PescoProject)
WHERE p.startDate IS NULL
OPTIONAL MATCH (m:Membership)-[:MEMBER]->(s), (m)-[:ORGANISATION]->(:Actor {id: 'eu'})
WITH proj, s, p, sum(CASE WHEN m IS NOT NULL AND (m.startDateFirst IS NULL OR m.startDateFirst <= p.startDateFirst)
  AND (m.endDateLast IS NULL OR m.endDateLast >= p.startDateFirst) THEN 1 ELSE 0 END) AS memberships
WHERE memberships = 0
RETURN proj.id AS project, s.id AS state, proj.startDate AS project_start, p.startDateFirst AS from
ORDER BY project, state
""",
        expected=[
            ["pesco-military-mobility", "switzerland", "2018-03-06", "2025-01-13"],
            ["pesco-military-mobility", "united-kingdom", "2018-03-06", "2022-11-14"],
            ["pesco-netloghubs", "canada", "2018-03-06", "2023-02-20"],
        ],
    ),
    Question(
        id="csdp-left-with-the-mission",
        question=(
            "In which CSDP missions did Canada's participation, which states no end of its own, end with the"
            " mission before 2026-12-01, and which sources state the year the mission ended?"
        ),
        cypher="""
MATCH (:Actor {id: $actor})<-[:PARTICIPANT]-(p:Participation)-[:INSTRUMENT]->(m:Instrument)-[:PART_OF]->(:Instrument {id: 'csdp'})
WHERE p.endDate IS NULL AND p.endDateLast < $as_of
MATCH (m)-[:EVIDENCE]->(e:SourceExcerpt)-[:EXCERPT_OF]->(d:SourceDocument)
WHERE any(k IN keys(e) WHERE k STARTS WITH 'quote' AND e[k] CONTAINS left(m.endDate, 4))  // quote_ar: in Arabic
WITH m, p, d ORDER BY d.id
RETURN m.id AS mission, p.endDateLast AS held_until, collect(DISTINCT [d.id, d.primarySource]) AS sources
ORDER BY held_until
""",
        params={"actor": "canada", "as_of": "2026-12-01"},
        expected=[
            [
                "eupol-afghanistan",
                "2016-12-31",
                [["eeas-eupol-afg-closing-2016", True], ["harvard-dataverse-eu-acts", False]],
            ],
            ["eucap-sahel-mali", "2025-01-31", [["africadiplomatic-2023-01-11-eucap-sahel-mali", False]]],
            ["euam-iraq", "2026-04-30", [["almashhadalaraby-2024-04-29-euam-iraq-extension", False]]],
            ["eupol-copps", "2026-06-30", [["eubam-rafah-2025-extension", True]]],
        ],
    ),
    Question(
        id="eu-not-nato",
        question="Which EU member states were not NATO members on 1 January 2025?",
        cypher="""
MATCH (m:Membership)-[:ORGANISATION]->(:Actor {id: 'eu'}), (m)-[:MEMBER]->(s:State)
WHERE m.startDate <= $as_of AND (m.endDate IS NULL OR m.endDate >= $as_of)
OPTIONAL MATCH (n:Membership)-[:MEMBER]->(s), (n)-[:ORGANISATION]->(:Actor {id: 'nato'})
WHERE n.startDate <= $as_of AND (n.endDate IS NULL OR n.endDate >= $as_of)
WITH s, count(n) AS nato
WHERE nato = 0
RETURN s.id AS state
ORDER BY state
""",
        params={"as_of": "2025-01-01"},
        expected=[["austria"], ["cyprus"], ["ireland"], ["malta"]],
    ),
    Question(
        id="eu-size-as-of",
        question="How many member states did the EU have on 31 December 2019 and on 1 January 2025?",
        cypher="""
UNWIND $days AS day
MATCH (m:Membership)-[:ORGANISATION]->(:Actor {id: 'eu'})
WHERE m.startDate <= day AND (m.endDate IS NULL OR m.endDate >= day)
MATCH (m)-[:MEMBER]->(s:State)
RETURN day, count(DISTINCT s) AS members
ORDER BY day
""",
        params={"days": ["2019-12-31", "2025-01-01"]},
        expected=[["2019-12-31", 28], ["2025-01-01", 27]],
    ),
    Question(
        id="eu-in-nato-as-of",
        question="How many EU member states were also NATO members on 1 January 2020 and on 1 June 2024?",
        cypher="""
UNWIND $days AS day
MATCH (e:Membership)-[:ORGANISATION]->(:Actor {id: 'eu'}), (e)-[:MEMBER]->(s:State)
WHERE e.startDate <= day AND (e.endDate IS NULL OR e.endDate >= day) AND s.id <> 'united-kingdom'
MATCH (n:Membership)-[:MEMBER]->(s), (n)-[:ORGANISATION]->(:Actor {id: 'nato'})
WHERE n.startDate <= day AND (n.endDate IS NULL OR n.endDate >= day)
RETURN day, count(DISTINCT s) AS both
ORDER BY day
""",
        params={"days": ["2020-01-01", "2024-06-01"]},
        expected=[["2020-01-01", 21], ["2024-06-01", 23]],
    ),
    Question(
        id="nato-accessions",
        question="When did Finland and Sweden join NATO?",
        cypher="""
MATCH (m:Membership)-[:MEMBER]->(s:State), (m)-[:ORGANISATION]->(:Actor {id: 'nato'})
WHERE s.id IN $states
RETURN s.id AS state, m.startDate AS joined
ORDER BY joined
""",
        params={"states": ["finland", "sweden"]},
        expected=[["finland", "2023-04-04"], ["sweden", "2024-03-07"]],
    ),
    Question(
        id="canada-nato-conflict",
        question="When did Canada become a NATO member, and do the sources agree?",
        cypher="""
MATCH (m:Membership)-[:MEMBER]->(:Actor {id: $actor}), (m)-[:ORGANISATION]->(:Actor {id: 'nato'})
OPTIONAL MATCH (m)-[:CONFLICTS_WITH]-(other:Membership)
RETURN m.id AS record, m.startDate AS since, collect(DISTINCT other.id) AS conflicts_with
ORDER BY since
""",
        params={"actor": "canada"},
        expected=[
            ["nato-membership-canada", "1949-04-04", ["nato-membership-canada-1949-04-30"]],
            ["nato-membership-canada-1949-04-30", "1949-04-30", ["nato-membership-canada"]],
        ],
    ),
    Question(
        id="conflict-count",
        question="How many pairs of conflicting records does the graph hold?",
        cypher="""
MATCH (a:Resource)-[:CONFLICTS_WITH]-(b:Resource)
WHERE a.id < b.id
RETURN count(DISTINCT [a.id, b.id]) AS pairs
""",
        expected=[[6]],
    ),
    Question(
        id="hrvp-as-of",
        question="Who was the EU High Representative on 1 June 2019 and on the day the Partnership was signed?",
        cypher="""
UNWIND $days AS day
MATCH (t:Tenure)-[:POST]->(:Post {id: 'hrvp'}), (t)-[:HOLDER]->(p:Person)
WHERE t.startDate <= day AND (t.endDate IS NULL OR t.endDate >= day)
RETURN day, p.id AS holder
ORDER BY day
""",
        params={"days": ["2019-06-01", "2025-06-23"]},
        expected=[["2019-06-01", "federica-mogherini"], ["2025-06-23", "kaja-kallas"]],
    ),
    Question(
        id="mnd-as-of",
        question="Who was Canada's Minister of National Defence on 1 January 2022 and on 1 January 2024?",
        cypher="""
UNWIND $days AS day
MATCH (t:Tenure)-[:POST]->(:Post {id: 'canada-minister-national-defence'}),
  (t)-[:HOLDER]->(p:Person)
WHERE t.startDate <= day AND (t.endDate IS NULL OR t.endDate >= day)
RETURN day, p.id AS holder
ORDER BY day
""",
        params={"days": ["2022-01-01", "2024-01-01"]},
        expected=[["2022-01-01", "anita-anand"], ["2024-01-01", "bill-blair"]],
    ),
    Question(
        id="safe-status-as-of",
        question=(
            "Where did Canada's participation in SAFE stand on 1 October 2025, 1 January 2026 and 1 "
            "March 2026 (latest recorded step)?"
        ),
        cypher="""
UNWIND $days AS day
MATCH (e:Event)-[:ABOUT_INSTRUMENT]->(:Instrument {id: $id})
WHERE e.date <= day
WITH day, e
ORDER BY e.date DESC
WITH day, collect(e.id)[0] AS latest
RETURN day, latest
ORDER BY day
""",
        params={"id": "eu-canada-safe-agreement", "days": ["2025-10-01", "2026-01-01", "2026-03-01"]},
        expected=[
            ["2025-10-01", "safe-canada-mandate-2025"],
            ["2026-01-01", "safe-canada-endorsement-2025"],
            ["2026-03-01", "safe-canada-signature-authorised-2026"],
        ],
    ),
    Question(
        id="safe-timeline",
        question="What are the recorded steps towards the EU–Canada SAFE agreement, in order?",
        cypher="""
MATCH (e:Event)-[:ABOUT_INSTRUMENT]->(:Instrument {id: $id})
RETURN e.date AS date, e.id AS step
ORDER BY date
""",
        params={"id": "eu-canada-safe-agreement"},
        expected=[
            ["2025-06-23", "safe-canada-talks-agreed-2025"],
            ["2025-09-18", "safe-canada-mandate-2025"],
            ["2025-12-01", "safe-canada-negotiations-concluded-2025"],
            ["2025-12-19", "safe-canada-endorsement-2025"],
            ["2026-02-11", "safe-canada-signature-authorised-2026"],
        ],
    ),
    Question(
        id="pnr-history",
        question="Which EU–Canada PNR agreements were signed, when, and with what status?",
        cypher="""
MATCH (a:Agreement)
WHERE a.id STARTS
WITH 'eu-canada-pnr'
RETURN a.id AS agreement, a.signedDate AS signed, a.status AS status
ORDER BY signed
""",
        expected=[
            ["eu-canada-pnr-2006", "2005-10-03", "unknown"],
            ["eu-canada-pnr-2014", "2014-06-25", "signed"],
            ["eu-canada-pnr-2024", "2024-10-04", "signed"],
        ],
    ),
    Question(
        id="pnr-2014-fate",
        question="What happened to the 2014 PNR agreement after its signature?",
        cypher="""
MATCH (e:Event)-[:ABOUT_INSTRUMENT]->(:Instrument {id: $id})
RETURN e.date AS date, e.id AS event
ORDER BY date
""",
        params={"id": "eu-canada-pnr-2014"},
        expected=[
            ["2014-06-25", "signature-pnr-2014"],
            ["2014-11-25", "ep-referral-pnr-2014"],
            ["2016-09-08", "ag-opinion-1-15-2016"],
            ["2017-07-26", "cjeu-opinion-1-15-2017"],
        ],
    ),
    Question(
        id="spa-dates",
        question=(
            "When was the Strategic Partnership Agreement signed and when did its provisional application begin?"
        ),
        cypher="""
MATCH (a:Agreement {id: $id})
RETURN a.signedDate AS signed, a.provisionalApplicationDate AS provisional, a.entryIntoForceDate AS
  in_force, a.status AS status
""",
        params={"id": "eu-canada-spa"},
        expected=[["2016-10-30", "2017-04-01", None, "signed"]],
    ),
    Question(
        id="fpa",
        question=(
            "Which Council decision concluded the Framework Participation Agreement, and when was the agreement signed?"
        ),
        cypher="""
MATCH (a:Agreement {id: $id})-[:LEGAL_BASIS]->(d:LegalAct)
RETURN a.signedDate AS signed, d.id AS decision
""",
        params={"id": "eu-canada-fpa"},
        expected=[["2005-11-24", "la-2005-851-cfsp"]],
    ),
    Question(
        id="caf-path",
        question="How are the Canadian Armed Forces attached to the Canadian state (chain of parent bodies)?",
        cypher="""
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
RETURN [n IN nodes(shortestPath((a)-[:SUB_ORGANISATION_OF*]->(b))) | n.id] AS path
""",
        params={"from": "canadian-armed-forces", "to": "canada"},
        expected=[[["canadian-armed-forces", "national-defence", "canada"]]],
    ),
    Question(
        id="rrm-path",
        question=(
            "Which Canadian department houses the G7 Rapid Response Mechanism's coordination unit, and "
            "who are the Mechanism's recorded members?"
        ),
        cypher="""
MATCH (u:Actor {id: $unit})-[:SUB_ORGANISATION_OF]->(dept:Actor)
MATCH (m:Membership)-[:ORGANISATION]->(:Actor {id: 'g7-rrm'}), (m)-[:MEMBER]->(member:Actor)
WITH dept, member
ORDER BY member.id
RETURN dept.id AS department, collect(member.id) AS members
""",
        params={"unit": "g7-rrm-coordination-unit"},
        expected=[["global-affairs-canada", ["canada", "eu"]]],
    ),
    Question(
        id="hybrid-coe",
        question="Is Canada a participating state of Hybrid CoE, and how do the EU and NATO take part?",
        cypher="""
MATCH (p:Participation)-[:INSTRUMENT]->(:Instrument {id: $id}), (p)-[:PARTICIPANT]->(a:Actor),
  (p)-[:ROLE]->(r:ParticipantRole)
RETURN a.id AS actor, r.id AS role
ORDER BY actor
""",
        params={"id": "hybrid-coe-mou"},
        expected=[
            ["austria", "participant"],
            ["belgium", "participant"],
            ["canada", "participant"],
            ["cyprus", "participant"],
            ["czechia", "participant"],
            ["denmark", "participant"],
            ["estonia", "signatory"],
            ["eu", "observer"],
            ["finland", "host"],
            ["france", "signatory"],
            ["germany", "signatory"],
            ["greece", "participant"],
            ["hungary", "participant"],
            ["italy", "participant"],
            ["latvia", "signatory"],
            ["lithuania", "signatory"],
            ["luxembourg", "participant"],
            ["malta", "participant"],
            ["nato", "observer"],
            ["netherlands", "participant"],
            ["norway", "signatory"],
            ["poland", "signatory"],
            ["portugal", "participant"],
            ["romania", "participant"],
            ["slovakia", "participant"],
            ["slovenia", "participant"],
            ["spain", "signatory"],
            ["sweden", "signatory"],
            ["united-kingdom", "signatory"],
            ["united-states", "signatory"],
        ],
    ),
    Question(
        id="sdp-source",
        question=(
            "On whose word is the Partnership's signing date recorded (source URLs and whether they are primary)?"
        ),
        cypher="""
MATCH (:Instrument {id: $id})-[:EVIDENCE]->(x:SourceExcerpt)-[:EXCERPT_OF]->(d:SourceDocument)
WHERE x.quote CONTAINS '23 June 2025'
RETURN DISTINCT d.sourceUrl AS url, d.primarySource AS primary
""",
        params={"id": "sdp-2025"},
        expected=[
            [
                "https://eeas.europa.eu/eeas/security-and-defence-eu-and-canada-sign-security-and-defence-partnership_en",
                True,
            ]
        ],
    ),
    Question(
        id="safe-secondary-only",
        question="Which recorded steps towards the EU–Canada SAFE agreement rest only on secondary sources?",
        cypher="""
MATCH (e:Event)-[:ABOUT_INSTRUMENT]->(:Instrument {id: $id})
MATCH (e)-[:EVIDENCE]->(:SourceExcerpt)-[:EXCERPT_OF]->(d:SourceDocument)
WITH e, max(CASE WHEN d.primarySource THEN 1 ELSE 0 END) AS primary
WHERE primary = 0
RETURN e.id AS step
ORDER BY step
""",
        params={"id": "eu-canada-safe-agreement"},
        # the mandate and the conclusion rest on newswire copies of the releases: secondary by the primary-flag rule
        expected=[
            ["safe-canada-endorsement-2025"],
            ["safe-canada-mandate-2025"],
            ["safe-canada-negotiations-concluded-2025"],
            ["safe-canada-talks-agreed-2025"],
        ],
    ),
    Question(
        id="domains-2025-events",
        question="Which 2025 events concern EU and Canada defence initiatives (the SAFE track included)?",
        cypher="""
MATCH (e:Event)-[:COVERS_DOMAIN]->(:CooperationDomain {id: $domain})
WHERE e.date >= $from AND e.date <= $to
RETURN e.id AS event
ORDER BY e.date, event
""",
        params={"domain": "defence-initiatives", "from": "2025-01-01", "to": "2025-12-31"},
        expected=[
            ["safe-regulation-adopted-2025"],
            ["safe-canada-talks-agreed-2025"],
            ["summit-2025"],
            ["safe-canada-mandate-2025"],
            ["jmc-2025-11-11"],
            ["safe-canada-negotiations-concluded-2025"],
            ["safe-canada-endorsement-2025"],
        ],
    ),
    # --- Round 4 (issue 16): people, early summits, dialogues, missions and instruments ---
    Question(
        id="hr-holders",
        question="Who held the EU's High Representative posts (before and after the Lisbon Treaty), and when?",
        cypher="""
MATCH (t:Tenure)-[:POST]->(post:Post), (t)-[:HOLDER]->(p:Person)
WHERE post.id IN $posts
RETURN p.id AS holder, post.id AS post, t.startDate AS since, t.endDateLast AS until
ORDER BY since
""",
        params={"posts": ["hr-cfsp", "hrvp"]},
        expected=[
            ["javier-solana", "hr-cfsp", "1999-10-01", "2009-12-31"],
            ["catherine-ashton", "hrvp", "2009-12-01", "2014-10-31"],
            ["federica-mogherini", "hrvp", "2014-11-01", "2019-11-30"],
            ["josep-borrell", "hrvp", "2019-12-01", "2024-11-30"],
            ["kaja-kallas", "hrvp", "2024-12-01", None],
        ],
    ),
    Question(
        id="european-council-presidents",
        question="Who have been the Presidents of the European Council since the post became permanent, from when?",
        cypher="""
MATCH (t:Tenure)-[:POST]->(:Post {id: $post}), (t)-[:HOLDER]->(p:Person)
RETURN p.id AS president, t.startDate AS since
ORDER BY since
""",
        params={"post": "european-council-president"},
        expected=[
            ["herman-van-rompuy", "2009-12-01"],
            ["donald-tusk", "2014-12-01"],
            ["charles-michel", "2019-12-01"],
            ["antonio-costa", "2024-12-01"],
        ],
    ),
    Question(
        id="commission-presidents",
        question="Who have been the Presidents of the European Commission since 2004, from when to when?",
        cypher="""
MATCH (t:Tenure)-[:POST]->(:Post {id: $post}), (t)-[:HOLDER]->(p:Person)
RETURN p.id AS president, t.startDate AS since, t.endDateLast AS until
ORDER BY since
""",
        params={"post": "commission-president"},
        expected=[
            ["jose-manuel-barroso", "2004-11-22", "2014-10-31"],
            ["jean-claude-juncker", "2014-11-01", "2019-11-30"],
            ["ursula-von-der-leyen", "2019-12-01", None],
        ],
    ),
    Question(
        id="canada-pm-at-early-summits",
        question="Who was Canada's Prime Minister at each EU–Canada summit before 2014 (where the graph knows)?",
        cypher="""
MATCH (s:Summit)
WHERE s.date < $before
MATCH (t:Tenure)-[:POST]->(:Post {id: 'canada-prime-minister'}), (t)-[:HOLDER]->(p:Person)
WHERE t.startDate <= s.date AND (t.endDateLast IS NULL OR t.endDateLast >= s.date)
RETURN s.id AS summit, p.id AS prime_minister
ORDER BY s.date
""",
        params={"before": "2014-01-01"},
        expected=[
            ["summit-2004-03-18", "paul-martin"],
            ["summit-2005-06-19", "paul-martin"],
            ["summit-2005-11-24", "paul-martin"],
            ["summit-2007-06-04", "stephen-harper"],
            ["summit-2008-10-17", "stephen-harper"],
            ["summit-2009-05-06", "stephen-harper"],
            ["summit-2010-05-05", "stephen-harper"],
        ],
    ),
    Question(
        id="foreign-minister-at-jmc",
        question="Who was Canada's Minister of Foreign Affairs at each Joint Ministerial Committee meeting?",
        cypher="""
MATCH (e:Event)-[:ABOUT_INSTRUMENT]->(:Instrument {id: $dialogue})
MATCH (t:Tenure)-[:POST]->(:Post {id: 'canada-minister-foreign-affairs'}), (t)-[:HOLDER]->(p:Person)
WHERE t.startDate <= e.date AND (t.endDateLast IS NULL OR t.endDateLast >= e.date)
RETURN e.id AS meeting, p.id AS minister
ORDER BY e.date
""",
        params={"dialogue": "eu-canada-spa-jmc"},
        expected=[
            ["jmc-2017-12-04", "chrystia-freeland"],
            ["jmc-2018-11-06", "chrystia-freeland"],
            ["jmc-2022-05-16", "melanie-joly"],
            ["jmc-2025-11-11", "anita-anand"],
        ],
    ),
    Question(
        id="canada-foreign-ministers",
        question="Which Canadian Foreign Ministers succeeded one another from 2015 on, and from when?",
        cypher="""
MATCH (t:Tenure)-[:POST]->(:Post {id: $post}), (t)-[:HOLDER]->(p:Person)
WHERE t.startDate >= $since
RETURN p.id AS minister, t.startDate AS since
ORDER BY since
""",
        params={"post": "canada-minister-foreign-affairs", "since": "2015-01-01"},
        expected=[
            ["rob-nicholson", "2015-02-09"],
            ["stephane-dion", "2015-11-04"],
            ["chrystia-freeland", "2017-01-10"],
            ["francois-philippe-champagne", "2019-11-20"],
            ["marc-garneau", "2021-01-12"],
            ["melanie-joly", "2021-10-26"],
            ["anita-anand", "2025-05-13"],
        ],
    ),
    Question(
        id="defence-minister-as-of",
        question="Who was Canada's Minister of National Defence on 15 February 2019, 1 June 2022 and 23 June 2025?",
        cypher="""
UNWIND $days AS day
MATCH (t:Tenure)-[:POST]->(:Post {id: 'canada-minister-national-defence'}), (t)-[:HOLDER]->(p:Person)
WHERE t.startDate <= day AND (t.endDateLast IS NULL OR t.endDateLast >= day)
RETURN day, p.id AS minister
ORDER BY day
""",
        params={"days": ["2019-02-15", "2022-06-01", "2025-06-23"]},
        expected=[["2019-02-15", "harjit-sajjan"], ["2022-06-01", "anita-anand"], ["2025-06-23", "david-mcguinty"]],
    ),
    Question(
        id="summit-2010-people",
        question="Which people took part in the May 2010 EU–Canada summit in Brussels?",
        cypher="""
MATCH (:Summit {id: $id})-[:EVENT_PARTICIPANT]->(p:Person)
RETURN p.id AS person
ORDER BY person
""",
        params={"id": "summit-2010-05-05"},
        expected=[["catherine-ashton"], ["herman-van-rompuy"], ["jose-manuel-barroso"], ["stephen-harper"]],
    ),
    Question(
        id="early-summits-crisis-management",
        question="Which EU–Canada summits before 2014 dealt with crisis management and peace and security?",
        cypher="""
MATCH (s:Summit)-[:COVERS_DOMAIN]->(:CooperationDomain {id: $domain})
WHERE s.date < $before
RETURN s.id AS summit
ORDER BY s.date
""",
        params={"domain": "crisis-management", "before": "2014-01-01"},
        expected=[
            ["summit-2000-12-19"],
            ["summit-2001-12-18"],
            ["summit-2002-05"],
            ["summit-2005-06-19"],
            ["summit-2005-11-24"],
            ["summit-2007-06-04"],
            ["summit-2008-10-17"],
            ["summit-2009-05-06"],
            ["summit-2010-05-05"],
        ],
    ),
    Question(
        id="fpa-signature-sources",
        question="On which sources does the signature of the Framework Participation Agreement rest, and are they primary?",
        cypher="""
MATCH (e:Event:Signature)-[:ABOUT_INSTRUMENT]->(:Instrument {id: $id})
MATCH (e)-[:EVIDENCE]->(:SourceExcerpt)-[:EXCERPT_OF]->(d:SourceDocument)
RETURN e.date AS signed, d.id AS source, d.primarySource AS primary
ORDER BY source
""",
        params={"id": "eu-canada-fpa"},
        expected=[
            ["2005-11-24", "pco-archive-2005-11-24-summit", True],
            ["2005-11-24", "vlex-2005-canada-esdp", False],
        ],
    ),
    Question(
        id="europol-agreement",
        question="Who are the parties to the Canada–Europol co-operation agreement, and when was it signed?",
        cypher="""
MATCH (p:Participation)-[:INSTRUMENT]->(i:Instrument {id: $id}), (p)-[:ROLE]->(:ParticipantRole {id: 'party'}),
  (p)-[:PARTICIPANT]->(a:Actor)
OPTIONAL MATCH (e:Event:Signature)-[:ABOUT_INSTRUMENT]->(i)
RETURN a.id AS party, e.date AS signed, e.datePrecision AS precision
ORDER BY party
""",
        params={"id": "canada-europol-cooperation-agreement"},
        expected=[["canada", "2005-11-01", "month"], ["europol", "2005-11-01", "month"]],
    ),
    Question(
        id="nato-ratification-deposit",
        question="When and where did Canada deposit its instrument of ratification of the North Atlantic Treaty?",
        cypher="""
MATCH (e:Event {id: $id})-[:EVENT_PARTICIPANT]->(:Actor {id: 'canada'})
RETURN e.date AS deposited, e.place AS place
""",
        params={"id": "canada-nato-ratification-deposit-1949"},
        expected=[["1949-05-03", ["Washington"]]],
    ),
    Question(
        id="euam-iraq-canada",
        question="Since when has Canada contributed to EUAM Iraq, with what, and since when has the mission run?",
        cypher="""
MATCH (:Actor {id: $actor})<-[:PARTICIPANT]-(p:Participation)-[:INSTRUMENT]->(m:Instrument {id: $mission})
RETURN p.startDate AS since, p.startDatePrecision AS precision, p.personnel AS personnel, m.startDate AS mission_start
""",
        params={"actor": "canada", "mission": "euam-iraq"},
        expected=[["2019-06-01", "month", 1, "2017-10-16"]],
    ),
    Question(
        id="maritime-instruments",
        question="Which instruments cover maritime security?",
        cypher="""
MATCH (i:Instrument)-[:COVERS_DOMAIN]->(:CooperationDomain {id: $domain})
RETURN i.id AS instrument
ORDER BY instrument
""",
        params={"domain": "maritime-security"},
        expected=[
            ["eu-canada-ocean-partnership"],
            ["eu-canada-ocean-partnership-forum"],
            ["g7-friends-gulf-of-guinea"],
            ["la-2011-443-eu"],
            ["port-state-measures-agreement"],
            ["sdp-2025"],
        ],
    ),
    Question(
        id="fimi-instruments",
        question="Which instruments cover foreign information manipulation and interference (FIMI)?",
        cypher="""
MATCH (i:Instrument)-[:COVERS_DOMAIN]->(:CooperationDomain {id: $domain})
RETURN i.id AS instrument
ORDER BY instrument
""",
        params={"domain": "fimi"},
        expected=[
            ["charlevoix-commitment-defending-democracy"],
            ["eu-canada-digital-partnership"],
            ["g7-rrm-collective-response-framework"],
            ["sdp-2025"],
        ],
    ),
    Question(
        id="pnr-2024-people",
        question="Which people signed the 2024 EU–Canada PNR agreement, and for whom?",
        cypher="""
MATCH (p:Participation)-[:INSTRUMENT]->(:Instrument {id: $id}), (p)-[:ROLE]->(:ParticipantRole {id: 'signatory'}),
  (p)-[:PARTICIPANT]->(person:Person), (p)-[:ON_BEHALF_OF]->(o:Actor)
RETURN person.id AS signatory, o.id AS on_behalf_of, p.startDate AS signed
ORDER BY signatory
""",
        params={"id": "eu-canada-pnr-2024"},
        expected=[
            ["dominic-leblanc", "public-safety-canada", "2024-10-04"],
            ["ylva-johansson", "european-commission", "2024-10-04"],
        ],
    ),
    Question(
        id="eumam-ukraine-dates",
        question="When was EUMAM Ukraine established and launched, and do the sources agree on the launch day?",
        cypher="""
MATCH (m:Instrument {id: $id})
MATCH (e:Event)-[:ABOUT_INSTRUMENT]->(m)
OPTIONAL MATCH (e)-[:CONFLICTS_WITH]-(c:Event)
RETURN m.startDate AS start, e.id AS event, e.date AS date, c.id AS conflicts_with
ORDER BY date, event
""",
        params={"id": "eumam-ukraine"},
        expected=[
            ["2022-11-15", "eumam-ukraine-established-2022", "2022-10-17", None],
            ["2022-11-15", "eumam-ukraine-launch-announced-2022-11-14", "2022-11-14", "eumam-ukraine-launched-2022"],
            ["2022-11-15", "eumam-ukraine-launched-2022", "2022-11-15", "eumam-ukraine-launch-announced-2022-11-14"],
            ["2022-11-15", "eumam-ukraine-extended-2024-11-08", "2024-11-08", None],
        ],
    ),
    Question(
        id="epf-legal-basis",
        question="Which Council decision established the European Peace Facility, with which CELEX number and date?",
        cypher="""
MATCH (:Instrument {id: $id})-[:LEGAL_BASIS]->(d:LegalAct)
RETURN d.id AS act, d.celex AS celex, d.adoptedDate AS adopted
""",
        params={"id": "european-peace-facility"},
        expected=[["la-2021-509-cfsp", "32021D0509", "2021-03-22"]],
    ),
    Question(
        id="personal-representative",
        question="Who is the Prime Minister of Canada's Personal Representative to the EU, and since when?",
        cypher="""
MATCH (t:Tenure)-[:POST]->(:Post {id: $post}), (t)-[:HOLDER]->(p:Person)
RETURN p.id AS representative, t.startDate AS since
""",
        params={"post": "canada-personal-representative-eu"},
        expected=[["john-hannaford", "2025-10-01"]],
    ),
    Question(
        id="jcc-meetings",
        question="Which meetings of the SPA Joint Cooperation Committee are recorded, and where?",
        cypher="""
MATCH (e:Event)-[:ABOUT_INSTRUMENT]->(:Instrument {id: $id})
RETURN e.id AS meeting, e.date AS date, e.place AS place
ORDER BY date
""",
        params={"id": "eu-canada-spa-jcc"},
        expected=[
            ["jcc-2017-ottawa", "2017-01-01", ["Ottawa"]],
            ["jcc-2018-06-28", "2018-06-28", ["Brussels"]],
            ["jcc-2020-02-10", "2020-02-10", ["Ottawa"]],
            ["jcc-2023-03-09", "2023-03-09", ["Brussels"]],
        ],
    ),
    Question(
        id="ocean-partnership-forum",
        question="When and where did the first EU–Canada Ocean Partnership Forum meet?",
        cypher="""
MATCH (e:Event:Meeting)-[:ABOUT_INSTRUMENT]->(:Instrument {id: $id})
RETURN e.id AS meeting, e.date AS date, e.place AS place
""",
        params={"id": "eu-canada-ocean-partnership-forum"},
        expected=[["ocean-partnership-forum-2022", "2022-10-03", ["Brussels"]]],
    ),
    Question(
        id="hr-at-niagara",
        question="Who was the EU's High Representative for the CFSP at the June 2005 Niagara-on-the-Lake summit, and did he attend?",
        cypher="""
MATCH (s:Summit {id: $id})
MATCH (t:Tenure)-[:POST]->(:Post {id: 'hr-cfsp'}), (t)-[:HOLDER]->(p:Person)
WHERE t.startDate <= s.date AND (t.endDateLast IS NULL OR t.endDateLast >= s.date)
RETURN p.id AS high_representative, exists((s)-[:EVENT_PARTICIPANT]->(p)) AS attended
""",
        params={"id": "summit-2005-06-19"},
        expected=[["javier-solana", True]],
    ),
    Question(
        id="summits-arms-control",
        question="Which summits addressed arms control, disarmament and non-proliferation?",
        cypher="""
MATCH (s:Summit)-[:COVERS_DOMAIN]->(:CooperationDomain {id: $domain})
RETURN s.id AS summit
ORDER BY s.date
""",
        params={"domain": "arms-control"},
        expected=[
            ["summit-2000-06-26"],
            ["summit-2001-12-18"],
            ["summit-2002-12-19"],
            ["summit-2004-03-18"],
            ["summit-2005-11-24"],
        ],
    ),
    Question(
        id="people-without-tenure",
        question="Which recorded people act in the graph without any tenure (post and period) being recorded for them?",
        cypher="""
MATCH (p:Person)
WHERE p.id IN $people
OPTIONAL MATCH (t:Tenure)-[:HOLDER]->(p)
WITH p, count(t) AS tenures
WHERE tenures = 0
RETURN p.id AS person
ORDER BY person
""",
        params={
            "people": [
                "andrius-kubilius",
                "dominic-leblanc",
                "ylva-johansson",
                "donald-tusk",
                "magnus-brunner",
                "genevieve-tuts",
            ]
        },
        expected=[],
    ),
    Question(
        id="early-frameworks",
        question="Which EU–Canada political and security frameworks preceded the Strategic Partnership Agreement, and from when?",
        cypher="""
MATCH (i:Instrument)
WHERE i.id IN $ids
RETURN i.id AS framework, coalesce(i.signedDate, i.startDate) AS since
ORDER BY since, framework
""",
        params={
            "ids": [
                "eu-canada-joint-political-declaration-1996",
                "eu-canada-defence-security-statement-2000",
                "eu-canada-jha-statement-2000",
                "eu-canada-partnership-agenda-2004",
            ]
        },
        expected=[
            ["eu-canada-joint-political-declaration-1996", "1996-01-01"],
            ["eu-canada-defence-security-statement-2000", "2000-12-19"],
            ["eu-canada-jha-statement-2000", "2000-12-19"],
            ["eu-canada-partnership-agenda-2004", "2004-03-18"],
        ],
    ),
    Question(
        id="hr-meetings-with-canadian-fm",
        question="Which meetings between the EU High Representative and Canada's Foreign Minister are recorded outside the JMC?",
        cypher="""
MATCH (e:Event:Meeting)-[:EVENT_PARTICIPANT]->(hr:Person), (e)-[:EVENT_PARTICIPANT]->(fm:Person)
MATCH (t1:Tenure)-[:HOLDER]->(hr), (t1)-[:POST]->(:Post {id: 'hrvp'})
MATCH (t2:Tenure)-[:HOLDER]->(fm), (t2)-[:POST]->(:Post {id: 'canada-minister-foreign-affairs'})
WHERE NOT (e)-[:ABOUT_INSTRUMENT]->(:Instrument {id: $jmc})
RETURN DISTINCT e.id AS meeting, hr.id AS high_representative, fm.id AS minister
ORDER BY meeting
""",
        params={"jmc": "eu-canada-spa-jmc"},
        expected=[
            ["eu-canada-ministerial-2020-09-08", "josep-borrell", "francois-philippe-champagne"],
            ["ev-2020-10-15-borrell-champagne-call", "josep-borrell", "francois-philippe-champagne"],
            ["hrvp-dion-meeting-2015", "federica-mogherini", "stephane-dion"],
            ["transatlantic-dialogue-2016-06-08", "federica-mogherini", "stephane-dion"],
        ],
    ),
    Question(
        id="arms-control-record",
        question="Which instruments and events link the EU and Canada on arms control, and from when?",
        cypher="""
MATCH (x)-[:COVERS_DOMAIN]->(:CooperationDomain {id: $domain})
WHERE (x:Instrument OR x:Event) AND NOT x:Summit AND x.id <> $partnership
RETURN x.id AS record, coalesce(x.signedDate, x.adoptedDate, x.entryIntoForceDate, x.startDate, x.date) AS since
ORDER BY since, record
""",
        params={"domain": "arms-control", "partnership": "sdp-2025"},
        expected=[
            ["eu-canada-salw-landmines-statement-1998", "1998-12-17"],
            ["eu-canada-salw-statement-1999-09-02", "1999-09-02"],
            ["canada-eu-small-arms-working-group", "1999-12-16"],
            ["eu-canada-peacebuilding-statement-2000", "2000-06-26"],
            ["eu-canada-nonproliferation-declaration-2001", "2001-06-21"],
            ["global-partnership-wmd", "2002-06-27"],
            ["ep-resolution-canada-summit-2010-05-05", "2010-05-05"],
            ["eu-att-demarche-2013-09-17", "2013-09-17"],
            ["arms-trade-treaty", "2014-12-24"],
            ["la-2021-2309-cfsp", "2021-12-22"],
            ["da-asat-test-commitment", "2022-04-01"],
            ["eu-member-states-asat-commitment-2023-08", "2023-08-01"],
            ["la-2023-2296-cfsp", "2023-10-23"],
            ["canada-gp-chair-2025", "2025-01-01"],
        ],
    ),
    Question(
        id="police-arrangement-partners",
        question="Through which Canadian arrangement are police sent to EU CSDP missions, and which departments take part in it?",
        cypher="""
MATCH (p:Participation)-[:INSTRUMENT]->(i:Instrument {id: $id}), (p)-[:PARTICIPANT]->(a:Actor),
  (p)-[:ROLE]->(r:ParticipantRole)
RETURN i.name AS arrangement, a.id AS department, r.id AS role
ORDER BY department
""",
        params={"id": "canadian-police-arrangement"},
        expected=[
            ["Canadian Police Arrangement", "global-affairs-canada", "participant"],
            ["Canadian Police Arrangement", "public-safety-canada", "participant"],
            ["Canadian Police Arrangement", "rcmp", "participant"],
        ],
    ),
    Question(
        id="fpa-timeline",
        question="When did the Council authorise negotiating the EU–Canada Framework Participation Agreement, and when was it signed?",
        cypher="""
MATCH (e:Event)-[:ABOUT_INSTRUMENT]->(:Instrument {id: $id})
RETURN e.id AS event, e.date AS date
ORDER BY date
""",
        params={"id": "eu-canada-fpa"},
        expected=[
            ["ev-2004-02-23-fpa-negotiation-authorised", "2004-02-23"],
            ["ev-2005-11-24-fpa-signature", "2005-11-24"],
        ],
    ),
    Question(
        id="hybrid-coe-joined-2018",
        question="Which states are recorded as joining Hybrid CoE in 2018 (year precision)?",
        cypher="""
MATCH (p:Participation)-[:INSTRUMENT]->(:Instrument {id: $id}), (p)-[:PARTICIPANT]->(a:Actor)
WHERE p.startDate = $year AND p.startDatePrecision = 'year'
RETURN a.id AS state
ORDER BY state
""",
        params={"id": "hybrid-coe-mou", "year": "2018-01-01"},
        expected=[["austria"], ["cyprus"], ["czechia"], ["denmark"], ["italy"], ["netherlands"], ["romania"]],
    ),
    Question(
        id="euam-iraq-founding-act",
        question="Which Council decision established EUAM Iraq, the mission to which Canada seconded an expert, and is it on a primary source?",
        cypher="""
MATCH (d:LegalAct)
WHERE d.name CONTAINS $mission
OPTIONAL MATCH (d)-[:EVIDENCE]->(:SourceExcerpt)-[:EXCERPT_OF]->(s:SourceDocument)
RETURN d.id AS act, d.celex AS celex, d.adoptedDate AS adopted, max(s.primarySource) AS primary
""",
        params={"mission": "EUAM Iraq"},
        expected=[["la-2017-1869-cfsp", "32017D1869", "2017-10-16", False]],
    ),
    Question(
        id="osce-participating-states",
        question="How many recorded states are OSCE participating States, and is Canada among them?",
        cypher="""
MATCH (m:Membership)-[:ORGANISATION]->(:Actor {id: $org}), (m)-[:MEMBER]->(s:Actor)
RETURN count(s) AS states, sum(CASE WHEN s.id = 'canada' THEN 1 ELSE 0 END) AS canada
""",
        params={"org": "osce"},
        expected=[[29, 1]],
    ),
    Question(
        id="drone-coalition-members",
        question="Which states are recorded in the drone capability coalition for Ukraine, and which lead it?",
        cypher="""
MATCH (p:Participation)-[:INSTRUMENT]->(:Instrument {id: $id}), (p)-[:PARTICIPANT]->(a:Actor),
  (p)-[:ROLE]->(r:ParticipantRole)
RETURN a.id AS state, r.id AS role
ORDER BY state
""",
        params={"id": "drone-capability-coalition"},
        expected=[
            ["canada", "participant"],
            ["czechia", "participant"],
            ["denmark", "participant"],
            ["estonia", "participant"],
            ["germany", "participant"],
            ["italy", "participant"],
            ["latvia", "coordinator"],
            ["lithuania", "participant"],
            ["netherlands", "participant"],
            ["poland", "participant"],
            ["sweden", "participant"],
            ["united-kingdom", "coordinator"],
        ],
    ),
    Question(
        id="ipm-meetings",
        question="Which European Parliament–Canada interparliamentary meetings are recorded, when (at which precision) and where?",
        cypher="""
MATCH (e:Event:DialogueMeeting)-[:ABOUT_INSTRUMENT]->(:Instrument {id: $id})
RETURN e.id AS meeting, e.date AS date, e.datePrecision AS precision, e.place AS place
ORDER BY date
""",
        params={"id": "eu-canada-interparliamentary-meetings"},
        expected=[
            ["ipm-27-2003-10-29", "2003-10-29", "day", ["Ottawa"]],
            ["ipm-32-2009-11", "2009-11-01", "month", ["Brussels"]],
            ["ipm-2013-04", "2013-04-01", "month", None],
            ["ipm-40-2019-03", "2019-03-01", "month", ["Strasbourg"]],
            ["ipm-2022-12-ottawa", "2022-12-01", "month", ["Ottawa"]],
            ["ipm-42-2023-06-08", "2023-06-08", "day", ["Brussels"]],
        ],
    ),
    Question(
        id="ipm-parliamentarians",
        question="Which parliamentarians are recorded in the EU–Canada interparliamentary dialogue, and in how many of its meetings?",
        cypher="""
MATCH (e:Event)-[:ABOUT_INSTRUMENT]->(:Instrument {id: $id}), (e)-[:EVENT_PARTICIPANT]->(p:Person)
RETURN p.id AS person, count(e) AS meetings
ORDER BY person
""",
        params={"id": "eu-canada-interparliamentary-meetings"},
        expected=[["francesco-sorbara", 2], ["scott-simms", 2], ["stephanie-yon-courtin", 3]],
    ),
    Question(
        id="pm-addresses-european-parliament",
        question="When and where did a Canadian Prime Minister address the European Parliament?",
        cypher="""
MATCH (e:Event)-[:EVENT_PARTICIPANT]->(:Actor {id: $pm}), (e)-[:EVENT_PARTICIPANT]->(:Actor {id: $ep})
RETURN e.id AS address, e.date AS date, e.place AS place
ORDER BY date
""",
        params={"pm": "justin-trudeau", "ep": "european-parliament"},
        expected=[
            ["trudeau-ep-address-2017-02-16", "2017-02-16", ["Strasbourg"]],
            ["trudeau-ep-address-2022-03-23", "2022-03-23", ["Brussels"]],
        ],
    ),
    Question(
        id="summit-mechanism-roles",
        question="Who takes part in the EU–Canada Leaders' Summits as a mechanism, and in which role?",
        cypher="""
MATCH (p:Participation)-[:INSTRUMENT]->(:Instrument {id: $id}), (p)-[:PARTICIPANT]->(a:Actor),
  (p)-[:ROLE]->(r:ParticipantRole)
RETURN a.id AS actor, r.id AS role
ORDER BY actor
""",
        params={"id": "eu-canada-leaders-summits"},
        expected=[
            ["canada", "party"],
            ["council-eu", "participant"],
            ["eu", "party"],
            ["european-commission", "participant"],
            ["european-council", "participant"],
        ],
    ),
    Question(
        id="frameworks-before-1996",
        question="Which instrument with Canada as a party predates the 1996 Joint Political Declaration, and from when?",
        cypher="""
MATCH (p:Participation)-[:INSTRUMENT]->(i:Instrument), (p)-[:PARTICIPANT]->(:Actor {id: $actor})
WHERE i.signedDate < $before
RETURN DISTINCT i.id AS instrument, i.signedDate AS signed, i.signedDatePrecision AS precision
ORDER BY signed
""",
        params={"actor": "canada", "before": "1996-01-01"},
        expected=[["ec-canada-transatlantic-declaration-1990", "1990-01-01", "year"]],
    ),
    Question(
        id="fimi-events",
        question="Which recorded events addressed foreign information manipulation and interference?",
        cypher="""
MATCH (e:Event)-[:COVERS_DOMAIN]->(:CooperationDomain {id: $domain})
RETURN e.id AS event, e.date AS date
ORDER BY date
""",
        params={"domain": "fimi"},
        expected=[
            ["canada-stratcom-coe-contribution-2014-09-04", "2014-09-04"],
            ["g7-toronto-ministerial-2018-04-23", "2018-04-23"],
            ["ipm-42-2023-06-08", "2023-06-08"],
            ["sdd-2024-03", "2024-03-01"],
            ["summit-2025", "2025-06-23"],
        ],
    ),
    Question(
        id="eu-delegation-security-events",
        question="In which recorded events did the EU Delegation to Canada take part, and how precisely are they dated?",
        cypher="""
MATCH (e:Event)-[:EVENT_PARTICIPANT]->(:Actor {id: $actor})
RETURN e.id AS event, e.date AS date, e.datePrecision AS precision
ORDER BY date
""",
        params={"actor": "eu-delegation-to-canada"},
        expected=[
            ["dca-meeting-2019-10-23", "2019-10-23", "day"],
            ["eu-security-defence-symposium-2020-03-24", "2020-03-24", "day"],
            ["road-to-schuman-ottawa-2024", "2024-01-01", "year"],
        ],
    ),
    Question(
        id="dialogues-2017-secondary-only",
        question="Which 2017 JCC and dialogue meetings rest only on secondary sources?",
        cypher="""
MATCH (e:Event)
WHERE e.date >= $from AND e.date <= $to
  AND (e:DialogueMeeting OR (e)-[:ABOUT_INSTRUMENT]->(:Instrument {id: $jcc}))
MATCH (e)-[:EVIDENCE]->(:SourceExcerpt)-[:EXCERPT_OF]->(d:SourceDocument)
WITH e, max(CASE WHEN d.primarySource THEN 1 ELSE 0 END) AS primary
WHERE primary = 0
RETURN e.id AS meeting
ORDER BY meeting
""",
        params={"from": "2017-01-01", "to": "2017-12-31", "jcc": "eu-canada-spa-jcc"},
        expected=[["jcc-2017-ottawa"], ["regional-consultations-2017"], ["sdd-2017"]],
    ),
    # --- Round 5: instruments of the thin cooperation domains (data/instruments-round5.yaml) ---
    Question(
        id="domains-under-three-instruments",
        question=(
            "Which cooperation areas of the 2025 Partnership are served by fewer than three other "
            "instruments (legal acts left out)?"
        ),
        cypher="""
MATCH (sdp:Instrument {id: $partnership})-[:COVERS_DOMAIN]->(d:CooperationDomain)
OPTIONAL MATCH (i:Instrument)-[:COVERS_DOMAIN]->(d)
WHERE i <> sdp AND NOT i:LegalAct
WITH d, count(DISTINCT i) AS n
WHERE n < 3
RETURN d.id AS domain, n
ORDER BY domain
""",
        params={"partnership": "sdp-2025"},
        expected=[["climate-security", 2], ["military-mobility", 2]],
    ),
    Question(
        id="att-eu-support-celex",
        question=(
            "Which EU legal acts support the Arms Trade Treaty that Canada joined, with their CELEX numbers, "
            "and since when is Canada a party?"
        ),
        cypher="""
MATCH (p:Participation)-[:INSTRUMENT]->(:Instrument {id: $id}), (p)-[:PARTICIPANT]->(:Actor {id: 'eu'}),
  (p)-[:LEGAL_BASIS]->(la:LegalAct)
MATCH (c:Participation)-[:INSTRUMENT]->(:Instrument {id: $id}), (c)-[:PARTICIPANT]->(:Actor {id: 'canada'})
RETURN la.id AS act, la.celex AS celex, c.startDate AS canada_party_since
ORDER BY act
""",
        params={"id": "arms-trade-treaty"},
        expected=[
            ["la-2021-2309-cfsp", "32021D2309", "2019-09-17"],
            ["la-2023-2296-cfsp", "32023D2296", "2019-09-17"],
        ],
    ),
    Question(
        id="att-eu-member-parties",
        question="How many EU member states are recorded as parties to the Arms Trade Treaty, and is the EU itself one?",
        cypher="""
MATCH (p:Participation)-[:INSTRUMENT]->(:Instrument {id: $id}), (p)-[:ROLE]->(:ParticipantRole {id: 'party'}),
  (p)-[:PARTICIPANT]->(s:Actor)
MATCH (eu:Actor {id: 'eu'})
OPTIONAL MATCH (m:Membership)-[:MEMBER]->(s), (m)-[:ORGANISATION]->(eu)
WITH eu, count(DISTINCT CASE WHEN m IS NOT NULL THEN s END) AS eu_members,
  sum(CASE WHEN s = eu THEN 1 ELSE 0 END) AS eu_is_party
RETURN eu_members, eu_is_party
""",
        params={"id": "arms-trade-treaty"},
        expected=[[27, 0]],
    ),
    Question(
        id="gulf-of-guinea-eu-states",
        question=(
            "Which EU member states sit with Canada and the EU in the G7++ Friends of the Gulf of Guinea, "
            "and where did the group meet in December 2014?"
        ),
        cypher="""
MATCH (p:Participation)-[:INSTRUMENT]->(i:Instrument {id: $id}), (p)-[:PARTICIPANT]->(s:Actor)
MATCH (m:Membership)-[:MEMBER]->(s), (m)-[:ORGANISATION]->(:Actor {id: 'eu'})
MATCH (e:Event)-[:ABOUT_INSTRUMENT]->(i)
WHERE e.date >= $from AND e.date <= $to
WITH e, s
ORDER BY s.id
RETURN e.place AS place, collect(DISTINCT s.id) AS eu_member_states
""",
        params={"id": "g7-friends-gulf-of-guinea", "from": "2014-12-01", "to": "2014-12-31"},
        expected=[
            [
                ["Accra"],
                ["belgium", "denmark", "france", "germany", "italy", "netherlands", "portugal", "spain"],
            ]
        ],
    ),
    Question(
        id="asat-commitment-order",
        question="In what order did Canada and Germany join the commitment not to conduct destructive anti-satellite missile tests?",
        cypher="""
MATCH (p:Participation)-[:INSTRUMENT]->(:Instrument {id: $id}), (p)-[:PARTICIPANT]->(a:Actor)
RETURN a.id AS actor, p.startDate AS joined
ORDER BY joined
""",
        params={"id": "da-asat-test-commitment"},
        expected=[["canada", "2022-05-09"], ["germany", "2022-09-13"]],
    ),
    Question(
        id="eu-in-children-coalition",
        question="Since when has the EU taken part in the coalition for the return of Ukrainian children, and in which role?",
        cypher="""
MATCH (p:Participation)-[:INSTRUMENT]->(:Instrument {id: $id}), (p)-[:PARTICIPANT]->(:Actor {id: 'eu'}),
  (p)-[:ROLE]->(r:ParticipantRole)
RETURN r.id AS role, p.startDate AS since
""",
        params={"id": "coalition-return-ukrainian-children"},
        expected=[["observer", "2024-06-18"]],
    ),
    Question(
        id="psma-parties-and-act",
        question=(
            "When did the EU and Canada become bound by the Port State Measures Agreement against illegal "
            "fishing, and on which EU act does the EU's approval rest?"
        ),
        cypher="""
MATCH (p:Participation)-[:INSTRUMENT]->(:Instrument {id: $id}), (p)-[:PARTICIPANT]->(a:Actor)
OPTIONAL MATCH (p)-[:LEGAL_BASIS]->(la:LegalAct)
RETURN a.id AS party, p.startDate AS bound_from, la.celex AS celex
ORDER BY party
""",
        params={"id": "port-state-measures-agreement"},
        expected=[["canada", "2019-07-20", None], ["eu", "2016-06-05", "32011D0443"]],
    ),
    Question(
        id="wps-chods-canada-chair",
        question="For how long did Canada chair the Women, Peace and Security Chiefs of Defence Network?",
        cypher="""
MATCH (p:Participation)-[:INSTRUMENT]->(:Instrument {id: $id}), (p)-[:PARTICIPANT]->(:Actor {id: 'canada'}),
  (p)-[:ROLE]->(:ParticipantRole {id: 'chair'})
RETURN p.startDate AS start, p.startDatePrecision AS start_precision, p.endDate AS end
""",
        params={"id": "wps-chods-network"},
        expected=[["2019-07-01", "month", "2022-02-08"]],
    ),
    Question(
        id="eu-head-of-delegation-as-of",
        question="Who headed the EU Delegation to Canada on 1 January 2023 and on 1 January 2025?",
        cypher="""
UNWIND $days AS day
MATCH (t:Tenure)-[:POST]->(:Post {id: 'eu-head-of-delegation-canada'}), (t)-[:HOLDER]->(p:Person)
WHERE t.startDate <= day AND (t.endDate IS NULL OR t.endDate >= day)
RETURN day, p.id AS holder
ORDER BY day
""",
        params={"days": ["2023-01-01", "2025-01-01"]},
        expected=[["2023-01-01", "melita-gabric"], ["2025-01-01", "genevieve-tuts"]],
    ),
    Question(
        id="public-safety-as-of",
        question=(
            "Who was Canada's Minister of Public Safety on 1 June 2016, on 1 June 2020, on the day the 2024 "
            "PNR agreement was signed, on 1 January 2025 and on the day the 2025 Partnership was signed?"
        ),
        cypher="""
UNWIND $days AS day
MATCH (t:Tenure)-[:POST]->(:Post {id: 'canada-minister-public-safety'}), (t)-[:HOLDER]->(p:Person)
WHERE t.startDate <= day AND (t.endDate IS NULL OR t.endDate >= day)
RETURN day, p.id AS holder
ORDER BY day
""",
        params={"days": ["2016-06-01", "2020-06-01", "2024-10-04", "2025-01-01", "2025-06-23"]},
        expected=[
            ["2016-06-01", "ralph-goodale"],
            ["2020-06-01", "bill-blair"],
            ["2024-10-04", "dominic-leblanc"],
            ["2025-01-01", "david-mcguinty"],
            ["2025-06-23", "gary-anandasangaree"],
        ],
    ),
    Question(
        id="pnr-2024-signatory-posts",
        question="Which posts did the two people who signed the 2024 PNR agreement hold on the day they signed it?",
        cypher="""
MATCH (p:Participation)-[:INSTRUMENT]->(:Instrument {id: $id}), (p)-[:ROLE]->(:ParticipantRole {id:
  'signatory'}), (p)-[:PARTICIPANT]->(person:Person)
MATCH (t:Tenure)-[:HOLDER]->(person), (t)-[:POST]->(post:Post)
WHERE t.startDate <= p.startDate AND (t.endDate IS NULL OR t.endDate >= p.startDate)
RETURN person.id AS person, post.id AS post, p.startDate AS signed
ORDER BY person
""",
        params={"id": "eu-canada-pnr-2024"},
        expected=[
            ["dominic-leblanc", "canada-minister-public-safety", "2024-10-04"],
            ["ylva-johansson", "commissioner-home-affairs", "2024-10-04"],
        ],
    ),
    Question(
        id="spa-signatories",
        question=(
            "Who signed the 2016 Strategic Partnership Agreement, on behalf of whom, and which post did "
            "each hold that day?"
        ),
        cypher="""
MATCH (i:Instrument {id: $id})
MATCH (p:Participation)-[:INSTRUMENT]->(i), (p)-[:ROLE]->(:ParticipantRole {id: 'signatory'}),
  (p)-[:PARTICIPANT]->(person:Person), (p)-[:ON_BEHALF_OF]->(o:Actor)
MATCH (t:Tenure)-[:HOLDER]->(person), (t)-[:POST]->(post:Post)
WHERE t.startDate <= i.signedDate AND (t.endDate IS NULL OR t.endDate >= i.signedDate)
RETURN person.id AS signatory, o.id AS on_behalf_of, post.id AS post
ORDER BY signatory
""",
        params={"id": "eu-canada-spa"},
        expected=[
            ["donald-tusk", "eu", "european-council-president"],
            ["jean-claude-juncker", "eu", "commission-president"],
            ["justin-trudeau", "canada", "canada-prime-minister"],
        ],
    ),
    Question(
        id="home-affairs-commissioners",
        question="Who has held the Commission's home-affairs portfolio since 2019, and from when to when?",
        cypher="""
MATCH (t:Tenure)-[:POST]->(:Post {id: $post}), (t)-[:HOLDER]->(p:Person)
RETURN p.id AS commissioner, t.startDate AS start, t.endDate AS end
ORDER BY start
""",
        params={"post": "commissioner-home-affairs"},
        expected=[
            ["ylva-johansson", "2019-12-01", "2024-11-30"],
            ["magnus-brunner", "2024-12-01", None],
        ],
    ),
    Question(
        id="eu-delegation-tenure-primary-sources",
        question="On which primary sources do the tenures of the EU's heads of delegation in Canada rest?",
        cypher="""
MATCH (t:Tenure)-[:POST]->(:Post {id: $post})
MATCH (t)-[:EVIDENCE]->(:SourceExcerpt)-[:EXCERPT_OF]->(d:SourceDocument)
WHERE d.primarySource = true
WITH t, d ORDER BY d.id
RETURN t.id AS tenure, collect(DISTINCT d.id) AS primary_sources
ORDER BY tenure
""",
        params={"post": "eu-head-of-delegation-canada"},
        expected=[
            ["tenure-gabric-eu-head-of-delegation-canada", ["eeas-delegation-canada-about"]],
            ["tenure-tuts-eu-head-of-delegation-canada", ["gg-2024-10-09-credentials"]],
        ],
    ),
    Question(
        id="public-safety-secondary-only",
        question="Which tenures of Canada's Ministers of Public Safety still rest only on secondary sources?",
        cypher="""
MATCH (t:Tenure)-[:POST]->(:Post {id: $post})
MATCH (t)-[:EVIDENCE]->(:SourceExcerpt)-[:EXCERPT_OF]->(d:SourceDocument)
WITH t, sum(CASE WHEN d.primarySource = true THEN 1 ELSE 0 END) AS primary
WHERE primary = 0
RETURN t.id AS tenure
ORDER BY tenure
""",
        params={"post": "canada-minister-public-safety"},
        expected=[["tenure-leblanc-public-safety"], ["tenure-mcguinty-public-safety"]],
    ),
    Question(
        id="costa-canada-meetings-before-2025-summit",
        question="In which recorded meetings did António Costa deal with Canada's Prime Minister before the 2025 summit?",
        cypher="""
MATCH (e:Event)-[:EVENT_PARTICIPANT]->(:Actor {id: $person}), (e)-[:EVENT_PARTICIPANT]->(pm:Person)
MATCH (t:Tenure)-[:HOLDER]->(pm), (t)-[:POST]->(:Post {id: 'canada-prime-minister'})
WHERE e.date < $before AND t.startDate <= e.date AND (t.endDate IS NULL OR t.endDate >= e.date)
RETURN e.id AS event, e.date AS date, pm.id AS prime_minister
ORDER BY date
""",
        params={"person": "antonio-costa", "before": "2025-06-23"},
        expected=[
            ["trudeau-costa-call-2024-09-16", "2024-09-16", "justin-trudeau"],
            ["eu-canada-leaders-meeting-2025-02-12", "2025-02-12", "justin-trudeau"],
        ],
    ),
    Question(
        id="pnr-signatories-by-agreement",
        question=(
            "Who signed each EU–Canada PNR agreement whose signatories are recorded as people, and on behalf of whom?"
        ),
        cypher="""
MATCH (p:Participation)-[:INSTRUMENT]->(i:Instrument), (p)-[:ROLE]->(:ParticipantRole {id:
  'signatory'}), (p)-[:PARTICIPANT]->(person:Person), (p)-[:ON_BEHALF_OF]->(o:Actor)
WHERE i.id IN $ids
RETURN i.id AS agreement, i.signedDate AS signed, person.id AS signatory, o.id AS on_behalf_of
ORDER BY signed, signatory
""",
        params={"ids": ["eu-canada-pnr-2006", "eu-canada-pnr-2014", "eu-canada-pnr-2024"]},
        expected=[
            ["eu-canada-pnr-2014", "2014-06-25", "luc-portelance", "canada"],
            ["eu-canada-pnr-2014", "2014-06-25", "theodoros-sotiropoulos", "eu"],
            ["eu-canada-pnr-2024", "2024-10-04", "dominic-leblanc", "public-safety-canada"],
            ["eu-canada-pnr-2024", "2024-10-04", "ylva-johansson", "european-commission"],
        ],
    ),
    # --- dq, 2026-12-02: the EDA's Administrative Arrangements and the 2025 summit's defence outcomes ---
    Question(
        id="eda-administrative-arrangements",
        question=(
            "With which third states has the European Defence Agency signed an Administrative Arrangement, "
            "and when (is Canada among them)?"
        ),
        cypher="""
MATCH (p:Participation)-[:INSTRUMENT]->(i:Instrument), (p)-[:PARTICIPANT]->(:Actor {id: $eda})
MATCH (q:Participation)-[:INSTRUMENT]->(i), (q)-[:PARTICIPANT]->(a:Actor)
WHERE a.id <> $eda
OPTIONAL MATCH (a)-[:SUB_ORGANISATION_OF]->(parent:Actor)
RETURN a.id AS party, coalesce(parent.id, a.id) AS state, i.signedDate AS signed
ORDER BY signed
""",
        params={"eda": "eda"},
        # Canada is not among them (the EDA's list, read 2026-12-02)
        expected=[
            ["norway", "norway", "2006-03-07"],
            ["switzerland", "switzerland", "2012-03-16"],
            ["serbia", "serbia", "2013-12-13"],
            ["ukraine", "ukraine", "2015-12-07"],
            ["us-department-of-defense", "united-states", "2023-04-26"],
        ],
    ),
    Question(
        id="summit-2025-defence-outcomes",
        question=(
            "Which cooperation areas did the 2025 EU–Canada summit address, and what did it say about the "
            "European Defence Agency (with the source's primary flag)?"
        ),
        cypher="""
MATCH (s:Summit {id: $id})-[:COVERS_DOMAIN]->(d:CooperationDomain)
WITH s, d ORDER BY d.id
WITH s, collect(d.id) AS domains
MATCH (s)-[:EVIDENCE]->(x:SourceExcerpt)-[:EXCERPT_OF]->(doc:SourceDocument)
WHERE x.quote CONTAINS 'European Defence Agency'
RETURN domains, x.quote AS quote, doc.primarySource AS primary
""",
        params={"id": "summit-2025"},
        expected=[
            [
                ["cyber-and-edt", "defence-initiatives", "fimi", "maritime-security", "military-mobility"],
                "Explore forming closer ties between Canada and the European Defence Agency.",
                False,
            ]
        ],
    ),
    Question(
        id="sdp-defence-representative",
        question=(
            "Does the Partnership provide for a Canadian defence representative to the EU, and on whose word "
            "(source and whether it is primary)?"
        ),
        cypher="""
MATCH (:Instrument {id: $id})-[:EVIDENCE]->(x:SourceExcerpt)-[:EXCERPT_OF]->(d:SourceDocument)
WHERE x.quote CONTAINS 'defence representative'
RETURN x.quote AS quote, d.sourceUrl AS url, d.primarySource AS primary
""",
        params={"id": "sdp-2025"},
        expected=[
            ["posting a defence representative to the European Union", "https://raincloud.network/news/2742777", False]
        ],
    ),
    Question(
        id="summit-2023-aggression-tribunal",
        question="Which summit called for a tribunal for the crime of aggression against Ukraine, and when?",
        cypher="""
MATCH (s:Summit)-[:EVIDENCE]->(x:SourceExcerpt)
WHERE x.quote CONTAINS $words
RETURN s.id AS summit, s.date AS date
""",
        params={"words": "crime of aggression"},
        expected=[["summit-2023", "2023-11-23"]],
    ),
    Question(
        id="csdp-mandates-lapsed-unconfirmed",
        question=(
            "Which CSDP missions and operations had a last recorded mandate ending before 2 December 2026 "
            "with no later extension found (status unknown), and when did that mandate end?"
        ),
        cypher="""
MATCH (m:Instrument)
WHERE (m:CsdpMission OR m:CsdpOperation) AND m.status = $status AND m.endDate < $as_of
RETURN m.id AS mission, m.endDate AS mandate_end
ORDER BY mission
""",
        params={"status": "unknown", "as_of": "2026-12-02"},
        expected=[
            ["euam-iraq", "2026-04-30"],
            ["eucap-sahel-mali", "2025-01-31"],
            ["eumam-ukraine", "2026-11-15"],
            ["eupol-copps", "2026-06-30"],
        ],
    ),
    Question(
        id="sdd-2024-heads",
        question=("Where was the 8th Security and Defence Dialogue held, and who led the Canadian and EU delegations?"),
        cypher="""
MATCH (e:Event {id: $id})
MATCH (e)-[:EVENT_PARTICIPANT]->(p:Person)
WITH e, p ORDER BY p.id
RETURN e.place AS place, collect(p.id) AS heads
""",
        params={"id": "sdd-2024-03"},
        expected=[[["Ottawa"], ["charles-fries", "heidi-hulan"]]],
    ),
    Question(
        id="eufor-althea-latest-renewal",
        question=(
            "What is the latest recorded step in EUFOR Althea's mandate, and is the operation's status "
            "known as of December 2026?"
        ),
        cypher="""
MATCH (m:Instrument {id: $id})
MATCH (e:Event)-[:ABOUT_INSTRUMENT]->(m)
WITH m, e ORDER BY e.date DESC
WITH m, collect(e)[0] AS latest
RETURN latest.id AS step, latest.date AS date, m.status AS status
""",
        params={"id": "eufor-althea"},
        expected=[["unsc-eufor-althea-renewal-2025-10-31", "2025-10-31", "unknown"]],
    ),
    Question(
        id="partnerships-2025-summit",
        question="Which EU–Canada partnerships were agreed or signed on the day of the 2025 summit?",
        cypher="""
MATCH (s:Summit {id: $summit})
MATCH (i:Instrument:Partnership)
WHERE coalesce(i.signedDate, i.startDate) = s.date
RETURN i.id AS partnership, i.status AS status
ORDER BY partnership
""",
        params={"summit": "summit-2025"},
        expected=[["eu-canada-strategic-partnership-of-the-future", "active"], ["sdp-2025", "signed"]],
    ),
    # --- audit of 2026-12-02: questions a researcher would ask that the questions above left out ---
    Question(
        id="jmc-co-chairs",
        question=(
            "Who co-chaired each meeting of the EU–Canada Joint Ministerial Committee, and which post did each "
            "hold on the day?"
        ),
        cypher="""
MATCH (e:Event)-[:ABOUT_INSTRUMENT]->(:Instrument {id: $jmc}), (e)-[:EVENT_PARTICIPANT]->(p:Person)
OPTIONAL MATCH (t:Tenure)-[:HOLDER]->(p), (t)-[:POST]->(post:Post)
WHERE t.startDate <= e.date AND (t.endDateLast IS NULL OR t.endDateLast >= e.date)
WITH e, p, post
ORDER BY p.id
RETURN e.id AS meeting, collect([p.id, post.id]) AS co_chairs
ORDER BY meeting
""",
        params={"jmc": "eu-canada-spa-jmc"},
        expected=[
            [
                "jmc-2017-12-04",
                [["chrystia-freeland", "canada-minister-foreign-affairs"], ["federica-mogherini", "hrvp"]],
            ],
            [
                "jmc-2018-11-06",
                [["chrystia-freeland", "canada-minister-foreign-affairs"], ["federica-mogherini", "hrvp"]],
            ],
            ["jmc-2022-05-16", [["josep-borrell", "hrvp"], ["melanie-joly", "canada-minister-foreign-affairs"]]],
            ["jmc-2025-11-11", [["anita-anand", "canada-minister-foreign-affairs"], ["kaja-kallas", "hrvp"]]],
        ],
    ),
    Question(
        id="summit-eu-leaders-since-2016",
        question="Who represented the EU at each EU–Canada summit since 2016, and in which post on the summit day?",
        cypher="""
MATCH (s:Summit)-[:EVENT_PARTICIPANT]->(p:Person)
WHERE s.date >= $since
MATCH (t:Tenure)-[:HOLDER]->(p), (t)-[:POST]->(post:Post)-[:POST_IN]->(org:Actor)
WHERE t.startDate <= s.date AND (t.endDateLast IS NULL OR t.endDateLast >= s.date) AND org.id <> $canada
WITH s, p, post
ORDER BY post.id
RETURN s.id AS summit, collect([post.id, p.id]) AS eu_side
ORDER BY summit
""",
        params={"since": "2016-01-01", "canada": "canada"},
        expected=[
            [
                "summit-2016",
                [["commission-president", "jean-claude-juncker"], ["european-council-president", "donald-tusk"]],
            ],
            [
                "summit-2019",
                [["commission-president", "jean-claude-juncker"], ["european-council-president", "donald-tusk"]],
            ],
            [
                "summit-2021",
                [
                    ["commission-president", "ursula-von-der-leyen"],
                    ["european-council-president", "charles-michel"],
                    ["hrvp", "josep-borrell"],
                ],
            ],
            [
                "summit-2023",
                [["commission-president", "ursula-von-der-leyen"], ["european-council-president", "charles-michel"]],
            ],
            [
                "summit-2025",
                [["commission-president", "ursula-von-der-leyen"], ["european-council-president", "antonio-costa"]],
            ],
        ],
    ),
    Question(
        id="leaders-summits-series",
        question="How many EU–Canada Leaders' Summits does the graph record as meetings of that series, and when were the first and the last?",
        cypher="""
MATCH (e:Event)-[:ABOUT_INSTRUMENT]->(:Instrument {id: $id})
RETURN count(e) AS summits, min(e.date) AS first, max(e.date) AS last, all(x IN collect(e) WHERE x:Summit) AS all_summits
""",
        params={"id": "eu-canada-leaders-summits"},
        expected=[[18, "2000-06-26", "2025-06-23", True]],
    ),
    Question(
        id="pesco-canada-timeline",
        question=(
            "For each PESCO project Canada takes part in, when did the Council confirm its participation and "
            "when did Canada formally join?"
        ),
        cypher="""
MATCH (:Actor {id: $actor})<-[:PARTICIPANT]-(p:Participation)-[:INSTRUMENT]->(proj:PescoProject)
MATCH (p)-[:LEGAL_BASIS]->(d:LegalAct)
WHERE d.name CONTAINS 'Canada'
RETURN proj.id AS project, d.id AS council_decision, d.adoptedDate AS confirmed, p.startDate AS joined,
  p.startDatePrecision AS joined_precision
ORDER BY confirmed
""",
        params={"actor": "canada"},
        expected=[
            ["pesco-military-mobility", "la-2021-748-cfsp", "2021-05-06", "2021-12-14", "day"],
            ["pesco-netloghubs", "la-2023-385-cfsp", "2023-02-20", None, None],
        ],
    ),
    Question(
        id="eu-canada-agreements-not-in-force",
        question=(
            "Which agreements between the EU and Canada are signed but not known to be in force, when were they "
            "signed, and are any applied provisionally?"
        ),
        cypher="""
MATCH (i:Agreement {status: $status})<-[:INSTRUMENT]-(:Participation)-[:PARTICIPANT]->(:Actor {id: $eu})
MATCH (i)<-[:INSTRUMENT]-(:Participation)-[:PARTICIPANT]->(:Actor {id: $canada})
WITH DISTINCT i
RETURN i.id AS agreement, i.signedDate AS signed, i.provisionalApplicationDate AS applied_provisionally
ORDER BY agreement
""",
        params={"status": "signed", "eu": "eu", "canada": "canada"},
        expected=[
            ["eu-canada-ocean-partnership", "2019-07-18", None],
            ["eu-canada-pnr-2014", "2014-06-25", None],
            ["eu-canada-pnr-2024", "2024-10-04", None],
            ["eu-canada-safe-agreement", "2026-02-01", None],
            ["eu-canada-security-of-information-agreement", None, None],
            ["eu-canada-spa", "2016-10-30", "2017-04-01"],
        ],
    ),
    Question(
        id="classified-information-agreement",
        question=(
            "Which Council decision approved the EU–Canada agreement on exchanging classified information, when, "
            "and are its signature and entry into force known?"
        ),
        cypher="""
MATCH (i:Instrument {id: $id})-[:LEGAL_BASIS]->(d:LegalAct)
RETURN d.id AS decision, d.adoptedDate AS approved, i.status AS status, i.signedDate AS signed,
  i.entryIntoForceDate AS in_force
""",
        params={"id": "eu-canada-security-of-information-agreement"},
        expected=[["la-2017-2322-cfsp", "2017-05-29", "signed", None, None]],
    ),
    Question(
        id="officials-at-military-mobility-accession",
        question=(
            "Who were the EU's High Representative, NATO's Secretary General and Canada's Foreign and Defence "
            "Ministers on the day Canada formally joined PESCO Military Mobility?"
        ),
        cypher="""
MATCH (p:Participation {id: $record})
MATCH (t:Tenure)-[:POST]->(post:Post), (t)-[:HOLDER]->(h:Person)
WHERE post.id IN $posts AND t.startDate <= p.startDate AND (t.endDateLast IS NULL OR t.endDateLast >= p.startDate)
RETURN post.id AS post, h.id AS holder
ORDER BY post
""",
        params={
            "record": "part-canada-pesco-military-mobility",
            "posts": [
                "hrvp",
                "nato-secretary-general",
                "canada-minister-foreign-affairs",
                "canada-minister-national-defence",
            ],
        },
        expected=[
            ["canada-minister-foreign-affairs", "melanie-joly"],
            ["canada-minister-national-defence", "anita-anand"],
            ["hrvp", "josep-borrell"],
            ["nato-secretary-general", "jens-stoltenberg"],
        ],
    ),
    Question(
        id="harper-era-defence-ministers",
        question=(
            "Who was Canada's Minister of National Defence when EUPOL Afghanistan took in its Kandahar contingent "
            "(30 June 2008) and when the SPA negotiations were concluded (8 September 2014)?"
        ),
        cypher="""
UNWIND $days AS day
MATCH (t:Tenure)-[:POST]->(:Post {id: $post}), (t)-[:HOLDER]->(p:Person)
WHERE t.startDate <= day AND (t.endDateLast IS NULL OR t.endDateLast >= day)
RETURN day, p.id AS minister
ORDER BY day
""",
        params={"days": ["2008-06-30", "2014-09-08"], "post": "canada-minister-national-defence"},
        expected=[["2008-06-30", "peter-mackay"], ["2014-09-08", "rob-nicholson"]],
    ),
    Question(
        id="no-defence-minister-before-2006",
        question="Does the graph name Canada's Foreign or Defence Minister before the Harper cabinet was sworn in (6 February 2006)?",
        cypher="""
MATCH (t:Tenure)-[:POST]->(post:Post)
WHERE post.id IN $posts AND (t.startDate IS NULL OR t.startDate < $day)
RETURN count(t) AS tenures
""",
        params={"posts": ["canada-minister-foreign-affairs", "canada-minister-national-defence"], "day": "2006-02-06"},
        expected=[[0]],
    ),
    Question(
        id="eu-head-of-delegation-2019",
        question="Who headed the EU Delegation to Canada on 1 January 2019, and since when?",
        cypher="""
MATCH (t:Tenure)-[:POST]->(:Post {id: $post}), (t)-[:HOLDER]->(p:Person)
WHERE t.startDate <= $day AND (t.endDateLast IS NULL OR t.endDateLast >= $day)
RETURN p.id AS head, t.startDate AS since
""",
        params={"post": "eu-head-of-delegation-canada", "day": "2019-01-01"},
        expected=[["peteris-ustubs", "2017-09-12"]],
    ),
    Question(
        id="canada-ukraine-instruments",
        question="In which instruments of support to Ukraine does Canada itself take part, in what role and since when?",
        cypher="""
MATCH (i:Instrument)-[:COVERS_DOMAIN]->(:CooperationDomain {id: $domain})
MATCH (p:Participation)-[:INSTRUMENT]->(i), (p)-[:PARTICIPANT]->(:Actor {id: $actor}), (p)-[:ROLE]->(r:ParticipantRole)
RETURN i.id AS instrument, r.id AS role, p.startDate AS since
ORDER BY instrument, role
""",
        params={"domain": "support-to-ukraine", "actor": "canada"},
        expected=[
            ["coalition-return-ukrainian-children", "chair", "2024-02-02"],
            ["drone-capability-coalition", "participant", "2024-03-07"],
            ["euam-ukraine", "contributor", None],
            ["g7-era-loans", "contributor", None],
            ["register-of-damage-ukraine", "participant", "2023-05-16"],
            ["repo-task-force", "participant", "2022-03-16"],
            ["sdp-2025", "party", "2025-06-23"],
        ],
    ),
    Question(
        id="csdp-personnel-figures",
        question="What numbers of personnel do the sources give for Canada's contributions to CSDP missions and operations?",
        cypher="""
MATCH (a:Actor)<-[:PARTICIPANT]-(p:Participation)-[:INSTRUMENT]->(m:Instrument)-[:PART_OF]->(:Instrument {id: $csdp})
WHERE p.personnel IS NOT NULL AND (a.id = $actor OR (a)-[:SUB_ORGANISATION_OF*1..3]->(:Actor {id: $actor}))
RETURN m.id AS mission, a.id AS through, p.personnel AS personnel
ORDER BY mission, through
""",
        params={"csdp": "csdp", "actor": "canada"},
        expected=[
            ["euam-iraq", "canada", 1],
            ["euam-ukraine", "rcmp", 20],
            ["eufor-althea", "canada", 11],
            ["euma-armenia", "canada", 2],
            ["eupol-afghanistan", "canada", 11],
            ["eupol-copps", "canada", 1],
        ],
    ),
    Question(
        id="rcmp-csdp-missions",
        question="To which CSDP missions has the RCMP deployed Canadian police?",
        cypher="""
MATCH (:Actor {id: $actor})<-[:PARTICIPANT]-(:Participation)-[:INSTRUMENT]->(m:Instrument)-[:PART_OF]->(:Instrument {id: $csdp})
RETURN DISTINCT m.id AS mission
ORDER BY mission
""",
        params={"actor": "rcmp", "csdp": "csdp"},
        expected=[["euam-ukraine"], ["eucap-sahel-mali"], ["eupm-bih"], ["eupol-afghanistan"], ["eupol-copps"]],
    ),
    Question(
        id="events-after-sdp",
        question="Which recorded events since the signature of the 2025 Partnership concern its cooperation areas, and which areas?",
        cypher="""
MATCH (sdp:Instrument {id: $sdp})
MATCH (e:Event)-[:COVERS_DOMAIN]->(d:CooperationDomain)<-[:COVERS_DOMAIN]-(sdp)
WHERE e.date > sdp.signedDate
WITH e, d
ORDER BY d.id
RETURN e.id AS event, e.date AS date, collect(d.id) AS areas
ORDER BY date, event
""",
        params={"sdp": "sdp-2025"},
        expected=[
            ["safe-canada-mandate-2025", "2025-09-18", ["defence-initiatives"]],
            ["unsc-eufor-althea-renewal-2025-10-31", "2025-10-31", ["crisis-management"]],
            ["jmc-2025-11-11", "2025-11-11", ["defence-initiatives", "support-to-ukraine"]],
            ["safe-canada-negotiations-concluded-2025", "2025-12-01", ["defence-initiatives"]],
            ["safe-canada-endorsement-2025", "2025-12-19", ["defence-initiatives"]],
            ["safe-canada-signature-authorised-2026", "2026-02-11", ["defence-initiatives"]],
            ["raw-materials-meeting-2026-03-02", "2026-03-02", ["economic-human-security"]],
        ],
    ),
    Question(
        id="canada-dialogue-meetings",
        question="For each EU–Canada dialogue Canada takes part in, how many meetings are recorded, and when was the first?",
        cypher="""
MATCH (d:Dialogue)<-[:INSTRUMENT]-(:Participation)-[:PARTICIPANT]->(:Actor {id: $actor})
OPTIONAL MATCH (e:Event)-[:ABOUT_INSTRUMENT]->(d)
WITH d, count(DISTINCT e) AS meetings, min(e.date) AS first
RETURN d.id AS dialogue, meetings, first
ORDER BY dialogue
""",
        params={"actor": "canada"},
        expected=[
            ["canada-eu-small-arms-working-group", 0, None],
            ["eu-canada-defence-security-statement-2000", 0, None],
            ["eu-canada-digital-dialogue", 1, "2024-02-01"],
            ["eu-canada-leaders-summits", 18, "2000-06-26"],
            ["eu-canada-ocean-partnership-forum", 1, "2022-10-03"],
            ["eu-canada-security-defence-dialogue", 3, "2015-01-01"],
            ["eu-canada-spa-jcc", 4, "2017-01-01"],
            ["eu-canada-spa-jmc", 4, "2017-12-04"],
            ["eu-canada-transatlantic-dialogue", 1, "2016-06-08"],
            ["oewg-reducing-space-threats", 0, None],
        ],
    ),
    Question(
        id="nato-eu-canada-instruments",
        question="Which instruments have NATO, the EU and Canada all as participants?",
        cypher="""
MATCH (i:Instrument)<-[:INSTRUMENT]-(:Participation)-[:PARTICIPANT]->(a:Actor)
WHERE a.id IN $actors
WITH i, collect(DISTINCT a.id) AS who
WHERE size(who) = size($actors)
RETURN i.id AS instrument
ORDER BY instrument
""",
        params={"actors": ["nato", "eu", "canada"]},
        expected=[["hybrid-coe-mou"]],
    ),
    Question(
        id="event-quotes-name-absent-people",
        question="Which events quote a recorded person by full name without listing that person among their participants?",
        cypher="""
MATCH (e:Event)-[:EVIDENCE]->(x:SourceExcerpt), (p:Person)
WHERE x.quote CONTAINS p.name AND NOT (e)-[:EVENT_PARTICIPANT]->(p) AND NOT p.id IN $not_acting
RETURN DISTINCT e.id AS event, p.id AS person
ORDER BY event, person
""",
        params={"not_acting": []},
        expected=[],
    ),
]


def test_enough_questions() -> None:
    assert len(QUESTIONS) >= 60
    assert len({q.id for q in QUESTIONS}) == len(QUESTIONS)


@pytest.mark.parametrize("q", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_question(store: GraphStore, q: Question) -> None:
    """Run the question's Cypher with its bound parameters and compare with the expected answer."""
    assert q.question.endswith("?")
    for name in q.params:
        assert f"${name}" in q.cypher, f"parameter {name} is not used by the query"
    result = store.run(q.cypher, q.params)
    assert result.rows == q.expected, f"{q.question}\ngot: {result.rows!r}"
