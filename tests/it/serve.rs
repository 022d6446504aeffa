//! `briefing serve` as an editor meets it: the real binary on a temporary copy of the
//! minimal briefing, spoken to over real HTTP with a plain socket client. Every read has
//! a timeout and every wait a deadline, and the server is killed when a test ends, even
//! when it fails.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use crate::support::briefing_with;

/// How long any one thing may take before the test fails instead of hanging.
const PATIENCE: Duration = Duration::from_secs(20);

/// A running `briefing serve`, killed when dropped.
struct Server {
    child: Child,
    address: String,
    /// Lines of its stderr, as they come.
    log: Receiver<String>,
    /// Lines read so far.
    seen: Vec<String>,
}

/// Runs `briefing serve` on `root` and `port` (without `--port` when it is `None`),
/// its stderr piped.
fn spawn_serve(root: &Path, port: Option<u16>) -> Child {
    let port: Vec<String> = port
        .map(|p| vec!["--port".to_string(), p.to_string()])
        .unwrap_or_default();
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .arg("serve")
        .args(port)
        .arg("--root")
        .arg(root)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start briefing serve")
}

impl Server {
    /// Starts `briefing serve` on `port`, or without `--port` when it is `None`.
    fn start(root: &Path, port: Option<u16>) -> Server {
        let mut child = spawn_serve(root, port);
        let stderr = child.stderr.take().expect("stderr piped");
        let (tx, log) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut server = Server {
            child,
            address: String::new(),
            log,
            seen: Vec::new(),
        };
        let line = server.wait_for_line(|l| l.starts_with("serving "));
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .expect("a URL");
        server.address = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        server
    }

    /// Waits for a line of stderr that `matches`, and returns it.
    fn wait_for_line(&mut self, matches: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.log.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if matches(&line) {
                        return line;
                    }
                }
                Err(_) => panic!("no such line on stderr; it said:\n{}", self.seen.join("\n")),
            }
        }
    }

    fn get(&self, target: &str) -> Response {
        get(&self.address, target)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
struct Response {
    status: u16,
    /// The header lines, lowercased.
    headers: String,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .lines()
            .find_map(|l| l.strip_prefix(name)?.strip_prefix(':'))
            .map(str::trim)
    }
}

fn connect(address: &str) -> TcpStream {
    let stream = TcpStream::connect(address).expect("connect to the server");
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    stream.set_write_timeout(Some(PATIENCE)).unwrap();
    stream
}

/// One GET, with the request target sent exactly as given.
fn get(address: &str, target: &str) -> Response {
    let mut stream = connect(address);
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the response");
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Response {
        status,
        headers: head.to_ascii_lowercase(),
        body: body.to_string(),
    }
}

/// A connection to the reload events of one page, as the page's script makes it.
struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    /// Listens for changes of `page`, a page path such as `index.html`.
    fn connect(address: &str, page: &str) -> Events {
        let mut stream = connect(address);
        let page = page.replace('/', "%2F");
        // HTTP/1.0: the stream comes as it is, without chunked framing to take apart.
        write!(
            stream,
            "GET /__briefing/events?page={page} HTTP/1.0\r\nHost: {address}\r\n\r\n"
        )
        .unwrap();
        let mut reader = BufReader::new(stream);
        let mut head = String::new();
        loop {
            let mut line = String::new();
            reader
                .read_line(&mut line)
                .expect("read the event stream's head");
            if line.trim().is_empty() {
                break;
            }
            head.push_str(&line.to_ascii_lowercase());
        }
        assert!(
            head.starts_with("http/1.0 200") || head.starts_with("http/1.1 200"),
            "{head}"
        );
        assert!(head.contains("content-type: text/event-stream"), "{head}");
        Events { reader }
    }

    /// The next event: its name and data.
    fn next(&mut self) -> (String, String) {
        let (mut event, mut data) = (String::new(), String::new());
        loop {
            let mut line = String::new();
            let n = self.reader.read_line(&mut line).expect("an event in time");
            assert!(n > 0, "the event stream ended");
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                if !event.is_empty() {
                    return (event, data);
                }
            } else if let Some(v) = line.strip_prefix("event:") {
                event = v.trim().to_string();
            } else if let Some(v) = line.strip_prefix("data:") {
                data.push_str(v.strip_prefix(' ').unwrap_or(v));
            }
        }
    }

    /// Skips events until one that `matches`, and returns its data.
    fn wait_for(&mut self, matches: impl Fn(&str, &str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            let (event, data) = self.next();
            if matches(&event, &data) {
                return data;
            }
        }
        panic!("no such event in time");
    }
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has no `{from}`");
    std::fs::write(&path, text.replace(from, to)).unwrap();
}

#[test]
fn serve_reloads_on_save_and_shows_errors_over_the_last_good_site() {
    let dir = briefing_with(None);
    let root = dir.path();
    let mut server = Server::start(root, Some(0));

    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(home.body.contains("Harbour Town"));
    assert!(home.body.contains(
        "new EventSource(\"/__briefing/events?page=\" + encodeURIComponent(\"index.html\"))"
    ));
    let person = server.get("/people/ana-ortiz/");
    assert_eq!(person.status, 200);
    assert!(person.body.contains("Ana Ortiz"));
    let redirect = server.get("/people/ana-ortiz");
    assert_eq!(redirect.status, 308);
    assert_eq!(redirect.header("location"), Some("/people/ana-ortiz/"));
    let css = server.get("/style.css");
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    let data = server.get("/data/articles.json");
    assert_eq!(data.header("content-type"), Some("application/json"));
    assert!(
        !data.body.contains("EventSource"),
        "the script is only for HTML"
    );
    let missing = server.get("/no/such/page/");
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("EventSource"),
        "the 404 page is the site's own"
    );
    assert!(
        missing
            .body
            .contains("encodeURIComponent(\"no/such/page/index.html\")"),
        "the 404 page listens for the page asked for"
    );
    let hostile = server.get("/%3C%2Fscript%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    assert_eq!(hostile.status, 404);
    assert!(
        !hostile.body.contains("</script><script>alert(1)"),
        "a page path cannot close the script"
    );

    let mut events = Events::connect(&server.address, "articles/pier-vote/index.html");
    let first = events.wait_for(|e, _| e == "reload");

    // A saved edit reloads the open pages it changes, and the new page is served.
    let article = "content/articles/pier-vote.md";
    edit(
        root,
        article,
        "title: Council votes on the pier",
        "title: Council approves the pier",
    );
    events.wait_for(|e, d| e == "reload" && d != first);
    let page = server.get("/articles/pier-vote/");
    assert!(page.body.contains("Council approves the pier"));
    let line = server.wait_for_line(|l| l.starts_with("rebuilt after "));
    let took = line.split(" in ").nth(1).unwrap_or_default();
    assert!(line.contains(article) && took.contains(" ms"), "{line}");

    // An error is shown over the last good site, pushed and on every page served.
    let timeline = "content/timeline/2026.yaml";
    edit(
        root,
        timeline,
        "the council would vote",
        "the council will vote",
    );
    let panel = events.wait_for(|e, d| e == "overlay" && d.len() > 2);
    assert!(panel.contains("error[quote-not-found]"), "{panel}");
    assert!(panel.contains("content/timeline/2026.yaml:7:14"), "{panel}");
    let page = server.get("/articles/pier-vote/");
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Council approves the pier"),
        "the last good page"
    );
    assert!(
        page.body
            .contains("error[quote-not-found]: the quote &quot;the council will vote")
    );
    assert!(page.body.contains("--&gt; content/timeline/2026.yaml:7:14"));
    server.wait_for_line(|l| l.starts_with("error: 1 error found; still serving"));

    // Fixed, the panel goes.
    edit(
        root,
        timeline,
        "the council will vote",
        "the council would vote",
    );
    events.wait_for(|e, d| e == "overlay" && d == "\"\"");
    let page = server.get("/articles/pier-vote/");
    assert!(!page.body.contains("quote-not-found"));
    assert!(page.body.contains("Council approves the pier"));
}

#[test]
fn serve_started_on_errors_shows_them_until_the_first_good_build() {
    let dir = briefing_with(Some("errors/quote-not-found"));
    let root = dir.path();
    let mut server = Server::start(root, Some(0));
    assert!(
        server
            .seen
            .iter()
            .any(|l| l.starts_with("error[quote-not-found]"))
    );
    let page = server.get("/people/ana-ortiz/");
    assert_eq!(page.status, 500);
    assert!(page.body.contains("error[quote-not-found]"));
    let mut events = Events::connect(&server.address, "people/ana-ortiz/index.html");
    let first = events.wait_for(|e, _| e == "reload");
    edit(
        root,
        "content/timeline/2026.yaml",
        "the council will vote",
        "the council would vote",
    );
    events.wait_for(|e, d| e == "reload" && d != first);
    server.wait_for_line(|l| l.starts_with("rebuilt after content/timeline/2026.yaml"));
    let page = server.get("/people/ana-ortiz/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Ana Ortiz") && !page.body.contains("quote-not-found"));
}

#[test]
fn serve_shows_drafts_each_marked_as_a_draft() {
    let dir = briefing_with(Some("faults/drafts-left-out"));
    let server = Server::start(dir.path(), Some(0));
    let badge = "<span class=\"badge draft\">draft</span>";
    for (page, marked) in [
        ("/articles/ferry-timetable/", "Ferry timetable leaked "),
        ("/people/luis-vega/", "Luis Vega "),
        ("/timeline/", "The ferry drops its late crossing</a> "),
        ("/timeline/2026/03/", "The ferry drops its late crossing "),
        ("/articles/", "Ferry timetable leaked</a> "),
        ("/people/", "Luis Vega</a> "),
    ] {
        let response = server.get(page);
        assert_eq!(response.status, 200, "{page}");
        assert!(
            response.body.contains(&format!("{marked}{badge}")),
            "{page}:\n{}",
            response.body
        );
    }
    // What is published carries no mark.
    assert!(!server.get("/people/ana-ortiz/").body.contains(badge));
}

#[test]
fn serve_refuses_paths_outside_the_site() {
    let dir = briefing_with(None);
    let server = Server::start(dir.path(), Some(0));
    for target in [
        "/../briefing.yaml",
        "/../../../../../../etc/passwd",
        "/%2e%2e/briefing.yaml",
        "/%2E%2E%2Fbriefing.yaml",
        "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/..%5cbriefing.yaml",
        "/..%5C..%5C..%5Cetc%5Cpasswd",
        "//etc/passwd",
        "/a/../../briefing.yaml",
        "/people/../../briefing.yaml",
        "/index.html%00",
        "/content/articles/pier-vote.md",
        "/briefing.yaml",
    ] {
        let response = server.get(target);
        assert!(
            [400, 404].contains(&response.status),
            "{target}: status {}",
            response.status
        );
        assert!(!response.body.contains("root:"), "{target}");
        assert!(
            !response
                .body
                .contains("base_url: https://briefing.test/harbour/"),
            "{target}"
        );
        assert!(!response.body.contains("outlet: gazette"), "{target}");
    }
}

#[test]
fn a_taken_port_given_with_port_stops_serve_naming_it() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let dir = briefing_with(None);
    let mut child = spawn_serve(dir.path(), Some(port));
    let deadline = Instant::now() + PATIENCE;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("serve went on serving on another port");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(
        stderr,
        format!(
            "error: port {port} on 127.0.0.1 is taken: stop what listens there, or choose another port with --port (--port 0 picks any free one)\n"
        )
    );
    assert_eq!(status.code(), Some(2));
}

#[test]
fn a_taken_default_port_moves_serve_to_the_next_free_one() {
    // Held here, or else by something else on this machine: taken either way.
    let _held = TcpListener::bind("127.0.0.1:1111");
    let dir = briefing_with(None);
    let server = Server::start(dir.path(), None);
    assert!(
        server.seen[0].starts_with("port 1111 is taken; using "),
        "{:?}",
        server.seen
    );
    assert_ne!(server.address, "127.0.0.1:1111");
    assert_eq!(server.get("/").status, 200);
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_serve_cleanly_with_pages_open() {
    let dir = briefing_with(None);
    let mut server = Server::start(dir.path(), Some(0));
    // An open event stream must not hold the shutdown.
    let _events = Events::connect(&server.address, "index.html");
    let interrupted = Command::new("kill")
        .args(["-INT", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(interrupted.success());
    let deadline = Instant::now() + PATIENCE;
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "serve did not stop on Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status}");
    server.wait_for_line(|l| l == "stopped");
}
