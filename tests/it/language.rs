//! The site's own words follow the briefing's `language` (issue 16): a briefing with
//! `language: es` (tests/fixtures/language-es, Spanish articles of its own) is built,
//! and its pages carry the Spanish table's words, a Spanish `<html lang>` and Spanish
//! dates, and none of the English table's words that Spanish does not share.

use std::collections::BTreeMap;

use crate::support::{briefing, copy_dir, fixtures, snapshot, stderr};

fn spanish_site() -> (tempfile::TempDir, BTreeMap<String, Vec<u8>>) {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixtures().join("language-es"), dir.path());
    let run = briefing(dir.path(), &["build"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let site = snapshot(&dir.path().join("site"));
    (dir, site)
}

fn page<'a>(site: &'a BTreeMap<String, Vec<u8>>, path: &str) -> &'a str {
    std::str::from_utf8(site.get(path).unwrap_or_else(|| panic!("no {path}"))).unwrap()
}

#[test]
fn a_spanish_briefing_is_written_in_spanish() {
    let (_dir, site) = spanish_site();
    let cases = [
        ("index.html", "Personas destacadas"),
        ("index.html", "3 artículos de 2 medios"),
        ("index.html", ">Toda la cronología</a>"),
        (
            "people/lucia-paredes/index.html",
            "<dt>Primera mención</dt>",
        ),
        (
            "people/lucia-paredes/index.html",
            "desde 17 de junio de 2023",
        ),
        ("articles/pleno-muelle/index.html", "<dt>Publicado</dt>"),
        (
            "articles/pleno-muelle/index.html",
            "<time datetime=\"2026-02-16\">16 de febrero de 2026</time>",
        ),
        (
            "articles/index.html",
            "<title>Artículos · Puerto Claro</title>",
        ),
        ("compare/inversion/index.html", "Quién dice qué"),
        ("compare/story-pleno-muelle/index.html", "Pares comparados"),
        ("timeline/index.html", "<h1>Cronología</h1>"),
        (
            "timeline/2026/02/index.html",
            "<title>febrero de 2026 · Puerto Claro</title>",
        ),
        ("404.html", "<h1>Página no encontrada</h1>"),
        ("data/index.html", "<th scope=\"col\">Significado</th>"),
        ("data/index.html", "<p>Los 3 artículos de origen.</p>"),
        ("data/index.html", "de más de 10,0 MB en JSON"),
        ("search/index.html", "Más resultados"),
        // The search script's words come with the page, for the script to write.
        ("search/index.html", "No se encontró nada para «{q}»."),
        (
            "report/index.html",
            "<h2 id=\"key-judgments-h\">Juicios clave</h2>",
        ),
        (
            "report/index.html",
            "Los artículos nombran a 1 persona; la más nombrada:",
        ),
        (
            "report/index.html",
            "5 menciones en 3 artículos de 2 medios",
        ),
        (
            "report/index.html",
            "Menciones de las personas destacadas por semana",
        ),
        (
            "people/lucia-paredes/feed.xml",
            "label=\"Artículo, Diario de la Costa\"",
        ),
        // The line under a search result, written into the index.
        (
            "search/f/0.json",
            "\"Diario de la Costa · 2 de marzo de 2026\"",
        ),
        // What the analyses found, worded by the page: a difference's summary, and
        // why a name was taken for a person (the name's tooltip).
        (
            "compare/pairs/pleno-muelle/pleno-muelle-agencia/index.html",
            "<small>12 frente a 15</small>",
        ),
        (
            "articles/pleno-muelle/index.html",
            "title=\"Lucía Paredes (la única persona con este apellido)\"",
        ),
        // The exports are the same in every language.
        ("data/comparisons.json", "\"summary\":\"12 vs 15\""),
        (
            "data/mentions.json",
            "\"reason\":\"the only person with this surname\"",
        ),
        // Except TimelineJS's, whose words a reader reads on the embedded slides.
        (
            "data/timelinejs.json",
            "\"display_date\":\"hacia septiembre de 2027\"",
        ),
        ("data/timelinejs.json", ">El informe</a>"),
    ];
    for (path, phrase) in cases {
        let html = page(&site, path);
        assert!(html.contains(phrase), "{path} lacks {phrase:?}");
        if path.ends_with(".html") {
            assert!(html.contains("<html lang=\"es\">"), "{path}: not lang=es");
        }
    }
}

/// The text a reader reads or hears of a page: its text outside tags, scripts and
/// code, the labels assistive technology reads, and tooltips.
fn read_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        text.push(' ');
        let tag_end = rest[open..].find('>').map_or(rest.len(), |e| open + e + 1);
        let tag = &rest[open..tag_end];
        // And what a pointer's tooltip shows (why a name was taken for a person).
        for attribute in ["aria-label=\"", " title=\""] {
            if let Some(at) = tag.find(attribute) {
                let label = &tag[at + attribute.len()..];
                text.push_str(&label[..label.find('"').unwrap_or(label.len())]);
                text.push(' ');
            }
        }
        rest = &rest[tag_end..];
        // A script's text is not read; a command (`briefing build --pdf report.pdf`)
        // is the same in every language.
        for (open, close) in [("<script", "</script>"), ("<code", "</code>")] {
            if tag.starts_with(open) {
                rest = &rest[rest.find(close).unwrap_or(rest.len())..];
            }
        }
    }
    text.push_str(rest);
    text
}

/// The literal runs of a table's values: the text between placeholders and tags.
fn runs(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut skip: Option<char> = None;
    for c in value.chars() {
        match (skip, c) {
            (Some(end), c) if c == end => skip = None,
            (Some(_), _) => {}
            (None, '{') | (None, '<') => {
                skip = Some(if c == '{' { '}' } else { '>' });
                out.push(std::mem::take(&mut current));
            }
            (None, c) => current.push(c),
        }
    }
    out.push(current);
    out.into_iter()
        .map(|r| {
            let trim: &[char] = &[' ', ',', '.', ';', ':', '(', ')', '“', '”', '—', '–', '·'];
            r.trim_matches(trim).to_string()
        })
        .filter(|r| r.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect()
}

fn values(table: &serde_yaml::Value, out: &mut Vec<String>) {
    match table {
        serde_yaml::Value::Mapping(m) => m.values().for_each(|v| values(v, out)),
        serde_yaml::Value::String(s) => out.push(s.clone()),
        _ => {}
    }
}

fn table_runs(file: &str) -> Vec<String> {
    let path = fixtures().join("../../templates/i18n").join(file);
    let table = serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut all = Vec::new();
    values(&table, &mut all);
    all.iter().flat_map(|v| runs(v)).collect()
}

fn has_word_run(text: &str, run: &str) -> bool {
    text.match_indices(run).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + run.len()..].chars().next();
        !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
    })
}

#[test]
fn a_spanish_site_has_no_english_interface_words() {
    let (_dir, site) = spanish_site();
    let spanish = table_runs("es.yaml");
    // Words both languages write alike ("Original", "blog") are not English alone.
    // The exports' names ("mentions", as in `mentions.json`) are names of files, the
    // same in every language.
    let exports = [
        "paragraphs",
        "people",
        "mentions",
        "quotes",
        "dates",
        "comparisons",
    ];
    let mut english: Vec<String> = table_runs("en.yaml")
        .into_iter()
        .filter(|r| !spanish.contains(r) && !exports.contains(&r.as_str()))
        .collect();
    // Dates written out take their month names from the analyses' tables.
    let months = ["January", "February", "March", "June", "July", "December"];
    english.extend(months.map(String::from));
    // Page kinds whose every word comes from the tables, charts, the printable report
    // and the data page, which documents the exports' fields, included.
    let pages = [
        "404.html",
        "data/index.html",
        "index.html",
        "report/index.html",
        "people/lucia-paredes/index.html",
        "timeline/index.html",
        "articles/index.html",
        "articles/pleno-muelle-agencia/index.html",
        "articles/obras-muelle/index.html",
        "compare/index.html",
        "compare/inversion/index.html",
        "compare/story-pleno-muelle/index.html",
        "compare/pairs/pleno-muelle/pleno-muelle-agencia/index.html",
        "outlets/index.html",
        "outlets/diario-costa/index.html",
        "people/index.html",
        "people/lucia-paredes/events/index.html",
        "search/index.html",
        "timeline/2026/02/index.html",
    ];
    for path in pages {
        let text = read_text(page(&site, path));
        let found: Vec<&String> = english.iter().filter(|r| has_word_run(&text, r)).collect();
        assert!(found.is_empty(), "{path} has English words: {found:?}");
    }
}
