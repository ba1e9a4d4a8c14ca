//! A minimal Chrome DevTools Protocol client over one WebSocket (tungstenite):
//! starts Debian's headless Chromium, opens tabs, sends commands, collects
//! events. Shared by `tests/browser.rs` and `benches/slow3g.rs`.
#![allow(dead_code)]

use serde_json::{Value, json};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tungstenite::{Message, WebSocket};

pub type Res<T> = Result<T, String>;

/// The Chromium binary: `$CHROMIUM`, else the first of Debian's names on PATH.
pub fn chromium_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// Start `cmd` from a thread that lives as long as the process, with the
/// kernel told to kill the child when that thread (so the process) ends:
/// no Chromium outlives a test binary, even one that is killed.
/// (Linux only: elsewhere, for the benchmark's sake, a plain spawn.)
fn spawn_tied(mut cmd: Command) -> std::io::Result<Child> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        // SAFETY: prctl is async-signal-safe and touches no memory of ours.
        #[cfg(target_os = "linux")]
        unsafe {
            use std::os::unix::process::CommandExt;
            cmd.pre_exec(|| {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                Ok(())
            });
        }
        let _ = tx.send(cmd.spawn());
        loop {
            std::thread::park();
        }
    });
    rx.recv()
        .map_err(|_| std::io::Error::other("spawn thread ended"))?
}

/// A headless Chromium with its own empty profile, killed on drop.
pub struct Browser {
    child: Child,
    ws: WebSocket<TcpStream>,
    next_id: u64,
    /// Events not yet taken, with the session they belong to.
    events: VecDeque<(Option<String>, Value)>,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.ws.close(None);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One tab, attached with a flat session.
#[derive(Clone, Debug)]
pub struct Tab {
    pub target: String,
    pub session: String,
}

impl Browser {
    pub fn launch() -> Res<Browser> {
        let bin = chromium_path().ok_or("no chromium on PATH")?;
        let profile = tempfile::tempdir().map_err(|e| e.to_string())?;
        let mut cmd = Command::new(&bin);
        cmd.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-default-apps",
            "--mute-audio",
            "--hide-scrollbars",
            "--remote-debugging-port=0",
            "--remote-allow-origins=*",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("about:blank")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
        let mut child = spawn_tied(cmd).map_err(|e| format!("start {}: {e}", bin.display()))?;
        let stderr = child.stderr.take().ok_or("no stderr")?;
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut sent = false;
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if !sent && let Some(i) = line.find("ws://") {
                    let _ = tx.send(line[i..].trim().to_string());
                    sent = true;
                }
            }
        });
        let url = match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(u) => u,
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err("chromium printed no DevTools address in 30 s".into());
            }
        };
        let hostport = url
            .trim_start_matches("ws://")
            .split('/')
            .next()
            .unwrap_or("")
            .to_string();
        let stream = TcpStream::connect(&hostport).map_err(|e| format!("{hostport}: {e}"))?;
        // A blocking handshake (bounded), then short reads so event pumps
        // can check their deadlines.
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .map_err(|e| e.to_string())?;
        let (ws, _) = tungstenite::client(url.as_str(), stream).map_err(|e| e.to_string())?;
        ws.get_ref()
            .set_read_timeout(Some(Duration::from_millis(200)))
            .map_err(|e| e.to_string())?;
        Ok(Browser {
            child,
            ws,
            next_id: 1,
            events: VecDeque::new(),
            _profile: profile,
        })
    }

    fn read_one(&mut self) -> Res<Option<Value>> {
        match self.ws.read() {
            Ok(Message::Text(t)) => serde_json::from_str(t.as_str())
                .map(Some)
                .map_err(|e| e.to_string()),
            Ok(_) => Ok(None),
            Err(tungstenite::Error::Io(e))
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                Ok(None)
            }
            Err(e) => Err(format!("devtools socket: {e}")),
        }
    }

    /// Send a command (to a tab's session, or the browser) and wait for its result.
    pub fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Res<Value> {
        let id = self.next_id;
        self.next_id += 1;
        let mut msg = json!({ "id": id, "method": method, "params": params });
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        self.ws
            .send(Message::text(msg.to_string()))
            .map_err(|e| format!("send {method}: {e}"))?;
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            let Some(v) = self.read_one()? else { continue };
            if v.get("id").and_then(Value::as_u64) == Some(id) {
                if let Some(err) = v.get("error") {
                    return Err(format!("{method}: {err}"));
                }
                return Ok(v.get("result").cloned().unwrap_or(Value::Null));
            }
            if v.get("method").is_some() {
                let s = v.get("sessionId").and_then(Value::as_str).map(String::from);
                self.events.push_back((s, v));
            }
        }
        Err(format!("{method}: no answer in 60 s"))
    }

    /// Read events for up to `d` (or until `stop` says so), keeping them queued.
    pub fn pump_until(&mut self, d: Duration, mut stop: impl FnMut(&Value) -> bool) -> Res<bool> {
        let deadline = Instant::now() + d;
        while Instant::now() < deadline {
            if let Some(v) = self.read_one()?
                && v.get("method").is_some()
            {
                let s = v.get("sessionId").and_then(Value::as_str).map(String::from);
                let hit = stop(&v);
                self.events.push_back((s, v));
                if hit {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    /// Take every queued event of a tab.
    pub fn take_events(&mut self, tab: &Tab) -> Vec<Value> {
        let mut mine = Vec::new();
        self.events.retain(|(s, v)| {
            if s.as_deref() == Some(tab.session.as_str()) {
                mine.push(v.clone());
                false
            } else {
                true
            }
        });
        mine
    }

    /// A new tab with Page, Runtime, Log and Network events on.
    pub fn new_tab(&mut self) -> Res<Tab> {
        let t = self.call(None, "Target.createTarget", json!({ "url": "about:blank" }))?;
        let target = t["targetId"].as_str().ok_or("no targetId")?.to_string();
        let a = self.call(
            None,
            "Target.attachToTarget",
            json!({ "targetId": target, "flatten": true }),
        )?;
        let session = a["sessionId"].as_str().ok_or("no sessionId")?.to_string();
        let tab = Tab { target, session };
        for m in [
            "Page.enable",
            "Runtime.enable",
            "Log.enable",
            "Network.enable",
        ] {
            self.tab_call(&tab, m, json!({}))?;
        }
        Ok(tab)
    }

    pub fn close_tab(&mut self, tab: &Tab) -> Res<()> {
        self.call(
            None,
            "Target.closeTarget",
            json!({ "targetId": tab.target }),
        )?;
        self.take_events(tab);
        Ok(())
    }

    pub fn tab_call(&mut self, tab: &Tab, method: &str, params: Value) -> Res<Value> {
        let s = tab.session.clone();
        self.call(Some(&s), method, params)
    }

    /// Phone (360×800, mobile, touch, DPR 2) or desktop (w×h) emulation.
    pub fn emulate(&mut self, tab: &Tab, w: u32, h: u32, mobile: bool) -> Res<()> {
        self.tab_call(
            tab,
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": w, "height": h, "deviceScaleFactor": if mobile { 2 } else { 1 }, "mobile": mobile }),
        )?;
        self.tab_call(
            tab,
            "Emulation.setTouchEmulationEnabled",
            json!({ "enabled": mobile, "maxTouchPoints": if mobile { 5 } else { 1 } }),
        )?;
        Ok(())
    }

    /// Navigate and wait for the load event; returns the events of the load.
    pub fn goto(&mut self, tab: &Tab, url: &str) -> Res<Vec<Value>> {
        self.take_events(tab);
        let r = self.tab_call(tab, "Page.navigate", json!({ "url": url }))?;
        if let Some(e) = r.get("errorText").and_then(Value::as_str) {
            return Err(format!("{url}: {e}"));
        }
        let sess = tab.session.clone();
        let loaded = self.pump_until(Duration::from_secs(60), |v| {
            v["method"] == "Page.loadEventFired" && v["sessionId"] == sess.as_str()
        })?;
        if !loaded {
            return Err(format!("{url}: no load event in 60 s"));
        }
        // Late console messages and requests settle within a moment.
        self.pump_until(Duration::from_millis(50), |_| false)?;
        Ok(self.take_events(tab))
    }

    /// Evaluate an expression (awaiting a promise) and return its JSON value.
    pub fn eval(&mut self, tab: &Tab, expr: &str) -> Res<Value> {
        let r = self.tab_call(
            tab,
            "Runtime.evaluate",
            json!({ "expression": expr, "returnByValue": true, "awaitPromise": true }),
        )?;
        if let Some(ex) = r.get("exceptionDetails") {
            return Err(format!("evaluate: {ex}"));
        }
        Ok(r["result"]["value"].clone())
    }
}

/// What a page load did wrong, from its events: console errors, uncaught
/// exceptions, requests to hosts other than `origin`, failed requests.
pub fn load_problems(events: &[Value], origin: &str) -> Vec<String> {
    let mut out = Vec::new();
    for v in events {
        let p = &v["params"];
        match v["method"].as_str().unwrap_or("") {
            "Runtime.consoleAPICalled" if p["type"] == "error" || p["type"] == "assert" => {
                out.push(format!("console error: {}", p["args"]));
            }
            "Runtime.exceptionThrown" => {
                out.push(format!("exception: {}", p["exceptionDetails"]["text"]));
            }
            "Log.entryAdded" if p["entry"]["level"] == "error" => {
                out.push(format!(
                    "console error: {} {}",
                    p["entry"]["text"].as_str().unwrap_or(""),
                    p["entry"]["url"].as_str().unwrap_or("")
                ));
            }
            "Network.requestWillBeSent" => {
                let url = p["request"]["url"].as_str().unwrap_or("");
                if !(url.starts_with(origin) || url.starts_with("data:") || url == "about:blank") {
                    out.push(format!("foreign request: {url}"));
                }
            }
            "Network.loadingFailed" => {
                out.push(format!("failed request: {}", p["errorText"]));
            }
            "Network.responseReceived" => {
                let status = p["response"]["status"].as_u64().unwrap_or(0);
                if status >= 400 {
                    out.push(format!(
                        "HTTP {status}: {}",
                        p["response"]["url"].as_str().unwrap_or("")
                    ));
                }
            }
            _ => {}
        }
    }
    out
}
