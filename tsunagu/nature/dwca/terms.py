"""Darwin Core term and row type URIs, and short names for them."""

DWC = "http://rs.tdwg.org/dwc/terms/"
DC = "http://purl.org/dc/terms/"
GBIF = "http://rs.gbif.org/terms/1.0/"
TEXT_NS = "http://rs.tdwg.org/dwc/text/"

OCCURRENCE = DWC + "Occurrence"
EVENT = DWC + "Event"
TAXON = DWC + "Taxon"
VERNACULAR_NAME = GBIF + "VernacularName"

# Terms outside the dwc namespace that the exporter writes.
NAMESPACES = {"license": DC, "rightsHolder": DC, "modified": DC, "language": DC}

HIGHER_RANKS = ("kingdom", "phylum", "class", "order", "family", "genus")

# The kingdoms of the GBIF backbone: anything else in a kingdom column is a typo, not a taxon.
KINGDOMS = {
    "animalia",
    "archaea",
    "bacteria",
    "chromista",
    "fungi",
    "plantae",
    "protozoa",
    "viruses",
}


def short_name(term: str) -> str:
    """'http://rs.tdwg.org/dwc/terms/scientificName' -> 'scientificName'."""
    return term.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1].rsplit(":", 1)[-1]


def term_uri(name: str) -> str:
    return NAMESPACES.get(name, DWC) + name


def row_type_name(row_type: str) -> str:
    return short_name(row_type)


# The terms the importers read, so that a Simple Darwin Core header in any case
# ("occurrenceid", "OCCURRENCEID") finds them.
KNOWN_TERMS = [
    "occurrenceID",
    "catalogNumber",
    "institutionCode",
    "collectionCode",
    "gbifID",
    "basisOfRecord",
    "scientificName",
    "scientificNameAuthorship",
    "taxonRank",
    "taxonID",
    "parentNameUsageID",
    "acceptedNameUsageID",
    "vernacularName",
    "language",
    *HIGHER_RANKS,
    "specificEpithet",
    "infraspecificEpithet",
    "decimalLatitude",
    "decimalLongitude",
    "coordinateUncertaintyInMeters",
    "eventDate",
    "eventTime",
    "year",
    "month",
    "day",
    "recordedBy",
    "individualCount",
    "organismQuantity",
    "lifeStage",
    "occurrenceStatus",
    "establishmentMeans",
    "degreeOfEstablishment",
    "locality",
    "countryCode",
    "license",
    "rights",
    "rightsHolder",
    "datasetName",
    "occurrenceRemarks",
]
CANONICAL_TERMS = {term.lower(): term for term in KNOWN_TERMS}
