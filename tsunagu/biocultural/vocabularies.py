"""The two ecosystem-service vocabularies, as reference data.

CICES V5.1 (Haines-Young & Potschin 2018, https://cices.eu/): only the classes the
Kanazawa links use and their close neighbours; the English names are the class names of the
official spreadsheet (Finalised-V5.1_18032018.xlsx), the Japanese names are our translations.

IPBES nature's contributions to people (IPBES Global Assessment 2019, Summary for
Policymakers, https://doi.org/10.5281/zenodo.3553579): all 18; the English names are IPBES's,
the Japanese names are our translations.
"""

CICES_SOURCE_URL = "https://cices.eu/"
NCP_SOURCE_URL = "https://doi.org/10.5281/zenodo.3553579"

# (code, section, name_en, name_ja)
CICES_CLASSES = [
    (
        "1.1.1.1",
        "provisioning",
        "Cultivated terrestrial plants (including fungi, algae) grown for nutritional purposes",
        "栄養のために栽培される陸上植物（菌類・藻類を含む）",
    ),
    (
        "1.1.1.2",
        "provisioning",
        "Fibres and other materials from cultivated plants, fungi, algae and bacteria for direct "
        "use or processing (excluding genetic materials)",
        "栽培された植物・菌類・藻類・細菌から得る、直接利用または加工用の繊維その他の素材"
        "（遺伝資源を除く）",
    ),
    (
        "1.1.5.1",
        "provisioning",
        "Wild plants (terrestrial and aquatic, including fungi, algae) used for nutrition",
        "栄養として利用される野生植物（陸生・水生、菌類・藻類を含む）",
    ),
    (
        "1.1.5.2",
        "provisioning",
        "Fibres and other materials from wild plants for direct use or processing (excluding "
        "genetic materials)",
        "野生植物から得る、直接利用または加工用の繊維その他の素材（遺伝資源を除く）",
    ),
    (
        "1.1.6.1",
        "provisioning",
        "Wild animals (terrestrial and aquatic) used for nutritional purposes",
        "栄養のために利用される野生動物（陸生・水生）",
    ),
    (
        "2.2.1.3",
        "regulation",
        "Hydrological cycle and water flow regulation (Including flood control, and coastal "
        "protection)",
        "水循環と水流の調整（洪水調節・海岸保全を含む）",
    ),
    (
        "2.2.5.1",
        "regulation",
        "Regulation of the chemical condition of freshwaters by living processes",
        "生物の働きによる淡水の化学的状態の調整",
    ),
    (
        "3.1.2.1",
        "cultural",
        "Characteristics of living systems that enable scientific investigation or the creation "
        "of traditional ecological knowledge",
        "科学的調査や伝統的な生態学的知識の形成を可能にする生物システムの特性",
    ),
    (
        "3.1.2.3",
        "cultural",
        "Characteristics of living systems that are resonant in terms of culture or heritage",
        "文化や遺産として響き合う生物システムの特性",
    ),
    (
        "3.1.2.4",
        "cultural",
        "Characteristics of living systems that enable aesthetic experiences",
        "美的体験を可能にする生物システムの特性",
    ),
    (
        "3.2.1.1",
        "cultural",
        "Elements of living systems that have symbolic meaning",
        "象徴的な意味をもつ生物システムの要素",
    ),
    (
        "3.2.1.2",
        "cultural",
        "Elements of living systems that have sacred or religious meaning",
        "神聖な、または宗教的な意味をもつ生物システムの要素",
    ),
    (
        "3.2.1.3",
        "cultural",
        "Elements of living systems used for entertainment or representation",
        "娯楽や表現に用いられる生物システムの要素",
    ),
    (
        "4.2.1.1",
        "provisioning",
        "Surface water for drinking",
        "飲用の地表水",
    ),
    (
        "4.2.1.2",
        "provisioning",
        "Surface water used as a material (non-drinking purposes)",
        "素材として使われる地表水（飲用以外）",
    ),
    (
        "4.2.2.1",
        "provisioning",
        "Ground (and subsurface) water for drinking",
        "飲用の地下水（伏流水を含む）",
    ),
    (
        "4.2.2.2",
        "provisioning",
        "Ground water (and subsurface) used as a material (non-drinking purposes)",
        "素材として使われる地下水（伏流水を含む、飲用以外）",
    ),
]

# (number, group, name_en, name_ja); groups as in the IPBES Global Assessment.
NCP_CATEGORIES = [
    (1, "regulation", "Habitat creation and maintenance", "生息・生育地の創出と維持"),
    (
        2,
        "regulation",
        "Pollination and dispersal of seeds and other propagules",
        "送粉と種子などの散布",
    ),
    (3, "regulation", "Regulation of air quality", "大気質の調整"),
    (4, "regulation", "Regulation of climate", "気候の調整"),
    (5, "regulation", "Regulation of ocean acidification", "海洋酸性化の調整"),
    (
        6,
        "regulation",
        "Regulation of freshwater quantity, location and timing",
        "淡水の量・場所・時期の調整",
    ),
    (
        7,
        "regulation",
        "Regulation of freshwater and coastal water quality",
        "淡水と沿岸水の水質の調整",
    ),
    (
        8,
        "regulation",
        "Formation, protection and decontamination of soils and sediments",
        "土壌と堆積物の形成・保護・浄化",
    ),
    (9, "regulation", "Regulation of hazards and extreme events", "災害と極端現象の調整"),
    (
        10,
        "regulation",
        "Regulation of detrimental organisms and biological processes",
        "有害な生物と生物学的プロセスの調整",
    ),
    (11, "material", "Energy", "エネルギー"),
    (12, "material", "Food and feed", "食料と飼料"),
    (13, "material", "Materials, companionship and labour", "素材・伴侶・労働"),
    (
        14,
        "material",
        "Medicinal, biochemical and genetic resources",
        "医薬・生化学・遺伝資源",
    ),
    (15, "non_material", "Learning and inspiration", "学びとインスピレーション"),
    (16, "non_material", "Physical and psychological experiences", "身体的・心理的な体験"),
    (17, "non_material", "Supporting identities", "アイデンティティの支え"),
    (18, "non_material", "Maintenance of options", "選択肢の維持"),
]


def vocabulary_rows() -> list[dict]:
    """Every class as the fields of an EcosystemService row."""
    rows = [
        {
            "vocabulary": "cices",
            "code": code,
            "section": section,
            "order": i,
            "name_en": en,
            "name_ja": ja,
        }
        for i, (code, section, en, ja) in enumerate(CICES_CLASSES)
    ]
    rows += [
        {
            "vocabulary": "ncp",
            "code": str(n),
            "section": group,
            "order": n,
            "name_en": en,
            "name_ja": ja,
        }
        for n, group, en, ja in NCP_CATEGORIES
    ]
    return rows
