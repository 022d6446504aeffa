//! A *fetch* brings a page to import from its address: one HTTP GET that follows
//! redirects, gives up after a timeout, asks for gzip and names briefing and its
//! version as the user agent. Where the request ended after redirects is the page's
//! *landing* address, which the article keeps when the page names no canonical one.
//!
//! Two kinds of failure are told apart, as the exit codes are: the network's (no
//! answer, a refused connection, an HTTP error status), operational, and the page's
//! (not HTML or text, not UTF-8), a content problem of that input.

use std::time::Duration;

use ureq::ResponseExt;

/// How long one page may take, connecting, redirects and body included, unless
/// `--timeout` says otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The largest page read: far above any article page, low enough that a wrong address
/// (a video, a disk image) fails quickly.
const LIMIT: u64 = 20 * 1024 * 1024;

/// A page as fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fetched {
    /// The address as given.
    pub(crate) requested: String,
    /// Where the request ended after redirects.
    pub(crate) landed: String,
    pub(crate) text: String,
}

/// Why an address gave no page to import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FetchError {
    /// The request failed: exit 2.
    Network(String),
    /// The server answered with something that is not a page: exit 1.
    Content(String),
}

/// Whether an input names an address rather than a file.
pub(crate) fn is_address(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// What every fetch of one run shares: connections to one site are reused.
pub(crate) struct Fetcher {
    agent: ureq::Agent,
    timeout: Duration,
}

impl Fetcher {
    pub(crate) fn new(timeout: Duration) -> Self {
        Fetcher {
            agent: agent(timeout),
            timeout,
        }
    }

    /// Fetches the page at `address`.
    pub(crate) fn fetch(&self, address: &str) -> Result<Fetched, FetchError> {
        fetch(&self.agent, self.timeout, address)
    }
}

fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .max_redirects(10)
        // A status is read here, so a 404 says which address answered it.
        .http_status_as_error(false)
        .user_agent(format!(
            "briefing/{} (static site builder; article import)",
            env!("CARGO_PKG_VERSION")
        ))
        .accept("text/html, application/xhtml+xml, text/plain;q=0.9, */*;q=0.1")
        .build()
        .into()
}

fn fetch(agent: &ureq::Agent, timeout: Duration, address: &str) -> Result<Fetched, FetchError> {
    let network = |e: ureq::Error| FetchError::Network(network_reason(&e, timeout));
    let mut response = agent.get(address).call().map_err(network)?;
    let status = response.status();
    if !status.is_success() {
        return Err(FetchError::Network(
            format!(
                "the server answered {} {}",
                status.as_u16(),
                status.canonical_reason().unwrap_or("")
            )
            .trim_end()
            .to_string(),
        ));
    }
    let landed = response.get_uri().to_string();
    let body = response.body_mut();
    let mime = body.mime_type().unwrap_or("").to_ascii_lowercase();
    let charset = body.charset().map(str::to_ascii_lowercase);
    if !mime.is_empty()
        && !matches!(
            mime.as_str(),
            "text/html" | "application/xhtml+xml" | "text/plain"
        )
    {
        return Err(FetchError::Content(format!(
            "the server sent {mime}, not a web page or a text"
        )));
    }
    if let Some(charset) = charset.as_deref()
        && !matches!(charset, "utf-8" | "utf8" | "us-ascii")
    {
        return Err(FetchError::Content(format!(
            "the page is in {charset}; only UTF-8 pages are read"
        )));
    }
    let bytes = body
        .with_config()
        .limit(LIMIT)
        .read_to_vec()
        .map_err(network)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        FetchError::Content("the page is not UTF-8; only UTF-8 pages are read".into())
    })?;
    Ok(Fetched {
        requested: address.to_string(),
        landed,
        text,
    })
}

/// A network error in words a user can act on.
fn network_reason(e: &ureq::Error, timeout: Duration) -> String {
    match e {
        ureq::Error::Timeout(_) => format!("no answer within {} s", timeout.as_secs()),
        ureq::Error::HostNotFound => "the host was not found".to_string(),
        ureq::Error::ConnectionFailed => "the connection failed".to_string(),
        ureq::Error::TooManyRedirects => "more than 10 redirects".to_string(),
        ureq::Error::BodyExceedsLimit(_) => {
            format!("the page is larger than {} MB", LIMIT / 1024 / 1024)
        }
        ureq::Error::Io(io) => io.to_string(),
        ureq::Error::BadUri(_) | ureq::Error::Http(_) => "it is not a valid address".to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_told_from_files() {
        for (input, want) in [
            ("https://example.org/a", true),
            ("HTTP://example.org/a", true),
            ("http://", true),
            ("page.html", false),
            ("http.html", false),
            ("./https://x", false),
            ("", false),
        ] {
            assert_eq!(is_address(input), want, "{input}");
        }
    }
}
