# ruff: noqa: E501  (bilingual prose and source URLs read better unbroken)
"""The crafts of Kanazawa (real, written by the Tsunagu team from the sources named per craft)
and the demo workshops and artisans (invented, flagged is_demo and labelled "(demo)").

Designation years are given only where a source confirms them; otherwise they stay blank."""

KENROKUEN_CRAFTS = (
    "兼六園周辺ガイド「石川県立伝統産業工芸館の展示品」(国・県指定の工芸品の一覧)",
    "http://kenrokuen.org/adjacent-spot/ishikawa-prefectural-museum-of-traditional-arts-and-crafts-exhibits/",
)
OWARICHO_CRAFTS = (
    "尾張町「金・銀・銅工芸品」(石川県の伝統的工芸品10品目と県指定6業種)",
    "http://www.owaricho.gr.jp/sano/craft/index.htm",
)

WATER = ("cices", "4.2.1.2")
CULTIVATED_FIBRES = ("cices", "1.1.1.2")
WILD_FIBRES = ("cices", "1.1.5.2")

# Materials of the biocultural graph this app adds when missing: slug -> kind, ja, en.
MATERIALS = {
    "gold": ("material", "金", "Gold"),
    "clay": ("material", "粘土・陶石", "Clay and pottery stone"),
    "washi": ("material", "和紙", "Washi (Japanese paper)"),
}

# Taxa, looked up (or created minimally) by scientific name: rank, common name ja, en.
TAXA = {
    "Toxicodendron vernicifluum": ("species", "ウルシ", "Lacquer tree"),
    "Bombyx mori": ("species", "カイコ", "Domestic silkworm"),
    "Paulownia tomentosa": ("species", "キリ", "Princess tree (paulownia)"),
    "Diplomorpha sikokiana": ("species", "ガンピ", "Ganpi"),
    "Thujopsis dolabrata": ("species", "アスナロ", "Hiba"),
    "Ginkgo biloba": ("species", "イチョウ", "Ginkgo"),
}


def _material(name_ja, name_en, note_ja="", note_en="", *, taxon=None, material=None, service=None):
    return {
        "name_ja": name_ja,
        "name_en": name_en,
        "note_ja": note_ja,
        "note_en": note_en,
        "taxon": taxon,
        "material": material,
        "service": service,
    }


# slug: fields, materials and sources. Order is the order of the catalogue.
CRAFTS = {
    "kanazawa-gold-leaf": {
        "name_ja": "金沢箔",
        "name_en": "Kanazawa gold leaf",
        "description_ja": "金に少量の銀と銅を加えた合金を、1万分の1ミリほどの薄さまで打ち延ばした箔。"
        "国内の金箔の約99%が金沢で作られている。寺社や仏壇、漆器、陶磁器、織物の装飾に欠かせない。",
        "description_en": "Gold alloyed with a little silver and copper and beaten to about a "
        "ten-thousandth of a millimetre. About 99% of Japan's gold leaf is made in Kanazawa; it "
        "decorates temples, shrines, Buddhist altars, lacquer ware, ceramics and textiles.",
        "techniques_ja": "伝統的な「縁付（えんつけ）」では、ガンピなどの和紙を灰汁などで何か月も仕込んだ"
        "「箔打紙」に金を挟み、打っては移し替えて延ばしていく。箔打紙の出来が箔の質を左右する。",
        "techniques_en": "In the traditional engizuke method the gold is beaten between sheets of "
        "'beating paper', washi conditioned for months in lye and other liquids; the quality of "
        "the paper decides the quality of the leaf.",
        "history_ja": "縁付金箔の製造技術は、2020年にユネスコ無形文化遺産に登録された"
        "「伝統建築工匠の技」を構成する技術の一つである。",
        "history_en": "Engizuke gold-leaf making is one of the skills of 'Traditional skills, "
        "techniques and knowledge for the conservation and transmission of wooden architecture "
        "in Japan', inscribed on UNESCO's intangible heritage list in 2020.",
        "designation": "national",
        "meti_designation_year": 1977,
        "materials": [
            _material(
                "金",
                "Gold",
                "金に少量の銀と銅を加えた合金。",
                "An alloy of gold with a little silver and copper.",
                material="gold",
            ),
            _material(
                "ガンピの和紙（箔打紙）",
                "Ganpi paper (beating paper)",
                "縁付箔は雁皮紙を仕込んだ箔打紙で打つ。",
                "Engizuke leaf is beaten between conditioned ganpi paper.",
                taxon="Diplomorpha sikokiana",
                service=WILD_FIBRES,
            ),
            _material(
                "水",
                "Water",
                "箔打紙の仕込みにきれいな水が要る。",
                "Conditioning the beating paper needs clean water.",
                service=WATER,
            ),
        ],
        "sources": [
            (
                "金沢箔技術振興研究所「金沢箔について」",
                "http://www.kanazawahaku-giken.jp/kanazawahaku.html",
            ),
            ("伝統工芸 青山スクエア「金沢箔」", "https://kougeihin.jp/craft/1502"),
            (
                "北陸物語「ユネスコ無形文化遺産に登録決定！伝統の金箔の技術」",
                "https://monogatari.hokuriku-imageup.org/2020/12/22/%E5%8C%97%E9%99%B8%E7%89%A9%E8%AA%9Efacebook%E3%80%80%EF%BD%9E%E3%83%A6%E3%83%8D%E3%82%B9%E3%82%B3%E7%84%A1%E5%BD%A2%E6%96%87%E5%8C%96%E9%81%BA%E7%94%A3%E3%81%AB%E7%99%BB%E9%8C%B2%E6%B1%BA%E5%AE%9A/",
            ),
        ],
    },
    "kaga-yuzen": {
        "name_ja": "加賀友禅",
        "name_en": "Kaga-yuzen silk dyeing",
        "description_ja": "絹に手描きで模様を染める友禅染。草花などを写実的に描き、"
        "加賀五彩と呼ばれる臙脂・藍・黄土・草・古代紫を基調とする。",
        "description_en": "Hand-painted yuzen dyeing on silk. Flowers and plants are drawn "
        "realistically in the 'five colours of Kaga': crimson, indigo, ochre, green and "
        "ancient purple.",
        "techniques_ja": "下絵を描き、糊で輪郭を置いてから色を挿す。外側から内側へ色を薄くする「ぼかし」や、"
        "葉の虫食いまで描く「虫喰い」が特徴。染めた後、糊や余分な染料を水で洗い流す。",
        "techniques_en": "The design is drawn, outlined with paste resist and then coloured. "
        "Shading from dark at the edge to light at the centre (bokashi) and leaves drawn with "
        "insect holes (mushikui) are typical. After dyeing, the paste and excess dye are washed "
        "out in water.",
        "history_ja": "",
        "history_en": "",
        "designation": "national",
        "materials": [
            _material(
                "絹",
                "Silk",
                "カイコの繭からとる糸で織った白生地に染める。",
                "Dyed on white silk woven from the cocoons of silkworms.",
                taxon="Bombyx mori",
            ),
            _material(
                "水",
                "Water",
                "糊や余分な染料を洗い流すのに大量の水を使う。",
                "Much water is used to wash out the paste and excess dye.",
                service=WATER,
            ),
        ],
        "sources": [KENROKUEN_CRAFTS, OWARICHO_CRAFTS],
    },
    "kanazawa-lacquer": {
        "name_ja": "金沢漆器",
        "name_en": "Kanazawa lacquer ware",
        "description_ja": "加賀蒔絵に代表される、金銀粉などで文様を描く華やかな漆器。茶道具や調度品が多い。",
        "description_en": "Lacquer ware known for Kaga maki-e, designs drawn in lacquer and "
        "sprinkled with gold and silver powder; much of it is tea ware and furnishings.",
        "techniques_ja": "木地に漆を塗り重ね、蒔絵で加飾する。高蒔絵・研出蒔絵などの技法がある。",
        "techniques_en": "Layers of lacquer are applied over a wooden core and decorated in "
        "maki-e, including raised (taka-maki-e) and polished (togidashi) techniques.",
        "history_ja": "江戸時代初期、加賀藩三代藩主前田利常が京都から蒔絵師五十嵐道甫を招いたのが始まりとされる。"
        "1980年に国の伝統的工芸品に指定された。",
        "history_en": "It is said to begin in the early Edo period, when Maeda Toshitsune, the third "
        "lord of the Kaga domain, invited the maki-e master Igarashi Dōho from Kyoto. It was "
        "designated a national traditional craft in 1980.",
        "designation": "national",
        "meti_designation_year": 1980,
        "materials": [
            _material(
                "漆",
                "Urushi lacquer",
                "ウルシの木から採る樹液。",
                "The sap tapped from the lacquer tree.",
                taxon="Toxicodendron vernicifluum",
                service=CULTIVATED_FIBRES,
            ),
            _material(
                "金粉・金箔",
                "Gold powder and leaf",
                "蒔絵の加飾に使う。",
                "Used for maki-e decoration.",
                material="gold",
            ),
        ],
        "sources": [
            (
                "コトバンク「金沢漆器」(日本の地域ブランド・名産品)",
                "https://kotobank.jp/word/%E9%87%91%E6%B2%A2%E6%BC%86%E5%99%A8-1778946",
            ),
        ],
    },
    "ohi-ware": {
        "name_ja": "大樋焼",
        "name_en": "Ohi ware",
        "description_ja": "轆轤を使わず手びねりで形づくる、楽焼の流れをくむ茶陶。飴色の釉が特徴。",
        "description_en": "Tea ceramics in the raku tradition, shaped by hand without a wheel and "
        "known for their amber (ame) glaze.",
        "techniques_ja": "手びねりで成形し、低い温度で焼いて窯から引き出す。",
        "techniques_en": "Pieces are hand-built and fired at a low temperature, then drawn "
        "from the kiln.",
        "history_ja": "江戸時代、茶人の仙叟宗室とともに京都から金沢に来た陶工に始まる。",
        "history_en": "It began in the Edo period with a potter who came to Kanazawa from Kyoto "
        "with the tea master Sensō Sōshitsu.",
        "designation": "ishikawa_rare",
        "materials": [
            _material("粘土", "Clay", "", "", material="clay"),
        ],
        "sources": [KENROKUEN_CRAFTS],
    },
    "kutani-ware": {
        "name_ja": "九谷焼",
        "name_en": "Kutani ware",
        "description_ja": "色絵の磁器・陶器。緑・黄・赤・紫・紺青の「九谷五彩」による上絵付が特徴。",
        "description_en": "Porcelain and pottery painted with overglaze enamels, typically in the "
        "'five Kutani colours': green, yellow, red, purple and dark blue.",
        "techniques_ja": "素地を焼いた後、上絵の具で絵付けして再び焼き付ける。",
        "techniques_en": "The body is fired, painted with overglaze enamels and fired again.",
        "history_ja": "江戸時代前期の「古九谷」に始まり、江戸後期に再興された。",
        "history_en": "It began with 'Ko-Kutani' in the early Edo period and was revived in the "
        "late Edo period.",
        "designation": "national",
        "materials": [
            _material("陶石・粘土", "Pottery stone and clay", "", "", material="clay"),
        ],
        "sources": [KENROKUEN_CRAFTS, OWARICHO_CRAFTS],
    },
    "kaga-embroidery": {
        "name_ja": "加賀繍",
        "name_en": "Kaga embroidery",
        "description_ja": "絹糸や金糸・銀糸を使い、立体感のある文様を浮かび上がらせる刺繍。",
        "description_en": "Embroidery in silk and gold and silver thread that makes its designs "
        "stand out in relief.",
        "techniques_ja": "多くの色糸と金銀糸を使い分け、肉入れなどで立体感を出す。",
        "techniques_en": "Many coloured threads and gold and silver threads are combined, with "
        "padding to raise the design.",
        "history_ja": "室町時代初期、仏教の布教とともに仏前の打敷や袈裟の装飾として京都から伝わり、"
        "江戸時代には加賀藩の保護を受けて発展した。1991年に国の伝統的工芸品に指定された。",
        "history_en": "It came from Kyoto in the early Muromachi period with the spread of "
        "Buddhism, to decorate altar cloths and priests' robes, and developed under the "
        "protection of the Kaga domain in the Edo period. It was designated a national "
        "traditional craft in 1991.",
        "designation": "national",
        "meti_designation_year": 1991,
        "materials": [
            _material("絹糸", "Silk thread", "", "", taxon="Bombyx mori"),
            _material("金糸・銀糸", "Gold and silver thread", "", "", material="gold"),
        ],
        "sources": [
            (
                "コトバンク「加賀繍」",
                "https://kotobank.jp/word/%E5%8A%A0%E8%B3%80%E7%B9%8D-1778937",
            ),
        ],
    },
    "kanazawa-buddhist-altars": {
        "name_ja": "金沢仏壇",
        "name_en": "Kanazawa Buddhist altars",
        "description_ja": "蒔絵と金箔をふんだんに使った、堅牢で華やかな仏壇。",
        "description_en": "Sturdy, richly decorated household Buddhist altars with maki-e and "
        "plenty of gold leaf.",
        "techniques_ja": "木地・彫刻・塗り・飾り金具・蒔絵・金箔押しなどの分業で作る。"
        "ほぞ組みで組み立てるため、分解して修理や洗浄ができる。",
        "techniques_en": "Made by specialists in wood, carving, lacquering, metal fittings, "
        "maki-e and gilding. Mortise-and-tenon joints let the altar be taken apart for "
        "repair and cleaning.",
        "history_ja": "加賀藩の細工所の流れをくむ職人の技術が仏壇に生かされた。1976年に国の伝統的工芸品に指定された。",
        "history_en": "The skills of craftsmen descended from the Kaga domain's workshops went "
        "into the altars. They were designated a national traditional craft in 1976.",
        "designation": "national",
        "meti_designation_year": 1976,
        "materials": [
            _material(
                "木材（アスナロ、イチョウなど）",
                "Wood (hiba, ginkgo and others)",
                "骨組みにアスナロ、板物にイチョウなど。",
                "Hiba for the frame, ginkgo and others for the panels.",
                taxon="Thujopsis dolabrata",
            ),
            _material("イチョウ材", "Ginkgo wood", "", "", taxon="Ginkgo biloba"),
            _material("漆", "Urushi lacquer", "", "", taxon="Toxicodendron vernicifluum"),
            _material("金箔", "Gold leaf", "", "", material="gold"),
        ],
        "sources": [
            (
                "KOUGEI EXPO「金沢仏壇」",
                "https://kougei-expo-2020.creema.jp/crafts/kanazawabutsudan/",
            ),
            (
                "日本伝統文化振興機構「金沢仏壇」",
                "https://www.jtco.or.jp/kougeihinkan/?act=detail&id=129&p=17&c=19",
            ),
        ],
    },
    "kaga-mizuhiki": {
        "name_ja": "加賀水引",
        "name_en": "Kaga mizuhiki",
        "description_ja": "和紙をよって固めた水引で、祝いの結びや鶴・亀などの立体的な飾りを作る細工。",
        "description_en": "Cords of twisted, stiffened washi tied into celebratory knots and "
        "three-dimensional figures such as cranes and turtles.",
        "techniques_ja": "",
        "techniques_en": "",
        "history_ja": "",
        "history_en": "",
        "designation": "ishikawa_rare",
        "materials": [
            _material("和紙", "Washi", "", "", material="washi"),
        ],
        "sources": [KENROKUEN_CRAFTS],
    },
    "kanazawa-paulownia-craft": {
        "name_ja": "金沢桐工芸",
        "name_en": "Kanazawa paulownia craft",
        "description_ja": "軽く狂いの少ない桐材の表面を焼いて木目を出し、蒔絵などで加飾する工芸。",
        "description_en": "Light, stable paulownia wood whose surface is scorched to bring out "
        "the grain, then decorated, for example with maki-e.",
        "techniques_ja": "",
        "techniques_en": "",
        "history_ja": "",
        "history_en": "",
        "designation": "ishikawa",
        "materials": [
            _material("桐材", "Paulownia wood", "", "", taxon="Paulownia tomentosa"),
            _material("漆", "Urushi lacquer", "", "", taxon="Toxicodendron vernicifluum"),
        ],
        "sources": [KENROKUEN_CRAFTS, OWARICHO_CRAFTS],
    },
    "futamata-washi": {
        "name_ja": "二俣和紙",
        "name_en": "Futamata washi",
        "description_ja": "医王山のふもと、金沢市二俣町で受け継がれてきた手漉き和紙。金沢箔の箔打紙にも使われる。",
        "description_en": "Hand-made paper from Futamata, at the foot of Mount Iōzen in Kanazawa; "
        "it is also used as the beating paper of Kanazawa gold leaf.",
        "techniques_ja": "",
        "techniques_en": "",
        "history_ja": "",
        "history_en": "",
        "designation": "",
        "materials": [
            _material(
                "ガンピ", "Ganpi", "", "", taxon="Diplomorpha sikokiana", service=WILD_FIBRES
            ),
            _material(
                "水",
                "Water",
                "紙漉きには冷たくきれいな水がたくさん要る。",
                "Paper-making needs plenty of cold, clean water.",
                service=WATER,
                material="forested-catchments",
            ),
        ],
        "sources": [("Wikipedia「箔打紙」", "https://ja.wikipedia.org/wiki/箔打紙")],
    },
}

# Invented workshops in Kanazawa (coordinates are plausible points, not real studios).
# slug: fields, crafts, opening hours (weekdays, opens, closes) and artisans.
TUE_TO_SUN = (1, 2, 3, 4, 5, 6)
WORKSHOPS = {
    "demo-gold-leaf-studio": {
        "name_ja": "ひがし箔工房（デモ）",
        "name_en": "Higashi Gold Leaf Studio (demo)",
        "description_ja": "ひがし茶屋街の町家で、箔打ちの道具の見学と箔貼り体験ができる工房。（デモ用の架空の工房です）",
        "description_en": "A studio in a townhouse of the Higashi Chaya district where you can see "
        "the tools of gold-leaf beating and try applying leaf yourself. (An invented demo "
        "workshop.)",
        "address_ja": "金沢市東山一丁目（デモ）",
        "address_en": "Higashiyama 1-chome, Kanazawa (demo)",
        "latitude": 36.5724,
        "longitude": 136.6666,
        "languages": ["ja", "en"],
        "step_free_access": True,
        "has_seating": True,
        "accessible_toilet": False,
        "accessibility_notes_ja": "入口と工房は1階で段差はありません。トイレは狭く、車椅子では使えません。",
        "accessibility_notes_en": "The entrance and studio are on the ground floor without "
        "steps. The toilet is small and not usable in a wheelchair.",
        "opening_hours_notes_ja": "年末年始は休み。体験は予約制です。",
        "opening_hours_notes_en": "Closed over the New Year. Experiences need a booking.",
        "crafts": ["kanazawa-gold-leaf", "kanazawa-lacquer"],
        "hours": (TUE_TO_SUN, "10:00", "17:00"),
        "artisans": {
            "demo-hanako-kanaya": (
                "金谷 花子（デモ）",
                "Hanako Kanaya (demo)",
                True,
                ["ja", "en"],
                "箔打ちの家に生まれ、箔貼りの技を伝える。（架空の人物）",
                "Born into a family of leaf beaters, she teaches leaf application. (An invented person.)",
                ["kanazawa-gold-leaf"],
            ),
        },
    },
    "demo-kaga-yuzen-atelier": {
        "name_ja": "長町友禅アトリエ（デモ）",
        "name_en": "Nagamachi Yuzen Atelier (demo)",
        "description_ja": "武家屋敷跡近くの加賀友禅と加賀繍のアトリエ。（デモ用の架空の工房です）",
        "description_en": "A Kaga-yuzen and Kaga embroidery atelier near the old samurai "
        "district. (An invented demo workshop.)",
        "address_ja": "金沢市長町二丁目（デモ）",
        "address_en": "Nagamachi 2-chome, Kanazawa (demo)",
        "latitude": 36.5627,
        "longitude": 136.6478,
        "languages": ["ja"],
        "step_free_access": False,
        "has_seating": True,
        "accessible_toilet": False,
        "accessibility_notes_ja": "入口に20cmほどの段差が1段あります。",
        "accessibility_notes_en": "One step of about 20 cm at the entrance.",
        "opening_hours_notes_ja": "水曜休み。",
        "opening_hours_notes_en": "Closed on Wednesdays.",
        "crafts": ["kaga-yuzen", "kaga-embroidery"],
        "hours": ((0, 1, 3, 4, 5, 6), "09:30", "16:30"),
        "artisans": {
            "demo-taro-someya": (
                "染谷 太郎（デモ）",
                "Taro Someya (demo)",
                True,
                ["ja"],
                "加賀友禅の作家。草花の写生から図案を起こす。（架空の人物）",
                "A Kaga-yuzen artist who designs from sketches of plants. (An invented person.)",
                ["kaga-yuzen"],
            ),
            "demo-yuki-nuida": (
                "縫田 由紀（デモ）",
                "Yuki Nuida (demo)",
                False,
                ["ja", "en"],
                "加賀繍の職人。（架空の人物）",
                "A Kaga embroidery maker. (An invented person.)",
                ["kaga-embroidery"],
            ),
        },
    },
    "demo-kutani-studio": {
        "name_ja": "寺町九谷絵付工房（デモ）",
        "name_en": "Teramachi Kutani Painting Studio (demo)",
        "description_ja": "九谷焼の上絵付を見学できる工房。（デモ用の架空の工房です）",
        "description_en": "A studio where you can watch Kutani overglaze painting. (An invented "
        "demo workshop.)",
        "address_ja": "金沢市寺町（デモ）",
        "address_en": "Teramachi, Kanazawa (demo)",
        "latitude": 36.5553,
        "longitude": 136.6489,
        "languages": ["ja", "en", "zh-hant"],
        "step_free_access": True,
        "has_seating": True,
        "accessible_toilet": True,
        "accessibility_notes_ja": "",
        "accessibility_notes_en": "",
        "opening_hours_notes_ja": "",
        "opening_hours_notes_en": "",
        "crafts": ["kutani-ware"],
        "hours": ((0, 1, 2, 3, 4), "10:00", "18:00"),
        "artisans": {
            "demo-ken-eshima": (
                "絵島 健（デモ）",
                "Ken Eshima (demo)",
                False,
                ["ja", "en"],
                "九谷焼の絵付師。（架空の人物）",
                "A Kutani ware painter. (An invented person.)",
                ["kutani-ware"],
            ),
        },
    },
    "demo-ohi-tea-ware-kiln": {
        "name_ja": "浅野川茶陶窯（デモ）",
        "name_en": "Asanogawa Tea Ware Kiln (demo)",
        "description_ja": "浅野川のほとりの、飴釉の茶碗を焼く小さな窯。（デモ用の架空の工房です）",
        "description_en": "A small kiln by the Asano river making amber-glazed tea bowls. "
        "(An invented demo workshop.)",
        "address_ja": "金沢市橋場町（デモ）",
        "address_en": "Hashiba-cho, Kanazawa (demo)",
        "latitude": 36.5716,
        "longitude": 136.6612,
        "languages": ["ja"],
        "step_free_access": None,
        "has_seating": True,
        "accessible_toilet": None,
        "accessibility_notes_ja": "",
        "accessibility_notes_en": "",
        "opening_hours_notes_ja": "窯焚きの日は見学できません。",
        "opening_hours_notes_en": "No visits on firing days.",
        "crafts": ["ohi-ware"],
        "hours": ((4, 5, 6), "11:00", "16:00"),
        "artisans": {
            "demo-jiro-tsuchiya": (
                "土屋 次郎（デモ）",
                "Jiro Tsuchiya (demo)",
                False,
                ["ja"],
                "茶陶を焼く陶芸家。（架空の人物）",
                "A potter of tea ware. (An invented person.)",
                ["ohi-ware"],
            ),
        },
    },
    "demo-mizuhiki-studio": {
        "name_ja": "主計町水引工房（デモ）",
        "name_en": "Kazuemachi Mizuhiki Studio (demo)",
        "description_ja": "祝いの結びから鶴亀の飾りまで、加賀水引の工房。（デモ用の架空の工房です）",
        "description_en": "A Kaga mizuhiki studio making everything from gift knots to crane "
        "and turtle figures. (An invented demo workshop.)",
        "address_ja": "金沢市主計町（デモ）",
        "address_en": "Kazuemachi, Kanazawa (demo)",
        "latitude": 36.5709,
        "longitude": 136.6638,
        "languages": ["ja", "en", "ko"],
        "step_free_access": True,
        "has_seating": True,
        "accessible_toilet": True,
        "accessibility_notes_ja": "",
        "accessibility_notes_en": "",
        "opening_hours_notes_ja": "",
        "opening_hours_notes_en": "",
        "crafts": ["kaga-mizuhiki"],
        "hours": (TUE_TO_SUN, "10:00", "17:00"),
        "artisans": {
            "demo-aiko-musubi": (
                "結城 愛子（デモ）",
                "Aiko Yuki (demo)",
                False,
                ["ja", "en"],
                "水引の結びの作家。（架空の人物）",
                "A maker of mizuhiki knots. (An invented person.)",
                ["kaga-mizuhiki"],
            ),
        },
    },
    "demo-lacquer-and-paulownia-workshop": {
        "name_ja": "卯辰山 漆と桐の工房（デモ）",
        "name_en": "Utatsuyama Lacquer and Paulownia Workshop (demo)",
        "description_ja": "金沢漆器・金沢桐工芸・金沢仏壇の塗りを手がける工房。（デモ用の架空の工房です）",
        "description_en": "A workshop for Kanazawa lacquer ware, paulownia craft and the "
        "lacquering of Buddhist altars. (An invented demo workshop.)",
        "address_ja": "金沢市東山二丁目（デモ）",
        "address_en": "Higashiyama 2-chome, Kanazawa (demo)",
        "latitude": 36.5738,
        "longitude": 136.6694,
        "languages": ["ja", "en"],
        "step_free_access": False,
        "has_seating": False,
        "accessible_toilet": False,
        "accessibility_notes_ja": "工房は2階で、エレベーターはありません。",
        "accessibility_notes_en": "The workshop is on the first floor up, with no lift.",
        "opening_hours_notes_ja": "見学は事前にご連絡ください。",
        "opening_hours_notes_en": "Please get in touch before visiting.",
        "crafts": ["kanazawa-lacquer", "kanazawa-paulownia-craft", "kanazawa-buddhist-altars"],
        "hours": ((0, 2, 4), "13:00", "17:00"),
        "artisans": {
            "demo-makoto-urushibara": (
                "漆原 誠（デモ）",
                "Makoto Urushibara (demo)",
                True,
                ["ja"],
                "蒔絵師。（架空の人物）",
                "A maki-e artist. (An invented person.)",
                ["kanazawa-lacquer", "kanazawa-paulownia-craft"],
            ),
        },
    },
}
