//! An *import* turns one scraped article — plain text as copied from a web page, or the
//! page's HTML — into an article file of the briefing: YAML front matter, then the text
//! as Markdown. What the page wrapped around the article (navigation, share buttons,
//! photo credits, a caption shown twice, comment widgets, separators, copyright lines,
//! "More From …" links) is *stripped*, and every stripped line is reported with its
//! reason so nothing disappears silently. What the page's head says (Open Graph,
//! JSON-LD, Dublin Core, `<link rel=canonical>`, `<html lang>`), then a headline, a
//! byline and a date line the import recognises, become `title`, `author`,
//! `published`, `url` and `language`, each with a comment saying where it came from.
//!
//! [`article`] is pure: text in, file text and report out (`pipeline`). [`run`] reads the
//! files, fetches the addresses (`fetch`) and writes `content/articles/<id>.md`
//! (`command`). Between them: `html` splits a
//! page into text blocks, `metadata` reads the page's head and the headline and byline
//! at the top, `rules` holds the rules about one line, each a small function tested with
//! lines taken from real scraped pages, `dates` reads date lines, and `output` writes
//! the Markdown and YAML, and names the file. The article's own words are kept verbatim.

mod command;
mod dates;
mod fetch;
mod html;
mod metadata;
mod output;
mod pipeline;
mod rules;

pub use command::{Input, KnownOutlet, Options, Report, run};
pub use pipeline::{Imported, Problem, Stripped, article};
