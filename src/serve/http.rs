//! The HTTP side of `chiso serve`: file serving, server-sent events, the
//! file watcher and the loop that hands edits to `State::rebuild`.

use super::{Dirty, State, Stats};
use crate::diag::{self, Diagnostics};
use crate::pipeline::BuildOptions;
use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

pub const EVENTS_PATH: &str = "/__chiso/events";

/// Server-sent event subscribers.
#[derive(Default, Clone)]
struct Hub {
    clients: Arc<Mutex<Vec<mpsc::Sender<String>>>>,
}

impl Hub {
    fn send(&self, event: &str, data: &str) {
        let msg = format!(
            "event: {event}\ndata: {}\n\n",
            serde_json::to_string(data).unwrap_or_default()
        );
        if let Ok(mut c) = self.clients.lock() {
            c.retain(|tx| tx.send(msg.clone()).is_ok());
        }
    }
}

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
    let body = std::fs::read(out.join("404.html")).unwrap_or_else(|_| b"404".to_vec());
    (404, "text/html; charset=utf-8".into(), body)
}

fn header(k: &str, v: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()).expect("valid header")
}

/// Run the dev server until killed.
pub fn run(opts: &BuildOptions, port: u16, timings: bool) -> ExitCode {
    let root = opts.root.clone();
    if !root.join("content").is_dir() {
        eprintln!(
            "error: {} has no content/ folder; pass --root",
            root.display()
        );
        return ExitCode::from(2);
    }
    let out = opts.output.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("chiso-serve-{}", std::process::id()))
    });
    // Held until serve ends: a build of the same --output waits meanwhile.
    let _lock = match crate::output::staging::serve_output(&root, &out, opts.output.is_some()) {
        Ok(l) => l,
        Err(d) => {
            eprint!("{}", diag::render(&d.into(), diag::Format::Human, &root));
            return ExitCode::from(2);
        }
    };
    if out.exists() {
        let _ = std::fs::remove_dir_all(&out);
    }
    if let Err(e) = std::fs::create_dir_all(&out).and_then(|_| {
        use crate::output::staging::{MARKER, SERVE_MARKER_TEXT};
        std::fs::write(out.join(MARKER), SERVE_MARKER_TEXT)
    }) {
        eprintln!("error: cannot create {}: {e}", out.display());
        return ExitCode::from(2);
    }
    let server = match tiny_http::Server::http(("127.0.0.1", port)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: cannot listen on 127.0.0.1:{port}: {e}");
            return ExitCode::from(2);
        }
    };
    let actual = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .unwrap_or(port);
    let hub = Hub::default();
    let mut st = State::new(opts.clone(), out.clone());
    st.timings = timings;
    let state = Arc::new(Mutex::new(st));
    report(
        &hub,
        &root,
        state
            .lock()
            .map(|mut s| s.rebuild(&Dirty::full()))
            .unwrap_or_else(|_| Err(Diagnostics::new())),
    );
    eprintln!(
        "serving {} at http://127.0.0.1:{actual}/ (Ctrl-C to stop)",
        out.display()
    );

    // Watcher thread: collect events, debounce, rebuild.
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = match notify::recommended_watcher(tx) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: cannot watch files: {e}");
            return ExitCode::from(2);
        }
    };
    use notify::Watcher;
    // The root itself, not recursively: to notice content/ or themes/ being
    // created (a theme override started while serving).
    if let Err(e) = watcher.watch(&root, notify::RecursiveMode::NonRecursive) {
        eprintln!("warning: cannot watch {}: {e}", root.display());
    }
    let mut watched: BTreeSet<&str> = BTreeSet::new();
    for dir in ["content", "themes"] {
        let p = root.join(dir);
        if p.is_dir() {
            match watcher.watch(&p, notify::RecursiveMode::Recursive) {
                Ok(()) => {
                    watched.insert(dir);
                }
                Err(e) => eprintln!("warning: cannot watch {}: {e}", p.display()),
            }
        }
    }
    {
        let hub = hub.clone();
        let state = state.clone();
        let canon_root = root.canonicalize().unwrap_or(root.clone());
        std::thread::spawn(move || {
            let mut watcher = watcher;
            while let Ok(first) = rx.recv() {
                let mut dirty = Dirty::default();
                // A top folder that appeared since: watch it, rebuild all (its
                // first files may predate the watch).
                for dir in ["content", "themes"] {
                    let p = root.join(dir);
                    if !watched.contains(dir)
                        && p.is_dir()
                        && watcher.watch(&p, notify::RecursiveMode::Recursive).is_ok()
                    {
                        watched.insert(dir);
                        dirty.full = true;
                    }
                }
                let mut add = |ev: notify::Result<notify::Event>| {
                    if let Ok(ev) = ev {
                        if matches!(ev.kind, notify::EventKind::Access(_)) {
                            return;
                        }
                        for p in ev.paths {
                            let rel = p
                                .strip_prefix(&canon_root)
                                .or_else(|_| p.strip_prefix(&root))
                                .unwrap_or(&p)
                                .to_path_buf();
                            let hidden = rel
                                .components()
                                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
                            let tmp = rel.to_string_lossy().ends_with('~');
                            if !hidden && !tmp {
                                dirty.add(&rel);
                            }
                        }
                    }
                };
                add(first);
                // Debounce: editors write a file in several steps.
                let until = Instant::now() + Duration::from_millis(20);
                while let Some(left) = until.checked_duration_since(Instant::now()) {
                    match rx.recv_timeout(left) {
                        Ok(ev) => add(ev),
                        Err(_) => break,
                    }
                }
                if dirty.is_empty() {
                    continue;
                }
                let result = match state.lock() {
                    Ok(mut s) => s.rebuild(&dirty),
                    Err(_) => break,
                };
                report(&hub, &root, result);
            }
        });
    }

    for request in server.incoming_requests() {
        let url = request.url().to_string();
        if url.starts_with(EVENTS_PATH) {
            let (tx, rx) = mpsc::channel();
            if let Ok(mut c) = hub.clients.lock() {
                c.push(tx);
            }
            std::thread::spawn(move || {
                // Raw response so that every event is flushed at once.
                let mut w = request.into_writer();
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
            });
            continue;
        }
        let (code, ctype, body) = serve_file(&out, &url);
        let resp = tiny_http::Response::from_data(body)
            .with_status_code(code)
            .with_header(header("Content-Type", &ctype))
            .with_header(header("Cache-Control", "no-store"));
        let _ = request.respond(resp);
    }
    ExitCode::SUCCESS
}

fn report(hub: &Hub, root: &Path, result: Result<Stats, Diagnostics>) {
    match result {
        Ok(s) => {
            eprintln!(
                "rebuilt: {} pages rendered, {} files written, {} removed in {:.1} ms",
                s.rendered,
                s.written,
                s.removed,
                s.elapsed.as_secs_f64() * 1000.0
            );
            hub.send("ok", "");
            hub.send("reload", "");
        }
        Err(d) => {
            let text = diag::render(&d, diag::Format::Human, root);
            eprint!("{text}");
            eprintln!(
                "build failed: {} error(s); still serving the last good site",
                d.error_count()
            );
            hub.send("error-report", &text);
        }
    }
}
