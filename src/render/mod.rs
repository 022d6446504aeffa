//! *Rendering* turns the content and the analysis into pages: HTML from the theme's
//! templates, the data exports as JSON, the feeds and crawl files, and the theme's
//! static files. A [`Site`] knows every page it can make and makes one on demand, so
//! the writer can render in parallel and write each page as soon as it exists, without
//! holding the whole site in memory.

mod charts;
mod comparison_grid;
mod data;
pub mod depends;
mod feeds;
pub mod i18n;
pub mod lists;
mod meta;
mod pages;
mod report;
pub mod search;
mod side_by_side;
pub mod theme;
mod urls;
mod view;

use std::collections::BTreeMap;

use rayon::prelude::*;
use tera::{Context, Tera};

use crate::analyse::Analysis;
use crate::content::Briefing;
use crate::error::Failure;
pub use lists::List;
pub use theme::Theme;
use view::Index;
pub use view::escape;

/// What the renderer needs besides the content.
#[derive(Debug, Clone)]
pub struct Options {
    /// The address the site is published at, with a trailing slash.
    pub base_url: String,
}

/// One output file of the site.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Page {
    Home,
    Person(usize),
    /// `/timeline/`: the years and months, with counts.
    Timeline,
    /// `/timeline/events.json`: where each event's anchor is, for links made before
    /// the timeline had a page per month.
    TimelineAnchors,
    Comparison(usize),
    Story(usize),
    /// A compared pair of a story's articles worth reading side by side: the story's
    /// position and the pair's.
    Pair(usize, usize),
    Article(usize),
    /// Page `n` (1-based) of a list: the article index, an outlet's articles, a
    /// person's mentions…
    List(List, u32),
    NotFound,
    Static(String),
    /// A file of the data exports, by its path below `data/`.
    DataFile(String),
    /// `/search/`, and the files of its index under `search/`.
    Search,
    SearchFile(String),
    /// `/report/`: the whole briefing as one printable document.
    Report,
    /// `/data/`: what each data export holds.
    DataIndex,
    /// `/feed.xml` and `/people/<id>/feed.xml`.
    Feed,
    PersonFeed(usize),
    /// `/sitemap.xml`: every page's address, or the index of the files that follow
    /// it when one file cannot hold them all.
    Sitemap,
    /// `/sitemap-<n>.xml`, from 1.
    SitemapPart(usize),
    Robots,
}

impl Page {
    /// The kind of page, for timings and logs.
    pub fn kind(&self) -> &'static str {
        match self {
            Page::Home => "home",
            Page::Person(_) => "person",
            Page::Timeline => "timeline",
            Page::TimelineAnchors => "timeline-anchors",
            Page::Comparison(_) => "comparison",
            Page::Story(_) => "story",
            Page::Pair(..) => "pair",
            Page::Article(_) => "article",
            Page::List(list, _) => list.kind(),
            Page::NotFound => "404",
            Page::Static(_) => "static",
            Page::DataFile(_) => "data",
            Page::Search => "search",
            Page::SearchFile(_) => "search-file",
            Page::Report => "report",
            Page::DataIndex => "data-index",
            Page::Feed => "feed",
            Page::PersonFeed(_) => "person-feed",
            Page::Sitemap | Page::SitemapPart(_) => "sitemap",
            Page::Robots => "robots",
        }
    }
}

/// The buffer a page is rendered through: larger than all but the largest pages, so
/// most are written with one call.
const PAGE_BUFFER: usize = 256 * 1024;

/// A rendered page: where it goes, relative to the output folder, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// A site ready to render: the content, the analysis, the compiled templates and the
/// lookups every page shares.
pub struct Site<'a> {
    pub(crate) briefing: &'a Briefing,
    pub(crate) analysis: &'a Analysis,
    pub(crate) theme: &'a Theme,
    pub(crate) options: Options,
    pub(crate) tera: Tera,
    /// The site's own words, in the briefing's language.
    pub(crate) words: i18n::Words,
    pub(crate) index: Index<'a>,
    /// The search index: built once, when first asked for, as the shard split depends
    /// on every term; its files are made when written. The dev server renders pages
    /// readers have open before it.
    search: std::sync::OnceLock<search::Index>,
    /// The salt of the build, and the terms the last build saved, when the index is
    /// to reuse and save its documents' terms ([`Site::keep_search_terms`]).
    search_terms: std::sync::Mutex<Option<(u64, Option<search::SavedTerms>)>>,
    /// How the data exports are cut into files: planned when first asked for, so
    /// pages readers have open do not wait for it.
    pub(crate) data: std::sync::OnceLock<data::Plan>,
    /// The sitemap's `<url>` lines, made when first asked for.
    sitemap: std::sync::OnceLock<Vec<feeds::SitemapUrl>>,
    /// Every page but the search index's files.
    pages: Vec<Page>,
    /// The output path of each of `pages`, made once: the sitemap and the dev server
    /// need every one before a page is rendered.
    paths: Vec<String>,
}

/// Prepares a site: compiles the templates and lists the pages.
pub fn site<'a>(
    briefing: &'a Briefing,
    analysis: &'a Analysis,
    theme: &'a Theme,
    options: Options,
) -> Result<Site<'a>, Failure> {
    let mut site = unlisted(briefing, analysis, theme, options, None)?;
    site.list();
    Ok(site)
}

/// The theme's templates compiled, with the words of the site's language that they
/// read: what every page is rendered through. Compiling them takes longer than
/// rendering the page a reader has open, so the dev server keeps them from one save to
/// the next ([`Site::into_templates`]) while neither the theme nor the language
/// changed.
pub struct Templates {
    tera: Tera,
    words: i18n::Words,
    /// What they were compiled from: every file of the theme (its word tables too), and
    /// the briefing's language.
    theme: Theme,
    language: String,
}

impl Templates {
    /// Compiles the templates of `theme` with the words of `language`.
    fn compile(theme: &Theme, language: &str) -> Result<Templates, Failure> {
        let words = i18n::Words::load(language, theme)?;
        let mut tera = Tera::new();
        i18n::register(&mut tera, &words);
        tera.add_raw_templates(theme.templates())
            .map_err(|e| Failure::Template {
                name: "templates".to_string(),
                message: e.to_string(),
            })?;
        Ok(Templates {
            tera,
            words,
            theme: theme.clone(),
            language: language.to_string(),
        })
    }

    /// Whether these are the templates [`Templates::compile`] makes of `theme` and
    /// `language`.
    fn compiled_from(&self, theme: &Theme, language: &str) -> bool {
        self.language == language && self.theme.files == theme.files
    }
}

/// [`site`] without its list of pages, which takes a walk of every article, person and
/// story: a page renders from it as from the listed site, but [`Site::main_pages`] and
/// [`Site::main_paths`] are empty until [`Site::list`], and so are the sitemap and
/// the feeds, which list every page. The dev server renders the open article's page
/// from it before listing the rest, through the templates it `kept` from the last
/// site when they were compiled from the same theme and language.
pub fn unlisted<'a>(
    briefing: &'a Briefing,
    analysis: &'a Analysis,
    theme: &'a Theme,
    options: Options,
    kept: Option<Templates>,
) -> Result<Site<'a>, Failure> {
    let language = &briefing.config.language;
    let kept = kept.filter(|t| t.compiled_from(theme, language));
    let Templates {
        mut tera,
        mut words,
        ..
    } = match kept {
        Some(kept) => kept,
        None => Templates::compile(theme, language)?,
    };
    // Every list of articles writes their days of publication. Days remembered for
    // articles since gone are written as they would be anew.
    words.remember_days(briefing.articles.iter().map(|a| a.published.date));
    // The only value of the templates that the content gives: set again for each site.
    tera.global_context()
        .insert("site", &meta::site_value(briefing, &options));
    let index = Index::new(briefing, analysis);
    Ok(Site {
        briefing,
        analysis,
        theme,
        options,
        tera,
        words,
        index,
        search: Default::default(),
        search_terms: Default::default(),
        data: Default::default(),
        sitemap: Default::default(),
        pages: Vec::new(),
        paths: Vec::new(),
    })
}

impl<'a> Site<'a> {
    /// The site's compiled templates, for the next site [`unlisted`] makes.
    pub fn into_templates(self) -> Templates {
        Templates {
            tera: self.tera,
            words: self.words,
            theme: self.theme.clone(),
            language: self.briefing.config.language.clone(),
        }
    }

    /// Lists the pages of a site made [`unlisted`], and their paths.
    pub fn list(&mut self) {
        self.pages = self.list_pages();
        self.paths = self.pages.par_iter().map(|page| self.path(page)).collect();
        // Last: how many files the sitemap needs depends on every other page.
        let parts = feeds::sitemap_parts(self, feeds::SITEMAP_LIMITS);
        let parts = (1..=parts).map(Page::SitemapPart);
        let paths: Vec<String> = parts.clone().map(|page| self.path(&page)).collect();
        self.pages.extend(parts);
        self.paths.extend(paths);
    }

    /// Every page but the search index's files: the overview pages, each page of each
    /// list, the pairs worth a page, the feeds, the exports and the theme's files.
    fn list_pages(&self) -> Vec<Page> {
        let (briefing, analysis, theme) = (self.briefing, self.analysis, self.theme);
        // The two pages that each take the longest first: the pages are rendered in
        // parallel in this order, and one of them last would keep one core busy alone
        // at the end (the report; the exports' page, which plans the exports).
        let mut pages = vec![
            Page::Report,
            Page::DataIndex,
            Page::Home,
            Page::Timeline,
            Page::TimelineAnchors,
            Page::NotFound,
        ];
        pages.extend((0..briefing.people.len()).map(Page::Person));
        pages.extend((0..briefing.comparisons.len()).map(Page::Comparison));
        pages.extend((0..analysis.stories.len()).map(Page::Story));
        for (s, story) in analysis.stories.iter().enumerate() {
            let worth = story.pairs.iter().enumerate();
            pages.extend(
                worth
                    .filter(|(_, p)| pages::worth_a_page(p))
                    .map(|(p, _)| Page::Pair(s, p)),
            );
        }
        pages.extend((0..briefing.articles.len()).map(Page::Article));
        for list in self.lists() {
            pages.extend((1..=list.pages(self)).map(|n| Page::List(list.clone(), n)));
        }
        pages.extend(theme.statics().map(|(n, _)| Page::Static(n.to_string())));
        pages.extend([Page::Search, Page::Feed, Page::Sitemap, Page::Robots]);
        pages.extend((0..briefing.people.len()).map(Page::PersonFeed));
        pages
    }

    /// Every list of the site. A person's or a story's own lists exist only when
    /// they are longer than what the person's or the story's page shows.
    fn lists(&self) -> Vec<List> {
        let (b, ix) = (self.briefing, &self.index);
        let mut lists = vec![List::Articles, List::People, List::Outlets, List::Compare];
        if !ix.unattributed().is_empty() {
            lists.push(List::Unattributed);
        }
        for id in b.outlets.keys() {
            lists.push(List::Outlet(id.clone()));
            if ix.derived_by_outlet.contains_key(id.as_str()) {
                lists.push(List::OutletCopies(id.clone()));
            }
        }
        for (i, p) in b.people.iter().enumerate() {
            if ix.person_articles(&p.id).len() > pages::PERSON_ARTICLES {
                lists.extend([List::PersonMentions(i), List::PersonArticles(i)]);
            }
            // Counted, not sorted: the dev server lists the pages before it renders one.
            let quotes = ix.quotes_by_person.get(&p.id).map_or(0, Vec::len);
            if quotes > pages::PERSON_QUOTES {
                lists.push(List::PersonQuotes(i));
            }
            // Every person with events has their list: it is also the timeline
            // narrowed to them, linked from the timeline page.
            if ix.events_by_person.contains_key(p.id.as_str()) {
                lists.push(List::PersonEvents(i));
            }
        }
        for (i, s) in self.analysis.stories.iter().enumerate() {
            if s.articles.len() > pages::STORY_ARTICLES {
                lists.push(List::StoryMembers(i));
            }
            if s.pairs.len() > pages::STORY_PAIRS {
                lists.push(List::StoryPairs(i));
            }
        }
        let mut years = std::collections::BTreeSet::new();
        for ((year, month), _) in ix.periods_with_counts() {
            years.insert(year);
            if month > 0 {
                lists.push(List::Period(year, month));
            }
        }
        lists.extend(years.into_iter().map(|y| List::Period(y, 0)));
        if !ix.derived_conflicts().is_empty() {
            lists.push(List::Conflicts);
        }
        lists
    }

    /// Every page of the site.
    pub fn pages(&self) -> Vec<Page> {
        let mut all = self.pages.clone();
        all.extend(self.data_files());
        all.extend(self.search_files());
        all
    }

    /// How the data exports are cut into files.
    pub(crate) fn data(&self) -> &data::Plan {
        self.data.get_or_init(|| data::Plan::new(self))
    }

    /// The files of the data exports, which planning them tells; last their manifest,
    /// which describes the others and so is written after them.
    pub fn data_files(&self) -> Vec<Page> {
        let files = self.data().files();
        files.map(|f| Page::DataFile(f.to_string())).collect()
    }

    /// Gives the data exports the manifest of the site an incremental build replaces
    /// (its bytes): the bytes of the shards the build links from that site rather
    /// than writes are those it lists.
    pub fn previous_data_manifest(&self, manifest: &[u8]) {
        self.data().remember(manifest);
    }

    /// The files of the search index, which building it tells.
    pub fn search_files(&self) -> Vec<Page> {
        let names = self.search().file_names().into_iter();
        names.map(Page::SearchFile).collect()
    }

    /// How many document files the search index has (`search/f/`): most of its files,
    /// known without building it.
    pub fn search_documents_files(&self) -> usize {
        let places = self.index.search_places();
        let quotes = places.quote_count();
        let others = search::count(self.briefing, self.analysis, places) - quotes;
        others.div_ceil(search::DOCS_PER_FILE) + quotes.div_ceil(search::QUOTES_PER_FILE)
    }

    /// Items a page of a list holds (`page_size` of briefing.yaml).
    pub(crate) fn page_size(&self) -> usize {
        self.briefing.config.page_size.get()
    }

    /// Every page but the files of the data exports and of the search index, without
    /// measuring the one or building the other.
    pub fn main_pages(&self) -> &[Page] {
        &self.pages
    }

    /// The output path of each of [`Site::main_pages`], in the same order.
    pub fn main_paths(&self) -> &[String] {
        &self.paths
    }

    fn search(&self) -> &search::Index {
        self.search.get_or_init(|| {
            let terms = self.search_terms.lock().ok().and_then(|mut t| t.take());
            let key = |d| depends::search_document(self, d);
            let keyed = terms.map(|(salt, old)| search::Keyed {
                key: &key,
                old,
                salt,
            });
            let places = self.index.search_places();
            search::Index::build(self.briefing, self.analysis, places, &self.words, keyed)
        })
    }

    /// Has the search index, when it is built, reuse the terms of the documents whose
    /// terms `saved` (a file [`Site::save_search_terms`] wrote in a build of `salt`)
    /// holds unchanged, and keep every document's terms for the next build.
    pub fn keep_search_terms(&self, salt: u64, saved: Option<std::fs::File>) {
        let old = saved.and_then(|file| search::SavedTerms::read(file, salt));
        if let Ok(mut terms) = self.search_terms.lock() {
            *terms = Some((salt, old));
        }
    }

    /// Writes the search index's terms of each document to `out`, for the next build
    /// to reuse, when the index was built and asked to keep them
    /// ([`Site::keep_search_terms`]); `None` when it was not.
    pub fn save_search_terms(&self, out: &mut dyn std::io::Write) -> Option<std::io::Result<()>> {
        self.search.get()?.save_terms(out)
    }

    /// Whether [`Site::save_search_terms`] has terms to write.
    pub fn has_search_terms(&self) -> bool {
        self.search
            .get()
            .is_some_and(search::Index::has_saved_terms)
    }

    /// The output path of a page, relative to the output folder.
    pub fn path(&self, page: &Page) -> String {
        match page {
            Page::Home => "index.html".into(),
            Page::Person(i) => urls::file(&urls::person(&self.briefing.people[*i].id)),
            Page::Timeline => urls::file(urls::TIMELINE),
            Page::TimelineAnchors => urls::TIMELINE_ANCHORS.into(),
            Page::Comparison(i) => urls::file(&urls::comparison(&self.briefing.comparisons[*i].id)),
            Page::Story(i) => urls::file(&urls::comparison(&self.analysis.stories[*i].id)),
            Page::Pair(s, p) => urls::file(&pages::pair_base(&self.analysis.stories[*s].pairs[*p])),
            Page::Article(i) => urls::file(&urls::article(&self.briefing.articles[*i].id)),
            Page::List(list, n) => list.path(self, *n),
            Page::NotFound => "404.html".into(),
            Page::Static(name) => name.clone(),
            Page::DataFile(name) => format!("{}{name}", urls::DATA),
            Page::Search => urls::file(urls::SEARCH),
            Page::SearchFile(name) => format!("{}{name}", urls::SEARCH),
            Page::Report => urls::file(urls::REPORT),
            Page::DataIndex => urls::file(urls::DATA),
            Page::Feed => urls::FEED.into(),
            Page::PersonFeed(i) => urls::person_feed(&self.briefing.people[*i].id),
            Page::Sitemap => "sitemap.xml".into(),
            Page::SitemapPart(n) => format!("sitemap-{n}.xml"),
            Page::Robots => "robots.txt".into(),
        }
    }

    /// Renders one page.
    pub fn render(&self, page: &Page) -> Result<Rendered, Failure> {
        self.render_at(page, self.path(page))
    }

    /// [`Site::render`] for a page whose path the caller has already made.
    pub fn render_at(&self, page: &Page, path: String) -> Result<Rendered, Failure> {
        let mut bytes = Vec::new();
        self.render_into(page, &path, &mut bytes)?
            .expect("writing to memory cannot fail");
        Ok(Rendered { path, bytes })
    }

    /// Renders `page`, whose path is `path`, into `out`; the outer error is the
    /// page's (a template's), the inner one `out`'s. Templates, the data exports and
    /// the feeds are written to `out` as they are made, through one buffer, so a page is never
    /// held whole (the report and the data exports grow with the briefing); a page
    /// smaller than the buffer is still written at once.
    pub fn render_into(
        &self,
        page: &Page,
        path: &str,
        out: &mut dyn std::io::Write,
    ) -> Result<std::io::Result<()>, Failure> {
        // Files whole in memory are written at once.
        let whole = match page {
            Page::Static(name) => {
                let bytes = self.theme.statics().find(|(n, _)| n == name);
                return Ok(out.write_all(bytes.map_or(&[][..], |(_, b)| b)));
            }
            Page::SearchFile(name) => {
                let places = self.index.search_places();
                let file =
                    self.search()
                        .file(self.briefing, self.analysis, places, &self.words, name);
                Some(file)
            }
            Page::Sitemap => Some(feeds::sitemap(self, 0, feeds::SITEMAP_LIMITS)),
            Page::SitemapPart(n) => Some(feeds::sitemap(self, *n, feeds::SITEMAP_LIMITS)),
            Page::Robots => Some(feeds::robots(self)),
            Page::TimelineAnchors => Some(pages::timeline_anchors(self)),
            _ => None,
        };
        if let Some(bytes) = whole {
            return Ok(out.write_all(&bytes));
        }
        // The others are written as they are made, all through this one buffer.
        let mut buffered = std::io::BufWriter::with_capacity(PAGE_BUFFER, out);
        let written = match page {
            Page::DataFile(name) => data::file(self, name, &mut buffered),
            Page::Feed => feeds::site_feed(self, &mut buffered),
            Page::PersonFeed(i) => feeds::person_feed(self, *i, &mut buffered),
            _ => {
                let (template, context) = pages::context(self, page, path)?;
                self.html(template, &context, &mut buffered)?
            }
        };
        Ok(written.and_then(|()| std::io::Write::flush(&mut buffered)))
    }

    /// Renders `template` into `out`: a template's error is the outer one, a write's
    /// the inner one.
    fn html(
        &self,
        template: &str,
        context: &Context,
        out: &mut dyn std::io::Write,
    ) -> Result<std::io::Result<()>, Failure> {
        match self.tera.render_to(template, context, out) {
            Ok(()) => Ok(Ok(())),
            Err(e) => match e.kind() {
                tera::ErrorKind::Io(kind) => Ok(Err(std::io::Error::new(*kind, error_chain(&e)))),
                _ => Err(Failure::Template {
                    name: template.to_string(),
                    message: error_chain(&e),
                }),
            },
        }
    }

    /// Renders `template` whole, as a part of a page.
    fn fragment(&self, template: &str, context: &Context) -> Result<String, Failure> {
        self.tera
            .render(template, context)
            .map_err(|e| Failure::Template {
                name: template.to_string(),
                message: error_chain(&e),
            })
    }

    /// Renders every page, in parallel, in memory: for tests and the dev server.
    pub fn render_all(&self) -> Result<BTreeMap<String, Vec<u8>>, Failure> {
        self.pages()
            .par_iter()
            .map(|p| self.render(p).map(|r| (r.path, r.bytes)))
            .collect()
    }
}

/// A tera error with its causes: the top message alone often says only "failed to
/// render".
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_templates_serve_until_the_theme_or_the_language_changes() {
        let dir = crate::testing::default_briefing();
        let loaded = crate::load::briefing(dir.path()).unwrap();
        let mut briefing = loaded.briefing;
        let analysis = Analysis::default();
        let options = Options {
            base_url: "http://127.0.0.1:1111/".to_string(),
        };
        let theme = Theme::default_theme();
        // Kept templates carry a mark of their own: a site made with them has it.
        let marked = || {
            let mut t = Templates::compile(&theme, &briefing.config.language).unwrap();
            t.tera.add_raw_template("marked", "kept").unwrap();
            t
        };
        let has_mark = |site: &Site| site.tera.get_template_names().any(|n| n == "marked");
        let site = unlisted(
            &briefing,
            &analysis,
            &theme,
            options.clone(),
            Some(marked()),
        );
        let again = site.unwrap().into_templates();
        let site = unlisted(&briefing, &analysis, &theme, options.clone(), Some(again));
        assert!(has_mark(&site.unwrap()), "the same theme and language");
        let mut edited = theme.clone();
        let base = edited.files.get_mut("base.html").unwrap();
        base.extend_from_slice(b"<!-- edited -->");
        let site = unlisted(
            &briefing,
            &analysis,
            &edited,
            options.clone(),
            Some(marked()),
        );
        assert!(!has_mark(&site.unwrap()), "an edited template");
        let kept = marked();
        briefing.config.language = "es".to_string();
        let site = unlisted(&briefing, &analysis, &theme, options, Some(kept)).unwrap();
        assert!(!has_mark(&site), "another language");
        assert_eq!(site.words.code, "es");
    }

    /// A writer whose every write fails, as a full disk would.
    struct Full;

    impl std::io::Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "disk full",
            ))
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_failed_write_is_the_outputs_error_not_the_pages() {
        // Pages are rendered straight into their file: a write that fails mid-page must
        // come back as the file's error (reported with its path), never as a template
        // error, whatever kind of page it is.
        let dir = crate::testing::default_briefing();
        // One article longer than the buffer pages are rendered through, so that its
        // page fails while the template is still rendering, not only when flushed.
        let articles = dir.path().join("content/articles");
        let first = std::fs::read_dir(&articles)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .min()
            .unwrap();
        let mut text = std::fs::read_to_string(&first).unwrap();
        for i in 0..PAGE_BUFFER / 64 {
            text.push_str(&format!(
                "\nA paragraph added to make the page long, number {i}.\n"
            ));
        }
        std::fs::write(&first, text).unwrap();
        let loaded = crate::load::briefing(dir.path()).unwrap();
        let analysis = crate::analyse::run(&loaded.briefing);
        let theme = Theme::default_theme();
        let options = crate::render_options(&loaded, None);
        let site = site(&loaded.briefing, &analysis, &theme, options).unwrap();
        let (data, search) = (site.data_files(), site.search_files());
        for page in site.main_pages().iter().chain(&data).chain(&search) {
            let path = site.path(page);
            let written = site.render_into(page, &path, &mut Full);
            match written {
                Ok(Err(e)) => assert_eq!(e.kind(), std::io::ErrorKind::StorageFull, "{path}"),
                Ok(Ok(())) => panic!("{path}: a failed write went unnoticed"),
                Err(e) => panic!("{path}: a failed write reported as the page's: {e:?}"),
            }
        }
    }
}
