//! serve re-renders, after a body edit, only the article itself; after an
//! edit of what other pages show (title, summary, date, caption, featured),
//! those pages too. Either way its output is a fresh build's.

use super::search_tests::{basic_site, started};
use super::*;

/// Every page and feed of an output: path → text (serve's live reload
/// script taken out).
fn pages(out: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| {
            let p = e.path().to_string_lossy();
            e.file_type().is_file() && (p.ends_with(".html") || p.ends_with(".xml"))
        })
        .map(|e| {
            let rel = e.path().strip_prefix(out).unwrap();
            let text = std::fs::read_to_string(e.path()).unwrap();
            (
                rel.to_string_lossy().into_owned(),
                text.replace(LIVE_RELOAD, ""),
            )
        })
        .collect()
}

struct Fixture {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    opts: BuildOptions,
    state: State,
    serve_out: PathBuf,
    builds: usize,
}

impl Fixture {
    fn new() -> Fixture {
        let tmp = tempfile::tempdir().unwrap();
        let root = basic_site(tmp.path());
        let serve_out = tmp.path().join("serve-out");
        let (opts, state) = started(&root, &serve_out);
        Fixture {
            _tmp: tmp,
            root,
            opts,
            state,
            serve_out,
            builds: 0,
        }
    }

    /// Edit one article and rebuild; how many jobs were rendered.
    fn edit(&mut self, rel: &str, f: impl FnOnce(String) -> String) -> usize {
        let path = self.root.join(rel);
        std::fs::write(&path, f(std::fs::read_to_string(&path).unwrap())).unwrap();
        let mut dirty = Dirty::default();
        dirty.add(Path::new(rel));
        self.state.rebuild(&dirty).unwrap().rendered
    }

    /// serve's pages equal a fresh build's.
    fn assert_fresh(&mut self, after: &str) {
        self.builds += 1;
        let out = self.root.with_file_name(format!("build-{}", self.builds));
        crate::build(&BuildOptions {
            output: Some(out.clone()),
            ..self.opts.clone()
        })
        .unwrap();
        let (served, fresh) = (pages(&self.serve_out), pages(&out));
        assert_eq!(
            served.keys().collect::<Vec<_>>(),
            fresh.keys().collect::<Vec<_>>(),
            "after {after}"
        );
        for (p, text) in &fresh {
            assert!(
                served[p] == *text,
                "after {after}: {p} differs:\n{}\n---\n{text}",
                served[p]
            );
        }
    }

    fn page(&self, rel: &str) -> String {
        std::fs::read_to_string(self.serve_out.join(rel)).unwrap()
    }
}

const MOT: &str = "content/articles/tin-tuc/mot.md";
const HAI: &str = "content/articles/tin-tuc/hai.md";
const BA: &str = "content/articles/tin-tuc/ba.md";

#[test]
fn a_body_edit_renders_its_own_page_and_what_indexes_it_not_the_lists() {
    let mut f = Fixture::new();
    let body = f.edit(MOT, |t| format!("{t}\nMột câu thêm vào thân bài.\n"));
    f.assert_fresh("a body edit");
    let title = f.edit(MOT, |t| {
        t.replace("Bài một: ngày Chủ nhật", "Bài một: tên mới")
    });
    f.assert_fresh("a title edit");
    assert!(
        body < title,
        "a body edit renders {body} jobs, a title edit {title}"
    );
    // Only the article, the feed, aliases, redirects and the search index.
    assert!(body <= 6, "a body edit renders {body} jobs");
}

#[test]
fn what_other_pages_show_of_an_edited_article_is_renewed_everywhere() {
    let mut f = Fixture::new();
    f.edit(MOT, |t| {
        t.replace("Bài một: ngày Chủ nhật", "Bài một: Nậm Xe mùa lúa")
    });
    f.assert_fresh("a title edit");
    assert!(
        f.page("luu-tru/index.html")
            .contains("Bài một: Nậm Xe mùa lúa")
    );
    assert!(f.page("index.html").contains("Bài một: Nậm Xe mùa lúa"));
    f.edit(MOT, |t| t.replace("Sapo bài một.", "Sapo mới của bài một."));
    f.assert_fresh("a summary edit");
    f.edit(MOT, |t| {
        t.replace("Chú thích ảnh bài một.", "Chú thích mới.")
    });
    f.assert_fresh("a caption edit");
    f.edit(MOT, |t| t.replace("2024-06-23T09:05", "2024-06-21T09:05"));
    f.assert_fresh("a date edit");
    f.edit(HAI, |t| t.replacen("---\n", "---\nfeatured: true\n", 1));
    f.assert_fresh("featured");
    f.edit(HAI, |t| format!("{t}\nThân bài đổi.\n"));
    f.assert_fresh("a body edit after them");
}

#[test]
fn a_front_matter_edit_that_moves_an_article_in_the_model_is_seen_everywhere() {
    let mut f = Fixture::new();
    f.edit(BA, |t| {
        t.replace("tags: [\"Giáo dục\"]", "tags: [\"Phong Thổ\"]")
    });
    f.assert_fresh("a tag edit");
    assert!(!f.page("the/phong-tho/index.html").is_empty());
    f.edit(BA, |t| {
        t.replace("category: \"Tin tức\"", "category: \"Kinh tế\"")
    });
    f.assert_fresh("a category edit");
    assert!(f.page("kinh-te/index.html").contains("Bài ba"));
    f.edit(BA, |t| {
        t.replacen("---\n", "---\nslug: \"bai-ba-doi\"\n", 1)
    });
    f.assert_fresh("a slug edit");
    f.edit(BA, |t| {
        t.replacen("---\n", "---\naliases: [\"/tin-cu/ba/\"]\n", 1)
    });
    f.assert_fresh("an alias added");
    f.edit(BA, |t| {
        t.replace("title: \"Bài ba\"", "title: \"Bài ba, tên khác\"")
    });
    f.assert_fresh("the title of an article with an alias");
    let alias = f.page("tin-cu/ba/index.html");
    assert!(alias.contains("Bài ba, tên khác"), "{alias}");
    f.edit(BA, |t| format!("{t}\nThân bài thêm.\n"));
    f.assert_fresh("a body edit after them");
}
