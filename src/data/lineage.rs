//! Built-in lineage tables a dataset names with `lineage:`.
//!
//! `vn-2025-provinces`: the 63 → 34 provinces of Resolution 202/2025/QH15
//! (old provinces end on 2025-06-30, new ones begin on 2025-07-01), from
//! `assets/lineage/vn-2025-provinces.tsv` (generated from the MIT-licensed
//! `vietnamadminunits` package; its licence is beside the table).
//!
//! Keys: a province is found by its code (`02`) or the slug of its short
//! name (`ha-giang`). An old province that merged keeps those keys; the new
//! province formed by a merger is `<code>-2025` or `<slug>-2025`
//! (`08-2025`, `tuyen-quang-2025`), since its name and code are those of
//! one of its predecessors but it is another unit. A province left
//! unchanged (Lai Châu) is one unit throughout and gets nothing.

use super::dataset::Day;
use crate::util::text::slugify;

/// The names `lineage:` accepts.
pub const NAMES: &[&str] = &["vn-2025-provinces"];

const PROVINCES: &str = include_str!("../../assets/lineage/vn-2025-provinces.tsv");

/// The last day of the old units.
pub const REFORM_UNTIL: Day = Day {
    year: 2025,
    month: 6,
    day: 30,
};
/// The first day of the new units.
pub const REFORM_SINCE: Day = Day {
    year: 2025,
    month: 7,
    day: 1,
};

/// One line of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub old_code: String,
    pub old_name: String,
    pub new_code: String,
    pub new_name: String,
}

/// What a dataset key is in the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// An old province that merged into `successor` (the new one's keys:
    /// its code and slug, each with `-2025`).
    Ended { successor: [String; 2] },
    /// A new province formed from these old ones (their codes and slugs).
    Formed { from: Vec<[String; 2]> },
}

/// Every line of the province table.
pub fn province_links() -> Vec<Link> {
    PROVINCES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c.len() == 4).then(|| Link {
                old_code: c[0].to_string(),
                old_name: c[1].to_string(),
                new_code: c[2].to_string(),
                new_name: c[3].to_string(),
            })
        })
        .collect()
}

/// The role of `key` in table `name`, if any. Unchanged provinces have none.
pub fn role(name: &str, key: &str) -> Option<Role> {
    if name != "vn-2025-provinces" {
        return None;
    }
    let links = province_links();
    let merged = |new_code: &str| links.iter().filter(|l| l.new_code == new_code).count() > 1;
    let keys = |code: &str, name: &str| [code.to_string(), slugify(name)];
    if let Some(base) = key.strip_suffix("-2025") {
        let l = links
            .iter()
            .find(|l| l.new_code == base || slugify(&l.new_name) == base)?;
        if !merged(&l.new_code) {
            return None;
        }
        let from = links
            .iter()
            .filter(|o| o.new_code == l.new_code)
            .map(|o| keys(&o.old_code, &o.old_name))
            .collect();
        return Some(Role::Formed { from });
    }
    let l = links
        .iter()
        .find(|l| l.old_code == key || slugify(&l.old_name) == key)?;
    merged(&l.new_code).then(|| Role::Ended {
        successor: [
            format!("{}-2025", l.new_code),
            format!("{}-2025", slugify(&l.new_name)),
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_province_table_has_63_old_and_34_new_provinces() {
        let l = province_links();
        assert_eq!(l.len(), 63);
        let mut new: Vec<&str> = l.iter().map(|l| l.new_code.as_str()).collect();
        new.sort_unstable();
        new.dedup();
        assert_eq!(new.len(), 34);
    }

    #[test]
    fn tuyen_quang_2025_is_formed_from_ha_giang_and_tuyen_quang() {
        let r = role("vn-2025-provinces", "tuyen-quang-2025");
        let Some(Role::Formed { from }) = r else {
            panic!("{r:?}")
        };
        assert_eq!(
            from,
            [["02", "ha-giang"], ["08", "tuyen-quang"]].map(|p| p.map(String::from))
        );
        assert_eq!(role("vn-2025-provinces", "08-2025"), r_formed_08());
        for old in ["ha-giang", "02", "tuyen-quang", "08"] {
            assert_eq!(
                role("vn-2025-provinces", old),
                Some(Role::Ended {
                    successor: ["08-2025".into(), "tuyen-quang-2025".into()]
                }),
                "{old}"
            );
        }
    }

    fn r_formed_08() -> Option<Role> {
        role("vn-2025-provinces", "tuyen-quang-2025")
    }

    #[test]
    fn lai_chau_is_unchanged_and_gets_no_lineage() {
        for k in ["lai-chau", "12", "lai-chau-2025", "12-2025"] {
            assert_eq!(role("vn-2025-provinces", k), None, "{k}");
        }
        assert_eq!(role("another-table", "ha-giang"), None);
    }
}
