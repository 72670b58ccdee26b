"""The schemes shipped with the platform.

Kanazawa: the eight indicator themes of the city's SDG-tourism operator certification
(金沢SDGsツーリズム推進事業者), as listed in issue 7; the item texts are the platform's own
paraphrase, not the city's wording. GSTC-style: pillar and item identifiers with short titles
only (GSTC's full criteria texts are licensed).
Item tuples: (title_ja, title_en, mandatory, evidence_en, goals).
"""

KANAZAWA = {
    "code": "kanazawa-sdg-tourism",
    "name_ja": "金沢SDGsツーリズム推進事業者認定",
    "name_en": "Kanazawa SDG tourism operator certification",
    "description_ja": "8つの指標のうち、指標1と2を含む2つ以上に取り組む事業者を認定します。"
    "項目の文言は本プラットフォームによる要約（パラフレーズ）です。",
    "description_en": "Certifies operators addressing at least 2 of the 8 indicators, "
    "including indicators 1 and 2. Item texts are the platform's paraphrase.",
    "rules": {
        "min_indicators": 2,
        "required_indicator_codes": ["1", "2"],
        "item_share_needed": "0.50",
        "appeal_days": 30,
        "validity_days": 365,
        "is_paraphrase": True,
    },
    "indicators": [
        (
            "1",
            "資源の大切な利用",
            "Using resources with care",
            [
                (
                    "エネルギー使用量を把握し、削減目標を立てている",
                    "Energy use is measured and a reduction target is set",
                    True,
                    "Energy bills or a monitoring sheet",
                    [7, 13],
                ),
                (
                    "ごみの削減・分別・リサイクルに取り組んでいる",
                    "Waste is reduced, sorted and recycled",
                    False,
                    "Waste sorting rules, photos",
                    [12],
                ),
                (
                    "節水や地元産品の利用など資源を大切にしている",
                    "Water is saved and local products are preferred",
                    False,
                    "Purchasing records or notices to guests",
                    [6, 12],
                ),
            ],
        ),
        (
            "2",
            "パートナーシップ",
            "Partnership",
            [
                (
                    "地域の団体・事業者と連携した取組がある",
                    "Works with local organisations and businesses",
                    True,
                    "Agreements, joint programmes",
                    [17],
                ),
                (
                    "行政や地域の会議・協議会に参加している",
                    "Takes part in local councils or city meetings",
                    False,
                    "Minutes or invitations",
                    [17],
                ),
                (
                    "取組の成果を連携先と共有している",
                    "Shares results with partners",
                    False,
                    "Reports shared with partners",
                    [17],
                ),
            ],
        ),
        (
            "3",
            "地域と自然への敬意",
            "Respect for the community and nature",
            [
                (
                    "訪問者に地域のマナーや自然保護を伝えている",
                    "Tells visitors about local etiquette and nature protection",
                    False,
                    "Guest information, signs",
                    [11, 15],
                ),
                (
                    "住民の生活環境に配慮したルートや時間を設定している",
                    "Routes and times respect residents' daily life",
                    False,
                    "Itineraries, route maps",
                    [11],
                ),
                (
                    "自然環境の保全活動に参加・支援している",
                    "Joins or supports nature conservation",
                    False,
                    "Photos, donation records",
                    [14, 15],
                ),
            ],
        ),
        (
            "4",
            "心地よいまちづくり",
            "A comfortable city",
            [
                (
                    "混雑の分散に取り組んでいる",
                    "Helps spread visitors to avoid crowding",
                    False,
                    "Booking policy, off-peak offers",
                    [11],
                ),
                (
                    "バリアフリーや多言語での案内に取り組んでいる",
                    "Offers barrier-free access and multilingual information",
                    False,
                    "Photos, multilingual leaflets",
                    [10, 11],
                ),
                (
                    "公共交通や徒歩・自転車での移動を勧めている",
                    "Encourages public transport, walking and cycling",
                    False,
                    "Guest information",
                    [11, 13],
                ),
            ],
        ),
        (
            "5",
            "働きがいのある職場",
            "Decent work",
            [
                (
                    "働く人の安全・健康に配慮している",
                    "Looks after the safety and health of staff",
                    True,
                    "Work rules, training records",
                    [3, 8],
                ),
                (
                    "公正な賃金と多様な人材の活躍を進めている",
                    "Pays fairly and welcomes diverse staff",
                    False,
                    "Policies, staff composition",
                    [5, 8],
                ),
                (
                    "人材育成や研修の機会を設けている",
                    "Offers training and development",
                    False,
                    "Training plans",
                    [4, 8],
                ),
            ],
        ),
        (
            "6",
            "地域の文化と経済",
            "Local culture and economy",
            [
                (
                    "地元の食材・工芸品・サービスを優先して使っている",
                    "Buys local food, crafts and services first",
                    False,
                    "Purchasing records",
                    [8, 12],
                ),
                (
                    "伝統文化や工芸の体験・紹介を行っている",
                    "Presents traditional culture and crafts",
                    False,
                    "Programme descriptions",
                    [4, 11],
                ),
                (
                    "地域の文化継承を支援している",
                    "Supports the passing-on of local culture",
                    False,
                    "Sponsorships, partnerships",
                    [11],
                ),
            ],
        ),
        (
            "7",
            "新たな挑戦",
            "New challenges",
            [
                (
                    "SDGsに資する新しい商品・サービスを開発している",
                    "Develops new products or services that serve the SDGs",
                    False,
                    "Product descriptions",
                    [9, 12],
                ),
                (
                    "デジタル技術などで持続可能性を高めている",
                    "Uses digital tools to become more sustainable",
                    False,
                    "Descriptions, screenshots",
                    [9],
                ),
                (
                    "取組の目標と計画を定めて見直している",
                    "Sets goals and a plan and reviews them",
                    False,
                    "Action plan",
                    [17],
                ),
            ],
        ),
        (
            "8",
            "観光の貢献の発信",
            "Communicating tourism's contribution",
            [
                (
                    "取組をウェブサイトやSNSで発信している",
                    "Communicates its activities online",
                    False,
                    "Links, screenshots",
                    [12, 17],
                ),
                (
                    "訪問者に観光が地域に果たす役割を伝えている",
                    "Explains to visitors what tourism gives back to the city",
                    False,
                    "Guest information",
                    [4, 11],
                ),
                (
                    "取組の成果を数値などで公表している",
                    "Publishes results, with figures where possible",
                    False,
                    "Published report",
                    [12],
                ),
            ],
        ),
    ],
}

GSTC_STYLE = {
    "code": "gstc-style-skeleton",
    "name_ja": "GSTC型スキーム（骨組み）",
    "name_en": "GSTC-style scheme (skeleton)",
    "description_ja": "柱と項目の識別子と短い題名のみ。GSTC基準の全文はライセンスの対象です。",
    "description_en": "Pillar and item identifiers with short titles only; "
    "the full GSTC criteria texts are licensed.",
    "rules": {
        "min_indicators": 4,
        "required_indicator_codes": ["A", "B", "C", "D"],
        "item_share_needed": "1.00",
        "appeal_days": 30,
        "validity_days": 365,
        "is_paraphrase": False,
    },
    "indicators": [
        (
            "A",
            "持続可能な経営",
            "Sustainable management",
            [
                ("A1 管理体制", "A1 Management system", False, "", []),
                ("A2 法令遵守", "A2 Legal compliance", False, "", []),
                ("A3 報告とコミュニケーション", "A3 Reporting and communication", False, "", []),
            ],
        ),
        (
            "B",
            "社会経済",
            "Socio-economic sustainability",
            [
                ("B1 地域社会への支援", "B1 Support for the community", False, "", []),
                ("B2 地元雇用", "B2 Local employment", False, "", []),
                ("B3 地元購買", "B3 Local purchasing", False, "", []),
            ],
        ),
        (
            "C",
            "文化",
            "Cultural sustainability",
            [
                ("C1 文化遺産の保護", "C1 Protecting cultural heritage", False, "", []),
                ("C2 文化的な行動規範", "C2 Cultural codes of behaviour", False, "", []),
            ],
        ),
        (
            "D",
            "環境",
            "Environmental sustainability",
            [
                ("D1 資源の保全", "D1 Conserving resources", False, "", []),
                ("D2 汚染の削減", "D2 Reducing pollution", False, "", []),
                ("D3 生物多様性の保全", "D3 Conserving biodiversity", False, "", []),
            ],
        ),
    ],
}

SCHEMES = (KANAZAWA, GSTC_STYLE)
