//! `chiso serve`: a development server on 127.0.0.1 that watches `content/`
//! and the theme, re-renders only the pages an edit affects, writes the
//! changed files and tells open browser pages to reload (server-sent events).
//! A build error is shown as an overlay while the last good site stays up.
//!
//! Order inside: dirty (what a changed path touches), affected (which jobs
//! an edit changes), state (what is kept between rebuilds; one rebuild),
//! events (the pages' event streams), watch (the file watcher), http (the
//! server).

mod affected;
mod dirty;
mod events;
mod http;
mod state;
mod watch;

pub use http::run;

/// Injected before `</body>` in serve mode only.
pub const LIVE_RELOAD: &str = r#"<script>/* chiso serve: live reload */(function(){var es=new EventSource("/__chiso/events");var to=null;es.addEventListener("moved",function(e){var m=JSON.parse(e.data).split(" ");if(location.pathname===m[0])to=m[1]});es.addEventListener("reload",function(){if(to)location.href=to;else location.reload()});es.addEventListener("error-report",function(e){var d=document.getElementById("chiso-overlay");if(!d){d=document.createElement("pre");d.id="chiso-overlay";d.style.cssText="position:fixed;inset:0;margin:0;padding:1em;overflow:auto;background:rgba(40,0,0,.93);color:#fff;font:14px/1.4 monospace;z-index:99999;white-space:pre-wrap";document.body.appendChild(d)}d.textContent=JSON.parse(e.data)});es.addEventListener("ok",function(){var d=document.getElementById("chiso-overlay");if(d)d.remove()})})();</script>"#;
