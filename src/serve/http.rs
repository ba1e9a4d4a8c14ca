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
use std::time::{Duration, Instant};

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

/// What a response carries: bytes made here, or a file sent as it is read
/// (never whole in memory; a HEAD opens nothing).
enum Body {
    Bytes(Vec<u8>),
    File(PathBuf, u64),
}

fn serve_file(out: &Path, url: &str) -> (u16, String, Body) {
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
        if let Ok(meta) = std::fs::metadata(&p) {
            if meta.is_file() {
                return (200, content_type(&c).to_string(), Body::File(p, meta.len()));
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
    (404, "text/html; charset=utf-8".into(), Body::Bytes(body))
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
    let out = match &opts.output {
        Some(o) => o.clone(),
        None => temp_output()?,
    };
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
    let heads = head_reader(work);
    for stream in listener.incoming().flatten() {
        if let Err(mpsc::TrySendError::Full(stream)) = heads.try_send(stream) {
            // Every worker busy and the queue full: say so, never a new thread.
            refuse(stream, 503);
        }
    }
    if temporary {
        let _ = std::fs::remove_dir_all(&out);
    }
    Ok(ExitCode::SUCCESS)
}

/// serve's temporary folder: a new one with a random name, readable by
/// this user only (0700), never one that another user of the machine could
/// have made in advance (`/tmp/chiso-serve-<pid>` once was: its owner could
/// replace pages, or link a file onto the site's own sources).
fn temp_output() -> Result<PathBuf, String> {
    let prefix = format!("chiso-serve-{}-", std::process::id());
    let mut b = tempfile::Builder::new();
    b.prefix(&prefix);
    #[cfg(unix)]
    b.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700));
    b.tempdir().map(|d| d.keep()).map_err(|e| {
        let dir = std::env::temp_dir();
        format!("error: cannot create a folder in {}: {e}", dir.display())
    })
}

/// An empty folder of serve's own, marked as such.
fn prepare_output(out: &Path) -> Result<(), String> {
    // An empty folder (the temporary one just made, mode 0700) is kept.
    let empty = out.symlink_metadata().is_ok_and(|m| m.is_dir())
        && std::fs::read_dir(out).is_ok_and(|mut d| d.next().is_none());
    if !empty && out.symlink_metadata().is_ok() {
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

/// Remove serve's temporary folder when it is stopped (Ctrl-C, SIGTERM),
/// on Unix and on Windows.
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
    // Windows: Ctrl-C (and Ctrl-Break) in the console reach the C
    // runtime's SIGINT/SIGTERM; a flag, read by a thread, stands in for
    // Unix's signal iterator.
    #[cfg(windows)]
    {
        use signal_hook::consts::{SIGINT, SIGTERM};
        use std::sync::Arc;
        use std::sync::atomic::{AtomicBool, Ordering};
        let stop = Arc::new(AtomicBool::new(false));
        for sig in [SIGINT, SIGTERM] {
            let _ = signal_hook::flag::register(sig, Arc::clone(&stop));
        }
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            let _ = std::fs::remove_dir_all(&out);
            std::process::exit(130);
        });
    }
    #[cfg(not(any(unix, windows)))]
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
/// at most `events::MAX_CLIENTS`, and one thread reads every request head.
/// So the thread count is bounded however many connections are opened.
const WORKERS: usize = 4;
/// Connections waiting for the head reader or a worker; past that the
/// answer is 503.
const QUEUE: usize = 64;
/// How long a client may take to send its whole request head (408 past it),
/// however it spreads its bytes.
const HEAD_DEADLINE: Duration = Duration::from_secs(5);
/// The longest request line (414 past it) and request head (431).
const MAX_LINE: usize = 8 * 1024;
const MAX_HEAD: usize = 16 * 1024;
/// Connections whose head is still arriving; past that the answer is 503.
const PENDING: usize = 256;
/// How long one write to a client may wait for it to read.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

fn workers(out: PathBuf, hub: Hub, port: u16) -> mpsc::SyncSender<(TcpStream, Request)> {
    let (tx, rx) = mpsc::sync_channel::<(TcpStream, Request)>(QUEUE);
    let rx = Arc::new(Mutex::new(rx));
    for _ in 0..WORKERS {
        let (rx, out, hub) = (rx.clone(), out.clone(), hub.clone());
        std::thread::spawn(move || {
            loop {
                let next = rx.lock().ok().and_then(|r| r.recv().ok());
                let Some((stream, req)) = next else { return };
                handle(stream, req, &out, &hub, port);
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

/// A connection whose request head is still arriving.
struct Pending {
    stream: TcpStream,
    buf: Vec<u8>,
    since: Instant,
}

/// What the bytes so far make.
enum Head {
    Partial,
    Done(Request),
    /// The status to answer with: 400, 414, 431.
    Refused(u16),
}

fn parse_head(buf: &[u8]) -> Head {
    let line = buf.iter().position(|&b| b == b'\n').unwrap_or(buf.len());
    if line > MAX_LINE {
        return Head::Refused(414);
    }
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut req = httparse::Request::new(&mut headers);
    match req.parse(buf) {
        Ok(httparse::Status::Complete(n)) if n > MAX_HEAD => Head::Refused(431),
        Ok(httparse::Status::Complete(_)) => {
            let host = req
                .headers
                .iter()
                .find(|h| h.name.eq_ignore_ascii_case("host"))
                .map(|h| String::from_utf8_lossy(h.value).into_owned());
            match (req.method, req.path) {
                (Some(m), Some(p)) => Head::Done(Request {
                    method: m.to_string(),
                    path: p.to_string(),
                    host,
                }),
                _ => Head::Refused(400),
            }
        }
        Ok(httparse::Status::Partial) if buf.len() <= MAX_HEAD => Head::Partial,
        Ok(httparse::Status::Partial) | Err(httparse::Error::TooManyHeaders) => Head::Refused(431),
        Err(_) => Head::Refused(400),
    }
}

/// Answer `code` with a short text and close.
fn refuse(stream: TcpStream, code: u16) {
    // What has arrived is read first (without waiting): closing a socket
    // with unread bytes resets it, and the client might never see the answer.
    if stream.set_nonblocking(true).is_ok() {
        let mut sink = [0u8; 4096];
        let mut left = 16;
        while left > 0 && matches!((&stream).read(&mut sink), Ok(n) if n > 0) {
            left -= 1;
        }
    }
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
    let text: &[u8] = match code {
        408 => b"the request took too long to arrive",
        414 => b"the address is too long",
        431 => b"the request headers are too large",
        503 => b"busy",
        _ => b"bad request",
    };
    let mut s = &stream;
    let _ = s.write_all(&response(
        code,
        "text/plain; charset=utf-8",
        text,
        false,
        &[],
    ));
    let _ = stream.shutdown(std::net::Shutdown::Write);
}

/// The one thread that reads request heads, from every connection at once
/// without blocking on any: a slow or idle client holds a slot here (at
/// most [`PENDING`], each at most [`HEAD_DEADLINE`]), never a worker.
fn head_reader(work: mpsc::SyncSender<(TcpStream, Request)>) -> mpsc::SyncSender<TcpStream> {
    let (tx, rx) = mpsc::sync_channel::<TcpStream>(QUEUE);
    std::thread::spawn(move || {
        let mut pending: Vec<Pending> = Vec::new();
        loop {
            let add = |pending: &mut Vec<Pending>, stream: TcpStream| {
                if pending.len() >= PENDING || stream.set_nonblocking(true).is_err() {
                    return refuse(stream, 503);
                }
                pending.push(Pending {
                    stream,
                    buf: Vec::new(),
                    since: Instant::now(),
                });
            };
            if pending.is_empty() {
                match rx.recv() {
                    Ok(s) => add(&mut pending, s),
                    Err(_) => return,
                }
            }
            while let Ok(s) = rx.try_recv() {
                add(&mut pending, s);
            }
            let mut progressed = false;
            let mut kept = Vec::with_capacity(pending.len());
            for mut p in pending.drain(..) {
                match read_some(&mut p) {
                    Some(true) => progressed = true,
                    Some(false) => {}
                    None => continue,
                }
                match parse_head(&p.buf) {
                    Head::Partial if p.since.elapsed() > HEAD_DEADLINE => refuse(p.stream, 408),
                    Head::Partial => kept.push(p),
                    Head::Refused(code) => refuse(p.stream, code),
                    Head::Done(req) => {
                        let _ = p.stream.set_nonblocking(false);
                        if let Err(mpsc::TrySendError::Full((s, _))) =
                            work.try_send((p.stream, req))
                        {
                            refuse(s, 503);
                        }
                    }
                }
            }
            pending = kept;
            if !progressed {
                std::thread::sleep(Duration::from_millis(5));
            }
        }
    });
    tx
}

/// Read what has arrived: `Some(true)` if anything did, `None` once the
/// client has gone.
fn read_some(p: &mut Pending) -> Option<bool> {
    let mut chunk = [0u8; 4096];
    let mut any = false;
    while p.buf.len() <= MAX_HEAD {
        match p.stream.read(&mut chunk) {
            Ok(0) => return None,
            Ok(n) => {
                p.buf.extend_from_slice(&chunk[..n]);
                any = true;
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
    Some(any)
}

/// The bytes of a whole response (`Connection: close`).
fn response(code: u16, ctype: &str, body: &[u8], head: bool, extra: &[(&str, &str)]) -> Vec<u8> {
    let mut bytes = response_head(code, ctype, body.len() as u64, extra).into_bytes();
    if !head {
        bytes.extend_from_slice(body);
    }
    bytes
}

/// The status line and headers of a response of `len` bytes.
fn response_head(code: u16, ctype: &str, len: u64, extra: &[(&str, &str)]) -> String {
    let reason = match code {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        _ => "Service Unavailable",
    };
    let mut out = format!(
        "HTTP/1.1 {code} {reason}\r\nContent-Type: {ctype}\r\nContent-Length: {len}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n"
    );
    for (k, v) in extra {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str("\r\n");
    out
}

/// A file's response, its body copied from the file as the client reads it
/// (a HEAD opens nothing).
fn send_file(mut s: &TcpStream, ctype: &str, path: &Path, len: u64, head: bool) {
    if head {
        let _ = s.write_all(response_head(200, ctype, len, &[]).as_bytes());
        return;
    }
    let Ok(file) = std::fs::File::open(path) else {
        let _ = s.write_all(&response(
            404,
            "text/plain; charset=utf-8",
            b"gone",
            false,
            &[],
        ));
        return;
    };
    if s.write_all(response_head(200, ctype, len, &[]).as_bytes())
        .is_ok()
    {
        let _ = std::io::copy(&mut std::io::Read::take(file, len), &mut s);
    }
}

fn handle(stream: TcpStream, req: Request, out: &Path, hub: &Hub, port: u16) {
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
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
    match serve_file(out, &req.path) {
        (code, ctype, Body::Bytes(body)) => {
            reply(&stream, response(code, &ctype, &body, head, &[]))
        }
        (_, ctype, Body::File(path, len)) => send_file(&stream, &ctype, &path, len, head),
    }
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
