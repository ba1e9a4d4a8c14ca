//! Near misses: a misspelt key or category within a small edit distance of
//! a known one ("Cải cách hành chánh" beside "Cải cách hành chính").

/// Levenshtein distance over characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// How far two names may be and still be the same one misspelt: 1 for
/// short names, 2 from 8 characters on.
pub fn close_enough(a: &str, b: &str) -> bool {
    let n = a.chars().count().min(b.chars().count());
    let limit = if n >= 8 { 2 } else { 1 };
    n >= 4 && a != b && distance(a, b) <= limit
}

/// The candidate closest to `word`, when it is close enough.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .filter(|c| close_enough(word, c))
        .min_by_key(|c| (distance(word, c), *c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_names_are_found_and_far_ones_are_not() {
        assert_eq!(distance("catgory", "category"), 1);
        assert_eq!(
            suggest("catgory", ["title", "category", "tags"]),
            Some("category")
        );
        assert_eq!(suggest("summery", ["summary", "date"]), Some("summary"));
        assert_eq!(suggest("xyz", ["title"]), None);
        assert!(close_enough("cai-cach-hanh-chanh", "cai-cach-hanh-chinh"));
        assert!(!close_enough("kinh-te", "van-hoa"));
    }
}
