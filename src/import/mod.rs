//! An *import* turns one scraped article — plain text as copied from a web page, or the
//! page's HTML — into an article file of the briefing: YAML front matter, then the text
//! as Markdown. What the page wrapped around the article (navigation, share buttons,
//! photo credits, a caption shown twice, comment widgets, separators, copyright lines,
//! "More From …" links) is *stripped*, and every stripped line is reported with its
//! reason so nothing disappears silently. A headline, a byline and a date line the import
//! recognises become `title`, `author` and `published`.
//!
//! [`article`] is pure: text in, file text and report out (`pipeline`). [`run`] reads the
//! files and writes `content/articles/<id>.md` (`command`). Between them: `html` splits a
//! page into text blocks, `metadata` reads the headline and byline at the top, `rules`
//! holds the rules about one line, each a small function tested with lines taken from
//! real scraped pages, `dates` reads date lines, and `output` writes the Markdown and
//! YAML. The article's own words are kept verbatim.

mod command;
mod dates;
mod html;
mod metadata;
mod output;
mod pipeline;
mod rules;

pub use command::{Options, Report, run};
pub use pipeline::{Imported, Problem, Stripped, article};
