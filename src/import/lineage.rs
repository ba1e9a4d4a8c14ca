//! Lineage for units a table adds (`--add-units`): from `--lineage FILE`
//! (CSV: old key, new key, the new unit's first day) or from the dataset's
//! `lineage:` table. A new unit after the reform is never added without
//! saying what it was formed from: that would let its numbers be read as
//! the continuation of another unit's.

use super::yamlout::{key, quote};
use crate::data::Dataset;
use crate::data::lineage::{self as table, Role};
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::diag::codes;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::fs::{FileKind, read_text_as};
use std::path::Path;

/// One line of a lineage file: `old` was (partly) taken over by `new`,
/// which begins on `since` (`YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub old: String,
    pub new: String,
    pub since: String,
}

/// Read a lineage CSV. A first line whose third cell is not a date is a
/// header; blank lines and lines starting with `#` are skipped.
pub fn read(path: &Path) -> Result<Vec<Link>, Diagnostics> {
    let text = read_text_as(path, path, FileKind::Data)?;
    let mut out = Vec::new();
    let mut diags = Diagnostics::new();
    for (i, line) in text.lines().enumerate() {
        let l = line.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = l.split(',').map(|c| c.trim().trim_matches('"')).collect();
        let date_ok = |d: &str| d.len() == 10 && d.parse::<jiff::civil::Date>().is_ok();
        if cells.len() == 3 && date_ok(cells[2]) && !cells[0].is_empty() && !cells[1].is_empty() {
            out.push(Link {
                old: cells[0].to_string(),
                new: cells[1].to_string(),
                since: cells[2].to_string(),
            });
        } else if !(out.is_empty()
            && diags.is_empty()
            && cells.len() == 3
            && !cells[2].chars().any(|c| c.is_ascii_digit()))
        {
            diags.push(
                Diagnostic::error(codes::IMPORT, path, msg!(m::IMP_LINEAGE_LINE))
                    .at(i + 1, 1)
                    .hint(msg!(m::IMP_LINEAGE_LINE_HINT)),
            );
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(out)
}

/// How a unit the table adds gets its lineage.
pub enum Given {
    /// From the lineage file: its first day and predecessors.
    File { since: String, from: Vec<String> },
    /// The dataset's `lineage:` table knows it (validation fills it in).
    Table,
    /// Not needed: the dataset has no units over time and the year is before the reform.
    NotNeeded,
    /// Needed and not given: an error.
    Missing,
}

/// The key a new unit gets: `<slug>-2025` when the dataset's `lineage:`
/// table knows it by that name (a province formed by a merger).
pub fn table_key(ds: &Dataset, base: &str) -> Option<String> {
    let name = ds.lineage.as_deref()?;
    let k = format!("{base}-2025");
    matches!(table::role(name, &k), Some(Role::Formed { .. })).then_some(k)
}

/// The lineage of unit `k` added to `ds` in `year`.
pub fn given(ds: &Dataset, links: &[Link], k: &str, year: i32) -> Given {
    let mine: Vec<&Link> = links.iter().filter(|l| l.new == k).collect();
    if let Some(first) = mine.first() {
        return Given::File {
            since: first.since.clone(),
            from: mine.iter().map(|l| l.old.clone()).collect(),
        };
    }
    if ds
        .lineage
        .as_deref()
        .is_some_and(|n| table::role(n, k).is_some())
    {
        return Given::Table;
    }
    let over_time = ds
        .units
        .iter()
        .any(|u| u.since.is_some() || u.until.is_some());
    if over_time || year >= table::REFORM_SINCE.year {
        Given::Missing
    } else {
        Given::NotNeeded
    }
}

/// The `units:` line of an added unit: with its own `slug:` when the one
/// its name gives is taken (the new Tuyên Quang beside the old), and with
/// its lineage from the file.
pub fn unit_item(
    k: &str,
    name: &str,
    short: Option<&str>,
    slug: Option<&str>,
    life: Option<&(String, Vec<String>)>,
    ind: usize,
    eol: &str,
) -> String {
    let mut extra = String::new();
    if let Some(s) = short {
        extra.push_str(&format!(", short: {}", quote(s)));
    }
    if let Some(s) = slug {
        extra.push_str(&format!(", slug: {}", key(s)));
    }
    if let Some((since, from)) = life {
        let from: Vec<String> = from.iter().map(|f| key(f)).collect();
        extra.push_str(&format!(
            ", since: {since}, formed_from: [{}]",
            from.join(", ")
        ));
    }
    format!(
        "{}- {{ key: {}, name: {}{extra} }}{eol}",
        " ".repeat(ind),
        key(k),
        quote(name),
    )
}

/// The slug an added unit must be given: its key, when the slug its short
/// name (else its name) gives is already another unit's.
pub fn slug_for(ds: &Dataset, k: &str, name: &str) -> Option<String> {
    let derived = crate::util::text::slugify(name);
    ds.units
        .iter()
        .any(|u| u.slug == derived)
        .then(|| k.to_string())
}

/// The error for new units without lineage: every one named, and the two
/// ways to give it.
pub fn missing(ds: &Dataset, names: &[String]) -> Diagnostic {
    Diagnostic::error(
        codes::IMPORT,
        ds.file.clone(),
        msg!(
            m::IMP_NO_LINEAGE,
            names = names.join(", "),
            dataset = &ds.slug
        ),
    )
    .hint(msg!(
        m::IMP_NO_LINEAGE_HINT,
        names = table::NAMES.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lineage_file_has_old_new_and_date_with_an_optional_header() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("l.csv");
        std::fs::write(
            &p,
            "old,new,date\nphong-tho,xa-phong-tho,2025-07-01\n# note\nphong-tho,phuong-doan-ket,2025-07-01\n",
        )
        .unwrap();
        let l = read(&p).unwrap();
        assert_eq!(l.len(), 2);
        assert_eq!(l[1].new, "phuong-doan-ket");
        std::fs::write(&p, "phong-tho,xa-phong-tho,1/7/2025\n").unwrap();
        let e = read(&p).unwrap_err().into_vec();
        assert_eq!(e[0].line, 1);
    }

    const DISTRICT: &str = "title: T\nsource:\n  - { name: S }\nscale: { max: 100, unit: điểm }\nunits:\n  - { key: phong-tho, name: Huyện Phong Thổ, short: Phong Thổ }\nresults:\n  - year: 2022\n    scores:\n      phong-tho: { total: 72.1 }\n";

    /// Import a 2025 commune table into the district dataset.
    fn import_2025(lineage: Option<&str>) -> (tempfile::TempDir, Result<String, Vec<String>>) {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("content/data");
        std::fs::create_dir_all(&data).unwrap();
        let into = data.join("cchc.yaml");
        std::fs::write(&into, DISTRICT).unwrap();
        let table = dir.path().join("2025.csv");
        std::fs::write(
            &table,
            "Đơn vị;Tổng điểm\nXã Phong Thổ;79.15\nPhường Đoàn Kết;84.3\n",
        )
        .unwrap();
        let lineage = lineage.map(|text| {
            let p = dir.path().join("lineage.csv");
            std::fs::write(&p, text).unwrap();
            p
        });
        let o = crate::import::ImportOptions {
            file: table,
            into: into.clone(),
            year: Some(2025),
            add_units: true,
            lineage,
            ..Default::default()
        };
        let r = crate::import::import_data(&o)
            .map(|_| std::fs::read_to_string(&into).unwrap())
            .map_err(|d| d.iter().map(|x| x.message.to_string()).collect());
        (dir, r)
    }

    #[test]
    fn new_units_of_2025_are_never_added_without_lineage() {
        let (_d, r) = import_2025(None);
        let errs = r.unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(
            errs[0].contains("Xã Phong Thổ (xa-phong-tho), Phường Đoàn Kết (phuong-doan-ket)"),
            "{errs:?}"
        );
    }

    #[test]
    fn a_lineage_file_gives_the_added_units_their_start_and_predecessors() {
        let (_d, r) = import_2025(Some(
            "old,new,date\nphong-tho,xa-phong-tho,2025-07-01\nphong-tho,phuong-doan-ket,2025-07-01\n",
        ));
        let text = r.unwrap();
        assert!(
            text.contains("key: xa-phong-tho, name: \"Xã Phong Thổ\", since: 2025-07-01, formed_from: [phong-tho] }"),
            "{text}"
        );
        let ds = crate::data::load_str(&text, "cchc", Path::new("cchc.yaml")).unwrap();
        let u = ds.unit_by_ref("phuong-doan-ket").unwrap();
        assert_eq!(ds.units[u].formed_from, [0]);
    }

    #[test]
    fn a_2025_tuyen_quang_row_becomes_the_new_province_never_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("content/data");
        std::fs::create_dir_all(&data).unwrap();
        let into = data.join("par.yaml");
        std::fs::write(
            &into,
            "title: T\nsource:\n  - { name: S }\nscale: { max: 100 }\nlineage: vn-2025-provinces\nunits:\n  - { key: ha-giang, name: Hà Giang }\n  - { key: tuyen-quang, name: Tuyên Quang }\n  - { key: lai-chau, name: Lai Châu }\nresults:\n  - year: 2024\n    scores:\n      ha-giang: { total: 80 }\n      tuyen-quang: { total: 85 }\n      lai-chau: { total: 82 }\n",
        )
        .unwrap();
        let table = dir.path().join("2025.csv");
        std::fs::write(
            &table,
            "Địa phương;Tổng điểm\nTuyên Quang;86.1\nLai Châu;84.2\n",
        )
        .unwrap();
        let o = crate::import::ImportOptions {
            file: table,
            into: into.clone(),
            year: Some(2025),
            add_units: true,
            ..Default::default()
        };
        crate::import::import_data(&o).unwrap_or_else(|d| panic!("{:?}", d.into_vec()));
        let text = std::fs::read_to_string(&into).unwrap();
        let ds = crate::data::load_str(&text, "par", Path::new("par.yaml")).unwrap();
        let new = ds
            .unit_by_ref("tuyen-quang-2025")
            .expect("added as the new province");
        let old = ds.unit_by_ref("tuyen-quang").unwrap();
        assert_eq!(ds.score(new, 2025).and_then(|s| s.total), Some(86.1));
        assert!(
            ds.score(old, 2025).is_none(),
            "the old province gets no 2025 number"
        );
        assert_eq!(ds.units[new].formed_from.len(), 2);
        // Lai Châu is unchanged: the same unit carries on.
        let lc = ds.unit_by_ref("lai-chau").unwrap();
        assert_eq!(ds.score(lc, 2025).and_then(|s| s.total), Some(84.2));
    }
}
