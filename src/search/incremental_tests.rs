//! serve's index, updated edit by edit, against a fresh one.

use super::super::files::index_files_of;
use super::*;
use std::collections::BTreeMap;

const WORDS: &str = "bản bán Bàn một cửa liên thông mường so thảo quả Phong Thổ huyện xã \
                     đường điện học sinh nông thôn mới chỉ số";

/// Document `i` of a deterministic corpus, its text `n` words long.
fn doc(i: usize, n: usize) -> Doc {
    let words: Vec<&str> = WORDS.split_whitespace().collect();
    let w = |k: usize| words[(i * 7 + k * k * 3 + k) % words.len()];
    Doc {
        title: format!("{} {} số {i}", w(1), w(2)),
        url: format!("/tin/bai-{i}/"),
        date: format!("{:02}/03/2025", i % 28 + 1),
        category: i % 3,
        year: 2025 - (i / 50) as i32,
        text: (0..n).map(w).collect::<Vec<_>>().join(" "),
    }
}

fn cats() -> Vec<String> {
    ["Tin tức", "Kinh tế", "Xã hội", "Trang", "Số liệu"]
        .map(String::from)
        .to_vec()
}

fn as_map(files: Vec<OutputFile>) -> BTreeMap<String, Vec<u8>> {
    files.into_iter().map(|f| (f.path, f.bytes)).collect()
}

/// What serve leaves on disk: each update's files written over the
/// last, the files gone removed.
fn apply(disk: &mut BTreeMap<String, Vec<u8>>, cache: &mut Cache, docs: &[Doc]) -> usize {
    let sources = docs
        .iter()
        .map(|d| Source {
            doc: Doc {
                text: String::new(),
                ..d.clone()
            },
            parts: d.text.split_inclusive(' ').collect(),
            text_hash: None,
        })
        .collect();
    let files = cache.update("/base", &cats(), sources);
    let n = files.len();
    disk.extend(as_map(files));
    for p in cache.take_gone() {
        disk.remove(&p);
    }
    n
}

fn built(docs: &[Doc]) -> BTreeMap<String, Vec<u8>> {
    as_map(index_files_of("/base", &cats(), docs.to_vec()))
}

#[test]
fn an_incrementally_updated_index_is_byte_for_byte_a_fresh_one() {
    let mut docs: Vec<Doc> = (0..400).map(|i| doc(i, 40 + i % 30)).collect();
    let (mut cache, mut disk) = (Cache::default(), BTreeMap::new());
    apply(&mut disk, &mut cache, &docs);
    assert_eq!(disk, built(&docs));
    assert!(
        disk.keys().filter(|p| p.contains("/i/")).count() > 1,
        "several shards"
    );

    // One body edited in place: a few files, not the whole index.
    docs[7].text.push_str(" Câu đo thời gian số 1.");
    let n = apply(&mut disk, &mut cache, &docs);
    assert_eq!(disk, built(&docs));
    assert!(n < 20, "{n} files for one edit");

    // A title and a body, words gained and lost; then undone.
    let before = docs.clone();
    docs[3].title = "Đường mới về xã".into();
    docs[100].text = "một cửa".into();
    apply(&mut disk, &mut cache, &docs);
    assert_eq!(disk, built(&docs));
    apply(&mut disk, &mut cache, &before);
    assert_eq!(disk, built(&before));
    docs = before;

    // One document's many new words raise the shard count in place.
    docs[50].text = (0..6000)
        .map(|k| format!("tu{k}"))
        .collect::<Vec<_>>()
        .join(" ");
    apply(&mut disk, &mut cache, &docs);
    assert_eq!(disk, built(&docs));
    docs[50] = doc(50, 60);
    apply(&mut disk, &mut cache, &docs);
    assert_eq!(
        disk,
        built(&docs),
        "and lowers it again, the extra shards gone"
    );

    // Documents removed, moved and added renumber the rest.
    docs.remove(0);
    docs.swap(10, 20);
    apply(&mut disk, &mut cache, &docs);
    assert_eq!(disk, built(&docs));
    docs.extend((400..420).map(|i| doc(i, 35)));
    apply(&mut disk, &mut cache, &docs);
    assert_eq!(disk, built(&docs));

    // After a reset every file is returned again.
    cache.reset();
    let n = apply(&mut disk, &mut cache, &docs);
    assert_eq!(n, disk.len());
}
