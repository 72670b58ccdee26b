"""Demo projects: fictional Kanazawa partner commitments, flagged is_demo (the pages say so).

Spread over the public partners that exist when it runs (partners.demo runs first); with fewer
than three it creates nothing. Report dates are relative to today so that the demo always shows
green, yellow and red lights. Safe to run again: everything is keyed by slug (and year/order).
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from tsunagu.core.models import Area, Goal
from tsunagu.core.services import sdg_relations_set
from tsunagu.partners.matching import Profile, matches_rank
from tsunagu.partners.models import PUBLIC_STATUSES, Partner
from tsunagu.partners.selectors import partner_profiles
from tsunagu.projects.light import months_before
from tsunagu.projects.models import (
    Deliverable,
    ProgressReport,
    Project,
    ProjectStatus,
    Resource,
    ResourceKind,
)


@dataclass(frozen=True)
class Demo:
    slug: str
    title_ja: str
    title_en: str
    description_ja: str
    description_en: str
    goals: tuple[int, ...]
    place: str
    deliverables: tuple[str, ...]
    resources: tuple[tuple[str, str, int | None, int | None], ...] = ()
    area: str = "17201"
    figures: dict = field(default_factory=dict)


F, K, S = ResourceKind.FINANCIAL, ResourceKind.IN_KIND, ResourceKind.STAFF

PROJECTS = [
    # Crafts successors
    Demo(
        "kaga-yuzen-apprentice-studio",
        "加賀友禅 若手職人の工房シェア",
        "Shared studio for young Kaga Yuzen dyers",
        "独立をめざす加賀友禅の若手職人3名が、引退した作家の工房を共同で使い、技術指導と販路づくりを受けます。",
        "Three young Kaga Yuzen dyers share a retired master's studio, with coaching in "
        "technique and help finding buyers.",
        (4, 8, 11),
        "金沢市 小将町",
        ("工房の改修 / Studio refurbishment", "作品展の開催 / Exhibition of new work"),
        ((F, "工房の賃料補助 / Rent support", 1_200_000, None), (S, "作家による指導", None, 48)),
        figures={"研修生 / trainees": 3, "販売作品 / pieces sold": 41},
    ),
    Demo(
        "gold-leaf-successor-school",
        "金箔職人の後継者育成講座",
        "Gold-leaf craft successor course",
        "金沢箔の打ち・箔移しの工程を一年かけて学ぶ講座。修了生は市内の工房で就業体験をします。",
        "A one-year course in beating and transferring Kanazawa gold leaf; graduates do "
        "work placements in city workshops.",
        (4, 8),
        "金沢市 東山",
        (
            "受講生の募集 / Recruit students",
            "工程別の教材作成 / Teaching material per process",
            "就業体験 / Work placements",
        ),
        ((F, "材料費 / Materials", 800_000, None),),
        figures={"受講生 / students": 8, "修了生 / graduates": 6},
    ),
    Demo(
        "kutani-ware-kiln-open-days",
        "九谷焼 窯元オープンデー",
        "Kutani ware kiln open days",
        "九谷焼の窯元を年4回公開し、絵付け体験と若手作家の作品販売で産地の担い手を増やします。",
        "Kutani ware kilns open their doors four times a year with painting workshops and "
        "sales of young potters' work.",
        (8, 11, 12),
        "金沢市・能美市の窯元",
        ("春のオープンデー / Spring open day", "秋のオープンデー / Autumn open day"),
        ((K, "会場としての窯元 / Kilns as venues", None, None),),
        area="17211",
        figures={"来場者 / visitors": 1250},
    ),
    Demo(
        "crafts-online-archive",
        "工芸技法のデジタルアーカイブ",
        "Digital archive of craft techniques",
        "高齢の職人の技を映像と解説で記録し、学校や研修で使えるよう公開します。",
        "Recording elderly artisans' techniques on video with commentary, published for "
        "schools and training.",
        (4, 11),
        "金沢市内の工房",
        ("10技法の撮影 / Film ten techniques", "公開サイト / Public website"),
        ((F, "撮影・編集 / Filming and editing", 2_500_000, None),),
    ),
    # Kuratsuki canal fireflies
    Demo(
        "kuratsuki-canal-fireflies",
        "鞍月用水 ホタルの里づくり",
        "Fireflies back on the Kuratsuki canal",
        "鞍月用水の水辺を清掃し、カワニナの生息環境を整えて、まちなかにホタルを呼び戻します。",
        "Cleaning the banks of the Kuratsuki canal and restoring snail habitat to bring "
        "fireflies back to the city centre.",
        (6, 11, 15),
        "鞍月用水（長町〜香林坊）",
        (
            "月1回の清掃 / Monthly clean-up",
            "ホタル調査 / Firefly count",
            "観察会 / Evening walk",
        ),
        ((S, "ボランティア / Volunteers", None, 120), (K, "清掃用具 / Tools", None, None)),
        figures={"ホタル確認数 / fireflies counted": 64, "参加者 / volunteers": 210},
    ),
    Demo(
        "canal-water-quality-kids",
        "子ども水質調査隊",
        "Children's canal water-quality survey",
        "小学生が用水の水質と生きものを季節ごとに調べ、結果を地図にまとめて発表します。",
        "Primary pupils survey the canals' water and wildlife every season and present "
        "their results as a map.",
        (4, 6, 14),
        "大野庄用水・鞍月用水",
        ("調査キット / Survey kits", "成果発表会 / Results presentation"),
        ((F, "調査キット購入 / Survey kits", 300_000, None),),
        figures={"参加児童 / pupils": 86},
    ),
    Demo(
        "canal-side-native-plants",
        "用水沿いの在来植物の植栽",
        "Native plants along the canals",
        "外来植物を取り除き、在来の草花を用水沿いに植えて生きものの通り道をつくります。",
        "Removing invasive plants and planting native species along the canals as "
        "wildlife corridors.",
        (11, 15),
        "辰巳用水",
        ("外来種の除去 / Invasive removal", "在来種の植栽 / Native planting"),
        ((S, "地域ボランティア", None, 40),),
    ),
    # Food loss
    Demo(
        "food-loss-market-leftovers",
        "近江町市場 食品ロス削減プロジェクト",
        "Cutting food loss at Omicho Market",
        "市場で売れ残った青果や魚を、子ども食堂やフードバンクに当日中に届ける仕組みをつくります。",
        "Same-day delivery of unsold fruit, vegetables and fish from the market to "
        "children's cafeterias and food banks.",
        (2, 12),
        "近江町市場",
        ("回収ルートの設計 / Pick-up routes", "保冷車の導入 / Refrigerated van"),
        ((F, "保冷車リース / Van lease", 1_800_000, None), (S, "配送スタッフ", None, 200)),
        figures={"回収量 kg / food rescued kg": 14_300},
    ),
    Demo(
        "restaurant-doggy-bag",
        "飲食店の持ち帰り（ドギーバッグ）推進",
        "Take-home boxes in restaurants",
        "市内の飲食店で食べ残しの持ち帰りを広めるため、共通の容器とステッカーを配布します。",
        "Shared take-home boxes and stickers so that diners can take leftovers home from "
        "city restaurants.",
        (12,),
        "金沢市内の飲食店",
        ("参加店の募集 / Recruit restaurants", "容器の配布 / Distribute boxes"),
        ((F, "容器の製作 / Boxes", 400_000, None),),
        figures={"参加店 / restaurants": 58},
    ),
    Demo(
        "school-lunch-compost",
        "学校給食の残さ堆肥化",
        "Composting school-lunch leftovers",
        "給食の残さを堆肥にして学校菜園で使い、食べ物の循環を子どもたちと学びます。",
        "Turning school-lunch leftovers into compost for school gardens, and learning "
        "about food cycles with the pupils.",
        (4, 12, 13),
        "市立小学校5校",
        ("堆肥化装置の設置 / Composters", "菜園での収穫祭 / Harvest day"),
        ((K, "堆肥化装置 / Composters", None, None),),
    ),
    # Children's cafeterias
    Demo(
        "kodomo-shokudo-network",
        "子ども食堂ネットワーク金沢",
        "Kanazawa children's cafeteria network",
        "市内の子ども食堂が食材・ボランティア・衛生管理の情報を共有し、開催日を増やします。",
        "City children's cafeterias share food, volunteers and hygiene know-how so that "
        "each can open more often.",
        (1, 2, 10),
        "金沢市内の公民館",
        (
            "共同食材庫 / Shared pantry",
            "衛生講習 / Hygiene training",
            "開催マップ / Map of cafeterias",
        ),
        ((F, "食材費 / Food", 1_000_000, None), (S, "調理ボランティア", None, 300)),
        figures={"提供食数 / meals served": 9_800, "参加団体 / cafeterias": 27},
    ),
    Demo(
        "homework-and-dinner",
        "学習支援つき夕食会",
        "Homework club with dinner",
        "ひとり親家庭の中高生を対象に、大学生による学習支援と夕食を週2回提供します。",
        "Twice a week, university students help secondary pupils from single-parent "
        "families with homework, followed by dinner.",
        (1, 4, 10),
        "金沢市 西部地域",
        ("会場の確保 / Venue", "大学生チューターの研修 / Tutor training"),
        ((S, "大学生チューター", None, 160),),
        figures={"参加生徒 / pupils": 34},
    ),
    Demo(
        "cafeteria-farm-link",
        "農家と子ども食堂をつなぐ",
        "Farms supplying children's cafeterias",
        "規格外野菜を農家から子ども食堂へ届け、収穫体験も行います。",
        "Misshapen vegetables go from farms to children's cafeterias, with harvest days "
        "for the children.",
        (2, 12),
        "金沢市 近郊農村",
        ("農家との協定 / Agreements with farms",),
        ((K, "規格外野菜 / Vegetables", None, None),),
    ),
    # Satoyama
    Demo(
        "satoyama-bamboo-forest",
        "里山の竹林整備と竹炭づくり",
        "Bamboo forest care and bamboo charcoal",
        "放置竹林を市民と伐採し、竹炭や竹チップとして活用して里山の景観を取り戻します。",
        "Citizens clear neglected bamboo groves and turn the bamboo into charcoal and "
        "mulch, restoring the satoyama landscape.",
        (13, 15),
        "金沢市 湯涌地区",
        ("伐採作業 / Clearing days", "竹炭窯の設置 / Charcoal kiln"),
        ((S, "里山ボランティア", None, 90), (F, "窯の設置費 / Kiln", 600_000, None)),
        figures={"整備面積 a / area cleared (a)": 35},
    ),
    Demo(
        "satoyama-school-forest",
        "学校林で森の学び",
        "Learning in the school forest",
        "中学校の学校林で間伐や生きもの調査を行い、森林の役割を学ぶ授業をつくります。",
        "Thinning and wildlife surveys in a junior high school's forest, building lessons "
        "on what forests do.",
        (4, 15),
        "金沢市 医王山",
        ("授業案の作成 / Lesson plans", "間伐体験 / Thinning day"),
        ((S, "森林インストラクター", None, 20),),
    ),
    Demo(
        "rice-terrace-revival",
        "棚田の再生とオーナー制度",
        "Rice-terrace revival with owners",
        "耕作放棄された棚田を、都市住民のオーナー制度で再生します。",
        "Abandoned rice terraces brought back into use by city residents who become "
        "terrace owners.",
        (2, 11, 15),
        "金沢市 山間部",
        ("オーナー募集 / Recruit owners", "田植え・稲刈り / Planting and harvest"),
        ((F, "オーナー会費 / Owner fees", 500_000, None),),
    ),
    Demo(
        "wild-boar-gibier",
        "イノシシ被害対策とジビエ活用",
        "Wild boar damage and game meat",
        "里山のイノシシ被害を減らし、捕獲した個体をジビエとして地域の飲食店で活用します。",
        "Reducing wild boar damage in the hills and serving the culled animals as game "
        "meat in local restaurants.",
        (2, 12, 15),
        "金沢市 東部山間地",
        ("処理施設との連携 / Processing partner", "ジビエメニュー / Game menu"),
        ((K, "解体処理の協力 / Processing", None, None),),
    ),
    # Snow-season disaster preparedness
    Demo(
        "snow-shovelling-mutual-aid",
        "除雪の助け合いマッチング",
        "Snow-shovelling mutual aid",
        "大雪のとき、高齢者世帯の玄関先の除雪を近所のボランティアが手伝う仕組みをつくります。",
        "In heavy snow, neighbourhood volunteers clear the doorways of elderly residents.",
        (3, 11),
        "金沢市 各校下",
        ("登録制度 / Sign-up system", "除雪用具の配備 / Shovels in each district"),
        ((K, "除雪用具 / Shovels", None, None), (S, "除雪ボランティア", None, 150)),
        figures={"支援世帯 / households helped": 140},
    ),
    Demo(
        "winter-evacuation-drill",
        "冬季の避難訓練",
        "Winter evacuation drill",
        "積雪時の避難所開設と要配慮者の移動を想定した訓練を町会と行います。",
        "Drills with neighbourhood associations for opening shelters and moving "
        "vulnerable residents in deep snow.",
        (11, 13),
        "金沢市 浅野川校下",
        ("訓練の実施 / Drill", "振り返り報告 / Lessons learnt"),
        ((S, "町会・消防団", None, 60),),
        figures={"参加者 / participants": 320},
    ),
    Demo(
        "snow-hazard-map",
        "雪のハザードマップづくり",
        "Snow hazard map",
        "落雪・凍結の危険箇所を住民と歩いて調べ、地図にして配ります。",
        "Residents walk their streets to map falling-snow and ice hazards, then "
        "distribute the map.",
        (11, 13),
        "金沢市 寺町",
        ("まち歩き調査 / Street survey", "地図の印刷 / Print the map"),
        ((F, "印刷費 / Printing", 200_000, None),),
    ),
    # Noto earthquake recovery
    Demo(
        "noto-recovery-volunteer-bus",
        "能登復興ボランティアバス",
        "Volunteer buses for Noto recovery",
        "令和6年能登半島地震の被災地へ、金沢から週末ボランティアバスを運行します。",
        "Weekend volunteer buses from Kanazawa to areas hit by the 2024 Noto Peninsula earthquake.",
        (11, 17),
        "輪島市・珠洲市",
        ("バスの運行 / Bus trips", "参加者の安全研修 / Safety briefing"),
        ((F, "バス借上げ / Bus hire", 3_000_000, None), (S, "引率スタッフ", None, 80)),
        area="17204",
        figures={"参加者 / volunteers": 960, "運行本数 / trips": 24},
    ),
    Demo(
        "noto-evacuee-support-kanazawa",
        "金沢で暮らす避難者の生活支援",
        "Support for Noto evacuees living in Kanazawa",
        "金沢市内に避難している能登の方々に、交流サロンと生活相談の場を提供します。",
        "Social meetings and advice sessions for people from Noto who have evacuated to Kanazawa.",
        (1, 3, 10, 11),
        "金沢市内の公民館",
        ("交流サロン / Drop-in salon", "相談窓口 / Advice desk"),
        ((S, "相談員", None, 100),),
        figures={"相談件数 / consultations": 230},
    ),
    Demo(
        "noto-crafts-restart",
        "輪島塗の工房再建支援",
        "Helping Wajima lacquer workshops restart",
        "被災した輪島塗の職人に金沢の工房スペースを貸し出し、制作と販売の再開を支えます。",
        "Workshop space in Kanazawa for Wajima lacquer artisans whose studios were "
        "damaged, so that they can make and sell again.",
        (8, 9, 11),
        "金沢市・輪島市",
        ("仮工房の提供 / Temporary studios", "合同販売会 / Joint sale"),
        ((K, "工房スペース / Studio space", None, None),),
        area="17204",
    ),
    Demo(
        "noto-local-produce-market",
        "能登の産品を金沢で販売",
        "Noto produce market in Kanazawa",
        "能登の生産者の農水産物や加工品を金沢の朝市で販売し、生業の回復を後押しします。",
        "Noto producers sell their farm, fish and processed products at a Kanazawa "
        "morning market to rebuild their livelihoods.",
        (8, 12, 17),
        "金沢市 中心部",
        ("月例マルシェ / Monthly market",),
        ((K, "会場 / Venue", None, None),),
    ),
    # School ESD
    Demo(
        "esd-sdgs-school-programme",
        "小中学校のSDGs探究学習",
        "SDGs inquiry learning in schools",
        "地域の企業やNPOが講師となり、金沢の課題をテーマにした探究学習を支援します。",
        "Local companies and NPOs teach inquiry-based lessons on Kanazawa's own challenges.",
        (4, 17),
        "金沢市立小中学校",
        ("講師バンク / Speaker bank", "成果発表会 / Student showcase"),
        ((S, "講師派遣", None, 70),),
        figures={"授業数 / lessons": 52, "参加児童生徒 / pupils": 1_900},
    ),
    Demo(
        "university-sdgs-lab",
        "大学生のSDGsラボ",
        "University students' SDGs lab",
        "市内の大学生が企業の課題に取り組み、半年ごとに提案を発表します。",
        "City university students tackle companies' challenges and present proposals "
        "every six months.",
        (4, 9, 17),
        "金沢市内の大学",
        ("課題の募集 / Call for challenges", "提案発表会 / Pitch day"),
        ((F, "運営費 / Running costs", 700_000, None),),
    ),
    Demo(
        "biocultural-diversity-lessons",
        "生物文化多様性の出前授業",
        "Biocultural diversity classroom visits",
        "金沢の自然と伝統文化のつながりを伝える出前授業を、教材とともに学校へ届けます。",
        "Classroom visits, with teaching kits, on how Kanazawa's nature and traditional "
        "culture depend on each other.",
        (4, 15),
        "金沢市内の学校",
        ("教材キット / Teaching kit", "出前授業 / Class visits"),
        ((S, "講師", None, 30),),
    ),
    # Renewable energy
    Demo(
        "community-solar-kominkan",
        "公民館の市民共同太陽光発電",
        "Community solar on neighbourhood halls",
        "市民出資で公民館の屋根に太陽光パネルを設置し、売電収益を地域活動に充てます。",
        "Citizen-funded solar panels on neighbourhood-hall roofs; the income pays for "
        "local activities.",
        (7, 13),
        "金沢市内の公民館3館",
        ("出資者の募集 / Raise citizen funds", "パネル設置 / Install panels"),
        ((F, "市民出資 / Citizen investment", 9_000_000, None),),
        figures={"発電量 kWh / output kWh": 58_000},
    ),
    Demo(
        "small-hydro-irrigation",
        "用水を使った小水力発電",
        "Small hydro on an irrigation canal",
        "農業用水路に小水力発電機を設置し、街灯や地域施設の電力をまかないます。",
        "A small hydro turbine on an irrigation canal powers street lights and a "
        "community building.",
        (6, 7, 9),
        "金沢市 辰巳用水",
        ("流量調査 / Flow survey", "発電機の設置 / Turbine"),
        ((F, "設備費 / Equipment", 12_000_000, None),),
    ),
    Demo(
        "home-insulation-retrofit",
        "住宅の断熱改修キャンペーン",
        "Home insulation campaign",
        "冬の暖房エネルギーを減らすため、窓や壁の断熱改修の相談会と見学会を開きます。",
        "Advice days and open houses on insulating windows and walls, to cut winter "
        "heating energy.",
        (7, 11, 13),
        "金沢市内",
        ("相談会 / Advice days", "改修事例集 / Case studies"),
        ((S, "建築士", None, 25),),
    ),
    # Sustainable tourism
    Demo(
        "machiya-stay-rules",
        "町家宿泊の地域ルールづくり",
        "Neighbourhood rules for machiya stays",
        "町家を使った宿泊施設と住民が話し合い、ごみ・騒音・駐車のルールを決めます。",
        "Machiya guesthouses and residents agree on rules for rubbish, noise and parking.",
        (8, 11),
        "金沢市 ひがし茶屋街周辺",
        ("住民との協議 / Resident meetings", "多言語ルールブック / Multilingual rulebook"),
        ((F, "翻訳・印刷 / Translation and printing", 350_000, None),),
    ),
    Demo(
        "off-season-craft-tours",
        "冬の工芸体験ツアー",
        "Winter craft tours",
        "観光客の少ない冬に、工房を巡る少人数ツアーで地域にお金が落ちる観光をつくります。",
        "Small-group workshop tours in the quiet winter season, so that tourism spending "
        "stays local.",
        (8, 12),
        "金沢市内の工房",
        ("ツアー造成 / Design tours", "事業者研修 / Operator training"),
        ((K, "工房の協力 / Workshops", None, None),),
        figures={"参加者 / guests": 420},
    ),
    Demo(
        "bicycle-sightseeing",
        "まちのり（自転車）で巡る観光",
        "Sightseeing by shared bicycle",
        "公共シェアサイクルを使った観光ルートを整え、車による混雑を減らします。",
        "Sightseeing routes by public shared bicycle to ease car congestion.",
        (3, 11, 13),
        "金沢市 中心部",
        ("ルートマップ / Route map",),
        ((F, "マップ制作 / Map", 250_000, None),),
    ),
    Demo(
        "kenrokuen-litter-free",
        "兼六園周辺のごみゼロ観光",
        "Litter-free visits around Kenrokuen",
        "給水スポットとマイボトルの呼びかけで、観光地のペットボトルごみを減らします。",
        "Refill stations and reusable bottles to cut plastic-bottle litter around the garden.",
        (12, 14),
        "兼六園周辺",
        ("給水スポット設置 / Refill stations",),
        ((F, "設置費 / Installation", 900_000, None),),
    ),
    # Multicultural coexistence
    Demo(
        "japanese-class-for-residents",
        "外国人住民のための日本語教室",
        "Japanese classes for foreign residents",
        "働きながら暮らす外国人住民向けに、夜間と週末の日本語教室を開きます。",
        "Evening and weekend Japanese classes for foreign residents who work in the city.",
        (4, 10),
        "金沢市国際交流センター",
        ("教室の開設 / Open classes", "ボランティア講師研修 / Volunteer teachers"),
        ((S, "ボランティア講師", None, 200),),
        figures={"受講者 / learners": 115, "国籍 / nationalities": 14},
    ),
    Demo(
        "multilingual-disaster-info",
        "多言語の防災情報",
        "Disaster information in many languages",
        "やさしい日本語と8言語で防災情報を発信し、外国人住民の避難訓練参加を増やします。",
        "Disaster information in plain Japanese and eight languages, and more foreign "
        "residents at evacuation drills.",
        (10, 11, 16),
        "金沢市内",
        ("情報の翻訳 / Translation", "防災訓練への参加 / Drill participation"),
        ((F, "翻訳費 / Translation", 450_000, None),),
    ),
    Demo(
        "international-food-festival",
        "多文化フードフェスティバル",
        "Multicultural food festival",
        "外国人住民が母国の料理を紹介し、地域住民と交流するフェスティバルを開きます。",
        "Foreign residents cook the food of their home countries and meet their "
        "neighbours at a festival.",
        (10, 16),
        "金沢市 しいのき迎賓館",
        ("出店者の募集 / Recruit stalls", "フェス開催 / Festival day"),
        ((K, "会場 / Venue", None, None),),
        figures={"来場者 / visitors": 3_400},
    ),
    # Gender equality in workplaces
    Demo(
        "women-leaders-programme",
        "女性管理職育成プログラム",
        "Women leaders programme",
        "市内中小企業の女性社員を対象に、管理職をめざす研修とメンター制度を行います。",
        "Training and mentoring for women in city SMEs who aim at management posts.",
        (5, 8),
        "金沢市内の企業",
        ("研修の実施 / Training", "メンターの登録 / Mentor pool"),
        ((F, "研修費 / Training costs", 1_500_000, None), (S, "メンター", None, 60)),
        figures={"受講者 / participants": 36, "昇進者 / promoted": 5},
    ),
    Demo(
        "men-parental-leave",
        "男性の育児休業取得推進",
        "Parental leave for fathers",
        "男性の育休取得率を高めるため、企業向けの制度づくり相談と体験談の共有を行います。",
        "Advice for companies on leave policies and shared stories to help more fathers "
        "take parental leave.",
        (5, 8, 10),
        "金沢市内の企業",
        ("企業向けセミナー / Company seminars", "体験談集 / Fathers' stories"),
        ((S, "社会保険労務士", None, 15),),
    ),
    Demo(
        "flexible-work-crafts",
        "工芸の現場で柔軟な働き方",
        "Flexible work in craft workshops",
        "子育てや介護と両立できる短時間勤務を工房に導入し、女性の職人を増やします。",
        "Part-time schedules in craft workshops that fit childcare and care duties, so "
        "that more women become artisans.",
        (5, 8),
        "金沢市内の工房",
        ("勤務制度の導入 / New schedules",),
        ((S, "人事相談", None, 10),),
    ),
    Demo(
        "gender-data-dashboard",
        "職場の男女平等データの公開",
        "Open data on workplace gender equality",
        "参加企業の女性管理職比率や育休取得率を毎年集計し、公開します。",
        "Participating companies publish their share of women managers and leave take-up "
        "every year.",
        (5, 17),
        "金沢市内",
        ("集計様式 / Reporting template", "公開 / Publication"),
        ((S, "集計作業", None, 12),),
    ),
]

# A cycle of (status, months since the last report or None for never, registered months ago):
# green, yellow and red lights, plus planned, completed and stopped projects.
PLANS = [
    (ProjectStatus.ACTIVE, 2, 30),
    (ProjectStatus.ACTIVE, 5, 20),
    (ProjectStatus.ACTIVE, 15, 40),
    (ProjectStatus.PLANNED, None, 1),
    (ProjectStatus.INACTIVE, 27, 50),
    (ProjectStatus.COMPLETED, 4, 36),
    (ProjectStatus.ACTIVE, 9, 22),
    (ProjectStatus.ACTIVE, None, 16),
    (ProjectStatus.ACTIVE, 1, 14),
    (ProjectStatus.STOPPED, 19, 34),
]
AREAS = {"17201": None, "17204": None, "17211": None}


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10)))


def _report_days(today: date, last: int | None, registered: int) -> list[date]:
    """Report dates, a year apart, from the last one back to just after registration."""
    if last is None:
        return []
    days, months = [], last
    while months < registered:
        days.append(months_before(today, months))
        months += 12
    return days


@transaction.atomic
def load() -> None:
    partners = list(
        Partner.objects.filter(status__in=PUBLIC_STATUSES)
        .select_related("organisation")
        .order_by("organisation__slug")
    )
    if len(partners) < 3:
        return
    goals = {g.number: g for g in Goal.objects.all()}
    areas = {a.code: a for a in Area.objects.filter(code__in=AREAS)}
    today = timezone.localdate()
    by_key = {p.pk: p for p in partners}
    profiles = partner_profiles(partners)
    led: dict[int, int] = {}
    most_led = max(2, -(-len(PROJECTS) // len(partners)))  # spread the projects
    for index, demo in enumerate(PROJECTS):
        status, last, registered = PLANS[index % len(PLANS)]
        # The matchmaking engine picks plausible partners: the best-matching lead that leads
        # fewer than `most_led` demo projects so far, and the next best as co-partners.
        subject = Profile(
            key=0,
            slug=demo.slug,
            goals=frozenset(demo.goals),
            about=" ".join(
                [demo.title_ja, demo.title_en, demo.description_ja, demo.description_en]
            ),
        )
        ranked = [
            by_key[m.profile.key] for m in matches_rank(subject, profiles, limit=len(profiles))
        ]
        ranked += [p for p in partners if p not in ranked]
        lead = next(p for p in ranked if led.get(p.pk, 0) < most_led)
        led[lead.pk] = led.get(lead.pk, 0) + 1
        co_partners = [p for p in ranked if p.pk != lead.pk][: index % 3]
        registered_on = months_before(today, registered)
        starts_on = months_before(today, registered - 1)
        project, _ = Project.objects.update_or_create(
            slug=demo.slug,
            defaults={
                "title_ja": demo.title_ja,
                "title_en": demo.title_en,
                "description_ja": demo.description_ja,
                "description_en": demo.description_en,
                "lead_partner": lead,
                "area": areas.get(demo.area),
                "place": demo.place,
                "starts_on": starts_on,
                "ends_on": months_before(today, 2) if status == ProjectStatus.COMPLETED else None,
                "status": status,
                "is_demo": True,
            },
        )
        Project.objects.filter(pk=project.pk).update(created_at=_at(registered_on))
        project.co_partners.set([p for p in co_partners if p.pk != lead.pk])
        sdg_relations_set(project, goals=[goals[n] for n in demo.goals if n in goals])

        deliverables = []
        for order, title in enumerate(demo.deliverables, start=1):
            done = order == 1 and last is not None
            deliverable, _ = Deliverable.objects.update_or_create(
                project=project,
                order=order,
                defaults={
                    "title": title,
                    "due_on": months_before(today, registered - 6 * order),
                    "is_done": done,
                    "done_on": months_before(today, last) if done else None,
                },
            )
            deliverables.append(deliverable)
        project.deliverables.filter(order__gt=len(demo.deliverables)).delete()

        kept = []
        for kind, description, amount, days in demo.resources:
            resource, _ = Resource.objects.update_or_create(
                project=project,
                kind=kind,
                description=description,
                defaults={"amount_jpy": amount, "person_days": days, "provided_by": lead},
            )
            kept.append(resource.pk)
        project.resources.exclude(pk__in=kept).delete()

        years = []
        for number, day in enumerate(_report_days(today, last, registered)):
            years.append(day.year)
            report, _ = ProgressReport.objects.update_or_create(
                project=project,
                year=day.year,
                defaults={
                    "submitted_at": _at(day),
                    "summary": (
                        f"{demo.title_ja}の{day.year}年の取り組みを報告します。"
                        f"計画どおり進んでいます。\n"
                        f"Our {day.year} progress on “{demo.title_en}”: on track."
                    ),
                    "figures": demo.figures if number == 0 else {},
                },
            )
            report.deliverables_done.set(deliverables[:1] if number == 0 else [])
        project.progress_reports.exclude(year__in=years).delete()
