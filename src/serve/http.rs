//! The HTTP side of `chiso serve`: set-up, then one loop answering GET and
//! HEAD from loopback for files and the event stream.

use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::{self, Diagnostics};
use crate::pipeline::BuildOptions;
use crate::serve::LIVE_RELOAD;
use crate::serve::dirty::Dirty;
use crate::serve::events::{Hub, report};
use crate::serve::state::State;
use std::io::{Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

pub const EVENTS_PATH: &str = "/__chiso/events";

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "xml" => "application/xml; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "json" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn serve_file(out: &Path, url: &str) -> (u16, String, Vec<u8>) {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let rel = crate::render::links::resolve(path, "/", "")
        .map(|(p, _)| p)
        .unwrap_or_else(|| "/".into());
    let mut candidates = vec![rel.trim_start_matches('/').to_string()];
    candidates.push(
        format!("{}/index.html", rel.trim_matches('/'))
            .trim_start_matches('/')
            .to_string(),
    );
    for c in candidates {
        if c.is_empty() || !crate::output::staging::safe_rel(&c) {
            continue;
        }
        let p = out.join(&c);
        if p.is_file() {
            if let Ok(b) = std::fs::read(&p) {
                return (200, content_type(&c).to_string(), b);
            }
        }
    }
    // Before the first good build there is no 404 page: a page that shows
    // the error overlay and reloads once the site builds.
    let body = std::fs::read(out.join("404.html")).unwrap_or_else(|_| {
        format!(
            "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Chưa có trang</title>\
             <p>Trang web chưa dựng được: xem lỗi.</p>{LIVE_RELOAD}</html>"
        )
        .into_bytes()
    });
    (404, "text/html; charset=utf-8".into(), body)
}

/// Run the dev server until killed.
pub fn run(opts: &BuildOptions, port: u16, timings: bool) -> ExitCode {
    match start(opts, port, timings) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

/// A message in the language of this run.
fn say(m: crate::diag::Msg) -> String {
    m.render(crate::diag::lang::current())
}

fn start(opts: &BuildOptions, port: u16, timings: bool) -> Result<ExitCode, String> {
    let root = opts.root.clone();
    if !root.join("content").is_dir() {
        return Err(say(msg!(m::SERVE_NO_CONTENT, root = root.display())));
    }
    let temporary = opts.output.is_none();
    let out = opts.output.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("chiso-serve-{}", std::process::id()))
    });
    // Held until serve ends: a build of the same --output waits meanwhile.
    let _lock = crate::output::staging::serve_output(&root, &out, !temporary)
        .map_err(|d| diag::render(&d.into(), diag::Format::Human, &root))?;
    prepare_output(&out)?;
    if temporary {
        remove_on_signal(out.clone());
    }
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| say(msg!(m::SERVE_LISTEN, port = port, reason = &e)))?;
    let actual = listener.local_addr().map(|a| a.port()).unwrap_or(port);
    let hub = Hub::default();
    let mut st = State::new(opts.clone(), out.clone());
    st.timings = timings;
    let state = Arc::new(Mutex::new(st));
    // Watching from before the first build, with the state held: an edit
    // saved while it runs is rebuilt right after it, not lost.
    let first = match state.lock() {
        Ok(mut s) => {
            crate::serve::watch::start(root.clone(), state.clone(), hub.clone())
                .map_err(|e| format!("error: {e}"))?;
            s.rebuild(&Dirty::full())
        }
        Err(_) => Err(Diagnostics::new()),
    };
    report(&hub, &root, first);
    if let Some(line) = state.lock().ok().and_then(|s| s.schedule_line()) {
        eprintln!("{line}");
    }
    eprintln!(
        "{}",
        say(msg!(m::SERVE_SERVING, out = out.display(), port = actual))
    );
    let work = workers(out.clone(), hub.clone(), actual);
    for stream in listener.incoming().flatten() {
        if let Err(mpsc::TrySendError::Full(mut stream)) = work.try_send(stream) {
            // Every worker busy and the queue full: say so, never a new thread.
            let _ = stream.write_all(&response(503, "text/plain", b"busy", false, &[]));
        }
    }
    if temporary {
        let _ = std::fs::remove_dir_all(&out);
    }
    Ok(ExitCode::SUCCESS)
}

/// An empty folder of serve's own, marked as such.
fn prepare_output(out: &Path) -> Result<(), String> {
    if out.exists() {
        let _ = std::fs::remove_dir_all(out);
    }
    std::fs::create_dir_all(out)
        .and_then(|_| {
            use crate::output::staging::{MARKER, SERVE_MARKER_TEXT};
            std::fs::write(out.join(MARKER), SERVE_MARKER_TEXT)
        })
        .map_err(|e| {
            say(msg!(
                m::SERVE_CANNOT_CREATE,
                path = out.display(),
                reason = &e
            ))
        })
}

/// Remove serve's temporary folder when it is stopped (Ctrl-C, SIGTERM).
fn remove_on_signal(out: PathBuf) {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                let _ = std::fs::remove_dir_all(&out);
                std::process::exit(128 + sig);
            }
        });
    }
    #[cfg(not(unix))]
    let _ = out;
}

/// Whether a request's `Host` names this machine: a page of another site
/// that resolves its own name to 127.0.0.1 (DNS rebinding) must not read
/// the preview.
fn host_allowed(host: Option<&str>, port: u16) -> bool {
    let Some(host) = host else { return true };
    let host = host.trim().to_ascii_lowercase();
    ["127.0.0.1", "localhost", "[::1]"]
        .iter()
        .any(|h| host == *h || host == format!("{h}:{port}"))
}

/// Threads answering requests; event streams have threads of their own,
/// at most `events::MAX_CLIENTS`. So the thread count is bounded however
/// many connections are opened.
const WORKERS: usize = 4;
/// Connections waiting for a worker; past that the answer is 503.
const QUEUE: usize = 64;
/// How long a connection may take to send its request.
const READ_TIMEOUT: Duration = Duration::from_secs(2);

fn workers(out: PathBuf, hub: Hub, port: u16) -> mpsc::SyncSender<TcpStream> {
    let (tx, rx) = mpsc::sync_channel::<TcpStream>(QUEUE);
    let rx = Arc::new(Mutex::new(rx));
    for _ in 0..WORKERS {
        let (rx, out, hub) = (rx.clone(), out.clone(), hub.clone());
        std::thread::spawn(move || {
            loop {
                let next = rx.lock().ok().and_then(|r| r.recv().ok());
                let Some(stream) = next else { return };
                handle(stream, &out, &hub, port);
            }
        });
    }
    tx
}

/// A request's method, path and `Host`, read with `httparse`.
struct Request {
    method: String,
    path: String,
    host: Option<String>,
}

fn read_request(stream: &mut TcpStream) -> Option<Request> {
    stream.set_read_timeout(Some(READ_TIMEOUT)).ok()?;
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    loop {
        let n = stream.read(&mut chunk).ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        let mut headers = [httparse::EMPTY_HEADER; 64];
        let mut req = httparse::Request::new(&mut headers);
        match req.parse(&buf) {
            Ok(httparse::Status::Complete(_)) => {
                let host = req
                    .headers
                    .iter()
                    .find(|h| h.name.eq_ignore_ascii_case("host"))
                    .map(|h| String::from_utf8_lossy(h.value).into_owned());
                return Some(Request {
                    method: req.method?.to_string(),
                    path: req.path?.to_string(),
                    host,
                });
            }
            Ok(httparse::Status::Partial) if buf.len() < 16 * 1024 => {}
            _ => return None,
        }
    }
}

/// The bytes of a whole response (`Connection: close`).
fn response(code: u16, ctype: &str, body: &[u8], head: bool, extra: &[(&str, &str)]) -> Vec<u8> {
    let reason = match code {
        200 => "OK",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Service Unavailable",
    };
    let mut out = format!(
        "HTTP/1.1 {code} {reason}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in extra {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    if !head {
        bytes.extend_from_slice(body);
    }
    bytes
}

fn handle(mut stream: TcpStream, out: &Path, hub: &Hub, port: u16) {
    let Some(req) = read_request(&mut stream) else {
        return;
    };
    const TEXT: &str = "text/plain; charset=utf-8";
    let reply = |mut s: &TcpStream, bytes: Vec<u8>| {
        let _ = s.write_all(&bytes);
    };
    if !host_allowed(req.host.as_deref(), port) {
        let msg = b"chiso serve answers only 127.0.0.1 and localhost";
        return reply(&stream, response(403, TEXT, msg, false, &[]));
    }
    let head = match req.method.as_str() {
        "GET" => false,
        "HEAD" => true,
        _ => {
            let msg = b"chiso serve answers only GET and HEAD";
            let allow = [("Allow", "GET, HEAD")];
            return reply(&stream, response(405, TEXT, msg, false, &allow));
        }
    };
    if req.path.starts_with(EVENTS_PATH) {
        match hub.subscribe() {
            Some(rx) => {
                std::thread::spawn(move || event_stream(stream, rx));
            }
            None => reply(
                &stream,
                response(503, TEXT, b"too many open pages", false, &[]),
            ),
        }
        return;
    }
    let (code, ctype, body) = serve_file(out, &req.path);
    reply(&stream, response(code, &ctype, &body, head, &[]));
}

/// Hold an event stream open, flushing every event at once.
fn event_stream(mut w: TcpStream, rx: mpsc::Receiver<String>) {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n";
    if w.write_all(head.as_bytes())
        .and_then(|_| w.flush())
        .is_err()
    {
        return;
    }
    loop {
        let msg = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(m) => m,
            Err(mpsc::RecvTimeoutError::Timeout) => ": keep-alive\n\n".to_string(),
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if w.write_all(msg.as_bytes()).and_then(|_| w.flush()).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_host_names_are_answered() {
        assert!(host_allowed(Some("127.0.0.1:1111"), 1111));
        assert!(host_allowed(Some("localhost:1111"), 1111));
        assert!(host_allowed(Some("[::1]:1111"), 1111));
        assert!(host_allowed(None, 1111));
        assert!(!host_allowed(Some("evil.example:1111"), 1111));
        assert!(!host_allowed(Some("127.0.0.1.evil.example"), 1111));
        assert!(!host_allowed(Some("localhost:2222"), 1111));
    }
}
