//! A deterministic synthetic briefing for the benchmark (`bench/`).
//!
//! ```sh
//! cargo run --release --example corpus -- --articles 1000 --out DIR [--shape stories|affair] [--seed 1] [--hugo DIR]
//! ```
//!
//! Writes a complete briefing folder: `briefing.yaml`, `content/outlets.yaml`,
//! `content/people/*.yaml` (40 fictional people with titles and accent-free aliases;
//! surnames shared: three Rodríguez, two each of Castillo, Mendoza, Ibáñez, Okafor and
//! Villalobos), N articles in `content/articles/YYYY-MM/`, a timeline of about N/20
//! events citing verbatim sentences, and up to five comparisons. Two shapes:
//!
//! **Many small stories** (`--shape stories`, the default): articles of 600–900 words
//! from 15 outlets over 2025. Each article tells a *story*: a minister and a topic with
//! the story's own names (a town, a company, a project, a local person), people
//! introduced by title and full name then named by surname or title, quotes with
//! attributions, dates in the text ("on Thursday", "on Jan. 3", "last week", "March
//! 2025", "mid-June"), figures, and a pool of facts assembled from word lists. Stories are
//! told once, or as a wire report republished by two or three outlets with light edits
//! (a figure changed, a quote reworded, a date written differently, accents stripped, a
//! paragraph dropped, a credit line added), or as an original and a rewrite (the same
//! facts and quotes in other words and order). Facts are put together word by word, so
//! unrelated articles share few sentences, as real news does, and story grouping has
//! real work to do.
//!
//! **One affair** (`--shape affair`): every article is about the same saga, a
//! corruption case at a state oil company over 2024 and 2025, from 12 outlets, in
//! articles of 400–1,200 words. Three featured people (the company's chief executive,
//! the attorney general and the prime minister; two of them share their surname with
//! other people of the cast) are named in most articles. Each article carries its own
//! news, a *development* written as a story above (a development's own names, facts,
//! figures and quotes; told once, as a wire report and its copies, as an original and a
//! rewrite, or by several outlets at once), and a recap of the saga as outlets write
//! them: a few of the same 15 background sentences, each with small variations (a word
//! changed, a different number, its clauses reordered, a shortened version; each
//! outlet has its habits; running counts, such as the witnesses questioned so far, that
//! all articles of the same few days share), and statements of the saga's people quoted
//! again and again, now and then worded differently. The dates of the saga's milestones are reported
//! differently by some outlets (a day later, or only "in early March"); the timeline
//! cites them, marked disputed where its sources disagree.
//!
//! The same arguments give byte-identical files: everything comes from an inline
//! SplitMix64 generator, one stream per story and per article, with no clock, no
//! hash-map order and no environment.
//!
//! `--hugo DIR` also writes the same articles as a Hugo content folder (front matter
//! with the `outlets` and `people` taxonomies, an `_index.md` for every person and
//! outlet term), for the side-by-side benchmark with `bench/hugo/`.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

// ---------------------------------------------------------------------------------
// Randomness: SplitMix64, one stream per purpose so that changing how one article is
// written does not shift every later article.

#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn stream(seed: u64, purpose: u64, index: u64) -> Rng {
        let mut r = Rng(seed
            ^ purpose.wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03));
        r.next();
        r
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }
}

const STORY: u64 = 1;
const STYLE: u64 = 2;
const EDIT: u64 = 3;
const PLAN: u64 = 4;

// ---------------------------------------------------------------------------------
// The cast: people, outlets, topics and word lists.

struct PersonDef {
    first: &'static str,
    surname: &'static str,
    /// As written before the name: "Finance Minister Ana Castillo".
    title: Option<&'static str>,
    /// As written after "the": "the finance minister".
    reference: Option<&'static str>,
    /// An apposition: "Ana Castillo, the finance minister, said".
    desc: &'static str,
    /// When the role began, EDTF.
    since: &'static str,
}

const fn p(
    first: &'static str,
    surname: &'static str,
    title: Option<&'static str>,
    reference: Option<&'static str>,
    desc: &'static str,
    since: &'static str,
) -> PersonDef {
    PersonDef {
        first,
        surname,
        title,
        reference,
        desc,
        since,
    }
}

const PEOPLE: &[PersonDef] = &[
    p(
        "Elena",
        "Rodríguez",
        Some("Prime Minister"),
        Some("prime minister"),
        "the prime minister",
        "2022-03",
    ),
    p(
        "Tomás",
        "Rodríguez",
        Some("Foreign Minister"),
        Some("foreign minister"),
        "the foreign minister",
        "2022-03",
    ),
    p(
        "Mateo",
        "Rodríguez",
        Some("Puerto Claro Mayor"),
        Some("mayor of Puerto Claro"),
        "the mayor of Puerto Claro",
        "2021-11",
    ),
    p(
        "Ana",
        "Castillo",
        Some("Finance Minister"),
        Some("finance minister"),
        "the finance minister",
        "2023-08",
    ),
    p(
        "Diego",
        "Castillo",
        Some("Opposition Leader"),
        Some("opposition leader"),
        "who leads the opposition alliance",
        "2020-06",
    ),
    p(
        "Marcos",
        "Ibáñez",
        Some("Interior Minister"),
        Some("interior minister"),
        "the interior minister",
        "2022-03",
    ),
    p(
        "Daniel",
        "Ibáñez",
        None,
        None,
        "an opposition lawmaker from Valmonte",
        "2021",
    ),
    p(
        "Sofía",
        "Herrera",
        Some("Central Bank Governor"),
        Some("central bank governor"),
        "who heads the central bank",
        "2019-01",
    ),
    p(
        "Raúl",
        "Mendoza",
        Some("Defense Minister"),
        Some("defense minister"),
        "the defense minister",
        "2022-03",
    ),
    p(
        "Lucía",
        "Mendoza",
        Some("Attorney General"),
        Some("attorney general"),
        "the attorney general",
        "2023-02",
    ),
    p(
        "Javier",
        "Salinas",
        Some("Energy Minister"),
        Some("energy minister"),
        "the energy minister",
        "2022-03",
    ),
    p(
        "Carmen",
        "Ortega",
        Some("Health Minister"),
        Some("health minister"),
        "the health minister",
        "2024-01",
    ),
    p(
        "Pablo",
        "Navarro",
        Some("Labor Minister"),
        Some("labor minister"),
        "the labor minister",
        "2022-03",
    ),
    p(
        "Isabel",
        "Fuentes",
        Some("Chief Justice"),
        Some("chief justice"),
        "who presides over the Supreme Court",
        "2020-09",
    ),
    p(
        "Andrés",
        "Peña",
        Some("Assembly Speaker"),
        Some("assembly speaker"),
        "the speaker of the national assembly",
        "2022-01",
    ),
    p(
        "Gabriel",
        "Soto",
        Some("Army Commander"),
        Some("army commander"),
        "the commander of the army",
        "2023-05",
    ),
    p(
        "Valeria",
        "Cruz",
        Some("Trade Minister"),
        Some("trade minister"),
        "the trade minister",
        "2022-03",
    ),
    p(
        "Hernán",
        "Vidal",
        Some("Valmonte Governor"),
        Some("governor of Valmonte"),
        "the governor of Valmonte",
        "2021-11",
    ),
    p(
        "Natalia",
        "Vega",
        Some("Education Minister"),
        Some("education minister"),
        "the education minister",
        "2024-06",
    ),
    p(
        "Felipe",
        "Arce",
        Some("Transport Minister"),
        Some("transport minister"),
        "the transport minister",
        "2022-03",
    ),
    p(
        "Julia",
        "Montero",
        Some("Electoral Council President"),
        Some("head of the electoral council"),
        "who heads the electoral council",
        "2021-04",
    ),
    p(
        "Margaret",
        "Holloway",
        Some("U.S. Ambassador"),
        Some("U.S. ambassador"),
        "the U.S. ambassador",
        "2023-10",
    ),
    p(
        "Thomas",
        "Brandt",
        Some("IMF Mission Chief"),
        Some("IMF mission chief"),
        "who leads the IMF mission",
        "2024-02",
    ),
    p(
        "Amara",
        "Okafor",
        Some("U.N. Special Rapporteur"),
        Some("U.N. special rapporteur"),
        "the U.N. special rapporteur on human rights",
        "2023-07",
    ),
    p(
        "Chidi",
        "Okafor",
        Some("World Bank Country Director"),
        Some("World Bank country director"),
        "the World Bank's country director",
        "2022-09",
    ),
    p(
        "Nadia",
        "Haddad",
        Some("EU Envoy"),
        Some("EU envoy"),
        "the European Union's envoy",
        "2024-03",
    ),
    p(
        "Kenji",
        "Watanabe",
        Some("Japanese Trade Envoy"),
        Some("Japanese trade envoy"),
        "Japan's trade envoy to the region",
        "2024-05",
    ),
    p(
        "Joaquín",
        "Ferrer",
        None,
        None,
        "an economist at the University of San Telmo",
        "2015",
    ),
    p(
        "Beatriz",
        "Lozano",
        None,
        None,
        "who heads the national teachers' union",
        "2019",
    ),
    p(
        "Ricardo",
        "Paredes",
        None,
        None,
        "chief executive of the state oil company Petrosur",
        "2020",
    ),
    p(
        "Camila",
        "Reyes",
        None,
        None,
        "a human rights lawyer in Puerto Claro",
        "2012",
    ),
    p(
        "Óscar",
        "Beltrán",
        None,
        None,
        "a political analyst at Consultora Andina",
        "2016",
    ),
    p(
        "Laura",
        "Quintero",
        None,
        None,
        "a columnist for El Observador",
        "2018",
    ),
    p(
        "Martín",
        "Aguilar",
        None,
        None,
        "a student leader at the national university",
        "2024",
    ),
    p(
        "Patricia",
        "Luna",
        None,
        None,
        "director of the polling firm Datos Abiertos",
        "2017",
    ),
    p(
        "Samuel",
        "Greene",
        None,
        None,
        "a senior fellow at the Atlantic Policy Institute",
        "2014",
    ),
    p(
        "Ingrid",
        "Solberg",
        None,
        None,
        "a Norwegian diplomat who mediates the talks",
        "2024",
    ),
    p(
        "Héctor",
        "Villalobos",
        None,
        None,
        "a retired army general",
        "2019",
    ),
    p(
        "Rosa",
        "Villalobos",
        None,
        None,
        "a community organizer in Las Brisas",
        "2020",
    ),
    p(
        "Clara",
        "Benítez",
        Some("Archbishop"),
        Some("archbishop"),
        "the archbishop of Santa Lucía",
        "2018-12",
    ),
];

/// The people who own a government portfolio and may lead a story.
const OFFICIALS: usize = 21;

struct OutletDef {
    id: &'static str,
    name: &'static str,
    kind: &'static str,
    country: &'static str,
    /// UTC offset of its publication times.
    offset: &'static str,
}

const fn o(
    id: &'static str,
    name: &'static str,
    kind: &'static str,
    country: &'static str,
    offset: &'static str,
) -> OutletDef {
    OutletDef {
        id,
        name,
        kind,
        country,
        offset,
    }
}

const OUTLETS: &[OutletDef] = &[
    o(
        "continental-press",
        "Continental Press",
        "wire",
        "United States",
        "-05:00",
    ),
    o(
        "atlas-news-agency",
        "Atlas News Agency",
        "wire",
        "United Kingdom",
        "+00:00",
    ),
    o(
        "southern-wire",
        "Southern Wire Service",
        "wire",
        "Chile",
        "-03:00",
    ),
    o(
        "daily-ledger",
        "The Daily Ledger",
        "newspaper",
        "United States",
        "-05:00",
    ),
    o(
        "harbor-times",
        "The Harbor Times",
        "newspaper",
        "Uruguay",
        "-03:00",
    ),
    o(
        "el-observador",
        "El Observador",
        "newspaper",
        "Uruguay",
        "-03:00",
    ),
    o(
        "capital-tribune",
        "Capital Tribune",
        "newspaper",
        "Argentina",
        "-03:00",
    ),
    o(
        "morning-courier",
        "Morning Courier",
        "newspaper",
        "United Kingdom",
        "+00:00",
    ),
    o(
        "channel-nine-news",
        "Channel Nine News",
        "broadcaster",
        "Argentina",
        "-03:00",
    ),
    o(
        "radio-meridian",
        "Radio Meridian",
        "broadcaster",
        "Uruguay",
        "-03:00",
    ),
    o(
        "global-broadcast-network",
        "Global Broadcast Network",
        "broadcaster",
        "United States",
        "-05:00",
    ),
    o(
        "newsfeed-hub",
        "NewsFeed Hub",
        "aggregator",
        "United States",
        "-05:00",
    ),
    o(
        "daily-digest-online",
        "Daily Digest Online",
        "aggregator",
        "Canada",
        "-05:00",
    ),
    o(
        "policy-watch",
        "Policy Watch",
        "blog",
        "United States",
        "-05:00",
    ),
    o(
        "government-press-office",
        "Government Press Office",
        "other",
        "Uruguay",
        "-03:00",
    ),
];

const WIRES: &[usize] = &[0, 1, 2];
/// Outlets that publish their own reporting.
const REPORTERS: &[usize] = &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14];
/// Outlets that republish wire copy.
const REPUBLISHERS: &[usize] = &[3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/// A topic: what the story is about, and the person whose portfolio it is.
const TOPICS: &[(&str, usize)] = &[
    ("a plan to cut fuel subsidies in {T}", 10),
    ("the pension fund's stake in {C}", 12),
    ("a mining license for {C}", 10),
    ("funding for {J}", 3),
    ("a debt deal with {C}", 3),
    ("higher electricity tariffs in {T}", 10),
    ("new border checkpoints near {T}", 5),
    ("a wage freeze at {C}", 12),
    ("a corruption inquiry into {C}", 9),
    ("the sale of {J}", 19),
    ("a vaccination drive in {T}", 11),
    ("a pay deal for teachers in {T}", 18),
    ("new voting rules in {T}", 20),
    ("emergency credit for {C}", 7),
    ("an oil export contract with {C}", 16),
    ("the overcrowded prison in {T}", 5),
    ("water rationing in {T}", 2),
    ("a windfall tax on {C}", 3),
    ("housing for families displaced from {T}", 0),
    ("the concession for {J}", 19),
    ("fishing quotas off {T}", 16),
    ("a minimum wage increase at {C}", 12),
    ("lithium contracts with {C}", 10),
    ("a drought emergency in {T}", 0),
    ("the closure of a radio station in {T}", 14),
    ("the release of detainees held in {T}", 9),
    ("an army base near {T}", 8),
    ("a trade deal covering {C}", 16),
    ("a bailout for {C}", 7),
    ("university funding in {T}", 18),
    ("a security summit in {T}", 1),
    ("an IMF loan tied to {J}", 3),
];

const PLACES: &[&str] = &[
    "Puerto Claro",
    "Valmonte",
    "San Telmo",
    "Las Brisas",
    "Santa Lucía",
    "Rio Verde",
    "Alto Mayo",
    "Costa Norte",
    "El Carmen",
    "La Esperanza",
    "Villa Real",
    "Monte Azul",
    "San Isidro",
    "Puerto Viejo",
    "Laguna Seca",
    "Cerro Blanco",
    "Nueva Granja",
    "Bahía Sur",
    "Los Pinos",
    "Tres Cruces",
    "Paso Hondo",
    "Dos Ríos",
    "Punta Gorda",
    "Campo Alegre",
];

const GROUPS: &[&str] = &[
    "farmers",
    "teachers",
    "truck drivers",
    "dock workers",
    "nurses",
    "miners",
    "students",
    "retirees",
    "small business owners",
    "bus drivers",
    "public employees",
    "fishermen",
    "shopkeepers",
    "factory workers",
    "taxi drivers",
    "hospital staff",
    "bank clerks",
    "street vendors",
    "oil workers",
    "cattle ranchers",
];

const ORGS: &[&str] = &[
    "the national statistics office",
    "the chamber of commerce",
    "the Supreme Court",
    "the electoral council",
    "the state oil company",
    "the central bank",
    "the national assembly",
    "the finance ministry",
    "the teachers' union",
    "the bishops' conference",
    "the employers' federation",
    "the ombudsman's office",
    "the association of regional governors",
    "the port authority",
    "the audit office",
    "the national farmers' association",
    "the bar association",
    "the planning ministry",
];

const STATS: &[&str] = &[
    "inflation",
    "unemployment",
    "fuel prices",
    "food prices",
    "tax revenue",
    "oil output",
    "public debt",
    "exports",
    "remittances",
    "the fiscal deficit",
    "electricity demand",
    "wheat imports",
    "rents",
    "industrial output",
    "tourist arrivals",
    "copper exports",
];

const RISE_FALL: &[&str] = &[
    "rose", "fell", "climbed", "dropped", "edged up", "slipped", "jumped", "declined",
];

const PROBLEMS: &[&str] = &[
    "power cuts",
    "water shortages",
    "rising food prices",
    "delays in pension payments",
    "crime",
    "flooding",
    "fuel shortages",
    "hospital closures",
    "unpaid wages",
    "road blockades",
    "drought",
    "school closures",
    "long lines at gas stations",
];

const SUBHEADS: &[&str] = &[
    "What comes next",
    "Reaction",
    "Background",
    "The numbers",
    "Opposition",
    "Regional impact",
    "A divided cabinet",
    "Markets",
    "On the streets",
    "Legal challenges",
];

const SURNAMES_STAFF: &[&str] = &[
    "Maria Lopez",
    "John Harper",
    "Lucas Romero",
    "Emily Chen",
    "Pedro Alvarez",
    "Sarah Novak",
    "Diego Marquez",
    "Anna Weber",
    "Carlos Duarte",
    "Helen Moore",
];

/// Speeches, as said: no final punctuation. `{O}` is the topic, `{P}` a place, `{G}` a
/// group, `{N}` a small number.
const SPEECHES: &[&str] = &[
    "We will not back down on {O}",
    "This is about the future of {T}, not about politics",
    "The numbers for {J} simply do not add up",
    "Nobody consulted the {G} of {T} before this decision was taken",
    "We expect the first results within {N} months",
    "It is a mistake, and the {G} will pay for it",
    "There is no money for {J}, and everyone knows it",
    "We have the votes, and we will use them",
    "I have spoken to the {G} in {T} and they are very worried",
    "This is the most important reform in a generation",
    "The government is moving too fast and explaining too little",
    "We will publish every contract with {C}, line by line",
    "Our priority is stability, and stability takes time",
    "What we are seeing in {T} is a warning for the whole country",
    "We do not negotiate under pressure from {C}",
    "The door to dialogue is open, but it will not stay open forever",
    "I will not sign anything that hurts the {G}",
    "It is not a question of ideology, it is a question of arithmetic",
    "We are asking the people of {T} for patience, not for blind faith",
    "The law is clear, and we will apply it to {C} like anyone else",
    "Nobody in {T} believes these promises anymore",
    "We need {N} more weeks to finish the technical work on {J}",
    "This decision was taken without any debate in the assembly",
    "The {G} of {T} have waited long enough",
    "We are not going to repeat the mistakes of the past",
    "If {C} wants a fight, it will have one",
    "There will be no new taxes this year",
    "The international community is watching {T} very closely",
    "Every month of delay on {J} costs us money we do not have",
    "My neighbors in {T} are leaving because there is no work",
    "We were promised a hospital and we got a press release",
    "Nobody from {C} has come to explain anything to us",
    "The river is dying, and {J} will finish it off",
    "I have worked here for {N} years and I have never seen it this bad",
    "They want us to trust them, but they hide the documents",
    "If the water does not come back, people will take to the streets",
];

/// Syllables of the generated names of towns, companies and projects.
const SYLLABLES: &[&str] = &[
    "ta", "mo", "ri", "que", "lla", "bam", "cha", "yo", "pa", "ca", "hua", "ma", "lo", "ti", "ro",
    "sa", "ne", "qui", "to", "na", "vi", "co", "ya", "pu", "li", "ra", "ba", "me", "so", "cu",
    "ten", "gal", "mar", "sol",
];

const COMPANY_KINDS: &[&str] = &[
    "Minerals",
    "Holdings",
    "Energy",
    "Foods",
    "Logistics",
    "Textiles",
    "Cement",
    "Fisheries",
    "Airlines",
    "Telecom",
    "Pharma",
    "Motors",
    "Shipping",
    "Water",
    "Bank",
];

const PROJECT_KINDS: &[&str] = &[
    "dam",
    "highway",
    "pipeline",
    "port terminal",
    "power plant",
    "housing project",
    "irrigation canal",
    "rail link",
    "copper mine",
    "wind farm",
    "refinery",
    "bridge",
];

const LOCAL_FIRST: &[&str] = &[
    "Ernesto", "Gloria", "Rubén", "Marta", "Alfredo", "Silvia", "Hugo", "Teresa", "Iván", "Paula",
    "Rodrigo", "Elisa", "Fabián", "Nora", "Gustavo", "Irene", "Julio", "Liliana", "Mario", "Olga",
    "Walter", "Susana", "Edgar", "Rocío",
];

/// Surnames of people who are not in the cast (none is a cast surname).
const LOCAL_LAST: &[&str] = &[
    "Valdivia",
    "Quispe",
    "Mamani",
    "Cárdenas",
    "Espinoza",
    "Salazar",
    "Gallardo",
    "Figueroa",
    "Zamora",
    "Cabrera",
    "Miranda",
    "Ponce",
    "Rojas",
    "Carrillo",
    "Escobar",
    "Bustos",
    "Toledo",
    "Arias",
    "Palacios",
    "Serrano",
    "Guzmán",
    "Acosta",
    "Medina",
    "Sandoval",
    "Tapia",
    "Olmedo",
    "Barrios",
    "Cornejo",
];

const LOCAL_ROLES: &[&str] = &[
    "a local councilor in {T}",
    "a union delegate at {C}",
    "a farmer near {T}",
    "a shop owner in {T}",
    "a nurse at the hospital in {T}",
    "a bus driver in {T}",
    "a teacher in {T}",
    "a parish priest in {T}",
    "an engineer who worked on {J}",
    "a fisherman from {T}",
];

/// Who did something, in a fact. `true`: a proper name.
const SUBJECTS: &[(&str, bool)] = &[
    ("{G} in {T}", false),
    ("residents of {T}", false),
    ("managers at {C}", false),
    ("workers at {C}", false),
    ("officials in {T}", false),
    ("police in {T}", false),
    ("two unions at {C}", false),
    ("shareholders of {C}", false),
    ("engineers working on {J}", false),
    ("contractors building {J}", false),
    ("farmers near {T}", false),
    ("lawmakers from {R}", false),
    ("{O}", false),
    ("a court in {T}", false),
    ("doctors at the main hospital in {T}", false),
    ("bus companies serving {T}", false),
    ("church groups in {T}", false),
    ("students in {T}", false),
    ("{C}", true),
    ("the town council of {T}", false),
    ("shop owners in {T}", false),
    ("the local branch of {O}", false),
    ("neighborhood associations in {T}", false),
    ("suppliers of {C}", false),
];

/// What they did to something: past tense, any subject. Facts are put together from
/// words, not from whole phrases, so that two stories rarely share three content words
/// in a sentence, as in real news.
const VERBS: &[&str] = &[
    "blocked",
    "inspected",
    "rejected",
    "questioned",
    "approved",
    "suspended",
    "delayed",
    "canceled",
    "requested",
    "criticized",
    "defended",
    "reported on",
    "postponed",
    "expanded",
    "reduced",
    "doubled",
    "audited",
    "challenged",
    "denounced",
    "financed",
    "repaired",
    "closed",
    "reopened",
    "seized",
    "sold",
    "bought",
    "leased",
    "occupied",
    "evacuated",
    "surveyed",
    "rebuilt",
    "dismantled",
    "funded",
    "withdrew from",
    "restored",
    "monitored",
    "ordered the closure of",
    "disputed",
    "blamed officials for",
    "praised",
    "tested",
    "replaced",
    "upgraded",
    "abandoned",
    "picketed",
    "guarded",
    "cleaned up",
    "fenced off",
    "photographed",
    "measured",
    "visited",
    "took over",
    "handed back",
    "reinforced",
    "insured",
    "appraised",
    "relocated",
    "renamed",
    "padlocked",
    "flooded",
];

const ADJECTIVES: &[&str] = &[
    "abandoned",
    "aging",
    "annual",
    "backup",
    "broken",
    "clandestine",
    "coastal",
    "communal",
    "contaminated",
    "crowded",
    "damaged",
    "disputed",
    "domestic",
    "emergency",
    "empty",
    "expired",
    "flooded",
    "foreign-owned",
    "former",
    "fragile",
    "frozen",
    "idle",
    "illegal",
    "improvised",
    "informal",
    "inland",
    "makeshift",
    "mandatory",
    "municipal",
    "neglected",
    "northern",
    "obsolete",
    "oversized",
    "overdue",
    "private",
    "provisional",
    "rural",
    "rusty",
    "seasonal",
    "secondary",
    "shared",
    "southern",
    "spare",
    "stalled",
    "subsidized",
    "temporary",
    "underground",
    "unfinished",
    "unpaid",
    "unused",
    "upgraded",
    "urban",
    "vacant",
    "weekly",
    "wooden",
    "eastern",
    "western",
    "new",
    "old",
    "largest",
];

const NOUNS: &[&str] = &[
    "warehouse",
    "pumping station",
    "clinic",
    "bridge",
    "grain silo",
    "bus terminal",
    "water tank",
    "school building",
    "fishing fleet",
    "cattle auction",
    "customs post",
    "power line",
    "sewage plant",
    "landfill",
    "market hall",
    "bakery",
    "textile mill",
    "sawmill",
    "quarry",
    "dairy cooperative",
    "rice mill",
    "fuel depot",
    "radio mast",
    "airstrip",
    "ferry",
    "tannery",
    "slaughterhouse",
    "pharmacy",
    "police station",
    "courthouse",
    "cemetery",
    "stadium",
    "library",
    "orphanage",
    "shelter",
    "canal",
    "reservoir",
    "well",
    "greenhouse",
    "vineyard",
    "coffee farm",
    "cocoa plantation",
    "brick factory",
    "cement kiln",
    "truck fleet",
    "railway depot",
    "toll booth",
    "border fence",
    "mining camp",
    "shrimp farm",
    "fish market",
    "sports center",
    "bus fleet",
    "tram line",
    "ambulance service",
    "fire station",
    "payroll",
    "pension office",
    "land registry",
    "tax office",
    "voter roll",
    "census office",
    "housing block",
    "trade school",
    "maternity ward",
    "dialysis unit",
    "cold store",
    "tobacco farm",
    "sugar mill",
    "dock",
    "shipyard",
    "lighthouse",
    "weather station",
    "seed bank",
    "bank branch",
    "cash machine",
    "parking garage",
    "gas pipeline",
    "ski lift",
    "hotel",
];

/// How an adjunct is joined to a fact, and what happened to the thing it names.
const CONNECTORS: &[&str] = &[
    "after",
    "despite",
    "amid",
    "following",
    "because of",
    "in response to",
    "ahead of",
    "during",
    "without waiting for",
    "in protest at",
    "under pressure over",
    "weeks after",
];

const HAPPENINGS: &[&str] = &[
    "a dispute over",
    "a shortage at",
    "complaints about",
    "delays at",
    "a fire at",
    "a strike at",
    "a flood at",
    "an inspection of",
    "rumors about",
    "thefts from",
    "protests at",
    "a blackout at",
    "an audit of",
    "a collapse at",
    "a leak at",
    "an outbreak at",
    "layoffs at",
    "a lawsuit over",
    "a tender for",
    "repairs to",
];

/// Where the thing a fact names is.
const WHERES: &[&str] = &[
    "in {T}",
    "near {T}",
    "owned by {C}",
    "serving {J}",
    "in {R}",
    "",
];

/// When. `{M}` is a month.
const TIMES: &[&str] = &[
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "on Saturday",
    "on Sunday",
    "last week",
    "earlier this month",
    "over the weekend",
    "late on Sunday",
    "in mid-{M}",
    "in early {M}",
    "at the end of {M}",
    "this year",
    "two weeks ago",
    "last month",
    "overnight",
    "in recent days",
    "in late {M}",
];

/// Word swaps inside a quote: a quote worded differently by a copy.
const QUOTE_EDITS: &[(&str, &str)] = &[
    ("will not", "won't"),
    ("do not", "don't"),
    ("is not", "isn't"),
    ("We have", "We've"),
    ("the whole", "the entire"),
    ("simply", "just"),
    ("very ", "deeply "),
    ("We are", "We're"),
    ("There is", "There's"),
    ("Nobody", "No one"),
    ("This is", "It is"),
];

/// Word swaps outside quotes: the light edits of a copy desk.
const EDITS: &[(&str, &str)] = &[
    ("about ", "roughly "),
    ("more than ", "over "),
    ("the government", "the administration"),
    ("officials", "authorities"),
    ("announced", "unveiled"),
    ("expected", "likely"),
    ("the measure", "the proposal"),
    ("the plan", "the proposal"),
    ("said", "added"),
    ("people", "residents"),
    ("began", "started"),
    ("However, ", "But "),
];

/// The month names, from the library: the corpus writes dates the way people do.
const MONTHS: &[&str] = &briefing::edtf::MONTHS;

/// Associated Press abbreviations, used before a day: "Jan. 3", "March 13".
const MONTHS_AP: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

const YEAR: i32 = 2025;

// ---------------------------------------------------------------------------------
// Small text helpers.

fn month(d: NaiveDate) -> &'static str {
    MONTHS[d.month0() as usize]
}

fn ap_date(d: NaiveDate) -> String {
    format!("{} {}", MONTHS_AP[d.month0() as usize], d.day())
}

fn long_date(d: NaiveDate) -> String {
    format!("{} {}, {}", month(d), d.day(), d.year())
}

fn weekday(d: NaiveDate) -> &'static str {
    match d.weekday() {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// 12345 → "12,345".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Folds the accented letters the cast uses to ASCII.
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' => 'u',
            'ñ' => 'n',
            'Á' => 'A',
            'É' => 'E',
            'Í' => 'I',
            'Ó' => 'O',
            'Ú' => 'U',
            'Ñ' => 'N',
            c => c,
        })
        .collect()
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A YAML double-quoted scalar.
fn yq(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn person_id(i: usize) -> String {
    slug(&full_name(i))
}

fn full_name(i: usize) -> String {
    format!("{} {}", PEOPLE[i].first, PEOPLE[i].surname)
}

/// Fills `{O}` (the topic), `{T}` (the town), `{C}` (the company), `{J}` (the project),
/// `{P}` (a region), `{G}` (a group) and `{N}` (a small number) in a template.
fn fill(template: &str, story: &Story) -> String {
    template
        .replace("{O}", &story.object)
        .replace("{T}", &story.town)
        .replace("{C}", &story.company)
        .replace("{J}", &story.project)
        .replace("{P}", PLACES[story.place])
        .replace("{G}", GROUPS[story.group])
        .replace("{N}", &story.small.to_string())
}

// ---------------------------------------------------------------------------------
// Stories: the facts every version of an article shares.

struct Story {
    /// What the story is about, with its own names: "a mining license for Tamori Cement".
    object: String,
    /// Names only this story uses: a town, a company, a project, a local person.
    town: String,
    company: String,
    project: String,
    local: String,
    local_role: String,
    /// Statements of fact that every version of the story draws on.
    facts: Vec<Fact>,
    subject: usize,
    others: Vec<usize>,
    event: NaiveDate,
    /// An earlier step of the story: "on Feb. 3".
    earlier: NaiveDate,
    place: usize,
    group: usize,
    org: usize,
    small: usize,
    /// "$1.4 billion", "12 percent"…, and what a copy that changed it says instead.
    figure: String,
    figure_changed: String,
    /// What the measure does to the figure: "cost", "cut spending by"…
    effect: &'static str,
    affected: usize,
    /// What the subject and each other person said.
    speeches: Vec<String>,
    /// The deadline the story points to.
    deadline: NaiveDate,
}

fn story(seed: u64, index: usize) -> Story {
    let mut r = Rng::stream(seed, STORY, index as u64);
    let topic = r.below(TOPICS.len());
    let subject = if r.chance(65) {
        TOPICS[topic].1
    } else {
        r.below(OFFICIALS)
    };
    let mut others = Vec::new();
    let count = r.range(2, 4);
    while others.len() < count {
        // Officials and commentators alike; commentators a little more often.
        let o = if r.chance(55) {
            r.range(OFFICIALS, PEOPLE.len() - 1)
        } else {
            r.below(PEOPLE.len())
        };
        if o != subject && !others.contains(&o) {
            others.push(o);
        }
    }
    let start = NaiveDate::from_ymd_opt(YEAR, 1, 1).expect("a date");
    let event = start + Duration::days(r.below(365) as i64);
    let earlier = event - Duration::days(r.range(10, 120) as i64);
    let deadline = event + Duration::days(r.range(20, 200) as i64);
    let percent_effect = *r.pick(&[
        "cut spending by",
        "raise prices by",
        "lower the deficit by",
        "raise revenue by",
        "reduce imports by",
    ]);
    let (effect, figure, figure_changed) = match r.below(4) {
        0 => {
            let (a, b) = (r.range(1, 9), r.range(1, 9));
            let c = if b == 9 { 1 } else { b + 1 };
            (
                "cost",
                format!("${a}.{b} billion"),
                format!("${a}.{c} billion"),
            )
        }
        1 => {
            let n = r.range(3, 40);
            (
                percent_effect,
                format!("{n} percent"),
                format!("more than {} percent", n - 1),
            )
        }
        2 => {
            let n = r.range(12, 480);
            (
                "cost",
                format!("${n} million"),
                format!("${} million", n + r.range(5, 60)),
            )
        }
        _ => {
            let n = r.range(2, 60);
            (
                percent_effect,
                format!("{n} percent"),
                format!("nearly {} percent", n + 1),
            )
        }
    };
    let speakers = 1 + others.len();
    let mut speeches = Vec::with_capacity(speakers + 1);
    // The subject, each other person, the subject again, and a local person.
    while speeches.len() < speakers + 2 {
        let t = r.pick(SPEECHES).to_string();
        if !speeches.contains(&t) {
            speeches.push(t);
        }
    }
    let town = name(&mut r);
    let company = format!("{} {}", name(&mut r), r.word(COMPANY_KINDS));
    let project = format!("the {} {}", name(&mut r), r.word(PROJECT_KINDS));
    let local = format!("{} {}", r.word(LOCAL_FIRST), r.word(LOCAL_LAST));
    let local_role = r.word(LOCAL_ROLES);
    let mut s = Story {
        object: String::new(),
        town,
        company,
        project,
        local,
        local_role: String::new(),
        facts: Vec::new(),
        subject,
        others,
        event,
        earlier,
        place: r.below(PLACES.len()),
        group: r.below(GROUPS.len()),
        org: r.below(ORGS.len()),
        small: r.range(2, 18),
        figure,
        figure_changed,
        effect,
        affected: r.range(8, 950) * 100 + r.below(10) * 10,
        speeches: Vec::new(),
        deadline,
    };
    s.object = fill(TOPICS[topic].0, &s);
    s.local_role = fill(local_role, &s);
    s.speeches = speeches.iter().map(|t| fill(t, &s)).collect();
    s.facts = (0..FACTS).map(|_| fact(&mut r, &s)).collect();
    s
}

/// Facts in each story's pool: more than the longest article uses.
const FACTS: usize = 48;

/// A statement of fact: who did what, in what circumstances, when. The parts are kept
/// apart so that a rewrite can put them in another order.
struct Fact {
    subject: String,
    /// Whether the subject is a proper name (keeps its capital inside a sentence).
    proper: bool,
    verb: String,
    adjunct: String,
    time: String,
    /// The order the original uses.
    form: usize,
}

impl Fact {
    fn render(&self, form: usize) -> String {
        let subject = if self.proper {
            self.subject.clone()
        } else {
            lower_first(&self.subject)
        };
        match form {
            0 => format!(
                "{} {} {} {}.",
                capitalise(&self.subject),
                self.verb,
                self.adjunct,
                self.time
            ),
            1 => format!(
                "{}, {subject} {} {}.",
                capitalise(&self.time),
                self.verb,
                self.adjunct
            ),
            _ => format!(
                "{}, {subject} {} {}.",
                capitalise(&self.adjunct),
                self.verb,
                self.time
            ),
        }
    }
}

fn fact(r: &mut Rng, s: &Story) -> Fact {
    let (subject, proper) = *r.pick(SUBJECTS);
    let subject = fill(
        &subject
            .replace("{G}", r.word(GROUPS))
            .replace("{R}", r.word(PLACES))
            .replace("{O}", r.word(ORGS)),
        s,
    );
    let thing = |r: &mut Rng| format!("the {} {}", r.word(ADJECTIVES), r.word(NOUNS));
    let place = r.word(WHERES).replace("{R}", r.word(PLACES));
    let object = thing(r);
    let verb = fill(format!("{} {object} {place}", r.word(VERBS)).trim_end(), s);
    let adjunct = format!("{} {} {}", r.word(CONNECTORS), r.word(HAPPENINGS), thing(r));
    let time = r.word(TIMES).replace("{M}", MONTHS[r.below(12)]);
    let form = match r.below(10) {
        0..=5 => 0,
        6 | 7 => 1,
        _ => 2,
    };
    Fact {
        subject,
        proper,
        verb,
        adjunct,
        time,
        form,
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A place or company name made of syllables: "Tamori", "Huallaca".
fn name(r: &mut Rng) -> String {
    let mut out = String::new();
    let mut last = "";
    for _ in 0..r.range(2, 3) {
        let mut syllable = r.word(SYLLABLES);
        while syllable == last {
            syllable = r.word(SYLLABLES);
        }
        out.push_str(syllable);
        last = syllable;
    }
    capitalise(&out)
}

// ---------------------------------------------------------------------------------
// Articles as paragraphs of tagged sentences, so copies can be edited and curation can
// cite exact sentences.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tag {
    Dateline,
    Lead,
    Figure,
    Quote,
    Date,
    Other,
    Filler,
    Close,
    Credit,
    /// A background sentence of the affair's recap.
    Recap,
    /// A recap sentence that dates one of the affair's milestones: `shifted` when it
    /// says another day than the milestone's, `exact` when it names a day.
    Dated {
        milestone: u8,
        shifted: bool,
        exact: bool,
    },
    /// A statement of the affair quoted again.
    Saying,
}

#[derive(Clone)]
struct Sentence {
    text: String,
    tag: Tag,
}

#[derive(Clone)]
enum Block {
    Paragraph(Vec<Sentence>),
    Heading(String),
}

#[derive(Clone)]
struct Written {
    title: String,
    blocks: Vec<Block>,
    /// People named in full somewhere in the article, in order of introduction.
    people: Vec<usize>,
}

impl Written {
    fn words(&self) -> usize {
        self.blocks.iter().map(block_words).sum()
    }

    fn body(&self) -> String {
        let mut out = String::with_capacity(6 * 1024);
        for b in &self.blocks {
            out.push('\n');
            match b {
                Block::Paragraph(s) => {
                    for (i, s) in s.iter().enumerate() {
                        if i > 0 {
                            out.push(' ');
                        }
                        out.push_str(&s.text);
                    }
                }
                Block::Heading(h) => {
                    out.push_str("## ");
                    out.push_str(h);
                }
            }
            out.push('\n');
        }
        out
    }

    fn sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.blocks.iter().flat_map(|b| match b {
            Block::Paragraph(s) => s.as_slice(),
            Block::Heading(_) => &[],
        })
    }

    fn first(&self, tag: Tag) -> Option<&str> {
        self.sentences()
            .find(|s| s.tag == tag)
            .map(|s| s.text.as_str())
    }
}

/// How a person is named, given who was named before: full name with title or
/// description the first time, then surname, or "the <title>" when the surname is
/// shared with someone else in the article.
struct Names {
    introduced: Vec<usize>,
    subject: usize,
}

impl Names {
    fn new(subject: usize) -> Names {
        Names {
            introduced: Vec::new(),
            subject,
        }
    }

    fn known(&self, who: usize) -> bool {
        self.introduced.contains(&who)
    }

    /// Whether another person introduced in this article has the same surname.
    fn clash(&self, who: usize) -> bool {
        self.introduced
            .iter()
            .any(|&o| o != who && PEOPLE[o].surname == PEOPLE[who].surname)
    }

    /// As the subject of a sentence: "Finance Minister Ana Castillo", "Joaquín Ferrer,
    /// an economist at the University of San Telmo,", later "Castillo".
    fn subject_form(&mut self, who: usize, r: &mut Rng) -> String {
        let p = &PEOPLE[who];
        if !self.known(who) {
            self.introduced.push(who);
            return match p.title {
                Some(t) if r.chance(75) => format!("{t} {}", full_name(who)),
                _ => format!("{}, {},", full_name(who), p.desc),
            };
        }
        self.later(who, r)
    }

    /// After a quote: `"…," Castillo said` or `"…," said Ana Castillo, the finance
    /// minister`.
    fn speaker_form(&mut self, who: usize, r: &mut Rng) -> (String, bool) {
        if !self.known(who) {
            self.introduced.push(who);
            return (format!("{}, {}", full_name(who), PEOPLE[who].desc), true);
        }
        (self.later(who, r), false)
    }

    /// Inside a sentence: "Attorney General Lucía Mendoza" or "Ricardo Paredes" the
    /// first time, then as [`Names::later`].
    fn inline(&mut self, who: usize, r: &mut Rng) -> String {
        if !self.known(who) {
            self.introduced.push(who);
            return match PEOPLE[who].title {
                Some(t) => format!("{t} {}", full_name(who)),
                None => full_name(who),
            };
        }
        self.later(who, r)
    }

    fn later(&self, who: usize, r: &mut Rng) -> String {
        let p = &PEOPLE[who];
        let clash = self.clash(who) && who != self.subject;
        match p.reference {
            Some(t) if clash || r.chance(12) => format!("the {t}"),
            _ if clash => full_name(who),
            _ => p.surname.to_string(),
        }
    }
}

struct Writer<'a> {
    story: &'a Story,
    r: Rng,
    names: Names,
    published: NaiveDate,
    /// Generic templates already used in this article.
    used: u64,
    /// A rewrite words the story's facts differently.
    rewrite: bool,
    /// The story's facts in the order this version tells them.
    order: Vec<usize>,
    next_fact: usize,
    /// The article is about the affair: its own templates, and a recap.
    affair: Option<Outlet>,
}

/// The outlet an article of the affair is written for, whose habits its recap follows.
#[derive(Clone, Copy)]
struct Outlet(usize);

impl<'a> Writer<'a> {
    fn topic(&self) -> &'a str {
        &self.story.object
    }

    fn place(&mut self) -> &'a str {
        if self.r.chance(50) {
            &self.story.town
        } else {
            self.r.word(PLACES)
        }
    }

    /// The event as the article dates it: "on Thursday" within the week, else "on
    /// March 13".
    fn when(&mut self) -> String {
        let days = (self.published - self.story.event).num_days();
        if (0..=5).contains(&days) && self.r.chance(80) {
            format!("on {}", weekday(self.story.event))
        } else {
            format!("on {}", ap_date(self.story.event))
        }
    }

    fn headline(&mut self) -> String {
        if self.affair.is_some() {
            return self.affair_headline();
        }
        let s = PEOPLE[self.story.subject].surname;
        let o = self.topic();
        let m = month(self.story.deadline);
        let t = match self.r.below(10) {
            0 => format!("{s} unveils {o}"),
            1 => format!("{s} defends {o} amid protests"),
            2 => format!("{s} says {o} will go ahead"),
            3 => format!("Lawmakers question {s} over {o}"),
            4 => format!("{s} faces pressure over {o}"),
            5 => format!("{s} backs {o} as critics warn of costs"),
            6 => format!("{s} delays {o} until {m}"),
            7 => format!("Protests grow over {o}"),
            8 => format!("{s} signals shift on {o}"),
            _ => format!("Officials split over {o}, {s} says"),
        };
        capitalise(&t)
    }

    fn lead(&mut self) -> String {
        if self.affair.is_some() {
            return self.affair_lead();
        }
        let who = self.names.subject_form(self.story.subject, &mut self.r);
        let when = self.when();
        let o = self.topic();
        let verb = *self.r.pick(&[
            "announced",
            "defended",
            "unveiled",
            "backed",
            "presented",
            "outlined",
            "approved",
            "signed",
        ]);
        let tail = match self.r.below(4) {
            0 => format!(
                "a move that could affect about {} {}",
                thousands(self.story.affected),
                GROUPS[self.story.group]
            ),
            1 => format!(
                "saying it would {} {}",
                self.story.effect, self.story.figure
            ),
            2 => format!("setting up a clash with {}", ORGS[self.story.org]),
            _ => format!(
                "as {} in {} protested for the {} day",
                GROUPS[self.story.group],
                PLACES[self.story.place],
                ordinal(self.story.small)
            ),
        };
        match self.r.below(3) {
            0 => format!("{who} {verb} {o} {when}, {tail}."),
            1 => format!("{who} {when} {verb} {o}, {tail}."),
            _ => format!(
                "{} will go ahead after {who} {verb} it {when}, {tail}.",
                capitalise(o)
            ),
        }
    }

    fn figure(&mut self) -> String {
        if self.affair.is_some() {
            return self.affair_figure();
        }
        let org = ORGS[self.story.org];
        let f = &self.story.figure;
        let n = thousands(self.story.affected);
        let g = GROUPS[self.story.group];
        let v = self.story.effect;
        match self.r.below(4) {
            0 => format!(
                "The measure would {v} {f} over {} years, according to estimates by {org}.",
                self.story.small
            ),
            1 => format!("According to {org}, the plan would {v} {f} and affect about {n} {g}."),
            2 => format!(
                "Officials said the plan would {v} {f}, while {org} said at least {n} {g} would be affected."
            ),
            _ => format!(
                "The government says the measure will {v} {f}, a figure {org} has questioned."
            ),
        }
    }

    fn quote(&mut self, who: usize, speech: &str) -> String {
        let (name, intro) = self.names.speaker_form(who, &mut self.r);
        if intro {
            return match self.r.below(2) {
                0 => format!("\"{speech},\" said {name}."),
                _ => format!("\"{speech},\" said {name}, speaking in {}.", self.place()),
            };
        }
        let name = capitalise(&name);
        match self.r.below(7) {
            0 => format!("\"{speech},\" {name} said."),
            1 => format!("\"{speech},\" {name} told reporters {}.", self.when()),
            2 => format!("{name} said: \"{speech}.\""),
            3 => format!("\"{speech},\" {name} wrote on social media."),
            4 => format!("\"{speech},\" {name} said in a statement."),
            5 => format!("\"{speech},\" {name} said in {}.", self.place()),
            _ => format!("\"{speech},\" {name} stated."),
        }
    }

    fn date_sentence(&mut self) -> String {
        if self.affair.is_some() {
            return self.affair_date_sentence();
        }
        let s = self.story;
        let who = capitalise(&self.names.later(s.subject, &mut self.r));
        let d = s.deadline;
        let part = match d.day() {
            1..=10 => "early",
            11..=20 => "mid-",
            _ => "late",
        };
        let deadline = if part == "mid-" {
            format!("mid-{}", month(d))
        } else {
            format!("{part} {}", month(d))
        };
        match self.r.below(8) {
            0 => format!(
                "{who} first proposed the idea on {}, but it stalled in the national assembly.",
                ap_date(s.earlier)
            ),
            1 => format!("A final vote is expected in {deadline}, officials said."),
            2 => format!(
                "Talks on the issue began in {} {}.",
                month(s.earlier),
                s.earlier.year()
            ),
            3 => format!("The deadline for an agreement is {}.", long_date(d)),
            4 => {
                let days = (self.published - s.earlier).num_days();
                if (7..=13).contains(&days) {
                    "The cabinet discussed the proposal last week, according to two people familiar with the talks.".to_string()
                } else {
                    format!(
                        "The cabinet discussed the proposal on {}, according to two people familiar with the talks.",
                        ap_date(s.earlier)
                    )
                }
            }
            5 => format!(
                "{} has until {} {} to respond.",
                capitalise(ORGS[s.org]),
                month(d),
                d.year()
            ),
            6 => format!("{who} raised the issue with regional governors last week."),
            _ => {
                "The idea was first floated in the late 2000s but never reached a vote.".to_string()
            }
        }
    }

    fn reaction(&mut self, who: usize) -> String {
        if self.affair.is_some() {
            return self.affair_reaction(who);
        }
        let name = self.names.subject_form(who, &mut self.r);
        let o = self.topic();
        match self.r.below(6) {
            0 => format!("{name} called the plan reckless."),
            1 => format!("{name} said the government had not explained how it would pay for {o}."),
            2 => format!("{name} has backed {o} in the past but said the details mattered."),
            3 => format!(
                "{name} said {o} would hurt the {} most.",
                GROUPS[self.story.group]
            ),
            4 => format!(
                "{name} met with {} officials in {} to discuss the issue.",
                self.r.range(3, 12),
                self.place()
            ),
            _ => format!(
                "{name} warned that {o} could face a challenge before {}.",
                ORGS[self.story.org]
            ),
        }
    }

    fn title_reference(&mut self) -> String {
        let s = self.story.subject;
        let o = self.topic();
        let the = match PEOPLE[s].reference {
            Some(t) => format!("the {t}"),
            None => PEOPLE[s].surname.to_string(),
        };
        let since = format!(
            "{} {}",
            month(self.story.earlier),
            self.story.earlier.year()
        );
        match self.r.below(3) {
            0 => capitalise(&format!(
                "{the} has faced criticism over {o} since {since}."
            )),
            1 => format!(
                "Allies of {the} say the timing was forced by {}.",
                ORGS[self.story.org]
            ),
            _ => capitalise(&format!(
                "{the} is due to appear before the national assembly in {}.",
                month(self.story.deadline)
            )),
        }
    }

    /// The next fact of the story, or now and then a generic sentence.
    fn filler(&mut self) -> String {
        if self.r.chance(8) {
            return self.generic();
        }
        let k = self.order[self.next_fact % self.order.len()];
        self.next_fact += 1;
        let fact = &self.story.facts[k];
        let form = if self.rewrite {
            (fact.form + 1 + self.r.below(2)) % 3
        } else {
            fact.form
        };
        fact.render(form)
    }

    /// A sentence from a template shared by all stories: statistics, context.
    fn generic(&mut self) -> String {
        let r = &mut self.r;
        let place = *r.pick(PLACES);
        let group = *r.pick(GROUPS);
        let org = *r.pick(ORGS);
        let stat = *r.pick(STATS);
        let problem = *r.pick(PROBLEMS);
        let n = r.range(2, 40);
        let m = r.range(0, 9);
        let big = r.range(2, 90) * 100 + r.below(100);
        let mon = *r.pick(MONTHS);
        let year = 2012 + r.below(9);
        let move_ = *r.pick(RISE_FALL);
        let (before, before_m) = (r.range(1, 30), r.below(10));
        let direction = if (before, before_m) < (n, m) {
            "up"
        } else {
            "down"
        };
        let day = NaiveDate::from_ymd_opt(YEAR, 1 + r.below(12) as u32, 1 + r.below(28) as u32)
            .expect("a date");
        // Each template once per article, as far as possible.
        let mut t = r.below(FILLERS);
        for _ in 0..8 {
            if self.used & (1 << t) == 0 {
                break;
            }
            t = r.below(FILLERS);
        }
        self.used |= 1 << t;
        match t {
            0 => format!(
                "{} said {stat} {move_} {n}.{m} percent in {mon}, the {} monthly change in a row.",
                capitalise(org),
                ordinal(r.range(2, 6))
            ),
            1 => format!(
                "In {place}, {group} blocked two main roads for {} hours, according to local media.",
                r.range(3, 30)
            ),
            2 => format!(
                "{} in {place} have complained about {problem} since {mon} {year}.",
                capitalise(group)
            ),
            3 => format!(
                "{} is expected to publish new figures on {stat} in {mon}.",
                capitalise(org)
            ),
            4 => format!(
                "Analysts said the measure could cost about ${n}.{m} billion over {} years.",
                r.range(2, 8)
            ),
            5 => format!(
                "Roughly {} {group} gathered outside the regional government building in {place} on {}.",
                thousands(big),
                weekday(NaiveDate::from_ymd_opt(YEAR, 1, 1 + r.below(28) as u32).expect("a date"))
            ),
            6 => format!(
                "{} stood at {n}.{m} percent in {mon} {}, {direction} from {before}.{before_m} percent a year earlier.",
                capitalise(stat),
                YEAR - 1
            ),
            7 => format!(
                "The government has not said how it will pay for the measure, which {org} estimates at ${} million.",
                r.range(20, 980)
            ),
            8 => format!(
                "Opposition lawmakers in {place} called for a vote on the issue before {mon}."
            ),
            9 => format!(
                "{place} has been among the regions hardest hit by {problem}, with {} districts affected.",
                r.range(3, 60)
            ),
            10 => format!(
                "Previous attempts to pass a similar measure failed in {year} and {}.",
                year + r.range(1, 4)
            ),
            11 => format!(
                "{} did not respond to a request for comment.",
                capitalise(org)
            ),
            12 => format!(
                "The measure must still be approved by the national assembly, where the governing coalition holds {} of {} seats.",
                60 + r.below(30),
                160
            ),
            13 => format!(
                "A survey published in {mon} found that {n} percent of {group} in {place} expected their situation to worsen."
            ),
            14 => format!(
                "{} of the {} regional governors have voiced support, according to {org}.",
                capitalise(number_word(r.range(3, 9))),
                14
            ),
            15 => format!(
                "Bond prices {move_} after the announcement, and the currency traded at {}.{m}{} per dollar.",
                r.range(30, 95),
                r.below(10)
            ),
            16 => format!(
                "The last comparable program, launched in {year}, reached about {} {group} before it was suspended.",
                thousands(big * 10)
            ),
            17 => format!(
                "{} warned in {mon} that {problem} could spread to {place} and {}.",
                capitalise(org),
                r.pick(PLACES)
            ),
            18 => format!("However, {group} in {place} said they had seen little change so far."),
            19 => format!(
                "The country of {} million people has struggled with {problem} and {} for more than a decade.",
                r.range(18, 34),
                r.pick(PROBLEMS)
            ),
            20 => format!(
                "Police said {} people were detained during a march in {place}, and {} officers were injured.",
                r.range(3, 80),
                r.range(1, 12)
            ),
            21 => format!(
                "{} officials from {org} traveled to {place} this week to meet with {group}.",
                capitalise(number_word(r.range(2, 9)))
            ),
            22 => format!(
                "Ratings agencies have warned that {stat} could weigh on the country's credit score through {mon} {}.",
                YEAR + 1
            ),
            23 => format!(
                "A report by {org} published on {} said {problem} had cost the economy about ${n}.{m} billion.",
                ap_date(day)
            ),
            24 => format!(
                "In a separate development, {group} in {place} ended a {}-day strike late on {}.",
                r.range(2, 20),
                weekday(day)
            ),
            25 => format!(
                "Turnout at the last regional elections in {place} was {n} percent, the lowest since {year}."
            ),
            26 => format!(
                "Local radio in {place} reported long lines outside banks and pharmacies in mid-{mon}."
            ),
            27 => format!(
                "{} filed a complaint with {} over the handling of {problem} in {place}.",
                capitalise(org),
                r.pick(ORGS)
            ),
            28 => format!(
                "Diplomats from {} countries attended a briefing on the situation in {place} in late {mon}.",
                r.range(3, 25)
            ),
            29 => format!(
                "The number of {group} registered for public assistance {move_} to {} in {mon}, official data show.",
                thousands(big * 3)
            ),
            30 => format!(
                "Shares of companies linked to {stat} {move_} {n}.{m} percent on the local exchange."
            ),
            31 => format!(
                "Residents of {place} said they had been without {} for {} days.",
                r.pick(&[
                    "electricity",
                    "running water",
                    "bus service",
                    "mobile phone coverage"
                ]),
                r.range(2, 15)
            ),
            32 => format!(
                "{} has repeatedly postponed a decision on the issue since the early 2020s.",
                capitalise(org)
            ),
            33 => format!(
                "A court in {place} is due to rule on a related case on {}.",
                long_date(day)
            ),
            34 => format!(
                "Some {} {group} signed a petition delivered to {org} on {}.",
                thousands(big * 7),
                ap_date(day)
            ),
            _ => format!(
                "The debate has exposed divisions between {group} in {place} and those in {}.",
                r.pick(PLACES)
            ),
        }
    }

    /// A sentence naming people already introduced, by surname or title.
    fn mention(&mut self) -> String {
        let subject = self.story.subject;
        let others: Vec<usize> = self
            .names
            .introduced
            .iter()
            .copied()
            .filter(|&p| p != subject)
            .collect();
        let s = self.names.later(subject, &mut self.r);
        let Some(&o) = others.get(self.r.below(others.len().max(1))) else {
            return capitalise(&format!(
                "{s} has made {} a priority since taking office.",
                self.topic()
            ));
        };
        let other = self.names.later(o, &mut self.r);
        let when = self.when();
        match self.r.below(6) {
            0 => capitalise(&format!(
                "{other} and {s} have clashed over the issue before."
            )),
            1 => capitalise(&format!(
                "{s} has said little in public about the objections raised by {other}."
            )),
            2 => format!(
                "A spokesperson for {other} declined to comment on the remarks {s} made {when}."
            ),
            3 => capitalise(&format!(
                "{other} is expected to meet {s} in {} next week.",
                self.place()
            )),
            4 => capitalise(&format!(
                "{other} said {when} that {s} had not returned several phone calls."
            )),
            _ => format!("Aides to {s} said the talks with {other} were going well."),
        }
    }

    /// A further quote from someone already introduced.
    fn extra_quote(&mut self) -> String {
        let who = *self.r.pick(&self.names.introduced.clone());
        let speech = fill(self.r.word(SPEECHES), self.story);
        self.quote(who, &speech)
    }

    fn close(&mut self) -> String {
        if self.affair.is_some() {
            return self.affair_close();
        }
        let s = capitalise(&self.names.later(self.story.subject, &mut self.r));
        match self.r.below(3) {
            0 => format!(
                "{s}'s office said further details would be announced in {}.",
                month(self.story.deadline)
            ),
            1 => "The government is expected to publish the full text of the measure next week."
                .to_string(),
            _ => format!(
                "{s} is scheduled to travel to {} later this month.",
                PLACES[self.story.place]
            ),
        }
    }
}

/// How many filler templates there are (at most 64).
const FILLERS: usize = 36;

fn ordinal(n: usize) -> &'static str {
    const ORD: &[&str] = &[
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
    ];
    ORD[(n.max(1) - 1).min(ORD.len() - 1)]
}

/// 1 → "1st", 22 → "22nd", 13 → "13th".
fn nth(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn number_word(n: usize) -> &'static str {
    const W: &[&str] = &[
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    W[n.min(9)]
}

/// A block's words, as [`Written::words`] counts them.
fn block_words(b: &Block) -> usize {
    match b {
        Block::Paragraph(s) => s.iter().map(|s| words(&s.text)).sum(),
        Block::Heading(h) => words(h) + 1,
    }
}

fn sentence(text: String, tag: Tag) -> Sentence {
    Sentence { text, tag }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Version {
    /// An original report, with a dateline.
    Wire,
    /// An original report.
    Report,
    /// The same facts told again.
    Rewrite,
}

/// Writes one version of a story, for an outlet, published on `published`; with `shape`
/// the affair, a recap of the saga besides the story.
fn write(
    story: &Story,
    outlet: usize,
    published: NaiveDate,
    version: Version,
    r: Rng,
    shape: Shape,
) -> Written {
    let mut order: Vec<usize> = (0..story.facts.len()).collect();
    let mut r = r;
    if version == Version::Rewrite {
        // Another order, and a fifth of the facts left out.
        for chunk in order.chunks_mut(4) {
            for i in (1..chunk.len()).rev() {
                let j = r.below(i + 1);
                chunk.swap(i, j);
            }
        }
        order.retain(|_| !r.chance(20));
    }
    let mut w = Writer {
        story,
        r,
        names: Names::new(story.subject),
        published,
        used: 0,
        rewrite: version == Version::Rewrite,
        order,
        next_fact: 0,
        affair: (shape == Shape::Affair).then_some(Outlet(outlet)),
    };
    let wire = version == Version::Wire;
    let title = w.headline();
    // The words the article aims at, at most and at least.
    let (target, most, least) = match shape {
        Shape::Stories => (w.r.range(650, 860), 880, 610),
        Shape::Affair => ((w.r.range(400, 1140) + w.r.range(400, 1140)) / 2, 1180, 420),
    };
    // Where the affair's recap goes: after the first quote, before the story's end.
    let recap_at = match shape {
        Shape::Stories => usize::MAX,
        Shape::Affair => w.r.range(3, 6),
    };
    let mut recapped = recap_at == usize::MAX;
    let mut blocks = Vec::new();

    let mut lead = Vec::new();
    if wire {
        lead.push(sentence(
            format!(
                "{}, {} ({}) -",
                fold(&story.town).to_uppercase(),
                ap_date(published),
                OUTLETS[outlet].name
            ),
            Tag::Dateline,
        ));
    }
    lead.push(sentence(w.lead(), Tag::Lead));
    blocks.push(Block::Paragraph(lead));
    blocks.push(Block::Paragraph(vec![
        sentence(w.figure(), Tag::Figure),
        sentence(w.filler(), Tag::Filler),
    ]));
    let first_quote = w.quote(story.subject, &story.speeches[0]);
    blocks.push(Block::Paragraph(vec![sentence(first_quote, Tag::Quote)]));

    // Paragraphs every version has, written when placed so that people are introduced
    // in reading order: each other person (a reaction, then mostly a quote), a date, a
    // reference to the subject by title.
    let mut pending: Vec<Option<usize>> = (0..story.others.len()).map(Some).collect();
    pending.push(None);
    pending.push(None);
    pending.push(None);
    let job = |w: &mut Writer, k: usize| -> Vec<Sentence> {
        match pending[k] {
            Some(k) => {
                let o = story.others[k];
                let mut para = vec![sentence(w.reaction(o), Tag::Other)];
                if k == 0 || w.r.chance(70) {
                    para.push(sentence(w.quote(o, &story.speeches[k + 1]), Tag::Quote));
                }
                para
            }
            None if k == story.others.len() => vec![sentence(w.date_sentence(), Tag::Date)],
            None if k == story.others.len() + 1 => {
                let speech = &story.speeches[story.speeches.len() - 1];
                vec![
                    sentence(w.filler(), Tag::Filler),
                    sentence(
                        format!("\"{speech},\" said {}, {}.", story.local, story.local_role),
                        Tag::Quote,
                    ),
                ]
            }
            None => vec![
                sentence(w.title_reference(), Tag::Other),
                sentence(w.filler(), Tag::Filler),
            ],
        }
    };
    let jobs = story.others.len() + 3;
    let close = vec![sentence(w.close(), Tag::Close)];
    let close_words: usize = close.iter().map(|s| words(&s.text)).sum();

    let mut total: usize = blocks.iter().map(block_words).sum();
    let mut heading_done = false;
    let mut second_quote = false;
    let mut next = 0;
    loop {
        if !recapped && blocks.len() >= recap_at {
            recapped = true;
            for b in w.recap(target) {
                total += block_words(&b);
                blocks.push(b);
            }
            continue;
        }
        let mut para = if next < jobs && (w.r.chance(60) || total > target - 150) {
            next += 1;
            job(&mut w, next - 1)
        } else {
            let mut p = Vec::new();
            if !second_quote && w.r.chance(30) {
                second_quote = true;
                let speech = story.speeches[story.speeches.len() - 2].clone();
                p.push(sentence(w.quote(story.subject, &speech), Tag::Quote));
            } else if w.r.chance(25) {
                p.push(sentence(w.date_sentence(), Tag::Date));
            } else if w.r.chance(30) {
                p.push(sentence(w.mention(), Tag::Other));
            } else if w.r.chance(20) {
                p.push(sentence(w.extra_quote(), Tag::Quote));
            }
            for _ in 0..w.r.range(1, 3) {
                p.push(sentence(w.filler(), Tag::Filler));
            }
            p
        };
        let mut n: usize = para.iter().map(|s| words(&s.text)).sum();
        if total + n + close_words > most {
            // Too long: keep only as much of the paragraph as fits.
            while para.len() > 1 && total + n + close_words > most {
                para.pop();
                n = para.iter().map(|s| words(&s.text)).sum();
            }
            if total + n + close_words > most {
                break;
            }
        }
        if !heading_done && blocks.len() >= 5 && w.r.chance(40) {
            heading_done = true;
            let h = w.r.pick(SUBHEADS).to_string();
            total += words(&h) + 1;
            blocks.push(Block::Heading(h));
        }
        total += n;
        blocks.push(Block::Paragraph(para));
        if total >= target && next >= jobs && recapped {
            break;
        }
    }
    if !recapped {
        for b in w.recap(target) {
            total += block_words(&b);
            blocks.push(b);
        }
    }
    // The people not yet introduced stay out; a short article gets more filler.
    while total + close_words < least {
        let f = w.filler();
        total += words(&f);
        blocks.push(Block::Paragraph(vec![sentence(f, Tag::Filler)]));
    }
    blocks.push(Block::Paragraph(close));
    Written {
        title,
        blocks,
        people: w.names.introduced,
    }
}

/// A copy desk's light edit of a wire story.
fn edit(
    original: &Written,
    story: &Story,
    outlet: usize,
    wire: usize,
    published: NaiveDate,
    mut r: Rng,
) -> Written {
    let mut w = original.clone();
    let kind = OUTLETS[outlet].kind;
    // Headline: a few words changed, or kept.
    if r.chance(60) {
        w.title = swap_first(
            &w.title,
            &[
                ("unveils", "presents"),
                ("defends", "stands by"),
                ("says", "insists"),
                ("question", "grill"),
                ("faces pressure", "under pressure"),
                ("backs", "supports"),
                ("delays", "postpones"),
                ("grow", "spread"),
                ("signals shift", "changes course"),
                ("split", "divided"),
            ],
        );
    }
    let strip_accents = kind == "aggregator" && r.chance(60);
    let change_figure = r.chance(30);
    let change_quote = r.chance(25);
    let change_date = r.chance(30);
    let mut edits = r.range(1, 4);
    let mut quote_done = false;
    for b in &mut w.blocks {
        let Block::Paragraph(sentences) = b else {
            continue;
        };
        if r.chance(50) {
            sentences.retain(|s| s.tag != Tag::Dateline);
        }
        for s in sentences.iter_mut() {
            match s.tag {
                Tag::Figure if change_figure => {
                    s.text = s.text.replacen(&story.figure, &story.figure_changed, 1);
                }
                Tag::Lead if change_date => {
                    let day = format!("on {}", weekday(story.event));
                    s.text = s
                        .text
                        .replacen(&day, &format!("on {}", ap_date(story.event)), 1);
                }
                Tag::Quote if change_quote && !quote_done => {
                    let t = swap_first(&s.text, QUOTE_EDITS);
                    quote_done = t != s.text;
                    s.text = t;
                }
                Tag::Filler | Tag::Date | Tag::Other | Tag::Figure if edits > 0 && r.chance(35) => {
                    let t = swap_first(&s.text, EDITS);
                    if t != s.text {
                        edits -= 1;
                        s.text = t;
                    }
                }
                _ => {}
            }
            if strip_accents {
                s.text = fold(&s.text);
            }
        }
    }
    if strip_accents {
        w.title = fold(&w.title);
    }
    // Drop a paragraph near the end when the article stays long enough.
    if r.chance(40) && w.blocks.len() > 6 {
        let at = w.blocks.len() - 2;
        let n = match &w.blocks[at] {
            Block::Paragraph(s) if !s.iter().any(|s| s.tag == Tag::Lead) => {
                s.iter().map(|s| words(&s.text)).sum()
            }
            _ => usize::MAX,
        };
        if n != usize::MAX && w.words() - n >= 620 {
            w.blocks.remove(at);
        }
    }
    let wire_name = OUTLETS[wire].name;
    let staff = r.pick(SURNAMES_STAFF);
    let credit = match kind {
        "aggregator" => format!("This story was originally published by {wire_name}."),
        "broadcaster" => format!("{wire_name} contributed to this report."),
        _ => format!(
            "(Reporting by {wire_name}; additional reporting by {staff} in {}, {})",
            PLACES[story.place],
            ap_date(published)
        ),
    };
    w.blocks
        .push(Block::Paragraph(vec![sentence(credit, Tag::Credit)]));
    w
}

/// Replaces the first pair whose left side occurs.
fn swap_first(text: &str, pairs: &[(&str, &str)]) -> String {
    for (from, to) in pairs {
        if text.contains(from) {
            return text.replacen(from, to, 1);
        }
    }
    text.to_string()
}

// ---------------------------------------------------------------------------------
// The affair: one saga over two years, its milestones, the recap outlets write of it
// and the statements they quote again.

/// The affair's coverage runs over 2024 and 2025.
const AFFAIR_YEAR: i32 = 2024;
const AFFAIR_DAYS: usize = 731;

/// The outlets that cover the affair: three wires, five newspapers, two broadcasters,
/// an aggregator and a blog.
const AFFAIR_OUTLETS: &[usize] = &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 13];
const AFFAIR_REPORTERS: &[usize] = &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 13];
const AFFAIR_REPUBLISHERS: &[usize] = &[3, 4, 5, 6, 7, 8, 9, 11];

/// The featured people, by first name: the accused chief executive, the attorney
/// general (one of two Mendozas), the prime minister (one of three Rodríguez).
const FEATURED: [&str; 3] = ["Ricardo", "Lucía", "Elena"];

/// A person of the cast by first name (first names are unique).
fn cast(first: &str) -> usize {
    PEOPLE
        .iter()
        .position(|p| p.first == first)
        .expect("a first name of the cast")
}

fn day(d: (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.0, d.1, d.2).expect("a date")
}

struct Milestone {
    id: &'static str,
    day: (i32, u32, u32),
    title: &'static str,
    /// The people of its timeline event, by first name.
    people: &'static [&'static str],
}

const MILESTONES: &[Milestone] = &[
    Milestone {
        id: "leaked-audit",
        day: (2024, 2, 12),
        title: "A leaked audit shows Petrosur's payments to companies with no employees",
        people: &["Ricardo"],
    },
    Milestone {
        id: "headquarters-raided",
        day: (2024, 3, 4),
        title: "Police raid Petrosur's headquarters in Puerto Claro",
        people: &["Ricardo"],
    },
    Milestone {
        id: "chief-executive-suspended",
        day: (2024, 3, 20),
        title: "Ricardo Paredes suspended as Petrosur's chief executive",
        people: &["Ricardo", "Elena"],
    },
    Milestone {
        id: "inquiry-opened",
        day: (2024, 5, 14),
        title: "The attorney general opens a formal inquiry into the payments",
        people: &["Lucía"],
    },
    Milestone {
        id: "house-arrest",
        day: (2024, 6, 21),
        title: "Paredes placed under house arrest",
        people: &["Ricardo"],
    },
    Milestone {
        id: "premier-testifies",
        day: (2024, 9, 17),
        title: "The prime minister testifies before an assembly commission",
        people: &["Elena", "Ricardo"],
    },
    Milestone {
        id: "charges-filed",
        day: (2024, 11, 8),
        title: "Prosecutors charge 17 people, Paredes among them",
        people: &["Lucía", "Ricardo"],
    },
    Milestone {
        id: "accounts-frozen",
        day: (2025, 1, 22),
        title: "Swiss authorities freeze $310 million in accounts linked to the case",
        people: &["Lucía"],
    },
    Milestone {
        id: "state-witness",
        day: (2025, 4, 10),
        title: "A former finance director of Petrosur becomes a state witness",
        people: &["Lucía"],
    },
    Milestone {
        id: "trial-opens",
        day: (2025, 6, 2),
        title: "The trial of Paredes and 16 co-defendants opens",
        people: &["Ricardo"],
    },
    Milestone {
        id: "no-confidence-vote",
        day: (2025, 9, 25),
        title: "The government survives a no-confidence vote over the affair",
        people: &["Elena"],
    },
];

/// A background sentence of the recap, in the four forms outlets write it: as written,
/// a word changed, its clauses reordered, shortened. `{PAREDES}`, `{MENDOZA}` and
/// `{RODRIGUEZ}` are the featured people as the article names them; `{ON}` ("on March
/// 4, 2024", "in early March 2024") and `{DATE}` are the day of the milestone `after`;
/// `{WITNESSES}`, `{WEEK}` and `{HEARINGS}` are running counts since that milestone, as
/// of the day the outlet last updated them ([`Writer::running`]); the other braces are
/// figures that outlets give differently ([`FIGURES`]).
struct Recap {
    /// The milestone that must have happened before an article tells it.
    after: Option<usize>,
    forms: [&'static str; 4],
}

const RECAPS: &[Recap] = &[
    Recap {
        after: None,
        forms: [
            "Petrosur, which pumps about {SHARE} of the country's oil, accounts for nearly a fifth of government revenue.",
            "Petrosur, which produces about {SHARE} of the country's oil, accounts for nearly a fifth of state revenue.",
            "Nearly a fifth of government revenue comes from Petrosur, which pumps about {SHARE} of the country's oil.",
            "Petrosur pumps about {SHARE} of the country's oil.",
        ],
    },
    Recap {
        after: Some(0),
        forms: [
            "The affair began {ON}, when a leaked audit showed that Petrosur had paid {AMOUNT} to companies with no known employees.",
            "The scandal began {ON}, when a leaked audit showed that Petrosur had paid {AMOUNT} to companies with no known staff.",
            "A leaked audit published {ON} showed that Petrosur had paid {AMOUNT} to companies with no known employees, setting off the affair.",
            "The affair began with a leaked audit {ON}.",
        ],
    },
    Recap {
        after: Some(1),
        forms: [
            "Police raided Petrosur's headquarters in Puerto Claro {ON} and carried away {BOXES} boxes of documents.",
            "Police searched Petrosur's headquarters in Puerto Claro {ON} and took away {BOXES} boxes of documents.",
            "{BOXES} boxes of documents were carried away when police raided Petrosur's headquarters in Puerto Claro {ON}.",
            "Police raided Petrosur's headquarters {ON}.",
        ],
    },
    Recap {
        after: Some(2),
        forms: [
            "{PAREDES}, who had run the state oil company since 2020, was suspended {ON} and denies any wrongdoing.",
            "{PAREDES}, who had led the state oil company since 2020, was suspended {ON} and denies any wrongdoing.",
            "{PAREDES} denies any wrongdoing; he had run the state oil company since 2020 when he was suspended {ON}.",
            "{PAREDES} denies any wrongdoing.",
        ],
    },
    Recap {
        after: Some(3),
        forms: [
            "{MENDOZA} opened a formal inquiry into the payments {ON}, naming a team of {TEAM} prosecutors.",
            "{MENDOZA} launched a formal inquiry into the payments {ON}, naming a team of {TEAM} prosecutors.",
            "Naming a team of {TEAM} prosecutors, {MENDOZA} opened a formal inquiry into the payments {ON}.",
            "{MENDOZA} opened a formal inquiry {ON}.",
        ],
    },
    Recap {
        after: Some(3),
        forms: [
            "{MENDOZA}'s office says the payments went through at least {SHELLS} shell companies registered in three countries.",
            "{MENDOZA}'s office says the money went through at least {SHELLS} shell companies registered in three countries.",
            "At least {SHELLS} shell companies registered in three countries were used for the payments, according to {MENDOZA}'s office.",
            "The payments went through at least {SHELLS} shell companies.",
        ],
    },
    Recap {
        after: Some(4),
        forms: [
            "A judge placed {PAREDES} under house arrest {ON}, citing the risk that he would leave the country.",
            "A judge ordered {PAREDES} held under house arrest {ON}, citing the risk that he would flee the country.",
            "Citing the risk that he would leave the country, a judge placed {PAREDES} under house arrest {ON}.",
            "{PAREDES} has been under house arrest since {DATE}.",
        ],
    },
    Recap {
        after: Some(3),
        forms: [
            "Prosecutors have questioned {WITNESSES} witnesses so far, according to {MENDOZA}'s office.",
            "Prosecutors have interviewed {WITNESSES} witnesses so far, according to {MENDOZA}'s office.",
            "According to {MENDOZA}'s office, prosecutors have questioned {WITNESSES} witnesses so far.",
            "Prosecutors have questioned {WITNESSES} witnesses.",
        ],
    },
    Recap {
        after: Some(5),
        forms: [
            "{RODRIGUEZ} testified before an assembly commission {ON} and said she had never discussed the contracts with {PAREDES}.",
            "{RODRIGUEZ} appeared before an assembly commission {ON} and said she had never discussed the contracts with {PAREDES}.",
            "Testifying before an assembly commission {ON}, {RODRIGUEZ} said she had never discussed the contracts with {PAREDES}.",
            "{RODRIGUEZ} testified before an assembly commission {ON}.",
        ],
    },
    Recap {
        after: Some(6),
        forms: [
            "Prosecutors charged {CHARGED} people {ON}, among them {PAREDES} and two former board members.",
            "Prosecutors indicted {CHARGED} people {ON}, including {PAREDES} and two former board members.",
            "{PAREDES} and two former board members were among {CHARGED} people charged {ON}.",
            "Prosecutors charged {CHARGED} people {ON}.",
        ],
    },
    Recap {
        after: Some(7),
        forms: [
            "Swiss authorities froze {FROZEN} in accounts linked to the case {ON}.",
            "Swiss prosecutors froze {FROZEN} in accounts linked to the case {ON}.",
            "{ON}, Swiss authorities froze {FROZEN} held in accounts linked to the case.",
            "Swiss authorities froze {FROZEN} in related accounts.",
        ],
    },
    Recap {
        after: Some(8),
        forms: [
            "A former finance director of Petrosur agreed {ON} to testify for the prosecution in exchange for a reduced sentence.",
            "A former finance director of Petrosur agreed {ON} to cooperate with prosecutors in exchange for a lighter sentence.",
            "In exchange for a reduced sentence, a former finance director of Petrosur agreed {ON} to testify for the prosecution.",
            "A former Petrosur finance director became a state witness {ON}.",
        ],
    },
    Recap {
        after: Some(9),
        forms: [
            "The trial of {PAREDES} and {CO} co-defendants opened {ON} in Puerto Claro and is expected to last at least a year.",
            "The trial of {PAREDES} and {CO} co-defendants began {ON} in Puerto Claro and is expected to last at least a year.",
            "Expected to last at least a year, the trial of {PAREDES} and {CO} co-defendants opened {ON} in Puerto Claro.",
            "The trial opened {ON}.",
        ],
    },
    Recap {
        after: Some(9),
        forms: [
            "The trial is now in its {WEEK} week, and the court has held {HEARINGS} hearings.",
            "The trial is now in its {WEEK} week, and the court has sat for {HEARINGS} hearings.",
            "The court has held {HEARINGS} hearings in the trial, now in its {WEEK} week.",
            "The trial is now in its {WEEK} week.",
        ],
    },
    Recap {
        after: Some(10),
        forms: [
            "{RODRIGUEZ}'s government survived a no-confidence vote over the affair {ON} by {MARGIN} votes.",
            "{RODRIGUEZ}'s government survived a censure vote over the affair {ON} by {MARGIN} votes.",
            "{ON}, {RODRIGUEZ}'s government survived a no-confidence vote over the affair by {MARGIN} votes.",
            "{RODRIGUEZ}'s government survived a no-confidence vote {ON}.",
        ],
    },
];

/// The figures of the recap as outlets give them: the first is the usual one.
const FIGURES: &[(&str, &[&str])] = &[
    (
        "SHARE",
        &["40 percent", "40 percent", "38 percent", "two-fifths"],
    ),
    (
        "AMOUNT",
        &[
            "$1.2 billion",
            "$1.2 billion",
            "$1.3 billion",
            "more than $1 billion",
            "about $1.2 billion",
        ],
    ),
    (
        "BOXES",
        &["more than 40", "more than 40", "about 40", "nearly 50"],
    ),
    ("TEAM", &["12", "12", "11", "a dozen"]),
    ("SHELLS", &["23", "23", "24", "two dozen"]),
    ("CHARGED", &["17", "17", "18", "more than a dozen"]),
    (
        "FROZEN",
        &[
            "$310 million",
            "$310 million",
            "$300 million",
            "about $310 million",
        ],
    ),
    ("CO", &["16", "16", "17", "more than a dozen"]),
    ("MARGIN", &["four", "four", "three", "a handful of"]),
];

const RECAP_HEADS: &[&str] = &[
    "Background",
    "How the affair unfolded",
    "The story so far",
    "The Petrosur affair",
];

/// A statement of the affair that outlets quote again and again, as said and as some
/// outlets word it.
struct Saying {
    who: &'static str,
    day: (i32, u32, u32),
    words: &'static str,
    reworded: &'static str,
}

const SAYINGS: &[Saying] = &[
    Saying {
        who: "Ricardo",
        day: (2024, 3, 6),
        words: "I have never taken a single peso that did not belong to me",
        reworded: "I never took a single peso that did not belong to me",
    },
    Saying {
        who: "Elena",
        day: (2024, 3, 8),
        words: "Nobody is above the law, not even the people I appointed",
        reworded: "No one is above the law, not even the people I appointed",
    },
    Saying {
        who: "Diego",
        day: (2024, 4, 11),
        words: "This government knew, and it chose to look away",
        reworded: "This government knew and chose to look away",
    },
    Saying {
        who: "Lucía",
        day: (2024, 5, 15),
        words: "We will follow the money wherever it leads",
        reworded: "We will follow the money, wherever it leads us",
    },
    Saying {
        who: "Ricardo",
        day: (2024, 7, 2),
        words: "I am the scapegoat for decisions taken by the whole cabinet",
        reworded: "I'm the scapegoat for decisions taken by the entire cabinet",
    },
    Saying {
        who: "Elena",
        day: (2024, 9, 17),
        words: "I never discussed a single contract with Ricardo Paredes",
        reworded: "I never discussed any contract with Ricardo Paredes",
    },
    Saying {
        who: "Lucía",
        day: (2024, 11, 8),
        words: "This is the largest corruption case in the history of the state oil company",
        reworded: "This is the biggest corruption case in the history of Petrosur",
    },
    Saying {
        who: "Camila",
        day: (2025, 1, 23),
        words: "The courts are moving, but far too slowly for the people who lost their savings",
        reworded: "The courts are moving, but too slowly for those who lost their savings",
    },
    Saying {
        who: "Lucía",
        day: (2025, 4, 11),
        words: "The witness has given us names, dates and bank accounts",
        reworded: "The witness gave us names, dates and bank accounts",
    },
    Saying {
        who: "Óscar",
        day: (2025, 6, 3),
        words: "Whatever the verdict, this affair has already changed how the country is governed",
        reworded: "Whatever the verdict, the affair has already changed how this country is governed",
    },
    Saying {
        who: "Elena",
        day: (2025, 9, 26),
        words: "We survived the vote because the country wants stability, not revenge",
        reworded: "We survived because the country wants stability, not revenge",
    },
];

/// What a development of the affair is about. `{C}` is a company, `{J}` a contract or
/// project, `{T}` a town, all the development's own.
const AFFAIR_TOPICS: &[&str] = &[
    "payments from Petrosur to {C}",
    "the contract for {J}",
    "the bribery case over {J}",
    "a bank account linked to {C}",
    "the audit of Petrosur's office in {T}",
    "the testimony of a former manager at {C}",
    "the sealed files on {J}",
    "the extradition request for the owner of {C}",
    "leaked emails about {J}",
    "the assets held by {C}",
    "campaign donations from {C}",
    "the assembly's inquiry into {J}",
    "fuel shipments from {T}",
    "a property in {T} bought through {C}",
    "the invoices for {J}",
    "consulting fees paid to {C}",
];

const AFFAIR_SPEECHES: &[&str] = &[
    "I have never signed a contract with {C}, and I never will",
    "Every payment to {C} will be traced, down to the last peso",
    "The documents on {J} speak for themselves",
    "This investigation is not about politics, it is about the law",
    "We will cooperate fully with the attorney general's office",
    "Nobody in {T} was told where the money went",
    "The contracts for {J} were approved by the whole board, not by one man",
    "We have asked {C} for every invoice of the last {N} years",
    "I have nothing to hide, and I will answer every question",
    "The people of {T} deserve to know who profited from {J}",
    "These leaks are designed to influence the judges",
    "There were {N} meetings about {J}, and none of them was recorded",
];

/// An outlet's habit: the same choice among `n` in every article it writes.
fn habit(outlet: usize, what: u64, n: usize) -> usize {
    (Rng::stream(0x0048_4142_4954, outlet as u64, what).next() % n as u64) as usize
}

/// A development of the affair: a story whose subject is mostly one of the featured
/// people, on a day of the saga (a third of them in the fortnight after a milestone).
fn development(seed: u64, index: usize) -> Story {
    let mut r = Rng::stream(seed, STORY, index as u64);
    let start = day((AFFAIR_YEAR, 1, 1));
    let offset = if r.chance(30) {
        let m = &MILESTONES[r.below(MILESTONES.len())];
        (day(m.day) - start).num_days() as usize + r.range(0, 14)
    } else {
        r.below(AFFAIR_DAYS)
    };
    let event = start + Duration::days(offset.min(AFFAIR_DAYS - 1) as i64);
    let featured = FEATURED.map(cast);
    let subject = match r.below(100) {
        0..=29 => featured[0],
        30..=57 => featured[1],
        58..=84 => featured[2],
        _ => r.below(PEOPLE.len()),
    };
    let mut others = Vec::new();
    let count = r.range(2, 4);
    if r.chance(50) {
        let f = featured[r.below(3)];
        if f != subject {
            others.push(f);
        }
    }
    while others.len() < count {
        let o = if r.chance(55) {
            r.range(OFFICIALS, PEOPLE.len() - 1)
        } else {
            r.below(PEOPLE.len())
        };
        if o != subject && !others.contains(&o) {
            others.push(o);
        }
    }
    let earlier = event - Duration::days(r.range(10, 120) as i64);
    let deadline = event + Duration::days(r.range(20, 200) as i64);
    let (figure, figure_changed) = if r.chance(40) {
        let (a, b) = (r.range(1, 4), r.range(1, 9));
        let c = if b == 9 { 1 } else { b + 1 };
        (format!("${a}.{b} billion"), format!("${a}.{c} billion"))
    } else {
        let n = r.range(12, 480);
        (
            format!("${n} million"),
            format!("${} million", n + r.range(5, 60)),
        )
    };
    let mut speeches = Vec::with_capacity(count + 3);
    while speeches.len() < count + 3 {
        let t = if r.chance(60) {
            r.pick(AFFAIR_SPEECHES)
        } else {
            r.pick(SPEECHES)
        };
        if !speeches.contains(t) {
            speeches.push(*t);
        }
    }
    let topic = r.word(AFFAIR_TOPICS);
    let town = name(&mut r);
    let company = format!("{} {}", name(&mut r), r.word(COMPANY_KINDS));
    let project = format!("the {} {}", name(&mut r), r.word(PROJECT_KINDS));
    let local = format!("{} {}", r.word(LOCAL_FIRST), r.word(LOCAL_LAST));
    let local_role = r.word(LOCAL_ROLES);
    let mut s = Story {
        object: String::new(),
        town,
        company,
        project,
        local,
        local_role: String::new(),
        facts: Vec::new(),
        subject,
        others,
        event,
        earlier,
        place: r.below(PLACES.len()),
        group: r.below(GROUPS.len()),
        org: r.below(ORGS.len()),
        small: r.range(2, 18),
        figure,
        figure_changed,
        effect: "",
        affected: r.range(8, 950) * 100 + r.below(10) * 10,
        speeches: Vec::new(),
        deadline,
    };
    s.object = fill(topic, &s);
    s.local_role = fill(local_role, &s);
    s.speeches = speeches.iter().map(|t| fill(t, &s)).collect();
    s.facts = (0..FACTS).map(|_| fact(&mut r, &s)).collect();
    s
}

impl Writer<'_> {
    fn affair_headline(&mut self) -> String {
        let s = PEOPLE[self.story.subject].surname;
        let o = self.topic();
        let m = month(self.story.deadline);
        let t = match self.r.below(10) {
            0 => format!("{s} denies role in {o}"),
            1 => format!("Prosecutors widen inquiry into {o}"),
            2 => format!("{s} questioned over {o}"),
            3 => format!("New documents shed light on {o}"),
            4 => format!("{s} faces pressure over {o}"),
            5 => format!("Petrosur affair: {s} speaks out on {o}"),
            6 => format!("Court delays ruling on {o} until {m}"),
            7 => format!("Lawmakers demand answers on {o}"),
            8 => format!("{s} under fire as details of {o} emerge"),
            _ => format!("What we know about {o}"),
        };
        capitalise(&t)
    }

    fn affair_lead(&mut self) -> String {
        let who = self.names.subject_form(self.story.subject, &mut self.r);
        let when = self.when();
        let o = self.topic();
        let verb = *self.r.pick(&[
            "denied any link to",
            "defended",
            "addressed",
            "disclosed details of",
            "was questioned about",
            "responded to reports about",
            "called for an inquiry into",
            "released documents on",
        ]);
        let tail = match self.r.below(4) {
            0 => format!("a case that prosecutors say involves {}", self.story.figure),
            1 => "the latest turn in the Petrosur affair".to_string(),
            2 => format!("setting up a clash with {}", ORGS[self.story.org]),
            _ => format!(
                "as {} in {} protested for the {} day",
                GROUPS[self.story.group],
                PLACES[self.story.place],
                ordinal(self.story.small)
            ),
        };
        match self.r.below(3) {
            0 => format!("{who} {verb} {o} {when}, {tail}."),
            1 => format!("{who} {when} {verb} {o}, {tail}."),
            _ => format!("Investigators are examining {o} after {who} {verb} it {when}, {tail}."),
        }
    }

    fn affair_figure(&mut self) -> String {
        let org = ORGS[self.story.org];
        let f = &self.story.figure;
        let o = self.topic();
        match self.r.below(4) {
            0 => format!("Prosecutors say {o} involved {f}, according to court documents."),
            1 => format!(
                "According to {org}, about {f} passed through {} over {} years.",
                self.story.company, self.story.small
            ),
            2 => format!(
                "Investigators put the sum at {f}, while {org} said at least {} contracts were affected.",
                self.story.small * 3
            ),
            _ => format!(
                "The government says the sum involved is {f}, a figure {org} has questioned."
            ),
        }
    }

    fn affair_date_sentence(&mut self) -> String {
        let s = self.story;
        let who = self.names.later(s.subject, &mut self.r);
        let d = s.deadline;
        let deadline = match d.day() {
            1..=10 => format!("early {}", month(d)),
            11..=20 => format!("mid-{}", month(d)),
            _ => format!("late {}", month(d)),
        };
        match self.r.below(8) {
            0 => format!(
                "{} first raised concerns about the payments on {}, but the complaint stalled in the national assembly.",
                capitalise(&who),
                ap_date(s.earlier)
            ),
            1 => format!("A ruling is expected in {deadline}, court officials said."),
            2 => format!(
                "Investigators began looking into the contracts in {} {}.",
                month(s.earlier),
                s.earlier.year()
            ),
            3 => format!(
                "The deadline for the prosecution to present its evidence is {}.",
                long_date(d)
            ),
            4 => format!(
                "Investigators questioned {who} on {}, according to two people familiar with the case.",
                ap_date(s.earlier)
            ),
            5 => format!(
                "{} has until {} {} to hand over the documents.",
                capitalise(ORGS[s.org]),
                month(d),
                d.year()
            ),
            6 => format!(
                "{} raised the issue with lawmakers last week.",
                capitalise(&who)
            ),
            _ => "The contracts were first signed in the late 2010s but were never audited."
                .to_string(),
        }
    }

    fn affair_reaction(&mut self, who: usize) -> String {
        let name = self.names.subject_form(who, &mut self.r);
        let o = self.topic();
        match self.r.below(6) {
            0 => format!("{name} called the charges politically motivated."),
            1 => format!("{name} said the government had not explained how {o} was approved."),
            2 => format!("{name} has defended Petrosur in the past but said the details mattered."),
            3 => format!("{name} said {o} would damage the country's reputation abroad."),
            4 => format!(
                "{name} met with {} investigators in {} to discuss the case.",
                self.r.range(3, 12),
                self.place()
            ),
            _ => format!(
                "{name} warned that {o} could reach {}.",
                ORGS[self.story.org]
            ),
        }
    }

    fn affair_close(&mut self) -> String {
        let s = capitalise(&self.names.later(self.story.subject, &mut self.r));
        match self.r.below(3) {
            0 => format!(
                "{s}'s office said further details would be announced in {}.",
                month(self.story.deadline)
            ),
            1 => "The court is expected to publish the full ruling next week.".to_string(),
            _ => format!(
                "{s} is scheduled to appear before the assembly commission later this month."
            ),
        }
    }

    /// The recap of the saga as this article's outlet writes it: a few background
    /// sentences, in the order of what they tell, and now and then a statement quoted
    /// again. About a quarter of the article's words.
    fn recap(&mut self, target: usize) -> Vec<Block> {
        let Some(Outlet(outlet)) = self.affair else {
            return Vec::new();
        };
        let published = self.published;
        let told: Vec<usize> = (0..RECAPS.len())
            .filter(|&k| {
                RECAPS[k]
                    .after
                    .is_none_or(|m| day(MILESTONES[m].day) < published)
            })
            .collect();
        let latest = told.iter().rev().take(2).copied().collect::<Vec<_>>();
        // Each outlet has its favourite sentences; the latest milestones come first.
        let mut ranked: Vec<(usize, usize)> = told
            .iter()
            .map(|&k| {
                let bonus = if latest.contains(&k) { 0 } else { 500 };
                (
                    habit(outlet, 300 + k as u64, 1000) + self.r.below(700) + bonus,
                    k,
                )
            })
            .collect();
        ranked.sort_unstable();
        let want = (target / 110 + self.r.below(3))
            .saturating_sub(1)
            .clamp(2, 10)
            .min(told.len());
        let mut chosen: Vec<usize> = ranked.iter().take(want).map(|&(_, k)| k).collect();
        chosen.sort_unstable();

        let mut blocks = Vec::new();
        if self.r.chance(45) {
            blocks.push(Block::Heading(self.r.pick(RECAP_HEADS).to_string()));
        }
        let mut para = Vec::new();
        for (i, &k) in chosen.iter().enumerate() {
            para.push(self.recap_sentence(outlet, k));
            let left = chosen.len() - i - 1;
            if left > 0 && (para.len() == 3 || (para.len() == 2 && self.r.chance(50))) {
                blocks.push(Block::Paragraph(std::mem::take(&mut para)));
            }
        }
        if !para.is_empty() {
            blocks.push(Block::Paragraph(para));
        }
        let sayings: Vec<usize> = (0..SAYINGS.len())
            .filter(|&k| day(SAYINGS[k].day) < published)
            .collect();
        let quoted = match self.r.below(100) {
            0..=34 => 0,
            35..=79 => 1,
            _ => 2,
        };
        let mut said = Vec::new();
        for _ in 0..quoted.min(sayings.len()) {
            // The newest statements are quoted most.
            let k = if self.r.chance(40) {
                sayings[sayings.len() - 1 - self.r.below(2.min(sayings.len()))]
            } else {
                *self.r.pick(&sayings)
            };
            if !said.contains(&k) {
                said.push(k);
                let text = self.saying(outlet, k);
                blocks.push(Block::Paragraph(vec![sentence(text, Tag::Saying)]));
            }
        }
        blocks
    }

    fn recap_sentence(&mut self, outlet: usize, k: usize) -> Sentence {
        let recap = &RECAPS[k];
        let form = if self.r.chance(70) {
            habit(outlet, 400 + k as u64, recap.forms.len())
        } else {
            self.r.below(recap.forms.len())
        };
        let template = recap.forms[form];
        let mut out = String::with_capacity(template.len() + 40);
        let mut tag = Tag::Recap;
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("a closing brace");
            let key = &rest[open + 1..close];
            rest = &rest[close + 1..];
            match key {
                "PAREDES" | "MENDOZA" | "RODRIGUEZ" => {
                    let who = cast(match key {
                        "PAREDES" => FEATURED[0],
                        "MENDOZA" => FEATURED[1],
                        _ => FEATURED[2],
                    });
                    let name = self.names.inline(who, &mut self.r);
                    out.push_str(&name);
                }
                "ON" | "DATE" => {
                    let m = recap.after.expect("a dated recap names its milestone");
                    let (text, shifted, exact) = self.milestone_date(outlet, m, key == "ON");
                    out.push_str(&text);
                    tag = Tag::Dated {
                        milestone: m as u8,
                        shifted,
                        exact,
                    };
                }
                "WITNESSES" | "WEEK" | "HEARINGS" => {
                    let m = recap
                        .after
                        .expect("a running count counts from a milestone");
                    out.push_str(&self.running(outlet, m, key));
                }
                figure => {
                    let (i, values) = FIGURES
                        .iter()
                        .enumerate()
                        .find(|(_, (k, _))| *k == figure)
                        .map(|(i, (_, v))| (i, *v))
                        .expect("a known figure");
                    let v = if self.r.chance(75) {
                        habit(outlet, 500 + i as u64, values.len())
                    } else {
                        self.r.below(values.len())
                    };
                    out.push_str(values[v]);
                }
            }
        }
        out.push_str(rest);
        sentence(capitalise(&out), tag)
    }

    /// A count that grows with the saga, as of the day this outlet last updated its
    /// recap (some outlets lag a day or two): the witnesses questioned since the inquiry
    /// opened, the week of the trial and its hearings. Articles of the same few days
    /// share it, whatever their story: a shared number that is no evidence of one.
    fn running(&mut self, outlet: usize, m: usize, key: &str) -> String {
        let lag = habit(outlet, 700, 3) as i64;
        let days = ((self.published - day(MILESTONES[m].day)).num_days() - lag).max(0) as usize;
        match key {
            "WITNESSES" => (6 + days * 4 / 7).to_string(),
            "WEEK" => nth(days / 7 + 1),
            _ => (1 + days * 3 / 7).to_string(),
        }
    }

    /// The day of a milestone as this outlet reports it: some outlets put it a day
    /// later (a night-time event, a time zone), some write only part of the month,
    /// wires abbreviate the month, and the year is left out within the same year.
    fn milestone_date(&mut self, outlet: usize, m: usize, with_on: bool) -> (String, bool, bool) {
        let when = day(MILESTONES[m].day);
        if self.r.chance(10) {
            let part = match when.day() {
                1..=10 => "early ",
                11..=20 => "mid-",
                _ => "late ",
            };
            let text = format!("{part}{} {}", month(when), when.year());
            return (
                if with_on { format!("in {text}") } else { text },
                false,
                false,
            );
        }
        let shifted = habit(outlet, 100 + m as u64, 5) == 0 || self.r.chance(3);
        let d = if shifted {
            when + Duration::days(1)
        } else {
            when
        };
        let day_text = if habit(outlet, 99, 3) == 0 {
            ap_date(d)
        } else {
            format!("{} {}", month(d), d.day())
        };
        let text = if d.year() == self.published.year() && self.r.chance(40) {
            day_text
        } else {
            format!("{day_text}, {}", d.year())
        };
        (
            if with_on { format!("on {text}") } else { text },
            shifted,
            true,
        )
    }

    /// A statement of the affair quoted again, with who said it and when.
    fn saying(&mut self, outlet: usize, k: usize) -> String {
        let s = &SAYINGS[k];
        let words = if habit(outlet, 600 + k as u64, 4) == 0 || self.r.chance(12) {
            s.reworded
        } else {
            s.words
        };
        let who = cast(s.who);
        let said = day(s.day);
        let when = if said.year() == self.published.year() && self.r.chance(50) {
            format!("in {}", month(said))
        } else {
            format!("in {} {}", month(said), said.year())
        };
        if !self.names.known(who) {
            let name = self.names.inline(who, &mut self.r);
            return format!("\"{words},\" {name} said {when}.");
        }
        let name = self.names.later(who, &mut self.r);
        match self.r.below(4) {
            0 => format!("\"{words},\" {name} said {when}."),
            1 => format!("{} said {when}: \"{words}.\"", capitalise(&name)),
            2 => format!("\"{words},\" {name} told reporters {when}."),
            _ => format!("As {name} put it {when}: \"{words}.\""),
        }
    }
}

/// How one development of the affair is covered.
enum Coverage {
    /// One outlet's own article.
    Single(usize),
    /// A wire report and its republications.
    Wire(usize, Vec<usize>),
    /// An original and another outlet's rewrite.
    Rewritten(usize, usize),
    /// Several outlets, each its own article of the same facts.
    Several(Vec<usize>),
}

/// Distinct outlets picked from `from`, none of `taken`.
fn outlets(r: &mut Rng, from: &[usize], count: usize, taken: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        let o = *r.pick(from);
        if !out.contains(&o) && !taken.contains(&o) {
            out.push(o);
        }
    }
    out
}

/// The affair's developments, in the order they happened, and their articles: until
/// there are `n` articles. A development in the fortnight after a milestone is covered
/// by more outlets.
fn affair_plan(seed: u64, n: usize) -> (Vec<Story>, Vec<Planned>, Vec<Vec<usize>>) {
    let mut r = Rng::stream(seed, PLAN, 0);
    let mut stories = Vec::new();
    let mut coverage = Vec::new();
    let mut total = 0;
    while total < n {
        let s = development(seed, stories.len());
        let busy = MILESTONES
            .iter()
            .any(|m| (0..=14).contains(&(s.event - day(m.day)).num_days()));
        let roll = r.below(100) + if busy { 0 } else { 12 };
        let c = if roll < 24 {
            let wire = *r.pick(WIRES);
            let copies = r.range(2, 4);
            Coverage::Wire(wire, outlets(&mut r, AFFAIR_REPUBLISHERS, copies, &[wire]))
        } else if roll < 36 {
            let o = outlets(&mut r, AFFAIR_REPORTERS, 2, &[]);
            Coverage::Rewritten(o[0], o[1])
        } else if roll < 48 {
            let count = r.range(3, 5);
            Coverage::Several(outlets(&mut r, AFFAIR_REPORTERS, count, &[]))
        } else {
            Coverage::Single(*r.pick(AFFAIR_REPORTERS))
        };
        total += match &c {
            Coverage::Single(_) => 1,
            Coverage::Wire(_, copies) => 1 + copies.len(),
            Coverage::Rewritten(..) => 2,
            Coverage::Several(o) => o.len(),
        };
        stories.push(s);
        coverage.push(c);
    }
    let mut order: Vec<usize> = (0..stories.len()).collect();
    order.sort_by_key(|&k| (stories[k].event, k));
    let start = day((AFFAIR_YEAR, 1, 1));
    let mut articles: Vec<Planned> = Vec::with_capacity(n);
    let mut groups = Vec::new();
    for k in order {
        let base = (stories[k].event - start).num_days() * 1440;
        let minute = base + r.range(6 * 60, 22 * 60) as i64 + if r.chance(30) { 1440 } else { 0 };
        let first = articles.len();
        let mut group = vec![first];
        let mut add = |articles: &mut Vec<Planned>, outlet, form, minute| {
            if articles.len() > first {
                group.push(articles.len());
            }
            articles.push(Planned {
                story: k,
                outlet,
                form,
                minute,
            });
        };
        match &coverage[k] {
            Coverage::Single(o) => add(&mut articles, *o, Form::Original, minute),
            Coverage::Wire(wire, copies) => {
                add(&mut articles, *wire, Form::Original, minute);
                for &o in copies {
                    let later = minute + r.range(20, 30 * 60) as i64;
                    add(&mut articles, o, Form::Copy(first), later);
                }
            }
            Coverage::Rewritten(a, b) => {
                add(&mut articles, *a, Form::Original, minute);
                let later = minute + r.range(60, 40 * 60) as i64;
                add(&mut articles, *b, Form::Rewrite, later);
            }
            Coverage::Several(o) => {
                add(&mut articles, o[0], Form::Original, minute);
                for &o in &o[1..] {
                    let later = minute + r.range(30, 20 * 60) as i64;
                    add(&mut articles, o, Form::Rewrite, later);
                }
            }
        }
        groups.push(group);
    }
    articles.truncate(n);
    for g in &mut groups {
        g.retain(|&i| i < n);
    }
    groups.retain(|g| !g.is_empty());
    (stories, articles, groups)
}

// ---------------------------------------------------------------------------------
// The plan: which stories, which versions, in which order.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Original,
    /// A light edit of the article at that index.
    Copy(usize),
    /// The same facts written again, by another outlet.
    Rewrite,
}

struct Planned {
    story: usize,
    outlet: usize,
    form: Form,
    /// Minutes after midnight UTC on the shape's first day ([`Shape::start`]).
    minute: i64,
}

fn plan(seed: u64, n: usize) -> (Vec<Story>, Vec<Planned>, Vec<Vec<usize>>) {
    let mut r = Rng::stream(seed, PLAN, 0);
    let mut stories = Vec::new();
    let mut articles: Vec<Planned> = Vec::with_capacity(n);
    let mut groups = Vec::new();
    while articles.len() < n {
        let si = stories.len();
        let s = story(seed, si);
        let base =
            (s.event - NaiveDate::from_ymd_opt(YEAR, 1, 1).expect("a date")).num_days() * 1440;
        let minute = base + r.range(6 * 60, 22 * 60) as i64 + if r.chance(30) { 1440 } else { 0 };
        let roll = r.below(100);
        let first = articles.len();
        let mut group = vec![first];
        if roll < 11 {
            // A wire story and two or three republications.
            let wire = *r.pick(WIRES);
            articles.push(Planned {
                story: si,
                outlet: wire,
                form: Form::Original,
                minute,
            });
            let copies = r.range(2, 3);
            let mut used = vec![wire];
            while group.len() <= copies {
                let o = *r.pick(REPUBLISHERS);
                if used.contains(&o) {
                    continue;
                }
                used.push(o);
                group.push(articles.len());
                let later = minute + r.range(20, 30 * 60) as i64;
                articles.push(Planned {
                    story: si,
                    outlet: o,
                    form: Form::Copy(first),
                    minute: later,
                });
            }
        } else if roll < 19 {
            // Two outlets write up the same facts.
            let a = *r.pick(REPORTERS);
            let mut b = *r.pick(REPORTERS);
            while b == a {
                b = *r.pick(REPORTERS);
            }
            articles.push(Planned {
                story: si,
                outlet: a,
                form: Form::Original,
                minute,
            });
            group.push(articles.len());
            let later = minute + r.range(60, 40 * 60) as i64;
            articles.push(Planned {
                story: si,
                outlet: b,
                form: Form::Rewrite,
                minute: later,
            });
        } else {
            let o = *r.pick(REPORTERS);
            articles.push(Planned {
                story: si,
                outlet: o,
                form: Form::Original,
                minute,
            });
        }
        stories.push(s);
        groups.push(group);
    }
    articles.truncate(n);
    for g in &mut groups {
        g.retain(|&i| i < n);
    }
    groups.retain(|g| !g.is_empty());
    (stories, articles, groups)
}

/// Local date and RFC 3339 time of an article, in its outlet's offset; `minute` counts
/// from midnight UTC on `start`.
fn local_time(minute: i64, offset: &str, start: NaiveDate) -> (NaiveDate, String) {
    let sign = if offset.starts_with('-') { -1 } else { 1 };
    let hours: i64 = offset[1..3].parse().expect("an offset");
    let local = minute + sign * hours * 60;
    let date = start + Duration::days(local.div_euclid(1440));
    let m = local.rem_euclid(1440);
    let iso = format!("{date}T{:02}:{:02}:00{offset}", m / 60, m % 60);
    (date, iso)
}

// ---------------------------------------------------------------------------------
// Output.

/// What the corpus covers: many small stories, or one affair.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Stories,
    Affair,
}

impl Shape {
    /// The first day of the coverage.
    fn start(self) -> NaiveDate {
        match self {
            Shape::Stories => day((YEAR, 1, 1)),
            Shape::Affair => day((AFFAIR_YEAR, 1, 1)),
        }
    }

    fn outlets(self) -> &'static [usize] {
        match self {
            Shape::Stories => &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
            Shape::Affair => AFFAIR_OUTLETS,
        }
    }
}

struct Args {
    articles: usize,
    out: PathBuf,
    seed: u64,
    hugo: Option<PathBuf>,
    shape: Shape,
}

const USAGE: &str =
    "usage: corpus --articles N --out DIR [--shape stories|affair] [--seed S] [--hugo DIR]";

fn args() -> Result<Args, String> {
    let mut articles = None;
    let mut out = None;
    let mut seed = 1;
    let mut hugo = None;
    let mut shape = Shape::Stories;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || {
            it.next()
                .ok_or_else(|| format!("{a} needs a value\n{USAGE}"))
        };
        match a.as_str() {
            "--articles" => {
                articles = Some(value()?.parse().map_err(|e| format!("--articles: {e}"))?)
            }
            "--out" => out = Some(PathBuf::from(value()?)),
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--hugo" => hugo = Some(PathBuf::from(value()?)),
            "--shape" => {
                shape = match value()?.as_str() {
                    "stories" => Shape::Stories,
                    "affair" => Shape::Affair,
                    other => {
                        return Err(format!(
                            "--shape: `{other}` is not `stories` or `affair`\n{USAGE}"
                        ));
                    }
                }
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    Ok(Args {
        articles: articles.ok_or(USAGE)?,
        out: out.ok_or(USAGE)?,
        seed,
        hugo,
        shape,
    })
}

/// Empties a folder this program wrote before (it holds `.corpus`); refuses any other
/// non-empty folder.
fn fresh(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        let marker = dir.join(".corpus");
        let empty = fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .next()
            .is_none();
        if !marker.exists() && !empty {
            return Err(format!(
                "refusing to overwrite {}: it is not empty and was not written by this generator",
                dir.display()
            ));
        }
        fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    fs::write(dir.join(".corpus"), "written by examples/corpus.rs\n")
        .map_err(|e| format!("{}: {e}", dir.display()))
}

fn put(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn config(n: usize, seed: u64, shape: Shape) -> String {
    if shape == Shape::Affair {
        let [a, b, c] = FEATURED.map(|f| person_id(cast(f)));
        return format!(
            "title: {}\n\
             description: >-\n  A synthetic briefing for the benchmark: {n} generated articles from 12\n  outlets over {AFFAIR_YEAR} and {}, all about one affair, 40 people, seed {seed}.\n  Not real news.\n\
             base_url: https://example.org/\n\
             language: en\n\
             featured: [{a}, {b}, {c}]\n\
             timezone: \"-03:00\"\n",
            yq(&format!(
                "Synthetic briefing: the Petrosur affair ({n} articles)"
            )),
            AFFAIR_YEAR + 1
        );
    }
    format!(
        "title: Synthetic briefing ({n} articles)\n\
         description: >-\n  A synthetic briefing for the benchmark: {n} generated articles from 15\n  outlets over {YEAR}, 40 people, seed {seed}. Not real news.\n\
         base_url: https://example.org/\n\
         language: en\n\
         featured: [{}, {}, {}]\n\
         timezone: \"-03:00\"\n",
        person_id(0),
        person_id(3),
        person_id(5)
    )
}

fn outlets_yaml(shape: Shape) -> String {
    let mut out = String::from("# Fictional outlets of the synthetic benchmark corpus.\n");
    for o in shape.outlets().iter().map(|&o| &OUTLETS[o]) {
        let _ = write!(
            out,
            "{}:\n  name: {}\n  url: https://{}.example.com/\n  kind: {}\n  country: {}\n",
            o.id,
            yq(o.name),
            o.id,
            o.kind,
            o.country
        );
    }
    out
}

fn person_yaml(i: usize) -> String {
    let p = &PEOPLE[i];
    let name = full_name(i);
    let mut out = format!("name: {}\n", yq(&name));
    if fold(&name) != name {
        let _ = writeln!(out, "aliases: [{}]", yq(&fold(&name)));
    } else {
        out.push_str("aliases: []\n");
    }
    let _ = writeln!(out, "surname: {}", yq(p.surname));
    let mut titles = Vec::new();
    if let Some(t) = p.title {
        titles.push(yq(t));
    }
    if let (Some(r), Some(t)) = (p.reference, p.title)
        && !r.eq_ignore_ascii_case(t)
    {
        titles.push(yq(&capitalise(r)));
    }
    let _ = writeln!(out, "titles: [{}]", titles.join(", "));
    if let Some(t) = p.title {
        let _ = writeln!(out, "roles:\n  - title: {}\n    from: {}", yq(t), p.since);
    }
    let _ = writeln!(
        out,
        "summary: |\n  {name}, {}. A fictional person of the synthetic benchmark corpus.",
        p.desc
    );
    // Ministers serve in the prime minister's cabinet.
    if p.title.is_some_and(|t| t.ends_with("Minister")) && i != 0 {
        let _ = writeln!(
            out,
            "relations:\n  - person: {}\n    kind: member of the cabinet",
            person_id(0)
        );
    }
    out
}

fn article_file(
    w: &Written,
    planned: &Planned,
    iso: &str,
    id: &str,
    derived: Option<usize>,
) -> String {
    let o = &OUTLETS[planned.outlet];
    let mut out = String::with_capacity(6 * 1024);
    let _ = writeln!(
        out,
        "---\ntitle: {}\noutlet: {}\npublished: {iso}",
        yq(&w.title),
        o.id
    );
    if planned.minute % 3 == 0 {
        out.push_str("author: null\n");
    } else {
        let _ = writeln!(
            out,
            "author: {}",
            SURNAMES_STAFF[(planned.minute as usize / 7) % SURNAMES_STAFF.len()]
        );
    }
    let _ = writeln!(
        out,
        "url: https://{}.example.com/{}/{id}",
        o.id,
        &iso[..7].replace('-', "/")
    );
    if let Some(d) = derived {
        let _ = writeln!(out, "derived_from: {}", OUTLETS[d].id);
    }
    out.push_str("language: en\n---\n");
    out.push_str(&w.body());
    out
}

fn hugo_file(w: &Written, planned: &Planned, iso: &str, derived: Option<usize>) -> String {
    let mut out = String::with_capacity(6 * 1024);
    let people: Vec<String> = w.people.iter().map(|&p| person_id(p)).collect();
    let _ = writeln!(
        out,
        "---\ntitle: {}\ndate: {iso}\noutlets: [{}]\npeople: [{}]",
        yq(&w.title),
        OUTLETS[planned.outlet].id,
        people.join(", ")
    );
    if let Some(d) = derived {
        let _ = writeln!(out, "derived_from: {}", OUTLETS[d].id);
    }
    out.push_str("---\n");
    out.push_str(&w.body());
    out
}

/// What curation may cite from an article.
struct Citable {
    id: String,
    lead: String,
    figure: Option<String>,
    credit: Option<String>,
    quote: Option<String>,
    /// The affair's recap sentences that give a milestone's day: (milestone, whether
    /// the day is another than the milestone's, the sentence).
    dated: Vec<(u8, bool, String)>,
}

fn run(a: &Args) -> Result<(), String> {
    if a.articles == 0 {
        return Err("--articles must be at least 1".to_string());
    }
    fresh(&a.out)?;
    if let Some(h) = &a.hugo {
        fresh(h)?;
    }
    put(
        &a.out.join("briefing.yaml"),
        &config(a.articles, a.seed, a.shape),
    )?;
    put(&a.out.join("content/outlets.yaml"), &outlets_yaml(a.shape))?;
    for i in 0..PEOPLE.len() {
        put(
            &a.out.join(format!("content/people/{}.yaml", person_id(i))),
            &person_yaml(i),
        )?;
    }

    let (stories, planned, groups) = match a.shape {
        Shape::Stories => plan(a.seed, a.articles),
        Shape::Affair => affair_plan(a.seed, a.articles),
    };
    let featured = FEATURED.map(cast);
    let mut naming = [0usize; 3];
    let mut written: Vec<Option<Written>> = vec![None; planned.len()];
    let mut citable: Vec<Citable> = Vec::with_capacity(planned.len());
    let mut total_words = (usize::MAX, 0usize);
    for (i, p) in planned.iter().enumerate() {
        let story = &stories[p.story];
        let (date, iso) = local_time(p.minute, OUTLETS[p.outlet].offset, a.shape.start());
        let style = Rng::stream(a.seed, STYLE, i as u64);
        let (w, derived) = match p.form {
            Form::Original => {
                let version = if OUTLETS[p.outlet].kind == "wire" {
                    Version::Wire
                } else {
                    Version::Report
                };
                (write(story, p.outlet, date, version, style, a.shape), None)
            }
            Form::Rewrite => (
                write(story, p.outlet, date, Version::Rewrite, style, a.shape),
                None,
            ),
            Form::Copy(of) => {
                let original = written[of].as_ref().expect("originals come first");
                let e = edit(
                    original,
                    story,
                    p.outlet,
                    planned[of].outlet,
                    date,
                    Rng::stream(a.seed, EDIT, i as u64),
                );
                (e, Some(planned[of].outlet))
            }
        };
        let id = format!("{}-{i}", truncate_slug(&slug(&w.title), 60));
        let n = w.words();
        total_words = (total_words.0.min(n), total_words.1.max(n));
        for (k, f) in featured.iter().enumerate() {
            naming[k] += usize::from(w.people.contains(f));
        }
        put(
            &a.out
                .join(format!("content/articles/{}/{id}.md", &iso[..7])),
            &article_file(&w, p, &iso, &id, derived),
        )?;
        if let Some(h) = &a.hugo {
            put(
                &h.join(format!("articles/{id}.md")),
                &hugo_file(&w, p, &iso, derived),
            )?;
        }
        citable.push(Citable {
            id,
            lead: w.first(Tag::Lead).unwrap_or_default().to_string(),
            figure: w.first(Tag::Figure).map(str::to_string),
            credit: w.first(Tag::Credit).map(str::to_string),
            quote: w.first(Tag::Quote).map(str::to_string),
            dated: w
                .sentences()
                .filter_map(|s| match s.tag {
                    Tag::Dated {
                        milestone,
                        shifted,
                        exact: true,
                    } => Some((milestone, shifted, s.text.clone())),
                    _ => None,
                })
                .collect(),
        });
        // Originals are kept until their copies are written.
        if p.form == Form::Original && planned.get(i + 1).is_some_and(|n| n.form == Form::Copy(i)) {
            written[i] = Some(w);
        }
        if let Form::Copy(of) = p.form
            && planned
                .get(i + 1)
                .is_none_or(|next| next.form != Form::Copy(of))
        {
            written[of] = None;
        }
    }

    timeline(a, &stories, &planned, &groups, &citable)?;
    comparisons(a, &planned, &groups, &citable)?;
    if let Some(h) = &a.hugo {
        hugo_terms(h, a.articles, a.shape)?;
    }
    eprintln!(
        "wrote {} articles ({}–{} words), {} people, {} outlets into {}",
        planned.len(),
        total_words.0,
        total_words.1,
        PEOPLE.len(),
        a.shape.outlets().len(),
        a.out.display()
    );
    if a.shape == Shape::Affair {
        let share = |k: usize| 100 * naming[k] / planned.len();
        eprintln!(
            "{} developments; articles naming {}: {}%, {}: {}%, {}: {}%",
            groups.len(),
            full_name(featured[0]),
            share(0),
            full_name(featured[1]),
            share(1),
            full_name(featured[2]),
            share(2)
        );
    }
    Ok(())
}

fn truncate_slug(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let cut = s[..max].rfind('-').unwrap_or(max);
    &s[..cut]
}

/// About N/20 events, each citing sentences of the articles of one story.
fn timeline(
    a: &Args,
    stories: &[Story],
    planned: &[Planned],
    groups: &[Vec<usize>],
    citable: &[Citable],
) -> Result<(), String> {
    let wanted = (a.articles / 20).max(3).min(groups.len());
    // Half the events from stories several outlets reported, half from any story.
    let multi: Vec<&Vec<usize>> = groups.iter().filter(|g| g.len() > 1).collect();
    let from_multi = (wanted / 2).min(multi.len());
    let mut chosen: Vec<&Vec<usize>> = (0..from_multi)
        .map(|k| multi[k * multi.len() / from_multi])
        .collect();
    let mut k = 0;
    while chosen.len() < wanted && k < groups.len() {
        let g = &groups[k * groups.len() / (wanted - from_multi).max(1) % groups.len()];
        if !chosen.iter().any(|c| std::ptr::eq(*c, g)) {
            chosen.push(g);
        }
        k += 1;
    }
    // Events by the month of their date: one file per month.
    let mut by_month: std::collections::BTreeMap<(i32, u32), String> = Default::default();
    let mut r = Rng::stream(a.seed, PLAN, 1);
    for (k, g) in chosen.into_iter().enumerate() {
        let first = g[0];
        let story = &stories[planned[first].story];
        let subject = full_name(story.subject);
        let (date, display) = match r.below(10) {
            0 => (
                format!("{}-{:02}", story.event.year(), story.event.month()),
                Some(format!("{} {}", month(story.event), story.event.year())),
            ),
            1 => (format!("{}~", story.event), None),
            2 => (format!("{}?", story.event), None),
            _ => (story.event.to_string(), None),
        };
        let mut people = vec![person_id(story.subject)];
        if let Some(&o) = story.others.first() {
            people.push(person_id(o));
        }
        let out = by_month
            .entry((story.event.year(), story.event.month()))
            .or_default();
        let _ = writeln!(
            out,
            "- id: {}-{k}",
            truncate_slug(&slug(story.object.as_str()), 40)
        );
        let _ = writeln!(out, "  date: {}", yq(&date));
        if let Some(d) = display {
            let _ = writeln!(out, "  display: {}", yq(&d));
        }
        let _ = writeln!(
            out,
            "  title: {}",
            yq(&capitalise(&format!(
                "{} on {}",
                PEOPLE[story.subject].surname,
                story.object.as_str()
            )))
        );
        let _ = writeln!(out, "  people: [{}]", people.join(", "));
        let _ = writeln!(
            out,
            "  summary: |\n    {subject} and {}; reported by {} outlet{}.",
            story.object.as_str(),
            g.len(),
            if g.len() == 1 { "" } else { "s" }
        );
        out.push_str("  sources:\n");
        for &i in g.iter().take(3) {
            let c = &citable[i];
            let quote = if r.chance(25) {
                c.quote.as_deref().and_then(quoted_words).unwrap_or(&c.lead)
            } else {
                &c.lead
            };
            let _ = writeln!(out, "    - article: {}\n      quote: {}", c.id, yq(quote));
        }
    }
    if a.shape == Shape::Affair {
        milestones(planned, citable, &mut by_month);
    }
    for ((year, m), text) in &by_month {
        put(
            &a.out.join(format!("content/timeline/{year}-{m:02}.yaml")),
            text,
        )?;
    }
    Ok(())
}

/// The affair's milestones as timeline events, each citing the recap sentences of three
/// outlets that date it; where one of them says another day, the event is disputed.
fn milestones(
    planned: &[Planned],
    citable: &[Citable],
    by_month: &mut std::collections::BTreeMap<(i32, u32), String>,
) {
    for (m, milestone) in MILESTONES.iter().enumerate() {
        let mut agree: Vec<(usize, &str)> = Vec::new();
        let mut differ: Option<(usize, &str)> = None;
        for (i, c) in citable.iter().enumerate() {
            for (k, shifted, text) in &c.dated {
                if *k as usize != m {
                    continue;
                }
                let outlet = planned[i].outlet;
                if *shifted {
                    differ = differ.or(Some((i, text)));
                } else if agree.len() < 2 && agree.iter().all(|&(j, _)| planned[j].outlet != outlet)
                {
                    agree.push((i, text));
                }
            }
        }
        let sources: Vec<(usize, &str)> = agree.iter().copied().chain(differ).collect();
        if sources.is_empty() {
            continue;
        }
        let when = day(milestone.day);
        let out = by_month.entry((when.year(), when.month())).or_default();
        let _ = writeln!(out, "- id: affair-{}", milestone.id);
        let _ = writeln!(out, "  date: {}", yq(&when.to_string()));
        if differ.is_some() {
            out.push_str("  disputed: true\n");
        }
        let _ = writeln!(out, "  title: {}", yq(milestone.title));
        let people: Vec<String> = milestone
            .people
            .iter()
            .map(|f| person_id(cast(f)))
            .collect();
        let _ = writeln!(out, "  people: [{}]", people.join(", "));
        let _ = writeln!(
            out,
            "  summary: |\n    A milestone of the Petrosur affair, as the recaps of {} outlets date it.",
            sources.len()
        );
        out.push_str("  sources:\n");
        for (i, text) in sources {
            let _ = writeln!(
                out,
                "    - article: {}\n      quote: {}",
                citable[i].id,
                yq(text)
            );
        }
    }
}

/// The words inside the first pair of quotation marks of a sentence.
fn quoted_words(s: &str) -> Option<&str> {
    let start = s.find('"')? + 1;
    let end = start + s[start..].find('"')?;
    Some(s[start..end].trim_end_matches([',', '.']))
}

/// A handful of curated comparisons of wire stories and their copies.
fn comparisons(
    a: &Args,
    planned: &[Planned],
    groups: &[Vec<usize>],
    citable: &[Citable],
) -> Result<(), String> {
    // A wire story and its copies (the affair's outlets also write the same facts each
    // in their own words: those are not compared here).
    let candidates: Vec<&Vec<usize>> = groups
        .iter()
        .filter(|g| g.len() >= 3 && matches!(planned[g[1]].form, Form::Copy(_)))
        .collect();
    let wanted = candidates.len().min(5);
    for k in 0..wanted {
        let g = candidates[k * candidates.len() / wanted];
        let original = &citable[g[0]];
        let mut out = format!(
            "title: {}\narticles:\n",
            yq(&format!(
                "How {} outlets reported the same wire story",
                g.len()
            ))
        );
        for &i in g {
            let _ = writeln!(out, "  - {}", citable[i].id);
        }
        let _ = writeln!(
            out,
            "summary: |\n  A {} story and {} republications, compared point by point.",
            OUTLETS[planned[g[0]].outlet].name,
            g.len() - 1
        );
        out.push_str("points:\n  - topic: What happened\n    verdict: agree\n    claims:\n");
        for &i in g {
            let _ = writeln!(
                out,
                "      - {{article: {}, quote: {}}}",
                citable[i].id,
                yq(&citable[i].lead)
            );
        }
        let figures: Vec<(&str, &str)> = g
            .iter()
            .filter_map(|&i| {
                citable[i]
                    .figure
                    .as_deref()
                    .map(|f| (citable[i].id.as_str(), f))
            })
            .collect();
        if figures.len() >= 2 {
            let differ = figures.iter().any(|(_, f)| *f != figures[0].1);
            let _ = writeln!(
                out,
                "  - topic: The figure\n    verdict: {}\n    claims:",
                if differ { "differ" } else { "agree" }
            );
            for (id, f) in &figures {
                let _ = writeln!(out, "      - {{article: {id}, quote: {}}}", yq(f));
            }
        }
        if let Some((id, credit)) = g
            .iter()
            .find_map(|&i| citable[i].credit.as_deref().map(|c| (&citable[i].id, c)))
        {
            let _ = writeln!(
                out,
                "  - topic: Credit to the original\n    verdict: only-one\n    claims:\n      - {{article: {id}, quote: {}}}\n    note: The other republications credit {} differently or not at all.",
                yq(credit),
                yq(OUTLETS[planned[g[0]].outlet].name)
            );
        }
        put(
            &a.out.join(format!(
                "content/comparisons/{}.yaml",
                truncate_slug(&original.id, 90)
            )),
            &out,
        )?;
    }
    if a.shape == Shape::Affair {
        dates_compared(a, planned, citable)?;
    }
    Ok(())
}

/// Two comparisons of how outlets date a milestone of the affair: the first articles
/// that give its day and the first that gives another.
fn dates_compared(a: &Args, planned: &[Planned], citable: &[Citable]) -> Result<(), String> {
    let mut written = 0;
    for (m, milestone) in MILESTONES.iter().enumerate() {
        let claims = |shifted: bool| {
            citable.iter().enumerate().find_map(|(i, c)| {
                c.dated
                    .iter()
                    .find(|d| d.0 as usize == m && d.1 == shifted)
                    .map(|d| (i, d.2.as_str()))
            })
        };
        let (Some(right), Some(wrong)) = (claims(false), claims(true)) else {
            continue;
        };
        let ids = [&citable[right.0].id, &citable[wrong.0].id];
        let mut out = format!(
            "title: {}\narticles:\n  - {}\n  - {}\n",
            yq(&format!("When? {}", milestone.title)),
            ids[0],
            ids[1]
        );
        let _ = writeln!(
            out,
            "summary: |\n  {} and {} date the same milestone of the affair differently.",
            OUTLETS[planned[right.0].outlet].name, OUTLETS[planned[wrong.0].outlet].name
        );
        out.push_str("points:\n  - topic: The day\n    verdict: differ\n    claims:\n");
        for (i, text) in [right, wrong] {
            let _ = writeln!(
                out,
                "      - {{article: {}, quote: {}}}",
                citable[i].id,
                yq(text)
            );
        }
        put(
            &a.out
                .join(format!("content/comparisons/affair-{}.yaml", milestone.id)),
            &out,
        )?;
        written += 1;
        if written == 2 {
            break;
        }
    }
    Ok(())
}

fn hugo_terms(h: &Path, n: usize, shape: Shape) -> Result<(), String> {
    put(
        &h.join("_index.md"),
        &format!("---\ntitle: Synthetic briefing ({n} articles)\n---\n"),
    )?;
    put(&h.join("articles/_index.md"), "---\ntitle: Articles\n---\n")?;
    put(&h.join("people/_index.md"), "---\ntitle: People\n---\n")?;
    put(&h.join("outlets/_index.md"), "---\ntitle: Outlets\n---\n")?;
    for (i, p) in PEOPLE.iter().enumerate() {
        put(
            &h.join(format!("people/{}/_index.md", person_id(i))),
            &format!(
                "---\ntitle: {}\n---\n{}, {}. A fictional person of the synthetic benchmark corpus.\n",
                yq(&full_name(i)),
                full_name(i),
                p.desc
            ),
        )?;
    }
    for o in shape.outlets().iter().map(|&o| &OUTLETS[o]) {
        put(
            &h.join(format!("outlets/{}/_index.md", o.id)),
            &format!(
                "---\ntitle: {}\nkind: {}\ncountry: {}\n---\n",
                yq(o.name),
                o.kind,
                o.country
            ),
        )?;
    }
    Ok(())
}

fn main() -> ExitCode {
    match args().and_then(|a| run(&a)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("corpus: {e}");
            ExitCode::from(2)
        }
    }
}
