//! The *HTTP side* of the dev server: pages from memory at the paths the writer would
//! give them (`/people/` is `people/index.html`), the site's `404.html` for anything
//! else, and the reload events. A request path is turned into a page path by
//! [`site_path`], which refuses anything that is not plainly inside the site — even
//! though nothing is read from disk, so that serve and the writer agree on what a page
//! path is.

use std::collections::{HashMap, HashSet};
use std::convert::Infallible;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Query, State};
use axum::http::{Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use futures_util::{Stream, StreamExt, stream};
use tokio::net::TcpListener;
use tokio::sync::{broadcast, watch};

use super::overlay;
use crate::error::Failure;

/// The site being served, shared by the rebuilder and the requests.
pub(crate) struct Shared {
    served: RwLock<Served>,
    signals: broadcast::Sender<Signal>,
    stop: watch::Sender<bool>,
    /// The pages readers have open (listening for reloads), with how many readers.
    open: Mutex<HashMap<String, usize>>,
}

#[derive(Default)]
pub(crate) struct Served {
    pub pages: HashMap<String, Bytes>,
    /// The error panel while the content has errors.
    pub panel: Option<String>,
    /// Counts the updates that changed a page; a page is served with the count of the
    /// moment.
    pub generation: u64,
    /// The count at which each page last changed (was added, edited or removed): a
    /// page served with a lower count is out of date.
    pub stamps: HashMap<String, u64>,
}

/// What open pages are told.
#[derive(Debug, Clone)]
enum Signal {
    /// These pages changed at this count.
    Reload(u64, Arc<HashSet<String>>),
    Panel(Option<String>),
}

impl Shared {
    pub fn new() -> Shared {
        Shared {
            served: RwLock::default(),
            signals: broadcast::channel(16).0,
            stop: watch::channel(false).0,
            open: Mutex::default(),
        }
    }

    /// The pages readers have open now.
    pub fn open_pages(&self) -> HashSet<String> {
        let open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        open.keys().cloned().collect()
    }

    fn read(&self) -> RwLockReadGuard<'_, Served> {
        self.served.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn write(&self) -> RwLockWriteGuard<'_, Served> {
        self.served.write().unwrap_or_else(PoisonError::into_inner)
    }

    /// Serves a good build, updated by `apply`, which returns the pages it changed;
    /// returns how many. Open pages reload if they are among them, and lose the error
    /// panel if they had one.
    pub fn publish(&self, apply: impl FnOnce(&mut Served) -> Vec<String>) -> usize {
        let mut served = self.write();
        let changed = apply(&mut served);
        if served.panel.take().is_some() {
            let _ = self.signals.send(Signal::Panel(None));
        }
        if !changed.is_empty() {
            served.generation += 1;
            let generation = served.generation;
            for path in &changed {
                served.stamps.insert(path.clone(), generation);
            }
            let paths = Arc::new(changed.iter().cloned().collect());
            let _ = self.signals.send(Signal::Reload(generation, paths));
        }
        changed.len()
    }

    /// Keeps the last good build and shows the errors over it.
    pub fn show_errors(&self, text: &str) {
        let panel = overlay::panel(text);
        self.write().panel = Some(panel.clone());
        let _ = self.signals.send(Signal::Panel(Some(panel)));
    }
}

/// The port `serve` listens on when none is given.
pub(crate) const DEFAULT_PORT: u16 = 1111;

/// Listens on the `port` asked for (`0` picks any free one), which must be free: the
/// user named it, and a page or a proxy may expect it. Without one, listens on
/// [`DEFAULT_PORT`], or the next free port when it is taken.
pub(crate) async fn bind(ip: IpAddr, port: Option<u16>) -> Result<TcpListener, Failure> {
    let Some(port) = port else {
        return bind_from(ip, DEFAULT_PORT).await;
    };
    TcpListener::bind((ip, port)).await.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AddrInUse {
            Failure::Other(format!(
                "port {port} on {ip} is taken: stop what listens there, or choose another port with --port (--port 0 picks any free one)"
            ))
        } else {
            Failure::Other(format!("could not listen on {ip}:{port}: {e}"))
        }
    })
}

/// Listens on `port` or, when it is taken, on one of the next 19.
async fn bind_from(ip: IpAddr, port: u16) -> Result<TcpListener, Failure> {
    let mut next = port;
    loop {
        match TcpListener::bind((ip, next)).await {
            Ok(listener) => {
                if next != port {
                    eprintln!("port {port} is taken; using {next}");
                }
                return Ok(listener);
            }
            Err(e)
                if e.kind() == std::io::ErrorKind::AddrInUse
                    && next < port.saturating_add(20)
                    && next < u16::MAX =>
            {
                next += 1;
            }
            Err(e) => {
                return Err(Failure::Other(format!(
                    "could not listen on {ip}:{next}: {e}"
                )));
            }
        }
    }
}

/// Serves until Ctrl-C (or SIGTERM), then lets open requests finish.
pub(crate) async fn serve(listener: TcpListener, shared: Arc<Shared>) -> std::io::Result<()> {
    let app = Router::new()
        .route(overlay::EVENTS, get(events))
        .fallback(page)
        .with_state(shared.clone());
    axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            stop_signal().await;
            // Event streams never end by themselves: end them, or shutdown would wait.
            shared.stop.send_replace(true);
        })
        .await
}

async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = signal(SignalKind::terminate()).expect("SIGTERM handler");
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}

async fn page(State(shared): State<Arc<Shared>>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD\n").into_response();
    }
    let Some(path) = site_path(uri.path()) else {
        return (StatusCode::BAD_REQUEST, "not a path inside the site\n").into_response();
    };
    let served = shared.read();
    if let Some(bytes) = served.pages.get(&path) {
        return respond(&served, StatusCode::OK, &path, &path, bytes);
    }
    // `/people/x` is the folder `/people/x/`: redirect, so relative links work.
    if served.pages.contains_key(&format!("{path}/index.html")) {
        return Redirect::permanent(&format!("{}/", uri.path())).into_response();
    }
    match served.pages.get("404.html") {
        // The 404 page listens for the page asked for, which a save may create.
        Some(bytes) => respond(&served, StatusCode::NOT_FOUND, &path, "404.html", bytes),
        None => {
            let status = match served.panel {
                Some(_) => StatusCode::INTERNAL_SERVER_ERROR,
                None => StatusCode::NOT_FOUND,
            };
            respond(
                &served,
                status,
                &path,
                "404.html",
                &Bytes::from_static(overlay::NO_SITE.as_bytes()),
            )
        }
    }
}

/// The response for the page at `asked`, with the bytes of the page at `path`.
fn respond(
    served: &Served,
    status: StatusCode,
    asked: &str,
    path: &str,
    bytes: &Bytes,
) -> Response {
    let kind = content_type(path);
    let body = if kind.starts_with("text/html") {
        Body::from(overlay::inject(
            bytes,
            asked,
            served.generation,
            served.panel.as_deref(),
        ))
    } else {
        Body::from(bytes.clone())
    };
    (
        status,
        [
            (header::CONTENT_TYPE, kind),
            // An edit must show on reload, never a cached page.
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

/// Which page a reload stream is for.
#[derive(serde::Deserialize)]
struct Listener {
    page: Option<String>,
}

/// Counts a page as open for as long as its reload stream lives.
struct Open {
    shared: Arc<Shared>,
    page: String,
}

impl Open {
    fn new(shared: Arc<Shared>, page: String) -> Open {
        let mut open = shared.open.lock().unwrap_or_else(PoisonError::into_inner);
        *open.entry(page.clone()).or_default() += 1;
        drop(open);
        Open { shared, page }
    }
}

impl Drop for Open {
    fn drop(&mut self) {
        let mut open = self
            .shared
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(n) = open.get_mut(&self.page) {
            *n -= 1;
            if *n == 0 {
                open.remove(&self.page);
            }
        }
    }
}

/// The longest page path a reload stream is taken for: no page of a site is longer,
/// and the open pages are kept in memory.
const LONGEST_PAGE: usize = 2048;

/// The reload events of one page: on connecting, when the page last changed, and the
/// panel; then each change of that page and of the panel.
async fn events(
    State(shared): State<Arc<Shared>>,
    Query(listener): Query<Listener>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let page = listener
        .page
        .filter(|p| p.len() <= LONGEST_PAGE)
        .unwrap_or_default();
    let signals = shared.signals.subscribe();
    let stop = shared.stop.subscribe();
    let now = {
        let served = shared.read();
        let stamp = served.stamps.get(&page).copied().unwrap_or(0);
        [
            Signal::Reload(stamp, Arc::new(HashSet::from([page.clone()]))),
            Signal::Panel(served.panel.clone()),
        ]
    };
    let open = Open::new(shared.clone(), page);
    let later = stream::unfold(
        (signals, stop, open),
        |(mut signals, mut stop, open)| async move {
            loop {
                let signal = tokio::select! {
                    _ = stop.wait_for(|stopped| *stopped) => return None,
                    signal = signals.recv() => signal,
                };
                match signal {
                    Ok(Signal::Reload(_, paths)) if !paths.contains(&open.page) => continue,
                    Ok(signal) => return Some((signal, (signals, stop, open))),
                    // Too slow a page missed some signals: reload it to be sure.
                    Err(broadcast::error::RecvError::Lagged(_)) => {
                        let generation = open.shared.read().generation;
                        let page = Arc::new(HashSet::from([open.page.clone()]));
                        return Some((Signal::Reload(generation, page), (signals, stop, open)));
                    }
                    Err(broadcast::error::RecvError::Closed) => return None,
                }
            }
        },
    );
    let all = stream::iter(now).chain(later).map(|signal| {
        Ok(match signal {
            Signal::Reload(generation, _) => Event::default()
                .event("reload")
                .data(generation.to_string()),
            Signal::Panel(panel) => {
                let json = serde_json::to_string(&panel.unwrap_or_default()).unwrap_or_default();
                Event::default().event("overlay").data(json)
            }
        })
    });
    Sse::new(all).keep_alive(KeepAlive::default())
}

/// The page path a request path names — `/` is `index.html`, `/people/` is
/// `people/index.html` — or `None` when it is not plainly inside the site: `..` or `.`
/// segments, empty segments (`//etc/passwd`), backslashes and NUL, whether written as
/// they are or percent-encoded, and encodings that are not UTF-8.
pub(crate) fn site_path(path: &str) -> Option<String> {
    let decoded = percent_decode(path.strip_prefix('/')?)?;
    if decoded.contains(|c: char| c == '\\' || c.is_control()) {
        return None;
    }
    let (folders, file) = match decoded.rsplit_once('/') {
        Some((folders, file)) => (Some(folders), file),
        None => (None, decoded.as_str()),
    };
    let plain = |s: &str| !s.is_empty() && s != "." && s != "..";
    if !folders.is_none_or(|f| f.split('/').all(plain)) || (file == "." || file == "..") {
        return None;
    }
    let page = if file.is_empty() {
        format!("{decoded}index.html")
    } else {
        decoded
    };
    crate::write::contained(&page).then_some(page)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The media type of a page by its extension.
pub(crate) fn content_type(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    let extension = name.rsplit_once('.').map_or("", |(_, e)| e);
    match extension.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "ndjson" => "application/x-ndjson",
        "xml" => "application/xml; charset=utf-8",
        "svg" => "image/svg+xml",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_name_pages() {
        let table = [
            ("/", "index.html"),
            ("/people/", "people/index.html"),
            ("/people/ana-ortiz/", "people/ana-ortiz/index.html"),
            ("/style.css", "style.css"),
            ("/data/articles.json", "data/articles.json"),
            ("/people/ana-ortiz", "people/ana-ortiz"),
            ("/a%20b.txt", "a b.txt"),
            // Encoded once is a name, not a step up.
            ("/%252e%252e/x", "%2e%2e/x"),
            ("/...", "..."),
        ];
        for (request, page) in table {
            assert_eq!(site_path(request).as_deref(), Some(page), "{request}");
        }
    }

    #[test]
    fn traversal_attempts_are_refused() {
        for request in [
            "/../",
            "/..",
            "/../etc/passwd",
            "/%2e%2e/",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2F",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/..%5c",
            "/..%5C..%5Cwindows",
            "/a\\..\\b",
            "//etc/passwd",
            "/%2fetc/passwd",
            "/a/../../b",
            "/a/./b",
            "/a//b",
            "/./",
            "/index.html%00",
            "/index.html%00.css",
            "/a\0b",
            "/%",
            "/%2",
            "/%zz",
            "/%+1",
            "/%c0%ae%c0%ae/",
            "etc/passwd",
            "",
            "*",
        ] {
            assert_eq!(site_path(request), None, "{request}");
        }
    }

    #[test]
    fn content_types_follow_the_extension() {
        let table = [
            ("index.html", "text/html; charset=utf-8"),
            ("404.html", "text/html; charset=utf-8"),
            ("style.css", "text/css; charset=utf-8"),
            ("search.js", "text/javascript; charset=utf-8"),
            ("data/people.json", "application/json"),
            ("data/mentions/0001.ndjson", "application/x-ndjson"),
            ("feed.xml", "application/xml; charset=utf-8"),
            ("sitemap.xml", "application/xml; charset=utf-8"),
            ("logo.svg", "image/svg+xml"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("img/a.PNG", "image/png"),
            ("img/a.jpg", "image/jpeg"),
            ("img/a.jpeg", "image/jpeg"),
            ("img/a.webp", "image/webp"),
            ("people/x", "application/octet-stream"),
            ("v1.2/readme", "application/octet-stream"),
        ];
        for (path, kind) in table {
            assert_eq!(content_type(path), kind, "{path}");
        }
    }
}
