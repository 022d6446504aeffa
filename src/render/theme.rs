//! The *theme* is the set of templates and static files pages are made from. The
//! default theme is embedded in the binary; a briefing's own `templates/` folder
//! overrides any file of it by name, and may add static files of its own.

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::Failure;

/// The default theme, embedded at compile time so the binary works anywhere.
const DEFAULT: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    (
        "partials/source.html",
        include_str!("../../templates/partials/source.html"),
    ),
    (
        "partials/event.html",
        include_str!("../../templates/partials/event.html"),
    ),
    (
        "partials/article-list.html",
        include_str!("../../templates/partials/article-list.html"),
    ),
    (
        "partials/mention-group.html",
        include_str!("../../templates/partials/mention-group.html"),
    ),
    (
        "partials/pager.html",
        include_str!("../../templates/partials/pager.html"),
    ),
    (
        "partials/pair-table.html",
        include_str!("../../templates/partials/pair-table.html"),
    ),
    (
        "partials/difference-table.html",
        include_str!("../../templates/partials/difference-table.html"),
    ),
    (
        "partials/report-story.html",
        include_str!("../../templates/partials/report-story.html"),
    ),
    (
        "partials/report-parts.html",
        include_str!("../../templates/partials/report-parts.html"),
    ),
    ("index.html", include_str!("../../templates/index.html")),
    ("people.html", include_str!("../../templates/people.html")),
    ("person.html", include_str!("../../templates/person.html")),
    (
        "timeline.html",
        include_str!("../../templates/timeline.html"),
    ),
    ("compare.html", include_str!("../../templates/compare.html")),
    (
        "comparison.html",
        include_str!("../../templates/comparison.html"),
    ),
    ("story.html", include_str!("../../templates/story.html")),
    ("pair.html", include_str!("../../templates/pair.html")),
    (
        "story-list.html",
        include_str!("../../templates/story-list.html"),
    ),
    (
        "person-list.html",
        include_str!("../../templates/person-list.html"),
    ),
    ("period.html", include_str!("../../templates/period.html")),
    (
        "conflicts.html",
        include_str!("../../templates/conflicts.html"),
    ),
    (
        "articles.html",
        include_str!("../../templates/articles.html"),
    ),
    ("article.html", include_str!("../../templates/article.html")),
    ("outlets.html", include_str!("../../templates/outlets.html")),
    ("outlet.html", include_str!("../../templates/outlet.html")),
    ("404.html", include_str!("../../templates/404.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("report.html", include_str!("../../templates/report.html")),
    ("data.html", include_str!("../../templates/data.html")),
    ("i18n/en.yaml", super::i18n::TABLES[0].1),
    ("i18n/es.yaml", super::i18n::TABLES[1].1),
    (
        "static/style.css",
        include_str!("../../templates/static/style.css"),
    ),
    (
        "static/search.js",
        include_str!("../../templates/static/search.js"),
    ),
    (
        "static/file.js",
        include_str!("../../templates/static/file.js"),
    ),
    (
        "static/timeline.js",
        include_str!("../../templates/static/timeline.js"),
    ),
];

/// Templates and static files by name (`person.html`, `static/style.css`).
#[derive(Debug, Clone)]
pub struct Theme {
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    /// The embedded default theme alone.
    pub fn default_theme() -> Theme {
        Theme {
            files: DEFAULT
                .iter()
                .map(|(n, t)| (n.to_string(), t.as_bytes().to_vec()))
                .collect(),
        }
    }

    /// The default theme with the briefing's `templates/` laid over it.
    pub fn load(root: &Path) -> Result<Theme, Failure> {
        let mut theme = Theme::default_theme();
        let dir = root.join("templates");
        if !dir.is_dir() {
            return Ok(theme);
        }
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry = entry.map_err(|e| {
                let path = e.path().map_or(dir.clone(), Path::to_path_buf);
                Failure::io(
                    path,
                    "read the templates folder",
                    std::io::Error::other(e.to_string()),
                )
            })?;
            if !entry.file_type().is_file() {
                continue;
            }
            let name = crate::source::relative(&dir, entry.path());
            let bytes = std::fs::read(entry.path())
                .map_err(|e| Failure::io(entry.path(), "read the template", e))?;
            if !name.starts_with("static/") && std::str::from_utf8(&bytes).is_err() {
                return Err(Failure::Template {
                    name,
                    message: "the template is not UTF-8 text".to_string(),
                });
            }
            theme.files.insert(name, bytes);
        }
        Ok(theme)
    }

    /// Templates: every file outside `static/` and the words tables (`i18n/`).
    pub fn templates(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files
            .iter()
            .filter(|(n, _)| !n.starts_with("static/") && !n.starts_with("i18n/"))
            // Checked to be UTF-8 when loaded.
            .map(|(n, t)| (n.as_str(), std::str::from_utf8(t).unwrap_or_default()))
    }

    /// Static files, copied as they are: `static/style.css` → `style.css`.
    pub fn statics(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files
            .iter()
            .filter_map(|(n, t)| n.strip_prefix("static/").map(|n| (n, t.as_slice())))
    }
}
