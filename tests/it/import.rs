//! `briefing import` run as a user runs it: the file it writes from a page, and the
//! exit code and message when a page cannot become an article.

use crate::support::{briefing, briefing_with, fixtures, stderr};

#[test]
fn a_page_without_a_date_is_a_content_error_and_nothing_is_written() {
    let dir = briefing_with(None);
    let page = fixtures().join("import/no-date.html");
    let before = crate::support::snapshot(&dir.path().join("content"));
    let out = briefing(dir.path(), &["import", page.to_str().unwrap()]);
    assert_eq!(
        stderr(&out),
        format!(
            "error[import]: cannot import `{}`: found no date: neither the page's head nor its text gives one\n \
             = hint: pass --published DATE (2026-02-21 or 2026-02-21T16:11:00+03:00)\n\n\
             error: 1 error found; nothing was written\n",
            page.display()
        )
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        crate::support::snapshot(&dir.path().join("content")),
        before
    );
}

#[test]
fn a_spanish_page_imports_from_its_head() {
    let dir = briefing_with(None);
    let page = fixtures().join("import/head-metadata-es.html");
    let out = briefing(dir.path(), &["import", page.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let written = std::fs::read_to_string(
        dir.path()
            .join("content/articles/el-gobierno-aprueba-la-ley-de-puentes.md"),
    )
    .unwrap();
    assert_eq!(
        written,
        "---\n\
         # title: from meta og:title\n\
         title: \"El Gobierno aprueba la ley de puentes\"\n\
         # published: from meta article:published_time\n\
         published: 2030-03-14T18:30:00+01:00\n\
         # author: from JSON-LD author\n\
         author: \"Inés Marlow\"\n\
         # url: from <link rel=canonical>\n\
         url: \"https://elcorreo.example/ley-de-puentes\"\n\
         # language: from <html lang>\n\
         language: es\n\
         ---\n\n\
         El Consejo de Ministros aprobó el martes la ley que regula el mantenimiento de los puentes del país.\n\n\
         La norma entra en vigor el próximo mes, según el Boletín Oficial del Estado.\n"
    );
    let check = briefing(dir.path(), &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}

#[test]
fn a_dry_run_prints_the_article_and_writes_nothing() {
    let dir = briefing_with(None);
    let page = fixtures().join("import/head-metadata-es.html");
    let before = crate::support::snapshot(&dir.path().join("content"));
    let out = briefing(
        dir.path(),
        &["import", "--dry-run", "--verbose", page.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        crate::support::stdout(&out).starts_with("---\n# title: from meta og:title\n"),
        "{}",
        crate::support::stdout(&out)
    );
    assert_eq!(
        stderr(&out),
        "would import content/articles/el-gobierno-aprueba-la-ley-de-puentes.md: \
         \"El Gobierno aprueba la ley de puentes\", published 2030-03-14T18:30:00+01:00 \
         (meta article:published_time), 32 words; stripped 3 lines: 1 page title, 1 navigation, 1 headline → title\n  \
         its outlet is not in content/outlets.yaml; to add it, paste:\n    \
         el-correo:\n      name: \"El Correo\"\n      kind: other\n      url: https://elcorreo.example/\n     \
         1: \"El Gobierno aprueba la ley de puentes | El Correo\" — page title\n     \
         2: \"Portada España\" — navigation\n     \
         3: \"El Gobierno aprueba la ley de puentes\" — headline → title\n"
    );
    assert_eq!(
        crate::support::snapshot(&dir.path().join("content")),
        before
    );
}
