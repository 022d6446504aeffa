//! The *config* is `briefing.yaml` at the root of a briefing: the site's title,
//! description, base URL, language, the people it features, an optional time zone and
//! how many entries its feeds carry.

use std::num::NonZeroUsize;

use serde::Deserialize;

/// `briefing.yaml` as written. Unknown keys are errors: a typo must not pass silently.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub base_url: String,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default)]
    pub featured: Vec<String>,
    /// An IANA name or a fixed offset such as `+03:00`; only shown, never used to read
    /// the clock.
    #[serde(default)]
    pub timezone: Option<String>,
    /// Items a page of a list holds (every article, an outlet's articles, a story's
    /// pairs…); lists of longer items hold fewer (see `render::lists`).
    #[serde(default = "default_page_size")]
    pub page_size: std::num::NonZeroUsize,
    /// How many entries each Atom feed carries, the newest first.
    #[serde(default = "default_feed_entries")]
    pub feed_entries: NonZeroUsize,
}

/// A feed reader shows the latest; the site has every entry.
pub const DEFAULT_FEED_ENTRIES: NonZeroUsize = NonZeroUsize::new(50).unwrap();

fn default_feed_entries() -> NonZeroUsize {
    DEFAULT_FEED_ENTRIES
}

fn default_language() -> String {
    "en".to_string()
}

fn default_page_size() -> std::num::NonZeroUsize {
    std::num::NonZeroUsize::new(100).expect("not zero")
}

impl Config {
    /// The base URL with exactly one trailing slash.
    pub fn base_url(&self) -> String {
        format!("{}/", self.base_url.trim_end_matches('/'))
    }
}

/// Whether a base URL's host is one reserved for examples (RFC 2606: `example.org`,
/// `.com`, `.net`, their subdomains, and the `.example` domain): a briefing published
/// with it would have every canonical link, feed and sitemap address point nowhere.
pub fn placeholder_base_url(s: &str) -> bool {
    let Some(rest) = s
        .trim()
        .strip_prefix("https://")
        .or_else(|| s.trim().strip_prefix("http://"))
    else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    ["example.org", "example.com", "example.net", "example"]
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")))
}

/// Whether `s` is a usable base URL: absolute http(s), or a root-relative path.
pub fn valid_base_url(s: &str) -> bool {
    let s = s.trim();
    (s.starts_with("https://") || s.starts_with("http://") || s.starts_with('/'))
        && !s.contains(char::is_whitespace)
        && !s.contains(['"', '<', '>', '\\'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_base_urls() {
        let table = [
            ("https://example.org/", true),
            ("https://example.org", true),
            ("http://EXAMPLE.com/briefing/", true),
            ("https://briefings.example.net/venezuela/", true),
            ("https://user@example.org:8080/x/", true),
            ("https://example.org./", true),
            ("https://site.example/", true),
            ("https://example.organic.news/", false),
            ("https://myexample.org/", false),
            ("https://briefing.test/harbour/", false),
            ("https://news.example.co.uk/", false),
            ("/", false),
            ("/example.org/", false),
        ];
        for (url, placeholder) in table {
            assert_eq!(placeholder_base_url(url), placeholder, "{url}");
        }
    }
}
