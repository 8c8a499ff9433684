"""Terms of the EU–Canada security ontology (`ecs:`). Generated from eucan.ttl by codegen.py; do not edit."""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = ["ECS"]


class ECS(DefinedNamespace):
    """https://w3id.org/eucan-security/ontology#"""

    _fail = True
    _NS = Namespace("https://w3id.org/eucan-security/ontology#")

    Actor: URIRef  # Actor
    Agreement: URIRef  # Agreement
    Announcement: URIRef  # Announcement
    AuthorityLink: URIRef  # Authority link
    CooperationDomain: URIRef  # Cooperation domain
    CsdpMission: URIRef  # CSDP mission
    CsdpOperation: URIRef  # CSDP operation
    Dialogue: URIRef  # Dialogue
    DialogueMeeting: URIRef  # Dialogue meeting
    EUBody: URIRef  # EU body
    EUInstitution: URIRef  # EU institution
    Event: URIRef  # Event
    Fact: URIRef  # Fact
    FinancingInstrument: URIRef  # Financing instrument
    Framework: URIRef  # Framework
    GovernmentDepartment: URIRef  # Government department
    Instrument: URIRef  # Instrument
    InternationalOrganisation: URIRef  # International organisation
    LegalAct: URIRef  # Legal act
    Meeting: URIRef  # Meeting
    Membership: URIRef  # Membership
    Negotiation: URIRef  # Negotiation
    Organisation: URIRef  # Organisation
    ParticipantRole: URIRef  # Participant role
    Participation: URIRef  # Participation
    Partnership: URIRef  # Partnership
    Person: URIRef  # Person
    PescoProject: URIRef  # PESCO project
    Post: URIRef  # Post
    Signature: URIRef  # Signature
    SourceDocument: URIRef  # Source document
    SourceExcerpt: URIRef  # Source excerpt
    State: URIRef  # State
    Summit: URIRef  # Summit
    Tenure: URIRef  # Tenure
    aboutInstrument: URIRef  # about instrument
    acronym: URIRef  # acronym
    adoptedDate: URIRef  # adopted on
    adoptedDatePrecision: URIRef  # adoption date precision
    altId: URIRef  # former identifier
    authorityScheme: URIRef  # authority scheme
    celex: URIRef  # CELEX number
    conflictsWith: URIRef  # conflicts with
    contribution: URIRef  # contribution
    coversDomain: URIRef  # covers domain
    date: URIRef  # date
    datePrecision: URIRef  # date precision
    documentedOverlap: URIRef  # documented overlap
    endDate: URIRef  # end date
    endDateBasis: URIRef  # basis of the latest possible end
    endDateFrom: URIRef  # latest possible end taken from
    endDateLast: URIRef  # latest possible end
    endDatePrecision: URIRef  # end date precision
    entryIntoForceDate: URIRef  # entry into force
    entryIntoForceDatePrecision: URIRef  # entry into force date precision
    eventParticipant: URIRef  # event participant
    evidence: URIRef  # evidence
    excerptOf: URIRef  # excerpt of
    holder: URIRef  # holder
    instrument: URIRef  # instrument
    legalBasis: URIRef  # legal basis
    linkSubject: URIRef  # link subject
    linkTarget: URIRef  # link target
    location: URIRef  # location
    member: URIRef  # member
    memberOf: URIRef  # member of
    nationalOperation: URIRef  # national operation
    officialUrl: URIRef  # official URL
    onBehalfOf: URIRef  # on behalf of
    organisation: URIRef  # organisation
    partOf: URIRef  # part of
    participant: URIRef  # participant
    participatesIn: URIRef  # participates in
    personnel: URIRef  # personnel
    place: URIRef  # place
    post: URIRef  # post
    postIn: URIRef  # post in
    primarySource: URIRef  # primary source
    provisionalApplicationDate: URIRef  # provisionally applied from
    provisionalApplicationDatePrecision: URIRef  # provisional application date precision
    publicationDate: URIRef  # published in the Official Journal on
    publicationDatePrecision: URIRef  # publication date precision
    publishedDate: URIRef  # published on
    publishedDatePrecision: URIRef  # publication date precision
    publisher: URIRef  # publisher
    quote: URIRef  # quote
    retrievedDate: URIRef  # retrieved on
    role: URIRef  # role
    signedAt: URIRef  # signed at
    signedDate: URIRef  # signed on
    signedDatePrecision: URIRef  # signature date precision
    sourceUrl: URIRef  # source URL
    startDate: URIRef  # start date
    startDateBasis: URIRef  # basis of the earliest possible start
    startDateFirst: URIRef  # earliest possible start
    startDateFirstPrecision: URIRef  # precision of the earliest possible start
    startDateFrom: URIRef  # earliest possible start taken from
    startDatePrecision: URIRef  # start date precision
    status: URIRef  # status
    subOrganisationOf: URIRef  # sub-organisation of
    uncertainty: URIRef  # uncertainty
