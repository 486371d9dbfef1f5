"""The countries of the actor and place grids (tests/test_actor_grid.py, tests/test_place_grid.py), issue #10.

One row per country the real pages cover: how French and English news copy names the country, its people, its
capital and one conflict-prone town, with the admin1 ACLED writes for them, and one armed group of that country
as ACLED names it. Every sentence built from these rows is written by the team from templates; nothing is read
from ../shared.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Country:
    code: str
    name: str                 # ACLED country name ('Civilians (name)')
    of: str                   # after 'Military Forces of'
    fr_in: str                # 'au Mali', 'en Irak', 'aux Philippines'
    fr_adj: tuple[str, str, str, str]   # masculine, feminine, masculine plural, feminine plural
    en_adj: str
    capital: tuple[str, str, str]       # French name, English name, ACLED admin1
    city: tuple[str, str, str]          # a town of the conflict: French, English, ACLED admin1
    area: tuple[str, str]               # how the copy names the town's admin1: French, English phrase
    group: tuple[str, str, str] | None = None   # an armed group: French, English, ACLED name
    en_in: str = ""           # 'in Chad', 'in the Philippines' (default: 'in ' + of)

    @property
    def en_where(self) -> str:
        return self.en_in or f"in {self.of}"


COUNTRIES = [
    Country("ML", "Mali", "Mali", "au Mali", ("malien", "malienne", "maliens", "maliennes"), "Malian",
            ("Bamako", "Bamako", "Bamako"), ("Gao", "Gao", "Gao"), ("dans la région de Gao", "in the Gao region"),
            ("les jihadistes du JNIM", "JNIM militants", "JNIM: Group for Support of Islam and Muslims")),
    Country("BF", "Burkina Faso", "Burkina Faso", "au Burkina Faso",
            ("burkinabè", "burkinabè", "burkinabè", "burkinabè"), "Burkinabe",
            ("Ouagadougou", "Ouagadougou", "Centre"), ("Djibo", "Djibo", "Sahel"),
            ("dans la région du Sahel", "in the Sahel region"),
            ("les jihadistes du JNIM", "JNIM militants", "JNIM: Group for Support of Islam and Muslims")),
    Country("NE", "Niger", "Niger", "au Niger", ("nigérien", "nigérienne", "nigériens", "nigériennes"), "Nigerien",
            ("Niamey", "Niamey", "Niamey"), ("Tillabéri", "Tillaberi", "Tillaberi"),
            ("dans la région de Tillabéri", "in the Tillaberi region"),
            ("l'État islamique au Sahel", "Islamic State Sahel Province", "Islamic State (Sahel)")),
    Country("TD", "Chad", "Chad", "au Tchad", ("tchadien", "tchadienne", "tchadiens", "tchadiennes"), "Chadian",
            ("N'Djamena", "N'Djamena", "N'Djamena"), ("Bol", "Bol", "Lac"), ("dans la province du Lac", "in Lac province"),
            ("Boko Haram", "Boko Haram", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad")),
    Country("NG", "Nigeria", "Nigeria", "au Nigeria", ("nigérian", "nigériane", "nigérians", "nigérianes"),
            "Nigerian", ("Abuja", "Abuja", "Federal Capital Territory"), ("Maiduguri", "Maiduguri", "Borno"),
            ("dans l'État de Borno", "in Borno State"),
            ("l'ISWAP", "ISWAP", "Islamic State (West Africa) - Lake Chad Faction")),
    Country("CM", "Cameroon", "Cameroon", "au Cameroun",
            ("camerounais", "camerounaise", "camerounais", "camerounaises"), "Cameroonian",
            ("Yaoundé", "Yaounde", "Centre"), ("Bamenda", "Bamenda", "Nord-Ouest"),
            ("dans la région du Nord-Ouest", "in the Northwest region"),
            ("des séparatistes ambazoniens", "Ambazonian separatists", "Ambazonian Separatists")),
    Country("CD", "Democratic Republic of Congo", "the Democratic Republic of Congo", "en RDC",
            ("congolais", "congolaise", "congolais", "congolaises"), "Congolese",
            ("Kinshasa", "Kinshasa", "Kinshasa"), ("Goma", "Goma", "Nord-Kivu"),
            ("dans la province du Nord-Kivu", "in North Kivu province"),
            ("les rebelles du M23", "M23 rebels", "M23: March 23 Movement")),
    Country("BI", "Burundi", "Burundi", "au Burundi", ("burundais", "burundaise", "burundais", "burundaises"),
            "Burundian", ("Gitega", "Gitega", "Gitega"), ("Bujumbura", "Bujumbura", "Bujumbura Mairie"),
            ("dans la province de Bujumbura Mairie", "in Bujumbura Mairie province")),
    Country("RW", "Rwanda", "Rwanda", "au Rwanda", ("rwandais", "rwandaise", "rwandais", "rwandaises"), "Rwandan",
            ("Kigali", "Kigali", "Kigali City"), ("Gisenyi", "Gisenyi", "Western"),
            ("dans la province de l'Ouest", "in Western Province")),
    Country("UG", "Uganda", "Uganda", "en Ouganda", ("ougandais", "ougandaise", "ougandais", "ougandaises"),
            "Ugandan", ("Kampala", "Kampala", "Kampala"), ("Kasese", "Kasese", "Kasese"),
            ("dans le district de Kasese", "in Kasese district"),
            ("les rebelles des ADF", "ADF rebels", "ADF: Allied Democratic Forces")),
    Country("CF", "Central African Republic", "the Central African Republic", "en Centrafrique",
            ("centrafricain", "centrafricaine", "centrafricains", "centrafricaines"), "Central African",
            ("Bangui", "Bangui", "Bangui"), ("Bambari", "Bambari", "Ouaka"),
            ("dans la préfecture de la Ouaka", "in Ouaka prefecture"),
            ("les rebelles de la CPC", "CPC rebels", "CPC: Coalition of Patriots for Change")),
    Country("SO", "Somalia", "Somalia", "en Somalie", ("somalien", "somalienne", "somaliens", "somaliennes"),
            "Somali", ("Mogadiscio", "Mogadishu", "Banadir"), ("Baidoa", "Baidoa", "Bay"),
            ("dans la région de Bay", "in the Bay region"),
            ("les shebab", "al-Shabaab militants", "Al Shabaab")),
    Country("ET", "Ethiopia", "Ethiopia", "en Éthiopie",
            ("éthiopien", "éthiopienne", "éthiopiens", "éthiopiennes"), "Ethiopian",
            ("Addis-Abeba", "Addis Ababa", "Addis Ababa"), ("Bahir Dar", "Bahir Dar", "Amhara"),
            ("dans la région Amhara", "in the Amhara region"),
            ("les miliciens Fano", "Fano militiamen", "Fano Militia")),
    Country("KE", "Kenya", "Kenya", "au Kenya", ("kényan", "kényane", "kényans", "kényanes"), "Kenyan",
            ("Nairobi", "Nairobi", "Nairobi"), ("Mandera", "Mandera", "Mandera"),
            ("dans le comté de Mandera", "in Mandera county"),
            ("les shebab", "al-Shabaab militants", "Al Shabaab")),
    Country("SS", "South Sudan", "South Sudan", "au Soudan du Sud",
            ("sud-soudanais", "sud-soudanaise", "sud-soudanais", "sud-soudanaises"), "South Sudanese",
            ("Djouba", "Juba", "Central Equatoria"), ("Malakal", "Malakal", "Upper Nile"),
            ("dans l'État du Haut-Nil", "in Upper Nile State")),
    Country("SD", "Sudan", "Sudan", "au Soudan", ("soudanais", "soudanaise", "soudanais", "soudanaises"), "Sudanese",
            ("Khartoum", "Khartoum", "Khartoum"), ("El-Facher", "El Fasher", "North Darfur"),
            ("dans l'État du Darfour-Nord", "in North Darfur state"),
            ("les Forces de soutien rapide", "the Rapid Support Forces", "Rapid Support Forces")),
    Country("LY", "Libya", "Libya", "en Libye", ("libyen", "libyenne", "libyens", "libyennes"), "Libyan",
            ("Tripoli", "Tripoli", "Tripoli"), ("Benghazi", "Benghazi", "Benghazi"),
            ("dans la région de Benghazi", "in the Benghazi district")),
    Country("EG", "Egypt", "Egypt", "en Égypte", ("égyptien", "égyptienne", "égyptiens", "égyptiennes"), "Egyptian",
            ("Le Caire", "Cairo", "Cairo"), ("Al-Arich", "El-Arish", "North Sinai"),
            ("dans le gouvernorat du Sinaï-Nord", "in North Sinai governorate")),
    Country("IQ", "Iraq", "Iraq", "en Irak", ("irakien", "irakienne", "irakiens", "irakiennes"), "Iraqi",
            ("Bagdad", "Baghdad", "Baghdad"), ("Kirkouk", "Kirkuk", "Kirkuk"),
            ("dans la province de Kirkouk", "in Kirkuk province"),
            ("des jihadistes de l'État islamique", "Islamic State militants", "Islamic State (Iraq)")),
    Country("SY", "Syria", "Syria", "en Syrie", ("syrien", "syrienne", "syriens", "syriennes"), "Syrian",
            ("Damas", "Damascus", "Damascus"), ("Alep", "Aleppo", "Aleppo"),
            ("dans la province d'Alep", "in Aleppo province"),
            ("des jihadistes de l'État islamique", "Islamic State militants", "Islamic State (Syria)")),
    Country("YE", "Yemen", "Yemen", "au Yémen", ("yéménite", "yéménite", "yéménites", "yéménites"), "Yemeni",
            ("Sanaa", "Sanaa", "Amanat al Asimah"), ("Marib", "Marib", "Marib"),
            ("dans la province de Marib", "in Marib province"),
            ("les rebelles houthis", "Houthi rebels", "Military Forces of Yemen (2017-) Houthi")),
    Country("LB", "Lebanon", "Lebanon", "au Liban", ("libanais", "libanaise", "libanais", "libanaises"), "Lebanese",
            ("Beyrouth", "Beirut", "Beirut"), ("Nabatiyé", "Nabatieh", "Al Nabatieh"),
            ("dans la province de Nabatiyé", "in Nabatieh governorate"),
            ("le Hezbollah", "Hezbollah", "Hezbollah")),
    Country("IL", "Israel", "Israel", "en Israël", ("israélien", "israélienne", "israéliens", "israéliennes"),
            "Israeli", ("Jérusalem", "Jerusalem", "Jerusalem"), ("Haïfa", "Haifa", "Haifa"),
            ("dans le district de Haïfa", "in the Haifa district")),
    Country("PS", "Palestine", "Palestine", "en Cisjordanie",
            ("palestinien", "palestinienne", "palestiniens", "palestiniennes"), "Palestinian",
            ("Ramallah", "Ramallah", "West Bank"), ("Naplouse", "Nablus", "West Bank"),
            ("en Cisjordanie occupée", "in the occupied West Bank"), en_in="in the West Bank"),
    Country("IR", "Iran", "Iran", "en Iran", ("iranien", "iranienne", "iraniens", "iraniennes"), "Iranian",
            ("Téhéran", "Tehran", "Tehran"), ("Zahedan", "Zahedan", "Sistan and Baluchestan"),
            ("dans la province du Sistan-Baloutchistan", "in Sistan-Baluchestan province"),
            ("les rebelles de Jaïch al-Adl", "Jaish al-Adl militants", "Jaish al Adl")),
    Country("AF", "Afghanistan", "Afghanistan", "en Afghanistan", ("afghan", "afghane", "afghans", "afghanes"),
            "Afghan", ("Kaboul", "Kabul", "Kabul"), ("Kandahar", "Kandahar", "Kandahar"),
            ("dans la province de Kandahar", "in Kandahar province")),
    Country("PK", "Pakistan", "Pakistan", "au Pakistan",
            ("pakistanais", "pakistanaise", "pakistanais", "pakistanaises"), "Pakistani",
            ("Islamabad", "Islamabad", "Islamabad Capital Territory"), ("Peshawar", "Peshawar", "Khyber Pakhtunkhwa"),
            ("dans la province de Khyber Pakhtunkhwa", "in Khyber Pakhtunkhwa province"),
            ("les talibans pakistanais du TTP", "TTP militants", "TTP: Tehreek-i-Taliban Pakistan")),
    Country("UA", "Ukraine", "Ukraine", "en Ukraine", ("ukrainien", "ukrainienne", "ukrainiens", "ukrainiennes"),
            "Ukrainian", ("Kiev", "Kyiv", "Kyiv City"), ("Kharkiv", "Kharkiv", "Kharkiv"),
            ("dans la région de Kharkiv", "in the Kharkiv region")),
    Country("RU", "Russia", "Russia", "en Russie", ("russe", "russe", "russes", "russes"), "Russian",
            ("Moscou", "Moscow", "Moscow"), ("Belgorod", "Belgorod", "Belgorod"),
            ("dans la région de Belgorod", "in the Belgorod region")),
    Country("HT", "Haiti", "Haiti", "en Haïti", ("haïtien", "haïtienne", "haïtiens", "haïtiennes"), "Haitian",
            ("Port-au-Prince", "Port-au-Prince", "Ouest"), ("Gonaïves", "Gonaives", "Artibonite"),
            ("dans le département de l'Artibonite", "in the Artibonite department"),
            ("le gang 400 Mawozo", "the 400 Mawozo gang", "400 Mawozo Gang")),
    Country("FR", "France", "France", "en France", ("français", "française", "français", "françaises"), "French",
            ("Paris", "Paris", "Ile-de-France"), ("Marseille", "Marseille", "Provence-Alpes-Cote d'Azur"),
            ("dans les Bouches-du-Rhône", "in the Bouches-du-Rhone department")),
    Country("CO", "Colombia", "Colombia", "en Colombie", ("colombien", "colombienne", "colombiens", "colombiennes"),
            "Colombian", ("Bogota", "Bogota", "Bogota D.C."), ("Cali", "Cali", "Valle del Cauca"),
            ("dans le département de Valle del Cauca", "in Valle del Cauca department"),
            ("les guérilleros de l'ELN", "ELN guerrillas", "ELN: National Liberation Army")),
    Country("MX", "Mexico", "Mexico", "au Mexique", ("mexicain", "mexicaine", "mexicains", "mexicaines"), "Mexican",
            ("Mexico", "Mexico City", "Ciudad de Mexico"), ("Culiacan", "Culiacan", "Sinaloa"),
            ("dans l'État de Sinaloa", "in Sinaloa state"),
            ("le cartel Jalisco Nouvelle Génération", "the Jalisco New Generation Cartel",
             "CJNG: Jalisco New Generation Cartel")),
    Country("EC", "Ecuador", "Ecuador", "en Équateur", ("équatorien", "équatorienne", "équatoriens", "équatoriennes"),
            "Ecuadorian", ("Quito", "Quito", "Pichincha"), ("Guayaquil", "Guayaquil", "Guayas"),
            ("dans la province du Guayas", "in Guayas province"),
            ("le gang Los Choneros", "the Los Choneros gang", "Los Choneros")),
    Country("MM", "Myanmar", "Myanmar", "en Birmanie", ("birman", "birmane", "birmans", "birmanes"), "Myanmar",
            ("Naypyidaw", "Nay Pyi Taw", "Nay Pyi Taw"), ("Mandalay", "Mandalay", "Mandalay"),
            ("dans la région de Mandalay", "in the Mandalay region"),
            ("les rebelles de l'Armée d'Arakan", "Arakan Army rebels", "AA: Arakan Army")),
    Country("IN", "India", "India", "en Inde", ("indien", "indienne", "indiens", "indiennes"), "Indian",
            ("New Delhi", "New Delhi", "Delhi"), ("Imphal", "Imphal", "Manipur"),
            ("dans l'État du Manipur", "in Manipur state"),
            ("des rebelles maoïstes", "Maoist rebels", "CPI (Maoist): Communist Party of India (Maoist)")),
    Country("AM", "Armenia", "Armenia", "en Arménie", ("arménien", "arménienne", "arméniens", "arméniennes"),
            "Armenian", ("Erevan", "Yerevan", "Yerevan"), ("Gumri", "Gyumri", "Shirak"),
            ("dans la province de Shirak", "in Shirak province")),
    Country("AZ", "Azerbaijan", "Azerbaijan", "en Azerbaïdjan",
            ("azerbaïdjanais", "azerbaïdjanaise", "azerbaïdjanais", "azerbaïdjanaises"), "Azerbaijani",
            ("Bakou", "Baku", "Baki"), ("Gandja", "Ganja", "Ganja"), ("dans la région de Gandja", "in the Ganja region")),
    Country("GE", "Georgia", "Georgia", "en Géorgie", ("géorgien", "géorgienne", "géorgiens", "géorgiennes"),
            "Georgian", ("Tbilissi", "Tbilisi", "Tbilisi"), ("Batoumi", "Batumi", "Adjara"),
            ("en Adjarie", "in Adjara")),
    Country("MZ", "Mozambique", "Mozambique", "au Mozambique",
            ("mozambicain", "mozambicaine", "mozambicains", "mozambicaines"), "Mozambican",
            ("Maputo", "Maputo", "Maputo City"), ("Pemba", "Pemba", "Cabo Delgado"),
            ("dans la province de Cabo Delgado", "in Cabo Delgado province")),
    Country("BJ", "Benin", "Benin", "au Bénin", ("béninois", "béninoise", "béninois", "béninoises"), "Beninese",
            ("Cotonou", "Cotonou", "Littoral"), ("Kandi", "Kandi", "Alibori"),
            ("dans le département de l'Alibori", "in the Alibori department"),
            ("les jihadistes du JNIM", "JNIM militants", "JNIM: Group for Support of Islam and Muslims")),
    Country("TG", "Togo", "Togo", "au Togo", ("togolais", "togolaise", "togolais", "togolaises"), "Togolese",
            ("Lomé", "Lome", "Maritime"), ("Dapaong", "Dapaong", "Savanes"),
            ("dans la région des Savanes", "in the Savanes region")),
    Country("TR", "Turkey", "Turkey", "en Turquie", ("turc", "turque", "turcs", "turques"), "Turkish",
            ("Ankara", "Ankara", "Ankara"), ("Diyarbakir", "Diyarbakir", "Diyarbakir"),
            ("dans la province de Diyarbakir", "in Diyarbakir province"),
            ("les rebelles du PKK", "PKK militants", "PKK: Kurdistan Workers Party")),
    Country("PH", "Philippines", "the Philippines", "aux Philippines",
            ("philippin", "philippine", "philippins", "philippines"), "Philippine",
            ("Manille", "Manila", "Metropolitan Manila"),
            ("Marawi", "Marawi", "Bangsamoro Autonomous Region in Muslim Mindanao"),
            ("dans la province de Lanao del Sur", "in Lanao del Sur province"),
            ("les rebelles communistes de la NPA", "New People's Army rebels", "NPA: New People's Army")),
    Country("BD", "Bangladesh", "Bangladesh", "au Bangladesh",
            ("bangladais", "bangladaise", "bangladais", "bangladaises"), "Bangladeshi",
            ("Dacca", "Dhaka", "Dhaka"), ("Chittagong", "Chittagong", "Chittagong"),
            ("dans la division de Chittagong", "in Chittagong division")),
    Country("SN", "Senegal", "Senegal", "au Sénégal", ("sénégalais", "sénégalaise", "sénégalais", "sénégalaises"),
            "Senegalese", ("Dakar", "Dakar", "Dakar"), ("Ziguinchor", "Ziguinchor", "Ziguinchor"),
            ("en Casamance, dans la région de Ziguinchor", "in the Ziguinchor region of Casamance")),
]


def de(name: str) -> str:
    """French 'de' before a name, elided before a vowel ('d'Al-Arich', 'de Gao')."""
    return f"d'{name}" if name[:1].lower() in "aeiouyéèâîôh" else f"de {name}"


def name_norm(s: str) -> str:
    """A name compared as the scorer does: lower-case ASCII words, a parenthesised part with digits dropped."""
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    s = re.sub(r"\([^)]*\d[^)]*\)", " ", s)
    words = [w for w in re.split(r"[^a-z0-9]+", s) if w and w not in {"the", "al", "el"}]
    return " ".join(words)


def admin_norm(s: str) -> str:
    """Admin names without generic words, vowels and doubled letters ('Al-Hasakah Governorate' = 'Al Hasakeh')."""
    generic = {"governorate", "province", "region", "state", "district", "department", "oblast", "city", "mairie",
               "county", "prefecture", "division", "territory", "capital"}
    flat = "".join(w for w in name_norm(s).split() if w not in generic)
    out: list[str] = []
    for ch in flat:
        if ch in "aeiouy" or (out and out[-1] == ch):
            continue
        out.append(ch)
    return "".join(out) or flat


def print_report(results) -> None:
    """A grid's pass rate by kind and language and its failures by country; ``results`` yields (country code, kind,
    language, verdict: '' when the case passes, failure line shown with -v)."""
    import sys
    from collections import Counter

    fails: Counter = Counter()
    totals: Counter = Counter()
    by_country: Counter = Counter()
    for code, kind, lang, verdict, line in results:
        totals[(kind, lang)] += 1
        if verdict:
            fails[(kind, lang)] += 1
            by_country[code] += 1
            if "-v" in sys.argv:
                print(line)
    for lang in ("fr", "en"):
        passed = sum(totals[k] - fails[k] for k in totals if k[1] == lang)
        print(f"{lang}: {passed}/{sum(v for k, v in totals.items() if k[1] == lang)} pass")
    for key in sorted(totals):
        print(f"  {key[0]:18s} {key[1]}  {totals[key] - fails[key]}/{totals[key]}")
    print("failures by country:", dict(by_country.most_common()))
