//! Photo speed (issue 11), run on demand: `cargo bench --bench images`.
//!
//! 1. Images per second, cold (no cache), at 1 and 2 threads, on ≥ 20 real
//!    photos of 2–20 MP from Debian's wallpaper packages (`mate-backgrounds`,
//!    `plasma-workspace-wallpapers`; installed at bench time, never
//!    committed), side by side with Hugo (a tiny site whose template resizes
//!    each photo to the same widths, WebP and JPEG) and `vipsthumbnail`
//!    (`libvips-tools`, the same widths and formats), with bytes out.
//! 2. The warm-cache cost: a site of N articles each with its own photo,
//!    rebuilt with a warm cache, against the same site without photos.
//!
//! Options: `--chiso PATH` (default: the release binary beside this bench),
//! `--photos 24`, `--warm-n 1000`, `--runs 3` (the warm builds run at
//! least 31 pairs), `--skip-speed`, `--skip-warm`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const WIDTHS: [u32; 5] = [360, 720, 1080, 1440, 1920];
const WEBP_Q: u32 = 76;
const JPEG_Q: u32 = 70;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let has = |name: &str| args.iter().any(|a| a == name);
    let chiso = arg("--chiso")
        .map(PathBuf::from)
        .unwrap_or_else(default_chiso);
    let runs: usize = arg("--runs").and_then(|s| s.parse().ok()).unwrap_or(3);
    let warm_n: usize = arg("--warm-n").and_then(|s| s.parse().ok()).unwrap_or(1000);
    // `--work DIR` keeps the sites and photos there (and reuses them);
    // otherwise a temporary folder, removed at the end.
    let temp = match arg("--work") {
        Some(_) => None,
        None => Some(
            tempfile::Builder::new()
                .prefix("chiso-bench-images-")
                .tempdir_in(if Path::new("/dev/shm").is_dir() {
                    "/dev/shm"
                } else {
                    "/tmp"
                })
                .unwrap(),
        ),
    };
    let work: PathBuf = match (&temp, arg("--work")) {
        (Some(t), _) => t.path().to_path_buf(),
        (None, d) => PathBuf::from(d.unwrap_or_default()),
    };
    std::fs::create_dir_all(&work).unwrap();
    let work = work.as_path();
    let max: usize = arg("--photos").and_then(|s| s.parse().ok()).unwrap_or(24);
    let all = photos();
    // Evenly spread over the packages (plasma ships each picture at many sizes).
    let step = (all.len() / max.max(1)).max(1);
    let photos: Vec<_> = all.into_iter().step_by(step).take(max).collect();
    if photos.len() < 20 {
        eprintln!(
            "only {} photos of 2–20 MP found: apt-get install -y mate-backgrounds plasma-workspace-wallpapers",
            photos.len()
        );
        std::process::exit(2);
    }
    if !has("--skip-speed") {
        speed(&chiso, &photos, work, runs);
    }
    if !has("--skip-warm") {
        warm(&chiso, &photos, work, warm_n, runs);
    }
    drop(temp);
}

fn default_chiso() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let release = exe.parent().and_then(Path::parent).unwrap().join("chiso");
    if !release.is_file() {
        eprintln!("build chiso first: cargo build --release (or pass --chiso PATH)");
        std::process::exit(2);
    }
    release
}

/// JPEG photos of 2–20 MP from the wallpaper packages, sorted.
fn photos() -> Vec<(PathBuf, u32, u32)> {
    let mut v = Vec::new();
    for root in ["/usr/share/backgrounds/mate", "/usr/share/wallpapers"] {
        for e in walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            let p = e.path();
            let jpg = p
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("jpg") || x.eq_ignore_ascii_case("jpeg"));
            if !jpg || !e.file_type().is_file() {
                continue;
            }
            if let Ok((w, h)) = image::image_dimensions(p) {
                let mp = u64::from(w) * u64::from(h);
                if (2_000_000..=20_000_000).contains(&mp) {
                    v.push((p.to_path_buf(), w, h));
                }
            }
        }
    }
    v
}

fn dir_bytes(d: &Path, ext: &[&str]) -> (u64, usize) {
    let mut n = 0;
    let mut files = 0;
    for e in walkdir::WalkDir::new(d).into_iter().flatten() {
        let x = e.path().extension().and_then(|x| x.to_str()).unwrap_or("");
        if e.file_type().is_file() && ext.contains(&x) {
            n += e.metadata().map_or(0, |m| m.len());
            files += 1;
        }
    }
    (n, files)
}

fn time(cmd: &mut Command) -> Duration {
    let t = Instant::now();
    let o = cmd.output().expect("run");
    let d = t.elapsed();
    if !o.status.success() {
        eprintln!("{:?} failed:\n{}", cmd, String::from_utf8_lossy(&o.stderr));
        std::process::exit(1);
    }
    d
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// A chiso site with one article per photo (its lead image).
/// The site's content is written anew; its `.chiso-cache` is kept (the
/// speed runs remove it themselves).
fn chiso_site(root: &Path, photos: &[(PathBuf, u32, u32)], with_photos: bool) {
    let _ = std::fs::remove_dir_all(root.join("content"));
    std::fs::create_dir_all(root.join("content/articles/tin")).unwrap();
    std::fs::create_dir_all(root.join("content/static/images")).unwrap();
    std::fs::write(
        root.join("content/site.yaml"),
        format!(
            "title: \"Bench\"\nbase_url: \"https://bench.example.vn/\"\ncontact: {{ email: \"a@b.vn\" }}\nimages: {{ widths: {WIDTHS:?}, webp_quality: {WEBP_Q}, jpeg_quality: {JPEG_Q} }}\n"
        ),
    )
    .unwrap();
    for (i, (p, _, _)) in photos.iter().enumerate() {
        let image = if with_photos {
            let name = format!("anh-{i:05}.jpg");
            let to = root.join("content/static/images").join(&name);
            if std::fs::hard_link(p, &to).is_err() {
                std::fs::copy(p, &to).unwrap();
            }
            format!("image: \"/images/{name}\"\nimage_caption: \"Ảnh {i}\"\n")
        } else {
            String::new()
        };
        std::fs::write(
            root.join(format!("content/articles/tin/bai-{i:05}.md")),
            format!(
                "---\ntitle: \"Bài {i}\"\ndate: 2024-05-01T08:00:00+07:00\nsummary: \"Sapo {i}.\"\n{image}---\nThân bài {i}.\n"
            ),
        )
        .unwrap();
    }
}

fn hugo_site(root: &Path, photos: &[(PathBuf, u32, u32)]) {
    let _ = std::fs::remove_dir_all(root);
    std::fs::create_dir_all(root.join("layouts/_default")).unwrap();
    std::fs::write(
        root.join("config.toml"),
        "baseURL = \"https://bench.example.vn/\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\"]\n",
    )
    .unwrap();
    let widths: Vec<String> = WIDTHS.iter().map(u32::to_string).collect();
    std::fs::write(
        root.join("layouts/_default/single.html"),
        format!(
            "{{{{ $img := .Resources.GetMatch \"*.jpg\" }}}}{{{{ range (slice {}) }}}}{{{{ if le . $img.Width }}}}<img src=\"{{{{ ($img.Resize (printf \"%dx webp q{WEBP_Q}\" .)).RelPermalink }}}}\"><img src=\"{{{{ ($img.Resize (printf \"%dx jpg q{JPEG_Q}\" .)).RelPermalink }}}}\">{{{{ end }}}}{{{{ end }}}}\n",
            widths.join(" ")
        ),
    )
    .unwrap();
    std::fs::write(root.join("layouts/_default/list.html"), "list\n").unwrap();
    for (i, (p, _, _)) in photos.iter().enumerate() {
        let d = root.join(format!("content/posts/p{i:03}"));
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(
            d.join("index.md"),
            format!("---\ntitle: \"p{i}\"\n---\nx\n"),
        )
        .unwrap();
        std::fs::copy(p, d.join("photo.jpg")).unwrap();
    }
}

fn speed(chiso: &Path, photos: &[(PathBuf, u32, u32)], work: &Path, runs: usize) {
    let n = photos.len();
    let mp: f64 = photos
        .iter()
        .map(|(_, w, h)| f64::from(*w) * f64::from(*h))
        .sum::<f64>()
        / 1e6;
    println!(
        "{n} photos, {mp:.0} MP in all; widths {WIDTHS:?}, WebP q{WEBP_Q} + JPEG q{JPEG_Q}, cold (no cache), median of {runs}"
    );
    let site = work.join("chiso");
    chiso_site(&site, photos, true);
    let hugo = work.join("hugo");
    hugo_site(&hugo, photos);
    let vips_out = work.join("vips");
    let have_hugo = Command::new("hugo").arg("version").output().is_ok();
    let have_vips = Command::new("vipsthumbnail").arg("--help").output().is_ok();
    println!("| tool | threads | wall | photos/s | files out | bytes out | wall per MB out |");
    println!("|---|---|---|---|---|---|---|");
    for threads in [1usize, 2] {
        let t = threads.to_string();
        let out = work.join("chiso-out");
        let d = median(
            (0..runs)
                .map(|_| {
                    let _ = std::fs::remove_dir_all(site.join(".chiso-cache"));
                    let _ = std::fs::remove_dir_all(&out);
                    time(
                        Command::new(chiso)
                            .args(["build", "--root"])
                            .arg(&site)
                            .arg("--output")
                            .arg(&out)
                            .env("RAYON_NUM_THREADS", &t),
                    )
                })
                .collect(),
        );
        row(
            "chiso",
            threads,
            d,
            n,
            dir_bytes(&out.join("anh-web"), &["webp", "jpg"]),
        );
        if have_hugo {
            let hout = work.join("hugo-out");
            let d = median(
                (0..runs)
                    .map(|_| {
                        let _ = std::fs::remove_dir_all(hugo.join("resources"));
                        let _ = std::fs::remove_dir_all(&hout);
                        time(
                            Command::new("hugo")
                                .arg("--source")
                                .arg(&hugo)
                                .arg("--destination")
                                .arg(&hout)
                                .arg("--quiet")
                                .env("GOMAXPROCS", &t)
                                .env("HUGO_NUMWORKERMULTIPLIER", "1"),
                        )
                    })
                    .collect(),
            );
            row("hugo", threads, d, n, dir_bytes(&hout, &["webp", "jpg"]));
        }
        if have_vips {
            let d = median(
                (0..runs)
                    .map(|_| {
                        let _ = std::fs::remove_dir_all(&vips_out);
                        std::fs::create_dir_all(&vips_out).unwrap();
                        let t0 = Instant::now();
                        for w in WIDTHS {
                            for (fmt, q) in [("webp", WEBP_Q), ("jpg", JPEG_Q)] {
                                let mut c = Command::new("vipsthumbnail");
                                c.arg("-s")
                                    .arg(w.to_string())
                                    .arg("-o")
                                    .arg(vips_out.join(format!("%s-{w}.{fmt}[Q={q},strip]")));
                                c.env("VIPS_CONCURRENCY", &t);
                                // Never upscale, as the others: only photos wider than w.
                                // The chiso site's copies: unique names (plasma
                                // names its files by their size).
                                let wider: Vec<PathBuf> = photos
                                    .iter()
                                    .enumerate()
                                    .filter(|(_, (_, pw, _))| *pw > w)
                                    .map(|(i, _)| {
                                        site.join(format!("content/static/images/anh-{i:05}.jpg"))
                                    })
                                    .collect();
                                if wider.is_empty() {
                                    continue;
                                }
                                c.args(wider);
                                time(&mut c);
                            }
                        }
                        t0.elapsed()
                    })
                    .collect(),
            );
            row(
                "vipsthumbnail",
                threads,
                d,
                n,
                dir_bytes(&vips_out, &["webp", "jpg"]),
            );
        }
    }
}

fn row(tool: &str, threads: usize, d: Duration, n: usize, (bytes, files): (u64, usize)) {
    let mb = bytes as f64 / 1e6;
    println!(
        "| {tool} | {threads} | {:.2} s | {:.2} | {files} | {mb:.1} MB | {:.3} s/MB |",
        d.as_secs_f64(),
        n as f64 / d.as_secs_f64(),
        d.as_secs_f64() / mb.max(1e-9)
    );
}

/// Warm rebuild of `n` articles with a photo each against the same without.
fn warm(chiso: &Path, photos: &[(PathBuf, u32, u32)], work: &Path, n: usize, runs: usize) {
    // n distinct photos: the real ones, downscaled to 1200 px and varied by
    // one pixel row each, so every file has its own hash.
    let src = work.join("warm-photos");
    std::fs::create_dir_all(&src).unwrap();
    let path = |i: usize| src.join(format!("{i:05}.jpg"));
    if (0..n).any(|i| !path(i).is_file()) {
        let base: Vec<image::RgbImage> = photos
            .iter()
            .take(20)
            .map(|(p, _, _)| {
                let img = image::open(p).unwrap();
                img.resize(1200, 1200, image::imageops::FilterType::Triangle)
                    .to_rgb8()
            })
            .collect();
        for i in 0..n {
            let mut img = base[i % base.len()].clone();
            let y = (i / base.len()) as u32 % img.height();
            for x in 0..img.width() {
                img.put_pixel(x, y, image::Rgb([(i % 256) as u8, 0, 0]));
            }
            img.save(path(i)).unwrap();
        }
    }
    // chiso_site reads only the paths.
    let list: Vec<(PathBuf, u32, u32)> = (0..n).map(|i| (path(i), 0, 0)).collect();
    let with = work.join("warm-with");
    let without = work.join("warm-without");
    chiso_site(&with, &list, true);
    chiso_site(&without, &list, false);
    // Each site rebuilds its own output, as a newsroom's CI does.
    let build = |site: &Path| {
        let out = site.with_extension("out");
        time(
            Command::new(chiso)
                .args(["build", "--root"])
                .arg(site)
                .arg("--output")
                .arg(&out),
        )
    };
    let was_cold = !with.join(".chiso-cache/images").is_dir();
    let first = build(&with);
    println!(
        "\nwarm cache: {n} articles with a photo each (first build, {}: {:.1} s)",
        if was_cold {
            "filling an empty cache"
        } else {
            "the cache kept from an earlier run"
        },
        first.as_secs_f64()
    );
    // One untimed build of the other site, so that both rebuild an output.
    build(&without);
    let mut a = Vec::new();
    let mut b = Vec::new();
    // Builds of ~0.2 s on a shared machine: at least 31 pairs, and the
    // ratio within each pair (run side by side, they share the noise).
    let mut ratios = Vec::new();
    for _ in 0..runs.max(31) {
        let (x, y) = (build(&with), build(&without));
        ratios.push(x.as_secs_f64() / y.as_secs_f64());
        a.push(x);
        b.push(y);
    }
    ratios.sort_by(f64::total_cmp);
    let paired = ratios[ratios.len() / 2];
    let (a, b) = (median(a), median(b));
    println!("| site | build (median) |\n|---|---|");
    println!(
        "| {n} articles, a photo each, warm cache | {:.3} s |",
        a.as_secs_f64()
    );
    println!(
        "| the same articles without photos | {:.3} s |",
        b.as_secs_f64()
    );
    println!(
        "warm-cache cost of the photos: {:+.1} % (ratio of the medians; median of the {} paired ratios: {:+.1} %)",
        (a.as_secs_f64() / b.as_secs_f64() - 1.0) * 100.0,
        ratios.len(),
        (paired - 1.0) * 100.0
    );
}
