"""Dataset descriptions for harvesters: VoID (statistics, endpoint, dumps) and DCAT-AP 3.

Blank nodes have fixed labels, so a description is the same bytes each time (strong ETags).

Both are small rdflib graphs built from the export's statistics (`ExportStats`) and the
address the service is reached at. Controlled values come from the EU Vocabularies authority
tables (themes, licence, languages, file types, access rights, frequency, availability) and
are typed and labelled so the records validate against the DCAT-AP shapes on their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, SKOS, VOID

from eucan import __version__
from eucan.linked.export import EXPORT_FORMATS, ExportStats
from eucan.ontology.iris import ONTOLOGY

__all__ = ["DatasetLinks", "dcat_graph", "service_description_graph", "void_graph"]

AUTH = "http://publications.europa.eu/resource/authority/"
DCATAP = Namespace("http://data.europa.eu/r5r/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
TITLE = "EU–Canada Security Knowledge Graph"
DESCRIPTION = (
    "Who cooperates with whom on what in EU–Canada security and defence: actors, instruments (the 2025 "
    "Security and Defence Partnership, agreements, PESCO projects, CSDP missions and operations, dialogues), "
    "the 16 cooperation areas, memberships and officials' tenures, every fact dated and linked to a source "
    "excerpt (URL, quote, retrieval date)."
)
LICENCE = URIRef(AUTH + "licence/CC_BY_4_0")
FILE_TYPES = {"ttl": "RDF_TURTLE", "nt": "RDF_N_TRIPLES", "jsonld": "JSON_LD", "rdfxml": "RDF_XML"}
THEMES = {
    "JUST": "Justice, legal system and public safety",
    "INTR": "International issues",
    "GOVE": "Government and public sector",
}
KEYWORDS = ("security", "defence", "European Union", "Canada", "CSDP", "PESCO", "international cooperation",
            "provenance")  # fmt: skip
# Geometry of the spatial coverage (DCAT-AP 3 recommends dcat:bbox and dcat:centroid on a
# dcterms:Location, as GeoSPARQL WKT literals in CRS84 order, longitude then latitude).
# Canada's bounding box, read on 2026-12-01 in the U.S. Bureau of Transportation Statistics' metadata
# of its "Canadian Province Boundaries" (North American Transportation Atlas Data, 1998, compiled
# from the 1:1,000,000 Digital Chart of the World), as published by Princeton University Library:
# http://gisserver.princeton.edu/data/america/metadata/canprov.htm  — verbatim:
# "West_Bounding_Coordinate: -141.000000 East_Bounding_Coordinate: -52.636292
#  North_Bounding_Coordinate: 83.110619 South_Bounding_Coordinate: 41.708298".
# The four edges are Canada's extreme points as Statistics Canada names them (Canada Year Book 2012,
# https://www.statcan.gc.ca/pub/11-402-x/2012000/chap/geo/geo-eng.htm: "5,514 km from Cape Spear,
# Newfoundland and Labrador, to the Yukon and Alaska boundary" and "4,634 km from Cape Columbia
# (Ellesmere Island), Nunavut, to Middle Island (Lake Erie), Ontario"); that page gives no coordinates.
# The centroid is computed: the centre of that box (not Canada's centre of area).
CANADA_BBOX = (-141.0, 41.708298, -52.636292, 83.110619)  # west, south, east, north
# Europe's bounding box: the area of use of ETRS89-extended / LAEA Europe (EPSG:3035), the CRS the
# INSPIRE Directive uses for pan-European data. The EPSG registry (IOGP) describes that area as
# "Europe - onshore and offshore: Albania; Andorra; Austria; ... Norway including Svalbard and Jan
# Mayen; ... Ukraine; United Kingdom (UK) including Channel Islands and Isle of Man; Vatican City
# State." (http://epsg-registry.org/, report for EPSG:3035, read 2026-12-01), which covers every
# European State in the data (the EU member states, Norway, the UK, Ukraine). Its bounds were read
# on https://epsgtransform.com/crs/epsg-3035, which reproduces the EPSG dataset (a secondary copy):
# "Geographic bounds W -35.58° S 24.6° E 44.83° N 84.73°". The centroid is the centre of that box.
EUROPE_BBOX = (-35.58, 24.6, 44.83, 84.73)  # west, south, east, north
GEOSPARQL_WKT = URIRef("http://www.opengis.net/ont/geosparql#wktLiteral")


def _wkt_box(west: float, south: float, east: float, north: float) -> tuple[Literal, Literal]:
    """A bounding box as a closed WKT polygon and its centre as a WKT point (GeoSPARQL literals)."""

    def num(value: float) -> str:
        return f"{value:.7f}".rstrip("0").rstrip(".")

    corners = [(west, south), (east, south), (east, north), (west, north), (west, south)]
    ring = ", ".join(f"{num(x)} {num(y)}" for x, y in corners)
    centre = f"POINT({num((west + east) / 2)} {num((south + north) / 2)})"
    return Literal(f"POLYGON(({ring}))", datatype=GEOSPARQL_WKT), Literal(centre, datatype=GEOSPARQL_WKT)


VOCABULARIES = [
    str(ONTOLOGY),
    "http://www.w3.org/2004/02/skos/core#",
    "http://purl.org/dc/terms/",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
]


@dataclass(frozen=True)
class DatasetLinks:
    """Where things are: `base` is the IRI base (w3id), `site` the address of this server."""

    base: str
    site: str

    def iri(self, path: str) -> URIRef:
        return URIRef(self.base.rstrip("/") + "/" + path)

    def url(self, path: str) -> URIRef:
        return URIRef(self.site.rstrip("/") + "/" + path.lstrip("/"))

    def dump(self, fmt: str) -> URIRef:
        return self.url(f"dumps/eucan-security.{EXPORT_FORMATS[fmt].extension}")


def _bind(graph: Graph) -> Graph:
    for prefix, ns in [("void", VOID), ("dcat", DCAT), ("dcterms", DCTERMS), ("foaf", FOAF), ("skos", SKOS),
                       ("dcatap", DCATAP), ("vcard", VCARD), ("xsd", XSD),
                       ("geo", Namespace("http://www.opengis.net/ont/geosparql#"))]:  # fmt: skip
        graph.bind(prefix, ns)
    return graph


def void_graph(stats: ExportStats, links: DatasetLinks) -> Graph:
    """A VoID description: size, classes, properties, vocabularies, endpoint, dumps, examples."""
    g = _bind(Graph())
    ds = links.iri("dataset")
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, DCTERMS.title, Literal(TITLE, lang="en")))
    g.add((ds, DCTERMS.description, Literal(DESCRIPTION, lang="en")))
    g.add((ds, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")))
    g.add((ds, VOID.uriSpace, Literal(links.base.rstrip("/") + "/")))
    g.add((ds, VOID.sparqlEndpoint, links.url("sparql")))
    g.add((ds, VOID.rootResource, links.iri("domain/")))
    for fmt in EXPORT_FORMATS:
        g.add((ds, VOID.dataDump, links.dump(fmt)))
    for vocab in VOCABULARIES:
        g.add((ds, VOID.vocabulary, URIRef(vocab)))
    g.add((ds, VOID.triples, Literal(stats.triples, datatype=XSD.integer)))
    g.add((ds, VOID.entities, Literal(stats.entities, datatype=XSD.integer)))
    g.add((ds, VOID.classes, Literal(len(stats.classes), datatype=XSD.integer)))
    g.add((ds, VOID.properties, Literal(len(stats.properties), datatype=XSD.integer)))
    g.add((ds, VOID.distinctSubjects, Literal(stats.entities, datatype=XSD.integer)))
    g.add((ds, VOID.distinctObjects, Literal(stats.distinct_objects, datatype=XSD.integer)))
    for slug in ("id/actor/canada", "id/instrument/sdp-2025", "domain/maritime-security"):
        g.add((ds, VOID.exampleResource, links.iri(slug)))
    for n, (cls, count) in enumerate(sorted(stats.classes.items())):
        part = BNode(f"classPartition{n}")
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(cls)))
        g.add((part, VOID.entities, Literal(count, datatype=XSD.integer)))
    for n, (prop, count) in enumerate(sorted(stats.properties.items())):
        part = BNode(f"propertyPartition{n}")
        g.add((ds, VOID.propertyPartition, part))
        g.add((part, VOID.property, URIRef(prop)))
        g.add((part, VOID.triples, Literal(count, datatype=XSD.integer)))
    return g


ADMS_PUBLISHER_TYPES = "http://purl.org/adms/publishertype/"
# The authority tables (SKOS concept schemes) the controlled values come from, with their titles.
SCHEME_TITLES = {
    AUTH + "access-right": "Access right",
    AUTH + "continent": "Continents",
    AUTH + "country": "Countries and territories",
    AUTH + "data-theme": "Data theme",
    AUTH + "file-type": "File type",
    AUTH + "frequency": "Frequency",
    AUTH + "language": "Languages",
    AUTH + "planned-availability": "Planned availability",
    ADMS_PUBLISHER_TYPES + "1.0": "Publisher type",
    "http://purl.org/adms/licencetype/1.0": "Licence type",
}


def _scheme(iri: URIRef) -> URIRef:
    """The authority table (SKOS scheme) a controlled value belongs to: its IRI without the last segment."""
    text = str(iri)
    if text.startswith(ADMS_PUBLISHER_TYPES):
        return URIRef(ADMS_PUBLISHER_TYPES + "1.0")
    if text.startswith("http://purl.org/adms/licencetype/"):
        return URIRef("http://purl.org/adms/licencetype/1.0")
    return URIRef(text.rsplit("/", 1)[0])


def _concept(g: Graph, iri: URIRef, label: str, cls: URIRef | None = None) -> URIRef:
    g.add((iri, RDF.type, SKOS.Concept))
    g.add((iri, SKOS.prefLabel, Literal(label, lang="en")))
    g.add((iri, SKOS.inScheme, _scheme(iri)))
    scheme = _scheme(iri)
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    g.add((scheme, DCTERMS.title, Literal(SCHEME_TITLES[str(scheme)], lang="en")))
    if cls is not None:
        g.add((iri, RDF.type, cls))
    return iri


def dcat_graph(stats: ExportStats, links: DatasetLinks, *, modified: str | None = None) -> Graph:
    """A DCAT-AP 3 record: catalogue, dataset, one distribution per dump format, the SPARQL service."""
    g = _bind(Graph())
    catalog, dataset, service = links.iri("catalog"), links.iri("dataset"), links.iri("sparql-service")
    publisher = links.iri("publisher")
    g.add((publisher, RDF.type, FOAF.Agent))
    g.add((publisher, FOAF.name, Literal("EU–Canada Security Knowledge Graph project", lang="en")))
    g.add(
        (
            publisher,
            DCTERMS.type,
            _concept(
                g,
                URIRef("http://purl.org/adms/publishertype/Academia-ScientificOrganisation"),
                "Academia/Scientific organisation",
            ),
        )
    )
    licence = LICENCE
    g.add((licence, RDF.type, DCTERMS.LicenseDocument))
    attribution = _concept(g, URIRef("http://purl.org/adms/licencetype/Attribution"), "Attribution")
    g.add((licence, DCTERMS.type, attribution))
    languages = [URIRef(AUTH + "language/ENG"), URIRef(AUTH + "language/FRA")]
    for lang, label in zip(languages, ("English", "French"), strict=True):
        _concept(g, lang, label, DCTERMS.LinguisticSystem)
    spatial = [URIRef(AUTH + "country/CAN"), URIRef(AUTH + "continent/EUROPE")]
    for place, label in zip(spatial, ("Canada", "Europe"), strict=True):
        _concept(g, place, label, DCTERMS.Location)
    for place, box in zip(spatial, (CANADA_BBOX, EUROPE_BBOX), strict=True):
        bbox, centroid = _wkt_box(*box)
        g.add((place, DCAT.bbox, bbox))
        g.add((place, DCAT.centroid, centroid))
    themes = URIRef(AUTH + "data-theme")
    g.add((themes, RDF.type, SKOS.ConceptScheme))
    g.add((themes, DCTERMS.title, Literal("Data theme", lang="en")))

    g.add((catalog, RDF.type, DCAT.Catalog))
    g.add((catalog, DCTERMS.title, Literal(TITLE, lang="en")))
    g.add(
        (
            catalog,
            DCTERMS.description,
            Literal("Catalogue of the EU–Canada Security Knowledge Graph and its services.", lang="en"),
        )
    )
    g.add((catalog, DCTERMS.publisher, publisher))
    g.add((catalog, DCTERMS.license, licence))
    g.add((catalog, DCAT.themeTaxonomy, themes))
    g.add((catalog, DCAT.dataset, dataset))
    g.add((catalog, DCAT.service, service))
    for lang in languages:
        g.add((catalog, DCTERMS.language, lang))
    homepage = links.url("")
    g.add((catalog, FOAF.homepage, homepage))
    g.add((homepage, RDF.type, FOAF.Document))

    g.add((dataset, RDF.type, DCAT.Dataset))
    g.add((dataset, DCTERMS.title, Literal(TITLE, lang="en")))
    g.add((dataset, DCTERMS.description, Literal(DESCRIPTION, lang="en")))
    g.add((dataset, DCTERMS.publisher, publisher))
    g.add((dataset, DCTERMS.identifier, Literal(str(dataset))))
    g.add((dataset, URIRef(str(DCAT) + "version"), Literal(__version__)))
    if modified:
        g.add((dataset, DCTERMS.modified, Literal(modified, datatype=XSD.date)))
        g.add((catalog, DCTERMS.modified, Literal(modified, datatype=XSD.date)))
        # The record as served is issued by the load it describes (the project has no earlier release).
        g.add((catalog, DCTERMS.issued, Literal(modified, datatype=XSD.date)))
    for code, label in THEMES.items():
        theme = _concept(g, URIRef(AUTH + "data-theme/" + code), label)
        g.add((theme, SKOS.inScheme, themes))
        g.add((dataset, DCAT.theme, theme))
        g.add((service, DCAT.theme, theme))  # the service serves the dataset: the same themes and words
    for word in KEYWORDS:
        g.add((dataset, DCAT.keyword, Literal(word, lang="en")))
        g.add((service, DCAT.keyword, Literal(word, lang="en")))
    for lang in languages:
        g.add((dataset, DCTERMS.language, lang))
    for place in spatial:
        g.add((dataset, DCTERMS.spatial, place))
        g.add((catalog, DCTERMS.spatial, place))
    if stats.first_date and stats.last_date:
        period = BNode("temporalCoverage")
        g.add((period, RDF.type, DCTERMS.PeriodOfTime))
        g.add((period, DCAT.startDate, Literal(stats.first_date, datatype=XSD.date)))
        g.add((period, DCAT.endDate, Literal(stats.last_date, datatype=XSD.date)))
        g.add((dataset, DCTERMS.temporal, period))
    access = _concept(g, URIRef(AUTH + "access-right/PUBLIC"), "public", DCTERMS.RightsStatement)
    g.add((dataset, DCTERMS.accessRights, access))
    frequency = _concept(g, URIRef(AUTH + "frequency/IRREG"), "irregular", DCTERMS.Frequency)
    g.add((dataset, DCTERMS.accrualPeriodicity, frequency))
    contact = BNode("contactPoint")
    g.add((contact, RDF.type, VCARD.Kind))
    g.add((contact, VCARD.fn, Literal("EU–Canada Security Knowledge Graph maintainers")))
    g.add((contact, VCARD.hasURL, links.url("")))
    g.add((dataset, DCAT.contactPoint, contact))
    g.add((service, DCAT.contactPoint, contact))
    g.add((service, DCTERMS.publisher, publisher))
    g.add((dataset, URIRef("http://www.w3.org/ns/dcat#landingPage"), homepage))
    stable = _concept(g, URIRef(AUTH + "planned-availability/STABLE"), "stable")

    for fmt, spec in EXPORT_FORMATS.items():
        dist = links.iri(f"distribution/{spec.extension}")
        g.add((dataset, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, Literal(f"Full dump ({spec.media_type})", lang="en")))
        g.add(
            (
                dist,
                DCTERMS.description,
                Literal(f"The whole graph as {spec.media_type}, {stats.triples} triples.", lang="en"),
            )
        )
        g.add((dist, DCAT.accessURL, links.dump(fmt)))
        g.add((dist, DCAT.downloadURL, links.dump(fmt)))
        g.add((links.dump(fmt), RDF.type, URIRef("http://www.w3.org/2000/01/rdf-schema#Resource")))
        file_type = _concept(
            g,
            URIRef(AUTH + "file-type/" + FILE_TYPES[fmt]),
            FILE_TYPES[fmt].replace("_", " "),
            DCTERMS.MediaTypeOrExtent,
        )
        g.add((dist, DCTERMS["format"], file_type))
        media = URIRef("https://www.iana.org/assignments/media-types/" + spec.media_type)
        g.add((media, RDF.type, DCTERMS.MediaType))
        g.add((dist, DCAT.mediaType, media))
        g.add((dist, DCTERMS.license, licence))
        g.add((dist, DCATAP.availability, stable))

    endpoint = links.url("sparql")
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, DCTERMS.title, Literal("SPARQL 1.1 endpoint", lang="en")))
    g.add((service, DCTERMS.description, Literal("Read-only SPARQL 1.1 Protocol endpoint over the graph.", lang="en")))
    g.add((service, DCAT.endpointURL, endpoint))
    g.add((endpoint, RDF.type, URIRef("http://www.w3.org/2000/01/rdf-schema#Resource")))
    g.add((service, DCAT.servesDataset, dataset))
    g.add((service, DCTERMS.license, licence))
    g.add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
    g.add((URIRef("https://www.w3.org/TR/sparql11-protocol/"), RDF.type, DCTERMS.Standard))
    g.add((service, DCAT.endpointDescription, links.url(".well-known/void")))
    g.add((links.url(".well-known/void"), RDF.type, URIRef("http://www.w3.org/2000/01/rdf-schema#Resource")))
    return g


SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
W3_FORMATS = Namespace("http://www.w3.org/ns/formats/")
_RESULT_FORMATS = ["SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                   "Turtle", "JSON-LD", "N-Triples", "RDF_XML"]  # fmt: skip


def service_description_graph(links: DatasetLinks) -> Graph:
    """A SPARQL 1.1 Service Description of /sparql: read-only SPARQL 1.1 Query, the result formats,
    one default graph (the dataset; no named graphs), described further by VoID."""
    g = _bind(Graph())
    g.bind("sd", SD)
    endpoint = links.url("sparql")
    g.add((endpoint, RDF.type, SD.Service))
    g.add((endpoint, SD.endpoint, endpoint))
    g.add((endpoint, SD.supportedLanguage, SD.SPARQL11Query))
    for name in _RESULT_FORMATS:
        g.add((endpoint, SD.resultFormat, W3_FORMATS[name]))
    default = BNode("defaultDataset")
    g.add((endpoint, SD.defaultDataset, default))
    g.add((default, RDF.type, SD.Dataset))
    graph = BNode("defaultGraph")
    g.add((default, SD.defaultGraph, graph))
    g.add((graph, RDF.type, SD.Graph))
    g.add((graph, RDF.type, VOID.Dataset))
    g.add((graph, DCTERMS.source, links.iri("dataset")))
    g.add((graph, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")))
    g.add((endpoint, DCTERMS.title, Literal(TITLE + " SPARQL endpoint", lang="en")))
    g.add(
        (
            endpoint,
            DCTERMS.description,
            Literal("Read-only SPARQL 1.1 Query endpoint; no SPARQL Update, no SERVICE.", lang="en"),
        )
    )
    g.add((endpoint, RDFS_SEE_ALSO, links.url(".well-known/void")))
    return g


RDFS_SEE_ALSO = URIRef("http://www.w3.org/2000/01/rdf-schema#seeAlso")
