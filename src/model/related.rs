//! Related articles by relevance (issue 22): shared tags weighted by how
//! rare they are (inverse document frequency, so a tag that every article,
//! or half of them, carries counts for nothing), the same category, and
//! closeness in time.
//!
//! Scores are computed in a fixed order from the model alone, and ties go to
//! the newer article (the lower index), so the list is the same on every run
//! and with any number of threads.

/// What one article needs for relevance: its tag ids (sorted, distinct), its
/// category id and its publication time in seconds.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    pub tags: &'a [usize],
    pub category: usize,
    pub secs: i64,
}

/// Weight of the same category, next to a shared tag's
/// `ln((n - df + 0.5) / (df + 0.5))`.
const CATEGORY_WEIGHT: f64 = 0.6;
/// Most that closeness in time adds: half of it at `HALF_LIFE_DAYS` apart.
const TIME_WEIGHT: f64 = 0.5;
const HALF_LIFE_DAYS: f64 = 60.0;

/// For every article (indexed newest first), up to `max` related articles,
/// most relevant first. `tag_lists[t]` and `cat_lists[c]` hold the articles
/// of tag `t` and category `c`, ascending. An article is related when it
/// shares a tag that not every article carries, or the category.
pub fn related(
    items: &[Item],
    tag_lists: &[&[usize]],
    cat_lists: &[&[usize]],
    max: usize,
) -> Vec<Vec<usize>> {
    use rayon::prelude::*;
    // serve models the site again on every save; most edits (a body, a
    // title) leave every article's tags, category and date as they were,
    // and then the lists are the last ones (this is a pure function).
    let key = input_hash(items, tag_lists, cat_lists, max);
    let memo = || LAST.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((k, lists)) = memo().as_ref()
        && *k == key
    {
        return lists.clone();
    }
    let n = items.len();
    // Probabilistic IDF, clipped at zero: a tag on half the articles or
    // more tells nothing about what a story is about.
    let idf: Vec<f64> = tag_lists
        .iter()
        .map(|l| {
            let df = l.len() as f64;
            ((n as f64 - df + 0.5) / (df + 0.5)).ln().max(0.0)
        })
        .collect();
    // `seen[j] == i` marks j as already a candidate of i: no sorting or
    // clearing per article (one buffer per rayon job).
    let lists = (0..n)
        .into_par_iter()
        .map_init(
            || vec![usize::MAX; n],
            |seen, i| best(i, items, (tag_lists, cat_lists), &idf, max, seen),
        )
        .collect::<Vec<Vec<usize>>>();
    // Not locked while computing: a rayon worker may run another `related`.
    *memo() = Some((key, lists.clone()));
    lists
}

/// The inputs and result of the last `related` call in this process.
type Memo = Option<(u128, Vec<Vec<usize>>)>;
static LAST: std::sync::Mutex<Memo> = std::sync::Mutex::new(None);

/// Everything `related`'s result depends on, as one hash.
fn input_hash(items: &[Item], tag_lists: &[&[usize]], cat_lists: &[&[usize]], max: usize) -> u128 {
    // One buffer hashed at once: the streaming hasher costs more per word.
    let words = 2 + items.len() * 4 + tag_lists.len() + cat_lists.len();
    let mut buf: Vec<u8> = Vec::with_capacity(words * 8);
    let mut put = |v: usize| buf.extend_from_slice(&(v as u64).to_le_bytes());
    put(max);
    put(items.len());
    for it in items {
        put(it.category);
        put(it.secs as usize);
        put(it.tags.len());
        it.tags.iter().for_each(|&t| put(t));
    }
    for list in tag_lists.iter().chain(cat_lists) {
        put(list.len());
        list.iter().for_each(|&j| put(j));
    }
    xxhash_rust::xxh3::xxh3_128(&buf)
}

/// Per shared tag, how many articles on either side of an article (in
/// time) are looked at. Closeness in time is part of the score; without a
/// bound the work grows with the square of the archive (at 100,000 articles
/// each of 40 tags is on thousands of them: 285 s of CPU).
const TAG_WINDOW: usize = 128;

/// The `w` entries of a date-ordered `list` nearest to article `i` on either
/// side (and `i` itself, if there).
fn near_in(list: &[usize], i: usize, w: usize) -> &[usize] {
    let at = list.partition_point(|&j| j < i);
    &list[at.saturating_sub(w)..(at + w + 1).min(list.len())]
}

/// The `max` best candidates for article `i`.
fn best(
    i: usize,
    items: &[Item],
    (tag_lists, cat_lists): (&[&[usize]], &[&[usize]]),
    idf: &[f64],
    max: usize,
    seen: &mut [usize],
) -> Vec<usize> {
    if max == 0 {
        return Vec::new();
    }
    let me = items[i];
    seen[i] = i;
    let mut cands: Vec<usize> = Vec::new();
    let mut add = |list: &[usize]| {
        for &j in list {
            if seen[j] != i {
                seen[j] = i;
                cands.push(j);
            }
        }
    };
    for &t in me.tags {
        if idf.get(t).is_some_and(|&w| w > 0.0) {
            add(near_in(tag_lists[t], i, TAG_WINDOW));
        }
    }
    // Same category only: the nearest in time score best, so the `max` on
    // either side of `i` are enough.
    if let Some(cat) = cat_lists.get(me.category) {
        add(near_in(cat, i, max));
    }
    // Best first; the index breaks ties, so the order is total and the
    // `max` best are the same whichever way they are found.
    let order = |a: &(f64, usize), b: &(f64, usize)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    // The best so far, in order: hundreds of candidates, a handful kept,
    // and most are turned away by comparing with the last one kept (a
    // selection over all of them cost ~35,000 instructions an article).
    let mut top: Vec<(f64, usize)> = Vec::with_capacity(max + 1);
    for j in cands {
        let Some(s) = score(&me, &items[j], idf) else {
            continue;
        };
        let c = (s, j);
        if top.len() == max && top.last().is_some_and(|l| order(&c, l).is_gt()) {
            continue;
        }
        let at = top.partition_point(|x| order(x, &c).is_lt());
        top.insert(at, c);
        top.truncate(max);
    }
    // A new vector of `max` at most, not the candidates' buffer (the
    // site's lists once held ~50 KB each: 570 MiB at 10,000 articles).
    top.iter().map(|&(_, j)| j).collect()
}

/// Relevance of `b` to `a`; `None` when they share neither a weighted tag
/// nor the category.
fn score(a: &Item, b: &Item, idf: &[f64]) -> Option<f64> {
    let mut tags = 0.0;
    let (mut x, mut y) = (0, 0);
    while x < a.tags.len() && y < b.tags.len() {
        match a.tags[x].cmp(&b.tags[y]) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                tags += idf.get(a.tags[x]).copied().unwrap_or(0.0);
                x += 1;
                y += 1;
            }
        }
    }
    let same = a.category == b.category;
    if tags <= 0.0 && !same {
        return None;
    }
    let days = (a.secs - b.secs).unsigned_abs() as f64 / 86_400.0;
    let time = TIME_WEIGHT / (1.0 + days / HALF_LIFE_DAYS);
    Some(tags + if same { CATEGORY_WEIGHT } else { 0.0 } + time)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400;

    /// A small model: (tags, category, day), newest first; returns the
    /// related lists.
    fn run(spec: &[(&[usize], usize, i64)], max: usize) -> Vec<Vec<usize>> {
        let ntags = spec
            .iter()
            .flat_map(|s| s.0.iter())
            .max()
            .map_or(0, |&t| t + 1);
        let ncats = spec.iter().map(|s| s.1 + 1).max().unwrap_or(0);
        let mut tag_lists = vec![Vec::new(); ntags];
        let mut cat_lists = vec![Vec::new(); ncats];
        for (i, s) in spec.iter().enumerate() {
            for &t in s.0 {
                tag_lists[t].push(i);
            }
            cat_lists[s.1].push(i);
        }
        let items: Vec<Item> = spec
            .iter()
            .map(|s| Item {
                tags: s.0,
                category: s.1,
                secs: s.2 * DAY,
            })
            .collect();
        let t: Vec<&[usize]> = tag_lists.iter().map(Vec::as_slice).collect();
        let c: Vec<&[usize]> = cat_lists.iter().map(Vec::as_slice).collect();
        related(&items, &t, &c, max)
    }

    #[test]
    fn the_last_lists_are_reused_only_for_the_same_tags_categories_and_dates() {
        // Article 0 shares a rare tag with article 2, then (its tag changed)
        // with article 3: the second call must not answer with the first's.
        let site = |t: usize| -> Vec<Vec<usize>> {
            let tags = [[t], [7], [5], [6], [8], [9]];
            let spec: Vec<(&[usize], usize, i64)> = (0..6)
                .map(|i| (&tags[i][..], i, 60 - 5 * i as i64))
                .collect();
            run(&spec, 1)
        };
        assert_eq!(site(5)[0], [2]);
        assert_eq!(site(5)[0], [2]);
        assert_eq!(site(6)[0], [3]);
        assert_eq!(site(5)[2], [0]);
        assert_eq!(site(6)[2], Vec::<usize>::new());
    }

    #[test]
    fn a_tag_every_article_carries_relates_nothing() {
        // Tag 0 is on all three; categories differ.
        let r = run(&[(&[0], 0, 30), (&[0], 1, 20), (&[0], 2, 10)], 5);
        assert_eq!(r, vec![Vec::<usize>::new(), vec![], vec![]]);
    }

    #[test]
    fn a_rare_shared_tag_outranks_a_common_one() {
        // Article 0 shares the rare tag 2 with article 3 (old) and the
        // commoner tag 1 with articles 1 and 2 (recent); tag 0 is everywhere.
        let r = run(
            &[
                (&[0, 1, 2], 0, 100),
                (&[0, 1], 1, 99),
                (&[0, 1], 2, 98),
                (&[0, 2], 3, 1),
                (&[0], 4, 0),
                (&[0], 5, 0),
                (&[0], 6, 0),
                (&[0], 7, 0),
            ],
            5,
        );
        assert_eq!(r[0], vec![3, 1, 2]);
    }

    #[test]
    fn a_tag_on_half_the_articles_relates_nothing() {
        let r = run(&[(&[1], 0, 4), (&[1], 1, 3), (&[], 2, 2), (&[], 3, 1)], 5);
        assert_eq!(r[0], Vec::<usize>::new());
    }

    #[test]
    fn the_same_category_counts_and_nearer_in_time_ranks_higher() {
        // No shared tags: only the category relates; the closest date first,
        // whether newer or older.
        let r = run(
            &[
                (&[], 0, 200),
                (&[], 0, 150),
                (&[], 0, 101),
                (&[], 0, 100),
                (&[], 1, 100),
                (&[], 0, 98),
                (&[], 0, 10),
            ],
            3,
        );
        assert_eq!(r[3], vec![2, 5, 1]);
        assert!(!r[3].contains(&4), "another category, no tag: unrelated");
    }

    #[test]
    fn ties_go_to_the_newer_article() {
        // 1 and 3 are two days from 2, one newer and one older.
        let r = run(&[(&[], 0, 20), (&[], 0, 12), (&[], 0, 10), (&[], 0, 8)], 5);
        assert_eq!(r[2], vec![1, 3, 0]);
    }

    #[test]
    fn a_shared_rare_tag_beats_only_the_same_category() {
        // Tag 1 is on two of ten articles; article 1 shares only the
        // category, on the same day.
        let r = run(
            &[
                (&[1], 0, 50),
                (&[], 0, 50),
                (&[1], 1, 0),
                (&[], 2, 0),
                (&[], 3, 0),
                (&[], 4, 0),
                (&[], 5, 0),
                (&[], 6, 0),
                (&[], 7, 0),
                (&[], 8, 0),
                (&[], 9, 0),
            ],
            5,
        );
        assert_eq!(r[0], vec![2, 1]);
    }

    #[test]
    fn the_lists_are_the_same_with_any_number_of_threads() {
        let spec: Vec<(Vec<usize>, usize, i64)> = (0..40)
            .map(|i: usize| (vec![i % 3, 3 + i % 5], i % 4, 400 - i as i64 * 7))
            .collect();
        let view: Vec<(&[usize], usize, i64)> =
            spec.iter().map(|s| (s.0.as_slice(), s.1, s.2)).collect();
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap()
            .install(|| run(&view, 5));
        let many = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap()
            .install(|| run(&view, 5));
        assert_eq!(one, many);
        assert!(one.iter().all(|r| r.len() == 5));
        // An article reached through two tags and the category is listed once,
        // and never itself.
        for (i, r) in one.iter().enumerate() {
            let mut d = r.clone();
            d.sort_unstable();
            d.dedup();
            assert_eq!(d.len(), r.len(), "{i}: {r:?}");
            assert!(!r.contains(&i));
        }
    }

    #[test]
    fn a_long_tag_list_is_looked_at_only_near_the_article_in_time() {
        let list: Vec<usize> = (0..1000).collect();
        let near = near_in(&list, 500, TAG_WINDOW);
        assert_eq!(near.len(), 2 * TAG_WINDOW + 1);
        assert_eq!(
            (near[0], near[near.len() - 1]),
            (500 - TAG_WINDOW, 500 + TAG_WINDOW)
        );
        // At the ends, and for an article not in the list.
        assert_eq!(near_in(&list, 0, TAG_WINDOW), &list[..=TAG_WINDOW]);
        let odd: Vec<usize> = (0..1000).filter(|j| j % 2 == 1).collect();
        let n = near_in(&odd, 500, 2);
        assert_eq!(n, &[497, 499, 501, 503, 505]);
        // A short list is looked at whole.
        assert_eq!(near_in(&[3, 9], 5, TAG_WINDOW), &[3, 9]);
    }

    #[test]
    fn related_lists_hold_no_more_memory_than_the_articles_they_keep() {
        // 300 articles, a tag on every third: each has ~100 candidates.
        let tag: &[usize] = &[0];
        let spec: Vec<(&[usize], usize, i64)> = (0..300)
            .map(|i| (if i % 3 == 0 { tag } else { &[][..] }, i % 7, i as i64))
            .collect();
        let lists = run(&spec, 5);
        assert!(lists.iter().all(|l| l.len() <= 5));
        for (i, l) in lists.iter().enumerate() {
            assert!(l.capacity() <= 5, "{i}: capacity {}", l.capacity());
        }
    }

    #[test]
    fn the_best_kept_are_the_first_of_every_candidate_sorted() {
        // 60 articles, each its own category, tags from a few patterns and
        // dates that repeat: many equal scores, broken by the index. All
        // are within the tag window, so every article sharing a weighted tag
        // is a candidate and the brute force below sees the same ones.
        let patterns: [&[usize]; 6] = [&[0, 1], &[1, 2], &[0, 2, 3], &[3], &[1, 3, 4], &[2]];
        let spec: Vec<(&[usize], usize, i64)> = (0..60)
            .map(|i| (patterns[i % 6], i, 100 - (i as i64 / 4)))
            .collect();
        let lists = run(&spec, 5);
        let items: Vec<Item> = spec
            .iter()
            .map(|s| Item {
                tags: s.0,
                category: s.1,
                secs: s.2 * DAY,
            })
            .collect();
        let n = items.len() as f64;
        let idf: Vec<f64> = (0..5)
            .map(|t| {
                let df = items.iter().filter(|it| it.tags.contains(&t)).count() as f64;
                ((n - df + 0.5) / (df + 0.5)).ln().max(0.0)
            })
            .collect();
        for (i, list) in lists.iter().enumerate() {
            let mut all: Vec<(f64, usize)> = (0..items.len())
                .filter(|&j| j != i)
                .filter_map(|j| score(&items[i], &items[j], &idf).map(|s| (s, j)))
                .collect();
            all.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            let want: Vec<usize> = all.iter().take(5).map(|&(_, j)| j).collect();
            assert_eq!(list, &want, "article {i}");
        }
    }
}
