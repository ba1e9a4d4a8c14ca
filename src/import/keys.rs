//! Short keys for the fields of a new dataset, as a person would type them:
//! "Cải cách thể chế" → `the-che`, "Cải cách thủ tục hành chính" → `tthc`,
//! "Xây dựng, phát triển chính phủ điện tử" → `cpdt`. The header stays the
//! field's `name:`; the key is what an article's `value` shortcode and the
//! scores' `fields: { … }` use, so it is short, readable and unique.

use crate::util::text::slugify;

/// The longest key made (a shared beginning is cut at a word).
pub const MAX_KEY: usize = 16;

/// Phrases (as slugs) that editors write as initials.
const INITIALS: &[(&str, &str)] = &[
    ("thu-tuc-hanh-chinh", "tthc"),
    ("cai-cach-hanh-chinh", "cchc"),
    ("chinh-phu-dien-tu", "cpdt"),
    ("chinh-phu-so", "cps"),
    ("chinh-quyen-dien-tu", "cqdt"),
    ("chinh-quyen-so", "cqs"),
    ("cong-nghe-thong-tin", "cntt"),
    ("chuyen-doi-so", "cds"),
    ("dich-vu-cong", "dvc"),
    ("uy-ban-nhan-dan", "ubnd"),
    ("hoi-dong-nhan-dan", "hdnd"),
];

/// Words that begin many headers and tell them apart from nothing:
/// "Cải cách …", "Công tác …", "Xây dựng, phát triển …".
const LEADING: &[&str] = &[
    "cai-cach",
    "cong-tac",
    "xay-dung",
    "phat-trien",
    "thuc-hien",
    "nang-cao",
    "tieu-chi-ve",
    "linh-vuc",
    "chi-so-thanh-phan",
    // "Cải cách tổ chức bộ máy", "Cải cách chế độ công vụ": the second
    // words name the field.
    "to-chuc",
    "che-do",
];

/// Small words skipped anywhere in a key.
const FILLER: &[&str] = &["cua", "va", "cac", "nhung", "trong", "ve", "doi-voi", "o"];

/// A word of a header: initials count as two syllables (a whole key).
#[derive(Clone, Debug, PartialEq)]
struct Word {
    text: String,
    weight: usize,
}

/// The header's meaningful words: initials joined, numbering, leading and
/// small words left out.
fn words(name: &str) -> Vec<Word> {
    let slug = slugify(name);
    let mut syl: Vec<&str> = slug.split('-').filter(|s| !s.is_empty()).collect();
    // "1.", "II.", "a)": the header's numbering.
    while syl.len() > 1 && is_numbering(syl[0]) {
        syl.remove(0);
    }
    let mut out: Vec<Word> = Vec::new();
    let mut i = 0;
    'next: while i < syl.len() {
        for (phrase, short) in INITIALS {
            let n = phrase.split('-').count();
            if i + n <= syl.len() && syl[i..i + n].join("-") == *phrase {
                out.push(Word {
                    text: (*short).to_string(),
                    weight: 2,
                });
                i += n;
                continue 'next;
            }
        }
        let starts = |list: &[&str]| {
            list.iter().find_map(|p| {
                let n = p.split('-').count();
                (i + n <= syl.len() && syl[i..i + n].join("-") == *p).then_some(n)
            })
        };
        if out.is_empty() {
            if let Some(n) = starts(LEADING).filter(|&n| i + n < syl.len()) {
                i += n;
                continue;
            }
        }
        if let Some(n) = starts(FILLER).filter(|&n| i + n < syl.len()) {
            i += n;
            continue;
        }
        out.push(Word {
            text: syl[i].to_string(),
            weight: 1,
        });
        i += 1;
    }
    out
}

fn is_numbering(s: &str) -> bool {
    s.chars().all(|c| c.is_ascii_digit())
        || matches!(
            s,
            "i" | "ii" | "iii" | "iv" | "v" | "vi" | "vii" | "viii" | "ix" | "x" | "a" | "b" | "c"
        )
}

/// The first two syllables' worth of words, at most `MAX_KEY` long.
fn key_of(words: &[Word]) -> String {
    let mut key = String::new();
    let mut weight = 0;
    for w in words {
        if weight >= 2 {
            break;
        }
        let sep = usize::from(!key.is_empty());
        if !key.is_empty() && key.len() + sep + w.text.len() > MAX_KEY {
            break;
        }
        if !key.is_empty() {
            key.push('-');
        }
        key.push_str(&w.text);
        weight += w.weight;
    }
    cut(&key)
}

/// At most `MAX_KEY` bytes (keys are ASCII slugs), never ending in `-`.
fn cut(key: &str) -> String {
    key[..key.len().min(MAX_KEY)]
        .trim_end_matches('-')
        .to_string()
}

/// A key for every name, in order: short, unique among `names` and
/// different from every key in `taken`. Names with the same slug get the
/// same key (the import reports the two columns as one field twice).
pub fn short_keys(names: &[&str], taken: &[&str]) -> Vec<String> {
    let split: Vec<Vec<Word>> = names.iter().map(|n| words(n)).collect();
    let full: Vec<String> = names.iter().map(|n| slugify(n)).collect();
    let mut keys: Vec<String> = split.iter().map(|w| key_of(w)).collect();
    // Two different headers sharing a key ("Quản trị môi trường", "Quản trị
    // điện tử"): each says what follows their shared words instead.
    for i in 0..names.len() {
        let group: Vec<usize> = (0..names.len())
            .filter(|&j| keys[j] == keys[i] && full[j] != full[i])
            .collect();
        if group.is_empty() {
            continue;
        }
        let mut members = group.clone();
        members.push(i);
        let common = (0..)
            .take_while(|&k| {
                let first = split[members[0]].get(k);
                first.is_some() && members.iter().all(|&j| split[j].get(k) == first)
            })
            .count();
        let base = keys[i].clone();
        for &j in &members {
            let rest = key_of(&split[j][common.min(split[j].len())..]);
            keys[j] = if rest.is_empty() || rest.chars().all(|c| c.is_ascii_digit() || c == '-') {
                cut(&format!("{base}-{rest}"))
            } else {
                rest
            };
        }
    }
    // Whatever still collides (or is empty, or taken) gets a number.
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for (i, key) in keys.iter().enumerate() {
        if let Some(j) = (0..i).find(|&j| full[j] == full[i]) {
            out.push(out[j].clone());
            continue;
        }
        let base = if key.is_empty() {
            "chi-tieu".to_string()
        } else {
            key.clone()
        };
        let used = |k: &str| taken.contains(&k) || out.iter().any(|o| o == k);
        let mut k = base.clone();
        let mut n = 2;
        while used(&k) {
            let tail = format!("-{n}");
            k = format!(
                "{}{tail}",
                cut(&base[..base.len().min(MAX_KEY - tail.len())])
            );
            n += 1;
        }
        out.push(k);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::short_keys;

    fn one(name: &str) -> String {
        short_keys(&[name], &[]).remove(0)
    }

    #[test]
    fn the_par_index_fields_get_the_keys_editors_write() {
        assert_eq!(one("Cải cách thể chế"), "the-che");
        assert_eq!(one("Cải cách thủ tục hành chính"), "tthc");
        assert_eq!(one("Công tác chỉ đạo, điều hành CCHC"), "chi-dao");
        assert_eq!(one("Xây dựng, phát triển chính phủ điện tử"), "cpdt");
        assert_eq!(one("Tác động của CCHC"), "tac-dong");
        assert_eq!(one("Cải cách tài chính công"), "tai-chinh");
        assert_eq!(one("Cải cách tổ chức bộ máy"), "bo-may");
        assert_eq!(one("Cải cách chế độ công vụ"), "cong-vu");
        assert_eq!(one("1. Cải cách thể chế"), "the-che");
        assert_eq!(one("Cải cách"), "cai-cach");
    }

    #[test]
    fn keys_are_short_and_unique() {
        let names = [
            "Quản trị môi trường",
            "Quản trị điện tử",
            "Tiêu chí 1",
            "Tiêu chí 2",
            "Thể chế",
            "Cải cách thể chế",
            "Đánh giá mức độ hài lòng của người dân đối với sự phục vụ",
        ];
        let keys = short_keys(&names, &["danh-gia"]);
        assert_eq!(
            keys,
            [
                "moi-truong",
                "dien-tu",
                "tieu-chi-1",
                "tieu-chi-2",
                "the-che",
                "the-che-2",
                "danh-gia-2"
            ]
        );
        for k in &keys {
            assert!(k.len() <= super::MAX_KEY, "{k}");
            assert!(crate::util::text::is_valid_slug(k), "{k}");
        }
        // The same header twice keeps one key: the import reports the pair.
        assert_eq!(
            short_keys(&["Thể chế", "THỂ CHẾ"], &[]),
            ["the-che", "the-che"]
        );
        let long = short_keys(&["Abcdefghijklmnopqrstuvwxyz"], &[]);
        assert_eq!(long, ["abcdefghijklmnop"]);
    }
}
