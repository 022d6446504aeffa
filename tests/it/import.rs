//! `briefing import` run as a user runs it: the file it writes from a page, from a
//! page fetched from a local HTTP server the test starts, from a folder and a mixed
//! list, and the exit code and message when an input cannot become an article.

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

/// Imports the fixture page `name` into a new briefing through the real binary: the
/// report on stderr must be `report`, the exit 0, and the briefing must check clean
/// after. Returns the article file `file` it wrote.
fn import_fixture(name: &str, file: &str, report: &str) -> String {
    let dir = briefing_with(None);
    let page = fixtures().join("import").join(name);
    let out = briefing(dir.path(), &["import", page.to_str().unwrap()]);
    assert_eq!(stderr(&out), report);
    assert_eq!(out.status.code(), Some(0));
    let written = std::fs::read_to_string(dir.path().join("content/articles").join(file));
    let check = briefing(dir.path(), &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    written.unwrap()
}

#[test]
fn a_spanish_page_is_dated_by_its_spanish_date_line() {
    let written = import_fixture(
        "date-line-es.html",
        "la-ciudad-abre-el-nuevo-mercado-de-abastos.md",
        "imported content/articles/la-ciudad-abre-el-nuevo-mercado-de-abastos.md: \
         \"La ciudad abre el nuevo mercado de abastos\", published 2026-01-03 \
         (the date line \"Publicado el 3 de enero de 2026\"), 59 words; stripped 7 lines: \
         1 page title, 1 site header, 1 headline → title, 1 byline → author, \
         1 date line → published, 1 date line (updated), 1 footer\n",
    );
    assert!(
        written.starts_with(
            "---\n\
             # title: from the headline\n\
             title: \"La ciudad abre el nuevo mercado de abastos\"\n\
             # published: from the date line \"Publicado el 3 de enero de 2026\"\n\
             published: 2026-01-03\n\
             # author: from the byline \"Por Lucía Ferrán\"\n\
             author: \"Lucía Ferrán\"\n\
             # language: from <html lang>\n\
             language: es\n\
             ---\n\n\
             El nuevo mercado de abastos abrió sus puertas el sábado"
        ),
        "{written}"
    );
}

#[test]
fn a_title_without_ascii_letters_names_the_file_by_its_transliteration() {
    let written = import_fixture(
        "title-no-ascii.html",
        "gorodskoi-sovet-otkryl-novyi-most.md",
        "imported content/articles/gorodskoi-sovet-otkryl-novyi-most.md: \
         \"Городской совет открыл новый мост\", published 2026-01-05T09:30:00+03:00 \
         (meta article:published_time), 27 words; stripped 2 lines: 1 page title, \
         1 headline → title\n",
    );
    assert!(
        written.starts_with(
            "---\n# title: from the headline\ntitle: \"Городской совет открыл новый мост\"\n"
        ),
        "{written}"
    );
}

#[test]
fn a_german_page_is_dated_by_its_article_not_by_the_teasers_around_it() {
    let written = import_fixture(
        "furniture-de.html",
        "stadtrat-beschliesst-neue-radwege.md",
        "imported content/articles/stadtrat-beschliesst-neue-radwege.md: \
         \"Stadtrat beschließt neue Radwege\", published 2026-01-07T18:00:00+01:00 \
         (<time datetime>), 62 words; stripped 17 lines: 10 a list of other stories, \
         3 before the headline, 1 page title, 1 headline → title, 1 date line, \
         1 outside the article\n",
    );
    assert!(
        written.ends_with(
            "language: de\n\
             ---\n\n\
             Der Stadtrat hat am Mittwochabend mit großer Mehrheit beschlossen, bis zum Sommer \
             zwölf Kilometer neue Radwege entlang der Hauptstraßen zu bauen.\n\n\
             Die Kosten von rund vier Millionen Euro trägt zur Hälfte das Land, den Rest zahlt \
             die Stadt aus ihrem Haushalt für Verkehr und Umwelt.\n\n\
             Anwohner hatten sich seit Jahren über gefährliche Kreuzungen beschwert; zwei davon \
             sollen nun als erste umgebaut werden.\n"
        ),
        "{written}"
    );
}

#[test]
fn a_language_that_is_no_tag_is_refused_with_exit_2() {
    let dir = briefing_with(None);
    let page = fixtures().join("import/date-line-es.html");
    let out = briefing(
        dir.path(),
        &[
            "import",
            "--language",
            "spanish please",
            page.to_str().unwrap(),
        ],
    );
    assert_eq!(
        stderr(&out),
        "error: `--language spanish please` is not a language tag: write a tag such as `en`, `es` or `pt-BR`\n"
    );
    assert_eq!(out.status.code(), Some(2));
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

/// A local HTTP server for one test: serves the routes below, one thread a connection,
/// and stops after `MAX_CONNECTIONS`. It records each request's head.
struct Server {
    base: String,
    requests: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

const MAX_CONNECTIONS: usize = 16;

impl Server {
    fn start() -> Server {
        use std::io::{Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let requests = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let seen = requests.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().take(MAX_CONNECTIONS) {
                let Ok(mut stream) = stream else { continue };
                let seen = seen.clone();
                std::thread::spawn(move || {
                    let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(5)));
                    let mut head = Vec::new();
                    let mut byte = [0u8; 1];
                    while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
                        head.push(byte[0]);
                    }
                    let head = String::from_utf8_lossy(&head).into_owned();
                    let path = head.split(' ').nth(1).unwrap_or("/").to_string();
                    seen.lock().unwrap().push(head);
                    let page =
                        |name: &str| std::fs::read(fixtures().join("import").join(name)).unwrap();
                    let (status, headers, body): (&str, Vec<String>, Vec<u8>) = match path.as_str()
                    {
                        "/quay" => (
                            "200 OK",
                            vec!["Content-Type: text/html; charset=utf-8".into()],
                            page("fetched.html"),
                        ),
                        "/moved" => (
                            "301 Moved Permanently",
                            vec!["Location: /quay".into()],
                            Vec::new(),
                        ),
                        "/gzip" => {
                            let mut gz = flate2::write::GzEncoder::new(
                                Vec::new(),
                                flate2::Compression::default(),
                            );
                            gz.write_all(&page("head-metadata-es.html")).unwrap();
                            (
                                "200 OK",
                                vec![
                                    "Content-Type: text/html".into(),
                                    "Content-Encoding: gzip".into(),
                                ],
                                gz.finish().unwrap(),
                            )
                        }
                        "/report.pdf" => (
                            "200 OK",
                            vec!["Content-Type: application/pdf".into()],
                            b"%PDF-1.7".to_vec(),
                        ),
                        "/slow" => {
                            // Answers only after the client has given up.
                            std::thread::sleep(std::time::Duration::from_secs(3));
                            (
                                "200 OK",
                                vec!["Content-Type: text/html".into()],
                                page("fetched.html"),
                            )
                        }
                        _ => (
                            "404 Not Found",
                            vec!["Content-Type: text/html".into()],
                            b"<h1>Not found</h1>".to_vec(),
                        ),
                    };
                    let mut response = format!(
                        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
                        body.len()
                    );
                    for h in headers {
                        response.push_str(&h);
                        response.push_str("\r\n");
                    }
                    response.push_str("\r\n");
                    let _ = stream.write_all(response.as_bytes());
                    let _ = stream.write_all(&body);
                });
            }
        });
        Server { base, requests }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// `briefing import ARGS` in `dir`, with no proxy from the environment between it and
/// the local server.
fn import(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_briefing"))
        .arg("import")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("HTTPS_PROXY")
        .env_remove("https_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .output()
        .expect("run briefing")
}

const QUAY_BODY: &str = "---\n\
    # title: from the headline\n\
    title: \"Harbour authority reopens the north quay\"\n\
    # published: from meta article:published_time\n\
    published: 2030-05-02T09:15:00Z\n\
    # author: from meta author\n\
    author: \"Ada Quill\"\n";

#[test]
fn a_page_is_fetched_with_its_address_kept_and_the_user_agent_named() {
    let server = Server::start();
    let dir = briefing_with(None);
    let out = import(dir.path(), &[&server.url("/quay")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let written = std::fs::read_to_string(
        dir.path()
            .join("content/articles/harbour-authority-reopens-the-north-quay.md"),
    )
    .unwrap();
    assert_eq!(
        written,
        format!(
            "---\n# fetched from {url}\n{}\
             # url: from the address it was fetched from\n\
             url: \"{url}\"\n\
             # language: from <html lang>\n\
             language: en\n\
             ---\n\n\
             The harbour authority reopened the north quay on Thursday after six weeks of repairs to its sea wall.\n\n\
             Ferries will call there again from Monday, the authority said in a statement.\n",
            &QUAY_BODY[4..],
            url = server.url("/quay")
        )
    );
    let requests = server.requests.lock().unwrap();
    let head = requests[0].to_ascii_lowercase();
    assert!(
        head.contains(&format!(
            "\r\nuser-agent: briefing/{} (static site builder; article import)\r\n",
            env!("CARGO_PKG_VERSION")
        )),
        "{head}"
    );
    assert!(head.contains("\r\naccept-encoding: gzip"), "{head}");
    let check = crate::support::briefing(dir.path(), &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}

#[test]
fn a_redirect_is_followed_and_a_gzip_page_is_read() {
    let server = Server::start();
    let dir = briefing_with(None);
    let out = import(
        dir.path(),
        &["--dry-run", &server.url("/moved"), &server.url("/gzip")],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let printed = crate::support::stdout(&out);
    assert!(
        printed.starts_with(&format!(
            "---\n# fetched from {}, redirected to {}\n{}",
            server.url("/moved"),
            server.url("/quay"),
            &QUAY_BODY[4..]
        )),
        "{printed}"
    );
    assert!(
        printed.contains(&format!("url: \"{}\"\n", server.url("/quay"))),
        "{printed}"
    );
    // The page names its canonical address: that stays `url`, the fetched one a comment.
    assert!(
        printed.contains(&format!(
            "---\n# fetched from {}\n# title: from meta og:title\n",
            server.url("/gzip")
        )),
        "{printed}"
    );
    assert!(
        printed.contains("url: \"https://elcorreo.example/ley-de-puentes\"\n"),
        "{printed}"
    );
}

#[test]
fn an_address_that_fails_exits_2_naming_it_and_writes_nothing() {
    let server = Server::start();
    let dir = briefing_with(None);
    let before = crate::support::snapshot(&dir.path().join("content"));
    let page = fixtures().join("import/head-metadata-es.html");
    let out = import(
        dir.path(),
        &[
            page.to_str().unwrap(),
            &server.url("/gone"),
            &server.url("/quay"),
        ],
    );
    assert_eq!(
        stderr(&out),
        format!(
            "error: could not fetch `{}`: the server answered 404 Not Found; nothing was written\n",
            server.url("/gone")
        )
    );
    assert_eq!(out.status.code(), Some(2));

    let out = import(
        dir.path(),
        &["--timeout", "1", &server.url("/slow"), &server.url("/gone")],
    );
    assert_eq!(
        stderr(&out),
        format!(
            "error: could not fetch 2 addresses; nothing was written\n  \
             `{}`: no answer within 1 s\n  \
             `{}`: the server answered 404 Not Found\n",
            server.url("/slow"),
            server.url("/gone")
        )
    );
    assert_eq!(out.status.code(), Some(2));

    let nobody = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/quay", l.local_addr().unwrap())
    };
    let out = import(dir.path(), &[&nobody]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with(&format!("error: could not fetch `{nobody}`: ")),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        crate::support::snapshot(&dir.path().join("content")),
        before
    );
}

#[test]
fn an_address_that_is_no_page_is_a_content_error() {
    let server = Server::start();
    let dir = briefing_with(None);
    let out = import(dir.path(), &[&server.url("/report.pdf")]);
    assert_eq!(
        stderr(&out),
        format!(
            "error[import]: cannot import `{}`: the server sent application/pdf, not a web page or a text\n \
             = hint: open the page in a browser, save it, and import the file\n\n\
             error: 1 error found; nothing was written\n",
            server.url("/report.pdf")
        )
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_folder_and_a_mixed_list_import_in_one_run_or_not_at_all() {
    let server = Server::start();
    let dir = briefing_with(None);
    let pages = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixtures().join("import/head-metadata-es.html"),
        pages.path().join("a.HTML"),
    )
    .unwrap();
    std::fs::copy(
        fixtures().join("import/002-turkiye-today.txt"),
        pages.path().join("b.txt"),
    )
    .unwrap();
    std::fs::write(pages.path().join("notes.md"), "not a page").unwrap();
    std::fs::copy(
        fixtures().join("import/no-date.html"),
        pages.path().join("c.htm"),
    )
    .unwrap();
    let folder = pages.path().to_str().unwrap();

    // One page of the folder has no date: nothing is written, and it is named.
    let before = crate::support::snapshot(&dir.path().join("content"));
    let out = import(dir.path(), &[folder, &server.url("/quay")]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with(&format!(
            "error[import]: cannot import `{}`: found no date",
            pages.path().join("c.htm").display()
        )),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        crate::support::snapshot(&dir.path().join("content")),
        before
    );

    std::fs::remove_file(pages.path().join("c.htm")).unwrap();
    let out = import(dir.path(), &[folder, &server.url("/quay")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = stderr(&out);
    let lines: Vec<&str> = report
        .lines()
        .filter(|l| l.starts_with("imported "))
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(
        lines,
        [
            "imported content/articles/el-gobierno-aprueba-la-ley-de-puentes.md",
            "imported content/articles/cuban-security-advisers-leave-venezuela-amid-us-pressure.md",
            "imported content/articles/harbour-authority-reopens-the-north-quay.md",
        ]
    );

    let empty = tempfile::tempdir().unwrap();
    let out = import(dir.path(), &[empty.path().to_str().unwrap()]);
    assert_eq!(
        stderr(&out),
        format!(
            "error: `{}` holds no page to import: no .html, .htm or .txt file\n",
            empty.path().display()
        )
    );
    assert_eq!(out.status.code(), Some(2));
}
