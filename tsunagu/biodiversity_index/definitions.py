"""The 28 indicators of the Singapore Index on Cities' Biodiversity (City Biodiversity Index).

Data, not code: loaded into `Indicator` rows by `indicator_definitions_sync()`. No Django.

Sources and what could be checked (see also the app's report in the project notes):
- The 28-indicator, 112-point structure in three components (1–10 native biodiversity,
  11–16 ecosystem services, 17–28 governance and management) is that of the 2021 Handbook
  (CBD Technical Series No. 98, Chan et al. 2021; NParks: "28 indicators … each scored
  between 0 and 4 points for a maximum score of 112").
- The 2014 User's Manual has 23 indicators; its names (verified from its table of contents)
  are kept for the indicators both editions share.
- No accessible copy of either edition's scoring tables was found. The ranges below marked
  `THRESHOLDS_RECALLED` are the 2014 manual's ranges as recalled by the developer, not checked
  against the text: check them against the Handbook before an official submission. Where no
  range is given (`thresholds: None`) staff score 0–4 directly from the Handbook with
  evidence; the platform does not guess a range.
- Names marked `NAME_UNVERIFIED` are 2021-only indicators whose exact titles could not be
  confirmed.
"""

HANDBOOK_URL = "https://beta.nparks.gov.sg/nature/singapore-index-cities-biodiversity"
SOURCE = (
    "Handbook on the Singapore Index on Cities' Biodiversity (CBD Technical Series No. 98, 2021)"
)
THRESHOLDS_RECALLED = "2014 User's Manual ranges, recalled; not verified against the text"
NO_THRESHOLDS = "scoring ranges not found in an accessible source: staff score from the Handbook"
NAME_UNVERIFIED = "2021 indicator whose exact title could not be confirmed"

NATIVE, SERVICES, GOVERNANCE = "native", "services", "governance"
COMPONENTS = {
    NATIVE: {"en": "Native biodiversity in the city", "ja": "都市の在来生物多様性"},
    SERVICES: {
        "en": "Ecosystem services provided by biodiversity",
        "ja": "生物多様性がもたらす生態系サービス",
    },
    GOVERNANCE: {
        "en": "Governance and management of biodiversity",
        "ja": "生物多様性のガバナンスと管理",
    },
}

# Ancestor taxa (scientific names) that define each species group of indicators 4–8.
# 7 and 8 are the city's choice: Kanazawa's surveys follow dragonflies and fireflies.
BUTTERFLY_FAMILIES = [
    "Papilionidae",
    "Pieridae",
    "Lycaenidae",
    "Nymphalidae",
    "Hesperiidae",
    "Riodinidae",
]
GROUPS = {
    "vascular_plants": ["Tracheophyta"],
    "birds": ["Aves"],
    "butterflies": BUTTERFLY_FAMILIES,
    "dragonflies": ["Odonata"],
    "fireflies": ["Lampyridae"],
}
# Indicator 10 compares invasive with native species of the same groups.
INVASIVE_GROUPS = ["vascular_plants", "birds", "butterflies", "dragonflies", "fireflies"]


def _higher(*cuts: tuple[float, bool]) -> dict:
    return {"direction": "higher", "cuts": [list(c) for c in cuts]}


def _lower(*cuts: tuple[float, bool]) -> dict:
    return {"direction": "lower", "cuts": [list(c) for c in cuts]}


# "maintained or decrease: 0; 1 species: 1; 2: 2; 3: 3; 4 or more: 4"
_SPECIES_CHANGE = _higher((1, True), (2, True), (3, True), (4, True))


def _species_change(number: int, group: str, en: str, ja: str) -> dict:
    return {
        "number": number,
        "component": NATIVE,
        "name_en": f"Change in number of native species: {en}",
        "name_ja": f"在来種数の変化：{ja}",
        "unit_en": "species (change from the baseline year)",
        "unit_ja": "種（基準年からの増減）",
        "description_en": (
            "Native species recorded in the city by the end of the year (research-grade "
            "observations) minus those recorded by the end of the baseline year."
        ),
        "description_ja": (
            "年末までに市内で記録された在来種数（研究用グレードの観察）から、"
            "基準年末までの記録種数を引いた値。"
        ),
        "compute": "native_species_change",
        "group": group,
        "thresholds": _SPECIES_CHANGE,
        "thresholds_note": THRESHOLDS_RECALLED,
    }


INDICATORS: list[dict] = [
    {
        "number": 1,
        "component": NATIVE,
        "name_en": "Proportion of natural areas in the city",
        "name_ja": "市域に占める自然地の割合",
        "unit_en": "% of city area",
        "unit_ja": "市域面積に対する％",
        "description_en": "(Natural, restored and naturalised areas) ÷ (area of the city) × 100.",
        "description_ja": "（自然地・再生地・自然化した土地の面積）÷（市域面積）× 100。",
        "thresholds": _higher((1.0, True), (6.9, False), (13.9, False), (20.0, False)),
        "thresholds_note": THRESHOLDS_RECALLED,
    },
    {
        "number": 2,
        "component": NATIVE,
        "name_en": "Connectivity measures or ecological networks to counter fragmentation",
        "name_ja": "分断化に対抗する連結性・生態系ネットワーク",
        "unit_en": "effective mesh size (ha)",
        "unit_ja": "有効メッシュサイズ（ha）",
        "description_en": "Effective mesh size of the natural areas (patches < 100 m apart "
        "count as joined).",
        "description_ja": "自然地の有効メッシュサイズ（100 m未満の間隔のパッチは連結とみなす）。",
        "thresholds": None,
        "thresholds_note": NO_THRESHOLDS,
    },
    {
        "number": 3,
        "component": NATIVE,
        "name_en": "Native biodiversity in built-up areas (bird species)",
        "name_ja": "市街地の在来生物多様性（鳥類の種数）",
        "unit_en": "native bird species",
        "unit_ja": "在来鳥類の種数",
        "description_en": (
            "Native bird species recorded in the year. The platform counts research-grade "
            "observations anywhere in the city; the Handbook counts built-up areas only, so "
            "staff should check the figure."
        ),
        "description_ja": (
            "その年に記録された在来鳥類の種数。本プラットフォームは市内全域の研究用グレード"
            "の観察を数える（ハンドブックは市街地のみ）ため、職員による確認が必要。"
        ),
        "compute": "native_species_count",
        "group": "birds",
        "thresholds": _higher((12, True), (19, False), (27, False), (46, False)),
        "thresholds_note": THRESHOLDS_RECALLED,
    },
    _species_change(4, "vascular_plants", "vascular plants", "維管束植物"),
    _species_change(5, "birds", "birds", "鳥類"),
    _species_change(6, "butterflies", "butterflies", "チョウ類"),
    _species_change(7, "dragonflies", "dragonflies (city's choice)", "トンボ類（市が選択）"),
    _species_change(8, "fireflies", "fireflies (city's choice)", "ホタル類（市が選択）"),
    {
        "number": 9,
        "component": NATIVE,
        "name_en": "Proportion of protected natural areas",
        "name_ja": "保護された自然地の割合",
        "unit_en": "% of city area",
        "unit_ja": "市域面積に対する％",
        "description_en": "(Protected or secured natural areas) ÷ (area of the city) × 100.",
        "description_ja": "（保護・確保された自然地の面積）÷（市域面積）× 100。",
        "thresholds": _higher((1.4, True), (5.5, False), (11.1, False), (19.4, False)),
        "thresholds_note": THRESHOLDS_RECALLED,
    },
    {
        "number": 10,
        "component": NATIVE,
        "name_en": "Proportion of invasive alien species",
        "name_ja": "侵略的外来種の割合",
        "unit_en": "% of species",
        "unit_ja": "種数に対する％",
        "description_en": (
            "(Invasive alien species) ÷ (native + invasive alien species) × 100, over the "
            "same taxonomic groups as indicators 4–8, from research-grade observations."
        ),
        "description_ja": (
            "（侵略的外来種数）÷（在来種数＋侵略的外来種数）× 100。指標4〜8と同じ分類群、"
            "研究用グレードの観察による。"
        ),
        "compute": "invasive_proportion",
        "thresholds": _lower((30.0, True), (20.0, True), (11.0, True), (1.0, False)),
        "thresholds_note": THRESHOLDS_RECALLED,
    },
    {
        "number": 11,
        "component": SERVICES,
        "name_en": "Regulation of quantity of water",
        "name_ja": "水量の調節",
        "unit_en": "% permeable area",
        "unit_ja": "浸透性面積の％",
        "description_en": "(Permeable area) ÷ (terrestrial area of the city) × 100.",
        "description_ja": "（浸透性のある面積）÷（市の陸域面積）× 100。",
        "thresholds": _higher((33.1, True), (39.7, False), (64.2, False), (75.0, False)),
        "thresholds_note": THRESHOLDS_RECALLED,
    },
    {
        "number": 12,
        "component": SERVICES,
        "name_en": "Climate regulation: carbon storage and cooling effect of vegetation",
        "name_ja": "気候の調節：植生による炭素貯留と冷却効果",
        "unit_en": "% tree canopy cover",
        "unit_ja": "樹冠被覆率（％）",
        "description_en": "(Tree canopy cover) ÷ (terrestrial area of the city) × 100.",
        "description_ja": "（樹冠被覆面積）÷（市の陸域面積）× 100。",
        "thresholds": _higher((10.5, True), (19.1, False), (29.0, False), (59.7, False)),
        "thresholds_note": THRESHOLDS_RECALLED,
    },
    {
        "number": 13,
        "component": SERVICES,
        "name_en": "Recreational services: area of parks with natural areas",
        "name_ja": "レクリエーション：自然地のある公園の面積",
        "unit_en": "ha per 1,000 persons",
        "unit_ja": "1,000人あたりha",
        "description_en": "(Parks with natural areas + protected natural areas) per 1,000 persons.",
        "description_ja": "（自然地のある公園＋保護された自然地）の人口1,000人あたり面積。",
        "thresholds": _higher((0.1, True), (0.3, False), (0.6, False), (0.9, False)),
        "thresholds_note": THRESHOLDS_RECALLED,
    },
    {
        "number": 14,
        "component": SERVICES,
        "name_en": "Health and wellbeing: proximity to parks",
        "name_ja": "健康と福祉：公園への近接性",
        "unit_en": "% of residents within 400 m of a park",
        "unit_ja": "公園から400 m以内に住む人口の％",
        "description_en": "(Residents within 400 m of a park or green space) ÷ (population) × 100.",
        "description_ja": "（公園・緑地から400 m以内に住む人口）÷（総人口）× 100。",
        "thresholds": None,
        "thresholds_note": f"{NAME_UNVERIFIED}; {NO_THRESHOLDS}",
    },
    {
        "number": 15,
        "component": SERVICES,
        "name_en": "Educational services: formal education visits per child to parks",
        "name_ja": "教育：子ども一人あたりの自然のある公園への学校訪問回数",
        "unit_en": "visits per child under 16 per year",
        "unit_ja": "16歳未満の子ども一人あたり年間回数",
        "description_en": "Average formal education visits per child under 16 to parks with "
        "natural areas per year.",
        "description_ja": (
            "16歳未満の子ども一人あたり、自然地のある公園への年間の学校教育訪問回数。"
        ),
        "thresholds": _higher((1, True), (2, True), (3, True), (3, False)),
        "thresholds_note": THRESHOLDS_RECALLED,
    },
    {
        "number": 16,
        "component": SERVICES,
        "name_en": "Habitat restoration",
        "name_ja": "生息地の再生",
        "unit_en": "% of degraded habitat restored",
        "unit_ja": "劣化した生息地のうち再生された割合（％）",
        "description_en": "(Area of habitat restored) ÷ (area of original habitat degraded) × 100.",
        "description_ja": "（再生された生息地の面積）÷（劣化した元の生息地の面積）× 100。",
        "thresholds": None,
        "thresholds_note": f"{NAME_UNVERIFIED} (its component is uncertain); {NO_THRESHOLDS}",
    },
    {
        "number": 17,
        "component": GOVERNANCE,
        "name_en": "Budget allocated to biodiversity",
        "name_ja": "生物多様性に充てられた予算",
        "unit_en": "% of city budget",
        "unit_ja": "市予算に対する％",
        "description_en": "(Spending on biodiversity) ÷ (total budget of the city) × 100.",
        "description_ja": "（生物多様性関連の支出）÷（市の総予算）× 100。",
        "thresholds": _higher((0.4, True), (2.2, False), (2.7, False), (3.7, False)),
        "thresholds_note": THRESHOLDS_RECALLED,
    },
    {
        "number": 18,
        "component": GOVERNANCE,
        "name_en": "Number of biodiversity projects implemented by the city annually",
        "name_ja": "市が毎年実施する生物多様性プロジェクトの数",
        "unit_en": "projects",
        "unit_ja": "件",
        "description_en": (
            "The platform counts published partner projects tagged with SDG 14 or 15 that ran "
            "during the year; staff add the city's own projects."
        ),
        "description_ja": (
            "本プラットフォームでは、その年に実施されたSDG 14・15タグ付きの公開パートナー"
            "プロジェクトを数える。市独自の事業は職員が追加する。"
        ),
        "compute": "biodiversity_projects",
        "thresholds": _higher((12, True), (21, False), (38, False), (75, False)),
        "thresholds_note": THRESHOLDS_RECALLED,
    },
    {
        "number": 19,
        "component": GOVERNANCE,
        "name_en": "Policies, rules and regulations: existence of a local biodiversity strategy "
        "and action plan",
        "name_ja": "政策・規則：地域生物多様性戦略・行動計画の有無",
        "unit_en": "status",
        "unit_ja": "状況",
        "description_en": "Whether the city has a local biodiversity strategy and action plan.",
        "description_ja": "市が地域生物多様性戦略・行動計画を持つかどうか。",
        "thresholds": None,
        "thresholds_note": NO_THRESHOLDS,
    },
    {
        "number": 20,
        "component": GOVERNANCE,
        "name_en": "Institutional capacity: number of biodiversity-related functions",
        "name_ja": "組織能力：生物多様性に関わる機能の数",
        "unit_en": "functions",
        "unit_ja": "機能数",
        "description_en": "Essential biodiversity-related functions the city has.",
        "description_ja": "市が有する生物多様性関連の基本的な機能の数。",
        "thresholds": None,
        "thresholds_note": NO_THRESHOLDS,
    },
    {
        "number": 21,
        "component": GOVERNANCE,
        "name_en": "Institutional capacity: agencies in inter-agency cooperation on biodiversity",
        "name_ja": "組織能力：生物多様性で部局間協力に関わる機関の数",
        "unit_en": "agencies",
        "unit_ja": "機関数",
        "description_en": "City or local government agencies cooperating on biodiversity matters.",
        "description_ja": "生物多様性について協力している市・地方自治体の機関の数。",
        "thresholds": None,
        "thresholds_note": NO_THRESHOLDS,
    },
    {
        "number": 22,
        "component": GOVERNANCE,
        "name_en": "Participation and partnership: formal or informal public consultation",
        "name_ja": "参加と連携：公式・非公式の市民協議の有無",
        "unit_en": "status",
        "unit_ja": "状況",
        "description_en": "Whether a public consultation process on biodiversity exists.",
        "description_ja": "生物多様性に関する市民協議の仕組みがあるかどうか。",
        "thresholds": None,
        "thresholds_note": NO_THRESHOLDS,
    },
    {
        "number": 23,
        "component": GOVERNANCE,
        "name_en": "Participation and partnership: organisations the city partners with in "
        "biodiversity activities",
        "name_ja": "参加と連携：生物多様性の活動で市が連携する団体の数",
        "unit_en": "organisations",
        "unit_ja": "団体数",
        "description_en": (
            "The platform counts partners leading or co-leading the year's SDG 14/15 projects "
            "and organising its survey campaigns."
        ),
        "description_ja": (
            "本プラットフォームでは、その年のSDG 14・15プロジェクトを主導・共同実施する"
            "パートナーと、調査キャンペーンの主催団体を数える。"
        ),
        "compute": "partnerships",
        "thresholds": _higher((1, True), (6, False), (12, False), (19, False)),
        "thresholds_note": THRESHOLDS_RECALLED,
    },
    {
        "number": 24,
        "component": GOVERNANCE,
        "name_en": "Education and awareness: biodiversity in the school curriculum",
        "name_ja": "教育と啓発：学校カリキュラムへの生物多様性の組み込み",
        "unit_en": "status",
        "unit_ja": "状況",
        "description_en": "Whether biodiversity or nature awareness is in the school curriculum.",
        "description_ja": "生物多様性・自然への意識が学校カリキュラムに含まれているか。",
        "thresholds": None,
        "thresholds_note": NO_THRESHOLDS,
    },
    {
        "number": 25,
        "component": GOVERNANCE,
        "name_en": "Education and awareness: outreach or public awareness events per year",
        "name_ja": "教育と啓発：年間の普及啓発イベント数",
        "unit_en": "events",
        "unit_ja": "件",
        "description_en": (
            "The platform counts published events of the year tagged with SDG 14 or 15 and "
            "the days on which survey campaigns held visits."
        ),
        "description_ja": (
            "本プラットフォームでは、その年のSDG 14・15タグ付きの公開イベントと、"
            "調査キャンペーンの実施日を数える。"
        ),
        "compute": "outreach_events",
        "thresholds": _higher((1, True), (59, False), (149, False), (300, False)),
        "thresholds_note": THRESHOLDS_RECALLED,
    },
    {
        "number": 26,
        "component": GOVERNANCE,
        "name_en": "Participation: citizen-science participants",
        "name_ja": "参加：市民科学の参加者数",
        "unit_en": "people",
        "unit_ja": "人",
        "description_en": (
            "People who recorded research-grade observations in the year or took part in a "
            "survey campaign with visits that year."
        ),
        "description_ja": (
            "その年に研究用グレードの観察を記録した人、またはその年に調査が行われた"
            "キャンペーンの参加者の数。"
        ),
        "compute": "citizen_science_participants",
        "thresholds": None,
        "thresholds_note": f"{NAME_UNVERIFIED}; {NO_THRESHOLDS}",
    },
    {
        "number": 27,
        "component": GOVERNANCE,
        "name_en": "Status of natural capital assessment in the city",
        "name_ja": "市の自然資本評価の状況",
        "unit_en": "status",
        "unit_ja": "状況",
        "description_en": "Whether the city has assessed its natural capital and uses it.",
        "description_ja": "市が自然資本を評価し、活用しているかどうか。",
        "thresholds": None,
        "thresholds_note": f"{NAME_UNVERIFIED}; {NO_THRESHOLDS}",
    },
    {
        "number": 28,
        "component": GOVERNANCE,
        "name_en": "Biodiversity in planning: green infrastructure and development guidelines",
        "name_ja": "計画への生物多様性の統合：グリーンインフラと開発指針",
        "unit_en": "status",
        "unit_ja": "状況",
        "description_en": "Whether biodiversity is required in planning and development rules.",
        "description_ja": "計画・開発の規則で生物多様性への配慮が求められているかどうか。",
        "thresholds": None,
        "thresholds_note": f"{NAME_UNVERIFIED}; {NO_THRESHOLDS}",
    },
]
