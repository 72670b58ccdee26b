"""eml.xml for exported archives (EML 2.1.1, GBIF metadata profile)."""

import datetime as dt
from xml.etree import ElementTree

from django.conf import settings

from tsunagu.core.models import Area

EML_NS = "eml://ecoinformatics.org/eml-2.1.1"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = "eml://ecoinformatics.org/eml-2.1.1 http://rs.gbif.org/schema/eml-gbif-profile/1.2/eml.xsd"
LICENCE_TITLES = {
    "https://creativecommons.org/publicdomain/zero/1.0/legalcode": "Public Domain (CC0 1.0)",
    "https://creativecommons.org/licenses/by/4.0/legalcode": (
        "Creative Commons Attribution (CC-BY) 4.0"
    ),
    "https://creativecommons.org/licenses/by-nc/4.0/legalcode": (
        "Creative Commons Attribution Non Commercial (CC-BY-NC) 4.0"
    ),
}


def publisher() -> dict[str, str]:
    """The city serving the platform, as named in its area record (settings override)."""
    area = (
        Area.objects.filter(code=settings.TSUNAGU_CITY_CODE).select_related("city_profile").first()
    )
    website = ""
    if area is not None and hasattr(area, "city_profile"):
        website = area.city_profile.website
    return {
        "name": getattr(settings, "TSUNAGU_DWCA_PUBLISHER", "")
        or (area.name if area else "Tsunagu"),
        "email": getattr(settings, "TSUNAGU_DWCA_CONTACT_EMAIL", "") or settings.DEFAULT_FROM_EMAIL,
        "url": website,
    }


def _party(parent, tag: str, party: dict[str, str]) -> None:
    element = ElementTree.SubElement(parent, tag)
    ElementTree.SubElement(element, "organizationName").text = party["name"]
    if party.get("email"):
        ElementTree.SubElement(element, "electronicMailAddress").text = party["email"]
    if party.get("url"):
        ElementTree.SubElement(element, "onlineUrl").text = party["url"]


def eml_document(
    *,
    identifier: str,
    title: str,
    description: str,
    licence_url: str,
    rights_note: str,
    associated: list[str],
    today: dt.date,
) -> bytes:
    ElementTree.register_namespace("eml", EML_NS)
    ElementTree.register_namespace("xsi", XSI_NS)
    root = ElementTree.Element(
        f"{{{EML_NS}}}eml",
        {
            f"{{{XSI_NS}}}schemaLocation": SCHEMA,
            "packageId": identifier,
            "system": "http://gbif.org",
            "scope": "system",
            "xml:lang": "en",
        },
    )
    owner = publisher()
    dataset = ElementTree.SubElement(root, "dataset")
    ElementTree.SubElement(dataset, "alternateIdentifier").text = identifier
    ElementTree.SubElement(dataset, "title", {"xml:lang": "en"}).text = title
    _party(dataset, "creator", owner)
    _party(dataset, "metadataProvider", owner)
    for name in associated:
        party = ElementTree.SubElement(dataset, "associatedParty")
        ElementTree.SubElement(party, "organizationName").text = name
        ElementTree.SubElement(party, "role").text = "originator"
    ElementTree.SubElement(dataset, "pubDate").text = today.isoformat()
    ElementTree.SubElement(dataset, "language").text = "ja"
    abstract = ElementTree.SubElement(dataset, "abstract")
    ElementTree.SubElement(abstract, "para").text = description
    rights = ElementTree.SubElement(dataset, "intellectualRights")
    para = ElementTree.SubElement(rights, "para")
    para.text = "This work is licensed under a "
    link = ElementTree.SubElement(para, "ulink", {"url": licence_url})
    ElementTree.SubElement(link, "citetitle").text = LICENCE_TITLES.get(licence_url, licence_url)
    link.tail = f" License. {rights_note}".rstrip()
    _party(dataset, "contact", owner)
    _party(dataset, "publisher", owner)
    additional = ElementTree.SubElement(root, "additionalMetadata")
    gbif = ElementTree.SubElement(ElementTree.SubElement(additional, "metadata"), "gbif")
    ElementTree.SubElement(gbif, "dateStamp").text = today.isoformat()
    citation = f"{owner['name']} ({today.year}). {title}. Darwin Core Archive, {today.isoformat()}."
    if owner["url"]:
        citation += f" {owner['url']}"
    ElementTree.SubElement(gbif, "citation", {"identifier": identifier}).text = citation
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
