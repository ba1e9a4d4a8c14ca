//! Server-sent events to open pages: reload, an error report, recovery.
//! The last error is kept, so a page opened while the site is broken shows
//! it at once.

use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::{self, Diagnostics};
use crate::serve::state::Stats;
use std::path::Path;
use std::sync::{Arc, Mutex, mpsc};

/// Open event streams at most (each holds a thread).
pub const MAX_CLIENTS: usize = 32;

/// Server-sent event subscribers and the error being shown.
#[derive(Default, Clone)]
pub struct Hub {
    clients: Arc<Mutex<Vec<mpsc::Sender<String>>>>,
    error: Arc<Mutex<Option<String>>>,
}

fn event(name: &str, data: &str) -> String {
    format!(
        "event: {name}\ndata: {}\n\n",
        serde_json::to_string(data).unwrap_or_default()
    )
}

impl Hub {
    fn send(&self, name: &str, data: &str) {
        let msg = event(name, data);
        if let Ok(mut c) = self.clients.lock() {
            c.retain(|tx| tx.send(msg.clone()).is_ok());
        }
    }

    /// A new subscriber, told at once about an error being shown. `None`
    /// when too many streams are open.
    pub fn subscribe(&self) -> Option<mpsc::Receiver<String>> {
        let (tx, rx) = mpsc::channel();
        let mut clients = self.clients.lock().ok()?;
        clients.retain(|c| c.send(": ping\n\n".into()).is_ok());
        if clients.len() >= MAX_CLIENTS {
            return None;
        }
        if let Some(e) = self.error() {
            let _ = tx.send(event("error-report", &e));
        }
        clients.push(tx);
        Some(rx)
    }

    /// The error report being shown, if the last rebuild failed.
    pub fn error(&self) -> Option<String> {
        self.error.lock().ok().and_then(|e| e.clone())
    }

    fn set_error(&self, e: Option<String>) {
        if let Ok(mut slot) = self.error.lock() {
            *slot = e;
        }
    }
}

/// Print a rebuild's result and tell open pages.
pub fn report(hub: &Hub, root: &Path, result: Result<Stats, Diagnostics>) {
    match result {
        Ok(s) => {
            let lang = crate::diag::lang::current();
            let ms = m::dec(s.elapsed.as_secs_f64() * 1000.0, 1, lang);
            let line = msg!(
                m::SERVE_REBUILT,
                rendered = s.rendered,
                written = s.written,
                removed = s.removed,
                ms = ms
            );
            eprintln!("{}", line.render(lang));
            hub.set_error(None);
            hub.send("ok", "");
            for (from, to) in &s.moved {
                hub.send("moved", &format!("{from} {to}"));
            }
            hub.send("reload", "");
        }
        Err(d) => {
            let text = diag::render(&d, diag::Format::Human, root);
            eprint!("{text}");
            let line = msg!(m::SERVE_FAILED, n = d.error_count());
            eprintln!("{}", line.render(crate::diag::lang::current()));
            hub.set_error(Some(text.clone()));
            hub.send("error-report", &text);
        }
    }
}
