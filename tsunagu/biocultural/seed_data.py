"""Curated links of the Ishikawa–Kanazawa biocultural region, written by the Tsunagu team from
the sources each link names (not copied from them). Coordinates are approximate points for
the map and graph, not boundaries."""

# key: (title, url)
SOURCES = {
    "ouik": (
        "UNU-IAS OUIK, Biocultural diversity platform: a biocultural region and a creative city",
        "https://ouik.unu.edu/en/",
    ),
    "unesco-kanazawa": (
        "UNESCO Creative Cities Network: Kanazawa, City of Crafts and Folk Art",
        "https://www.unesco.org/en/creative-cities/kanazawa",
    ),
    "aoyama-kanazawa-haku": (
        "伝統工芸 青山スクエア「金沢箔」(伝統的工芸品産業振興協会)",
        "https://kougeihin.jp/craft/1502",
    ),
    "aoyama": (
        "伝統工芸 青山スクエア(伝統的工芸品産業振興協会)",
        "https://kougeihin.jp/",
    ),
    "hakuuchishi": ("Wikipedia「箔打紙」", "https://ja.wikipedia.org/wiki/箔打紙"),
    "kenrokuen": (
        "石川県 金沢城・兼六園管理事務所「兼六園」",
        "https://www.pref.ishikawa.jp/siro-niwa/kenrokuen/",
    ),
    "wajimanuri": ("輪島漆器商工業協同組合「輪島塗」", "https://wajimanuri.or.jp/"),
    "aenokoto": (
        "UNESCO Intangible Cultural Heritage, decision 4.COM 13.55: Oku-noto no Aenokoto",
        "https://ich.unesco.org/en/decisions/4.COM/13.55",
    ),
    "cices": (
        "CICES V5.1, Common International Classification of Ecosystem Services",
        "https://cices.eu/",
    ),
    "ipbes": (
        "IPBES (2019) Global Assessment Report, Summary for Policymakers",
        "https://doi.org/10.5281/zenodo.3553579",
    ),
}

# slug: kind, name ja/en, description ja/en, parent slug, core area code, lat, lon
PLACES = {
    "ishikawa-kanazawa": (
        "region",
        "いしかわ・かなざわ生物文化圏",
        "Ishikawa–Kanazawa biocultural region",
        "金沢のまちと、その文化を支える能登・加賀・白山の自然と文化のつながり。",
        "The city of Kanazawa and the surrounding Noto, Kaga and Hakusan regions whose nature "
        "and culture sustain it.",
        None,
        "ishikawa-kanazawa-biocultural-region",
        36.56,
        136.66,
    ),
    "kanazawa": (
        "city",
        "金沢市",
        "Kanazawa",
        "",
        "",
        "ishikawa-kanazawa",
        "17201",
        36.5613,
        136.6562,
    ),
    "noto": (
        "region",
        "能登",
        "Noto",
        "日本海に突き出た半島。里山・里海の暮らしが続く。",
        "The peninsula reaching into the Sea of Japan, where satoyama and satoumi ways of life "
        "continue.",
        "ishikawa-kanazawa",
        None,
        37.39,
        136.90,
    ),
    "kaga": (
        "region",
        "加賀",
        "Kaga",
        "石川県南部の平野と山あいの温泉地。",
        "The plains and hot-spring valleys of southern Ishikawa.",
        "ishikawa-kanazawa",
        None,
        36.30,
        136.32,
    ),
    "hakusan": (
        "region",
        "白山",
        "Hakusan",
        "霊峰白山とその森、手取川の流域。",
        "Mount Hakusan, its forests and the Tedori river basin.",
        "ishikawa-kanazawa",
        "17210",
        36.44,
        136.63,
    ),
    "asano-river": (
        "river",
        "浅野川",
        "Asano river",
        "金沢の東側を流れる川。上流は森林に覆われた山地。",
        "The river on the east side of Kanazawa, fed by forested hills upstream.",
        "kanazawa",
        None,
        36.5725,
        136.6660,
    ),
    "sai-river": (
        "river",
        "犀川",
        "Sai river",
        "金沢の西側を流れる川。上流は森林に覆われた山地。",
        "The river on the west side of Kanazawa, fed by forested mountains upstream.",
        "kanazawa",
        None,
        36.5530,
        136.6480,
    ),
    "kenrokuen": (
        "garden",
        "兼六園",
        "Kenrokuen",
        "加賀藩の大名庭園。特別名勝。",
        "The garden of the lords of Kaga, a Special Place of Scenic Beauty.",
        "kanazawa",
        None,
        36.5621,
        136.6625,
    ),
    "futamata": (
        "district",
        "二俣町（医王山のふもと）",
        "Futamata (foot of Mount Iōzen)",
        "金沢市東部、医王山のふもとの紙漉きの里。",
        "A paper-making village at the foot of Mount Iōzen in eastern Kanazawa.",
        "kanazawa",
        None,
        36.597,
        136.776,
    ),
    "tedori-river": (
        "river",
        "手取川",
        "Tedori river",
        "白山を源とする川。扇状地に豊かな伏流水をもたらす。",
        "The river rising on Mount Hakusan; its alluvial fan holds abundant groundwater.",
        "hakusan",
        None,
        36.45,
        136.55,
    ),
}

# slug: kind, name ja/en, description ja/en
MATERIALS = {
    "forested-catchments": (
        "habitat",
        "森林に覆われた集水域",
        "Forested catchments",
        "川の上流の森が雨と雪解け水を蓄え、濁りの少ない水をゆっくりと流す。",
        "Upstream forests hold rain and snowmelt and release clear water slowly.",
    ),
    "hakusan-forests": (
        "habitat",
        "白山の森と雪",
        "Forests and snow of Mount Hakusan",
        "ブナ林と深い積雪が、手取川とその伏流水を養う。",
        "Beech forests and deep snow feed the Tedori river and its groundwater.",
    ),
    "planted-forests": (
        "habitat",
        "植林された森",
        "Planted forests",
        "戦後に植えられたスギやアテの森。多くが伐りどきを迎えている。",
        "Cedar and ate forests planted after the war, many of them now ready for harvest.",
    ),
    "rice-paddies": (
        "habitat",
        "水田",
        "Rice paddies",
        "里山の棚田や平野の水田。稲わらも暮らしの素材になる。",
        "Terraced and lowland paddies; their straw is also a material of daily life.",
    ),
    "straw-rope": (
        "material",
        "わら縄",
        "Rice-straw rope",
        "稲わらを綯った縄。",
        "Rope twisted from rice straw.",
    ),
    "ji-no-ko": (
        "material",
        "地の粉（珪藻土）",
        "Ji-no-ko (diatomaceous earth)",
        "輪島で採れる珪藻土を焼いて粉にしたもの。",
        "Diatomaceous earth dug at Wajima, baked and ground.",
    ),
    "local-flora": (
        "biota",
        "四季の草花",
        "Seasonal flora",
        "金沢と周辺の山野や庭に咲く草花と木々。",
        "The flowers, grasses and trees of Kanazawa's gardens, hills and fields.",
    ),
}

# scientific name: (rank, common name ja, common name en). The nature app seeds most of
# these (tsunagu.nature.taxa_seed); the ones it lacks are created minimally here.
TAXA = {
    "Toxicodendron vernicifluum": ("species", "ウルシ", "Lacquer tree"),
    "Thujopsis dolabrata": ("species", "アスナロ", "Hiba"),
    # Noto's ate is this variety (ヒノキアスナロ); the species page shows its links too.
    "Thujopsis dolabrata var. hondai": (
        "variety",
        "ヒノキアスナロ（アテ）",
        "Hinoki-asunaro (ate)",
    ),
    "Aspergillus oryzae": ("species", "ニホンコウジカビ（麹菌）", "Koji mould"),
    "Oryza sativa": ("species", "イネ", "Rice"),
    "Phyllostachys bambusoides": ("species", "マダケ", "Madake bamboo"),
    "Pinus thunbergii": ("species", "クロマツ", "Japanese black pine"),
    "Diplomorpha sikokiana": ("species", "ガンピ", "Ganpi"),
    "Brassica rapa": ("species", "カブ", "Turnip"),
    "Seriola quinqueradiata": ("species", "ブリ", "Japanese amberjack (yellowtail)"),
    "Zelkova serrata": ("species", "ケヤキ", "Japanese zelkova"),
}


def _link(service=None, taxon=None, material=None, place=None, *, ja, en, sources):
    return {
        "service": service,
        "taxon": taxon,
        "material": material,
        "place": place,
        "explanation_ja": ja,
        "explanation_en": en,
        "sources": sources,
    }


WATER = ("cices", "4.2.1.2")
CULTIVATED = ("cices", "1.1.1.2")

# slug: fields and links
ELEMENTS = {
    "kanazawa-gold-leaf": {
        "kind": "craft",
        "name_ja": "金沢箔",
        "name_en": "Kanazawa gold leaf",
        "description_ja": "金に少量の銀と銅を加えた合金を、"
        "1万分の1ミリほどの薄さまで打ち延ばした箔。"
        "国内で作られる金箔のほとんどが金沢産で、寺社や仏壇、漆器や陶磁器の装飾に使われる。"
        "1977年に伝統的工芸材料に指定。",
        "description_en": "Gold alloyed with a little silver and copper and beaten to about a "
        "ten-thousandth of a millimetre. Almost all the gold leaf made in Japan comes from "
        "Kanazawa; it decorates temples, shrines, altars, lacquer and ceramics. Designated a "
        "traditional craft material in 1977.",
        "place_name_ja": "金沢市",
        "place_name_en": "Kanazawa",
        "latitude": 36.5725,
        "longitude": 136.6667,
        "area": "17201",
        "links": [
            _link(
                WATER,
                material="forested-catchments",
                place="asano-river",
                ja="箔を打つための和紙（箔打紙）は、灰汁などに浸しては打つ作業を何か月も繰り返して"
                "仕込まれる。その仕上がりが箔の質を左右し、職人は湿り気のある気候とともに、"
                "森に囲まれた上流から来るきれいな水に恵まれていることを理由に挙げる。",
                en="The paper the leaf is beaten between (hakuuchi-gami) is conditioned for "
                "months by soaking and beating. Its quality decides the quality of the leaf, and "
                "makers credit the humid climate and the clean water that comes down from "
                "forested hills upstream.",
                sources=["aoyama-kanazawa-haku", "hakuuchishi"],
            ),
            _link(
                ("cices", "1.1.5.2"),
                taxon="Diplomorpha sikokiana",
                ja="伝統的な「縁付」の箔は、ガンピの樹皮繊維から漉いた雁皮紙を箔打紙にして打つ。"
                "ガンピは栽培が難しく、主に山野に自生する木から樹皮を採る。",
                en="Traditional engizuke leaf is beaten between sheets of ganpi paper, made from "
                "the bark fibre of ganpi, a shrub that is hard to cultivate and is mostly "
                "gathered from the wild.",
                sources=["hakuuchishi", "aoyama-kanazawa-haku"],
            ),
            _link(
                CULTIVATED,
                taxon="Oryza sativa",
                material="rice-paddies",
                ja="箔打紙を仕込む液には、稲わらを焼いた灰からとった灰汁が使われる。",
                en="The liquid that conditions the beating paper is made with lye from the ash "
                "of rice straw.",
                sources=["hakuuchishi"],
            ),
        ],
    },
    "futamata-washi": {
        "kind": "craft",
        "name_ja": "二俣和紙",
        "name_en": "Futamata washi",
        "description_ja": "医王山のふもと、金沢市二俣町で受け継がれてきた手漉き和紙。"
        "金沢箔の箔打紙にも使われる。",
        "description_en": "Hand-made paper from Futamata, at the foot of Mount Iōzen in "
        "Kanazawa; it is also used as the beating paper of Kanazawa gold leaf.",
        "place_name_ja": "金沢市二俣町",
        "place_name_en": "Futamata, Kanazawa",
        "latitude": 36.597,
        "longitude": 136.776,
        "area": "17201",
        "links": [
            _link(
                WATER,
                material="forested-catchments",
                place="futamata",
                ja="紙漉きには、繊維をさらし、紙を漉くための冷たくきれいな水がたくさん要る。"
                "二俣の里には、森に覆われた医王山の斜面から沢の水が流れ込む。",
                en="Paper-making needs plenty of cold, clean water to wash the fibre and form "
                "the sheets; at Futamata it comes down in streams from the forested slopes of "
                "Mount Iōzen.",
                sources=["hakuuchishi", "ouik"],
            ),
            _link(
                ("cices", "1.1.5.2"),
                taxon="Diplomorpha sikokiana",
                place="futamata",
                ja="箔打紙として使われる二俣の紙は、ガンピの樹皮繊維から漉かれる。",
                en="The Futamata paper used for beating gold leaf is made from the bark fibre "
                "of ganpi.",
                sources=["hakuuchishi"],
            ),
        ],
    },
    "kaga-yuzen": {
        "kind": "craft",
        "name_ja": "加賀友禅",
        "name_en": "Kaga-yuzen dyeing",
        "description_ja": "糊で防染しながら絹に手描きで模様を染める友禅染。"
        "藍・臙脂・黄土・草・古代紫の"
        "「加賀五彩」を基調に、草花を写実的に描き、外側から内側へぼかす技法や、"
        "虫に食われた葉を描く「虫喰い」に特徴がある。",
        "description_en": "Hand-painted resist dyeing of silk. It is built on the 'five Kaga "
        "colours' (indigo, crimson, ochre, grass green and ancient purple) and known for "
        "realistic plants, shading from the outside of a motif inwards, and leaves drawn with "
        "insect holes (mushikui).",
        "place_name_ja": "金沢市",
        "place_name_en": "Kanazawa",
        "latitude": 36.5700,
        "longitude": 136.6620,
        "area": "17201",
        "links": [
            _link(
                WATER,
                material="forested-catchments",
                place="asano-river",
                ja="染め上げた反物の余分な染料と糊を流水で洗い落とす「友禅流し」は、浅野川の冬の"
                "風景として知られた。今は主に人工の水路で行われ、川での友禅流しは催しの時に限られる。",
                en="Washing surplus dye and resist paste out of the dyed cloth in running water "
                "(yuzen nagashi) was a well-known sight on the Asano river. Today it is mostly "
                "done in man-made channels, and in the river only for special occasions.",
                sources=["unesco-kanazawa", "ouik"],
            ),
            _link(
                WATER,
                material="forested-catchments",
                place="sai-river",
                ja="犀川でも友禅流しが行われてきた。きれいな水が保たれることが、この工程の前提になる。",
                en="The Sai river was also used for rinsing; the process depends on the water "
                "staying clean.",
                sources=["ouik"],
            ),
            _link(
                ("cices", "3.2.1.3"),
                material="local-flora",
                place="kanazawa",
                ja="季節の草花を写実的に描くのが加賀友禅の持ち味で、虫喰いの葉まで自然のままに"
                "写し取る。身近な庭や山野の植物が意匠の源になっている。",
                en="Kaga-yuzen paints the plants of each season realistically, down to leaves "
                "eaten by insects; the flora of the city's gardens and hills is its pattern book.",
                sources=["unesco-kanazawa"],
            ),
            _link(
                ("ncp", "15"),
                material="local-flora",
                ja="草花の観察が絵師の学びとひらめきになり、作品を通じて季節感が受け継がれる。",
                en="Observing plants teaches and inspires the painters, and their work hands "
                "the sense of the seasons on.",
                sources=["ipbes"],
            ),
        ],
    },
    "wajima-nuri": {
        "kind": "craft",
        "name_ja": "輪島塗",
        "name_en": "Wajima lacquer ware",
        "description_ja": "能登の輪島で、木地づくりから塗り、加飾まで"
        "百を超える工程を分業で重ねる漆器。"
        "地の粉を混ぜた下地による丈夫さで知られる。",
        "description_en": "Lacquer ware from Wajima in Noto, made in over a hundred steps by "
        "specialised craftspeople from wooden base to decoration, and known for its tough "
        "ground coat mixed with ji-no-ko.",
        "place_name_ja": "輪島市（能登）",
        "place_name_en": "Wajima (Noto)",
        "latitude": 37.390,
        "longitude": 136.899,
        "area": "17204",
        "links": [
            _link(
                CULTIVATED,
                taxon="Toxicodendron vernicifluum",
                place="noto",
                ja="漆は、植えて育てたウルシの木の幹に傷をつけて採る樹液。国内で使われる漆の多くは"
                "輸入品で、国産漆を育てる取り組みが続いている。",
                en="Lacquer is the sap tapped from planted lacquer trees. Most lacquer used in "
                "Japan today is imported, and there are efforts to grow more at home.",
                sources=["wajimanuri"],
            ),
            _link(
                CULTIVATED,
                taxon="Thujopsis dolabrata var. hondai",
                place="noto",
                ja="木地にはケヤキやアテ（ヒノキアスナロ）、ホオなど地域の木が使われる。",
                en="The wooden bases are made from local timbers such as zelkova, ate (hiba) "
                "and magnolia.",
                sources=["wajimanuri"],
            ),
            _link(
                CULTIVATED,
                taxon="Zelkova serrata",
                place="noto",
                ja="椀などの挽物の木地には、堅く木目の美しいケヤキが好まれる。",
                en="Turned bowls are made from zelkova, valued for its hardness and grain.",
                sources=["wajimanuri"],
            ),
            _link(
                material="ji-no-ko",
                place="noto",
                ja="輪島で採れる珪藻土を焼いた「地の粉」を漆に混ぜて下地を塗り重ね、堅牢さを生む。",
                en="Baked diatomaceous earth from Wajima (ji-no-ko) is mixed into the lacquer "
                "of the ground coats and gives the ware its strength.",
                sources=["wajimanuri"],
            ),
        ],
    },
    "kanazawa-lacquer": {
        "kind": "craft",
        "name_ja": "金沢漆器",
        "name_en": "Kanazawa lacquer ware",
        "description_ja": "加賀藩の保護のもとで発展した、蒔絵を中心とする優美な漆器。",
        "description_en": "Refined lacquer ware, chiefly maki-e, that grew under the patronage "
        "of the lords of Kaga.",
        "place_name_ja": "金沢市",
        "place_name_en": "Kanazawa",
        "latitude": 36.5613,
        "longitude": 136.6562,
        "area": "17201",
        "links": [
            _link(
                CULTIVATED,
                taxon="Toxicodendron vernicifluum",
                place="kanazawa",
                ja="塗りにも蒔絵の描画にも、ウルシの樹液が欠かせない。",
                en="Both the coats and the maki-e drawing depend on the sap of the lacquer tree.",
                sources=["unesco-kanazawa"],
            ),
        ],
    },
    "yamanaka-lacquer": {
        "kind": "craft",
        "name_ja": "山中漆器",
        "name_en": "Yamanaka lacquer ware",
        "description_ja": "加賀・山中温泉の漆器。ろくろで木を挽く木地の技術で知られる。",
        "description_en": "Lacquer ware of Yamanaka hot spring in Kaga, known for its lathe-"
        "turned wooden bases.",
        "place_name_ja": "加賀市山中温泉",
        "place_name_en": "Yamanaka Onsen, Kaga",
        "latitude": 36.246,
        "longitude": 136.374,
        "area": "17206",
        "links": [
            _link(
                CULTIVATED,
                taxon="Zelkova serrata",
                place="kaga",
                ja="縦木取りでろくろ挽きする木地には、ケヤキなど山の広葉樹が使われる。",
                en="The turned bases are cut from broadleaved trees of the hills such as zelkova.",
                sources=["aoyama"],
            ),
            _link(
                CULTIVATED,
                taxon="Toxicodendron vernicifluum",
                place="kaga",
                ja="木目を生かす拭き漆などの仕上げに、ウルシの樹液が使われる。",
                en="Finishes that show the grain, such as wiped lacquer, use the sap of the "
                "lacquer tree.",
                sources=["aoyama"],
            ),
        ],
    },
    "wooden-townhouses": {
        "kind": "building",
        "name_ja": "木の町並み（金沢町家・茶屋街）",
        "name_en": "Wooden townhouses and teahouse districts",
        "description_ja": "格子の町家や茶屋街など、木でつくられた金沢の町並み。"
        "市は「木の文化都市」をかかげ、木の利用を進めている。",
        "description_en": "Kanazawa's streets of latticed wooden townhouses and teahouses; the "
        "city promotes the use of wood as a 'wooden culture city'.",
        "place_name_ja": "金沢市（ひがし茶屋街など）",
        "place_name_en": "Kanazawa (Higashi Chaya and other districts)",
        "latitude": 36.5725,
        "longitude": 136.6665,
        "area": "17201",
        "links": [
            _link(
                CULTIVATED,
                taxon="Thujopsis dolabrata var. hondai",
                material="planted-forests",
                place="noto",
                ja="石川県の木アテは、腐りにくい建築材として能登を中心に植えられ、使われてきた。",
                en="Ate, Ishikawa's prefectural tree, has been planted, mainly in Noto, and used "
                "as a decay-resistant building timber.",
                sources=["ouik"],
            ),
            _link(
                CULTIVATED,
                material="planted-forests",
                place="kanazawa",
                ja="植林から50年ほどがたち、伐りどきを迎えた森の木を町の建物に生かすことが"
                "森と町の両方を保つ手立てとして話し合われている。",
                en="About fifty years after planting, many forest trees are ready to harvest; "
                "using them in the city's buildings is discussed as a way to keep both the "
                "forests and the townscape alive.",
                sources=["ouik"],
            ),
        ],
    },
    "kaburazushi": {
        "kind": "food",
        "name_ja": "かぶら寿司",
        "name_en": "Kaburazushi",
        "description_ja": "塩漬けのカブでブリの切り身をはさみ、米麹で漬け込んで発酵させる冬の"
        "なれずし。",
        "description_en": "A winter fermented sushi: slices of salted turnip sandwiching "
        "yellowtail, pickled in rice koji.",
        "place_name_ja": "金沢市",
        "place_name_en": "Kanazawa",
        "latitude": 36.5613,
        "longitude": 136.6562,
        "area": "17201",
        "links": [
            _link(
                CULTIVATED,
                taxon="Aspergillus oryzae",
                place="kanazawa",
                ja="米に麹菌を育てた米麹が、カブとブリを甘くうまみのある発酵食品に変える。",
                en="Rice koji, rice grown through with koji mould, turns the turnip and fish "
                "into a sweet, savoury fermented food.",
                sources=["ouik"],
            ),
            _link(
                ("cices", "1.1.1.1"),
                taxon="Brassica rapa",
                place="kanazawa",
                ja="冬に育つカブが、漬け込みの土台になる。",
                en="Turnips grown for the winter are the base of the dish.",
                sources=["ouik"],
            ),
            _link(
                ("cices", "1.1.6.1"),
                taxon="Seriola quinqueradiata",
                place="noto",
                ja="冬に脂ののったブリは、能登などの定置網で獲れる天然の魚。",
                en="Winter yellowtail, rich in fat, is a wild fish caught in set nets off Noto "
                "and nearby coasts.",
                sources=["ouik"],
            ),
        ],
    },
    "hakusan-sake": {
        "kind": "food",
        "name_ja": "白山の酒",
        "name_en": "Sake of Hakusan",
        "description_ja": "白山のふもとの蔵元が、手取川水系の伏流水と米、麹で醸す日本酒。"
        "地理的表示「白山」で守られている。",
        "description_en": "Sake brewed at the foot of Mount Hakusan from the Tedori river's "
        "groundwater, rice and koji, protected by the geographical indication 'Hakusan'.",
        "place_name_ja": "白山市",
        "place_name_en": "Hakusan",
        "latitude": 36.444,
        "longitude": 136.629,
        "area": "17210",
        "links": [
            _link(
                ("cices", "4.2.2.2"),
                material="hakusan-forests",
                place="tedori-river",
                ja="白山の森と雪が手取川を養い、その伏流水が仕込み水になる。仕込み水は酒の大部分を"
                "占める原料で、水源の森の状態が酒質を支える。",
                en="Hakusan's forests and snow feed the Tedori river, and its groundwater "
                "becomes the brewing water, the largest ingredient of sake; the state of the "
                "forests upstream underpins the quality of the sake.",
                sources=["ouik"],
            ),
            _link(
                CULTIVATED,
                taxon="Aspergillus oryzae",
                place="hakusan",
                ja="麹菌が米のでんぷんを糖に変え、酵母がそれを酒に変える。",
                en="Koji mould turns the starch of rice into sugar, which yeast turns into "
                "alcohol.",
                sources=["ouik"],
            ),
            _link(
                ("cices", "1.1.1.1"),
                taxon="Oryza sativa",
                material="rice-paddies",
                place="kaga",
                ja="加賀の平野の水田で育つ米が、酒の原料になる。",
                en="Rice from the paddies of the Kaga plain is the other main ingredient.",
                sources=["ouik"],
            ),
        ],
    },
    "kenrokuen-yukitsuri": {
        "kind": "garden",
        "name_ja": "兼六園の雪吊り",
        "name_en": "Snow-bracing (yukitsuri) at Kenrokuen",
        "description_ja": "重く湿った北陸の雪から枝を守るため、柱を立てて縄で枝を吊る冬支度。"
        "毎年11月1日に唐崎松から始まり、円錐形に張られた縄が金沢の冬の風物詩になっている。",
        "description_en": "Winter preparation that protects branches from Hokuriku's heavy, "
        "wet snow: poles are raised and the branches hung from ropes. It starts every "
        "1 November with the Karasaki pine, and the cones of rope are an emblem of winter in "
        "Kanazawa.",
        "place_name_ja": "兼六園（金沢市）",
        "place_name_en": "Kenrokuen, Kanazawa",
        "latitude": 36.5621,
        "longitude": 136.6625,
        "area": "17201",
        "links": [
            _link(
                CULTIVATED,
                taxon="Oryza sativa",
                material="straw-rope",
                place="kenrokuen",
                ja="枝を吊るのは稲わらの縄。園全体で太さ2種類のわら縄を約4トン使い、"
                "唐崎松だけで約800本を張る。",
                en="The branches hang from rice-straw rope: the garden uses about four tonnes "
                "of it in two thicknesses, some 800 ropes on the Karasaki pine alone.",
                sources=["kenrokuen"],
            ),
            _link(
                CULTIVATED,
                taxon="Phyllostachys bambusoides",
                place="kenrokuen",
                ja="支柱にはマダケが使われ、傷んだもの以外は翌年も使い回す。",
                en="Madake bamboo serves as poles and is reused the next year unless worn out.",
                sources=["kenrokuen"],
            ),
            _link(
                CULTIVATED,
                taxon="Thujopsis dolabrata var. hondai",
                place="kenrokuen",
                ja="唐崎松の芯柱はアテの丸太5本で、いちばん高いものは16メートルに達する。",
                en="The Karasaki pine's five central poles are ate logs, the tallest 16 metres.",
                sources=["kenrokuen"],
            ),
            _link(
                ("cices", "3.1.2.3"),
                taxon="Pinus thunbergii",
                place="kenrokuen",
                ja="唐崎松は、13代藩主前田斉泰が琵琶湖畔の唐崎から種を取り寄せて育てたと伝わる"
                "クロマツ。毎年最初に雪吊りされ、最後に外される。",
                en="The Karasaki pine is a black pine said to have been raised by the 13th lord, "
                "Maeda Nariyasu, from seed fetched from Karasaki on Lake Biwa. It is the first "
                "tree braced each year and the last unbraced.",
                sources=["kenrokuen"],
            ),
            _link(
                ("ncp", "17"),
                material="straw-rope",
                place="kenrokuen",
                ja="雪吊りの姿は金沢の冬を象徴し、庭師の技とともに町の誇りになっている。",
                en="The snow-bracing stands for winter in Kanazawa and, with the gardeners' "
                "skill, is a source of local pride.",
                sources=["kenrokuen", "ipbes"],
            ),
        ],
    },
    "aenokoto": {
        "kind": "festival",
        "name_ja": "奥能登のあえのこと",
        "name_en": "Oku-Noto no Aenokoto",
        "description_ja": "収穫後の12月と田植え前の2月に、"
        "農家が田の神を家に迎えてもてなす農耕儀礼。"
        "2009年にユネスコ無形文化遺産に記載。",
        "description_en": "A farming ritual in which households of northern Noto welcome the "
        "deity of the rice field into the house in December, after the harvest, and send it "
        "back in February, before planting. Inscribed by UNESCO as intangible cultural "
        "heritage in 2009.",
        "place_name_ja": "奥能登（珠洲市・輪島市・能登町・穴水町）",
        "place_name_en": "Oku-Noto (Suzu, Wajima, Noto and Anamizu)",
        "latitude": 37.40,
        "longitude": 137.10,
        "area": "17205",
        "links": [
            _link(
                ("cices", "3.2.1.2"),
                taxon="Oryza sativa",
                material="rice-paddies",
                place="noto",
                ja="田の神は稲と水田に宿るとされ、儀礼は豊作への感謝と祈りを表す。",
                en="The deity dwells in the rice and the paddies; the ritual gives thanks for "
                "the harvest and prays for the next.",
                sources=["aenokoto"],
            ),
            _link(
                ("ncp", "17"),
                material="rice-paddies",
                place="noto",
                ja="家ごとに形を変えて受け継がれ、能登の稲作農家のアイデンティティを支えている。",
                en="Passed down with variations from house to house, it supports the identity "
                "of Noto's rice farmers.",
                sources=["aenokoto"],
            ),
        ],
    },
}
