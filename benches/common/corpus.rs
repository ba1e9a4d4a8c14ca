//! Deterministic corpus generator for the benchmarks (issue 5).
//!
//! `generate(dir, n, seed)` writes three equivalent sites of `n` Vietnamese
//! news articles under `dir`:
//!
//! - `dir/chiso/` — a chiso site: `content/site.yaml`, `content/articles/<category>/<nnnnn>.md`,
//!   `content/data/*.yaml` (index datasets in the v1 format), chart shortcodes in ~5 % of articles;
//! - `dir/hugo/`  — the same articles as a Hugo site with minimal templates;
//! - `dir/zola/`  — the same articles as a Zola site with minimal templates.
//!
//! Hugo and Zola get no datasets and no chart shortcodes (their lines are dropped).
//! Same `(n, seed)` ⇒ byte-identical files. No `rand` crate: a splitmix64 PRNG.

#![allow(dead_code)] // each bench target uses a different part of this module

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Bumped whenever the generated content changes, so cached corpora are redone.
pub const GENERATOR_VERSION: u32 = 2;

// ---------------------------------------------------------------- PRNG

/// splitmix64: tiny, fast, good enough for text, fully deterministic.
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    /// An independent stream for item `i` of stream `stream` under `seed`.
    pub fn for_item(seed: u64, stream: u64, i: u64) -> Self {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F));
        r.0 ^= i.wrapping_mul(0xE703_7ED1_A0B4_28DB);
        r.next_u64();
        r
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        ((self.next_u64() as u128 * n as u128) >> 64) as u64
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len() as u64) as usize]
    }
    /// True with probability `pct` %.
    pub fn chance(&mut self, pct: u64) -> bool {
        self.below(100) < pct
    }
}

// ---------------------------------------------------------------- vocabulary

pub const SITE_YAML: &str = r#"title: "Cổng thông tin điện tử huyện Phong Thổ"
description: "Tin tức, sự kiện và chỉ số cải cách hành chính"
base_url: "https://bench.example.vn/"
language: vi
timezone: Asia/Ho_Chi_Minh
articles_per_page: 20
menu:
  - { name: "Trang chủ", url: "/" }
"#;

pub const SITE_TITLE: &str = "Cổng thông tin điện tử huyện Phong Thổ";

/// (name, slug) — slugs are what chiso's slugify gives for the names.
pub const CATEGORIES: [(&str, &str); 8] = [
    ("Cải cách hành chính", "cai-cach-hanh-chinh"),
    ("Kinh tế", "kinh-te"),
    ("Nông nghiệp - Nông thôn", "nong-nghiep-nong-thon"),
    ("Văn hóa - Xã hội", "van-hoa-xa-hoi"),
    ("Quốc phòng - An ninh", "quoc-phong-an-ninh"),
    ("Giáo dục - Y tế", "giao-duc-y-te"),
    ("Chuyển đổi số", "chuyen-doi-so"),
    ("Xây dựng Đảng", "xay-dung-dang"),
];

pub const TAGS: [&str; 40] = [
    "Phong Thổ",
    "Lai Châu",
    "Chuyển đổi số",
    "Cải cách hành chính",
    "Nông thôn mới",
    "Giảm nghèo bền vững",
    "Đồng bào dân tộc",
    "Dân tộc Mông",
    "Dân tộc Dao",
    "Dân tộc Thái",
    "Dân tộc Hà Nhì",
    "Biên giới",
    "Chè Shan tuyết",
    "Thảo quả",
    "Bảo vệ rừng",
    "Du lịch cộng đồng",
    "Dịch vụ công trực tuyến",
    "Một cửa",
    "Chỉ số PAR Index",
    "Chỉ số SIPAS",
    "Giáo dục",
    "Y tế",
    "Tiêm chủng",
    "Nhà ở",
    "Giao thông nông thôn",
    "Thủy lợi",
    "Phòng chống thiên tai",
    "Mùa mưa lũ",
    "Hợp tác xã",
    "OCOP",
    "Thanh niên",
    "Phụ nữ",
    "Hội Nông dân",
    "Mặt trận Tổ quốc",
    "Bộ đội Biên phòng",
    "An ninh trật tự",
    "Lễ hội truyền thống",
    "Văn hóa dân gian",
    "Thể thao",
    "Đất đai",
];

const PLACES: [&str; 18] = [
    "Mường So",
    "Khổng Lào",
    "Bản Lang",
    "Hoang Thèn",
    "Dào San",
    "Sì Lở Lầu",
    "Mồ Sì San",
    "Vàng Ma Chải",
    "Pa Vây Sử",
    "Ma Li Pho",
    "Nậm Xe",
    "Sin Suối Hồ",
    "Lản Nhì Thàng",
    "Huổi Luông",
    "Tung Qua Lìn",
    "Mù Sang",
    "Ma Ly Chải",
    "Mường So",
];

const SUBJECTS: [&str; 20] = [
    "UBND huyện",
    "Ban Thường vụ Huyện ủy",
    "Hội Nông dân xã",
    "Phòng Nông nghiệp và Phát triển nông thôn",
    "Đoàn công tác của tỉnh",
    "Bà con đồng bào dân tộc Mông",
    "Chính quyền các xã vùng cao",
    "Ủy ban Mặt trận Tổ quốc Việt Nam huyện",
    "Trung tâm Y tế huyện",
    "Phòng Giáo dục và Đào tạo",
    "Hội Liên hiệp Phụ nữ huyện",
    "Huyện đoàn Phong Thổ",
    "Các hợp tác xã nông nghiệp",
    "Đồn Biên phòng Ma Ly Pho",
    "Người dân các thôn, bản",
    "Bộ phận tiếp nhận và trả kết quả",
    "Công an huyện",
    "Trung tâm Văn hóa - Thể thao và Truyền thông",
    "Phòng Nội vụ",
    "Ban Chỉ đạo các chương trình mục tiêu quốc gia",
];

const VERBS: [&str; 18] = [
    "đã tổ chức",
    "tiếp tục triển khai",
    "đẩy mạnh",
    "tăng cường",
    "chỉ đạo quyết liệt",
    "phối hợp thực hiện",
    "rà soát, đánh giá",
    "hoàn thành",
    "kiểm tra, đôn đốc",
    "tuyên truyền, vận động bà con tham gia",
    "sơ kết công tác",
    "tổng kết",
    "ra quân thực hiện",
    "hỗ trợ",
    "nâng cao chất lượng",
    "tập trung nguồn lực cho",
    "đề ra nhiều giải pháp về",
    "quan tâm chỉ đạo",
];

const OBJECTS: [&str; 26] = [
    "cải cách hành chính",
    "xây dựng nông thôn mới",
    "chuyển đổi số",
    "chương trình mục tiêu quốc gia giảm nghèo bền vững",
    "phát triển kinh tế - xã hội",
    "trồng và chăm sóc cây chè Shan tuyết",
    "bảo vệ và phát triển rừng",
    "dịch vụ công trực tuyến toàn trình",
    "bảo tồn văn hóa truyền thống của đồng bào dân tộc",
    "phòng, chống thiên tai mùa mưa lũ",
    "tiêm chủng mở rộng cho trẻ em",
    "xóa nhà tạm, nhà dột nát",
    "cấp giấy chứng nhận quyền sử dụng đất",
    "chăn nuôi đại gia súc",
    "phát triển du lịch cộng đồng",
    "mở rộng diện tích cây thảo quả",
    "sản xuất lúa nương và ngô đông",
    "giữ vững chủ quyền an ninh biên giới",
    "xây dựng đường giao thông nông thôn",
    "nâng cao Chỉ số cải cách hành chính",
    "cải thiện Chỉ số hài lòng của người dân",
    "phổ cập giáo dục và xóa mù chữ",
    "chăm sóc sức khỏe ban đầu cho nhân dân",
    "thực hiện cơ chế một cửa, một cửa liên thông",
    "phát triển sản phẩm OCOP",
    "đào tạo nghề cho lao động nông thôn",
];

const COMPLEMENTS: [&str; 20] = [
    "trên địa bàn huyện",
    "tại các xã biên giới",
    "nhằm nâng cao đời sống vật chất và tinh thần của nhân dân",
    "theo đúng kế hoạch đề ra",
    "góp phần giữ vững quốc phòng, an ninh",
    "với sự tham gia của đông đảo bà con",
    "đạt và vượt chỉ tiêu Nghị quyết Đại hội",
    "trong bối cảnh còn nhiều khó khăn",
    "bám sát chỉ đạo của Tỉnh ủy, UBND tỉnh",
    "gắn với thực hiện Nghị quyết của Huyện ủy",
    "từ đầu năm đến nay",
    "ở các thôn, bản vùng sâu, vùng xa",
    "một cách đồng bộ, hiệu quả",
    "theo phương châm \"dân biết, dân bàn, dân làm, dân kiểm tra\"",
    "để người dân được hưởng lợi trực tiếp",
    "qua đó tạo sự đồng thuận trong nhân dân",
    "với tinh thần trách nhiệm cao",
    "trong giai đoạn 2021 - 2025",
    "tạo chuyển biến rõ nét",
    "đúng quy định của pháp luật",
];

const CONNECTORS: [&str; 10] = [
    "Bên cạnh đó,",
    "Ngoài ra,",
    "Theo đồng chí Chủ tịch UBND huyện,",
    "Đáng chú ý,",
    "Cùng với đó,",
    "Thời gian tới,",
    "Tuy nhiên,",
    "Qua kiểm tra cho thấy,",
    "Nhờ vậy,",
    "Trước đó,",
];

const HEADINGS: [&str; 14] = [
    "Kết quả nổi bật",
    "Những khó khăn, vướng mắc",
    "Giải pháp trong thời gian tới",
    "Sự vào cuộc của cả hệ thống chính trị",
    "Người dân là chủ thể",
    "Chuyển biến từ cơ sở",
    "Hiệu quả bước đầu",
    "Nhiệm vụ trọng tâm",
    "Ý kiến của người dân",
    "Kinh nghiệm từ các xã làm tốt",
    "Nguồn lực thực hiện",
    "Bài học kinh nghiệm",
    "Phát huy vai trò của người có uy tín",
    "Đề xuất, kiến nghị",
];

const AUTHORS: [&str; 8] = [
    "C.T",
    "Minh Hằng",
    "Văn Long",
    "T.H",
    "Quang Huy",
    "Lò Thị Thu",
    "Vàng A Sử",
    "N.V",
];

/// Units of the district dataset: (key, name, short, slug).
pub const DISTRICTS: [(&str, &str, &str, &str); 8] = [
    ("105", "Thành phố Lai Châu", "TP Lai Châu", "tp-lai-chau"),
    ("106", "Huyện Tam Đường", "Tam Đường", "tam-duong"),
    ("107", "Huyện Mường Tè", "Mường Tè", "muong-te"),
    ("108", "Huyện Sìn Hồ", "Sìn Hồ", "sin-ho"),
    ("109", "Huyện Phong Thổ", "Phong Thổ", "phong-tho"),
    ("110", "Huyện Than Uyên", "Than Uyên", "than-uyen"),
    ("111", "Huyện Tân Uyên", "Tân Uyên", "tan-uyen"),
    ("112", "Huyện Nậm Nhùn", "Nậm Nhùn", "nam-nhun"),
];

pub const PROVINCES: [&str; 63] = [
    "Hà Nội",
    "Hà Giang",
    "Cao Bằng",
    "Bắc Kạn",
    "Tuyên Quang",
    "Lào Cai",
    "Điện Biên",
    "Lai Châu",
    "Sơn La",
    "Yên Bái",
    "Hòa Bình",
    "Thái Nguyên",
    "Lạng Sơn",
    "Quảng Ninh",
    "Bắc Giang",
    "Phú Thọ",
    "Vĩnh Phúc",
    "Bắc Ninh",
    "Hải Dương",
    "Hải Phòng",
    "Hưng Yên",
    "Thái Bình",
    "Hà Nam",
    "Nam Định",
    "Ninh Bình",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Quảng Bình",
    "Quảng Trị",
    "Thừa Thiên Huế",
    "Đà Nẵng",
    "Quảng Nam",
    "Quảng Ngãi",
    "Bình Định",
    "Phú Yên",
    "Khánh Hòa",
    "Ninh Thuận",
    "Bình Thuận",
    "Kon Tum",
    "Gia Lai",
    "Đắk Lắk",
    "Đắk Nông",
    "Lâm Đồng",
    "Bình Phước",
    "Tây Ninh",
    "Bình Dương",
    "Đồng Nai",
    "Bà Rịa - Vũng Tàu",
    "Thành phố Hồ Chí Minh",
    "Long An",
    "Tiền Giang",
    "Bến Tre",
    "Trà Vinh",
    "Vĩnh Long",
    "Đồng Tháp",
    "An Giang",
    "Kiên Giang",
    "Cần Thơ",
    "Hậu Giang",
    "Sóc Trăng",
    "Bạc Liêu",
    "Cà Mau",
];

pub const DISTRICT_YEARS: [u32; 5] = [2018, 2019, 2020, 2021, 2022];
pub const PROVINCE_YEARS: [u32; 3] = [2021, 2022, 2023];

// ---------------------------------------------------------------- article model

/// Everything about article `i` that other articles (links) need: derived
/// from its own RNG stream only, so any article can be described on its own.
pub struct Meta {
    pub index: usize,
    pub category: usize,
    pub slug: String,
}

pub fn article_meta(seed: u64, i: usize) -> Meta {
    let mut r = Rng::for_item(seed, 1, i as u64);
    Meta {
        index: i,
        category: r.below(CATEGORIES.len() as u64) as usize,
        slug: format!("bai-viet-{i:05}"),
    }
}

impl Meta {
    pub fn url(&self) -> String {
        format!("/{}/{}/", CATEGORIES[self.category].1, self.slug)
    }
    /// Path of the source file relative to the articles directory.
    pub fn rel_path(&self) -> String {
        format!("{}/{:05}.md", CATEGORIES[self.category].1, self.index)
    }
}

pub struct Article {
    pub meta: Meta,
    pub title: String,
    /// RFC 3339 with +07:00 offset.
    pub date: String,
    pub author: &'static str,
    pub tags: Vec<&'static str>,
    pub summary: String,
    pub image: String,
    pub image_caption: String,
    /// Markdown; chart shortcodes are alone on their lines.
    pub body: String,
}

/// Proleptic Gregorian date from days since 1970-01-01 (Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Local (UTC+7) minute `m` after 2020-01-01 00:00 as RFC 3339.
fn local_datetime(minutes: u64) -> String {
    const DAYS_2020: i64 = 18_262; // 2020-01-01
    let days = DAYS_2020 + (minutes / 1440) as i64;
    let (y, mo, d) = civil_from_days(days);
    let mins = minutes % 1440;
    format!(
        "{y:04}-{mo:02}-{d:02}T{:02}:{:02}:00+07:00",
        mins / 60,
        mins % 60
    )
}

/// Subjects that are common nouns (lower-cased after a connector); the others
/// are names of bodies and keep their capital.
const COMMON_SUBJECTS: [&str; 4] = ["Người dân", "Bà con", "Các hợp tác xã", "Chính quyền"];

fn sentence(r: &mut Rng, out: &mut String) {
    let start = out.len();
    let subject = r.pick(&SUBJECTS);
    if r.chance(25) {
        out.push_str(r.pick(&CONNECTORS));
        out.push(' ');
        if COMMON_SUBJECTS.iter().any(|p| subject.starts_with(p)) {
            let mut cs = subject.chars();
            if let Some(c) = cs.next() {
                out.extend(c.to_lowercase());
                out.push_str(cs.as_str());
            }
        } else {
            out.push_str(subject);
        }
    } else {
        out.push_str(subject);
    }
    if subject.ends_with(" xã") {
        out.push(' ');
        out.push_str(r.pick(&PLACES));
    }
    out.push(' ');
    out.push_str(r.pick(&VERBS));
    out.push(' ');
    out.push_str(r.pick(&OBJECTS));
    if r.chance(25) {
        let _ = write!(out, " tại xã {}", r.pick(&PLACES));
    } else if r.chance(60) {
        out.push(' ');
        out.push_str(r.pick(&COMPLEMENTS));
    }
    match r.below(6) {
        0 => {
            let _ = write!(
                out,
                ", với tổng kinh phí hơn {},{} tỷ đồng",
                r.range(1, 95),
                r.below(10)
            );
        }
        1 => {
            let _ = write!(
                out,
                ", có {}.{:03} hộ tham gia",
                r.range(1, 9),
                r.below(1000)
            );
        }
        2 => {
            let _ = write!(out, ", đạt {},{}% kế hoạch", r.range(60, 120), r.below(10));
        }
        _ => {}
    }
    out.push('.');
    debug_assert!(out.len() > start);
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Builds article `i` of a corpus of `n`.
pub fn article(seed: u64, n: usize, i: usize, charts: bool) -> Article {
    let meta = article_meta(seed, i);
    let mut r = Rng::for_item(seed, 2, i as u64);

    // Title: "<Place>: <subject> <verb> <object>" or "<Subject> <verb> <object>".
    let mut title = String::new();
    if r.chance(50) {
        let _ = write!(title, "{}: ", r.pick(&PLACES));
    }
    let _ = write!(
        title,
        "{} {} {}",
        r.pick(&SUBJECTS),
        r.pick(&VERBS),
        r.pick(&OBJECTS)
    );

    // Dates: about 5 years, strictly increasing with i, all distinct.
    let span: u64 = 5 * 365 * 1440;
    let step = (span / n.max(1) as u64).max(2);
    let minutes = i as u64 * step + r.below(step / 2);
    let date = local_datetime(minutes);

    let author = r.pick(&AUTHORS);
    let ntags = r.range(2, 4) as usize;
    let mut tags: Vec<&'static str> = Vec::with_capacity(ntags);
    while tags.len() < ntags {
        let t = r.pick(&TAGS);
        if !tags.contains(&t) {
            tags.push(t);
        }
    }

    let mut summary = String::new();
    sentence(&mut r, &mut summary);
    if r.chance(50) {
        summary.push(' ');
        sentence(&mut r, &mut summary);
    }

    let image = format!("/images/anh-{i:05}.jpg");
    let image_caption = format!(
        "{} {} tại xã {}.",
        r.pick(&SUBJECTS),
        r.pick(&OBJECTS),
        r.pick(&PLACES)
    );

    // Body.
    let target_words = r.range(600, 1300) as usize;
    let mut body = String::with_capacity(target_words * 8);
    let mut words = 0usize;
    let paragraph = |r: &mut Rng, body: &mut String, words: &mut usize| {
        let start = body.len();
        let k = r.range(3, 6);
        for s in 0..k {
            if s > 0 {
                body.push(' ');
            }
            sentence(r, body);
            if i > 0 && r.chance(8) {
                let j = r.below(n as u64) as usize;
                if j != i {
                    let m = article_meta(seed, j);
                    let _ = write!(
                        body,
                        " Xem thêm: [{} {}]({}).",
                        r.pick(&VERBS),
                        r.pick(&OBJECTS),
                        m.url()
                    );
                }
            }
        }
        body.push_str("\n\n");
        *words += word_count(&body[start..]);
    };

    paragraph(&mut r, &mut body, &mut words);
    let _ = write!(body, "![{image_caption}]({image})\n\n*{image_caption}*\n\n");
    paragraph(&mut r, &mut body, &mut words);
    // ~5 % of articles embed one chart, after their first section
    let mut chart = r.chance(5) && charts;
    while words < target_words {
        let _ = write!(body, "## {}\n\n", r.pick(&HEADINGS));
        for _ in 0..r.range(1, 3) {
            paragraph(&mut r, &mut body, &mut words);
            if words >= target_words {
                break;
            }
        }
        if words < target_words && r.chance(30) {
            let start = body.len();
            for _ in 0..r.range(3, 6) {
                let _ = writeln!(
                    body,
                    "- {} {} {}.",
                    r.pick(&VERBS),
                    r.pick(&OBJECTS),
                    r.pick(&COMPLEMENTS)
                );
            }
            body.push('\n');
            words += word_count(&body[start..]);
        }
        if words < target_words && r.chance(12) {
            let start = body.len();
            body.push_str("| Xã | Số hộ | Tỷ lệ (%) | Kinh phí (triệu đồng) |\n");
            body.push_str("|---|---:|---:|---:|\n");
            for _ in 0..r.range(3, 7) {
                let _ = writeln!(
                    body,
                    "| {} | {} | {},{} | {}.{:03} |",
                    r.pick(&PLACES),
                    r.range(40, 900),
                    r.range(30, 99),
                    r.below(10),
                    r.range(1, 20),
                    r.below(1000)
                );
            }
            body.push('\n');
            words += word_count(&body[start..]);
        }
        if chart {
            chart = false;
            chart_line(&mut r, &mut body);
        }
    }
    let _ = writeln!(body, "**{author}**");

    Article {
        meta,
        title,
        date,
        author,
        tags,
        summary,
        image,
        image_caption,
        body,
    }
}

fn chart_line(r: &mut Rng, body: &mut String) {
    match r.below(3) {
        0 => {
            let _ = write!(
                body,
                "{{{{ chart(data=\"par-index\", kind=\"ranking\", year={}) }}}}\n\n",
                r.pick(&DISTRICT_YEARS)
            );
        }
        1 => {
            let _ = write!(
                body,
                "{{{{ chart(data=\"par-index\", kind=\"trend\", unit=\"{}\") }}}}\n\n",
                r.pick(&DISTRICTS).3
            );
        }
        _ => {
            let _ = write!(
                body,
                "{{{{ chart(data=\"par-index-tinh\", kind=\"ranking\", year={}) }}}}\n\n",
                r.pick(&PROVINCE_YEARS)
            );
        }
    }
}

/// Quote as a YAML double-quoted scalar (also valid as a TOML basic string
/// for the characters this generator produces).
pub fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(xs: &[&str]) -> String {
    let v: Vec<String> = xs.iter().map(|s| q(s)).collect();
    format!("[{}]", v.join(", "))
}

impl Article {
    pub fn chiso_source(&self) -> String {
        let mut s = String::with_capacity(self.body.len() + 600);
        s.push_str("---\n");
        let _ = writeln!(s, "title: {}", q(&self.title));
        let _ = writeln!(s, "slug: {}", self.meta.slug);
        let _ = writeln!(s, "date: {}", self.date);
        let _ = writeln!(s, "author: {}", q(self.author));
        let _ = writeln!(s, "category: {}", q(CATEGORIES[self.meta.category].0));
        let _ = writeln!(s, "tags: {}", list(&self.tags));
        let _ = writeln!(s, "summary: {}", q(&self.summary));
        let _ = writeln!(s, "image: {}", q(&self.image));
        let _ = writeln!(s, "image_caption: {}", q(&self.image_caption));
        s.push_str("---\n");
        s.push_str(&self.body);
        s
    }

    /// The body without chart shortcode lines (Hugo and Zola have no datasets).
    pub fn body_without_charts(&self) -> String {
        let mut out = String::with_capacity(self.body.len());
        for line in self.body.split_inclusive('\n') {
            if !line.starts_with("{{ chart(") {
                out.push_str(line);
            }
        }
        out
    }

    pub fn hugo_source(&self) -> String {
        let mut s = String::with_capacity(self.body.len() + 600);
        s.push_str("---\n");
        let _ = writeln!(s, "title: {}", q(&self.title));
        let _ = writeln!(s, "slug: {}", self.meta.slug);
        let _ = writeln!(s, "date: {}", self.date);
        let _ = writeln!(s, "author: {}", q(self.author));
        let _ = writeln!(
            s,
            "categories: {}",
            list(&[CATEGORIES[self.meta.category].0])
        );
        let _ = writeln!(s, "tags: {}", list(&self.tags));
        let _ = writeln!(s, "summary: {}", q(&self.summary));
        let _ = writeln!(s, "image: {}", q(&self.image));
        let _ = writeln!(s, "image_caption: {}", q(&self.image_caption));
        s.push_str("---\n");
        s.push_str(&self.body_without_charts());
        s
    }

    pub fn zola_source(&self) -> String {
        let mut s = String::with_capacity(self.body.len() + 600);
        s.push_str("+++\n");
        let _ = writeln!(s, "title = {}", q(&self.title));
        let _ = writeln!(s, "slug = {}", q(&self.meta.slug));
        let _ = writeln!(s, "date = {}", self.date);
        let _ = writeln!(s, "description = {}", q(&self.summary));
        s.push_str("[taxonomies]\n");
        let _ = writeln!(
            s,
            "categories = {}",
            list(&[CATEGORIES[self.meta.category].0])
        );
        let _ = writeln!(s, "tags = {}", list(&self.tags));
        s.push_str("[extra]\n");
        let _ = writeln!(s, "author = {}", q(self.author));
        let _ = writeln!(s, "image = {}", q(&self.image));
        let _ = writeln!(s, "image_caption = {}", q(&self.image_caption));
        s.push_str("+++\n");
        s.push_str(&self.body_without_charts());
        s
    }
}

// ---------------------------------------------------------------- datasets

fn hundredths(v: u64) -> String {
    format!("{}.{:02}", v / 100, v % 100)
}

/// `par-index`: 8 districts × 5 years, 7 fields, `total: sum_of_fields`.
pub fn district_dataset(seed: u64) -> String {
    let fields: [(&str, &str, u64); 7] = [
        ("chi-dao", "Công tác chỉ đạo, điều hành", 12),
        ("the-che", "Cải cách thể chế", 10),
        ("thu-tuc", "Cải cách thủ tục hành chính", 18),
        ("bo-may", "Cải cách tổ chức bộ máy", 10),
        ("cong-chuc", "Xây dựng đội ngũ cán bộ, công chức", 16),
        ("tai-chinh", "Cải cách tài chính công", 14),
        ("so-hoa", "Xây dựng chính quyền số", 20),
    ];
    let mut s = String::new();
    s.push_str("title: \"Chỉ số cải cách hành chính các huyện, thành phố tỉnh Lai Châu\"\n");
    s.push_str("short_title: \"Chỉ số CCHC cấp huyện\"\n");
    s.push_str("description: \"Số liệu **minh họa** sinh tự động cho phép đo hiệu năng.\"\n");
    s.push_str("source:\n  - { name: \"UBND tỉnh Lai Châu\", url: \"https://bench.example.vn/nguon\", note: \"Dữ liệu minh họa\" }\n");
    s.push_str("status: illustrative\n");
    s.push_str(
        "scale: { min: 0, max: 100, unit: \"điểm\", decimals: 2, higher_is_better: true }\n",
    );
    s.push_str("total: sum_of_fields\n");
    s.push_str("bands:\n  - { name: \"Tốt\", min: 80 }\n  - { name: \"Khá\", min: 70 }\n  - { name: \"Trung bình\", min: 50 }\n");
    s.push_str("fields:\n");
    for (k, name, max) in fields {
        let _ = writeln!(s, "  - {{ key: {k}, name: {}, max: {max} }}", q(name));
    }
    s.push_str("units:\n");
    for (key, name, short, slug) in DISTRICTS {
        let _ = writeln!(
            s,
            "  - {{ key: {}, name: {}, short: {}, slug: {slug} }}",
            q(key),
            q(name),
            q(short)
        );
    }
    s.push_str("results:\n");
    let mut r = Rng::for_item(seed, 3, 0);
    for year in DISTRICT_YEARS {
        let _ = writeln!(
            s,
            "  - year: {year}\n    methodology: \"QĐ 876/QĐ-BNV\"\n    scores:"
        );
        for (key, ..) in DISTRICTS {
            let mut total = 0u64;
            let mut parts = Vec::new();
            for (k, _, max) in fields {
                // between 55 % and 100 % of the field's max, in hundredths
                let v = r.range(max * 55, max * 100);
                total += v;
                parts.push(format!("{k}: {}", hundredths(v)));
            }
            let _ = writeln!(
                s,
                "      {}: {{ total: {}, fields: {{ {} }} }}",
                q(key),
                hundredths(total),
                parts.join(", ")
            );
        }
    }
    s
}

/// `par-index-tinh`: 63 provinces × 3 years, totals only, ranks derived.
pub fn province_dataset(seed: u64) -> String {
    let mut s = String::new();
    s.push_str("title: \"Chỉ số cải cách hành chính các tỉnh, thành phố trực thuộc Trung ương\"\n");
    s.push_str("short_title: \"PAR Index cấp tỉnh\"\n");
    s.push_str("source:\n  - { name: \"Bộ Nội vụ\", url: \"https://bench.example.vn/par-index\", note: \"Dữ liệu minh họa\" }\n");
    s.push_str("status: illustrative\n");
    s.push_str("scale: { max: 100, unit: \"%\", decimals: 2 }\n");
    s.push_str("units:\n");
    for (i, name) in PROVINCES.iter().enumerate() {
        let _ = writeln!(s, "  - {{ key: \"p{:02}\", name: {} }}", i + 1, q(name));
    }
    s.push_str("results:\n");
    let mut r = Rng::for_item(seed, 4, 0);
    for year in PROVINCE_YEARS {
        let _ = writeln!(s, "  - year: {year}\n    scores:");
        for i in 0..PROVINCES.len() {
            let total = if r.chance(2) {
                "null".to_string()
            } else {
                hundredths(r.range(7000, 9300))
            };
            let _ = writeln!(s, "      \"p{:02}\": {{ total: {total} }}", i + 1);
        }
    }
    s
}

// ---------------------------------------------------------------- Hugo & Zola sites

const HUGO_CONFIG: &str = r#"baseURL = "https://bench.example.vn/"
languageCode = "vi"
defaultContentLanguage = "vi"
title = "Cổng thông tin điện tử huyện Phong Thổ"
timeZone = "Asia/Ho_Chi_Minh"
paginate = 20
removePathAccents = true
disableKinds = ["robotsTXT"]
[taxonomies]
  category = "categories"
  tag = "tags"
[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML"]
[markup.goldmark.renderer]
  unsafe = true
"#;

const HUGO_HEAD: &str = r#"<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} - {{ end }}{{ site.Title }}</title></head>
<body><header><a href="/">{{ site.Title }}</a> <nav><a href="/">Trang chủ</a></nav></header>
"#;

const HUGO_LIST_ITEMS: &str = r#"{{ range $p.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "02/01/2006 15:04" }}</time>
<p>{{ .Params.summary }}</p></article>
{{ end }}
<nav>{{ with $p.Prev }}<a href="{{ .URL }}">Trang trước</a>{{ end }} {{ with $p.Next }}<a href="{{ .URL }}">Trang sau</a>{{ end }}</nav>
"#;

const HUGO_SINGLE: &str = r#"<main><article><h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "02/01/2006 - 15:04" }}</time></p>
<p>{{ range .GetTerms "categories" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
<p><strong>{{ .Params.summary }}</strong></p>
{{ .Content }}
<p>{{ .Params.author }}</p>
<ul>{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<section><h2>Bình luận</h2><p>Chức năng bình luận đã đóng.</p></section>
</article></main></body></html>
"#;

const HUGO_TERMS: &str = r#"<main><h1>{{ .Title }}</h1><ul>
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}</ul></main></body></html>
"#;

fn hugo_layouts() -> Vec<(&'static str, String)> {
    let list_tail = "</main></body></html>\n";
    vec![
        ("layouts/partials/head.html", HUGO_HEAD.to_string()),
        (
            "layouts/index.html",
            format!(
                "{{{{ partial \"head.html\" . }}}}<main><h1>Tin mới nhất</h1>\n{{{{ $p := .Paginate site.RegularPages }}}}\n{HUGO_LIST_ITEMS}{list_tail}"
            ),
        ),
        (
            "layouts/_default/list.html",
            format!(
                "{{{{ partial \"head.html\" . }}}}<main><h1>{{{{ .Title }}}}</h1>\n{{{{ $p := .Paginate .Pages }}}}\n{HUGO_LIST_ITEMS}{list_tail}"
            ),
        ),
        (
            "layouts/_default/single.html",
            format!("{{{{ partial \"head.html\" . }}}}{HUGO_SINGLE}"),
        ),
        (
            "layouts/_default/terms.html",
            format!("{{{{ partial \"head.html\" . }}}}{HUGO_TERMS}"),
        ),
    ]
}

const ZOLA_CONFIG: &str = r#"base_url = "https://bench.example.vn"
title = "Cổng thông tin điện tử huyện Phong Thổ"
default_language = "vi"
compile_sass = false
build_search_index = false
generate_feeds = true
taxonomies = [
    { name = "categories", paginate_by = 20 },
    { name = "tags", paginate_by = 20 },
]
"#;

const ZOLA_HEAD: &str = r#"<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{{ config.title }}{% endblock %}</title></head>
<body><header><a href="/">{{ config.title }}</a> <nav><a href="/">Trang chủ</a></nav></header>
<main>{% block main %}{% endblock %}</main></body></html>
"#;

const ZOLA_LIST_ITEMS: &str = r#"{% for p in paginator.pages %}<article><h2><a href="{{ p.permalink }}">{{ p.title }}</a></h2>
<time datetime="{{ p.date }}">{{ p.date | date(format="%d/%m/%Y %H:%M") }}</time>
<p>{{ p.description }}</p></article>
{% endfor %}
<nav>{% if paginator.previous %}<a href="{{ paginator.previous }}">Trang trước</a>{% endif %} {% if paginator.next %}<a href="{{ paginator.next }}">Trang sau</a>{% endif %}</nav>
"#;

fn zola_templates() -> Vec<(&'static str, String)> {
    vec![
        ("templates/base.html", ZOLA_HEAD.to_string()),
        (
            "templates/index.html",
            format!(
                "{{% extends \"base.html\" %}}{{% block main %}}<h1>Tin mới nhất</h1>\n{ZOLA_LIST_ITEMS}{{% endblock %}}\n"
            ),
        ),
        (
            "templates/section.html",
            format!(
                "{{% extends \"base.html\" %}}{{% block title %}}{{{{ section.title }}}} - {{{{ config.title }}}}{{% endblock %}}{{% block main %}}<h1>{{{{ section.title }}}}</h1>\n{ZOLA_LIST_ITEMS}{{% endblock %}}\n"
            ),
        ),
        (
            "templates/taxonomy_single.html",
            format!(
                "{{% extends \"base.html\" %}}{{% block title %}}{{{{ term.name }}}} - {{{{ config.title }}}}{{% endblock %}}{{% block main %}}<h1>{{{{ term.name }}}}</h1>\n{ZOLA_LIST_ITEMS}{{% endblock %}}\n"
            ),
        ),
        (
            "templates/taxonomy_list.html",
            r#"{% extends "base.html" %}{% block main %}<h1>{{ taxonomy.name }}</h1><ul>
{% for t in terms %}<li><a href="{{ t.permalink }}">{{ t.name }}</a> ({{ t.pages | length }})</li>
{% endfor %}</ul>{% endblock %}
"#
            .to_string(),
        ),
        (
            "templates/page.html",
            r#"{% extends "base.html" %}{% block title %}{{ page.title }} - {{ config.title }}{% endblock %}{% block main %}<article><h1>{{ page.title }}</h1>
<p><time datetime="{{ page.date }}">{{ page.date | date(format="%d/%m/%Y - %H:%M") }}</time></p>
<p>{% for c in page.taxonomies.categories %}<a href="{{ get_taxonomy_url(kind="categories", name=c) }}">{{ c }}</a>{% endfor %}</p>
<p><strong>{{ page.description }}</strong></p>
{{ page.content | safe }}
<p>{{ page.extra.author }}</p>
<ul>{% for t in page.taxonomies.tags %}<li><a href="{{ get_taxonomy_url(kind="tags", name=t) }}">{{ t }}</a></li>{% endfor %}</ul>
<section><h2>Bình luận</h2><p>Chức năng bình luận đã đóng.</p></section>
</article>{% endblock %}
"#
            .to_string(),
        ),
    ]
}

// ---------------------------------------------------------------- writing

fn write(path: &Path, contents: &str) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, contents)
}

pub struct Generated {
    pub chiso: PathBuf,
    pub hugo: PathBuf,
    pub zola: PathBuf,
}

pub fn layout(dir: &Path) -> Generated {
    Generated {
        chiso: dir.join("chiso"),
        hugo: dir.join("hugo"),
        zola: dir.join("zola"),
    }
}

/// A 1×1 grey baseline JPEG (141 bytes): the placeholder for every article image.
pub fn tiny_jpeg() -> Vec<u8> {
    let mut j = vec![0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x43, 0x00];
    j.extend([1u8; 64]); // quantisation table
    j.extend([
        0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
    ]);
    for class in [0x00u8, 0x10] {
        // one Huffman code of length 1 for symbol 0 (DC: diff 0; AC: EOB)
        j.extend([0xFF, 0xC4, 0x00, 0x14, class, 0x01]);
        j.extend([0u8; 15]);
        j.push(0x00);
    }
    j.extend([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
    j.extend([0x3F, 0xFF, 0xD9]);
    j
}

/// Writes the three sites for `(n, seed)` into `dir` (which should be empty or absent).
/// `charts: false` leaves the chart shortcodes out of the chiso site too.
pub fn generate(dir: &Path, n: usize, seed: u64, charts: bool) -> io::Result<Generated> {
    let g = layout(dir);
    // chiso
    let content = g.chiso.join("content");
    write(&content.join("site.yaml"), SITE_YAML)?;
    write(
        &content.join("data/par-index.yaml"),
        &district_dataset(seed),
    )?;
    write(
        &content.join("data/par-index-tinh.yaml"),
        &province_dataset(seed),
    )?;
    // hugo
    write(&g.hugo.join("config.toml"), HUGO_CONFIG)?;
    for (p, text) in hugo_layouts() {
        write(&g.hugo.join(p), &text)?;
    }
    // zola
    write(&g.zola.join("config.toml"), ZOLA_CONFIG)?;
    for (p, text) in zola_templates() {
        write(&g.zola.join(p), &text)?;
    }
    write(
        &g.zola.join("content/_index.md"),
        "+++\nsort_by = \"date\"\npaginate_by = 20\n+++\n",
    )?;
    for (name, slug) in CATEGORIES {
        write(
            &g.zola.join(format!("content/{slug}/_index.md")),
            &format!(
                "+++\ntitle = {}\nsort_by = \"date\"\npaginate_by = 20\ntransparent = true\n+++\n",
                q(name)
            ),
        )?;
        write(
            &g.hugo.join(format!("content/{slug}/_index.md")),
            &format!("---\ntitle: {}\n---\n", q(name)),
        )?;
    }
    let jpeg = tiny_jpeg();
    for d in [
        content.join("static/images"),
        g.hugo.join("static/images"),
        g.zola.join("static/images"),
    ] {
        fs::create_dir_all(&d)?;
    }
    for i in 0..n {
        let a = article(seed, n, i, charts);
        let rel = a.meta.rel_path();
        let img = a.image.trim_start_matches('/');
        fs::write(content.join("static").join(img), &jpeg)?;
        fs::write(g.hugo.join("static").join(img), &jpeg)?;
        fs::write(g.zola.join("static").join(img), &jpeg)?;
        write(&content.join("articles").join(&rel), &a.chiso_source())?;
        write(&g.hugo.join("content").join(&rel), &a.hugo_source())?;
        write(&g.zola.join("content").join(&rel), &a.zola_source())?;
    }
    Ok(g)
}

/// (apparent bytes, allocated bytes, files) of a tree.
pub fn tree_size(dir: &Path) -> (u64, u64, u64) {
    use std::os::unix::fs::MetadataExt;
    let mut apparent = 0;
    let mut allocated = 0;
    let mut files = 0;
    for e in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if let Ok(m) = e.metadata() {
            allocated += m.blocks() * 512;
            if m.is_file() {
                apparent += m.len();
                files += 1;
            }
        }
    }
    (apparent, allocated, files)
}
