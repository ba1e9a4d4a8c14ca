//! Surgical edits of a dataset file's text: one item of `results:` is
//! replaced or inserted, units may be appended to `units:`, and every other
//! byte stays as it was (comments, spacing, quoting, line ends).

/// A block-style list under a top-level key.
#[derive(Debug)]
struct ListBlock {
    /// Column of the items' dashes.
    indent: usize,
    /// Line index of each item's dash.
    items: Vec<usize>,
    /// One past the last line with content in the block.
    end: usize,
}

/// The text split into lines, each keeping its line end.
pub struct Lines<'a> {
    lines: Vec<&'a str>,
    pub eol: &'static str,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let eol = if lines.first().is_some_and(|l| l.ends_with("\r\n")) {
            "\r\n"
        } else {
            "\n"
        };
        Lines { lines, eol }
    }
}

fn is_neutral(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Find `key:` at column 0 and its block list.
fn list_block(l: &Lines, key: &str) -> Result<ListBlock, String> {
    let head = format!("{key}:");
    let Some(at) = l.lines.iter().position(|s| s.starts_with(&head)) else {
        return Err(format!("the file has no top-level `{key}:`"));
    };
    let rest = l.lines[at][head.len()..].trim();
    if !(rest.is_empty() || rest.starts_with('#')) {
        return Err(format!(
            "`{key}:` is written on one line (flow style), so it cannot be edited in place"
        ));
    }
    let mut indent = None;
    let mut items = Vec::new();
    let mut end = at + 1;
    for (i, line) in l.lines.iter().enumerate().skip(at + 1) {
        if is_neutral(line) {
            continue;
        }
        let ind = indent_of(line);
        let t = line.trim_start_matches(' ');
        let dash = t.starts_with("- ") || t.trim_end() == "-";
        let want = *indent.get_or_insert(ind);
        if !dash && items.is_empty() {
            return Err(format!("`{key}:` does not hold a list of `- ` items"));
        }
        if ind < want || (ind == want && !dash) {
            break;
        }
        if ind == want {
            items.push(i);
        }
        end = i + 1;
    }
    Ok(ListBlock {
        indent: indent.unwrap_or(2),
        items,
        end,
    })
}

/// One past the last content line of the item starting at `items[k]`.
fn item_end(l: &Lines, b: &ListBlock, k: usize) -> usize {
    let next = b.items.get(k + 1).copied().unwrap_or(b.end);
    let mut e = next;
    while e > b.items[k] + 1 && is_neutral(l.lines[e - 1]) {
        e -= 1;
    }
    e
}

fn join(parts: &[&str]) -> String {
    parts.concat()
}

/// Make sure the text before an insertion point ends with a line end.
fn with_eol(before: &[&str], eol: &str) -> String {
    let mut s = join(before);
    if !s.is_empty() && !s.ends_with('\n') {
        s.push_str(eol);
    }
    s
}

/// Replace the year item holding 1-based line `year_line`, or insert
/// `item` (a full item text). `years` are (year, line) of every item, in
/// file order; `year` is the year being written.
pub fn put_year(
    text: &str,
    year: i32,
    existing: &[(i32, usize)],
    item: &str,
) -> Result<String, String> {
    let l = Lines::new(text);
    let b = list_block(&l, "results")?;
    let item_of = |line: usize| b.items.iter().rposition(|&s| s < line);
    if let Some(&(_, line)) = existing.iter().find(|(y, _)| *y == year) {
        let k = item_of(line).ok_or("the year's item was not found")?;
        let (s, e) = (b.items[k], item_end(&l, &b, k));
        return Ok(with_eol(&l.lines[..s], l.eol) + item + &join(&l.lines[e..]));
    }
    // Insert: before the first later year when the file is in order, else last.
    let mut order: Vec<(i32, usize)> = existing
        .iter()
        .filter_map(|&(y, line)| item_of(line).map(|k| (y, k)))
        .collect();
    let ascending = order.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1);
    order.sort();
    let at = match order.iter().find(|(y, _)| *y > year) {
        Some(&(_, k)) if ascending => b.items[k],
        _ => b.end,
    };
    Ok(with_eol(&l.lines[..at], l.eol) + item + &join(&l.lines[at..]))
}

/// The dash column of `results:` items and the file's line end.
pub fn results_style(text: &str) -> (usize, &'static str) {
    let l = Lines::new(text);
    let indent = list_block(&l, "results").map(|b| b.indent).unwrap_or(2);
    (indent, l.eol)
}

/// Append `items` (built by `make(indent, eol)`) at the end of `units:`.
pub fn append_units(text: &str, make: impl Fn(usize, &str) -> String) -> Result<String, String> {
    let l = Lines::new(text);
    let b = list_block(&l, "units")?;
    let add = make(b.indent, l.eol);
    Ok(with_eol(&l.lines[..b.end], l.eol) + &add + &join(&l.lines[b.end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "title: x\nunits:\n  - { key: a, name: A }\n# c\nresults:\n  - year: 2020\n    scores:\n      a: { total: 1 }\n\n  # kept\n  - year: 2022\n    scores:\n      a: { total: 2 }\n";

    #[test]
    fn replace_keeps_the_rest() {
        let out = put_year(
            SRC,
            2020,
            &[(2020, 6), (2022, 11)],
            "  - year: 2020\n    scores: {}\n",
        )
        .unwrap();
        assert_eq!(
            out,
            "title: x\nunits:\n  - { key: a, name: A }\n# c\nresults:\n  - year: 2020\n    scores: {}\n\n  # kept\n  - year: 2022\n    scores:\n      a: { total: 2 }\n"
        );
    }

    #[test]
    fn insert_in_order_or_last() {
        let mid = put_year(SRC, 2021, &[(2020, 6), (2022, 11)], "  - year: 2021\n").unwrap();
        assert!(mid.contains("  # kept\n  - year: 2021\n  - year: 2022\n"));
        let last = put_year(SRC, 2023, &[(2020, 6), (2022, 11)], "  - year: 2023\n").unwrap();
        assert_eq!(last, format!("{SRC}  - year: 2023\n"));
        let units =
            append_units(SRC, |i, e| format!("{}- {{ key: b }}{e}", " ".repeat(i))).unwrap();
        assert!(units.contains("name: A }\n  - { key: b }\n# c\n"));
    }

    #[test]
    fn flow_style_is_refused() {
        assert!(put_year("results: []\n", 2020, &[], "").is_err());
    }
}
